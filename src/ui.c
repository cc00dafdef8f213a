/* The coach screen: the terminal's life, signals, resize, and one loop that waits for
 * the next deadline or key, hands the key to the screen in force, and redraws. Which
 * screen is in force is the visit's business; signal handlers only set flags. */
#include "ui.h"

#include <langinfo.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "ui_draw.h"
#include "ui_screen.h"
#include "util.h"

#define SLEEP_GAP_MS 2000 /* CLOCK_BOOTTIME ahead of CLOCK_MONOTONIC by this: a suspend */
#define MAX_WAIT_MS 60000

static const struct screen_ops *const screens[VS_COUNT] = {
	[VS_MORNING] = &pain_screen,
	[VS_ADVICE] = &advice_screen,
	[VS_TEST] = &test_screen,
	[VS_SAFETY] = &safety_screen,
	[VS_TRIAGE] = &triage_screen,
	[VS_PATHWAY] = &pathway_screen,
	[VS_RESUME] = &resume_screen,
	[VS_START] = &start_screen,
	[VS_SESSION] = &session_screen,
	[VS_PAIN_DURING] = &pain_screen,
	[VS_PAIN_AFTER] = &pain_screen,
	[VS_NOTE] = &note_screen,
	[VS_SUMMARY] = &summary_screen,
	[VS_REDFLAG] = &flag_screen,
	[VS_STOP] = &stop_screen,
	[VS_SAFETY_AGAIN] = &safety_again_screen,
	[VS_RUNS] = &runs_screen,
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
	sigaction(SIGQUIT, &sa, NULL); /* Ctrl-\ too must save and give the terminal back */
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

time_t ui_wall(const struct ui *ui)
{
	return coach_wall(ui->c);
}

void ui_ring(const struct ui *ui)
{
	if (ui->opt->sound == SOUND_BELL)
		beep();
	else if (ui->opt->sound == SOUND_FLASH)
		flash();
}

const struct screen_ops *screen_for(enum visit_screen s)
{
	return screens[s];
}

void ui_draw(struct ui *ui, int64_t now)
{
	erase();
	if (ui->too_small)
		draw_wrapped(0, 0, COLS, LINES, "Terminal too small: talus needs 20x5. Paused.", A_BOLD);
	else
		screens[ui->visit->screen]->draw(ui, now);
	refresh();
}

/* What a visit call changed, for the screen: a bell; and on a new screen, a pain
 * scale with nothing chosen, and the keys typed before it showed dropped, so a key
 * held down or Enter pressed twice answers no question nobody saw. */
static void changed(struct ui *ui, unsigned what)
{
	if ((what & ENG_BELL) && !ui->opt->cues) /* the cues beep instead */
		ui_ring(ui);
	if (what & VISIT_SCREEN) {
		ui->choice = -1;
		ui->scroll = 0;
		flushinp();
	}
}

/* A suspend (laptop sleep, or Ctrl-Z) must not count as exercise: pause the session
 * as of the last moment we know the runner was there. */
static void check_time_gap(struct ui *ui, int64_t now)
{
	int64_t gap = boot_gap_ms();
	bool slept = gap - ui->boot_gap > SLEEP_GAP_MS;

	ui->boot_gap = gap;
	if (slept || got_cont)
		visit_pause(ui->visit, ui->last_now ? ui->last_now : now);
	got_cont = 0;
	ui->last_now = now;
}

static void check_size(struct ui *ui, int64_t now)
{
	bool small = COLS < UI_MIN_COLS || LINES < UI_MIN_LINES;

	if (small && !ui->too_small) {
		ui->auto_paused = visit_pause(ui->visit, now);
	} else if (!small && ui->too_small && ui->auto_paused) {
		visit_unpause(ui->visit, now);
		ui->auto_paused = false;
	}
	ui->too_small = small;
}

static int wait_ms(const struct ui *ui, int64_t now)
{
	int64_t wait = -1;

	if (ui->visit->screen == VS_SESSION && !ui->too_small && !ui->visit->confirm_quit)
		wait = engine_wait_ms(&ui->c->engine, now);
	if (coach_unsaved(ui->c)) {
		int64_t retry = ui->next_retry - now;
		if (retry < 0)
			retry = 0;
		if (wait < 0 || retry < wait)
			wait = retry;
	}
	{
		int64_t cue = ui_voice_wait_ms(ui, now);
		if (cue >= 0 && (wait < 0 || cue < wait))
			wait = cue;
	}
	if (wait > MAX_WAIT_MS)
		wait = MAX_WAIT_MS;
	return (int)wait;
}

/* Pasted text comes between these (bracketed paste, asked for at start), so a
 * paste is one note and never a string of answers. */
#define KEY_PASTE_BEGIN (KEY_MAX + 1)
#define KEY_PASTE_END (KEY_MAX + 2)

static void bracketed_paste(bool on)
{
	fputs(on ? "\033[?2004h" : "\033[?2004l", stdout);
	fflush(stdout);
}

/* Ctrl-S must not freeze the screen while the timer runs on: no XON/XOFF flow
 * control while the coach owns the terminal. endwin() puts back the modes the shell
 * had, IXON with them. */
static void no_flow_control(void)
{
	struct termios t;

	if (tcgetattr(STDIN_FILENO, &t) == 0) {
		t.c_iflag &= ~(tcflag_t)(IXON | IXOFF);
		tcsetattr(STDIN_FILENO, TCSANOW, &t);
		def_prog_mode();
	}
}

/* Gives the terminal back; keys typed and not read (the rest of a paste) are
 * dropped, so none of them reaches the shell. */
static void stop_terminal(void)
{
	bracketed_paste(false);
	flushinp();
	endwin();
	tcflush(STDIN_FILENO, TCIFLUSH);
}

/* The fatal path: the terminal back first, then what is not saved. */
static void restore_terminal(void *ctx)
{
	struct ui *ui = ctx;

	stop_terminal();
	coach_print_unsaved(ui->c, stderr);
}

static void start_terminal(struct ui *ui)
{
	install_handlers();
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	typeahead(-1); /* no polling of the keyboard in the middle of a refresh */
	set_escdelay(25);
	curs_set(0);
	no_flow_control();
	define_key("\033[200~", KEY_PASTE_BEGIN);
	define_key("\033[201~", KEY_PASTE_END);
	bracketed_paste(true);
	draw_init_colors(ui->opt->color);
	die_set_callback(restore_terminal, ui);
}

/* One pass: the clock, the retry of unsaved records, a frame, and the wait for a key. */
static void run_once(struct ui *ui)
{
	int64_t now = monotonic_ms();
	wint_t wc;
	int rc;

	check_time_gap(ui, now);
	changed(ui, visit_tick(ui->visit, now, ui_wall(ui)));
	ui_voice_pass(ui, now);
	if (coach_unsaved(ui->c) && now >= ui->next_retry) {
		coach_retry(ui->c);
		ui->next_retry = now + coach_retry_ms(ui->c);
	}
	ui_draw(ui, now);
	if (!ui->drawn) {
		ui->drawn = true;
		coach_trace_event(ui->c, monotonic_ms(), "first-frame");
	}
	timeout(wait_ms(ui, now));
	rc = get_wch(&wc);
	if (rc == ERR) {
		if (input_hung_up())
			got_signal = SIGHUP;
		return;
	}
	now = monotonic_ms();
	if (rc == KEY_CODE_YES && wc == KEY_RESIZE) {
		check_size(ui, now);
		return;
	}
	if (rc == KEY_CODE_YES && (wc == KEY_PASTE_BEGIN || wc == KEY_PASTE_END)) {
		ui->pasting = wc == KEY_PASTE_BEGIN;
		return;
	}
	if (ui->too_small)
		return;
	if (ui->pasting) {
		const struct screen_ops *s = screens[ui->visit->screen];
		if (s->paste && rc != KEY_CODE_YES)
			changed(ui, s->paste(ui, wc));
		return;
	}
	changed(ui, screens[ui->visit->screen]->key(ui, rc == KEY_CODE_YES ? KEYCODE((int)wc) : (int)wc,
						       wc, now));
}

int ui_run(struct coach *coach, const struct ui_options *opt)
{
	struct visit visit;
	struct ui ui;
	SCREEN *scr;
	int status = 0, saved;
	const char *codeset = nl_langinfo(CODESET);

	visit_init(&visit, coach);
	memset(&ui, 0, sizeof(ui));
	ui.visit = &visit;
	ui.c = coach;
	ui.opt = opt;
	ui.utf8 = codeset && strcmp(codeset, "UTF-8") == 0;
	ui.boot_gap = boot_gap_ms();
	ui.choice = -1;
	ui_voice_attach(&ui);

	use_tioctl(TRUE); /* the window's real size, whatever LINES and COLUMNS say */
	scr = newterm(NULL, stdout, stdin);
	if (!scr) {
		fprintf(stderr, "talus: cannot start the screen on this terminal; use talus --plan\n");
		return 2;
	}
	set_term(scr);
	start_terminal(&ui);
	check_size(&ui, monotonic_ms());
	while (visit.screen != VS_EXIT && !got_signal)
		run_once(&ui);

	saved = visit_close(&visit, got_signal != 0, monotonic_ms(), ui_wall(&ui));
	if (got_signal)
		status = 128 + got_signal;
	die_set_callback(NULL, NULL);
	stop_terminal();
	delscreen(scr);
	if (saved == SESSION_INTERRUPTED && !coach_unsaved(coach))
		fputs("talus: stopped; the sets done are saved. Run talus again today to resume.\n",
		      stderr);
	if (coach_unsaved(coach) && !coach_retry(coach)) {
		coach_print_unsaved(coach, stderr);
		if (!status)
			status = 1;
	}
	return status;
}
