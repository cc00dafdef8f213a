/* The coach screen: one loop that waits for the next deadline or key, lets the
 * engine and the coach act, and redraws. Signal handlers only set flags. */
#include "ui.h"

#include <langinfo.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include "clock.h"
#include "ui_curses.h"
#include "ui_draw.h"
#include "text.h"
#include "util.h"

#define MIN_COLS 40
#define MIN_LINES 10
#define RETRY_MS 10000
#define SLEEP_GAP_MS 2000 /* CLOCK_BOOTTIME ahead of CLOCK_MONOTONIC by this: a suspend */

enum ui_screen {
	SCR_MORNING,
	SCR_ADVICE,
	SCR_TEST,
	SCR_SAFETY,
	SCR_RESUME,
	SCR_START,
	SCR_SESSION,
	SCR_PAIN_DURING,
	SCR_PAIN_AFTER,
	SCR_NOTE,
	SCR_SUMMARY,
	SCR_EXIT,
};

struct ui {
	struct coach *c;
	const struct ui_options *opt;
	enum ui_screen screen;
	bool help;
	bool help_paused;      /* the help paused the session, and resumes it on close */
	bool confirm_quit;
	bool too_small;
	bool auto_paused;
	bool utf8;
	int choice;            /* pain being chosen */
	size_t note_len;
	enum session_status status;
	int64_t last_now;
	int64_t boot_gap;      /* CLOCK_BOOTTIME - CLOCK_MONOTONIC at the last pass */
	int64_t next_retry;
	bool drawn;            /* the first frame is out (for --trace) */
};

static volatile sig_atomic_t got_signal;
static volatile sig_atomic_t got_cont;

static void on_signal(int sig)
{
	got_signal = sig;
}

static void on_cont(int sig)
{
	(void)sig;
	got_cont = 1;
}

static void install_handlers(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_signal; /* no SA_RESTART: the wait in wgetch returns at once */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sa.sa_handler = on_cont;
	sigaction(SIGCONT, &sa, NULL);
}

static int64_t boot_gap_ms(void)
{
	struct timespec boot, mono;

	clock_gettime(CLOCK_BOOTTIME, &boot);
	clock_gettime(CLOCK_MONOTONIC, &mono);
	return ((int64_t)boot.tv_sec - mono.tv_sec) * 1000 + (boot.tv_nsec - mono.tv_nsec) / 1000000;
}

/* A closed terminal makes every read return at once; treat it as a hang-up rather
 * than spin. */
static bool input_hung_up(void)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };

	return poll(&p, 1, 0) == 1 && (p.revents & (POLLHUP | POLLERR | POLLNVAL));
}

bool ui_available(char *why, size_t len)
{
	const char *term = getenv("TERM");
	int err = 0;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		snprintf(why, len, "the coach needs a terminal on standard input and output; "
				   "for a pipe or a printer use talus --plan");
		return false;
	}
	if (!term || !*term || strcmp(term, "dumb") == 0) {
		snprintf(why, len, "the coach needs a screen terminal (TERM is '%s'); "
				   "use talus --plan instead", term ? term : "");
		return false;
	}
	if (setupterm(NULL, STDOUT_FILENO, &err) != OK) {
		snprintf(why, len, "unknown terminal type '%s'; use talus --plan instead", term);
		return false;
	}
	del_curterm(cur_term);
	return true;
}

static void ring(const struct ui *ui)
{
	if (ui->opt->sound == SOUND_BELL)
		beep();
	else if (ui->opt->sound == SOUND_FLASH)
		flash();
}

/* ---- drawing ---- */

