/* The pathways a program is the first of, exercises into dorsiflexion, and the per-leg
 * calf load with its warning: program files through cfg_parse_buf. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calf_load.h"
#include "program.h"
#include "unit.h"

static void parse_ok(struct program *p, const char *name, const char *text)
{
	char err[512] = "";

	ck_assert_msg(program_parse(p, name, "t.conf", text, err, sizeof(err)), "%s", err);
}

START_TEST(pathways_are_read)
{
	struct program p;

	parse_ok(&p, "t", "pathways = {peroneal, acute-sprain}\nexercise a {\n  reps = 1\n}\n");
	ck_assert_uint_eq(p.pathways, (1u << PATHWAY_PERONEAL) | (1u << PATHWAY_ACUTE_SPRAIN));
	program_free(&p);
	parse_ok(&p, "t", "exercise a {\n  reps = 1\n}\n");
	ck_assert_uint_eq(p.pathways, 0);
	program_free(&p);
	/* midportion Achilles pain may drop off a step; insertional may not */
	parse_ok(&p, "t", "pathways = {midportion-achilles}\n"
		     "exercise a {\n  reps = 1\n  dorsiflexion = true\n}\n");
	ck_assert(p.exercises[0].dorsiflexion);
	program_free(&p);
}
END_TEST

/* levels 1-4: double-leg 2 x 10 at 50% (10), 2 x 12 (12), single-leg 2 x 6 (12) with the
 * double-leg 2 x 6 (6): 18, a rise of 50% */
static const char climbing[] =
	"levels = 4\n"
	"next = \"after\"\n"
	"exercise both {\n"
	"  sets = 2\n"
	"  reps = {10, 12, 12, 6}\n"
	"  calf-load = 50\n"
	"}\n"
	"exercise one {\n"
	"  sets = 2\n"
	"  reps = {1, 1, 1, 6}\n"
	"  calf-load = {1, 1, 1, 100}\n"
	"}\n"
	"exercise stretch {\n"
	"  hold = 30\n"
	"}\n";

START_TEST(calf_load_of_a_level)
{
	struct program p;

	parse_ok(&p, "t", climbing);
	ck_assert_int_eq(calf_load_at(&p, 0), 0);
	ck_assert_int_eq(calf_load_at(&p, 1), 2 * 10 * 50 + 2 * 1 * 1);
	ck_assert_int_eq(calf_load_at(&p, 4), 2 * 6 * 50 + 2 * 6 * 100);
	program_free(&p);
}
END_TEST

START_TEST(a_step_over_20_percent_is_warned)
{
	struct program p, next;
	struct strbuf out;

	parse_ok(&p, "t", climbing);
	sb_init(&out);
	ck_assert_int_eq(calf_load_warnings(&p, NULL, &out), 1);
	ck_assert_str_eq(out.buf, "t.conf:11: warning: the per-leg calf load (sets x reps x calf-load / 100, "
			 "summed over the calf work) rises 50% from "
			 "level 3 (12) to level 4 (18); keep a step within 20%\n");
	/* 18 to 21.6 is 20%: no warning; to 22 is 22% */
	sb_reset(&out);
	parse_ok(&next, "after", "exercise x {\n  sets = 2\n  reps = 18\n  calf-load = 60\n}\n");
	ck_assert_int_eq(calf_load_warnings(&p, &next, &out), 1);
	program_free(&next);
	sb_reset(&out);
	parse_ok(&next, "after", "exercise x {\n  sets = 2\n  reps = 11\n  calf-load = 100\n}\n");
	ck_assert_int_eq(calf_load_warnings(&p, &next, &out), 2);
	ck_assert_msg(strstr(out.buf, "t.conf:2: warning: the per-leg calf load (sets x reps x calf-load / 100, "
			     "summed over the calf work) rises 22% from "
			     "level 4 (18) to after level 1 (22); keep a step within 20%\n"),
		      "%s", out.buf);
	program_free(&next);
	/* a next program without calf work is no step up */
	sb_reset(&out);
	parse_ok(&next, "after", "exercise x {\n  reps = 18\n}\n");
	ck_assert_int_eq(calf_load_warnings(&p, &next, &out), 1);
	program_free(&next);
	sb_free(&out);
	program_free(&p);
	/* numbers not in the file (15 and 33 from calf-load 50 and 100) say how they are got */
	parse_ok(&p, "u", "levels = 3\nexercise raise {\n  sets = 3\n  reps = {10, 11, 11}\n"
			  "  calf-load = {50, 100, 200}\n}\n");
	sb_init(&out);
	ck_assert_int_eq(calf_load_warnings(&p, NULL, &out), 2);
	ck_assert_str_eq(out.buf, "t.conf:5: warning: the per-leg calf load (sets x reps x calf-load "
			 "/ 100, summed over the calf work) rises 120% from level 1 (15) to level 2 (33); "
			 "keep a step within 20%\n"
			 "t.conf:5: warning: the per-leg calf load (sets x reps x calf-load / 100, "
			 "summed over the calf work) rises 100% from level 2 (33) to level 3 (66); "
			 "keep a step within 20%\n");
	sb_free(&out);
	program_free(&p);
}
END_TEST

