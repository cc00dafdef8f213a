/* Which spoken cue is due, driven by made-up time: one at each step change, halfway
 * in a long hold, ten seconds before the end of a long step, beeps for 3-2-1, and
 * nothing twice. */
#include <stdio.h>
#include <string.h>

#include "cues.h"
#include "intervals.h"
#include "unit.h"

static const char text[] =
	"get-ready = 5\n"
	"exercise raise {\n"
	"  title = \"Calf raise\"\n"
	"  sets = 2\n"
	"  reps = 3\n"
	"  tempo = {2, 1, 2}\n"     /* 15 s a set */
	"  rest = 30\n"
	"  load = \"light band\"\n"
	"}\n"
	"exercise balance {\n"
	"  title = \"Single-leg balance\"\n"
	"  sides = each\n"
	"  sets = 2\n"
	"  hold = 40\n"
	"  rest = 15\n"
	"}\n";

static struct program prog;
static struct routine routine;

/* Walk/run: the level heard at the get-ready, then walk and run in their tones, the
 * last run said so. */
START_TEST(walk_and_run_in_their_tones)
{
	struct program wr;
	struct routine r;
	struct engine e;
	struct cue_state cs;
	struct cue c;
	char err[512] = "", said[2048] = "";
	int64_t now = 0;

	ck_assert_msg(program_parse(&wr, "wr", "wr.conf",
				    "get-ready = 5\nexercise wr {\n  title = \"Walk/run\"\n"
				    "  intervals = \"walk 0:30, run 0:20, walk 0.1mi, run 400m\"\n"
				    "  repeat = 2\n}\n", err, sizeof(err)), "%s", err);
	routine_build(&r, &wr, 1);
	routine_at_speed(&r, 8000);
	engine_init(&e, &r, now);
	cues_init(&cs);
	while (!e.finished) {
		while (cues_next(&cs, &e, now, &c)) {
			size_t n = strlen(said);
			if (c.kind != CUE_SAY)
				continue;
			snprintf(said + n, sizeof(said) - n, "%s%s|",
				 c.tone == TONE_HIGH ? "^" : c.tone == TONE_LOW ? "_" : "", c.text);
		}
		now += 100;
		engine_tick(&e, now);
		e.nsets = e.nskipped = 0;
	}
	ck_assert_msg(strncmp(said, "Walk/run, 2 times: walk 30 seconds, run 20 seconds, walk 0.1 "
			      "miles, run 400 metres|_walk|^run|", 84) == 0, "%s", said);
	ck_assert_msg(strstr(said, "|^last run|"), "%s", said);
	ck_assert_msg(!strstr(said, "sets of"), "%s", said);
	engine_free(&e);
	routine_free(&r);
	program_free(&wr);
}
END_TEST

static void setup(void)
{
	char err[512] = "";

	ck_assert_msg(program_parse(&prog, "t", "t.conf", text, err, sizeof(err)), "%s", err);
	routine_build(&routine, &prog, 1);
}

static void teardown(void)
{
	routine_free(&routine);
	program_free(&prog);
}

static char timeline[8192];

/* Every cue due at now, as "SECONDS.TENTHS text" lines after t0. */
static void collect(struct cue_state *cs, const struct engine *e, int64_t t0, int64_t now)
{
	struct cue c;

	while (cues_next(cs, e, now, &c)) {
		size_t n = strlen(timeline);
		snprintf(timeline + n, sizeof(timeline) - n, "%lld.%lld %s\n",
			 (long long)((now - t0) / 1000), (long long)((now - t0) % 1000 / 100), c.text);
	}
}

/* The whole session ticked every `every` ms. */
static void run_session(int64_t t0, int64_t every)
{
	struct engine e;
	struct cue_state cs;
	int64_t now = t0;

	timeline[0] = '\0';
	engine_init(&e, &routine, t0);
	cues_init(&cs);
	collect(&cs, &e, t0, now);
	while (!e.finished) {
		now += every;
		engine_tick(&e, now);
		e.nsets = e.nskipped = 0;
		collect(&cs, &e, t0, now);
	}
	engine_free(&e);
}

