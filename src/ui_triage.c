/* The triage's screens: one question a screen with its options, then the pathway the
 * answers point to, which the runner may change. The visit records the choice. */
#include <stdio.h>

#include "ui_draw.h"
#include "ui_screen.h"
#include "util.h"

/* The options as a list, numbered, the chosen one marked (which reads on any terminal);
 * with follow, the page scrolls to keep the marked one in view. */
static void page_options(const char *const *option, int n, int chosen, bool follow)
{
	char lead[16];

	for (int i = 0; i < n; i++) {
		attr_t attr = i == chosen ? A_BOLD : A_NORMAL;
		snprintf(lead, sizeof(lead), "%s%d", i == chosen ? "> " : "  ", i + 1);
		page_focus(follow && i == chosen);
		page_hanging(lead, attr, 6, option[i], attr); /* a long option wraps under itself */
	}
	page_focus(false);
}

static void draw_triage(struct ui *ui, int64_t now)
{
	int q = ui->c->triage_question;
	char head[64];

	(void)now;
	draw_header(ui);
	page_begin();
	snprintf(head, sizeof(head), "Question %d of %d", q + 1, TQ_COUNT);
	page_text(head, A_DIM);
	page_text(triage_questions[q].question, A_BOLD);
	page_gap();
	page_options(triage_questions[q].option, triage_questions[q].noptions, ui->choice, true);
	page_draw(ui);
	draw_status_line(ui);
	/* on a small screen the options are below: Down marks them and takes the page along */
	if (ui->more_below)
		draw_read_on_bar(true);
	else
		draw_key_bar_choices(KM_TRIAGE, triage_questions[q].noptions);
}

/* Up and Down move the mark, a number chooses at once, Enter takes the marked one. */
static unsigned choose(struct ui *ui, enum ui_action act, int code, int n, int *picked)
{
	*picked = -1;
	switch (act) {
	case ACT_LESS:
		ui->choice = ui->choice <= 0 ? 0 : ui->choice - 1;
		return ENG_CHANGED;
	case ACT_MORE:
		ui->choice = ui->choice < 0 ? 0 : ui->choice + 1 < n ? ui->choice + 1 : n - 1;
		return ENG_CHANGED;
	case ACT_DIGIT:
		if (code - '1' >= 0 && code - '1' < n)
			*picked = code - '1';
		return 0;
	case ACT_CONFIRM:
		*picked = ui->choice;
		return 0;
	default:
		return page_key(ui, act);
	}
}

static unsigned triage_key(struct ui *ui, int code, wint_t wc, int64_t now)
{
	enum ui_action act = key_action(KM_TRIAGE, code);
	int q = ui->c->triage_question, picked;
	unsigned changed;

	(void)wc;
	(void)now;
	if (act == ACT_QUIT)
		return visit_leave(ui->visit);
	changed = choose(ui, act, code, triage_questions[q].noptions, &picked);
	if (picked < 0)
		return changed;
	return visit_answer_triage(ui->visit, picked);
}

static void draw_pathway(struct ui *ui, int64_t now)
{
	const struct coach *c = ui->c;
	const char *title[PATHWAY_COUNT];
	char line[300];

	(void)now;
	if (ui->choice < 0)
		ui->choice = (int)c->proposed;
	for (int p = 0; p < PATHWAY_COUNT; p++)
		title[p] = pathway_title((enum pathway)p);
	draw_header(ui);
	page_begin();
	snprintf(line, sizeof(line), "Your answers point to: %s.", pathway_title(c->proposed));
	page_text(line, A_BOLD);
	page_text(c->triage_why, A_NORMAL);
	page_gap();
	page_text("A coach, not a diagnosis: if it is not this, choose another.", A_DIM);
	/* the proposal is marked from the start: the page follows the mark once it moves */
	page_options(title, PATHWAY_COUNT, ui->choice,
		     ui->scroll > 0 || ui->choice != (int)c->proposed);
	page_draw(ui);
	draw_status_line(ui);
	draw_key_bar_choices(KM_PATHWAY, PATHWAY_COUNT);
}

static unsigned pathway_screen_key(struct ui *ui, int code, wint_t wc, int64_t now)
{
	enum ui_action act = key_action(KM_PATHWAY, code);
	unsigned changed;
	int picked;

	(void)wc;
	(void)now;
	if (act == ACT_QUIT)
		return visit_leave(ui->visit);
	if (ui->choice < 0)
		ui->choice = (int)ui->c->proposed;
	changed = choose(ui, act, code, PATHWAY_COUNT, &picked);
	if (picked < 0)
		return changed;
	return visit_choose_pathway(ui->visit, (enum pathway)picked, ui_wall(ui));
}

const struct screen_ops triage_screen = { .draw = draw_triage, .key = triage_key, .keymap = KM_TRIAGE };
const struct screen_ops pathway_screen = { .draw = draw_pathway, .key = pathway_screen_key, .keymap = KM_PATHWAY };
