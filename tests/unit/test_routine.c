/* The steps of a session and the estimate the plan prints. */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <stdlib.h>

#include "plan.h"
#include "routine.h"
#include "util.h"
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

/* The "Next:" line: the end of the session is next only after the last set, not
 * while the last exercise still has sets to go (its get-ready said the end with 4 to go). */
START_TEST(next_is_the_end_only_after_the_last_set)
{
	struct program p;
	struct routine r;
	char buf[400];

	load(&p);
	routine_build_sided(&r, &p, 1, SORE_RIGHT);
	routine_next_text(&r, 0, buf, sizeof(buf)); /* circles' get-ready: the next exercise */
	ck_assert_str_eq(buf, "Next: raise, 2 x 10, tempo 2-1-2");
	ck_assert_int_eq(r.steps[6].kind, STEP_GET_READY); /* balance, the last: right first */
	routine_next_text(&r, 6, buf, sizeof(buf));
	ck_assert_str_eq(buf, "Next: 4 more sets, then the end");
	routine_next_text(&r, 7, buf, sizeof(buf));
	ck_assert_str_eq(buf, "Next: the left side");
	routine_next_text(&r, 8, buf, sizeof(buf)); /* the switch to the left side */
	ck_assert_str_eq(buf, "Next: 3 more sets, then the end");
	routine_next_text(&r, 10, buf, sizeof(buf));
	ck_assert_str_eq(buf, "Next: set 2 of 2, right side");
	routine_next_text(&r, 12, buf, sizeof(buf));
	ck_assert_str_eq(buf, "Next: 1 more set, then the end");
	routine_next_text(&r, 13, buf, sizeof(buf));
	ck_assert_str_eq(buf, "Next: the end of the session");
	routine_free(&r);
	program_free(&p);
}
END_TEST

