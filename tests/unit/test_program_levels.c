/* The protective level 0, impact programs and a program's own pain limits: program
 * files through cfg_parse_buf, and the session each level builds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan.h"
#include "program.h"
#include "routine.h"
#include "unit.h"

static const char protective[] =
	"levels = 3\n"
	"exercise circles {\n"
	"  phase = warmup\n"
	"  reps = {10, 12}\n"
	"}\n"
	"exercise calf-hold {\n"
	"  protective = true\n"
	"  sets = 5\n"
	"  hold = 30\n"
	"  rest = 60\n"
	"}\n"
	"exercise raise {\n"
	"  sets = {2, 3}\n"
	"  reps = {10, 12, 15}\n"
	"}\n"
	"exercise seated-raise {\n"
	"  protective = true\n"
	"  sets = 3\n"
	"  reps = 15\n"
	"  tempo = {2, 1, 2}\n"
	"  cue = \"Seated, weight on the knees.\"\n"
	"}\n";

static void parse_ok(struct program *p, const char *text)
{
	char err[512] = "";

	ck_assert_msg(program_parse(p, "t", "t.conf", text, err, sizeof(err)), "%s", err);
}

START_TEST(protective_exercises_make_level_0)
{
	struct program p;

	parse_ok(&p, protective);
	ck_assert(p.protective_level);
	ck_assert_int_eq(program_first_level(&p), 0);
	ck_assert(!p.impact);
	ck_assert(!p.own_pain_limits);
	ck_assert_str_eq(p.exercises[1].name, "calf-hold");
	ck_assert(p.exercises[1].protective);
	ck_assert(!p.exercises[2].protective);
	program_free(&p);

	parse_ok(&p, "exercise a {\n  reps = 1\n}\n");
	ck_assert(!p.protective_level);
	ck_assert_int_eq(program_first_level(&p), 1);
	program_free(&p);
}
END_TEST

/* Level 0 is the protective exercises at their one dose; levels 1 up never have them. */
START_TEST(routine_at_level_0_is_the_protective_exercises)
{
	struct program p;
	struct routine r;
	size_t works[4] = { 0 };

	parse_ok(&p, protective);
	routine_build(&r, &p, 0);
	for (size_t i = 0; i < r.nsteps; i++) {
		ck_assert_msg(p.exercises[r.steps[i].exercise].protective, "step %zu", i);
		works[r.steps[i].exercise] += r.steps[i].kind == STEP_WORK;
	}
	ck_assert_uint_eq(works[1], 5); /* calf-hold: 5 x 30 s */
	ck_assert_uint_eq(works[3], 3); /* seated-raise: 3 x 15 */
	ck_assert_int_eq(work_secs(&p.exercises[1], 0), 30);
	ck_assert_int_eq(work_secs(&p.exercises[3], 0), 15 * 5);
	/* get-ready 5 each, 5 holds of 30 with 4 rests of 60, 3 sets of 75 with 2 rests of 30 */
	ck_assert_int_eq(r.total_secs, 5 + 5 * 30 + 4 * 60 + 5 + 3 * 75 + 2 * 30);
	routine_free(&r);

	for (int level = 1; level <= 3; level++) {
		routine_build(&r, &p, level);
		ck_assert_uint_gt(r.nsteps, 0);
		for (size_t i = 0; i < r.nsteps; i++)
			ck_assert_msg(!p.exercises[r.steps[i].exercise].protective, "level %d step %zu",
				      level, i);
		routine_free(&r);
	}
	program_free(&p);
}
END_TEST

START_TEST(a_program_without_level_0_builds_nothing_there)
{
	struct program p;
	struct routine r;

	parse_ok(&p, "exercise a {\n  reps = 1\n}\n");
	routine_build(&r, &p, 0);
	ck_assert_uint_eq(r.nsteps, 0);
	routine_free(&r);
	program_free(&p);
}
END_TEST

