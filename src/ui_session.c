/* The session screen: the clock, the beat, the bars and what comes next; the key
 * help and the "quit?" question over it. */
#include <stdio.h>
#include <string.h>

#include "text.h"
#include "ui_draw.h"
#include "ui_screen.h"
#include "util.h"

static void draw_phase_strip(int y, enum phase current)
{
	int x = 1;

	for (int p = 0; p < PHASE_COUNT; p++) {
		char label[32];
		attr_t attr = p == (int)current ? (color_attr(phase_color(p)) | A_BOLD | A_REVERSE) : A_DIM;
		snprintf(label, sizeof(label), " %s ", phase_title[p]);
		draw_text(y, x, COLS - x, label, attr);
		x += (int)strlen(label) + 2;
	}
}

/* The word under the clock; a paced set shows its beat instead, and a set the runner
 * ends its target, or the reps they typed. */
static const char *step_label(const struct engine *e, const struct step *s,
			      const struct exercise *ex, char *buf, size_t len)
{
	switch (s->kind) {
	case STEP_GET_READY:
		return "GET READY";
	case STEP_SWITCH:
		return "SWITCH TO THE RIGHT SIDE";
	case STEP_REST:
		return "REST";
	case STEP_WORK:
		break;
	}
	if (!is_rep_exercise(ex))
		return "HOLD";
	if (ex->paced)
		return "";
	if (e->reps_entered >= 0)
		snprintf(buf, len, "%d reps done: Enter saves", e->reps_entered);
	else
		snprintf(buf, len, "%d reps: press Enter when done", level_value(&ex->reps, e->routine->level));
	return buf;
}

/* How far into its exercise the session is, by planned time. */
static double exercise_progress(const struct engine *e, int64_t now)
{
	const struct routine *r = e->routine;
	size_t ex = engine_step(e)->exercise;
	int64_t total = 0, done = 0;

	for (size_t i = 0; i < r->nsteps; i++) {
		if (r->steps[i].exercise != ex)
			continue;
		total += (int64_t)r->steps[i].secs * 1000;
		if (i < e->step)
			done += (int64_t)r->steps[i].secs * 1000;
	}
	done += engine_elapsed_ms(e, now);
	return total ? (double)done / (double)total : 1;
}

static void draw_next(const struct ui *ui, int y)
{
	const struct engine *e = &ui->c->engine;
	const struct routine *r = &ui->c->routine;
	size_t next = next_exercise_step(r, e->step);
	char line[400], dose[320];

	if (next >= r->nsteps) {
		draw_text(y, 1, COLS - 2, "Next: the end of the session", A_DIM);
		return;
	}
	format_dose(&r->program->exercises[r->steps[next].exercise], r->level, dose, sizeof(dose));
	snprintf(line, sizeof(line), "Next: %s, %s", r->program->exercises[r->steps[next].exercise].title,
		 dose);
	draw_text(y, 1, COLS - 2, line, A_DIM);
}

/* The big clock, or one line of it on a small screen; returns the lines used. */
static int draw_clock(const struct ui *ui, int y, int64_t at)
{
	const struct coach *c = ui->c;
	const struct engine *e = &c->engine;
	const struct step *s = engine_step(e);
	const struct exercise *ex = &c->program->exercises[s->exercise];
	int64_t deadline = engine_deadline(e);
	attr_t clock_attr = color_attr(phase_color(ex->phase)) | A_BOLD;
	char clock[32], line[400], beat_word[64], label_buf[64];
	const char *label = step_label(e, s, ex, label_buf, sizeof(label_buf));

	if (s->kind == STEP_WORK && is_rep_exercise(ex) && ex->paced) {
		static const char *const beat[] = { "UP", "HOLD", "DOWN" };
		struct tempo_view t = engine_tempo(e, at);
		snprintf(clock, sizeof(clock), "%d/%d", t.rep, level_value(&ex->reps, c->level));
		snprintf(beat_word, sizeof(beat_word), "%s", beat[t.beat]);
		label = beat_word;
	} else if (deadline == NO_DEADLINE) {
		format_clock((long)(engine_elapsed_ms(e, at) / 1000), clock, sizeof(clock));
	} else {
		long secs_left = (long)((deadline - at + 999) / 1000);
		format_clock(secs_left, clock, sizeof(clock));
		if (s->kind == STEP_WORK && secs_left <= 3)
			clock_attr = color_attr(UC_ALERT);
	}
	if (LINES >= 20 && COLS >= 40) {
		int scale = COLS >= 60 ? 2 : 1;
		int w = big_width(clock, scale);
		draw_big(y, (COLS - w) / 2, clock, scale, clock_attr);
		/* the figure again in text, for screen readers and tests */
		snprintf(line, sizeof(line), "%s  %s", label, clock);
		draw_centered(y + BIG_HEIGHT, line, A_BOLD);
		return BIG_HEIGHT + 1;
	}
	snprintf(line, sizeof(line), "%s  %s", clock, label);
	draw_centered(y, line, clock_attr);
	return 1;
}

