/* The session engine driven by made-up time. */
#include <string.h>

#include "engine.h"
#include "unit.h"

static const char text[] =
	"get-ready = 5\n"
	"exercise circles {\n"
	"  phase = warmup\n"
	"  reps = 10\n"             /* the runner ends it */
	"  rest = 0\n"
	"}\n"
	"exercise raise {\n"
	"  sets = 2\n"
	"  reps = 3\n"
	"  tempo = {2, 1, 2}\n"     /* 15 s a set */
	"  rest = 30\n"
	"}\n"
	"exercise balance {\n"
	"  sides = each\n"
	"  sets = 2\n"
	"  hold = 20\n"
	"  rest = 15\n"
	"}\n";

static struct program prog;
static struct routine routine;

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

/* Runs to the end, ticking `late` ms after each deadline and ending runner-paced sets
 * at their estimate; checks each step starts exactly at the planned moment. */
static int64_t run_through(int64_t t0, int64_t late)
{
	struct engine e;
	int64_t now = t0, planned = t0;

	engine_init(&e, &routine, t0);
	while (!e.finished) {
		const struct step *s = engine_step(&e);
		ck_assert_int_eq(e.step_start, planned);
		planned += (int64_t)s->secs * 1000;
		if (engine_deadline(&e) == NO_DEADLINE) {
			now = planned;
			engine_command(&e, CMD_DONE, now);
		} else {
			now = planned + late;
			engine_tick(&e, now);
		}
		e.nsets = e.nskipped = 0;
	}
	engine_free(&e);
	return planned - t0;
}

START_TEST(deadlines_land_to_the_millisecond)
{
	ck_assert_int_eq(run_through(1000, 0), (int64_t)routine.total_secs * 1000);
	/* ticking late never shifts later steps */
	ck_assert_int_eq(run_through(1000, 7), (int64_t)routine.total_secs * 1000);
	ck_assert_int_eq(run_through(5, 999), (int64_t)routine.total_secs * 1000);
}
END_TEST

START_TEST(total_equals_the_estimate)
{
	ck_assert_int_eq(routine.total_secs, session_estimate_secs(&prog, 1));
	ck_assert_int_eq(run_through(0, 0), (int64_t)session_estimate_secs(&prog, 1) * 1000);
}
END_TEST

START_TEST(one_late_tick_crosses_many_steps)
{
	struct engine e;
	unsigned changed;

	engine_init(&e, &routine, 0);
	engine_tick(&e, 5000);                      /* get-ready over */
	engine_command(&e, CMD_DONE, 5000 + 30000); /* the runner ends circles */
	ck_assert_int_eq(e.step, 2);
	/* raise: ready 5 s, set 15 s, rest 30 s, set 15 s: all passed at once */
	changed = engine_tick(&e, 35000 + 65000 + 100);
	ck_assert(changed & ENG_NEW_STEP);
	ck_assert_int_eq(engine_step(&e)->exercise, 2);
	ck_assert_int_eq(e.step_start, 35000 + 65000);
	ck_assert_uint_eq(e.nsets, 3); /* circles, and both raise sets */
	ck_assert_int_eq(e.sets[1].reps, 3);
	ck_assert_int_eq(e.sets[1].secs, 15);
	engine_free(&e);
}
END_TEST

START_TEST(pauses_add_nothing_to_work_time)
{
	struct engine e;

	engine_init(&e, &routine, 0);
	engine_seek(&e, 7, 0); /* balance, set 1, left: a 20 s hold */
	ck_assert_int_eq(engine_step(&e)->kind, STEP_WORK);
	engine_tick(&e, 5000);
	engine_command(&e, CMD_PAUSE, 5000);
	ck_assert_int_eq(engine_wait_ms(&e, 6000), -1);
	ck_assert_int_eq(engine_tick(&e, 60000), 0);
	ck_assert_int_eq(engine_elapsed_ms(&e, 60000), 5000);
	engine_command(&e, CMD_PAUSE, 65000);
	ck_assert_int_eq(engine_deadline(&e), 80000);
	engine_tick(&e, 80000);
	ck_assert_uint_eq(e.nsets, 1);
	ck_assert_int_eq(e.sets[0].secs, 20);
	ck_assert_int_eq(e.sets[0].side, SIDE_LEFT);
	ck_assert_int_eq(engine_active_ms(&e, 80000), 20000);
	engine_free(&e);
}
END_TEST

