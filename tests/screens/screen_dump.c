/* Draws one screen of the coach into a terminal of a given size that nobody sees, at a
 * made-up time, and prints what it shows as plain text: the golden-screen tests compare
 * that with tests/golden/screens/. As tig's :save-display does, but without a terminal.
 *
 *   screen-dump PROGRAM.conf WxH SCENARIO
 *
 * The scenario (see the table below) sets up a history in a temporary folder and walks
 * the visit to the screen it names. The date is Mon 23 Nov 2026, TZ=UTC. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ui_screen.h"
#include "coach_runs.h"
#include "entry_test.h"
#include "util.h"

static char dir[64], path[128];
static struct program prog;
static struct user_config cfg;
static struct session_log log_;
static struct coach coach;
static struct visit visit;
static struct ui ui;
static struct ui_options uopt;
static day_t today;
static time_t wall;
static int64_t now = 1000000;
static bool triage; /* the first start's triage is asked */
static struct program second; /* several programs at once: due today too, when loaded */

static void history_line(const char *line)
{
	FILE *f = fopen(path, "a");

	if (!f || fprintf(f, "%s\n", line) < 0 || fclose(f) != 0)
		die("%s: cannot write", path);
}

/* Another program the history names, as the catalog would read it. */
static bool load_other(void *ctx, const char *name, struct program *out)
{
	char err[512];

	(void)ctx;
	return strcmp(name, "other") == 0 &&
	       program_parse(out, "other", "other.conf", "title = \"Heel drops\"\n"
			     "exercise drop {\n  reps = 15\n}\n", err, sizeof(err));
}

static void open_visit(void)
{
	struct coach_setup setup;
	struct progress p;
	struct red_flags flags;
	char why[300];

	if (!session_log_load(&log_, path))
		die("%s", log_.report.err);
	schedule_level(&log_, &prog, &cfg.rules, today, wall, &p);
	progress_why(&p, &cfg.rules, &prog, why, sizeof(why));
	check_red_flags(&log_, &cfg.rules, NULL, today, wall, &p, &flags);
	memset(&setup, 0, sizeof(setup));
	setup.program = &prog;
	setup.level = p.level;
	setup.today = today;
	setup.training_days = prog.days;
	setup.history_path = path;
	setup.log = &log_;
	setup.rules = &cfg.rules;
	setup.why = why;
	setup.flags = &flags;
	setup.ready_for_next = p.ready_for_next;
	setup.triage = triage;
	setup.wall_offset = wall - time(NULL); /* the records' clock and the greeting: 10:00 */
	if (second.name) {
		setup.next[0] = (struct coach_next){ &second, second.days, &cfg.rules };
		setup.nnext = 1;
	}
	setup.base_rules = &cfg.rules;
	setup.load_program = load_other;
	coach_init(&coach, &setup, now);
	visit_init(&visit, &coach);
}

static void acknowledged(void)
{
	history_line("2026-11-20T10:00:00Z\tsafety");
}

/* Runs the session ms on, pressing Enter on the sets the runner ends. */
static void run_for(int64_t ms)
{
	for (int64_t t = 0; t < ms && visit.screen == VS_SESSION; t += 50) {
		now += 50;
		if (engine_deadline(&coach.engine) == NO_DEADLINE && !coach.engine.paused)
			visit_command(&visit, CMD_DONE, now, wall);
		else
			visit_tick(&visit, now, wall);
	}
}

/* Runs until the step of this kind on this exercise begins. */
static void run_to(enum step_kind kind, const char *exercise)
{
	for (int i = 0; i < 100000 && visit.screen == VS_SESSION; i++) {
		const struct step *s = engine_step(&coach.engine);
		if (s->kind == kind && strcmp(prog.exercises[s->exercise].name, exercise) == 0)
			return;
		run_for(50);
	}
	die("never reached that step");
}

static void started(void)
{
	acknowledged();
	open_visit();
	visit_start(&visit, false, now, wall);
}