/* --plan at level 0: named so, its own exercises in full, never the base of level 1. */
START_TEST(plan_shows_level_0)
{
	struct program p;
	struct plan_request req;
	int levels[7] = { 0, 0, 0, 0, 1, 1, 1 };
	char *out = NULL;
	size_t len = 0;
	FILE *f;

	parse_ok(&p, protective);
	memset(&req, 0, sizeof(req));
	req.program = &p;
	req.level = 0;
	req.weeks = 1;
	req.days = p.days;
	req.day_levels = levels;
	ck_assert(date_parse("2026-11-23", &req.today)); /* a Monday */
	f = open_memstream(&out, &len);
	plan_print(f, &req);
	fclose(f);
	ck_assert_msg(strstr(out, "t (t): level 0 (protective)\n"), "%s", out);
	ck_assert_msg(strstr(out, "Mon 23 Nov  training, level 0 (protective), about 11 min  <- today\n"
				  "  main       calf-hold                   5 x 30 s\n"
				  "             seated-raise                3 x 15, tempo 2-1-2\n"
				  "Tue 24 Nov  rest\n"), "%s", out);
	ck_assert_msg(strstr(out, "Wed 25 Nov  training, level 0 (protective), about 11 min: as Mon "
				  "23 Nov\n"), "%s", out);
	ck_assert_msg(strstr(out, "Fri 27 Nov  training, level 1 (forecast), about 2 min\n"
				  "  warm-up    circles                     10 reps\n"
				  "  main       raise                       2 x 10\n"), "%s", out);
	free(out);
	program_free(&p);
}
END_TEST

START_TEST(level_names)
{
	struct program p;
	char buf[40];

	parse_ok(&p, protective);
	format_level(&p, 0, buf, sizeof(buf));
	ck_assert_str_eq(buf, "level 0 (protective)");
	format_level(&p, 2, buf, sizeof(buf));
	ck_assert_str_eq(buf, "level 2 of 3");
	program_free(&p);
}
END_TEST

START_TEST(pain_limits_and_impact)
{
	struct program p;

	parse_ok(&p, "pain-limits {\n  advance-max-pain = 1\n  repeat-max-pain = 4\n}\n"
		     "exercise a {\n  reps = 1\n}\n");
	ck_assert(p.own_pain_limits);
	ck_assert(!p.impact);
	ck_assert_int_eq(p.advance_max_pain, 1);
	ck_assert_int_eq(p.repeat_max_pain, 4);
	program_free(&p);

	/* an impact program without limits of its own runs under the impact limits */
	parse_ok(&p, "impact = true\nexercise a {\n  reps = 1\n}\n");
	ck_assert(p.impact);
	ck_assert(p.own_pain_limits);
	ck_assert_int_eq(p.advance_max_pain, 2);
	ck_assert_int_eq(p.repeat_max_pain, 2);
	program_free(&p);

	parse_ok(&p, "impact = true\npain-limits {\n  advance-max-pain = 0\n  repeat-max-pain = 1\n}\n"
		     "exercise a {\n  reps = 1\n}\n");
	ck_assert_int_eq(p.advance_max_pain, 0);
	ck_assert_int_eq(p.repeat_max_pain, 1);
	program_free(&p);

	parse_ok(&p, "impact = false\nexercise a {\n  reps = 1\n}\n");
	ck_assert(!p.impact);
	ck_assert(!p.own_pain_limits);
	program_free(&p);
}
END_TEST

struct bad_case {
	const char *text;
	const char *message;
};