static const char whole[] =
	"0.0 Calf raise, 2 sets of 3, light band\n"
	"2.0 beep\n3.0 beep\n4.0 beep\n"
	"5.0 beep\n"                                  /* paced reps: no words, no 3-2-1 */
	"20.0 rest\n"
	"40.0 ten seconds\n"
	"47.0 beep\n48.0 beep\n49.0 beep\n"
	"50.0 last set\n"
	"65.0 Single-leg balance, 2 sets of 40 seconds, each side\n"
	"67.0 beep\n68.0 beep\n69.0 beep\n"
	"70.0 left\n"
	"90.0 halfway\n"
	"100.0 ten seconds\n"
	"107.0 beep\n108.0 beep\n109.0 beep\n"
	"110.0 switch sides\n"
	"112.0 beep\n113.0 beep\n114.0 beep\n"
	"115.0 right\n"
	"135.0 halfway\n"
	"145.0 ten seconds\n"
	"152.0 beep\n153.0 beep\n154.0 beep\n"
	"155.0 rest\n"
	"167.0 beep\n168.0 beep\n169.0 beep\n"
	"170.0 last set, left\n"
	"190.0 halfway\n"
	"200.0 ten seconds\n"
	"207.0 beep\n208.0 beep\n209.0 beep\n"
	"210.0 switch sides\n"
	"212.0 beep\n213.0 beep\n214.0 beep\n"
	"215.0 right\n"
	"235.0 halfway\n"
	"245.0 ten seconds\n"
	"252.0 beep\n253.0 beep\n254.0 beep\n"
	"255.0 session done\n";

START_TEST(a_cue_at_each_step_change)
{
	run_session(1000, 100);
	ck_assert_str_eq(timeline, whole);
}
END_TEST

/* Ticked every millisecond or every 10 ms, each cue comes once, at the same moment. */
START_TEST(nothing_twice_however_often_asked)
{
	run_session(1000, 1);
	ck_assert_str_eq(timeline, whole);
	run_session(7, 10);
	ck_assert_str_eq(timeline, whole);
}
END_TEST

/* The engine at the start of the first balance hold (the left side), its cue given. */
static int64_t to_balance(struct engine *e, struct cue_state *cs, int64_t t0)
{
	struct cue c;
	int64_t now = t0 + 70000;

	engine_init(e, &routine, t0);
	cues_init(cs);
	engine_tick(e, now);
	ck_assert(cues_next(cs, e, now, &c));
	ck_assert_str_eq(c.text, "left");
	ck_assert(!cues_next(cs, e, now, &c));
	return now;
}

START_TEST(halfway_and_ten_seconds_in_a_hold)
{
	struct engine e;
	struct cue_state cs;
	struct cue c;
	int64_t start = to_balance(&e, &cs, 0);

	ck_assert_int_eq(cues_wait_ms(&cs, &e, start), 20000);
	ck_assert(!cues_next(&cs, &e, start + 19999, &c));
	ck_assert_int_eq(cues_wait_ms(&cs, &e, start + 19999), 1);
	ck_assert(cues_next(&cs, &e, start + 20000, &c));
	ck_assert_str_eq(c.text, "halfway");
	ck_assert(!cues_next(&cs, &e, start + 20000, &c));
	ck_assert_int_eq(cues_wait_ms(&cs, &e, start + 20000), 10000);
	ck_assert(!cues_next(&cs, &e, start + 29999, &c));
	ck_assert(cues_next(&cs, &e, start + 30000, &c));
	ck_assert_str_eq(c.text, "ten seconds");
	ck_assert(!cues_next(&cs, &e, start + 30500, &c));
	/* then the second that shows 3, 2 and 1 */
	ck_assert_int_eq(cues_wait_ms(&cs, &e, start + 30500), -1);
	ck_assert_int_eq(cues_wait_ms(&cs, &e, start + 36500), 500);
	ck_assert(cues_next(&cs, &e, start + 37000, &c));
	ck_assert_int_eq(c.kind, CUE_BEEP);
	ck_assert(!cues_next(&cs, &e, start + 37999, &c));
	engine_free(&e);
}
END_TEST

/* A cue held up past CUE_STALE_MS is dropped, never said late; one late by less is said. */
START_TEST(a_late_cue_is_dropped)
{
	struct engine e;
	struct cue_state cs;
	struct cue c;
	int64_t start = to_balance(&e, &cs, 0);

	engine_tick(&e, start + 21001);
	ck_assert(!cues_next(&cs, &e, start + 21001, &c));
	ck_assert(cues_next(&cs, &e, start + 31000, &c));
	ck_assert_str_eq(c.text, "ten seconds");
	engine_free(&e);
}
END_TEST

