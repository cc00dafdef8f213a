/* The question screens: pain (the morning, during, now), the note, the entry test and
 * the resume offer. Each asks; the visit records the answer and says what is next. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "text.h"
#include "ui_draw.h"
#include "ui_screen.h"
#include "entry_test.h"
#include "util.h"

/* The scale 0-10 on one row, or two (0-5, 6-10) on a narrow screen; the chosen
 * rating in brackets, which reads on any terminal. */
static void page_scale(const struct ui *ui)
{
	int cell = COLS >= 50 ? 4 : 3, per_row = COLS >= 38 ? 11 : 6;
	char row[64];
	size_t len = 0;

	for (int p = 0; p <= 10; p++) {
		len += (size_t)snprintf(row + len, sizeof(row) - len, p == ui->choice ? "[%d]%*s" : " %d %*s",
					p, cell - (p >= 10 ? 4 : 3), "");
		if ((p + 1) % per_row == 0 || p == 10) {
			while (len > 0 && row[len - 1] == ' ')
				len--;
			row[len] = '\0';
			page_text(row, A_BOLD);
			len = 0;
		}
	}
}

static void draw_pain(struct ui *ui, int64_t now)
{
	enum visit_screen s = ui->visit->screen;
	time_t wall = ui_wall(ui);
	struct tm tm;
	/* a walk/run session: the worst pain, and running's limit */
	bool run = s == VS_PAIN_DURING && program_is_walk_run(ui->c->program);

	(void)now;
	localtime_r(&wall, &tm);
	draw_header(ui);
	page_begin();
	page_text(run ? WALK_RUN_PAIN_QUESTION : visit_pain_question(s, tm.tm_hour), A_BOLD);
	page_gap();
	page_scale(ui);
	page_gap();
	page_text(run ? WALK_RUN_PAIN_LEGEND : visit_pain_legend(s), A_DIM);
	page_draw(ui);
	draw_status_line(ui);
	draw_key_bar(KM_PAIN);
}

static unsigned pain_key(struct ui *ui, int code, wint_t wc, int64_t now)
{
	(void)wc;
	(void)now;
	switch (key_action(KM_PAIN, code)) {
	case ACT_DIGIT:
		/* "1" then "0" makes 10 */
		ui->choice = (ui->choice == 1 && code == '0') ? 10 : code - '0';
		return ENG_CHANGED;
	case ACT_LESS:
		ui->choice = ui->choice > 0 ? ui->choice - 1 : 0;
		return ENG_CHANGED;
	case ACT_MORE:
		ui->choice = ui->choice < 10 ? ui->choice + 1 : 10;
		return ENG_CHANGED;
	case ACT_CONFIRM:
		if (ui->choice < 0) /* nothing chosen yet: Enter alone answers nothing */
			return 0;
		return visit_answer_pain(ui->visit, ui->choice, ui_wall(ui));
	case ACT_CANCEL:
		return visit_answer_pain(ui->visit, -1, ui_wall(ui));
	default:
		return page_key(ui, key_action(KM_PAIN, code));
	}
}

static void draw_note(struct ui *ui, int64_t now)
{
	size_t len = strlen(ui->c->note);
	char count[80];

	(void)now;
	draw_header(ui);
	page_begin();
	page_text("A note for today (optional):", A_BOLD);
	page_gap();
	page_text(len ? ui->c->note : "_", A_UNDERLINE);
	page_gap();
	if (len + 4 > NOTE_MAX) /* a character more may not fit: say so, not cut a word */
		snprintf(count, sizeof(count), "The note is full.");
	else /* characters, as the runner counts them; the limit is in bytes, kept roomy */
		snprintf(count, sizeof(count), "%d characters", text_chars(ui->c->note));
	page_text(count, A_DIM);
	ui->scroll = 1 << 20; /* the end, where the typing is */
	page_draw(ui);
	draw_status_line(ui);
	draw_key_bar(KM_NOTE);
}

/* A character typed or pasted into the note: a wint_t is a Unicode code point on glibc
 * whatever the locale, and the note is kept as UTF-8 (controls are refused there). */
static unsigned note_char(struct ui *ui, wint_t wc)
{
	return visit_note_add_char(ui->visit, (uint32_t)wc);
}

static unsigned note_key(struct ui *ui, int code, wint_t wc, int64_t now)
{
	if (code == '\t') /* a note is one line: a tab is a space */
		code = wc = L' ';
	switch (key_action(KM_NOTE, code)) {
	case ACT_CONFIRM:
		return visit_finish(ui->visit, now, ui_wall(ui));
	case ACT_ERASE:
		return visit_note_erase(ui->visit);
	case ACT_PAGE_UP:
	case ACT_PAGE_DOWN:
		return 0; /* the note shows its end */
	default:
		return code == (int)wc ? note_char(ui, wc) : 0; /* not a function key */
	}
}