static void draw_header(const struct ui *ui)
{
	const struct coach *c = ui->c;
	char left[160], date[DATE_BUF];
	struct civil_date cd = civil_from_days(c->today);

	date_format_short(c->today, date);
	snprintf(left, sizeof(left), " talus  %s  level %d of %d", c->program->title, c->level,
		 c->program->levels);
	attron(color_attr(UC_HEADER));
	mvhline(0, 0, ' ', COLS);
	attroff(color_attr(UC_HEADER));
	draw_text(0, 0, COLS, left, color_attr(UC_HEADER) | A_BOLD);
	snprintf(left, sizeof(left), "%s %d ", date, cd.year);
	if ((int)strlen(left) + text_width(c->program->title) + 24 < COLS)
		draw_text(0, COLS - (int)strlen(left), (int)strlen(left), left, color_attr(UC_HEADER));
}

static enum ui_color phase_color(enum phase p)
{
	return p == PHASE_WARMUP ? UC_WARMUP : p == PHASE_MAIN ? UC_MAIN : UC_COOLDOWN;
}

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

static void draw_keys_line(const char *text)
{
	draw_text(LINES - 1, 0, COLS, text, A_DIM);
}

static void draw_status_line(const struct ui *ui)
{
	const char *err = coach_save_error(ui->c);
	char line[400];

	if (err) {
		snprintf(line, sizeof(line), "NOT SAVED, retrying: %s", err);
		draw_text(LINES - 2, 0, COLS, line, color_attr(UC_ALERT));
	} else if (ui->c->engine.paused && ui->screen == SCR_SESSION) {
		draw_text(LINES - 2, 0, COLS, "PAUSED: Space resumes", A_BOLD | A_BLINK);
	}
}

/* The word under the clock; a paced set shows its beat instead. */
static const char *step_label(const struct step *s, const struct exercise *ex)
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
	return ex->paced ? "" : "press Enter when done";
}

/* How far into its exercise the session is, by planned time. */
static void exercise_progress(const struct engine *e, int64_t now, double *fraction)
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
	*fraction = total ? (double)done / (double)total : 1;
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

static void draw_session(const struct ui *ui, int64_t now)
{
	const struct coach *c = ui->c;
	const struct engine *e = &c->engine;
	const struct step *s = engine_step(e);
	const struct exercise *ex = &c->program->exercises[s->exercise];
	int64_t at = e->paused ? e->paused_at : now;
	int64_t deadline = engine_deadline(e);
	char clock[32], line[400], extra[64];
	const char *label, *load, *cue;
	attr_t clock_attr = color_attr(phase_color(ex->phase)) | A_BOLD;
	bool big = LINES >= 20 && COLS >= 40, bars = LINES >= 14;
	int y = 1, sets = level_value(&ex->sets, c->level);
	long secs_left;
	double frac;

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

	/* the clock */
	label = step_label(s, ex);
	if (s->kind == STEP_WORK && is_rep_exercise(ex) && ex->paced) {
		static const char *const beat[] = { "UP", "HOLD", "DOWN" };
		struct tempo_view t = engine_tempo(e, at);
		snprintf(clock, sizeof(clock), "%d/%d", t.rep, level_value(&ex->reps, c->level));
		snprintf(extra, sizeof(extra), "%s", beat[t.beat]);
		label = extra;
	} else if (deadline == NO_DEADLINE) {
		format_clock((long)(engine_elapsed_ms(e, at) / 1000), clock, sizeof(clock));
	} else {
		secs_left = (long)((deadline - at + 999) / 1000);
		format_clock(secs_left, clock, sizeof(clock));
		if (s->kind == STEP_WORK && secs_left <= 3)
			clock_attr = color_attr(UC_ALERT);
	}
	if (big) {
		int scale = COLS >= 60 ? 2 : 1;
		int w = big_width(clock, scale);
		draw_big(y, (COLS - w) / 2, clock, scale, clock_attr);
		y += BIG_HEIGHT;
		/* the figure again in text, for screen readers and tests */
		snprintf(line, sizeof(line), "%s  %s", label, clock);
		draw_centered(y++, line, A_BOLD);
	} else {
		snprintf(line, sizeof(line), "%s  %s", clock, label);
		draw_centered(y++, line, clock_attr);
	}
	y++;

	if (bars && y + 3 < LINES - 2) {
		int w = COLS - 24;
		int64_t dur = deadline == NO_DEADLINE ? (int64_t)s->secs * 1000 : deadline - e->step_start;
		int64_t left = engine_session_left_ms(e, at);
		char t[16];

		draw_text(y, 1, 9, "step", A_DIM);
		draw_bar(y++, 10, w, dur > 0 ? (double)engine_elapsed_ms(e, at) / (double)dur : 1,
			 ui->utf8);
		exercise_progress(e, at, &frac);
		draw_text(y, 1, 9, "exercise", A_DIM);
		draw_bar(y++, 10, w, frac, ui->utf8);
		draw_text(y, 1, 9, "session", A_DIM);
		draw_bar(y, 10, w,
			 c->routine.total_secs ? 1.0 - (double)left / (c->routine.total_secs * 1000.0) : 1,
			 ui->utf8);
		format_clock((long)(left / 1000), t, sizeof(t));
		snprintf(line, sizeof(line), "%s left", t);
		draw_text(y++, 11 + w, COLS - 11 - w, line, A_NORMAL);
		y++;
	}
	if (y < LINES - 2)
		draw_next(ui, y);
	draw_status_line(ui);
	draw_keys_line(COLS >= 72 ? " Space pause  Enter done  s skip  b back  +/- rest  q quit  ? help"
				  : " Space pause  Enter done  q quit  ? help");
}

