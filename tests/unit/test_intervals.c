/* Walk/run intervals: the pattern as written, the treadmill speed, the steps they make
 * and what a session adds up to. */
#include <stdio.h>
#include <string.h>

#include <stdlib.h>
#include <unistd.h>

#include "coach.h"
#include "engine.h"
#include "intervals.h"
#include "unit.h"

START_TEST(patterns_as_written)
{
	struct interval iv[INTERVALS_MAX];
	char err[256];
	int n;

	ck_assert(intervals_parse("walk 4:00, run 1:00", iv, &n, err, sizeof(err)));
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(iv[0].stride, STRIDE_WALK);
	ck_assert_int_eq(iv[0].secs, 240);
	ck_assert_int_eq(iv[1].stride, STRIDE_RUN);
	ck_assert_int_eq(iv[1].secs, 60);
	/* on a treadmill the walks at their speed, never faster than the run */
	ck_assert_int_eq(stride_speed(STRIDE_WALK, 8000, 5000), 5000);
	ck_assert_int_eq(stride_speed(STRIDE_RUN, 8000, 5000), 8000);
	ck_assert_int_eq(stride_speed(STRIDE_WALK, 5000, 5000), 5000);
	ck_assert_int_eq(stride_speed(STRIDE_WALK, 4000, 5000), 4000);
	ck_assert_int_eq(stride_speed(STRIDE_WALK, 8000, 0), 8000);
	ck_assert(intervals_parse("walk 0.1mi,run 400m", iv, &n, err, sizeof(err)));
	ck_assert_int_eq(iv[0].metres, 161);
	ck_assert(iv[0].miles);
	ck_assert_int_eq(iv[1].metres, 400);
	ck_assert(!iv[1].miles);
	ck_assert(intervals_parse("run 90s", iv, &n, err, sizeof(err)) && iv[0].secs == 90);
	ck_assert(intervals_parse("run 20min", iv, &n, err, sizeof(err)) && iv[0].secs == 1200);
	ck_assert(intervals_parse("run 2:00:00", iv, &n, err, sizeof(err)) && iv[0].secs == 7200);
	ck_assert(intervals_parse("run 50km", iv, &n, err, sizeof(err)) && iv[0].metres == 50000);
	/* the edges and the mistakes */
	ck_assert(!intervals_parse("run 2:00:01", iv, &n, err, sizeof(err)));
	ck_assert(!intervals_parse("run 50.001km", iv, &n, err, sizeof(err)));
	ck_assert(!intervals_parse("run 400", iv, &n, err, sizeof(err))); /* metres or minutes? */
	ck_assert(!intervals_parse("run 45m", iv, &n, err, sizeof(err)) || iv[0].metres == 45);
	ck_assert(!intervals_parse("jog 1:00", iv, &n, err, sizeof(err)));
	ck_assert_str_eq(err, "'jog 1:00': an interval is walk or run, got 'jog'");
	ck_assert(!intervals_parse("walk", iv, &n, err, sizeof(err)));
	ck_assert(!intervals_parse("walk 1:00 now", iv, &n, err, sizeof(err)));
	ck_assert(!intervals_parse("walk 1:00,", iv, &n, err, sizeof(err)));
	ck_assert(!intervals_parse("run 0:00", iv, &n, err, sizeof(err)));
	ck_assert(intervals_parse("run 1:00, walk 1:00, run 1:00, walk 1:00, run 1:00, walk 1:00, "
				  "run 1:00, walk 1:00", iv, &n, err, sizeof(err)));
	ck_assert(!intervals_parse("run 1:00, walk 1:00, run 1:00, walk 1:00, run 1:00, walk 1:00, "
				   "run 1:00, walk 1:00, run 1:00", iv, &n, err, sizeof(err)));
}
END_TEST