struct bad_case {
	const char *text;
	const char *message;
};

#define EX "exercise a {\n  reps = 1\n}\n"
static const struct bad_case bad_cases[] = {
	{ "pathways = {sprain}\n" EX,
	  "t.conf:1: unknown pathway 'sprain' (use acute-sprain, midportion-achilles, "
	  "insertional-achilles, chronic-instability, peroneal or bone-stress)" },
	{ "pathways = {peroneal, peroneal}\n" EX, "t.conf:1: pathway 'peroneal' is listed twice" },
	{ "pathways = {}\n" EX, "t.conf:1: pathways is an empty list" },
	{ "pathways = 3\n" EX, "t.conf:1: unknown pathway '3' (use acute-sprain, midportion-achilles, "
	  "insertional-achilles, chronic-instability, peroneal or bone-stress)" },
	{ "pathways = {insertional-achilles}\n" EX
	  "exercise drop {\n  reps = 15\n  dorsiflexion = true\n}\n",
	  "t.conf:7: 'drop' goes into dorsiflexion; a program for insertional-achilles keeps to "
	  "the floor" },
	{ "exercise a {\n  reps = 1\n  dorsiflexion = maybe\n}\n",
	  "t.conf:3: invalid boolean value for option 'dorsiflexion'" },
	{ "exercise a {\n  hold = 30\n  calf-load = 50\n}\n",
	  "t.conf:3: calf-load counts reps; 'a' is a hold" },
	{ "exercise a {\n  reps = 1\n  calf-load = 0\n}\n", "t.conf:3: calf-load must be 1-300%, got 0" },
	{ "levels = 2\nexercise a {\n  reps = 1\n  calf-load = {50, 60, 70}\n}\n",
	  "t.conf:4: calf-load has 3 values but levels is 2" },
	{ "levels = 2\n" EX "exercise p {\n  protective = true\n  reps = 15\n"
	  "  calf-load = {20, 30}\n}\n",
	  "t.conf:8: 'p' is protective (level 0 only): give calf-load one value, not 2" },
};

START_TEST(rejects_bad_input)
{
	assert_program_rejected(_i, bad_cases[_i].text, bad_cases[_i].message);
}
END_TEST

Suite *pathways_suite(void)
{
	Suite *s = suite_create("pathways and calf load");
	TCase *tc = tcase_create("load");
	TCase *bad = tcase_create("bad input");

	tcase_add_test(tc, pathways_are_read);
	tcase_add_test(tc, calf_load_of_a_level);
	tcase_add_test(tc, a_step_over_20_percent_is_warned);
	tcase_add_loop_test(bad, rejects_bad_input, 0, (int)(sizeof(bad_cases) / sizeof(bad_cases[0])));
	suite_add_tcase(s, tc);
	suite_add_tcase(s, bad);
	return s;
}