static void sc_safety(void) { open_visit(); }
static void sc_triage_first(void)
{
	acknowledged();
	triage = true;
	open_visit();
	ui.choice = -1;
}
static void sc_triage(void)
{
	sc_triage_first();
	visit_answer_triage(&visit, SORE_LEFT);
	ui.choice = -1; /* a new question: nothing marked */
}
static void sc_pathway(void)
{
	sc_triage();
	visit_answer_triage(&visit, ONSET_GRADUAL);
	visit_answer_triage(&visit, SINCE_UNDER_3_MONTHS);
	visit_answer_triage(&visit, SITE_INSERTION);
	visit_answer_triage(&visit, ANSWER_NO);
	while (visit.screen == VS_REDFLAG) /* its red flags, each no */
		visit_answer_flag(&visit, false, wall);
	ui.choice = -1; /* the proposal is marked */
}
static void sc_start(void) { acknowledged(); open_visit(); }
/* The start screen of a runner who logs runs: the cap and worn shoes under the level. */
static void sc_start_runs(void)
{
	sc_start();
	copy_str(coach.runs_note, sizeof(coach.runs_note), "Next run: at most 11.0 km (110% of "
		 "your longest in 30 days). Worn shoes: Pegasus (497.0 km).");
}
static void sc_get_ready(void) { started(); run_for(300); visit_pause(&visit, now); }
static void sc_get_ready_side(void) { started(); run_to(STEP_GET_READY, "balance"); run_for(200); visit_pause(&visit, now); }
static void sc_user_set(void) { started(); run_to(STEP_WORK, "circles"); now += 1200; visit_pause(&visit, now); }
static void sc_paced(void) { started(); run_to(STEP_WORK, "raise"); run_for(1500); visit_pause(&visit, now); }
static void sc_hold(void) { started(); run_to(STEP_WORK, "balance"); run_for(500); visit_pause(&visit, now); }
static void sc_rest(void) { started(); run_to(STEP_REST, "raise"); run_for(200); visit_pause(&visit, now); }
static void sc_help(void) { sc_paced(); ui.help = true; }
static void sc_quit(void) { started(); run_to(STEP_WORK, "raise"); visit_ask_quit(&visit, now); }
static void sc_pain_during(void) { started(); run_for(60000); ui.choice = 3; }
static void sc_pain_after(void) { sc_pain_during(); visit_answer_pain(&visit, 3, wall); ui.choice = 2; }
static void sc_note(void)
{
	sc_pain_after();
	visit_answer_pain(&visit, 2, wall);
	for (const char *p = "Felt steady today"; *p; p++)
		visit_note_add(&visit, p, 1);
}
static void sc_summary(void) { sc_note(); visit_finish(&visit, now, wall); }

/* Several programs at once: hops due today too, offered after the first session. */
static void load_second(void)
{
	char err[512];

	if (!program_parse(&second, "hops", "hops.conf", "title = \"Hops\"\ndays = {mon, thu}\n"
			   "exercise pogo {\n  title = \"Pogo hops\"\n  reps = 20\n}\n", err,
			   sizeof(err)))
		die("%s", err);
}
static void sc_start_two(void) { load_second(); sc_start(); }
static void sc_summary_two(void) { load_second(); sc_summary(); }
static void sc_start_second(void) { sc_summary_two(); visit_next_program(&visit, wall); }

static void sc_morning(void)
{
	acknowledged();
	history_line("2026-11-22T10:00:00Z\tstart\tsession=s1\tprogram=tiny\tlevel=1\tplanned=5");
	history_line("2026-11-22T10:05:00Z\tend\tsession=s1\tstatus=done\tpain-during=2\tsecs=300");
	open_visit();
	ui.choice = 1;
}

static void sc_advice(void)
{
	acknowledged();
	history_line("2026-11-21T07:00:00Z\tmorning\tpain=9");
	/* its questions answered then: the advice alone is left to show */
	for (int q = 0; q < FQ_COUNT; q++) {
		char line[160];
		if (q == FQ_CLOT_BREATH)
			continue;
		snprintf(line, sizeof(line), "2026-11-21T07:01:00Z\tred-flag\tflag=%s\tanswer=no",
			 flag_question_name[q]);
		history_line(line);
	}
	open_visit();
}