/* running.md: 0.1 mi = 161 m at 8 km/h = 72 s */
START_TEST(treadmill_speed_makes_distance_time)
{
	long v;

	ck_assert(parse_speed("8kmh", UNITS_KM, &v) && v == 8000);
	ck_assert(parse_speed("8km/h", UNITS_MI, &v) && v == 8000);
	ck_assert(parse_speed("8.5kph", UNITS_KM, &v) && v == 8500);
	ck_assert(parse_speed("5mph", UNITS_KM, &v) && v == 8047);
	ck_assert(parse_speed("5", UNITS_MI, &v) && v == 8047);
	ck_assert(parse_speed("8", UNITS_KM, &v) && v == 8000);
	ck_assert(parse_speed("1kmh", UNITS_KM, &v) && v == 1000);
	ck_assert(parse_speed("30kmh", UNITS_KM, &v) && v == 30000);
	ck_assert(!parse_speed("0.9kmh", UNITS_KM, &v));
	ck_assert(!parse_speed("30.1kmh", UNITS_KM, &v));
	ck_assert(!parse_speed("8 kmh", UNITS_KM, &v));
	ck_assert(!parse_speed("fast", UNITS_KM, &v));
	ck_assert(!parse_speed("", UNITS_KM, &v));
	ck_assert_int_eq(interval_secs_at(161, 8000), 72);
	ck_assert_int_eq(interval_secs_at(400, 8000), 180);
	ck_assert_int_eq(interval_secs_at(1, 30000), 1); /* never a step of no time */
}
END_TEST

static const char *const walk_run_conf =
	"levels = 2\n"
	"get-ready = 5\n"
	"exercise wr {\n"
	"  title = \"Walk / run\"\n"
	"  intervals = {\"walk 4:00, run 1:00\", \"walk 0.1mi, run 400m\"}\n"
	"  repeat = {3, 2}\n"
	"}\n";

START_TEST(steps_of_a_level)
{
	struct program p;
	struct routine r;
	char err[256], dose[128];

	ck_assert_msg(program_parse(&p, "wr", "wr.conf", walk_run_conf, err, sizeof(err)), "%s", err);
	routine_build(&r, &p, 1);
	ck_assert_uint_eq(r.nsteps, 7); /* get ready, then walk run x 3 */
	ck_assert_int_eq(r.steps[0].kind, STEP_GET_READY);
	ck_assert_int_eq(r.steps[4].kind, STEP_WORK);
	ck_assert_int_eq(r.steps[4].stride, STRIDE_RUN);
	ck_assert_int_eq(r.steps[4].nth, 2);
	ck_assert_int_eq(r.steps[4].of, 3);
	ck_assert_int_eq(r.steps[4].set, 4);
	ck_assert_int_eq(r.steps[5].stride, STRIDE_WALK);
	ck_assert_int_eq(r.steps[5].nth, 3);
	ck_assert_int_eq(r.total_secs, 5 + 3 * 300);
	format_dose(&p.exercises[0], 1, dose, sizeof(dose));
	ck_assert_str_eq(dose, "3 x walk 4:00 / run 1:00");
	/* the get-ready names the first walk, not what follows the intervals */
	ck_assert(intervals_next_text(&r, 0, dose, sizeof(dose)));
	ck_assert_str_eq(dose, "Next: walk 4:00 (walk 1 of 3)");
	ck_assert(intervals_next_text(&r, 1, dose, sizeof(dose)));
	ck_assert_str_eq(dose, "Next: run 1:00 (run 1 of 3)");
	ck_assert(!intervals_next_text(&r, 6, dose, sizeof(dose))); /* the last interval */
	routine_free(&r);

	/* distances: by hand off a treadmill, timed on one */
	routine_build(&r, &p, 2);
	ck_assert_uint_eq(r.nsteps, 5);
	ck_assert(r.steps[1].by_hand && r.steps[1].metres == 161);
	routine_at_speed(&r, 8000);
	ck_assert(!r.steps[1].by_hand);
	ck_assert_int_eq(r.steps[1].secs, 72);
	ck_assert_int_eq(r.steps[2].secs, 180);
	ck_assert_int_eq(r.total_secs, 5 + 2 * (72 + 180));
	format_dose(&p.exercises[0], 2, dose, sizeof(dose));
	ck_assert_str_eq(dose, "2 x walk 0.10 mi / run 400 m");
	routine_free(&r);
	program_free(&p);
}
END_TEST

