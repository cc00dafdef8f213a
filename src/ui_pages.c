/* The pages around a session: the safety note, the advice to see a clinician, the
 * start screen and the summary. Each is a page: wrapped to the width, scrolled when
 * it does not fit. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "safety.h"
#include "text.h"
#include "ui_draw.h"
#include "ui_screen.h"
#include "util.h"

#define DOSE_COL 41 /* where doses start on a wide screen, as in --plan */

/* The safety paragraphs from..to, a red flag hanging after its dash. */
static void page_safety(size_t from, size_t to)
{
	for (size_t i = from; i < to; i++) {
		const char *p = safety_note[i];
		if (!*p)
			page_gap();
		else if (strncmp(p, "- ", 2) == 0)
			page_hanging("-", A_NORMAL, 2, p + 2, A_NORMAL);
		else
			page_text(p, i == 0 ? A_BOLD : A_NORMAL);
	}
}

static void page_exercises(const struct coach *c)
{
	int last_phase = -1;
	bool wide = COLS >= DOSE_COL + 20;

	for (size_t i = 0; i < c->program->nexercises; i++) {
		const struct exercise *ex = &c->program->exercises[i];
		attr_t phase_attr = color_attr(phase_color(ex->phase));
		char dose[320], lead[200];

		if (!exercise_at_level(ex, c->level))
			continue;
		format_dose(ex, c->level, dose, sizeof(dose));
		if (!wide) {
			if ((int)ex->phase != last_phase)
				page_text(phase_title[ex->phase], phase_attr | A_BOLD);
			page_hanging("", A_NORMAL, 1, ex->title, A_NORMAL);
			page_hanging("", A_NORMAL, 3, dose, A_DIM);
		} else {
			snprintf(lead, sizeof(lead), "%-11s%s",
				 (int)ex->phase != last_phase ? phase_title[ex->phase] : "", ex->title);
			if (text_width(lead) + 1 > DOSE_COL - 1) {
				page_text(lead, A_NORMAL);
				page_hanging("", A_NORMAL, DOSE_COL - 1, dose, A_DIM);
			} else {
				page_hanging(lead, A_NORMAL, DOSE_COL - 1, dose, A_DIM);
			}
		}
		last_phase = (int)ex->phase;
	}
}

static void draw_start(struct ui *ui, int64_t now)
{
	const struct coach *c = ui->c;
	char line[300], date[DATE_BUF], est[32];
	int64_t total;

	(void)now;
	draw_header(ui);
	page_begin();
	if (c->program->summary)
		page_text(c->program->summary, A_NORMAL);
	page_gap();
	if (c->why[0]) {
		page_text(c->why, A_NORMAL);
		page_gap();
	}
	if (c->runs_note[0]) {
		page_text(c->runs_note, A_NORMAL);
		page_gap();
	}
	if (c->training_day) {
		page_text("Today is a training day.", A_BOLD);
	} else {
		date_format_short(c->next_training_day, date);
		snprintf(line, sizeof(line), "Today is a rest day; the next session is %s. "
					     "Enter trains anyway.", date);
		page_text(line, A_BOLD);
	}
	if (c->rest_note[0])
		page_text(c->rest_note, A_NORMAL);
	if (coach_next_due(c)) { /* several programs at once: the next after this one */
		snprintf(line, sizeof(line), "Due today too: %s, after this one.",
			 coach_next_due(c)->title);
		page_text(line, A_NORMAL);
	}
	page_gap();
	page_exercises(c);
	page_gap();
	total = c->routine.total_secs >= 120 ? (int64_t)estimate_minutes(c->routine.total_secs) * 60
					     : c->routine.total_secs;
	format_secs((int)(total < INT_MAX ? total : INT_MAX), est, sizeof(est));
	snprintf(line, sizeof(line), "About %s.", est);
	page_text(line, A_NORMAL);
	if (coach_walk_run_note(c, line, sizeof(line)))
		page_text(line, A_NORMAL);
	if (ui->opt->history_note)
		page_text(ui->opt->history_note, A_DIM);
	if (ui->opt->voice_note)
		page_text(ui->opt->voice_note, A_DIM);
	page_draw(ui);
	draw_status_line(ui);
	draw_key_bar(KM_START);
}

