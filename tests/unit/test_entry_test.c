/* The measured entry test: its pass at the edges, and a whole test run by the coach,
 * recorded with both sides. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "entry_test.h"
#include "unit.h"
#include "visit.h"

START_TEST(the_pass_at_its_edges)
{
	char why[200];

	/* 20 each side, the weaker at least 90% of the other */
	ck_assert(heel_rise_passed((int[]){ 20, 22 }, 20, SORE_BOTH, why, sizeof(why)));
	ck_assert_str_eq(why, "Heel rises: left 20, right 22. Passed (at least 20 each side, and "
			      "the weaker at least 90% of the other).");
	ck_assert(!heel_rise_passed((int[]){ 19, 30 }, 20, SORE_BOTH, why, sizeof(why)));
	ck_assert(!heel_rise_passed((int[]){ 20, 23 }, 20, SORE_BOTH, why, sizeof(why))); /* 87% */
	ck_assert(heel_rise_passed((int[]){ 27, 30 }, 20, SORE_LEFT, why, sizeof(why)));  /* 90% */
	ck_assert(!heel_rise_passed((int[]){ 26, 30 }, 20, SORE_LEFT, why, sizeof(why)));
	/* the sore side judged, even when it is the stronger */
	ck_assert(heel_rise_passed((int[]){ 30, 24 }, 20, SORE_LEFT, why, sizeof(why)));
}
END_TEST

/* Runs the session, ending each side's set after secs of work. */
static void run_test(struct visit *v, int64_t *now, time_t wall, int secs)
{
	for (int i = 0; i < 100000 && v->screen == VS_SESSION; i++) {
		const struct engine *e = &v->coach->engine;
		*now += 100;
		if (engine_step(e)->kind == STEP_WORK && engine_elapsed_ms(e, *now) >= secs * 1000)
			visit_command(v, CMD_DONE, *now, wall);
		else
			visit_tick(v, *now, wall);
	}
}

START_TEST(the_coach_measures_and_records_both_sides)
{
	char dir[] = "/tmp/talus-measure-XXXXXX", path[128], err[512], *text;
	struct program prog;
	struct user_config cfg;
	struct session_log log;
	struct coach_setup setup;
	struct coach coach;
	struct visit v;
	day_t today;
	time_t wall;
	int64_t now = 1000;

	setenv("TZ", "UTC", 1);
	tzset();
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/history.tsv", dir);
	ck_assert_msg(program_load_file(&prog, "tests/data/programs/tiny.conf", err, sizeof(err)), "%s", err);
	prog.measured_test = true;
	prog.measure = MEASURE_HEEL_RISE;
	prog.test_pass = 20;
	config_defaults(&cfg);
	ck_assert(date_parse("2026-11-23", &today));
	wall = (time_t)today * 86400 + 10 * 3600;
	session_log_load(&log, path);
	memset(&setup, 0, sizeof(setup));
	setup.program = &prog;
	setup.level = 2;
	setup.today = today;
	setup.history_path = path;
	setup.log = &log;
	setup.rules = &cfg.rules;
	setup.wall_offset = wall - time(NULL);
	setup.ready_for_next = true;
	coach_init(&coach, &setup, now);
	coach.safety_needed = false;
	visit_init(&v, &coach);
	ck_assert_int_eq(v.screen, VS_TEST);
	ck_assert_uint_eq(visit_answer_test(&v, true, wall), 0); /* passed by its measure, not a yes */
	visit_start_test(&v, now, wall);
	ck_assert_int_eq(v.screen, VS_SESSION);
	ck_assert_str_eq(coach.program->name, HEEL_RISE_TEST);
	run_test(&v, &now, wall, 44); /* 22 rises at 2 s each, each side */
	ck_assert_int_eq(v.screen, VS_PAIN_DURING);
	visit_answer_pain(&v, 2, wall);
	visit_answer_pain(&v, 1, wall);
	visit_finish(&v, now, wall);
	ck_assert_str_eq(coach.program->name, "tiny");
	ck_assert_ptr_nonnull(strstr(coach.why_next, "Heel rises: left 22, right 22. Passed"));
	text = read_whole_file(path, NULL);
	ck_assert_ptr_nonnull(strstr(text, "\tstart\tsession="));
	ck_assert_ptr_nonnull(strstr(text, "\tprogram=heel-rise-test\tlevel=1\tplanned=2\n"));
	ck_assert_ptr_nonnull(strstr(text, "\ttest\tprogram=tiny\tnext=tiny-next\tanswer=yes\tleft=22\tright=22\n"));
	free(text);
	coach_free(&coach);
	session_log_free(&log);
	program_free(&prog);
	config_free(&cfg);
	unlink(path);
	rmdir(dir);
}
END_TEST