/* The engine times an interval, says walk or run, and waits for Enter on a distance. */
START_TEST(engine_times_intervals)
{
	struct program p;
	struct routine r;
	struct engine e;
	char err[256];

	ck_assert(program_parse(&p, "wr", "wr.conf", walk_run_conf, err, sizeof(err)));
	routine_build(&r, &p, 1);
	engine_init(&e, &r, 0);
	ck_assert_int_eq(engine_stride(&e), STRIDE_NONE); /* getting ready */
	engine_tick(&e, 5000);
	ck_assert_int_eq(engine_stride(&e), STRIDE_WALK);
	ck_assert(!engine_runner_ends(&e));
	ck_assert(engine_tick(&e, 5000 + 240000) & ENG_NEW_STEP);
	ck_assert_int_eq(engine_stride(&e), STRIDE_RUN);
	ck_assert_uint_eq(e.nsets, 1);
	ck_assert_int_eq(e.sets[0].target, 240);
	ck_assert_uint_eq(e.sets[0].step, 1);
	ck_assert_int_eq(engine_session_left_ms(&e, 5000 + 240000), 3 * 300000 - 240000);
	engine_free(&e);
	routine_free(&r);

	routine_build(&r, &p, 2);
	engine_init(&e, &r, 0);
	engine_tick(&e, 5000);
	ck_assert(engine_runner_ends(&e));
	ck_assert_int_eq(engine_deadline(&e), NO_DEADLINE);
	ck_assert_int_eq(engine_tick(&e, 3600000), 0); /* no clock ends it */
	ck_assert(engine_command(&e, CMD_DONE, 3600000) & ENG_NEW_STEP);
	ck_assert_int_eq(engine_stride(&e), STRIDE_RUN);
	engine_free(&e);
	routine_free(&r);
	program_free(&p);
}
END_TEST

/* Enter through a timed interval before half its time skips it: no set done, nothing
 * for the run record; from half its time on, it is done (and counts what was done). */
START_TEST(an_interval_cut_short_is_not_done)
{
	struct program p;
	struct routine r;
	struct engine e;
	char err[256];
	int64_t t = 5000;

	ck_assert(program_parse(&p, "wr", "wr.conf", walk_run_conf, err, sizeof(err)));
	routine_build(&r, &p, 1);
	engine_init(&e, &r, 0);
	engine_tick(&e, t);
	ck_assert(engine_command(&e, CMD_DONE, t + 119999) & ENG_NEW_STEP); /* walk 4:00 */
	ck_assert_int_eq(engine_stride(&e), STRIDE_RUN);
	ck_assert_uint_eq(e.nsets, 0);
	t += 119999;
	ck_assert(engine_command(&e, CMD_DONE, t + 30000) & ENG_NEW_STEP); /* run 1:00, half */
	ck_assert_uint_eq(e.nsets, 1);
	ck_assert_int_eq(e.sets[0].secs, 30);
	t += 30000;
	ck_assert(engine_command(&e, CMD_DONE, t + 4000) & ENG_NEW_STEP);
	ck_assert_uint_eq(e.nsets, 1);
	engine_free(&e);
	routine_free(&r);

	/* by hand (off a treadmill) Enter is the end of the distance: always done */
	routine_build(&r, &p, 2);
	engine_init(&e, &r, 0);
	engine_tick(&e, 5000);
	engine_command(&e, CMD_DONE, 6000);
	ck_assert_uint_eq(e.nsets, 1);
	engine_free(&e);
	routine_free(&r);
	program_free(&p);
}
END_TEST