static unsigned start_key(struct ui *ui, int code, wint_t wc, int64_t now)
{
	enum ui_action act = key_action(KM_START, code);

	(void)wc;
	switch (act) {
	case ACT_CONFIRM:
		return visit_start(ui->visit, false, now, ui_wall(ui));
	case ACT_QUIT:
		return visit_leave(ui->visit);
	case ACT_SAFETY:
		return visit_safety_note(ui->visit, true);
	case ACT_RUNS:
		return visit_runs(ui->visit, true, ui_wall(ui));
	default:
		return page_key(ui, act);
	}
}

/* The whole note, first to acknowledge or again to read: only the keys differ. */
static void draw_safety_page(struct ui *ui, enum keymap keys)
{
	draw_header(ui);
	page_begin();
	page_safety(0, safety_note_lines);
	page_draw(ui);
	draw_status_line(ui);
	draw_key_bar(keys);
}

static void draw_safety(struct ui *ui, int64_t now)
{
	(void)now;
	draw_safety_page(ui, KM_SAFETY);
}

/* Enter reads on to the end of the note before it acknowledges it. */
static unsigned safety_key(struct ui *ui, int code, wint_t wc, int64_t now)
{
	enum ui_action act = key_action(KM_SAFETY, code);

	(void)wc;
	(void)now;
	switch (act) {
	case ACT_CONFIRM:
		if (ui->more_below)
			return page_key(ui, ACT_PAGE_DOWN);
		return visit_acknowledge(ui->visit, ui_wall(ui));
	case ACT_QUIT:
		return visit_leave(ui->visit);
	default:
		return page_key(ui, act);
	}
}

/* The safety note again, from the start screen: to read, nothing to acknowledge. */
static void draw_safety_again(struct ui *ui, int64_t now)
{
	(void)now;
	draw_safety_page(ui, KM_SAFETY_AGAIN);
}

static unsigned safety_again_key(struct ui *ui, int code, wint_t wc, int64_t now)
{
	enum ui_action act = key_action(KM_SAFETY_AGAIN, code);

	(void)wc;
	(void)now;
	if (act == ACT_SCROLL_UP || act == ACT_SCROLL_DOWN || act == ACT_PAGE_UP || act == ACT_PAGE_DOWN)
		return page_key(ui, act);
	return visit_safety_note(ui->visit, false);
}

/* Every red-flag answer no: why the pain still matters, and what happens next. */
static void page_no_flags(const struct coach *c)
{
	char line[400];

	page_text("No red flags reported.", A_BOLD);
	page_gap();
	page_text(c->round.reason, A_NORMAL);
	/* what the scheduler does: 8 or more, the easiest level; else one level back, of
	 * the program the session was of (not the one shown, when another) */
	if (c->round.trigger == TRIG_SEVERE)
		copy_str(line, sizeof(line), "The pain still matters: it says the ankle took more "
			 "than it could. Progression pauses and the next session is at the "
			 "program's easiest level. " FLAG_UNSETTLED_ADVICE);
	else
		snprintf(line, sizeof(line), "The pain still matters: it says the ankle took more "
			 "than it could. The next session%s%s is a level easier. If the pain does "
			 "not settle within a few days, or gets worse, see a clinician.",
			 c->round.other_title[0] ? " of " : "", c->round.other_title);
	page_text(line, A_NORMAL);
}