/* A pasted line break or tab joins the lines with a space: a note is one line. */
static unsigned note_paste(struct ui *ui, wint_t wc)
{
	return note_char(ui, wc == '\n' || wc == '\r' || wc == '\t' ? L' ' : wc);
}

static void draw_test(struct ui *ui, int64_t now)
{
	const struct program *p = ui->c->program;
	char line[300];

	(void)now;
	draw_header(ui);
	page_begin();
	snprintf(line, sizeof(line), "You have done the last level of %s. Before %s:", p->title,
		 program_next_title(p));
	page_text(line, A_BOLD);
	page_gap();
	if (p->measured_test) { /* timed and counted by the coach, not answered */
		if (p->measure == MEASURE_STANCE)
			snprintf(line, sizeof(line), "The single-leg stance test: stand on one leg, "
				 "eyes open, hands on hips, up to %d s; Enter at once if the other foot "
				 "touches down; then the other side. To pass: %d s each side.",
				 p->test_pass, p->test_pass);
		else if (p->measure == MEASURE_POGO)
			snprintf(line, sizeof(line), "The pogo hop test: 3 x 20 small hops on both "
				 "feet at the beat; Enter stops a set if it hurts. To pass: all 60, "
				 "with pain at most 2/10.");
		else
			snprintf(line, sizeof(line), "The heel-rise test: on one leg, knee straight, "
				 "fingertips on a wall, rise as high as you can at the beat (30 a "
				 "minute) until you cannot keep up, then Enter; then the other side. "
				 "To pass: %d each side, and the sore side at least 90%% of the other "
				 "(Hebert-Losier 2017).", p->test_pass);
		page_text(line, A_NORMAL);
		if (p->entry_test) {
			page_gap();
			page_text(p->entry_test, A_DIM);
		}
	} else {
		page_text(p->entry_test, A_NORMAL);
	}
	page_draw(ui);
	draw_status_line(ui);
	draw_key_bar(p->measured_test ? KM_MEASURE : KM_TEST);
}

static unsigned test_key(struct ui *ui, int code, wint_t wc, int64_t now)
{
	enum ui_action act;

	(void)wc;
	if (ui->c->program->measured_test) {
		act = key_action(KM_MEASURE, code);
		if (act == ACT_CONFIRM)
			return visit_start_test(ui->visit, now, ui_wall(ui));
		if (act == ACT_NO)
			return visit_decline_test(ui->visit);
		return page_key(ui, act);
	}
	act = key_action(KM_TEST, code);
	if (act != ACT_YES && act != ACT_NO)
		return page_key(ui, act);
	return visit_answer_test(ui->visit, act == ACT_YES, ui_wall(ui));
}

static void draw_resume(struct ui *ui, int64_t now)
{
	const struct coach *c = ui->c;
	const struct step *s = &c->routine.steps[c->resume_step];
	char line[300];

	(void)now;
	draw_header(ui);
	page_begin();
	snprintf(line, sizeof(line), "Today's session stopped before %s, set %d%s.",
		 c->program->exercises[s->exercise].title, s->set,
		 s->side == SIDE_RIGHT ? " (right)" : s->side == SIDE_LEFT ? " (left)" : "");
	page_text(line, A_BOLD);
	page_gap();
	page_text("Resume where it stopped?", A_NORMAL);
	if (ui->opt->voice_note)
		page_text(ui->opt->voice_note, A_DIM);
	page_draw(ui);
	draw_status_line(ui);
	draw_key_bar(KM_RESUME);
}

static unsigned resume_key(struct ui *ui, int code, wint_t wc, int64_t now)
{
	(void)wc;
	switch (key_action(KM_RESUME, code)) {
	case ACT_YES:
		return visit_start(ui->visit, true, now, ui_wall(ui));
	case ACT_NO:
		return visit_decline_resume(ui->visit);
	case ACT_QUIT:
		return visit_leave(ui->visit);
	default:
		return page_key(ui, key_action(KM_RESUME, code));
	}
}

const struct screen_ops pain_screen = { .draw = draw_pain, .key = pain_key, .keymap = KM_PAIN };
const struct screen_ops note_screen = { .draw = draw_note, .key = note_key, .keymap = KM_NOTE, .paste = note_paste };
const struct screen_ops test_screen = { .draw = draw_test, .key = test_key, .keymap = KM_TEST };
const struct screen_ops resume_screen = { .draw = draw_resume, .key = resume_key, .keymap = KM_RESUME };