/* What the run record holds: distance when every interval had one, time always. */
START_TEST(walk_run_adds_up)
{
	struct walk_run_total t;
	struct step walk = { .kind = STEP_WORK, .stride = STRIDE_WALK, .secs = 240 };
	struct step run400 = { .kind = STEP_WORK, .stride = STRIDE_RUN, .metres = 400 };
	struct step rest = { .kind = STEP_WORK };

	walk_run_begin(&t);
	walk_run_add(&t, &walk, 240, 0);
	walk_run_add(&t, &rest, 30, 0);
	ck_assert(!t.metres_known);
	ck_assert_int_eq(t.secs, 240);
	ck_assert_int_eq(t.intervals, 1);

	walk_run_begin(&t);
	walk_run_add(&t, &walk, 240, 6000); /* 4 min at 6 km/h: 400 m */
	walk_run_add(&t, &run400, 150, 6000);
	ck_assert(t.metres_known);
	ck_assert_int_eq(t.metres, 800);
	ck_assert_int_eq(t.secs, 390);

	walk_run_begin(&t);
	walk_run_add(&t, &run400, 150, 0); /* off a treadmill: the distance as set */
	ck_assert(t.metres_known);
	ck_assert_int_eq(t.metres, 400);

	/* on a treadmill (timed, 180 s) ended at 90 s: half the distance was run */
	run400.secs = 180;
	walk_run_begin(&t);
	walk_run_add(&t, &run400, 90, 8000);
	ck_assert_int_eq(t.metres, 200);
	walk_run_add(&t, &run400, 180, 8000); /* in full: all of it */
	ck_assert_int_eq(t.metres, 600);
}
END_TEST

/* A whole walk/run session on a treadmill, coached with made-up time: its run record
 * holds the intervals' distance and time. The walks at the run's speed (_i 0), or at
 * treadmill-walk-speed's 5 km/h (_i 1): 400 m is then 288 s, not 180. */
START_TEST(a_walk_run_session_leaves_a_run)
{
	static const int walk_secs[] = { 180, 288 };
	static const char *const summary[] = { "Recorded as a run: 1.1 km in 8:24.",
					       "Recorded as a run: 1.1 km in 12:00." };
	static const char *const note[] = { "On a treadmill at 8.0 km/h: WALK and RUN are timed.",
					    "On a treadmill: RUN at 8.0 km/h, WALK at 5.0 km/h; both are timed." };
	char dir[] = "/tmp/talus-walkrun-XXXXXX", path[128], err[256];
	struct program p;
	struct user_config cfg;
	struct session_log empty, log;
	struct red_flags flags;
	struct coach_setup setup;
	struct coach c;
	struct run_cap cap;
	day_t day;
	time_t wall;
	int64_t now = 1000000;

	setenv("TZ", "UTC", 1);
	tzset();
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/history.tsv", dir);
	ck_assert_msg(program_load_file(&p, "tests/data/programs/walkrun.conf", err, sizeof(err)),
		      "%s", err);
	config_defaults(&cfg);
	ck_assert(date_parse("2026-11-23", &day));
	wall = (time_t)day * 86400 + 10 * 3600;
	memset(&empty, 0, sizeof(empty));
	memset(&flags, 0, sizeof(flags));
	memset(&setup, 0, sizeof(setup));
	setup.program = &p;
	setup.level = 2; /* walk 400 m, run 0.1 mi, twice */
	setup.today = day;
	setup.training_days = p.days;
	setup.history_path = path;
	setup.log = &empty;
	setup.rules = &cfg.rules;
	setup.flags = &flags;
	setup.speed = 8000;
	setup.walk_speed = _i ? cfg.treadmill_walk_speed : 0;
	ck_assert_int_eq(cfg.treadmill_walk_speed, 5000);
	coach_init(&c, &setup, now);
	ck_assert(coach_walk_run_note(&c, err, sizeof(err)));
	ck_assert_str_eq(err, note[_i]);
	ck_assert_int_eq(c.routine.steps[1].secs, walk_secs[_i]); /* 400 m */
	ck_assert_int_eq(c.routine.steps[2].secs, 72);  /* 0.1 mi */
	ck_assert(coach_start(&c, wall, now));
	for (; !c.engine.finished; now += 1000) {
		engine_tick(&c.engine, now);
		ck_assert(coach_save_progress(&c, wall));
	}
	c.pain_during = 1;
	ck_assert(coach_finish(&c, SESSION_DONE, wall + 600, now));
	ck_assert(coach_run_summary(&c, err, sizeof(err)));
	ck_assert_str_eq(err, summary[_i]);
	coach_free(&c);

	memset(&log, 0, sizeof(log));
	ck_assert(session_log_load(&log, path));
	ck_assert_uint_eq(log.nruns, 1);
	ck_assert_int_eq(log.runs[0].metres, 2 * (400 + 161));
	ck_assert_int_eq(log.runs[0].secs, 2 * (walk_secs[_i] + 72));
	ck_assert_int_eq(log.runs[0].pain, 1);
	ck_assert_int_eq(log.runs[0].surface, SURFACE_TREADMILL);
	/* the ladder's session: counted in the totals, but no longest run for the cap */
	ck_assert(log.runs[0].walk_run);
	run_cap(&log, day + 2, (int64_t)(day + 2) * 86400, &cap);
	ck_assert_int_eq(cap.longest, -1);
	session_log_free(&log);
	program_free(&p);
	config_free(&cfg);
	unlink(path);
	rmdir(dir);
}
END_TEST

