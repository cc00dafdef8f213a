/* The steps of a session and the estimate the plan prints. */
#include <stdio.h>
#include <string.h>

#include "routine.h"
#include "unit.h"

static const char text[] =
	"levels = 2\n"
	"get-ready = 5\n"
	"exercise raise {\n"
	"  sets = {2, 3}\n"
	"  reps = 10\n"
	"  tempo = {2, 1, 2}\n"
	"  rest = 45\n"
	"}\n"
	"exercise balance {\n"
	"  sides = each\n"
	"  sets = 2\n"
	"  hold = {20, 30}\n"
	"  rest = 15\n"
	"  load = {\"\", \"cushion\"}\n"
	"}\n"
	"exercise circles {\n"
	"  phase = warmup\n"
	"  reps = 10\n"
	"  rest = 0\n"
	"}\n";

static void load(struct program *p)
{
	char err[512] = "";

	ck_assert_msg(program_parse(p, "t", "t.conf", text, err, sizeof(err)), "%s", err);
}

START_TEST(steps_in_order)
{
	struct program p;
	struct routine r;

	load(&p);
	routine_build(&r, &p, 1);
	/* circles: ready, work (no rest with one set) */
	ck_assert_uint_eq(r.nsteps, 2 + 4 + 1 + 2 * 3 + 1);
	ck_assert_int_eq(r.steps[0].kind, STEP_GET_READY);
	ck_assert_int_eq(r.steps[1].kind, STEP_WORK);
	ck_assert_int_eq(r.steps[1].secs, 10 * UNPACED_REP_SECS);
	/* raise: ready, work 50 s, rest 45, work */
	ck_assert_int_eq(r.steps[3].secs, 50);
	ck_assert_int_eq(r.steps[4].kind, STEP_REST);
	ck_assert_int_eq(r.steps[4].secs, 45);
	ck_assert_int_eq(r.steps[5].set, 2);
	/* balance: left, switch, right, rest, left, switch, right */
	ck_assert_int_eq(r.steps[7].side, SIDE_LEFT);
	ck_assert_int_eq(r.steps[8].kind, STEP_SWITCH);
	ck_assert_int_eq(r.steps[9].side, SIDE_RIGHT);
	ck_assert_int_eq(r.steps[10].kind, STEP_REST);
	ck_assert_int_eq(r.steps[13].kind, STEP_WORK);
	ck_assert_int_eq(r.steps[13].set, 2);
	routine_free(&r);
	program_free(&p);
}
END_TEST

START_TEST(estimate_adds_every_step)
{
	struct program p;

	load(&p);
	/* circles 5 + 30; raise 5 + 50 + 45 + 50; balance 5 + 2 * (20 + 5 + 20) + 15 */
	ck_assert_int_eq(session_estimate_secs(&p, 1), 35 + 150 + 110);
	/* level 2: raise 3 sets, balance 30 s holds */
	ck_assert_int_eq(session_estimate_secs(&p, 2), 35 + (5 + 150 + 90) + (5 + 2 * 65 + 15));
	program_free(&p);
}
END_TEST

START_TEST(doses_read_plainly)
{
	struct program p;
	char buf[128];

	load(&p);
	format_dose(&p.exercises[0], 1, buf, sizeof(buf));
	ck_assert_str_eq(buf, "10 reps");
	format_dose(&p.exercises[1], 2, buf, sizeof(buf));
	ck_assert_str_eq(buf, "3 x 10, tempo 2-1-2");
	format_dose(&p.exercises[2], 2, buf, sizeof(buf));
	ck_assert_str_eq(buf, "2 x 30 s each side, cushion");
	format_dose(&p.exercises[2], 1, buf, sizeof(buf));
	ck_assert_str_eq(buf, "2 x 20 s each side");
	program_free(&p);
}
END_TEST

START_TEST(seconds_read_plainly)
{
	char buf[32];

	format_secs(45, buf, sizeof(buf));
	ck_assert_str_eq(buf, "45 s");
	format_secs(900, buf, sizeof(buf));
	ck_assert_str_eq(buf, "15 min");
	format_secs(150, buf, sizeof(buf));
	ck_assert_str_eq(buf, "2 min 30 s");
}
END_TEST

Suite *routine_suite(void)
{
	Suite *s = suite_create("routine");
	TCase *tc = tcase_create("routine");

	tcase_add_test(tc, steps_in_order);
	tcase_add_test(tc, estimate_adds_every_step);
	tcase_add_test(tc, doses_read_plainly);
	tcase_add_test(tc, seconds_read_plainly);
	suite_add_tcase(s, tc);
	return s;
}