/* A session rated 8 yesterday, this morning rated: the red-flag questions, at the
 * longest one (the Ottawa ankle rules). */
static void sc_red_flag(void)
{
	acknowledged();
	history_line("2026-11-22T10:00:00Z\tstart\tsession=s1\tprogram=tiny\tlevel=1\tplanned=5");
	history_line("2026-11-22T10:05:00Z\tend\tsession=s1\tstatus=done\tpain-during=8\tsecs=300");
	history_line("2026-11-23T07:00:00Z\tmorning\tpain=3");
	open_visit();
	while (visit.screen == VS_REDFLAG && flag_round_question(&coach.round) != FQ_FRACTURE)
		visit_answer_flag(&visit, false, wall);
}

static void sc_stop(void)
{
	sc_red_flag();
	visit_answer_flag(&visit, true, wall);
}

static void sc_no_flags(void)
{
	sc_red_flag();
	while (visit.screen == VS_REDFLAG)
		visit_answer_flag(&visit, false, wall);
}

/* A session of another program quit in pain: judged by its limit, and named. */
static void sc_no_flags_other(void)
{
	acknowledged();
	history_line("2026-11-22T10:00:00Z\tstart\tsession=o1\tprogram=other\tlevel=1\tplanned=3");
	history_line("2026-11-22T10:05:00Z\tend\tsession=o1\tstatus=quit\tpain-during=6\tsecs=300");
	history_line("2026-11-23T07:00:00Z\tmorning\tpain=2");
	open_visit();
	while (visit.screen == VS_REDFLAG)
		visit_answer_flag(&visit, false, wall);
}

static void sc_safety_again(void) { sc_start(); visit_safety_note(&visit, true); }

static void sc_resume(void)
{
	acknowledged();
	history_line("2026-11-23T08:00:00Z\tstart\tsession=s1\tprogram=tiny\tlevel=1\tplanned=5");
	history_line("2026-11-23T08:00:05Z\tset\tsession=s1\texercise=circles\tset=1\treps=2\t"
		     "target=2\tsecs=4");
	history_line("2026-11-23T08:00:09Z\tend\tsession=s1\tstatus=interrupted\tsecs=9");
	open_visit();
}

static void sc_test(void)
{
	acknowledged();
	history_line("2026-11-16T10:00:00Z\tlevel\tprogram=tiny\tlevel=2");
	history_line("2026-11-18T10:00:00Z\tstart\tsession=s1\tprogram=tiny\tlevel=2\tplanned=5");
	history_line("2026-11-18T10:05:00Z\tend\tsession=s1\tstatus=done\tpain-during=1\t"
		     "pain-after=0\tsecs=300");
	history_line("2026-11-19T07:00:00Z\tmorning\tpain=0");
	history_line("2026-11-20T10:00:00Z\tstart\tsession=s2\tprogram=tiny\tlevel=2\tplanned=5");
	history_line("2026-11-20T10:05:00Z\tend\tsession=s2\tstatus=done\tpain-during=1\t"
		     "pain-after=0\tsecs=300");
	history_line("2026-11-21T07:00:00Z\tmorning\tpain=0");
	open_visit(); /* its morning after settled: the test comes first */
}

/* The test screen of a program whose entry test the coach measures. */
static void sc_measure(void)
{
	prog.measured_test = true;
	prog.measure = MEASURE_HEEL_RISE;
	prog.test_pass = 20;
	sc_test();
}

