/* The red-flag screens: one question a screen (y or n), and the stop screen after a
 * yes, its urgency first. Both are pages: wrapped and scrolled at any size. */
#include <stdio.h>

#include "redflag.h"
#include "ui_draw.h"
#include "ui_screen.h"

static void draw_flag(struct ui *ui, int64_t now)
{
	const struct flag_round *r = &ui->c->round;
	char count[64];

	(void)now;
	draw_header(ui);
	page_begin();
	/* the question first: on the smallest screen it is what shows */
	page_text(red_flag_questions[flag_round_question(r)].question, A_BOLD);
	page_gap();
	snprintf(count, sizeof(count), "Question %d of %d.", r->at + 1, r->n);
	page_text(count, A_DIM);
	page_text(r->reason, A_NORMAL);
	page_text("These questions rule out what needs a clinician first.", A_NORMAL);
	page_draw(ui);
	draw_status_line(ui);
	/* y and n answer only once the end is read: until then the bar says how to get there */
	if (ui->more_below)
		draw_read_on_bar(false);
	else
		draw_key_bar(KM_FLAG);
}

static unsigned flag_key(struct ui *ui, int code, wint_t wc, int64_t now)
{
	enum ui_action act = key_action(KM_FLAG, code);

	(void)wc;
	(void)now;
	switch (act) {
	case ACT_YES:
	case ACT_NO:
		/* a question is answered only once it has been read to its end */
		if (ui->more_below)
			return page_key(ui, ACT_PAGE_DOWN);
		return visit_answer_flag(ui->visit, act == ACT_YES, ui_wall(ui));
	default:
		return page_key(ui, act);
	}
}

static void draw_stop(struct ui *ui, int64_t now)
{
	const struct red_flag_question *q = &red_flag_questions[ui->c->round.yes];
	char source[200];

	(void)now;
	draw_header(ui);
	page_begin();
	page_text(flag_urgency_text[q->urgency], A_BOLD | color_attr(UC_ALERT));
	page_gap();
	page_text(q->advice, A_NORMAL);
	page_gap();
	if (ui->c->round.stopped_since) {
		char line[200], date[DATE_BUF];
		time_t t = (time_t)ui->c->round.stopped_since;
		date_format_short(local_day(t), date);
		snprintf(line, sizeof(line), "You answered yes to this on %s.", date);
		page_text(line, A_NORMAL);
	}
	page_text("No session until a clinician has seen the ankle. When they have, set the "
		  "level they advise: talus --set-level N.", A_NORMAL);
	page_gap();
	snprintf(source, sizeof(source), "Source: %s.", q->source);
	page_text(source, A_DIM);
	page_draw(ui);
	draw_status_line(ui);
	draw_key_bar(KM_STOP);
}

static unsigned stop_key(struct ui *ui, int code, wint_t wc, int64_t now)
{
	enum ui_action act = key_action(KM_STOP, code);

	(void)wc;
	(void)now;
	if (act == ACT_QUIT)
		return visit_leave(ui->visit);
	return page_key(ui, act);
}

const struct screen_ops flag_screen = { .draw = draw_flag, .key = flag_key, .keymap = KM_FLAG };
const struct screen_ops stop_screen = { .draw = draw_stop, .key = stop_key, .keymap = KM_STOP };
