/* The triage's proposal: each pathway from the answers that point to it, and the order
 * of caution when answers point two ways. */
#include <string.h>

#include "triage.h"
#include "unit.h"

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
			 PATH_ACUTE_SPRAIN);
	ck_assert_int_eq(propose(SORE_RIGHT, ONSET_GRADUAL, SINCE_UNDER_3_MONTHS, SITE_MIDPORTION, ANSWER_NO),
			 PATH_MIDPORTION);
	ck_assert_int_eq(propose(SORE_BOTH, ONSET_GRADUAL, SINCE_OVER_A_YEAR, SITE_INSERTION, ANSWER_NO),
			 PATH_INSERTIONAL);
	ck_assert_int_eq(propose(SORE_LEFT, ONSET_TWIST, SINCE_OVER_A_YEAR, SITE_OUTER_ANKLE, ANSWER_YES),
			 PATH_INSTABILITY);
	ck_assert_int_eq(propose(SORE_LEFT, ONSET_GRADUAL, SINCE_UNDER_3_MONTHS, SITE_BEHIND_OUTER_BONE, ANSWER_NO),
			 PATH_PERONEAL);
	ck_assert_int_eq(propose(SORE_LEFT, ONSET_GRADUAL, SINCE_UNDER_3_WEEKS, SITE_BONE_SPOT, ANSWER_NO),
			 PATH_BONE_STRESS);
}
END_TEST

START_TEST(caution_decides_between_two)
{
	/* a bone spot after a fresh twist: the bone first */
	ck_assert_int_eq(propose(SORE_LEFT, ONSET_TWIST, SINCE_UNDER_3_WEEKS, SITE_BONE_SPOT, ANSWER_YES),
			 PATH_BONE_STRESS);
	/* giving way in the first 3 weeks is the fresh sprain, not instability */
	ck_assert_int_eq(propose(SORE_LEFT, ONSET_TWIST, SINCE_UNDER_3_WEEKS, SITE_OUTER_ANKLE, ANSWER_YES),
			 PATH_ACUTE_SPRAIN);
	/* an older twist that does not give way: the sprain pathway, past protecting it */
	ck_assert_int_eq(propose(SORE_LEFT, ONSET_TWIST, SINCE_UNDER_3_MONTHS, SITE_OUTER_ANKLE, ANSWER_NO),
			 PATH_ACUTE_SPRAIN);
	/* gradual outer-ankle pain: the tendons there */
	ck_assert_int_eq(propose(SORE_LEFT, ONSET_GRADUAL, SINCE_UNDER_A_YEAR, SITE_OUTER_ANKLE, ANSWER_NO),
			 PATH_PERONEAL);
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

Suite *triage_suite(void)
{
	Suite *s = suite_create("triage");
	TCase *tc = tcase_create("triage");

	tcase_add_test(tc, each_pathway_from_its_answers);
	tcase_add_test(tc, caution_decides_between_two);
	tcase_add_test(tc, past_protecting_after_three_weeks);
	tcase_add_test(tc, every_question_has_its_options_in_enum_order);
	suite_add_tcase(s, tc);
	return s;
}