/* A pause neither repeats the step's cue nor moves halfway off the hold's own time. */
START_TEST(a_pause_holds_cues_back)
{
	struct engine e;
	struct cue_state cs;
	struct cue c;
	int64_t start = to_balance(&e, &cs, 0);

	engine_command(&e, CMD_PAUSE, start + 15000);
	ck_assert(!cues_next(&cs, &e, start + 25000, &c));
	ck_assert_int_eq(cues_wait_ms(&cs, &e, start + 25000), -1);
	engine_command(&e, CMD_PAUSE, start + 75000); /* 60 s paused */
	ck_assert(!cues_next(&cs, &e, start + 75000, &c));
	ck_assert(!cues_next(&cs, &e, start + 79999, &c));
	ck_assert(cues_next(&cs, &e, start + 80000, &c));
	ck_assert_str_eq(c.text, "halfway");
	engine_free(&e);
}
END_TEST

/* The set redone from its start says its cue again: it is a new start. */
START_TEST(a_set_begun_again_is_cued_again)
{
	struct engine e;
	struct cue_state cs;
	struct cue c;
	int64_t start = to_balance(&e, &cs, 0);

	ck_assert(cues_next(&cs, &e, start + 20000, &c));
	engine_command(&e, CMD_BACK, start + 25000);
	ck_assert(cues_next(&cs, &e, start + 25000, &c));
	ck_assert_str_eq(c.text, "left");
	ck_assert(!cues_next(&cs, &e, start + 44999, &c));
	ck_assert(cues_next(&cs, &e, start + 45000, &c));
	ck_assert_str_eq(c.text, "halfway");
	engine_free(&e);
}
END_TEST

/* 15 s more rest after the countdown began: the countdown comes again at its end. */
START_TEST(more_rest_beeps_again)
{
	struct engine e;
	struct cue_state cs;
	struct cue c;
	int64_t t = 20000;

	engine_init(&e, &routine, 0);
	cues_init(&cs);
	engine_tick(&e, t);
	ck_assert(cues_next(&cs, &e, t, &c));
	ck_assert_str_eq(c.text, "rest");
	ck_assert(cues_next(&cs, &e, t + 20000, &c)); /* ten seconds */
	ck_assert(cues_next(&cs, &e, t + 27000, &c));
	ck_assert_int_eq(c.kind, CUE_BEEP);
	engine_command(&e, CMD_REST_PLUS, t + 27500);
	ck_assert(!cues_next(&cs, &e, t + 27500, &c));
	ck_assert(!cues_next(&cs, &e, t + 41999, &c));
	ck_assert(cues_next(&cs, &e, t + 42000, &c));
	ck_assert_int_eq(c.kind, CUE_BEEP);
	ck_assert(cues_next(&cs, &e, t + 43000, &c));
	ck_assert(cues_next(&cs, &e, t + 44000, &c));
	ck_assert(!cues_next(&cs, &e, t + 44999, &c));
	engine_free(&e);
}
END_TEST

/* The words go to a command as an argument: never an option, never a control byte. */
START_TEST(words_are_never_an_option)
{
	struct program p;
	struct routine r;
	struct engine e;
	struct cue_state cs;
	struct cue c;
	char err[512] = "";

	ck_assert_msg(program_parse(&p, "t", "t.conf",
				    "exercise x {\n  title = \"--output=/tmp/x\"\n  reps = 5\n}\n",
				    err, sizeof(err)), "%s", err);
	routine_build(&r, &p, 1);
	engine_init(&e, &r, 0);
	cues_init(&cs);
	ck_assert(cues_next(&cs, &e, 0, &c));
	ck_assert_str_eq(c.text, "output=/tmp/x, 5 reps");
	engine_free(&e);
	routine_free(&r);
	program_free(&p);
}
END_TEST

Suite *cues_suite(void)
{
	Suite *s = suite_create("cues");
	TCase *tc = tcase_create("cues");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, a_cue_at_each_step_change);
	tcase_add_test(tc, nothing_twice_however_often_asked);
	tcase_add_test(tc, halfway_and_ten_seconds_in_a_hold);
	tcase_add_test(tc, a_late_cue_is_dropped);
	tcase_add_test(tc, a_pause_holds_cues_back);
	tcase_add_test(tc, a_set_begun_again_is_cued_again);
	tcase_add_test(tc, more_rest_beeps_again);
	tcase_add_test(tc, words_are_never_an_option);
	tcase_add_test(tc, walk_and_run_in_their_tones);
	suite_add_tcase(s, tc);
	return s;
}