/* The step, the exercise and the session as bars; returns the lines used. */
static int draw_bars(const struct ui *ui, int y, int64_t at)
{
	const struct coach *c = ui->c;
	const struct engine *e = &c->engine;
	const struct step *s = engine_step(e);
	int64_t deadline = engine_deadline(e);
	int w = COLS - 24;
	int64_t dur = deadline == NO_DEADLINE ? (int64_t)s->secs * 1000 : deadline - e->step_start;
	int64_t left = engine_session_left_ms(e, at);
	char t[16], line[32];

	draw_text(y, 1, 9, "step", A_DIM);
	draw_bar(y, 10, w, dur > 0 ? (double)engine_elapsed_ms(e, at) / (double)dur : 1, ui->utf8);
	draw_text(y + 1, 1, 9, "exercise", A_DIM);
	draw_bar(y + 1, 10, w, exercise_progress(e, at), ui->utf8);
	draw_text(y + 2, 1, 9, "session", A_DIM);
	draw_bar(y + 2, 10, w,
		 c->routine.total_secs ? 1.0 - (double)left / (c->routine.total_secs * 1000.0) : 1,
		 ui->utf8);
	format_clock((long)((left + 999) / 1000), t, sizeof(t)); /* rounded as the step's clock is */
	snprintf(line, sizeof(line), "%s left", t);
	draw_text(y + 2, 11 + w, COLS - 11 - w, line, A_NORMAL);
	return 4;
}

static void draw_help(void)
{
	int h = 4, w = 0, y0, x0, y;

	for (size_t i = 0; i < key_binding_count; i++) {
		const struct key_binding *k = &key_bindings[i];
		int len = k->name && k->map == KM_SESSION ? 8 + (int)strlen(k->help) : 0;
		h += k->name && k->map == KM_SESSION;
		w = len > w ? len : w;
	}
	w += 6;
	if (w > COLS)
		w = COLS;
	y0 = h > LINES ? 0 : (LINES - h) / 2;
	x0 = (COLS - w) / 2;
	for (int i = 0; i < h && y0 + i < LINES; i++)
		mvhline(y0 + i, x0, ' ', w);
	if (h <= LINES && w >= 4)
		draw_box(y0, x0, h, w);
	draw_text(y0, x0 + 2, w - 4, " Keys (the session is paused) ", A_BOLD);
	y = y0 + 1;
	for (size_t i = 0; i < key_binding_count; i++) {
		const struct key_binding *k = &key_bindings[i];
		char line[128];
		if (!k->name || k->map != KM_SESSION)
			continue;
		snprintf(line, sizeof(line), "%-7s %s", k->name, k->help);
		draw_text(y++, x0 + 3, w - 6, line, A_NORMAL);
	}
	draw_text(y + 1 < LINES ? y + 1 : LINES - 1, x0 + 3, w - 6, "any key closes this help", A_DIM);
}

static void draw_confirm_quit(void)
{
	const char *q = "Quit this session? What is done is kept.  y quit  n carry on";
	int y = LINES / 2;

	mvhline(y - 1, 0, ' ', COLS);
	mvhline(y, 0, ' ', COLS);
	mvhline(y + 1, 0, ' ', COLS);
	draw_centered(y, q, A_BOLD | A_REVERSE);
}