struct bad_case {
	const char *text;
	const char *message;
};

#define WR "exercise a {\n"
static const struct bad_case bad_cases[] = {
	{ WR "  intervals = {\"walk 4:00, jog 1:00\"}\n}\n",
	  "t.conf:2: intervals, level 1: 'jog 1:00': an interval is walk or run, got 'jog'" },
	{ WR "  intervals = {\"walk 4:00\"}\n}\n",
	  "t.conf:2: intervals, level 1: 'walk 4:00' has no run in it" },
	{ WR "  intervals = {\"run 400\"}\n}\n",
	  "t.conf:2: intervals, level 1: 'run 400': '400' is not a time (4:00, 90s, 4min; at most "
	  "2 h) or a distance with its unit (400m, 0.1mi, 2km; at most 50 km)" },
	{ "levels = 2\n" WR "  intervals = {\"run 1:00\", \"run 1:00\", \"run 1:00\"}\n}\n",
	  "t.conf:3: intervals has 3 values but levels is 2" },
	{ WR "  intervals = {}\n}\n", "t.conf:2: intervals is an empty list" },
	{ WR "  intervals = {\"run 1:00\"}\n  repeat = 21\n}\n", "t.conf:3: repeat must be 1-20, got 21" },
	{ WR "  intervals = {\"run 1:00\"}\n  repeat = 0\n}\n", "t.conf:3: repeat must be 1-20, got 0" },
	{ WR "  hold = 5\n  repeat = 2\n}\n", "t.conf:3: repeat repeats intervals; 'a' has none" },
	{ WR "  intervals = {\"run 1:00\"}\n  hold = 30\n}\n", "t.conf:3: 'a' has intervals; it takes no hold" },
	{ WR "  intervals = {\"run 1:00\"}\n  sides = each\n}\n",
	  "t.conf:3: 'a' has intervals; walking and running take no sides" },
	{ WR "  intervals = {\"run 1:00, walk 1:00,\"}\n}\n",
	  "t.conf:2: intervals, level 1: '' is not an interval: write walk or run, then a time (4:00, "
	  "90s) or a distance (400m, 0.1mi)" },
};

START_TEST(bad_intervals_named_at_their_line)
{
	assert_program_rejected(_i, bad_cases[_i].text, bad_cases[_i].message);
}
END_TEST

Suite *intervals_suite(void)
{
	Suite *s = suite_create("intervals");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, patterns_as_written);
	tcase_add_test(tc, treadmill_speed_makes_distance_time);
	tcase_add_test(tc, steps_of_a_level);
	tcase_add_test(tc, engine_times_intervals);
	tcase_add_test(tc, an_interval_cut_short_is_not_done);
	tcase_add_test(tc, walk_run_adds_up);
	tcase_add_loop_test(tc, a_walk_run_session_leaves_a_run, 0, 2);
	tcase_add_loop_test(tc, bad_intervals_named_at_their_line, 0,
			    (int)(sizeof(bad_cases) / sizeof(bad_cases[0])));
	suite_add_tcase(s, tc);
	return s;
}
