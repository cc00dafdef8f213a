/* The triage's proposal: each pathway from the answers that point to it, and the order
 * of caution when answers point two ways. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "triage.h"
#include "unit.h"
#include "visit.h"

static enum pathway propose(int side, int onset, int since, int where, int gives_way)
{
	struct triage_answers a;
	char why[400];
	enum pathway p;

	triage_answers_init(&a);
	a.answer[TQ_SIDE] = side;
	a.answer[TQ_ONSET] = onset;
	a.answer[TQ_SINCE] = since;
	a.answer[TQ_WHERE] = where;
	a.answer[TQ_GIVES_WAY] = gives_way;
	p = triage_propose(&a, why, sizeof(why));
	ck_assert_msg(strlen(why) > 40 && strchr(why, '('), "no reason with a source: %s", why);
	return p;
}

START_TEST(each_pathway_from_its_answers)
{
	ck_assert_int_eq(propose(SORE_LEFT, ONSET_TWIST, SINCE_UNDER_3_WEEKS, SITE_OUTER_ANKLE, ANSWER_NO),
			 PATHWAY_ACUTE_SPRAIN);
	ck_assert_int_eq(propose(SORE_RIGHT, ONSET_GRADUAL, SINCE_UNDER_3_MONTHS, SITE_MIDPORTION, ANSWER_NO),
			 PATHWAY_MIDPORTION_ACHILLES);
	ck_assert_int_eq(propose(SORE_BOTH, ONSET_GRADUAL, SINCE_OVER_A_YEAR, SITE_INSERTION, ANSWER_NO),
			 PATHWAY_INSERTIONAL_ACHILLES);
	ck_assert_int_eq(propose(SORE_LEFT, ONSET_TWIST, SINCE_OVER_A_YEAR, SITE_OUTER_ANKLE, ANSWER_YES),
			 PATHWAY_CHRONIC_INSTABILITY);
	ck_assert_int_eq(propose(SORE_LEFT, ONSET_GRADUAL, SINCE_UNDER_3_MONTHS, SITE_BEHIND_OUTER_BONE, ANSWER_NO),
			 PATHWAY_PERONEAL);
	ck_assert_int_eq(propose(SORE_LEFT, ONSET_GRADUAL, SINCE_UNDER_3_WEEKS, SITE_BONE_SPOT, ANSWER_NO),
			 PATHWAY_BONE_STRESS);
}
END_TEST

START_TEST(caution_decides_between_two)
{
	/* a bone spot after a fresh twist: the bone first */
	ck_assert_int_eq(propose(SORE_LEFT, ONSET_TWIST, SINCE_UNDER_3_WEEKS, SITE_BONE_SPOT, ANSWER_YES),
			 PATHWAY_BONE_STRESS);
	/* giving way in the first 3 weeks is the fresh sprain, not instability */
	ck_assert_int_eq(propose(SORE_LEFT, ONSET_TWIST, SINCE_UNDER_3_WEEKS, SITE_OUTER_ANKLE, ANSWER_YES),
			 PATHWAY_ACUTE_SPRAIN);
	/* an older twist that does not give way: the sprain pathway, past protecting it */
	ck_assert_int_eq(propose(SORE_LEFT, ONSET_TWIST, SINCE_UNDER_3_MONTHS, SITE_OUTER_ANKLE, ANSWER_NO),
			 PATHWAY_ACUTE_SPRAIN);
	/* gradual outer-ankle pain: the tendons there */
	ck_assert_int_eq(propose(SORE_LEFT, ONSET_GRADUAL, SINCE_UNDER_A_YEAR, SITE_OUTER_ANKLE, ANSWER_NO),
			 PATHWAY_PERONEAL);
}
END_TEST

START_TEST(past_protecting_after_three_weeks)
{
	struct triage_answers a;

	triage_answers_init(&a);
	a.answer[TQ_ONSET] = ONSET_TWIST;
	a.answer[TQ_SINCE] = SINCE_UNDER_3_WEEKS;
	ck_assert(!triage_past_protect(&a));
	a.answer[TQ_SINCE] = SINCE_UNDER_3_MONTHS;
	ck_assert(triage_past_protect(&a));
	a.answer[TQ_ONSET] = ONSET_GRADUAL;
	ck_assert(!triage_past_protect(&a));
}
END_TEST

START_TEST(every_question_has_its_options_in_enum_order)
{
	ck_assert_int_eq(triage_questions[TQ_SIDE].noptions, SORE_SIDE_COUNT);
	ck_assert_int_eq(triage_questions[TQ_ONSET].noptions, ONSET_COUNT);
	ck_assert_int_eq(triage_questions[TQ_SINCE].noptions, SINCE_COUNT);
	ck_assert_int_eq(triage_questions[TQ_WHERE].noptions, SITE_COUNT);
	ck_assert_int_eq(triage_questions[TQ_GIVES_WAY].noptions, ANSWER_COUNT);
	ck_assert_str_eq(triage_questions[TQ_GIVES_WAY].option[ANSWER_YES], "Yes");
	for (int p = 0; p < PATHWAY_COUNT; p++)
		ck_assert(strlen(pathway_title((enum pathway)p)) > 0);
}
END_TEST