/* The phase bar's phases: those the routine has, no cool-down for a program with none. */
START_TEST(the_phases_are_those_the_routine_has)
{
	struct program p;
	struct routine r;

	load(&p);
	routine_build(&r, &p, 1);
	ck_assert_uint_eq(routine_phases(&r), (1u << PHASE_WARMUP) | (1u << PHASE_MAIN));
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

/* The one rounding of an estimate: to the nearest minute, at least 1. */
START_TEST(estimate_minutes_edges)
{
	ck_assert_int_eq(estimate_minutes(0), 1);
	ck_assert_int_eq(estimate_minutes(89), 1);
	ck_assert_int_eq(estimate_minutes(90), 2);
	ck_assert_int_eq(estimate_minutes(28 * 60 + 29), 28);
	ck_assert_int_eq(estimate_minutes(28 * 60 + 30), 29);
	ck_assert_int_eq(estimate_minutes(INT64_MAX - 30), INT_MAX);
}
END_TEST

/* Every value at its limit, and enough exercises to pass INT_MAX seconds (a 700 KB
 * file, under the 1 MB a program may have; built in memory, as parsing that many takes
 * seconds): the estimate must not wrap, and the plan must print it. */
#define BIG_EXERCISES 10100
START_TEST(estimate_at_the_limits_does_not_overflow)
{
	struct program p;
	struct plan_request req;
	char err[512] = "", *out = NULL, want[80];
	size_t len = 0;
	FILE *f;
	/* get-ready 60; 10 sets of (100 reps at 90 s, switch 60, 100 reps); 9 rests of 3600 */
	const int64_t each = 60 + 10 * (9000 + 60 + 9000) + 9 * 3600;

	ck_assert_msg(program_parse(&p, "big", "big.conf",
				    "levels = 20\nget-ready = 60\n"
				    "exercise e{sides=each sets=10 reps=100 tempo={30,30,30} rest=3600}\n",
				    err, sizeof(err)), "%s", err);
	p.exercises = xrealloc(p.exercises, BIG_EXERCISES * sizeof(*p.exercises));
	for (size_t i = 1; i < BIG_EXERCISES; i++) {
		p.exercises[i] = p.exercises[0];
		p.exercises[i].name = xstrdup(p.exercises[0].name);
		p.exercises[i].title = xstrdup(p.exercises[0].title);
	}
	p.nexercises = BIG_EXERCISES;
	ck_assert_int_eq(session_estimate_secs(&p, 20), each * BIG_EXERCISES);
	ck_assert(session_estimate_secs(&p, 20) > 2147483647);

	memset(&req, 0, sizeof(req));
	req.program = &p;
	req.level = 20;
	req.weeks = 1;
	req.days = p.days;
	ck_assert(date_parse("2026-11-23", &req.today)); /* a Monday, a training day */
	f = open_memstream(&out, &len);
	plan_print(f, &req);
	fclose(f);
	snprintf(want, sizeof(want), "training, level 20, about %lld min",
		 (long long)((each * BIG_EXERCISES + 30) / 60));
	ck_assert_msg(strstr(out, want) != NULL, "no \"%s\" in the plan", want);
	free(out);
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

/* The sore side first, the other as a control; with sore-side = only, the sore side
 * alone. Sides unknown (no triage, or both sore): left, then right. */
START_TEST(the_sore_side_first_or_alone)
{
	struct program p;
	struct routine r;
	char err[512] = "";
	size_t work = 0, switches = 0;
	enum side sides[8];

	load(&p);
	routine_build_sided(&r, &p, 1, SORE_RIGHT);
	for (size_t i = 0; i < r.nsteps; i++) {
		if (strcmp(p.exercises[r.steps[i].exercise].name, "balance") != 0)
			continue;
		if (r.steps[i].kind == STEP_WORK && work < 8)
			sides[work++] = r.steps[i].side;
		if (r.steps[i].kind == STEP_SWITCH) {
			ck_assert_int_eq(r.steps[i].side, SIDE_LEFT); /* switch to the control */
			switches++;
		}
	}
	ck_assert_uint_eq(work, 4);
	ck_assert_uint_eq(switches, 2);
	ck_assert_int_eq(sides[0], SIDE_RIGHT);
	ck_assert_int_eq(sides[1], SIDE_LEFT);
	routine_free(&r);
	program_free(&p);

	ck_assert_msg(program_parse(&p, "t", "t.conf",
				    "sore-side = only\nexercise balance {\n  sides = each\n  sets = 2\n"
				    "  hold = 20\n}\n", err, sizeof(err)), "%s", err);
	ck_assert(p.sore_side_only);
	routine_build_sided(&r, &p, 1, SORE_LEFT);
	work = switches = 0;
	for (size_t i = 0; i < r.nsteps; i++) {
		work += r.steps[i].kind == STEP_WORK;
		switches += r.steps[i].kind == STEP_SWITCH;
		if (r.steps[i].kind == STEP_WORK)
			ck_assert_int_eq(r.steps[i].side, SIDE_LEFT);
	}
	ck_assert_uint_eq(work, 2);
	ck_assert_uint_eq(switches, 0);
	routine_free(&r);
	routine_build_sided(&r, &p, 1, SORE_BOTH); /* both sore: both sides */
	ck_assert_int_eq(r.steps[1].side, SIDE_LEFT);
	ck_assert_int_eq(r.steps[3].side, SIDE_RIGHT);
	routine_free(&r);
	program_free(&p);
	ck_assert(!program_parse(&p, "t", "t.conf", "levels = 1\nsore-side = worst\n"
				 "exercise a {\n  reps = 5\n}\n", err, sizeof(err)));
	ck_assert_str_eq(err, "t.conf:2: sore-side must be first or only, got 'worst'");
}
END_TEST

Suite *routine_suite(void)
{
	Suite *s = suite_create("routine");
	TCase *tc = tcase_create("routine");

	tcase_add_test(tc, steps_in_order);
	tcase_add_test(tc, the_sore_side_first_or_alone);
	tcase_add_test(tc, next_is_the_end_only_after_the_last_set);
	tcase_add_test(tc, the_phases_are_those_the_routine_has);
	tcase_add_test(tc, estimate_adds_every_step);
	tcase_add_test(tc, estimate_at_the_limits_does_not_overflow);
	tcase_add_test(tc, estimate_minutes_edges);
	tcase_add_test(tc, doses_read_plainly);
	tcase_add_test(tc, seconds_read_plainly);
	suite_add_tcase(s, tc);
	return s;
}
