/* The session screen's walk/run interval: WALK or RUN big with the countdown, which
 * interval of how many, and the time left in the session; a distance off a treadmill
 * shown as a distance, its clock counting up until Enter. */
#include <stdio.h>
#include <string.h>

#include "intervals.h"
#include "text.h"
#include "ui_draw.h"
#include "ui_screen.h"

static const char *const stride_big[] = { "", "WALK", "RUN" };
static const char *const stride_low[] = { "", "walk", "run" };

/* "0.10 mi", "400 m": the interval's words without its stride */
static void distance_text(const struct step *s, char *buf, size_t len)
{
	struct interval iv = { s->stride, 0, s->metres, s->miles };
	char both[48];

	format_interval(&iv, UNITS_KM, both, sizeof(both));
	snprintf(buf, len, "%s", strchr(both, ' ') + 1);
}

void interval_set_text(const struct step *s, char *buf, size_t len)
{
	snprintf(buf, len, "%s %d of %d", stride_low[s->stride], s->nth, s->of);
}

void interval_clock(const struct ui *ui, int64_t at, char *big, size_t big_len, char *line,
		    size_t line_len, char *short_line, size_t short_len, attr_t *attr)
{
	const struct engine *e = &ui->c->engine;
	const struct step *s = engine_step(e);
	int64_t deadline = engine_deadline(e);
	int64_t left_ms = engine_session_left_ms(e, at);
	char clock[16], left[16], dist[48];
	long secs;

	*attr = color_attr(s->stride == STRIDE_RUN ? UC_MAIN : UC_COOLDOWN) | A_BOLD;
	format_clock((long)((left_ms + 999) / 1000), left, sizeof(left));
	if (s->by_hand) { /* a distance with no clock: the time so far, and Enter */
		distance_text(s, dist, sizeof(dist));
		format_clock((long)(engine_elapsed_ms(e, at) / 1000), clock, sizeof(clock));
		snprintf(big, big_len, "%s", stride_big[s->stride]);
		snprintf(line, line_len, "%s %d of %d: %s, Enter at its end  %s  (session %s left)",
			 stride_big[s->stride], s->nth, s->of, dist, clock, left);
		if (text_width(line) > COLS - 2) /* the bars show the session left */
			snprintf(line, line_len, "%s %d of %d: %s, Enter at its end  %s",
				 stride_big[s->stride], s->nth, s->of, dist, clock);
		snprintf(short_line, short_len, "%s %s: Enter", stride_big[s->stride], dist);
		return;
	}
	secs = (long)((deadline - at + 999) / 1000);
	format_clock(secs, clock, sizeof(clock));
	if (secs <= 3)
		*attr = color_attr(UC_ALERT) | A_BOLD;
	/* the word and the countdown big when they fit together, else the word */
	snprintf(big, big_len, "%s %s", stride_big[s->stride], clock);
	if (big_width(big, 1) > COLS - 2)
		snprintf(big, big_len, "%s", stride_big[s->stride]);
	snprintf(line, line_len, "%s %d of %d  %s  (session %s left)", stride_big[s->stride],
		 s->nth, s->of, clock, left);
	if (text_width(line) > COLS - 2) /* the bars show the session left */
		snprintf(line, line_len, "%s %d of %d  %s", stride_big[s->stride], s->nth, s->of,
			 clock);
	snprintf(short_line, short_len, "%s %d/%d  %s", stride_big[s->stride], s->nth, s->of,
		 clock);
}

bool interval_next_text(const struct ui *ui, char *buf, size_t len)
{
	return intervals_next_text(&ui->c->routine, ui->c->engine.step, buf, len);
}