static bool load_tiny_next(void *ctx, const char *name, struct program *out)
{
	char err[512];

	(void)ctx;
	ck_assert_str_eq(name, "tiny-next");
	return program_load_file(out, "tests/data/programs/tiny-next.conf", err, sizeof(err));
}

/* A first visit on an empty history of the tiny program, at 10:00 on Mon 23 Nov. */
static char dir[32], path[128];
static struct program prog;
static struct user_config cfg;
static struct session_log log_;
static struct coach coach;
static struct visit v;
static time_t wall;

static void open_first_visit(const char *insertional_program)
{
	struct coach_setup setup;
	char err[512];
	day_t today;

	setenv("TZ", "UTC", 1);
	tzset();
	strcpy(dir, "/tmp/talus-triage-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/history.tsv", dir);
	ck_assert_msg(program_load_file(&prog, "tests/data/programs/tiny.conf", err, sizeof(err)), "%s", err);
	config_defaults(&cfg);
	ck_assert(date_parse("2026-11-23", &today));
	wall = (time_t)today * 86400 + 10 * 3600;
	session_log_load(&log_, path);
	memset(&setup, 0, sizeof(setup));
	setup.program = &prog;
	setup.level = 1;
	setup.today = today;
	setup.training_days = prog.days;
	setup.history_path = path;
	setup.log = &log_;
	setup.rules = &cfg.rules;
	setup.wall_offset = wall - time(NULL);
	setup.triage = true;
	setup.pathway_program[PATHWAY_INSERTIONAL_ACHILLES] = insertional_program;
	setup.load_program = load_tiny_next;
	coach_init(&coach, &setup, 1000);
	visit_init(&v, &coach);
}

static void close_visit(void)
{
	coach_free(&coach);
	session_log_free(&log_);
	program_free(&prog);
	config_free(&cfg);
	unlink(path);
	rmdir(dir);
}

/* A first visit: the safety note, five questions, the pathway; its record, and the
 * program it starts at coached at once. */
START_TEST(a_first_visit_asks_the_triage_and_takes_its_program)
{
	char *text;

	open_first_visit("tiny-next");
	ck_assert_int_eq(v.screen, VS_SAFETY);
	visit_acknowledge(&v, wall);
	ck_assert_int_eq(v.screen, VS_TRIAGE);
	ck_assert_uint_eq(visit_answer_triage(&v, 3), 0); /* no fourth side */
	visit_answer_triage(&v, SORE_RIGHT);
	visit_answer_triage(&v, ONSET_GRADUAL);
	visit_answer_triage(&v, SINCE_OVER_A_YEAR);
	visit_answer_triage(&v, SITE_INSERTION);
	ck_assert_int_eq(v.screen, VS_TRIAGE);
	visit_answer_triage(&v, ANSWER_NO);
	/* then the red-flag questions, each no, and no advice page after them */
	for (int i = 0; i < 20 && v.screen == VS_REDFLAG; i++)
		visit_answer_flag(&v, false, wall);
	ck_assert_int_eq(v.screen, VS_PATHWAY);
	ck_assert_int_eq(coach.proposed, PATHWAY_INSERTIONAL_ACHILLES);
	visit_choose_pathway(&v, coach.proposed, wall);
	ck_assert_int_eq(v.screen, VS_START);
	ck_assert_str_eq(coach.program->name, "tiny-next");
	ck_assert_int_eq(coach.routine.program == coach.program, 1);
	text = read_whole_file(path, NULL);
	ck_assert_ptr_nonnull(strstr(text, "\tred-flag\tflag=medicine\tanswer=no\ttrigger=triage\n"));
	ck_assert_ptr_nonnull(strstr(text, "\ttriage\tsore=right\tonset=gradual\tsince=over-a-year\t"
					"where=insertion\tgives-way=no\tpathway=insertional-achilles\t"
					"program=tiny-next\n"));
	free(text);
	close_visit();
}
END_TEST

/* A yes to a red flag in the triage stops there: no pathway, no session. */
START_TEST(a_red_flag_in_the_triage_stops_it)
{
	open_first_visit(NULL);
	visit_acknowledge(&v, wall);
	for (int q = 0; q < TQ_COUNT; q++)
		visit_answer_triage(&v, 0);
	ck_assert_int_eq(v.screen, VS_REDFLAG);
	visit_answer_flag(&v, true, wall); /* a crack, a misshapen ankle: an emergency */
	ck_assert_int_eq(v.screen, VS_STOP);
	ck_assert(coach.ask_triage); /* nothing chosen: asked again next time */
	close_visit();
}
END_TEST

Suite *triage_suite(void)
{
	Suite *s = suite_create("triage");
	TCase *tc = tcase_create("triage");

	tcase_add_test(tc, each_pathway_from_its_answers);
	tcase_add_test(tc, caution_decides_between_two);
	tcase_add_test(tc, past_protecting_after_three_weeks);
	tcase_add_test(tc, every_question_has_its_options_in_enum_order);
	tcase_add_test(tc, a_first_visit_asks_the_triage_and_takes_its_program);
	tcase_add_test(tc, a_red_flag_in_the_triage_stops_it);
	suite_add_tcase(s, tc);
	return s;
}