static void draw_help(void)
{
	int h = 4, w = 0, y0, x0, y;

	for (size_t i = 0; i < key_binding_count; i++) {
		int len = key_bindings[i].name ? 8 + (int)strlen(key_bindings[i].help) : 0;
		h += key_bindings[i].name != NULL;
		w = len > w ? len : w;
	}
	w += 6;
	if (w > COLS)
		w = COLS;
	y0 = h > LINES ? 0 : (LINES - h) / 2;
	x0 = (COLS - w) / 2;
	for (int i = 0; i < h && y0 + i < LINES; i++)
		mvhline(y0 + i, x0, ' ', w);
	if (h <= LINES && w >= 4) {
		mvaddch(y0, x0, ACS_ULCORNER);
		mvhline(y0, x0 + 1, ACS_HLINE, w - 2);
		mvaddch(y0, x0 + w - 1, ACS_URCORNER);
		mvvline(y0 + 1, x0, ACS_VLINE, h - 2);
		mvvline(y0 + 1, x0 + w - 1, ACS_VLINE, h - 2);
		mvaddch(y0 + h - 1, x0, ACS_LLCORNER);
		mvhline(y0 + h - 1, x0 + 1, ACS_HLINE, w - 2);
		mvaddch(y0 + h - 1, x0 + w - 1, ACS_LRCORNER);
	}
	draw_text(y0, x0 + 2, w - 4, " Keys (the session is paused) ", A_BOLD);
	y = y0 + 1;
	for (size_t i = 0; i < key_binding_count; i++) {
		char line[128];
		if (!key_bindings[i].name)
			continue;
		snprintf(line, sizeof(line), "%-7s %s", key_bindings[i].name, key_bindings[i].help);
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

static void draw_start(const struct ui *ui)
{
	const struct coach *c = ui->c;
	char line[300], date[DATE_BUF];
	int y = 2;

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
	{
		char est[32];
		format_secs(c->routine.total_secs >= 120 ? (c->routine.total_secs + 30) / 60 * 60
							 : c->routine.total_secs, est, sizeof(est));
		snprintf(line, sizeof(line), "About %s.", est);
	}
	draw_text(LINES - 4, 1, COLS - 2, line, A_NORMAL);
	if (ui->opt->history_note)
		draw_text(LINES - 3, 1, COLS - 2, ui->opt->history_note, A_DIM);
	draw_status_line(ui);
	draw_keys_line(" Enter start   q quit");
}

static const char *const safety_lines[] = {
	"talus is a coach, not a diagnosis.",
	"",
	"Stop and see a clinician if:",
	"- you cannot take four steps, or the ankle bones, the outer edge of the foot",
	"  or the top of the midfoot are tender to press (an X-ray may be needed);",
	"- you felt a pop or a kick in the calf and cannot rise on tiptoe: emergency;",
	"- you heard a crack, the ankle looks misshapen, the foot is numb or cold;",
	"- the joint is hot, red and swollen, you have a fever, or the calf is",
	"  swollen, warm or tender: urgent care;",
	"- pain at one spot on a bone, when hopping, or at night;",
	"- pain past a week, severe pain or swelling, giving way twice in 6 months.",
	"",
	"Pain up to 5 of 10 during exercise is acceptable if it settles by the next",
	"morning. The coach asks, and adjusts.",
};

static void draw_safety(const struct ui *ui)
{
	int y = 2;

	draw_header(ui);
	for (size_t i = 0; i < ARRAY_SIZE(safety_lines) && y < LINES - 2; i++)
		draw_text(y++, 2, COLS - 3, safety_lines[i], i == 0 ? A_BOLD : A_NORMAL);
	draw_status_line(ui);
	draw_keys_line(" Enter: I have read this   q quit");
}

static void draw_advice(const struct ui *ui)
{
	char line[300];
	int y = 2;

	draw_header(ui);
	draw_text(y++, 2, COLS - 4, "Please see a clinician about this ankle.", A_BOLD | color_attr(UC_ALERT));
	y++;
	snprintf(line, sizeof(line), "The history shows %s.", ui->c->flags.reason);
	y += draw_wrapped(y, 2, COLS - 4, 2, line, A_NORMAL) + 1;
	for (size_t i = 2; i < ARRAY_SIZE(safety_lines) - 3 && y < LINES - 3; i++)
		draw_text(y++, 2, COLS - 3, safety_lines[i], A_NORMAL);
	y++;
	if (y < LINES - 2)
		draw_wrapped(y, 2, COLS - 4, 2, "This does not stop your training; it is said once.", A_DIM);
	draw_status_line(ui);
	draw_keys_line(" Enter: understood");
}

static void draw_test(const struct ui *ui)
{
	char line[300];

	draw_header(ui);
	snprintf(line, sizeof(line), "You have done the last level of %s. Before %s:",
		 ui->c->program->title, ui->c->program->next);
	draw_wrapped(3, 2, COLS - 4, 2, line, A_BOLD);
	draw_wrapped(6, 2, COLS - 4, 3, ui->c->program->entry_test, A_NORMAL);
	draw_status_line(ui);
	draw_keys_line(" y yes, move on   n not yet");
}

static void draw_resume(const struct ui *ui)
{
	const struct coach *c = ui->c;
	const struct step *s = &c->routine.steps[c->resume_step];
	char line[300];

	draw_header(ui);
	snprintf(line, sizeof(line), "Today's session stopped before %s, set %d%s.",
		 c->program->exercises[s->exercise].title, s->set,
		 s->side == SIDE_RIGHT ? " (right)" : s->side == SIDE_LEFT ? " (left)" : "");
	draw_wrapped(3, 2, COLS - 4, 3, line, A_BOLD);
	draw_text(6, 2, COLS - 4, "Resume where it stopped?", A_NORMAL);
	draw_status_line(ui);
	draw_keys_line(" y resume   n start again   q quit");
}

static void draw_pain(const struct ui *ui)
{
	const char *q = ui->screen == SCR_PAIN_DURING ? "How much did the ankle hurt during the session?"
			: ui->screen == SCR_MORNING ? "Good morning. How does the ankle feel this morning?"
						      : "How much does it hurt now?";
	int x = (COLS - 44) / 2, y = LINES / 2 - 3;

	if (x < 0)
		x = 0;
	draw_header(ui);
	draw_wrapped(y, 2, COLS - 4, 2, q, A_BOLD);
	y += 3;
	for (int p = 0; p <= 10; p++) {
		char n[8];
		enum ui_color col = p <= 2 ? UC_MAIN : p <= 5 ? UC_WARMUP : UC_ALERT;
		snprintf(n, sizeof(n), " %d ", p);
		draw_text(y, x + p * 4, 4, n,
			  p == ui->choice ? (A_REVERSE | A_BOLD | color_attr(col)) : color_attr(col));
	}
	y += 2;
	draw_wrapped(y, 2, COLS - 4, 2,
		     "0-2 safe, 3-5 acceptable, above 5 too much (pain-monitoring model)", A_DIM);
	draw_status_line(ui);
	draw_keys_line(" Left/Right or 0-9 choose   Enter confirm   Esc skip");
}

static void draw_note(const struct ui *ui)
{
	draw_header(ui);
	draw_text(3, 2, COLS - 4, "A note for today (optional):", A_BOLD);
	draw_text(5, 2, COLS - 4, ui->c->note, A_UNDERLINE);
	draw_status_line(ui);
	draw_keys_line(" Enter finish   Backspace delete");
}

static void draw_summary(const struct ui *ui)
{
	const struct coach *c = ui->c;
	char line[400], date[DATE_BUF];
	int y = 3;

	draw_header(ui);
	draw_text(y++, 2, COLS - 4, ui->status == SESSION_DONE ? "Session done." : "Session stopped.",
		  A_BOLD);
	y++;
	snprintf(line, sizeof(line), "Sets: %d of %d.  Time: %d min.", c->sets_saved,
		 routine_planned_sets(&c->routine),
		 (int)((engine_active_ms(&c->engine, monotonic_ms()) / 1000 + 30) / 60));
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
	draw_keys_line(" any key: leave");
}

static void draw(struct ui *ui, int64_t now)
{
	erase();
	if (ui->too_small) {
		draw_text(0, 0, COLS, "Terminal too small: talus needs 40x10. Paused.", A_BOLD);
		refresh();
		return;
	}
	switch (ui->screen) {
	case SCR_MORNING: draw_pain(ui); break;
	case SCR_ADVICE: draw_advice(ui); break;
	case SCR_TEST: draw_test(ui); break;
	case SCR_SAFETY: draw_safety(ui); break;
	case SCR_RESUME: draw_resume(ui); break;
	case SCR_START: draw_start(ui); break;
	case SCR_SESSION:
		draw_session(ui, now);
		if (ui->confirm_quit)
			draw_confirm_quit();
		else if (ui->help)
			draw_help();
		break;
	case SCR_PAIN_DURING:
	case SCR_PAIN_AFTER: draw_pain(ui); break;
	case SCR_NOTE: draw_note(ui); break;
	case SCR_SUMMARY: draw_summary(ui); break;
	case SCR_EXIT: break;
	}
	refresh();
}

/* ---- acting ---- */

/* The screens before a session, in order; each is skipped when it has nothing to ask. */
static enum ui_screen first_screen(const struct coach *c)
{
	if (c->ask_morning)
		return SCR_MORNING;
	if (c->flags.flag != RF_NONE)
		return SCR_ADVICE;
	if (c->safety_needed)
		return SCR_SAFETY;
	return c->can_resume ? SCR_RESUME : SCR_START;
}

/* After a session: a red flag it raised, the entry test, then the summary. */
static enum ui_screen closing_screen(const struct coach *c)
{
	if (c->flags.flag != RF_NONE)
		return SCR_ADVICE;
	if (c->ask_entry_test)
		return SCR_TEST;
	return SCR_SUMMARY;
}

static void after_engine(struct ui *ui, unsigned changed, int64_t now)
{
	struct coach *c = ui->c;

	if (changed & ENG_NEW_STEP) {
		coach_save_progress(c, coach_wall(ui->c));
		coach_trace_step(c, now, engine_deadline(&c->engine));
	}
	if (changed & ENG_BELL)
		ring(ui);
	if (changed & ENG_FINISHED) {
		ui->status = SESSION_DONE;
		ui->screen = SCR_PAIN_DURING;
		ui->choice = 0;
	}
}

static void leave_session(struct ui *ui, enum session_status status)
{
	coach_save_progress(ui->c, coach_wall(ui->c));
	ui->status = status;
	ui->screen = SCR_PAIN_DURING;
	ui->choice = 0;
}

static void finish(struct ui *ui)
{
	coach_finish(ui->c, ui->status, coach_wall(ui->c), monotonic_ms());
	coach_refresh(ui->c);
	ui->screen = closing_screen(ui->c);
}

static void session_key(struct ui *ui, int key, int64_t now)
{
	struct engine *e = &ui->c->engine;
	enum ui_action act;
	static const enum engine_cmd cmd_of[] = {
		[ACT_PAUSE] = CMD_PAUSE, [ACT_DONE] = CMD_DONE, [ACT_SKIP] = CMD_SKIP,
		[ACT_SKIP_EXERCISE] = CMD_SKIP_EXERCISE, [ACT_BACK] = CMD_BACK,
		[ACT_REST_PLUS] = CMD_REST_PLUS, [ACT_REST_MINUS] = CMD_REST_MINUS,
	};

	if (ui->confirm_quit) {
		if (key == 'y' || key == 'Y') {
			ui->confirm_quit = false;
			leave_session(ui, SESSION_QUIT);
		} else if (key == 'n' || key == 'N' || key == 27 || key == 'q') {
			ui->confirm_quit = false;
			if (e->paused)
				engine_command(e, CMD_PAUSE, now);
		}
		return;
	}
	if (ui->help) {
		ui->help = false;
		if (ui->help_paused && e->paused)
			engine_command(e, CMD_PAUSE, now);
		return;
	}
	act = action_for_key(key);
	switch (act) {
	case ACT_NONE:
		return;
	case ACT_QUIT:
		ui->confirm_quit = true;
		if (!e->paused)
			engine_command(e, CMD_PAUSE, now);
		return;
	case ACT_HELP:
		ui->help = true;
		ui->help_paused = !e->paused;
		if (ui->help_paused)
			engine_command(e, CMD_PAUSE, now);
		return;
	default:
		after_engine(ui, engine_command(e, cmd_of[act], now), now);
	}
}

static void pain_key(struct ui *ui, int key)
{
	if (key >= '0' && key <= '9') {
		/* "1" then "0" makes 10 */
		ui->choice = (ui->choice == 1 && key == '0') ? 10 : key - '0';
	} else if (key == KEY_LEFT || key == KEY_DOWN || key == 'h') {
		ui->choice = ui->choice > 0 ? ui->choice - 1 : 0;
	} else if (key == KEY_RIGHT || key == KEY_UP || key == 'l') {
		ui->choice = ui->choice < 10 ? ui->choice + 1 : 10;
	} else if (key == '\n' || key == '\r' || key == KEY_ENTER || key == 27) {
		bool skip = key == 27;
		if (ui->screen == SCR_MORNING) {
			if (!skip)
				coach_record_morning(ui->c, ui->choice, coach_wall(ui->c));
			ui->c->ask_morning = false;
			ui->screen = first_screen(ui->c);
		} else if (ui->screen == SCR_PAIN_DURING) {
			ui->c->pain_during = skip ? -1 : ui->choice;
			ui->screen = SCR_PAIN_AFTER;
		} else {
			ui->c->pain_after = skip ? -1 : ui->choice;
			ui->screen = SCR_NOTE;
		}
	}
}

static void note_key(struct ui *ui, wint_t wc, bool is_key)
{
	char mb[MB_LEN_MAX + 1];
	size_t n;
	mbstate_t st;

	if ((!is_key && (wc == L'\n' || wc == L'\r')) || (is_key && wc == KEY_ENTER)) {
		finish(ui);
		return;
	}
	if ((is_key && wc == KEY_BACKSPACE) || (!is_key && (wc == 127 || wc == 8))) {
		while (ui->note_len > 0) {
			unsigned char b = (unsigned char)ui->c->note[--ui->note_len];
			if ((b & 0xc0) != 0x80)
				break;
		}
		ui->c->note[ui->note_len] = '\0';
		return;
	}
	if (is_key || wc < 0x20 || wc == 0x7f)
		return;
	memset(&st, 0, sizeof(st));
	n = wcrtomb(mb, (wchar_t)wc, &st);
	if (n == (size_t)-1 || ui->note_len + n > NOTE_MAX)
		return;
	memcpy(ui->c->note + ui->note_len, mb, n);
	ui->note_len += n;
	ui->c->note[ui->note_len] = '\0';
}

static void start_session(struct ui *ui, bool resume, int64_t now)
{
	if (resume)
		coach_resume(ui->c, coach_wall(ui->c), now);
	else
		coach_start(ui->c, coach_wall(ui->c), now);
	ui->screen = SCR_SESSION;
}

static void handle_key(struct ui *ui, wint_t wc, bool is_key, int64_t now)
{
	int key = (int)wc;

	switch (ui->screen) {
	case SCR_MORNING:
		pain_key(ui, key);
		break;
	case SCR_ADVICE:
		if (key == '\n' || key == '\r' || key == KEY_ENTER) {
			coach_record_advice(ui->c, coach_wall(ui->c));
			ui->screen = ui->c->ended ? closing_screen(ui->c) : first_screen(ui->c);
		}
		break;
	case SCR_TEST:
		if (key == 'y' || key == 'Y' || key == 'n' || key == 'N') {
			coach_record_test(ui->c, key == 'y' || key == 'Y', coach_wall(ui->c));
			ui->screen = SCR_SUMMARY;
		}
		break;
	case SCR_SAFETY:
		if (key == '\n' || key == '\r' || key == KEY_ENTER) {
			coach_ack_safety(ui->c, coach_wall(ui->c));
			ui->screen = first_screen(ui->c);
		} else if (key == 'q') {
			ui->screen = SCR_EXIT;
		}
		break;
	case SCR_RESUME:
		if (key == 'y' || key == 'Y')
			start_session(ui, true, now);
		else if (key == 'n' || key == 'N')
			ui->screen = SCR_START;
		else if (key == 'q')
			ui->screen = SCR_EXIT;
		break;
	case SCR_START:
		if (key == '\n' || key == '\r' || key == KEY_ENTER)
			start_session(ui, false, now);
		else if (key == 'q')
			ui->screen = SCR_EXIT;
		break;
	case SCR_SESSION:
		session_key(ui, key, now);
		break;
	case SCR_PAIN_DURING:
	case SCR_PAIN_AFTER:
		pain_key(ui, key);
		break;
	case SCR_NOTE:
		note_key(ui, wc, is_key);
		break;
	case SCR_SUMMARY:
		ui->screen = SCR_EXIT;
		break;
	case SCR_EXIT:
		break;
	}
}

/* A suspend (laptop sleep, or Ctrl-Z) must not count as exercise: pause the session
 * as of the last moment we know the runner was there. */
static void check_time_gap(struct ui *ui, int64_t now)
{
	int64_t gap = boot_gap_ms();
	bool slept = gap - ui->boot_gap > SLEEP_GAP_MS;

	ui->boot_gap = gap;
	if ((slept || got_cont) && ui->screen == SCR_SESSION && !ui->c->engine.paused)
		engine_command(&ui->c->engine, CMD_PAUSE, ui->last_now ? ui->last_now : now);
	got_cont = 0;
	ui->last_now = now;
}

static void check_size(struct ui *ui, int64_t now)
{
	bool small = COLS < MIN_COLS || LINES < MIN_LINES;
	struct engine *e = &ui->c->engine;

	if (small && !ui->too_small && ui->screen == SCR_SESSION && !e->paused) {
		engine_command(e, CMD_PAUSE, now);
		ui->auto_paused = true;
	} else if (!small && ui->too_small && ui->auto_paused) {
		if (e->paused)
			engine_command(e, CMD_PAUSE, now);
		ui->auto_paused = false;
	}
	ui->too_small = small;
}

static int wait_ms(const struct ui *ui, int64_t now)
{
	int64_t wait = -1;

	if (ui->screen == SCR_SESSION && !ui->too_small && !ui->confirm_quit)
		wait = engine_wait_ms(&ui->c->engine, now);
	if (coach_unsaved(ui->c)) {
		int64_t retry = ui->next_retry - now;
		if (retry < 0)
			retry = 0;
		if (wait < 0 || retry < wait)
			wait = retry;
	}
	if (wait > 60000)
		wait = 60000;
	return (int)wait;
}

int ui_run(struct coach *coach, const struct ui_options *opt)
{
	struct ui ui;
	SCREEN *scr;
	int status = 0;
	const char *codeset = nl_langinfo(CODESET);

	memset(&ui, 0, sizeof(ui));
	ui.c = coach;
	ui.opt = opt;
	ui.utf8 = codeset && strcmp(codeset, "UTF-8") == 0;
	ui.screen = first_screen(coach);
	ui.boot_gap = boot_gap_ms();

	scr = newterm(NULL, stdout, stdin);
	if (!scr) {
		fprintf(stderr, "talus: cannot start the screen on this terminal; use talus --plan\n");
		return 2;
	}
	set_term(scr);
	install_handlers();
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	typeahead(-1); /* no polling of the keyboard in the middle of a refresh */
	set_escdelay(25);
	curs_set(0);
	draw_init_colors(opt->color);
	check_size(&ui, monotonic_ms());

	while (ui.screen != SCR_EXIT) {
		int64_t now = monotonic_ms();
		wint_t wc;
		int rc;

		if (got_signal)
			break;
		check_time_gap(&ui, now);
		if (ui.screen == SCR_SESSION)
			after_engine(&ui, engine_tick(&coach->engine, now), now);
		if (coach_unsaved(coach) && now >= ui.next_retry) {
			coach_retry(coach);
			ui.next_retry = now + RETRY_MS;
		}
		draw(&ui, now);
		if (!ui.drawn) {
			ui.drawn = true;
			coach_trace_event(coach, monotonic_ms(), "first-frame");
		}
		timeout(wait_ms(&ui, now));
		rc = get_wch(&wc);
		if (rc == ERR) {
			if (input_hung_up())
				got_signal = SIGHUP;
			continue;
		}
		now = monotonic_ms();
		if (rc == KEY_CODE_YES && wc == KEY_RESIZE) {
			check_size(&ui, now);
			continue;
		}
		if (ui.too_small)
			continue;
		handle_key(&ui, wc, rc == KEY_CODE_YES, now);
	}

	if (got_signal) {
		if (coach->started && !coach->ended)
			coach_finish(coach, SESSION_INTERRUPTED, coach_wall(coach), monotonic_ms());
		status = 128 + got_signal;
	} else if (coach->started && !coach->ended) {
		coach_finish(coach, ui.status, coach_wall(coach), monotonic_ms());
	}
	endwin();
	delscreen(scr);
	if (coach_unsaved(coach) && !coach_retry(coach)) {
		fprintf(stderr, "talus: %s\n", coach->writer.err);
		fprintf(stderr, "talus: these records are not saved; to keep them, add them to %s "
				"by hand:\n", coach->writer.path);
		for (size_t i = 0; i < coach->writer.npending; i++)
			fputs(coach->writer.pending[i], stderr);
		if (!status)
			status = 1;
	}
	return status;
}
