/* The pages around a session: the safety note, the advice to see a clinician, the
 * start screen and the summary. */
#include <stdio.h>
#include <string.h>

#include "safety.h"
#include "ui_draw.h"
#include "ui_screen.h"
#include "util.h"

static void draw_exercise_list(const struct coach *c, int y, int max_y)
{
	int last_phase = -1;

	for (size_t i = 0; i < c->program->nexercises; i++) {
		const struct exercise *ex = &c->program->exercises[i];
		char dose[320];

		if (y >= max_y) {
			char more[64];
			snprintf(more, sizeof(more), "  ... and %zu more", c->program->nexercises - i);
			draw_text(max_y, 1, COLS - 2, more, A_DIM);
			return;
		}
		if ((int)ex->phase != last_phase)
			draw_text(y, 2, 10, phase_title[ex->phase], color_attr(phase_color(ex->phase)));
		last_phase = (int)ex->phase;
		draw_text(y, 13, 28, ex->title, A_NORMAL);
		format_dose(ex, c->level, dose, sizeof(dose));
		if (COLS > 44)
			draw_text(y, 42, COLS - 43, dose, A_DIM);
		y++;
	}
}

static void draw_start(struct ui *ui, int64_t now)
{
	const struct coach *c = ui->c;
	char line[300], date[DATE_BUF], est[32];
	int y = 2;

	(void)now;
	draw_header(ui);
	if (c->program->summary)
		y += draw_wrapped(y, 1, COLS - 2, 2, c->program->summary, A_NORMAL);
	y++;
	if (c->why[0])
		y += draw_wrapped(y, 1, COLS - 2, 2, c->why, A_NORMAL) + 1;
	if (c->training_day) {
		draw_text(y++, 1, COLS - 2, "Today is a training day.", A_BOLD);
	} else {
		date_format_short(c->next_training_day, date);
		snprintf(line, sizeof(line), "Today is a rest day; the next session is %s. "
					     "Enter trains anyway.", date);
		y += draw_wrapped(y, 1, COLS - 2, 2, line, A_BOLD);
	}
	y++;
	draw_exercise_list(c, y, LINES - 5);
	format_secs(c->routine.total_secs >= 120 ? (c->routine.total_secs + 30) / 60 * 60
						 : c->routine.total_secs, est, sizeof(est));
	snprintf(line, sizeof(line), "About %s.", est);
	draw_text(LINES - 4, 1, COLS - 2, line, A_NORMAL);
	if (ui->opt->history_note)
		draw_text(LINES - 3, 1, COLS - 2, ui->opt->history_note, A_DIM);
	draw_status_line(ui);
	draw_key_bar(KM_START);
}

static unsigned start_key(struct ui *ui, int code, wint_t wc, int64_t now)
{
	(void)wc;
	switch (key_action(KM_START, code)) {
	case ACT_CONFIRM:
		return visit_start(ui->visit, false, now, ui_wall(ui));
	case ACT_QUIT:
		return visit_leave(ui->visit);
	default:
		return 0;
	}
}

static void draw_safety(struct ui *ui, int64_t now)
{
	int y = 2;

	(void)now;
	draw_header(ui);
	for (size_t i = 0; i < safety_note_lines && y < LINES - 2; i++)
		draw_text(y++, 2, COLS - 3, safety_note[i], i == 0 ? A_BOLD : A_NORMAL);
	draw_status_line(ui);
	draw_key_bar(KM_SAFETY);
}

static unsigned safety_key(struct ui *ui, int code, wint_t wc, int64_t now)
{
	(void)wc;
	(void)now;
	switch (key_action(KM_SAFETY, code)) {
	case ACT_CONFIRM:
		return visit_acknowledge(ui->visit, ui_wall(ui));
	case ACT_QUIT:
		return visit_leave(ui->visit);
	default:
		return 0;
	}
}

static void draw_advice(struct ui *ui, int64_t now)
{
	char line[300];
	int y = 2;

	(void)now;
	draw_header(ui);
	draw_text(y++, 2, COLS - 4, "Please see a clinician about this ankle.", A_BOLD | color_attr(UC_ALERT));
	y++;
	snprintf(line, sizeof(line), "The history shows %s.", ui->c->flags.reason);
	y += draw_wrapped(y, 2, COLS - 4, 2, line, A_NORMAL) + 1;
	for (size_t i = SAFETY_FLAGS_FIRST; i < SAFETY_FLAGS_END && y < LINES - 3; i++)
		draw_text(y++, 2, COLS - 3, safety_note[i], A_NORMAL);
	y++;
	if (y < LINES - 2)
		draw_wrapped(y, 2, COLS - 4, 2, "This does not stop your training; it is said once.", A_DIM);
	draw_status_line(ui);
	draw_key_bar(KM_ADVICE);
}

static unsigned advice_key(struct ui *ui, int code, wint_t wc, int64_t now)
{
	(void)wc;
	(void)now;
	if (key_action(KM_ADVICE, code) != ACT_CONFIRM)
		return 0;
	return visit_acknowledge(ui->visit, ui_wall(ui));
}

static void draw_summary(struct ui *ui, int64_t now)
{
	const struct coach *c = ui->c;
	char line[400], date[DATE_BUF];
	int y = 3;

	draw_header(ui);
	draw_text(y++, 2, COLS - 4, ui->visit->status == SESSION_DONE ? "Session done." : "Session stopped.",
		  A_BOLD);
	y++;
	snprintf(line, sizeof(line), "Sets: %d of %d.  Time: %d min.", c->sets_saved,
		 routine_planned_sets(&c->routine),
		 (int)((engine_active_ms(&c->engine, now) / 1000 + 30) / 60));
	draw_text(y++, 2, COLS - 4, line, A_NORMAL);
	if (c->pain_during >= 0 || c->pain_after >= 0) {
		snprintf(line, sizeof(line), "Pain during: %d.  Pain now: %d.", c->pain_during,
			 c->pain_after);
		draw_text(y++, 2, COLS - 4, line, A_NORMAL);
	}
	date_format_short(c->next_training_day, date);
	snprintf(line, sizeof(line), "Next session: %s.", date);
	draw_text(y++, 2, COLS - 4, line, A_NORMAL);
	if (c->why_next[0])
		y += draw_wrapped(y, 2, COLS - 4, 3, c->why_next, A_NORMAL);
	y++;
	draw_text(y, 2, COLS - 4, coach_unsaved(c) ? "Not everything is saved yet; see below."
						   : "Saved to your history.", A_DIM);
	draw_status_line(ui);
	draw_key_bar(KM_SUMMARY);
}

static unsigned summary_key(struct ui *ui, int code, wint_t wc, int64_t now)
{
	(void)code;
	(void)wc;
	(void)now;
	return visit_leave(ui->visit);
}

const struct screen_ops start_screen = { .draw = draw_start, .key = start_key, .keymap = KM_START };
const struct screen_ops safety_screen = { .draw = draw_safety, .key = safety_key, .keymap = KM_SAFETY };
const struct screen_ops advice_screen = { .draw = draw_advice, .key = advice_key, .keymap = KM_ADVICE };
const struct screen_ops summary_screen = { .draw = draw_summary, .key = summary_key, .keymap = KM_SUMMARY };
