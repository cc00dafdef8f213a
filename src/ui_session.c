/* The session screen: the clock, the beat, the bars and what comes next; the key
 * help and the "quit?" question over it. */
#include <stdio.h>
#include <string.h>

#include "text.h"
#include "ui_draw.h"
#include "ui_screen.h"
#include "util.h"

/* The phases of this routine only, the current one lit. */
static void draw_phase_strip(int y, enum phase current, unsigned phases)
{
	int x = 1;

	for (int p = 0; p < PHASE_COUNT; p++) {
		char label[32];
		if (!(phases & (1u << p)) && p != (int)current)
			continue;
		attr_t attr = p == (int)current ? (color_attr(phase_color(p)) | A_BOLD | A_REVERSE) : A_DIM;
		snprintf(label, sizeof(label), " %s ", phase_title[p]);
		draw_text(y, x, COLS - x, label, attr);
		x += (int)strlen(label) + 2;
	}
}

/* The side of the step after this one: a get-ready names it. */
static enum side side_next(const struct engine *e)
{
	return e->step + 1 < e->routine->nsteps ? e->routine->steps[e->step + 1].side : SIDE_NONE;
}

/* The word under the clock; a paced set shows its beat instead, and a set the runner
 * ends its target, or the reps they typed. */
static const char *step_label(const struct engine *e, const struct step *s,
			      const struct exercise *ex, char *buf, size_t len)
{
	switch (s->kind) {
	case STEP_GET_READY:
		return side_next(e) == SIDE_LEFT    ? "GET READY: LEFT SIDE"
		       : side_next(e) == SIDE_RIGHT ? "GET READY: RIGHT SIDE"
						    : "GET READY";
	case STEP_SWITCH:
		return s->side == SIDE_LEFT ? "SWITCH TO THE LEFT SIDE" : "SWITCH TO THE RIGHT SIDE";
	case STEP_REST:
		return "REST";
	case STEP_WORK:
		break;
	}
	if (!is_rep_exercise(ex))
		return ex->word ? ex->word : "HOLD";
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

/* "Next: Raise, 2 x 12, tempo 2-1-2", the next interval, or the end of the session. */
static void next_text(const struct ui *ui, char *buf, size_t len)
{
	if (!interval_next_text(ui, buf, len))
		routine_next_text(&ui->c->routine, ui->c->engine.step, buf, len);
}

/* What the clock shows: the big text (the time, or a paced set's beat), the line of
 * text under it, and its attribute. */
struct clock_view {
	char big[32];
	char line[160];
	char short_line[160]; /* for a screen too small for the line */
	attr_t attr;
};

static void clock_view(const struct ui *ui, int64_t at, struct clock_view *v)
{
	const struct coach *c = ui->c;
	const struct engine *e = &c->engine;
	const struct step *s = engine_step(e);
	const struct exercise *ex = &c->program->exercises[s->exercise];
	int64_t deadline = engine_deadline(e);
	char clock[32], label_buf[64];
	const char *label = step_label(e, s, ex, label_buf, sizeof(label_buf));

	if (s->kind == STEP_WORK && s->stride) {
		interval_clock(ui, at, v->big, sizeof(v->big), v->line, sizeof(v->line),
			       v->short_line, sizeof(v->short_line), &v->attr);
		return;
	}
	v->attr = color_attr(phase_color(ex->phase)) | A_BOLD;
	if (s->kind == STEP_WORK && is_rep_exercise(ex) && ex->paced) {
		static const char *const beat[] = { "UP", "HOLD", "DOWN" };
		struct tempo_view t = engine_tempo(e, at);
		/* the beat is what the eyes follow: it is the big one */
		snprintf(v->big, sizeof(v->big), "%s", beat[t.beat]);
		snprintf(v->line, sizeof(v->line), "%s  %d/%d", beat[t.beat], t.rep,
			 level_value(&ex->reps, c->level));
		snprintf(v->short_line, sizeof(v->short_line), "%s", v->line);
		return;
	}
	if (deadline == NO_DEADLINE) {
		format_clock((long)(engine_elapsed_ms(e, at) / 1000), clock, sizeof(clock));
	} else {
		long secs_left = (long)((deadline - at + 999) / 1000);
		format_clock(secs_left, clock, sizeof(clock));
		if (s->kind == STEP_WORK && secs_left <= 3)
			v->attr = color_attr(UC_ALERT);
	}
	snprintf(v->big, sizeof(v->big), "%s", clock);
	snprintf(v->line, sizeof(v->line), "%s  %s", label, clock);
	/* 20 columns: the label short enough that the clock always fits beside it */
	if (s->kind == STEP_WORK)
		label = is_rep_exercise(ex) ? "Enter: done" : ex->word ? ex->word : "HOLD";
	else if (s->kind == STEP_SWITCH)
		label = s->side == SIDE_LEFT ? "SWITCH: LEFT" : "SWITCH: RIGHT";
	else if (s->kind == STEP_GET_READY)
		label = side_next(e) == SIDE_LEFT    ? "READY: LEFT"
			: side_next(e) == SIDE_RIGHT ? "READY: RIGHT"
						     : "GET READY";
	snprintf(v->short_line, sizeof(v->short_line), "%s  %s", label, clock);
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

/* The session's keys, boxed over the session, or as a page of its own when the box
 * would not fit. */
static void draw_help(struct ui *ui)
{
	int h = 4, w = 0, y0, x0, y;

	for (size_t i = 0; i < key_binding_count; i++) {
		const struct key_binding *k = &key_bindings[i];
		int len = k->name && k->map == KM_SESSION ? 10 + text_width(k->help) : 0;
		h += k->name && k->map == KM_SESSION;
		w = len > w ? len : w;
	}
	w += 6;
	if (h > LINES || w > COLS) {
		erase();
		page_begin();
		page_text("Keys (the session is paused)", A_BOLD);
		for (size_t i = 0; i < key_binding_count; i++)
			if (key_bindings[i].name && key_bindings[i].map == KM_SESSION)
				page_hanging(key_bindings[i].name, A_BOLD, 10, key_bindings[i].help, A_NORMAL);
		page_gap();
		page_text("Down and Up scroll; any other key closes this help", A_DIM);
		page_draw(ui);
		return;
	}
	y0 = (LINES - h) / 2;
	x0 = (COLS - w) / 2;
	for (int i = 0; i < h; i++)
		mvhline(y0 + i, x0, ' ', w);
	draw_box(y0, x0, h, w);
	draw_text(y0, x0 + 2, w - 4, " Keys (the session is paused) ", A_BOLD);
	y = y0 + 1;
	for (size_t i = 0; i < key_binding_count; i++) {
		const struct key_binding *k = &key_bindings[i];
		char line[128];
		if (!k->name || k->map != KM_SESSION)
			continue;
		snprintf(line, sizeof(line), "%-9s %s", k->name, k->help);
		draw_text(y++, x0 + 3, w - 6, line, A_NORMAL);
	}
	draw_text(y + 1 < LINES ? y + 1 : LINES - 1, x0 + 3, w - 6, "any key closes this help", A_DIM);
}

static void draw_confirm_quit(void)
{
	const char *q = "Quit this session? What is done is kept.  y quit  n carry on";
	int lines = text_lines(q, COLS - 2), y = (LINES - lines) / 2;

	for (int i = -1; i <= lines; i++)
		if (y + i >= 0 && y + i < LINES)
			mvhline(y + i, 0, ' ', COLS);
	if (lines == 1)
		draw_centered(y, q, A_BOLD | A_REVERSE);
	else
		draw_wrapped(y, 1, COLS - 2, lines, q, A_BOLD | A_REVERSE);
}

/* Which parts of the session screen fit, most needed first: the exercise and its
 * set, the clock, the status and keys; then the big clock, the title bar, the load,
 * what comes next, the cue, the phases, the bars, and room between them. */
struct session_layout {
	int title_lines, clock_lines, load_lines, cue_lines, next_lines;
	bool short_clock, header, strip, big, bars, gaps;
	int scale, vscale;
};

static bool take(int *left, int rows)
{
	if (rows > *left)
		return false;
	*left -= rows;
	return true;
}

static void lay_out(const struct ui *ui, const struct clock_view *cv, const char *set_text,
		    const char *load, const char *cue, const char *next, struct session_layout *l)
{
	const struct exercise *ex = &ui->c->program->exercises[engine_step(&ui->c->engine)->exercise];
	int w = COLS - 2, left;

	memset(l, 0, sizeof(*l));
	l->title_lines = text_width(ex->title) + 2 + text_width(set_text) <= w ? 1 : 2;
	l->clock_lines = text_lines(cv->line, w);
	left = LINES - 2 - l->title_lines - l->clock_lines;
	/* a walk/run line that would wrap: its short form (the bars show the session left) */
	if (engine_step(&ui->c->engine)->stride && l->clock_lines > 1) {
		l->short_clock = true;
		left += l->clock_lines - 1;
		l->clock_lines = 1;
	}
	if (left < 0) { /* the smallest screens: the clock on one line, the title too */
		l->short_clock = true;
		l->clock_lines = 1;
		left = LINES - 2 - l->title_lines - 1;
		if (left < 0) {
			l->title_lines = 1;
			left++;
		}
	}
	l->scale = l->vscale = 1;
	l->big = big_width(cv->big, 1) <= w && take(&left, BIG_HEIGHT);
	l->header = take(&left, 1);
	l->load_lines = load && *load && take(&left, text_lines(load, w)) ? text_lines(load, w) : 0;
	l->next_lines = take(&left, text_lines(next, w)) ? text_lines(next, w) : 0;
	l->cue_lines = cue && take(&left, text_lines(cue, w)) ? text_lines(cue, w) : 0;
	l->strip = COLS >= 34 && take(&left, 1);
	l->gaps = take(&left, 3);
	l->bars = COLS >= 30 && take(&left, 4);
	/* what is left grows the clock: taller, and as wide as it then looks right */
	if (l->big)
		while (take(&left, BIG_HEIGHT))
			l->vscale++;
	if (l->big)
		while (l->scale < 2 * l->vscale && big_width(cv->big, l->scale + 1) <= w)
			l->scale++;
}

static void draw_session(struct ui *ui, int64_t now)
{
	const struct coach *c = ui->c;
	const struct engine *e = &c->engine;
	const struct step *s = engine_step(e);
	const struct exercise *ex = &c->program->exercises[s->exercise];
	int64_t at = e->paused ? e->paused_at : now;
	const char *load = level_text(&ex->load, c->level), *cue = level_text(&ex->cue, c->level);
	char set_text[64], next[400];
	struct clock_view cv;
	struct session_layout l;
	int y = 0, sets = level_value(&ex->sets, c->level);

	snprintf(set_text, sizeof(set_text), "set %d of %d%s", s->set, sets,
		 s->side == SIDE_LEFT ? "  LEFT" : s->side == SIDE_RIGHT ? "  RIGHT" : "");
	if (s->stride)
		interval_set_text(s, set_text, sizeof(set_text));
	clock_view(ui, at, &cv);
	next_text(ui, next, sizeof(next));
	lay_out(ui, &cv, set_text, load, cue, next, &l);

	if (l.header)
		draw_header(ui), y++;
	if (l.strip)
		draw_phase_strip(y++, ex->phase, routine_phases(&ui->c->routine));
	y += l.gaps;
	if (l.title_lines == 1) {
		draw_text(y, 1, COLS - 2 - (int)strlen(set_text) - 1, ex->title, A_BOLD);
		draw_text(y, COLS - 1 - (int)strlen(set_text), (int)strlen(set_text), set_text, A_BOLD);
	} else {
		draw_text(y, 1, COLS - 2, ex->title, A_BOLD);
		draw_text(y + 1, 1, COLS - 2, set_text, A_BOLD);
	}
	y += l.title_lines;
	if (l.load_lines)
		y += draw_wrapped(y, 1, COLS - 2, l.load_lines, load, A_NORMAL);
	if (l.cue_lines)
		y += draw_wrapped(y, 1, COLS - 2, l.cue_lines, cue, A_DIM);
	y += l.gaps;
	if (l.big) {
		int w = big_width(cv.big, l.scale);
		draw_big(y, (COLS - w) / 2, cv.big, l.scale, l.vscale, cv.attr);
		y += BIG_HEIGHT * l.vscale;
	}
	/* the figure in text too, for screen readers and tests */
	if (l.short_clock)
		draw_centered(y, cv.short_line, cv.attr);
	else if (l.clock_lines == 1)
		draw_centered(y, cv.line, l.big ? A_BOLD : cv.attr);
	else
		draw_wrapped(y, 1, COLS - 2, l.clock_lines, cv.line, cv.attr);
	y += l.clock_lines;
	y += l.gaps;
	if (l.bars)
		y += draw_bars(ui, y, at);
	if (l.next_lines)
		draw_wrapped(y, 1, COLS - 2, l.next_lines, next, A_DIM);
	draw_status_line(ui);
	/* the bar shows the keys that work now: over "quit?", its own */
	draw_key_bar(ui->visit->confirm_quit ? KM_CONFIRM_QUIT : KM_SESSION);
	if (ui->visit->confirm_quit)
		draw_confirm_quit();
	else if (ui->help)
		draw_help(ui);
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
		enum ui_action scroll = key_action(KM_HELP, code);
		if (scroll != ACT_ANY)
			return page_key(ui, scroll);
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
		ui->scroll = 0;
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