/* Eight weeks of runs, some with pain and the morning after, three pairs of shoes. */
static void run_history(void)
{
	acknowledged();
	history_line("2026-10-06T08:00:00Z\trun\tmetres=5000\tsecs=1800\tpain-during=1");
	history_line("2026-10-14T08:00:00Z\trun\tmetres=6000\tpain-during=1");
	history_line("2026-10-21T08:00:00Z\trun\tmetres=6000");
	history_line("2026-10-28T08:00:00Z\trun\tmetres=7000\tpain-during=2");
	history_line("2026-11-04T08:00:00Z\trun\tmetres=8000\tpain-during=1\tshoes=Pegasus");
	history_line("2026-11-07T08:00:00Z\trun\tmetres=5000\tshoes=Pegasus");
	history_line("2026-11-14T08:00:00Z\trun\tmetres=9000\tpain-during=3\tshoes=Clifton");
	history_line("2026-11-15T07:00:00Z\tmorning\tpain=3");
	history_line("2026-11-19T08:00:00Z\trun\tmetres=8000\tpain-during=1\tshoes=Pegasus");
	history_line("2026-11-20T07:00:00Z\tmorning\tpain=1");
	history_line("2026-11-21T08:00:00Z\trun\tmetres=10000\tpain-during=2\tshoes=Pegasus");
	history_line("2026-11-22T07:00:00Z\tmorning\tpain=1");
}

static void form_type(const char *s)
{
	for (; *s; s++)
		run_form_type(&coach.runs->form, (unsigned char)*s);
}

static void sc_runs(void) { run_history(); open_visit(); visit_runs(&visit, true, wall); }
/* A triage that found pain at one spot on a bone: the runs say no running yet. */
static void sc_runs_bone(void)
{
	run_history();
	history_line("2026-11-22T09:00:00Z\ttriage\tsore=left\tonset=gradual\tsince=3-weeks-to-3-months"
		     "\twhere=bone-spot\tgives-way=no\tpathway=bone-stress\tprogram=tiny");
	open_visit();
	visit_runs(&visit, true, wall);
}
static void sc_runs_none(void) { acknowledged(); open_visit(); visit_runs(&visit, true, wall); }
/* The form just opened: the distance asked, with the cap beside it. */
static void sc_run_form_new(void) { sc_runs(); coach_runs_form(&coach, wall); }
/* The form half filled in: the focus on the shoes, the known pairs offered. */
static void sc_run_form(void)
{
	struct run_form *f;

	sc_runs();
	coach_runs_form(&coach, wall);
	f = &coach.runs->form;
	form_type("12.5km");
	run_form_move(f, 1);
	form_type("1:05:00");
	run_form_move(f, 1);
	run_form_choose(f, 1);
	run_form_choose(f, 1);
	run_form_choose(f, 1);
	run_form_move(f, 1);
	run_form_choose(f, 1);
}
/* A time that is no time: the error under the field, the focus there. */
static void sc_run_form_error(void)
{
	sc_run_form();
	run_form_move(&coach.runs->form, -2);
	form_type("x");
	run_form_submit(&coach.runs->form, &coach.runs->chart.cap);
}
/* The error stays under the time it is about when the focus moves on to the pain. */
static void sc_run_form_error_moved(void)
{
	sc_run_form_error();
	run_form_move(&coach.runs->form, 1);
}
/* Checked, over the cap: the question before anything is saved. */
static void sc_run_confirm(void)
{
	sc_run_form();
	run_form_submit(&coach.runs->form, &coach.runs->chart.cap);
}
/* Saved: what was recorded, the warning, the chart with it. */
static void sc_run_saved(void)
{
	sc_run_confirm();
	run_form_answer(&coach.runs->form, true);
	coach_runs_form_done(&coach, wall);
}

/* Walk/run (tests/data/programs/walkrun.conf): the first walk, timed; at level 2 the
 * second interval, a distance run off a treadmill, 30 s in, ended by Enter. */
static void sc_walk(void) { started(); run_to(STEP_WORK, "wr"); run_for(500); visit_pause(&visit, now); }
static void sc_run_distance(void)
{
	history_line("2026-11-16T10:00:00Z\tlevel\tprogram=walkrun\tlevel=2");
	started();
	run_to(STEP_WORK, "wr");
	now += 1000;
	visit_command(&visit, CMD_DONE, now, wall);
	now += 30000;
	visit_pause(&visit, now);
}