START_TEST(the_stance_and_the_hops)
{
	char why[200];
	struct program p;

	ck_assert(stance_passed((int[]){ 30, 30 }, 30, why, sizeof(why)));
	ck_assert(!stance_passed((int[]){ 30, 29 }, 30, why, sizeof(why)));
	ck_assert_str_eq(why, "Single-leg stance: left 30 s, right 29 s. Not yet (30 s each side).");
	ck_assert(pogo_passed(60, 2, why, sizeof(why)));
	ck_assert(!pogo_passed(60, 3, why, sizeof(why)));  /* pain above 2 */
	ck_assert(!pogo_passed(59, 0, why, sizeof(why)));
	ck_assert(!pogo_passed(60, -1, why, sizeof(why))); /* pain not rated: not shown pain-free */
	entry_test_program(&p, MEASURE_STANCE, 30, 5);
	ck_assert_str_eq(p.name, STANCE_TEST);
	ck_assert(!is_rep_exercise(&p.exercises[0]) && p.exercises[0].each_side);
	ck_assert_int_eq(level_value(&p.exercises[0].hold, 1), 30);
	program_free(&p);
	entry_test_program(&p, MEASURE_POGO, 20, 5);
	ck_assert_str_eq(p.name, POGO_TEST);
	ck_assert(!p.exercises[0].each_side);
	ck_assert_int_eq(level_value(&p.exercises[0].sets, 1) * level_value(&p.exercises[0].reps, 1), 60);
	program_free(&p);
}
END_TEST

START_TEST(program_keys_of_the_measure)
{
	char err[512] = "";
	struct program p;

	ck_assert_msg(program_parse(&p, "t", "t.conf", "levels = 1\nentry-test-measure = single-leg-stance\n"
				    "exercise a {\n  reps = 5\n}\n", err, sizeof(err)), "%s", err);
	ck_assert(p.measured_test);
	ck_assert_int_eq(p.test_pass, 30); /* the stance's default */
	program_free(&p);
	ck_assert(!program_parse(&p, "t", "t.conf", "levels = 1\nentry-test-measure = hops\n"
				 "exercise a {\n  reps = 5\n}\n", err, sizeof(err)));
	ck_assert_str_eq(err, "t.conf:2: entry-test-measure must be none, heel-rise, single-leg-stance "
			      "or pogo-hops, got 'hops'");
	ck_assert(!program_parse(&p, "t", "t.conf", "levels = 1\nentry-test-measure = heel-rise\n"
				 "entry-test-pass = 61\nexercise a {\n  reps = 5\n}\n", err, sizeof(err)));
	ck_assert_str_eq(err, "t.conf:3: entry-test-pass must be 1-60 (heel rises or seconds), got 61");
}
END_TEST

Suite *entry_test_suite(void)
{
	Suite *s = suite_create("entry test");
	TCase *tc = tcase_create("entry test");

	tcase_add_test(tc, the_pass_at_its_edges);
	tcase_add_test(tc, the_stance_and_the_hops);
	tcase_add_test(tc, program_keys_of_the_measure);
	tcase_add_test(tc, the_coach_measures_and_records_both_sides);
	suite_add_tcase(s, tc);
	return s;
}
