/* Whole visits of the coach, walked with made-up time against a temporary history:
 * which screen comes next after each answer, and which records are written. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include "coach_runs.h"
#include "visit.h"
#include "unit.h"

static char dir[64], path[128];
static struct program prog;
static struct user_config cfg;
static struct session_log log_;
static struct coach coach;
static struct visit v;
static day_t monday;   /* 2026-11-23, a training day of the tiny program */
static time_t wall;    /* 10:00 UTC that day */
static int64_t now;
static struct program second; /* due today too, when loaded */

static void setup(void)
{
	char err[512] = "";

	setenv("TZ", "UTC", 1);
	tzset();
	strcpy(dir, "/tmp/talus-visit-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/history.tsv", dir);
	ck_assert_msg(program_load_file(&prog, "tests/data/programs/tiny.conf", err, sizeof(err)),
		      "%s", err);
	config_defaults(&cfg);
	ck_assert(date_parse("2026-11-23", &monday));
	wall = (time_t)monday * 86400 + 10 * 3600;
	now = 1000000;
}

static void teardown(void)
{
	coach_free(&coach);
	session_log_free(&log_);
	program_free(&prog);
	if (second.name)
		program_free(&second);
	config_free(&cfg);
	unlink(path);
	rmdir(dir);
}

static void history_line(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void history_line(const char *fmt, ...)
{
	FILE *f = fopen(path, "a");
	va_list ap;

	ck_assert_ptr_nonnull(f);
	va_start(ap, fmt);
	vfprintf(f, fmt, ap);
	va_end(ap);
	fputc('\n', f);
	fclose(f);
}

/* Reads the history as it is now and opens a visit on it, as the coach does. */
static void open_visit(void)
{
	struct coach_setup setup;
	struct progress p;
	struct red_flags flags;
	char why[300];

	ck_assert(session_log_load(&log_, path));
	schedule_level(&log_, &prog, &cfg.rules, monday, wall, &p);
	progress_why(&p, &cfg.rules, &prog, why, sizeof(why));
	check_red_flags(&log_, &cfg.rules, NULL, monday, wall, &p, &flags);
	memset(&setup, 0, sizeof(setup));
	setup.program = &prog;
	setup.level = p.level;
	setup.today = monday;
	setup.training_days = prog.days;
	setup.history_path = path;
	setup.log = &log_;
	setup.rules = &cfg.rules;
	setup.why = why;
	setup.flags = &flags;
	setup.ready_for_next = p.ready_for_next;
	setup.wall_offset = wall - time(NULL); /* what is due is decided at the made-up time */
	if (second.name) {
		setup.next[0] = (struct coach_next){ &second, second.days, &cfg.rules };
		setup.nnext = 1;
	}
	coach_init(&coach, &setup, now);
	visit_init(&v, &coach);
}

/* Lets the session run, pressing Enter on every set the runner ends, until the visit
 * leaves the session screen or `stop_after` sets are saved. */
static void run_session(int stop_after)
{
	for (int i = 0; i < 100000 && v.screen == VS_SESSION; i++) {
		if (stop_after >= 0 && coach.sets_saved >= stop_after)
			return;
		now += 100;
		wall = (time_t)(wall + (i % 10 == 0));
		if (engine_deadline(&coach.engine) == NO_DEADLINE)
			visit_command(&v, CMD_DONE, now, wall);
		else
			visit_tick(&v, now, wall);
	}
}

static char *history(void)
{
	char *text = read_whole_file(path, NULL);

	ck_assert_ptr_nonnull(text);
	return text;
}

static int count(const char *text, const char *what)
{
	int n = 0;

	for (const char *p = text; (p = strstr(p, what)); p++)
		n++;
	return n;
}

START_TEST(first_visit_safety_then_a_whole_session)
{
	char *text;

	open_visit();
	ck_assert_int_eq(v.screen, VS_SAFETY);
	ck_assert_uint_eq(visit_acknowledge(&v, wall) & VISIT_SCREEN, VISIT_SCREEN);
	ck_assert_int_eq(v.screen, VS_START);
	visit_start(&v, false, now, wall);
	ck_assert_int_eq(v.screen, VS_SESSION);
	run_session(-1);
	ck_assert_int_eq(v.screen, VS_PAIN_DURING);
	ck_assert_int_eq(v.status, SESSION_DONE);
	visit_answer_pain(&v, 3, wall);
	ck_assert_int_eq(v.screen, VS_PAIN_AFTER);
	visit_answer_pain(&v, 2, wall);
	ck_assert_int_eq(v.screen, VS_NOTE);
	visit_note_add(&v, "o", 1);
	visit_note_add(&v, "k", 1);
	visit_finish(&v, now, wall);
	ck_assert_int_eq(v.screen, VS_SUMMARY);
	visit_leave(&v);
	ck_assert_int_eq(v.screen, VS_EXIT);
	visit_close(&v, false, now, wall);

	text = history();
	ck_assert_int_eq(count(text, "\tsafety"), 1);
	ck_assert_int_eq(count(text, "\tstart\t"), 1);
	ck_assert_int_eq(count(text, "\tset\t"), 5);
	ck_assert_int_eq(count(text, "\tplanned=5"), 1);
	ck_assert_int_eq(count(text, "\tend\t"), 1);
	ck_assert_ptr_nonnull(strstr(text, "\tstatus=done\tpain-during=3\tpain-after=2\t"));
	ck_assert_ptr_nonnull(strstr(text, "\tnote=ok\n"));
	ck_assert(!coach_unsaved(&coach));
	free(text);
}
END_TEST

START_TEST(quit_asks_first_and_keeps_what_is_done)
{
	char *text;

	history_line("2026-11-20T10:00:00Z\tsafety");
	open_visit();
	ck_assert_int_eq(v.screen, VS_START);
	visit_start(&v, false, now, wall);
	run_session(2);
	visit_ask_quit(&v, now);
	ck_assert(v.confirm_quit);
	ck_assert(coach.engine.paused);
	visit_answer_quit(&v, false, now, wall); /* carry on */
	ck_assert(!v.confirm_quit);
	ck_assert(!coach.engine.paused);
	ck_assert_int_eq(v.screen, VS_SESSION);
	visit_ask_quit(&v, now);
	visit_answer_quit(&v, true, now, wall);
	ck_assert_int_eq(v.screen, VS_PAIN_DURING);
	ck_assert_int_eq(v.status, SESSION_QUIT);
	visit_answer_pain(&v, -1, wall); /* Esc passes over both questions */
	visit_answer_pain(&v, -1, wall);
	visit_finish(&v, now, wall);
	ck_assert_int_eq(v.screen, VS_SUMMARY);

	text = history();
	ck_assert_int_eq(count(text, "\tset\t"), 2);
	ck_assert_ptr_nonnull(strstr(text, "\tstatus=quit\tsecs="));
	ck_assert_int_eq(count(text, "pain-"), 0);
	free(text);
}
END_TEST

/* on_step (the spoken cues) hears of each step as it begins, at its start, while the
 * set that just ended is still to be written: a cue never waits on the disk. */
static int steps_heard, sets_unsaved;

static void heard_step(void *ctx, int64_t at)
{
	char *text = history();

	ck_assert_ptr_eq(ctx, &coach);
	if (!coach.engine.finished)
		ck_assert_int_eq(at, coach.engine.step_start);
	steps_heard++;
	if (coach.engine.nsets > 0) {
		sets_unsaved++;
		ck_assert_int_eq(count(text, "\tset\t"), coach.sets_saved);
	}
	free(text);
}

START_TEST(each_step_is_heard_before_its_set_is_saved)
{
	history_line("2026-11-20T10:00:00Z\tsafety");
	open_visit();
	v.on_step = heard_step;
	v.on_step_ctx = &coach;
	visit_start(&v, false, now, wall);
	run_session(-1);
	ck_assert_int_eq(v.screen, VS_PAIN_DURING);
	/* every step after the first, and the end */
	ck_assert_int_eq(steps_heard, (int)coach.routine.nsteps);
	ck_assert_int_eq(sets_unsaved, 5);
	ck_assert_int_eq(coach.sets_saved, 5);
}
END_TEST

START_TEST(a_signal_saves_the_session_as_interrupted)
{
	char *text;

	history_line("2026-11-20T10:00:00Z\tsafety");
	open_visit();
	visit_start(&v, false, now, wall);
	run_session(1);
	ck_assert_int_eq(visit_close(&v, true, now, wall), SESSION_INTERRUPTED);
	text = history();
	ck_assert_int_eq(count(text, "\tset\t"), 1);
	ck_assert_ptr_nonnull(strstr(text, "\tstatus=interrupted\t"));
	free(text);
}
END_TEST

/* Closing the window at the pain question after every set was done: it was done. */
START_TEST(a_signal_after_the_last_set_keeps_it_done)
{
	char *text;

	history_line("2026-11-20T10:00:00Z\tsafety");
	open_visit();
	visit_start(&v, false, now, wall);
	run_session(-1);
	visit_answer_pain(&v, 4, wall);
	ck_assert_int_eq(v.screen, VS_PAIN_AFTER);
	ck_assert_int_eq(visit_close(&v, true, now, wall), SESSION_DONE);
	ck_assert_int_eq(visit_close(&v, true, now, wall), -1); /* once */
	text = history();
	ck_assert_ptr_nonnull(strstr(text, "\tstatus=done\tpain-during=4\tsecs="));
	ck_assert_int_eq(count(text, "\tend\t"), 1);
	free(text);
}
END_TEST

START_TEST(a_signal_after_quitting_keeps_it_quit)
{
	char *text;

	history_line("2026-11-20T10:00:00Z\tsafety");
	open_visit();
	visit_start(&v, false, now, wall);
	visit_ask_quit(&v, now);
	visit_answer_quit(&v, true, now, wall);
	ck_assert_int_eq(visit_close(&v, true, now, wall), SESSION_QUIT);
	text = history();
	ck_assert_ptr_nonnull(strstr(text, "\tstatus=quit\t"));
	free(text);
}
END_TEST

/* b in the rest after a set: the set is done again and replaces the first record. */
START_TEST(a_set_done_again_replaces_it)
{
	char *text;

	history_line("2026-11-20T10:00:00Z\tsafety");
	open_visit();
	visit_start(&v, false, now, wall);
	while (engine_step(&coach.engine)->kind != STEP_REST)
		run_session(coach.sets_saved + 1);
	ck_assert_int_eq(coach.sets_saved, 2); /* circles, raise set 1 */
	visit_command(&v, CMD_BACK, now, wall);
	ck_assert_int_eq(engine_step(&coach.engine)->kind, STEP_WORK);
	run_session(-1);
	ck_assert_int_eq(coach.sets_saved, 5);
	visit_answer_pain(&v, 2, wall);
	visit_answer_pain(&v, 1, wall);
	visit_finish(&v, now, wall);
	text = history();
	ck_assert_int_eq(count(text, "\tset\t"), 6);
	ck_assert_int_eq(count(text, "\tagain=yes"), 1);
	ck_assert_ptr_nonnull(strstr(text, "exercise=raise\tset=1\treps=2\ttarget=2\tsecs="));
	ck_assert_ptr_nonnull(strstr(strstr(text, "\tagain=yes") - 60, "exercise=raise\tset=1\t"));
	free(text);
	session_log_free(&log_);
	ck_assert(session_log_load(&log_, path));
	ck_assert_int_eq(log_.sessions[log_.nsessions - 1].sets_done, 5);
	ck_assert_int_eq(log_.sessions[log_.nsessions - 1].planned, 5);
}
END_TEST

START_TEST(interrupted_today_offers_to_resume)
{
	history_line("2026-11-23T08:00:00Z\tstart\tsession=s1\tprogram=tiny\tlevel=1\tplanned=5");
	history_line("2026-11-23T08:00:05Z\tset\tsession=s1\texercise=circles\tset=1\treps=2\t"
		     "target=2\tsecs=4");
	history_line("2026-11-23T08:00:09Z\tend\tsession=s1\tstatus=interrupted\tsecs=9");
	open_visit();
	ck_assert_int_eq(v.screen, VS_RESUME);
	ck_assert_int_eq(coach.sets_saved, 1);
	visit_decline_resume(&v);
	ck_assert_int_eq(v.screen, VS_START);
	coach_free(&coach);
	session_log_free(&log_);

	open_visit();
	ck_assert_int_eq(v.screen, VS_RESUME);
	visit_start(&v, true, now, wall);
	ck_assert_int_eq(v.screen, VS_SESSION);
	ck_assert_str_eq(coach.session_id, "s1");
	/* the first set left is the first of Raise, after its countdown */
	ck_assert_str_eq(prog.exercises[engine_step(&coach.engine)->exercise].name, "raise");
	ck_assert_int_eq(engine_step(&coach.engine)->kind, STEP_GET_READY);
}
END_TEST

/* An exercise skipped before the cut is passed over on resuming, and not counted as
 * sets done. */
START_TEST(a_resume_passes_over_what_was_skipped)
{
	history_line("2026-11-23T08:00:00Z\tstart\tsession=s1\tprogram=tiny\tlevel=1\tplanned=5");
	history_line("2026-11-23T08:00:01Z\tskip\tsession=s1\texercise=circles");
	history_line("2026-11-23T08:00:09Z\tset\tsession=s1\texercise=raise\tset=1\treps=2\t"
		     "target=2\tsecs=4");
	history_line("2026-11-23T08:00:12Z\tend\tsession=s1\tstatus=interrupted\tsecs=12");
	open_visit();
	ck_assert_int_eq(v.screen, VS_RESUME);
	ck_assert_int_eq(coach.sets_saved, 1);
	visit_start(&v, true, now, wall);
	ck_assert_str_eq(prog.exercises[engine_step(&coach.engine)->exercise].name, "raise");
	ck_assert_int_eq(engine_step(&coach.engine)->set, 2);
}
END_TEST

/* A set after a rest has no countdown of its own: resuming there gets one. */
START_TEST(a_resumed_set_starts_after_a_countdown)
{
	history_line("2026-11-23T08:00:00Z\tstart\tsession=s1\tprogram=tiny\tlevel=1\tplanned=5");
	history_line("2026-11-23T08:00:05Z\tset\tsession=s1\texercise=circles\tset=1\treps=2\t"
		     "target=2\tsecs=4");
	history_line("2026-11-23T08:00:09Z\tset\tsession=s1\texercise=raise\tset=1\treps=2\t"
		     "target=2\tsecs=4");
	history_line("2026-11-23T08:00:12Z\tend\tsession=s1\tstatus=interrupted\tsecs=12");
	open_visit();
	visit_start(&v, true, now, wall);
	ck_assert_int_eq(engine_step(&coach.engine)->kind, STEP_GET_READY);
	ck_assert_int_eq(engine_step(&coach.engine)->set, 2);
	now += 999;
	visit_tick(&v, now, wall);
	ck_assert_int_eq(engine_step(&coach.engine)->kind, STEP_GET_READY);
	now += 1;
	ck_assert(visit_tick(&v, now, wall) & ENG_NEW_STEP);
	ck_assert_int_eq(engine_step(&coach.engine)->kind, STEP_WORK);
	ck_assert_int_eq(engine_step(&coach.engine)->set, 2);
}
END_TEST

START_TEST(the_morning_after_is_asked_first)
{
	char *text;

	history_line("2026-11-22T10:00:00Z\tstart\tsession=s1\tprogram=tiny\tlevel=1\tplanned=5");
	history_line("2026-11-22T10:05:00Z\tend\tsession=s1\tstatus=done\tpain-during=2\t"
		     "pain-after=1\tsecs=300");
	open_visit();
	ck_assert_int_eq(v.screen, VS_MORNING);
	visit_answer_pain(&v, 4, wall);
	ck_assert_int_eq(v.screen, VS_START);
	text = history();
	/* 23 h 55 min after the session ended: whole hours */
	ck_assert_int_eq(count(text, "\tmorning\tpain=4\thours=23\n"), 1);
	free(text);
}
END_TEST

START_TEST(a_morning_passed_over_records_nothing)
{
	char *text;

	history_line("2026-11-22T10:00:00Z\tstart\tsession=s1\tprogram=tiny\tlevel=1\tplanned=5");
	history_line("2026-11-22T10:05:00Z\tend\tsession=s1\tstatus=done\tsecs=300");
	open_visit();
	ck_assert_int_eq(v.screen, VS_MORNING);
	visit_answer_pain(&v, -1, wall);
	ck_assert_int_eq(v.screen, VS_START);
	text = history();
	ck_assert_int_eq(count(text, "morning"), 0);
	free(text);
}
END_TEST

/* Answers every red-flag question no, from the first. */
static void answer_flags_no(void)
{
	ck_assert_int_eq(v.screen, VS_REDFLAG);
	for (int i = 0; i < FQ_COUNT && v.screen == VS_REDFLAG; i++)
		visit_answer_flag(&v, false, wall);
}

START_TEST(a_red_flag_is_advised_once)
{
	char *text;

	history_line("2026-11-20T10:00:00Z\tsafety");
	history_line("2026-11-21T07:00:00Z\tmorning\tpain=9");
	open_visit();
	answer_flags_no();
	ck_assert_int_eq(v.screen, VS_ADVICE);
	visit_acknowledge(&v, wall);
	ck_assert_int_eq(v.screen, VS_START);
	text = history();
	ck_assert_int_eq(count(text, "\tadvice\treason="), 1);
	free(text);
	coach_free(&coach);
	session_log_free(&log_);
	open_visit();
	ck_assert_int_eq(v.screen, VS_START);
}
END_TEST

/* Each flag answered yes, after a session rated 8 yesterday: the stop screen with its
 * urgency, the answers recorded, and no way on to a session. */
/* A yes stays in force at later openings: the stop screen, no session, until a level is
 * set by hand (a clinician has seen the ankle). */
START_TEST(a_yes_stops_until_a_level_is_set_by_hand)
{
	history_line("2026-11-20T10:00:00Z\tsafety");
	history_line("2026-11-21T10:00:00Z\tred-flag\tflag=rupture\tanswer=yes\ttrigger=severe");
	open_visit();
	ck_assert_int_eq(v.screen, VS_STOP);
	ck_assert_int_eq(coach.round.yes, FQ_RUPTURE);
	ck_assert_uint_eq(visit_start(&v, false, now, wall), 0);
	coach_free(&coach);
	session_log_free(&log_);
	history_line("2026-11-22T10:00:00Z\tlevel\tprogram=tiny\tlevel=1");
	open_visit();
	ck_assert_int_eq(v.screen, VS_START);
}
END_TEST

START_TEST(each_yes_stops_with_its_urgency)
{
	for (int q = 0; q < FQ_COUNT; q++) {
		char *text, want[80];
		bool follow = q == FQ_CLOT_BREATH;
		enum flag_question asked = follow ? FQ_CLOT : (enum flag_question)q;

		unlink(path);
		history_line("2026-11-20T10:00:00Z\tsafety");
		history_line("2026-11-22T10:00:00Z\tstart\tsession=s1\tprogram=tiny\tlevel=1");
		history_line("2026-11-22T10:05:00Z\tend\tsession=s1\tstatus=done\tpain-during=8");
		history_line("2026-11-23T07:00:00Z\tmorning\tpain=3");
		open_visit();
		ck_assert_int_eq(v.screen, VS_REDFLAG);
		ck_assert_int_eq(coach.round.trigger, TRIG_SEVERE);
		while (v.screen == VS_REDFLAG && flag_round_question(&coach.round) != asked)
			visit_answer_flag(&v, false, wall);
		visit_answer_flag(&v, true, wall);
		if (asked == FQ_CLOT) { /* the follow-up: breathless or chest pain? */
			ck_assert_int_eq(v.screen, VS_REDFLAG);
			ck_assert_int_eq(flag_round_question(&coach.round), FQ_CLOT_BREATH);
			visit_answer_flag(&v, follow, wall);
		}
		ck_assert_int_eq(v.screen, VS_STOP);
		ck_assert_int_eq(coach.round.yes, q);
		ck_assert_int_eq(red_flag_questions[coach.round.yes].urgency,
				 q == FQ_CRACK || q == FQ_INFECTION || q == FQ_CLOT_BREATH
					 ? URGENCY_EMERGENCY
				 : q <= FQ_CLOT ? URGENCY_SAME_DAY : URGENCY_CLINICIAN);
		ck_assert_uint_eq(visit_start(&v, false, now, wall), 0);
		text = history();
		snprintf(want, sizeof(want), "\tred-flag\tflag=%s\tanswer=yes\ttrigger=severe\n",
			 flag_question_name[q]);
		ck_assert_msg(count(text, want) == 1, "%s not recorded", want);
		ck_assert_int_eq(count(text, "\tstart\t"), 1);
		free(text);
		visit_leave(&v);
		ck_assert_int_eq(v.screen, VS_EXIT);
		coach_free(&coach);
		session_log_free(&log_);
	}
	/* the fixture frees a coach: leave it one */
	open_visit();
}
END_TEST

START_TEST(all_no_reaches_the_advice)
{
	char *text;

	history_line("2026-11-20T10:00:00Z\tsafety");
	history_line("2026-11-22T10:00:00Z\tstart\tsession=s1\tprogram=tiny\tlevel=1");
	history_line("2026-11-22T10:05:00Z\tend\tsession=s1\tstatus=quit\tpain-during=6");
	history_line("2026-11-23T07:00:00Z\tmorning\tpain=3");
	open_visit();
	ck_assert_int_eq(coach.round.trigger, TRIG_QUIT_PAIN);
	answer_flags_no();
	ck_assert_int_eq(v.screen, VS_ADVICE);
	ck_assert(coach.round.all_no);
	visit_acknowledge(&v, wall);
	ck_assert_int_eq(v.screen, VS_START);
	text = history();
	ck_assert_int_eq(count(text, "\tred-flag\t"), 8);
	ck_assert_int_eq(count(text, "answer=no\ttrigger=quit-pain\n"), 8);
	free(text);
	coach_free(&coach);
	session_log_free(&log_);
	open_visit();
	ck_assert_int_eq(v.screen, VS_START);
}
END_TEST

/* The morning rating itself is the cause: asked once it is recorded. */
START_TEST(a_morning_of_8_asks_after_it_is_recorded)
{
	history_line("2026-11-20T10:00:00Z\tsafety");
	history_line("2026-11-22T10:00:00Z\tstart\tsession=s1\tprogram=tiny\tlevel=1");
	history_line("2026-11-22T10:05:00Z\tend\tsession=s1\tstatus=done\tpain-during=2");
	open_visit();
	ck_assert_int_eq(v.screen, VS_MORNING);
	visit_answer_pain(&v, 8, wall);
	ck_assert_int_eq(v.screen, VS_REDFLAG);
	ck_assert_str_eq(coach.round.reason, "You rated the pain 8 this morning.");
}
END_TEST

/* A session rated 8 asks after it, before the summary; a second 8 asks again. */
START_TEST(a_second_8_asks_again)
{
	history_line("2026-11-20T10:00:00Z\tsafety");
	open_visit();
	ck_assert_int_eq(v.screen, VS_START);
	for (int round = 0; round < 2; round++) {
		if (round) {
			coach_free(&coach);
			session_log_free(&log_);
			wall += 3600;
			open_visit();
		}
		ck_assert_int_eq(v.screen, VS_START);
		visit_start(&v, false, now, wall);
		run_session(-1);
		visit_answer_pain(&v, 8, wall);
		visit_answer_pain(&v, 3, wall);
		wall += 60;
		visit_finish(&v, now, wall);
		answer_flags_no();
		ck_assert_int_eq(v.screen, VS_ADVICE);
		visit_acknowledge(&v, wall);
		ck_assert(v.screen == VS_SUMMARY || v.screen == VS_TEST);
	}
}
END_TEST

START_TEST(a_round_cut_off_asks_again_next_visit)
{
	char *text;

	history_line("2026-11-20T10:00:00Z\tsafety");
	history_line("2026-11-22T07:00:00Z\tmorning\tpain=9");
	open_visit();
	visit_answer_flag(&v, false, wall);
	visit_answer_flag(&v, false, wall);
	coach_free(&coach); /* the window closed */
	session_log_free(&log_);
	wall += 600;
	open_visit();
	ck_assert_int_eq(v.screen, VS_REDFLAG);
	ck_assert_int_eq(flag_round_question(&coach.round), FQ_CRACK);
	answer_flags_no();
	text = history();
	ck_assert_int_eq(count(text, "\tred-flag\t"), 10);
	free(text);
}
END_TEST

START_TEST(a_future_round_does_not_silence)
{
	history_line("2026-11-20T10:00:00Z\tsafety");
	history_line("2026-11-22T07:00:00Z\tmorning\tpain=9");
	for (int q = 0; q < FQ_COUNT; q++)
		if (q != FQ_CLOT_BREATH)
			history_line("2026-12-01T10:00:00Z\tred-flag\tflag=%s\tanswer=no\t"
				     "trigger=severe", flag_question_name[q]);
	open_visit();
	ck_assert_int_eq(v.screen, VS_REDFLAG);
}
END_TEST

/* A history that cannot be written: the session's 8 is not in the file, yet it asks. */
START_TEST(an_unsaved_8_still_asks)
{
	history_line("2026-11-20T10:00:00Z\tsafety");
	open_visit();
	unlink(path); /* a folder where the history was: nothing is saved from now on */
	ck_assert_int_eq(mkdir(path, 0700), 0);
	visit_start(&v, false, now, wall);
	run_session(-1);
	visit_answer_pain(&v, 9, wall);
	visit_answer_pain(&v, 3, wall);
	visit_finish(&v, now, wall);
	ck_assert(coach_unsaved(&coach));
	ck_assert_int_eq(v.screen, VS_REDFLAG);
	ck_assert_str_eq(coach.round.reason, "You rated the pain 9 in today's session.");
	rmdir(path);
}
END_TEST

START_TEST(the_safety_note_again_from_the_start)
{
	history_line("2026-11-20T10:00:00Z\tsafety");
	open_visit();
	ck_assert_int_eq(v.screen, VS_START);
	visit_safety_note(&v, true);
	ck_assert_int_eq(v.screen, VS_SAFETY_AGAIN);
	ck_assert_uint_eq(visit_start(&v, false, now, wall), 0);
	visit_safety_note(&v, false);
	ck_assert_int_eq(v.screen, VS_START);
}
END_TEST

/* The runs screen from the start: a run logged through the form is written as --run
 * writes it, only once confirmed, and the chart, the cap and the start screen's note
 * show it at once; a form left records nothing. */
START_TEST(a_run_logged_from_the_runs_screen)
{
	char *text;

	history_line("2026-11-20T10:00:00Z\tsafety");
	history_line("2026-11-21T08:00:00Z\trun\tmetres=10000\tpain-during=1\tshoes=Pegasus");
	history_line("2026-11-22T07:00:00Z\tmorning\tpain=1");
	open_visit();
	ck_assert_int_eq(v.screen, VS_START);
	ck_assert_uint_eq(visit_runs(&v, false, wall), 0);       /* not open: nothing to close */
	ck_assert(visit_runs(&v, true, wall) & VISIT_SCREEN);
	ck_assert_int_eq(v.screen, VS_RUNS);
	ck_assert_ptr_nonnull(coach.runs);
	ck_assert_int_eq(coach.runs->chart.cap.metres, 11000);
	ck_assert_uint_eq(coach.runs->npains, 1);

	/* left: nothing */
	coach_runs_form(&coach, wall);
	run_form_type(&coach.runs->form, '9');
	run_form_cancel(&coach.runs->form);
	ck_assert(coach_runs_form_done(&coach, wall));
	ck_assert(!coach.runs->form_open);
	text = history();
	ck_assert_int_eq(count(text, "\trun\t"), 1);
	free(text);

	/* over the cap, confirmed: saved, warned, the chart and the note anew */
	coach_runs_form(&coach, wall);
	ck_assert_int_eq(coach.runs->form.npairs, 1);
	for (const char *p = "12km"; *p; p++)
		run_form_type(&coach.runs->form, (unsigned char)*p);
	run_form_move(&coach.runs->form, 3);                    /* stops at the ends: one step */
	ck_assert(run_form_submit(&coach.runs->form, &coach.runs->chart.cap));
	text = history();
	ck_assert_int_eq(count(text, "\trun\t"), 1);           /* not before yes */
	free(text);
	run_form_answer(&coach.runs->form, true);
	ck_assert(coach_runs_form_done(&coach, wall));
	text = history();
	ck_assert_int_eq(count(text, "\trun\tmetres=12000\n"), 1);
	free(text);
	ck_assert_str_eq(coach.runs->said, "Saved: a run of 12.0 km.");
	ck_assert_ptr_nonnull(strstr(coach.runs->warning, "12.0 km against a cap of 11.0 km (9% over it)"));
	ck_assert_int_eq(coach.runs->chart.week[RUNS_WEEKS - 1].metres, 12000);
	ck_assert_int_eq(coach.runs->chart.cap.metres, 12100); /* it counts as the 11.0 km it broke */
	ck_assert_uint_eq(coach.runs->npains, 2);
	ck_assert_str_eq(coach.runs_note, "Next run: at most 12.1 km (110% of your longest in 30 days).");

	/* back to the start */
	visit_runs(&v, false, wall);
	ck_assert_int_eq(v.screen, VS_START);
	ck_assert_ptr_null(coach.runs);
}
END_TEST

START_TEST(the_entry_test_after_the_last_level)
{
	char *text;

	history_line("2026-11-20T10:00:00Z\tlevel\tprogram=tiny\tlevel=2");
	history_line("2026-11-20T10:00:01Z\tsafety");
	open_visit();
	ck_assert_int_eq(coach.level, 2);
	for (int i = 0; i < 2; i++) { /* two easy sessions at the top level */
		if (i) {
			coach_free(&coach);
			session_log_free(&log_);
			monday += 2;
			wall += 2 * 86400;
			open_visit();
			if (v.screen == VS_MORNING)
				visit_answer_pain(&v, 0, wall);
		}
		ck_assert_int_eq(v.screen, VS_START);
		visit_start(&v, false, now, wall);
		run_session(-1);
		visit_answer_pain(&v, 1, wall);
		visit_answer_pain(&v, 0, wall);
		visit_finish(&v, now, wall);
	}
	/* the second session's morning after decides: the test is asked after it */
	ck_assert_int_eq(v.screen, VS_SUMMARY);
	coach_free(&coach);
	session_log_free(&log_);
	monday += 1;
	wall += 86400;
	open_visit();
	ck_assert_int_eq(v.screen, VS_MORNING);
	visit_answer_pain(&v, 0, wall);
	ck_assert_ptr_nonnull(strstr(coach.why, "ready for the entry test"));
	visit_answer_test(&v, false, wall);
	ck_assert_int_eq(v.screen, VS_START);
	/* after "not yet" the start screen says what comes now, not "ready for the test" */
	ck_assert_ptr_null(strstr(coach.why, "ready for the entry test"));
	ck_assert_ptr_nonnull(strstr(coach.why, "before the entry test of tiny-next"));
	text = history();
	ck_assert_int_eq(count(text, "\ttest\tprogram=tiny\tnext=tiny-next\tanswer=no\n"), 1);
	free(text);
}
END_TEST

START_TEST(the_note_is_edited_a_character_at_a_time)
{
	const char *e_acute = "\xc3\xa9";

	history_line("2026-11-20T10:00:00Z\tsafety");
	open_visit();
	ck_assert_uint_eq(visit_note_add(&v, "x", 1), 0); /* not on the note screen */
	visit_start(&v, false, now, wall);
	visit_ask_quit(&v, now);
	visit_answer_quit(&v, true, now, wall);
	visit_answer_pain(&v, 2, wall);
	visit_answer_pain(&v, 2, wall);
	ck_assert_int_eq(v.screen, VS_NOTE);
	visit_note_add(&v, "a", 1);
	visit_note_add(&v, e_acute, 2);
	ck_assert_str_eq(coach.note, "a\xc3\xa9");
	visit_note_erase(&v); /* the whole character goes */
	ck_assert_str_eq(coach.note, "a");
	visit_note_erase(&v);
	ck_assert_uint_eq(visit_note_erase(&v), 0);
	for (int i = 0; i < NOTE_MAX; i++)
		visit_note_add(&v, "z", 1);
	ck_assert_uint_eq(strlen(coach.note), NOTE_MAX);
	ck_assert_uint_eq(visit_note_add(&v, "z", 1), 0);
}
END_TEST

/* The note is UTF-8 in any locale and holds no control: a character typed in a Latin-1
 * locale comes as its code point, a C1 control (U+0085) or a byte of another encoding
 * is refused, and the end record with its pain ratings is read back. */
START_TEST(the_note_is_utf8_without_controls)
{
	char *text;

	history_line("2026-11-20T10:00:00Z\tsafety");
	open_visit();
	visit_start(&v, false, now, wall);
	visit_ask_quit(&v, now);
	visit_answer_quit(&v, true, now, wall);
	visit_answer_pain(&v, 4, wall);
	visit_answer_pain(&v, 3, wall);
	ck_assert_uint_eq(visit_note_add_char(&v, 0xe9), ENG_CHANGED); /* é, as Latin-1 types it */
	ck_assert_uint_eq(visit_note_add_char(&v, 0x85), 0);         /* NEL, a C1 control */
	ck_assert_uint_eq(visit_note_add_char(&v, 0x1b), 0);
	ck_assert_uint_eq(visit_note_add_char(&v, 0xd800), 0);       /* a surrogate */
	ck_assert_uint_eq(visit_note_add_char(&v, 0x110000), 0);
	ck_assert_uint_eq(visit_note_add(&v, "\xe9", 1), 0);          /* a Latin-1 byte */
	ck_assert_uint_eq(visit_note_add(&v, "\xc2\x85", 2), 0);
	ck_assert_uint_eq(visit_note_add_char(&v, 0x1f9b6), ENG_CHANGED); /* a foot */
	ck_assert_str_eq(coach.note, "\xc3\xa9\xf0\x9f\xa6\xb6");
	visit_finish(&v, now, wall);
	session_log_free(&log_);
	ck_assert(session_log_load(&log_, path));
	ck_assert_uint_eq(log_.report.skipped, 0);
	ck_assert_uint_eq(log_.nsessions, 1);
	ck_assert_int_eq(log_.sessions[0].pain_during, 4);
	ck_assert_int_eq(log_.sessions[0].pain_after, 3);
	ck_assert_str_eq(log_.sessions[0].note, "\xc3\xa9\xf0\x9f\xa6\xb6");
	text = history();
	free(text);
}
END_TEST

START_TEST(answers_on_the_wrong_screen_change_nothing)
{
	history_line("2026-11-20T10:00:00Z\tsafety");
	open_visit();
	ck_assert_int_eq(v.screen, VS_START);
	ck_assert_uint_eq(visit_answer_pain(&v, 3, wall), 0);
	ck_assert_uint_eq(visit_answer_test(&v, true, wall), 0);
	ck_assert_uint_eq(visit_acknowledge(&v, wall), 0);
	ck_assert_uint_eq(visit_finish(&v, now, wall), 0);
	ck_assert_uint_eq(visit_start(&v, true, now, wall), 0);
	ck_assert_uint_eq(visit_command(&v, CMD_DONE, now, wall), 0);
	ck_assert_uint_eq(visit_answer_quit(&v, true, now, wall), 0);
	ck_assert_int_eq(v.screen, VS_START);
	ck_assert(!coach.started);
}
END_TEST

START_TEST(greeted_by_the_time_of_day)
{
	ck_assert(strncmp(visit_pain_question(VS_MORNING, 0), "Good morning.", 13) == 0);
	ck_assert(strncmp(visit_pain_question(VS_MORNING, 11), "Good morning.", 13) == 0);
	ck_assert(strncmp(visit_pain_question(VS_MORNING, 12), "Good afternoon.", 15) == 0);
	ck_assert(strncmp(visit_pain_question(VS_MORNING, 17), "Good afternoon.", 15) == 0);
	ck_assert(strncmp(visit_pain_question(VS_MORNING, 18), "Good evening.", 13) == 0);
	/* only the pain during exercise has an acceptable band */
	ck_assert_ptr_nonnull(strstr(visit_pain_legend(VS_PAIN_DURING), "3-5 acceptable"));
	ck_assert_ptr_null(strstr(visit_pain_legend(VS_MORNING), "acceptable"));
	ck_assert_ptr_null(strstr(visit_pain_legend(VS_PAIN_AFTER), "acceptable"));
}
END_TEST

/* Several programs at once: the second due today is offered after the first's summary,
 * a fresh session at its own level; unless the first hurt above repeat-max-pain. */
static void second_due_today(void)
{
	char err[512] = "";

	ck_assert_msg(program_parse(&second, "second", "second.conf",
				    "title = \"Second\"\nlevels = 2\ndays = {mon, thu}\n"
				    "exercise hop {\n  reps = 2\n  rest = 0\n}\n", err, sizeof(err)),
		      "%s", err);
	history_line("2026-11-20T10:00:00Z\tsafety");
	history_line("2026-11-20T10:00:00Z\tlevel\tprogram=second\tlevel=2");
	open_visit();
	ck_assert_int_eq(v.screen, VS_START);
	ck_assert_ptr_eq(coach_next_due(&coach), &second);
}

static void one_session(int during, int after)
{
	visit_start(&v, false, now, wall);
	run_session(-1);
	ck_assert_int_eq(v.screen, VS_PAIN_DURING);
	visit_answer_pain(&v, during, wall);
	visit_answer_pain(&v, after, wall);
	visit_finish(&v, now, wall);
	ck_assert_int_eq(v.screen, VS_SUMMARY);
}

START_TEST(two_programs_due_one_after_the_other)
{
	char *text;

	second_due_today();
	one_session(cfg.rules.repeat_max_pain, 1); /* at the limit: the second still follows */
	ck_assert_ptr_eq(coach_next_due(&coach), &second);
	ck_assert_uint_eq(visit_next_program(&v, wall) & VISIT_SCREEN, VISIT_SCREEN);
	ck_assert_int_eq(v.screen, VS_START);
	ck_assert_ptr_eq(coach.program, &second);
	ck_assert_int_eq(coach.level, 2); /* its own level, not the first one's */
	ck_assert(coach.training_day);
	ck_assert(!coach.started);
	ck_assert_int_eq(coach.pain_during, -1);
	ck_assert_ptr_null(coach_next_due(&coach));
	one_session(1, 0);
	visit_next_program(&v, wall);
	ck_assert_int_eq(v.screen, VS_EXIT);
	visit_close(&v, false, now, wall);
	text = history();
	ck_assert_int_eq(count(text, "\tstart\t"), 2);
	ck_assert_ptr_nonnull(strstr(text, "\tprogram=tiny\tlevel=1\t"));
	ck_assert_ptr_nonnull(strstr(text, "\tprogram=second\tlevel=2\t"));
	ck_assert_int_eq(count(text, "\tstatus=done\t"), 2);
	free(text);
}
END_TEST

START_TEST(no_second_program_after_a_painful_session)
{
	second_due_today();
	one_session(1, cfg.rules.repeat_max_pain + 1);
	ck_assert_ptr_null(coach_next_due(&coach));
	visit_next_program(&v, wall);
	ck_assert_int_eq(v.screen, VS_EXIT);
	visit_close(&v, false, now, wall);
}
END_TEST

Suite *visit_suite(void)
{
	Suite *s = suite_create("visit");
	TCase *tc = tcase_create("visit");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, first_visit_safety_then_a_whole_session);
	tcase_add_test(tc, quit_asks_first_and_keeps_what_is_done);
	tcase_add_test(tc, each_step_is_heard_before_its_set_is_saved);
	tcase_add_test(tc, a_signal_saves_the_session_as_interrupted);
	tcase_add_test(tc, a_signal_after_the_last_set_keeps_it_done);
	tcase_add_test(tc, a_signal_after_quitting_keeps_it_quit);
	tcase_add_test(tc, a_set_done_again_replaces_it);
	tcase_add_test(tc, interrupted_today_offers_to_resume);
	tcase_add_test(tc, a_resumed_set_starts_after_a_countdown);
	tcase_add_test(tc, a_resume_passes_over_what_was_skipped);
	tcase_add_test(tc, the_morning_after_is_asked_first);
	tcase_add_test(tc, a_morning_passed_over_records_nothing);
	tcase_add_test(tc, a_red_flag_is_advised_once);
	tcase_add_test(tc, each_yes_stops_with_its_urgency);
	tcase_add_test(tc, a_yes_stops_until_a_level_is_set_by_hand);
	tcase_add_test(tc, all_no_reaches_the_advice);
	tcase_add_test(tc, a_morning_of_8_asks_after_it_is_recorded);
	tcase_add_test(tc, a_second_8_asks_again);
	tcase_add_test(tc, a_round_cut_off_asks_again_next_visit);
	tcase_add_test(tc, a_future_round_does_not_silence);
	tcase_add_test(tc, an_unsaved_8_still_asks);
	tcase_add_test(tc, the_safety_note_again_from_the_start);
	tcase_add_test(tc, a_run_logged_from_the_runs_screen);
	tcase_add_test(tc, the_entry_test_after_the_last_level);
	tcase_add_test(tc, the_note_is_edited_a_character_at_a_time);
	tcase_add_test(tc, the_note_is_utf8_without_controls);
	tcase_add_test(tc, answers_on_the_wrong_screen_change_nothing);
	tcase_add_test(tc, greeted_by_the_time_of_day);
	tcase_add_test(tc, two_programs_due_one_after_the_other);
	tcase_add_test(tc, no_second_program_after_a_painful_session);
	suite_add_tcase(s, tc);
	return s;
}