START_TEST(skip_and_back)
{
	struct engine e;

	engine_init(&e, &routine, 0);
	engine_seek(&e, 3, 0);                       /* raise, set 1 */
	ck_assert_int_eq(engine_command(&e, CMD_SKIP, 1000) & ENG_NEW_STEP, ENG_NEW_STEP);
	ck_assert_int_eq(engine_step(&e)->kind, STEP_REST);
	ck_assert_uint_eq(e.nsets, 0);               /* a skipped set is not saved */
	engine_command(&e, CMD_BACK, 2000);          /* back from the rest: redo set 1 */
	ck_assert_int_eq(e.step, 3);
	ck_assert_int_eq(e.step_start, 2000);
	engine_tick(&e, 17000);                      /* set 1 done at its deadline */
	ck_assert_uint_eq(e.nsets, 1);
	engine_command(&e, CMD_SKIP_EXERCISE, 18000);
	ck_assert_uint_eq(e.nskipped, 1);
	ck_assert_uint_eq(e.skipped[0], 1);
	ck_assert_int_eq(engine_step(&e)->exercise, 2);
	ck_assert_int_eq(engine_step(&e)->kind, STEP_GET_READY);
	engine_free(&e);
}
END_TEST

START_TEST(rest_plus_and_minus)
{
	struct engine e;

	engine_init(&e, &routine, 0);
	engine_seek(&e, 4, 0); /* raise rest, 30 s */
	ck_assert_int_eq(engine_step(&e)->kind, STEP_REST);
	engine_command(&e, CMD_REST_PLUS, 1000);
	ck_assert_int_eq(engine_deadline(&e), 45000);
	engine_command(&e, CMD_REST_MINUS, 1000);
	engine_command(&e, CMD_REST_MINUS, 1000);
	ck_assert_int_eq(engine_deadline(&e), 15000);
	ck_assert(engine_command(&e, CMD_REST_MINUS, 20000) & ENG_NEW_STEP); /* past it: next */
	ck_assert_int_eq(engine_step(&e)->kind, STEP_WORK);
	ck_assert_int_eq(e.step_start, 20000);
	ck_assert_int_eq(engine_command(&e, CMD_REST_PLUS, 21000), 0); /* not a rest */
	engine_free(&e);
}
END_TEST

/* A rest cut by more than is left: the next set starts now, whole, not part done. */
START_TEST(rest_cut_short_starts_the_next_set_now)
{
	struct engine e;

	engine_init(&e, &routine, 0);
	engine_seek(&e, 4, 0); /* raise rest, 30 s */
	engine_tick(&e, 5000);
	engine_command(&e, CMD_REST_MINUS, 5000);     /* 10 s left */
	ck_assert_int_eq(engine_step(&e)->kind, STEP_REST);
	ck_assert(engine_command(&e, CMD_REST_MINUS, 5000) & ENG_NEW_STEP);
	ck_assert_int_eq(engine_step(&e)->kind, STEP_WORK);
	ck_assert_int_eq(e.step_start, 5000);
	ck_assert_int_eq(engine_elapsed_ms(&e, 5000), 0);
	ck_assert_int_eq(engine_tempo(&e, 5000).rep, 1);
	ck_assert_uint_eq(e.nsets, 0);                /* nothing saved as done meanwhile */
	engine_free(&e);
}
END_TEST

START_TEST(a_lead_in_counts_down_before_the_step)
{
	struct engine e;
	int64_t from_set_2 = 0;

	for (size_t i = 5; i < routine.nsteps; i++)
		from_set_2 += (int64_t)routine.steps[i].secs * 1000;
	engine_init(&e, &routine, 0);
	engine_seek(&e, 5, 0); /* raise, set 2: after a rest, no countdown of its own */
	engine_lead_in(&e, 5, 0);
	ck_assert_int_eq(engine_step(&e)->kind, STEP_GET_READY);
	ck_assert_int_eq(engine_step(&e)->exercise, 1);
	ck_assert_int_eq(engine_deadline(&e), 5000);
	ck_assert_int_eq(engine_session_left_ms(&e, 0), 5000 + from_set_2);
	ck_assert_int_eq(engine_tick(&e, 4999), 0);
	ck_assert(engine_tick(&e, 5000) & ENG_NEW_STEP);
	ck_assert_int_eq(e.step, 5);
	ck_assert_int_eq(engine_step(&e)->kind, STEP_WORK);
	ck_assert_int_eq(e.step_start, 5000);
	ck_assert_uint_eq(e.nsets, 0);
	/* Enter during the countdown starts the set now */
	engine_seek(&e, 5, 10000);
	engine_lead_in(&e, 5, 10000);
	ck_assert(engine_command(&e, CMD_DONE, 11000) & ENG_NEW_STEP);
	ck_assert_int_eq(engine_step(&e)->kind, STEP_WORK);
	ck_assert_int_eq(e.step_start, 11000);
	ck_assert(!e.done[5]);
	engine_free(&e);
}
END_TEST