/* The shipped walk-run: its warm-up walk says WALK, not HOLD; a walk of minutes, its
 * line too long for 40 columns in full. */
static void impact_checked(void) /* the weekly bone-stress question answered */
{
	history_line("2026-11-22T10:00:00Z\tred-flag\tflag=bone-stress\tanswer=no\ttrigger=impact");
}
static void sc_warm_up_walk(void)
{
	impact_checked();
	started();
	run_to(STEP_WORK, "warm-up-walk");
	run_for(500);
	visit_pause(&visit, now);
}
static void sc_walk_get_ready(void) { impact_checked(); started(); run_to(STEP_GET_READY, "walk-run"); run_for(200); visit_pause(&visit, now); }
static void sc_walk_long(void) { impact_checked(); started(); run_to(STEP_WORK, "walk-run"); run_for(3000); visit_pause(&visit, now); }

/* The start screen of a distance level off a treadmill: Enter ends each distance. */
static void sc_run_distance_start(void)
{
	history_line("2026-11-16T10:00:00Z\tlevel\tprogram=walkrun\tlevel=2");
	sc_start();
}

/* The day after a walk/run session: the start screen says it will not count. */
static void sc_walk_run_day_after(void)
{
	history_line("2026-11-22T10:00:00Z\tstart\tsession=w1\tprogram=walkrun\tlevel=1\tplanned=6");
	history_line("2026-11-22T10:05:00Z\tend\tsession=w1\tstatus=done\tpain-during=0\tsecs=300");
	history_line("2026-11-23T07:00:00Z\tmorning\tpain=0");
	sc_start();
}

static const struct scenario {
	const char *name;
	void (*setup)(void);
} scenarios[] = {
	{ "safety", sc_safety },
	{ "triage-first", sc_triage_first },
	{ "start", sc_start },
	{ "start-runs", sc_start_runs },
	{ "triage", sc_triage },
	{ "pathway", sc_pathway },
	{ "get-ready", sc_get_ready },
	{ "get-ready-side", sc_get_ready_side },
	{ "user-set", sc_user_set },
	{ "paced", sc_paced },
	{ "hold", sc_hold },
	{ "rest", sc_rest },
	{ "help", sc_help },
	{ "quit", sc_quit },
	{ "pain-during", sc_pain_during },
	{ "pain-after", sc_pain_after },
	{ "note", sc_note },
	{ "summary", sc_summary },
	{ "start-two", sc_start_two },
	{ "summary-two", sc_summary_two },
	{ "start-second", sc_start_second },
	{ "morning", sc_morning },
	{ "advice", sc_advice },
	{ "resume", sc_resume },
	{ "test", sc_test },
	{ "measure", sc_measure },
	{ "red-flag", sc_red_flag },
	{ "stop", sc_stop },
	{ "no-flags", sc_no_flags },
	{ "no-flags-other", sc_no_flags_other },
	{ "safety-again", sc_safety_again },
	{ "runs", sc_runs },
	{ "runs-none", sc_runs_none },
	{ "runs-bone", sc_runs_bone },
	{ "run-form-new", sc_run_form_new },
	{ "run-form", sc_run_form },
	{ "run-form-error", sc_run_form_error },
	{ "run-form-error-moved", sc_run_form_error_moved },
	{ "run-confirm", sc_run_confirm },
	{ "run-saved", sc_run_saved },
	{ "walk", sc_walk },
	{ "run-distance", sc_run_distance },
	{ "walk-run-pain", sc_pain_during },
	{ "walk-run-start", sc_run_distance_start },
	{ "walk-run-day-after", sc_walk_run_day_after },
	{ "warm-up-walk", sc_warm_up_walk },
	{ "walk-long", sc_walk_long },
	{ "walk-get-ready", sc_walk_get_ready },
};

/* Keys pressed after the first draw, each followed by a draw, as the coach does: down,
 * up, pgdn, or a character. A new screen starts unmarked and at its top. */