static void draw_session(struct ui *ui, int64_t now)
{
	const struct coach *c = ui->c;
	const struct engine *e = &c->engine;
	const struct step *s = engine_step(e);
	const struct exercise *ex = &c->program->exercises[s->exercise];
	int64_t at = e->paused ? e->paused_at : now;
	const char *load, *cue;
	char line[64];
	int y = 1, sets = level_value(&ex->sets, c->level);

	draw_header(ui);
	draw_phase_strip(y++, ex->phase);
	y++;
	snprintf(line, sizeof(line), "set %d of %d%s", s->set, sets,
		 s->side == SIDE_LEFT ? "  LEFT" : s->side == SIDE_RIGHT ? "  RIGHT" : "");
	draw_text(y, 1, COLS - 2 - (int)strlen(line) - 1, ex->title, A_BOLD);
	draw_text(y, COLS - 1 - (int)strlen(line), (int)strlen(line), line, A_BOLD);
	y++;
	if ((load = level_text(&ex->load, c->level)) && *load)
		draw_text(y++, 1, COLS - 2, load, A_NORMAL);
	if ((cue = level_text(&ex->cue, c->level)))
		y += draw_wrapped(y, 1, COLS - 2, LINES >= 20 ? 2 : 1, cue, A_DIM);
	y++;
	y += draw_clock(ui, y, at) + 1;
	if (LINES >= 14 && y + 3 < LINES - 2)
		y += draw_bars(ui, y, at);
	if (y < LINES - 2)
		draw_next(ui, y);
	draw_status_line(ui);
	draw_key_bar(KM_SESSION);
	if (ui->visit->confirm_quit)
		draw_confirm_quit();
	else if (ui->help)
		draw_help();
}

static unsigned session_key(struct ui *ui, int code, wint_t wc, int64_t now)
{
	static const enum engine_cmd cmd_of[] = {
		[ACT_PAUSE] = CMD_PAUSE, [ACT_DONE] = CMD_DONE, [ACT_SKIP] = CMD_SKIP,
		[ACT_SKIP_EXERCISE] = CMD_SKIP_EXERCISE, [ACT_BACK] = CMD_BACK,
		[ACT_REST_PLUS] = CMD_REST_PLUS, [ACT_REST_MINUS] = CMD_REST_MINUS,
	};
	struct visit *v = ui->visit;
	enum ui_action act;

	(void)wc;
	if (v->confirm_quit) {
		act = key_action(KM_CONFIRM_QUIT, code);
		if (act == ACT_YES || act == ACT_NO)
			return visit_answer_quit(v, act == ACT_YES, now, ui_wall(ui));
		return 0;
	}
	if (ui->help) {
		ui->help = false;
		if (ui->help_paused)
			visit_unpause(v, now);
		return ENG_CHANGED;
	}
	switch ((act = key_action(KM_SESSION, code))) {
	case ACT_QUIT:
		return visit_ask_quit(v, now);
	case ACT_DIGIT: {
		int typed = ui->c->engine.reps_entered;
		return visit_set_reps(v, typed < 0 ? code - '0' : typed * 10 + (code - '0'));
	}
	case ACT_ERASE: {
		int typed = ui->c->engine.reps_entered;
		return visit_set_reps(v, typed < 10 ? -1 : typed / 10);
	}
	case ACT_HELP:
		ui->help = true;
		ui->help_paused = visit_pause(v, now);
		return ENG_CHANGED;
	case ACT_PAUSE:
	case ACT_DONE:
	case ACT_SKIP:
	case ACT_SKIP_EXERCISE:
	case ACT_BACK:
	case ACT_REST_PLUS:
	case ACT_REST_MINUS:
		return visit_command(v, cmd_of[act], now, ui_wall(ui));
	default:
		return 0;
	}
}

const struct screen_ops session_screen = {
	.draw = draw_session,
	.key = session_key,
	.keymap = KM_SESSION,
};