/* A set the runner ends saves the target, or the reps they say they did. */
START_TEST(reps_entered_for_a_set_the_runner_ends)
{
	struct engine e;

	engine_init(&e, &routine, 0);
	engine_tick(&e, 5000);                            /* circles: 10 reps, Enter ends */
	ck_assert(engine_runner_ends(&e));
	ck_assert_uint_eq(engine_set_reps(&e, 7), ENG_CHANGED);
	ck_assert_uint_eq(engine_set_reps(&e, 1000), 0);  /* out of range: kept as it was */
	engine_command(&e, CMD_DONE, 20000);
	ck_assert_uint_eq(e.nsets, 1);
	ck_assert_int_eq(e.sets[0].reps, 7);
	ck_assert_int_eq(e.sets[0].target, 10);
	ck_assert_int_eq(e.reps_entered, -1);             /* the next step starts afresh */
	ck_assert_uint_eq(engine_set_reps(&e, 3), 0);     /* a countdown takes no count */
	engine_free(&e);
}
END_TEST

START_TEST(wakes_only_when_the_screen_changes)
{
	struct engine e;

	engine_init(&e, &routine, 0);
	ck_assert_int_eq(engine_wait_ms(&e, 0), 1000);    /* get-ready 5 s: each second */
	ck_assert_int_eq(engine_wait_ms(&e, 4300), 700);
	engine_tick(&e, 5000);                            /* circles: counts up */
	ck_assert_int_eq(engine_wait_ms(&e, 5250), 750);
	engine_command(&e, CMD_DONE, 20000);              /* raise get-ready */
	engine_tick(&e, 25000);                           /* raise set: beats 2-1-2 */
	ck_assert_int_eq(engine_wait_ms(&e, 25000), 1000);
	ck_assert_int_eq(engine_wait_ms(&e, 26500), 500);
	ck_assert_int_eq(engine_tempo(&e, 26500).beat, BEAT_UP);
	ck_assert_int_eq(engine_tempo(&e, 27200).beat, BEAT_HOLD);
	ck_assert_int_eq(engine_tempo(&e, 28000).beat, BEAT_DOWN);
	ck_assert_int_eq(engine_tempo(&e, 30000).rep, 2);
	engine_free(&e);
}
END_TEST

START_TEST(bells_on_the_last_three_seconds_of_a_hold)
{
	struct engine e;
	int bells = 0;

	engine_init(&e, &routine, 0);
	engine_seek(&e, 9, 0); /* 20 s hold */
	for (int64_t t = 0; t < 20000; t += 100)
		bells += (engine_tick(&e, t) & ENG_BELL) != 0;
	ck_assert_int_eq(bells, 3);
	ck_assert(engine_tick(&e, 20000) & ENG_BELL); /* and the change */
	engine_free(&e);
}
END_TEST

START_TEST(session_left)
{
	struct engine e;

	engine_init(&e, &routine, 0);
	ck_assert_int_eq(engine_session_left_ms(&e, 0), (int64_t)routine.total_secs * 1000);
	ck_assert_int_eq(engine_session_left_ms(&e, 2000), (int64_t)routine.total_secs * 1000 - 2000);
	engine_free(&e);
}
END_TEST

Suite *engine_suite(void)
{
	Suite *s = suite_create("session");
	TCase *tc = tcase_create("engine");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, deadlines_land_to_the_millisecond);
	tcase_add_test(tc, total_equals_the_estimate);
	tcase_add_test(tc, one_late_tick_crosses_many_steps);
	tcase_add_test(tc, pauses_add_nothing_to_work_time);
	tcase_add_test(tc, skip_and_back);
	tcase_add_test(tc, rest_plus_and_minus);
	tcase_add_test(tc, rest_cut_short_starts_the_next_set_now);
	tcase_add_test(tc, a_lead_in_counts_down_before_the_step);
	tcase_add_test(tc, reps_entered_for_a_set_the_runner_ends);
	tcase_add_test(tc, wakes_only_when_the_screen_changes);
	tcase_add_test(tc, bells_on_the_last_three_seconds_of_a_hold);
	tcase_add_test(tc, session_left);
	suite_add_tcase(s, tc);
	return s;
}