#define EX "exercise a {\n  reps = 1\n}\n"
#define LIMITS(a, r) "pain-limits {\n  advance-max-pain = " a "\n  repeat-max-pain = " r "\n}\n"
static const struct bad_case bad_cases[] = {
	{ "exercise p {\n  protective = maybe\n  hold = 30\n}\n" EX,
	  "t.conf:2: invalid boolean value for option 'protective'" },
	{ "levels = 3\nexercise p {\n  protective = true\n  hold = {30, 45}\n}\n" EX,
	  "t.conf:4: 'p' is protective (level 0 only): give hold one value, not 2" },
	{ "levels = 3\nexercise p {\n  protective = true\n  sets = {3, 5}\n  hold = 30\n}\n" EX,
	  "t.conf:4: 'p' is protective (level 0 only): give sets one value, not 2" },
	{ "levels = 3\nexercise p {\n  protective = true\n  reps = 15\n  rest = {30, 60}\n}\n" EX,
	  "t.conf:5: 'p' is protective (level 0 only): give rest one value, not 2" },
	{ "levels = 2\nexercise p {\n  protective = true\n  reps = 15\n  cue = {\"a\", \"b\"}\n}\n" EX,
	  "t.conf:5: 'p' is protective (level 0 only): give cue one value, not 2" },
	{ "levels = 2\nexercise p {\n  protective = true\n  reps = 15\n  load = {\"a\", \"b\"}\n}\n" EX,
	  "t.conf:5: 'p' is protective (level 0 only): give load one value, not 2" },
	{ "levels = 4\nexercise p {\n  protective = true\n  hold = 30\n}\n",
	  "t.conf:2: every exercise is protective (level 0); levels 1-4 need one that is not" },
	{ EX "exercise p {\n  protective = true\n  phase = warmup\n  reps = 10\n}\n",
	  "t.conf:1: the protective level 0 has no main exercise (an isometric hold, a seated heel "
	  "raise)" },
	{ "impact = 2\n" EX, "t.conf:1: invalid boolean value for option 'impact'" },
	{ "pain-limits {\n  advance-max-pain = 2\n}\n" EX, "t.conf:1: pain-limits needs repeat-max-pain" },
	{ "pain-limits {\n  repeat-max-pain = 2\n}\n" EX, "t.conf:1: pain-limits needs advance-max-pain" },
	{ "pain-limits {\n}\n" EX, "t.conf:1: pain-limits needs advance-max-pain" },
	{ LIMITS("-1", "2") EX, "t.conf:2: advance-max-pain must be 0-10, got -1" },
	{ LIMITS("2", "11") EX, "t.conf:3: repeat-max-pain must be 0-10, got 11" },
	{ LIMITS("4", "3") EX, "t.conf:2: advance-max-pain (4) is above repeat-max-pain (3)" },
	{ LIMITS("2", "2") LIMITS("1", "1") EX, "t.conf:5: pain-limits is given twice (first at line 1)" },
	{ "pain-limits {\n  alarm-pain = 8\n}\n" EX, "t.conf:2: no such option 'alarm-pain'" },
	{ "pain-limits {\n  advance-max-pain = 2\n  advance-max-pain = 1\n}\n" EX,
	  "t.conf:3: advance-max-pain is set twice (first at line 2)" },
	{ "impact = true\n" LIMITS("3", "5") EX,
	  "t.conf:3: advance-max-pain must be 0-2 in an impact program (hops, running), got 3" },
	{ "impact = true\n" LIMITS("2", "3") EX,
	  "t.conf:4: repeat-max-pain must be 0-2 in an impact program (hops, running), got 3" },
};

START_TEST(rejects_bad_input)
{
	assert_program_rejected(_i, bad_cases[_i].text, bad_cases[_i].message);
}
END_TEST

Suite *program_levels_suite(void)
{
	Suite *s = suite_create("program levels");
	TCase *tc = tcase_create("load");
	TCase *bad = tcase_create("bad input");

	tcase_add_test(tc, protective_exercises_make_level_0);
	tcase_add_test(tc, routine_at_level_0_is_the_protective_exercises);
	tcase_add_test(tc, a_program_without_level_0_builds_nothing_there);
	tcase_add_test(tc, level_names);
	tcase_add_test(tc, plan_shows_level_0);
	tcase_add_test(tc, pain_limits_and_impact);
	tcase_add_loop_test(bad, rejects_bad_input, 0, (int)(sizeof(bad_cases) / sizeof(bad_cases[0])));
	suite_add_tcase(s, tc);
	suite_add_tcase(s, bad);
	return s;
}