static void draw_advice(struct ui *ui, int64_t now)
{
	char line[300];

	(void)now;
	draw_header(ui);
	page_begin();
	if (ui->c->round.all_no) {
		page_no_flags(ui->c);
		/* a rating of 8 is what the questions were about: said once is enough */
		if (ui->c->flags.flag == RF_NONE || ui->c->flags.flag == RF_SEVERE) {
			page_draw(ui);
			draw_status_line(ui);
			draw_key_bar(KM_ADVICE);
			return;
		}
		page_gap();
	}
	page_text("Please see a clinician about this ankle.", A_BOLD | color_attr(UC_ALERT));
	page_gap();
	snprintf(line, sizeof(line), "The history shows %s.", ui->c->flags.reason);
	page_text(line, A_NORMAL);
	page_gap();
	page_safety(SAFETY_FLAGS_FIRST, SAFETY_FLAGS_END);
	page_gap();
	page_text("This does not stop your training; it is said once.", A_DIM);
	page_draw(ui);
	draw_status_line(ui);
	draw_key_bar(KM_ADVICE);
}

static unsigned advice_key(struct ui *ui, int code, wint_t wc, int64_t now)
{
	enum ui_action act = key_action(KM_ADVICE, code);

	(void)wc;
	(void)now;
	if (act != ACT_CONFIRM)
		return page_key(ui, act);
	if (ui->more_below)
		return page_key(ui, ACT_PAGE_DOWN);
	return visit_acknowledge(ui->visit, ui_wall(ui));
}

static void draw_summary(struct ui *ui, int64_t now)
{
	const struct coach *c = ui->c;
	char line[400], date[DATE_BUF];

	draw_header(ui);
	page_begin();
	page_text(ui->visit->status == SESSION_DONE ? "Session done." : "Session stopped.", A_BOLD);
	page_gap();
	snprintf(line, sizeof(line), "Sets: %d of %d.  Time: %d min.", c->sets_saved,
		 routine_planned_sets(&c->routine),
		 (int)((engine_active_ms(&c->engine, now) / 1000 + 30) / 60));
	page_text(line, A_NORMAL);
	if (coach_run_summary(c, line, sizeof(line)))
		page_text(line, A_NORMAL);
	if (c->pain_during >= 0 || c->pain_after >= 0) {
		char during[16] = "-", after[16] = "-"; /* a question passed over: no number */
		if (c->pain_during >= 0)
			snprintf(during, sizeof(during), "%d", c->pain_during);
		if (c->pain_after >= 0)
			snprintf(after, sizeof(after), "%d", c->pain_after);
		snprintf(line, sizeof(line), "Pain during: %s.  Pain now: %s.", during, after);
		page_text(line, A_NORMAL);
	}
	date_format_short(c->next_training_day, date);
	snprintf(line, sizeof(line), "Next session: %s.", date);
	page_text(line, A_NORMAL);
	if (c->why_next[0])
		page_text(c->why_next, A_NORMAL);
	if (coach_next_due(c)) {
		page_gap();
		snprintf(line, sizeof(line), "Due today too: %s. Its start screen comes next; q "
			 "there leaves it for another day.", coach_next_due(c)->title);
		page_text(line, A_BOLD);
	}
	page_gap();
	page_text(coach_unsaved(c) ? "Not everything is saved yet; see below."
				   : "Saved to your history.", A_DIM);
	page_draw(ui);
	draw_status_line(ui);
	draw_key_bar(KM_SUMMARY);
}

static unsigned summary_key(struct ui *ui, int code, wint_t wc, int64_t now)
{
	enum ui_action act = key_action(KM_SUMMARY, code);

	(void)wc;
	(void)now;
	if (act == ACT_SCROLL_UP || act == ACT_SCROLL_DOWN || act == ACT_PAGE_UP || act == ACT_PAGE_DOWN)
		return page_key(ui, act);
	return visit_next_program(ui->visit, ui_wall(ui));
}

const struct screen_ops start_screen = { .draw = draw_start, .key = start_key, .keymap = KM_START };
const struct screen_ops safety_screen = { .draw = draw_safety, .key = safety_key, .keymap = KM_SAFETY };
const struct screen_ops advice_screen = { .draw = draw_advice, .key = advice_key, .keymap = KM_ADVICE };
const struct screen_ops safety_again_screen = { .draw = draw_safety_again, .key = safety_again_key,
						.keymap = KM_SAFETY_AGAIN };
const struct screen_ops summary_screen = { .draw = draw_summary, .key = summary_key, .keymap = KM_SUMMARY };