static void press(const char *keys)
{
	char buf[200], *save = NULL;

	snprintf(buf, sizeof(buf), "%s", keys);
	for (char *k = strtok_r(buf, ",", &save); k; k = strtok_r(NULL, ",", &save)) {
		int code = strcmp(k, "down") == 0 ? KEYCODE(KEY_DOWN)
			   : strcmp(k, "up") == 0 ? KEYCODE(KEY_UP)
			   : strcmp(k, "pgdn") == 0 ? KEYCODE(KEY_NPAGE) : (unsigned char)k[0];
		unsigned what = screen_for(visit.screen)->key(&ui, code, (wint_t)(code & 0xffff), now);
		if (what & VISIT_SCREEN) {
			ui.choice = -1;
			ui.scroll = 0;
		}
		ui_draw(&ui, now);
	}
}

/* The screen as text: one line a row, line-drawing as + - |, trailing blanks cut. */
static void dump(void)
{
	for (int y = 0; y < LINES; y++) {
		char line[1024];
		size_t len = 0;

		for (int x = 0; x < COLS && len + 8 < sizeof(line); x++) {
			cchar_t cell;
			wchar_t wc[CCHARW_MAX + 1];
			attr_t attr;
			short pair;
			mbstate_t st;
			size_t n;

			mvin_wch(y, x, &cell);
			if (getcchar(&cell, wc, &attr, &pair, NULL) == ERR || !wc[0])
				continue; /* the second column of a wide character */
			if (attr & A_ALTCHARSET)
				wc[0] = wc[0] == 'q' ? L'-' : wc[0] == 'x' ? L'|' : L'+';
			memset(&st, 0, sizeof(st));
			n = wcrtomb(line + len, wc[0], &st);
			len += n == (size_t)-1 ? 0 : n;
		}
		while (len > 0 && line[len - 1] == ' ')
			len--;
		printf("%.*s\n", (int)len, line);
	}
}

int main(int argc, char **argv)
{
	const struct scenario *sc = NULL;
	char err[512];
	int w, h;
	FILE *out, *in;
	SCREEN *scr;

	if ((argc != 4 && argc != 5) || sscanf(argv[2], "%dx%d", &w, &h) != 2) {
		fputs("usage: screen-dump PROGRAM.conf WxH SCENARIO [KEY,...]\n", stderr);
		return 2;
	}
	for (size_t i = 0; i < ARRAY_SIZE(scenarios); i++)
		if (strcmp(scenarios[i].name, argv[3]) == 0)
			sc = &scenarios[i];
	if (!sc)
		die("no scenario %s", argv[3]);
	setenv("TZ", "UTC", 1);
	setlocale(LC_ALL, "C.UTF-8");
	if (!program_load_file(&prog, argv[1], err, sizeof(err)))
		die("%s", err);
	config_defaults(&cfg);
	date_parse("2026-11-23", &today);
	wall = (time_t)today * 86400 + 10 * 3600;
	strcpy(dir, "/tmp/talus-screen-XXXXXX");
	if (!mkdtemp(dir))
		die("cannot make a temporary folder");
	snprintf(path, sizeof(path), "%s/history.tsv", dir);

	out = fopen("/dev/null", "w");
	in = fopen("/dev/null", "r");
	if (!out || !in || !(scr = newterm("xterm-256color", out, in)))
		die("cannot open a terminal to draw in");
	set_term(scr);
	resizeterm(h, w);
	memset(&ui, 0, sizeof(ui));
	ui.opt = &uopt;
	uopt.sound = SOUND_OFF;
	sc->setup();
	ui.visit = &visit;
	ui.c = &coach;
	ui.too_small = COLS < UI_MIN_COLS || LINES < UI_MIN_LINES;
	ui_draw(&ui, now);
	if (argc == 5)
		press(argv[4]);
	dump();
	endwin();
	delscreen(scr);
	coach_free(&coach);
	session_log_free(&log_);
	program_free(&prog);
	program_free(&second);
	config_free(&cfg);
	unlink(path);
	rmdir(dir);
	return 0;
}
