/* The red flags: the catalogue's order, when the questions are due (made-up histories,
 * a made-up now), and a round of them. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redflag.h"
#include "safety.h"
#include "unit.h"

static struct program prog;
static struct progression_rules rules;
static struct session_log log_;
static int64_t now; /* 2026-11-23 10:00 UTC */

static void setup(void)
{
	struct user_config cfg;
	char err[512] = "";

	setenv("TZ", "UTC", 1);
	tzset();
	ck_assert_msg(program_parse(&prog, "p", "p.conf",
				    "levels = 4\nexercise a {\n  sets = 4\n  reps = 5\n}\n",
				    err, sizeof(err)), "%s", err);
	config_defaults(&cfg);
	rules = cfg.rules;
	config_free(&cfg);
	memset(&log_, 0, sizeof(log_));
	now = (int64_t)days_from_civil(2026, 11, 23) * 86400 + 10 * 3600;
}

static void teardown(void)
{
	session_log_free(&log_);
	program_free(&prog);
}

static void add_line(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void add_line(const char *fmt, ...)
{
	char buf[512];
	struct hist_record rec;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	ck_assert_msg(history_parse_line(buf, strlen(buf), &rec), "bad line: %s", buf);
	session_log_add(&log_, &rec);
}

static void session(const char *day, const char *status, int during, int after)
{
	add_line("%sT09:00:00Z\tstart\tsession=s%s\tprogram=p\tlevel=1", day, day);
	add_line("%sT09:30:00Z\tend\tsession=s%s\tstatus=%s\tpain-during=%d\tpain-after=%d", day,
		 day, status, during, after);
}

/* A whole round answered no, at that time. */
static void round_no(const char *stamp, const char *trigger)
{
	const enum flag_question all[] = { FQ_CRACK, FQ_INFECTION, FQ_RUPTURE, FQ_FRACTURE, FQ_CLOT,
					   FQ_BONE_STRESS, FQ_NERVE, FQ_MEDICINE };

	for (size_t i = 0; i < sizeof(all) / sizeof(*all); i++)
		add_line("%s\tred-flag\tflag=%s\tanswer=no\ttrigger=%s", stamp,
			 flag_question_name[all[i]], trigger);
}

static struct flag_due due(void)
{
	struct flag_due d;

	struct flag_lookup find = { &prog, &rules, NULL, NULL };

	session_log_finish(&log_);
	red_flag_due(&log_, &find, now, &d);
	return d;
}

START_TEST(the_most_urgent_are_asked_first)
{
	struct flag_due d = { .due = true, .trigger = TRIG_SEVERE };
	struct flag_round r;

	flag_round_plan(&r, &d);
	ck_assert_int_eq(r.n, 8);
	for (int i = 1; i < r.n; i++)
		ck_assert_int_le(red_flag_questions[r.ask[i - 1]].urgency,
				 red_flag_questions[r.ask[i]].urgency);
	/* rehab.md's words: a rupture is possible even on tiptoe; Ottawa in full */
	ck_assert(strstr(red_flag_questions[FQ_RUPTURE].question, "even if you can still walk or "
				"rise on tiptoe"));
	ck_assert(strstr(red_flag_questions[FQ_FRACTURE].question, "four steps, then or now"));
	ck_assert(strstr(red_flag_questions[FQ_FRACTURE].question, "lower 6 cm"));
	ck_assert(strstr(red_flag_questions[FQ_FRACTURE].question, "5th metatarsal"));
	ck_assert(strstr(red_flag_questions[FQ_FRACTURE].question, "navicular"));
	ck_assert_int_eq(red_flag_questions[FQ_INFECTION].urgency, URGENCY_EMERGENCY);
	ck_assert_int_eq(red_flag_questions[FQ_CLOT].urgency, URGENCY_SAME_DAY);
	ck_assert_int_eq(red_flag_questions[FQ_CLOT_BREATH].urgency, URGENCY_EMERGENCY);
	ck_assert_int_eq(red_flag_questions[FQ_BONE_STRESS].urgency, URGENCY_CLINICIAN);
	for (int q = 0; q < FQ_COUNT; q++)
		ck_assert(red_flag_questions[q].question && red_flag_questions[q].advice &&
			  red_flag_questions[q].source);
}
END_TEST

/* The note and the questions cannot disagree: each flag's line is in the note, in the
 * order the questions are asked, and the review row is the note's last flag. */
START_TEST(the_safety_note_lists_the_catalogue)
{
	size_t line = SAFETY_FLAGS_FIRST + 1;

	for (int q = 0; q < FQ_COUNT; q++) {
		if (!red_flag_questions[q].note)
			continue;
		ck_assert_str_eq(safety_note[line] + 2, red_flag_questions[q].note);
		line++;
	}
	ck_assert_str_eq(safety_note[line] + 2, FLAG_NOTE_REVIEW);
	ck_assert_uint_eq(line + 1, SAFETY_FLAGS_END);
}
END_TEST

START_TEST(nothing_due_on_quiet_days)
{
	session("2026-11-22", "done", 3, 2);
	add_line("2026-11-23T07:00:00Z\tmorning\tpain=1");
	ck_assert(!due().due);
}
END_TEST

START_TEST(a_rating_of_8_is_due_with_its_reason)
{
	struct flag_due d;

	session("2026-11-22", "done", 8, 4);
	d = due();
	ck_assert(d.due);
	ck_assert_int_eq(d.trigger, TRIG_SEVERE);
	ck_assert_str_eq(d.reason, "You rated the pain 8 in yesterday's session.");
}
END_TEST

START_TEST(a_morning_of_8_is_due)
{
	struct flag_due d;

	add_line("2026-11-23T07:00:00Z\tmorning\tpain=8");
	d = due();
	ck_assert(d.due);
	ck_assert_int_eq(d.trigger, TRIG_SEVERE);
	ck_assert_str_eq(d.reason, "You rated the pain 8 this morning.");
}
END_TEST

START_TEST(a_session_quit_in_pain_is_due)
{
	struct flag_due d;

	session("2026-11-22", "quit", 6, 5);
	d = due();
	ck_assert(d.due);
	ck_assert_int_eq(d.trigger, TRIG_QUIT_PAIN);
	/* finished with the same pain: the step-back rule, not a red flag */
	session_log_free(&log_);
	session("2026-11-22", "done", 6, 5);
	ck_assert(!due().due);
	session_log_free(&log_);
	session("2026-11-22", "interrupted", 6, 5);
	ck_assert_int_eq(due().trigger, TRIG_QUIT_PAIN);
}
END_TEST

/* Program "p" as the catalog would load it: the config's limits (repeat 5). */
static bool load_p(void *ctx, const char *name, struct program *out)
{
	char err[512] = "";

	(void)ctx;
	return strcmp(name, "p") == 0 &&
	       program_parse(out, "p", "p.conf", "title = \"Heavy calf\"\nlevels = 4\n"
			     "exercise a {\n  sets = 4\n  reps = 5\n}\n", err, sizeof(err));
}

/* A session quit in pain is judged by its own program's limits, not by those of the
 * program shown now: p quit at 4 (its limit 5) is nothing to a walk/run's limit of 2;
 * at 6 it is due, and says whose limit it passed. */
START_TEST(a_quit_is_judged_by_its_own_programs_limit)
{
	struct program w;
	struct flag_lookup find = { &w, &rules, load_p, NULL };
	struct flag_due d;
	char err[512] = "";

	ck_assert_msg(program_parse(&w, "w", "w.conf", "levels = 6\nexercise a {\n"
				    "  intervals = \"walk 1:00, run 1:00\"\n}\n", err, sizeof(err)),
		      "%s", err);
	session("2026-11-23", "quit", 4, 4);
	session_log_finish(&log_);
	red_flag_due(&log_, &find, now, &d);
	ck_assert_msg(!d.due || d.trigger != TRIG_QUIT_PAIN, "%s", d.reason);
	session_log_free(&log_);
	session("2026-11-23", "quit", 6, 4);
	session_log_finish(&log_);
	red_flag_due(&log_, &find, now, &d);
	ck_assert(d.due);
	ck_assert_int_eq(d.trigger, TRIG_QUIT_PAIN);
	ck_assert_str_eq(d.reason, "You stopped today's session of Heavy calf with pain 6, above "
			 "its limit of 5.");
	ck_assert_str_eq(d.other_title, "Heavy calf");
	/* not found: the config's limits, never the walk/run's */
	session_log_free(&log_);
	session("2026-11-23", "quit", 4, 4);
	find.load_program = NULL;
	session_log_finish(&log_);
	red_flag_due(&log_, &find, now, &d);
	ck_assert(!d.due || d.trigger != TRIG_QUIT_PAIN);
	/* a walk/run session of its own, quit at 3: above its limit of 2 */
	session_log_free(&log_);
	add_line("2026-11-23T09:00:00Z\tstart\tsession=ww\tprogram=w\tlevel=1");
	add_line("2026-11-23T09:30:00Z\tend\tsession=ww\tstatus=quit\tpain-during=3");
	session_log_finish(&log_);
	red_flag_due(&log_, &find, now, &d);
	ck_assert_int_eq(d.trigger, TRIG_QUIT_PAIN);
	ck_assert_str_eq(d.reason, "You stopped today's session with pain 3, above the limit of 2.");
	ck_assert_str_eq(d.other_title, "");
	program_free(&w);
}
END_TEST

START_TEST(a_morning_two_above_baseline_is_due)
{
	struct flag_due d;

	for (int day = 16; day <= 20; day++)
		add_line("2026-11-%02dT07:00:00Z\tmorning\tpain=1", day);
	add_line("2026-11-23T07:00:00Z\tmorning\tpain=3");
	d = due();
	ck_assert(d.due);
	ck_assert_int_eq(d.trigger, TRIG_MORNING);
	ck_assert_str_eq(d.reason, "You rated the pain 3 this morning, 2 above your usual 1.");
	session_log_free(&log_);
	for (int day = 16; day <= 20; day++)
		add_line("2026-11-%02dT07:00:00Z\tmorning\tpain=1", day);
	add_line("2026-11-23T07:00:00Z\tmorning\tpain=2");
	ck_assert(!due().due);
	/* no usual morning yet: a first morning above 5 is the sign; 5 is not */
	session_log_free(&log_);
	add_line("2026-11-23T07:00:00Z\tmorning\tpain=5");
	ck_assert(!due().due);
	add_line("2026-11-23T07:30:00Z\tmorning\tpain=6");
	d = due();
	ck_assert(d.due);
	ck_assert_str_eq(d.reason, "You rated the pain 6 this morning, above 5.");
}
END_TEST

START_TEST(a_complete_round_answers_it)
{
	session("2026-11-22", "done", 9, 4);
	round_no("2026-11-22T10:00:00Z", "severe");
	ck_assert(!due().due);
}
END_TEST

static struct red_flags advice_now(void)
{
	struct red_flags f;

	session_log_finish(&log_);
	check_red_flags(&log_, &rules, NULL, local_day((time_t)now), now, NULL, &f);
	return f;
}

/* The advice on an 8 is unconditional until a whole round since it is answered no; then
 * --plan says what the coach says. A round before it, cut off, or with a yes: not so. */
START_TEST(an_8_answered_no_turns_the_advice_conditional)
{
	struct red_flags f;
	char line[300];

	round_no("2026-11-21T10:00:00Z", "severe");
	session("2026-11-22", "quit", 8, 6);
	f = advice_now();
	ck_assert_int_eq(f.flag, RF_SEVERE);
	ck_assert(!f.answered_no);
	red_flags_warning(&f, line, sizeof(line));
	ck_assert_str_eq(line, "See a clinician: a pain rating of 8. talus is a coach, not a "
			       "diagnosis; the red flags are in its README.");
	add_line("2026-11-22T10:00:00Z\tred-flag\tflag=crack\tanswer=no\ttrigger=severe");
	ck_assert(!advice_now().answered_no); /* cut off */
	round_no("2026-11-22T10:01:00Z", "severe");
	f = advice_now();
	ck_assert(f.answered_no);
	red_flags_warning(&f, line, sizeof(line));
	ck_assert_str_eq(line, "No red flags reported after a pain rating of 8. If the pain does "
			       "not settle within a few days, or gets worse, see a clinician.");
	add_line("2026-11-22T10:05:00Z\tred-flag\tflag=nerve\tanswer=yes\ttrigger=severe");
	ck_assert(!advice_now().answered_no);
}
END_TEST

/* A run rated 8 or more asks the whole round at the next opening, and --plan advises a
 * clinician, as a session's 8 does; a run a walk/run session left is its session's. */
START_TEST(a_run_of_8_is_due_as_a_sessions)
{
	struct flag_due d;
	struct red_flags f;

	add_line("2026-11-22T18:00:00Z\trun\tmetres=5000\tpain-during=9\tsession=w1");
	d = due();
	ck_assert(!d.due);
	add_line("2026-11-22T18:00:00Z\trun\tmetres=5000\tpain-during=7");
	ck_assert(!due().due); /* not impact work: the questions are for 8 */
	add_line("2026-11-22T19:00:00Z\trun\tmetres=5000\tpain-during=8");
	d = due();
	ck_assert(d.due);
	ck_assert_int_eq(d.trigger, TRIG_SEVERE);
	ck_assert_str_eq(d.reason, "You rated the pain 8 on yesterday's run.");
	f = advice_now();
	ck_assert_int_eq(f.flag, RF_SEVERE);
	ck_assert_str_eq(f.reason, "a pain rating of 8 on a run");
	round_no("2026-11-23T08:00:00Z", "severe");
	ck_assert(!due().due);
}
END_TEST

/* On impact work a run above running's 2 asks about bone stress first. */
START_TEST(a_painful_run_on_impact_work_asks_bone_stress)
{
	struct flag_due d;

	prog.impact = true;
	add_line("2026-11-22T10:00:00Z\tred-flag\tflag=bone-stress\tanswer=no\ttrigger=impact");
	add_line("2026-11-22T18:00:00Z\trun\tmetres=5000\tpain-during=2");
	ck_assert(!due().due);
	add_line("2026-11-22T19:00:00Z\trun\tmetres=5000\tpain-during=3");
	d = due();
	ck_assert(d.due);
	ck_assert_int_eq(d.trigger, TRIG_IMPACT);
	ck_assert(d.bone_stress_first);
	ck_assert_str_eq(d.reason, "Pain 3 on yesterday's run, above running's limit of 2.");
}
END_TEST


START_TEST(a_yes_completes_the_round)
{
	session("2026-11-22", "done", 9, 4);
	add_line("2026-11-22T10:00:00Z\tred-flag\tflag=crack\tanswer=no\ttrigger=severe");
	add_line("2026-11-22T10:00:05Z\tred-flag\tflag=infection\tanswer=yes\ttrigger=severe");
	ck_assert(!due().due);
}
END_TEST

START_TEST(a_round_cut_off_asks_again)
{
	session("2026-11-22", "done", 9, 4);
	add_line("2026-11-22T10:00:00Z\tred-flag\tflag=crack\tanswer=no\ttrigger=severe");
	add_line("2026-11-22T10:00:05Z\tred-flag\tflag=infection\tanswer=no\ttrigger=severe");
	ck_assert(due().due);
}
END_TEST

START_TEST(every_new_8_asks_again)
{
	session("2026-11-20", "done", 9, 4);
	round_no("2026-11-20T10:00:00Z", "severe");
	session("2026-11-22", "done", 2, 8);
	ck_assert(due().due);
}
END_TEST

START_TEST(a_future_round_does_not_silence)
{
	session("2026-11-22", "done", 9, 4);
	round_no("2026-11-30T10:00:00Z", "severe");
	ck_assert(due().due);
	/* and a future 8 asks nothing yet */
	session_log_free(&log_);
	session("2026-11-25", "done", 9, 4);
	ck_assert(!due().due);
}
END_TEST

START_TEST(impact_work_is_checked_weekly)
{
	struct flag_due d;
	struct flag_round r;

	prog.impact = true;
	d = due();
	ck_assert(d.due);
	ck_assert_int_eq(d.trigger, TRIG_IMPACT);
	flag_round_plan(&r, &d);
	ck_assert_int_eq(r.n, 1);
	ck_assert_int_eq(r.ask[0], FQ_BONE_STRESS);
	add_line("2026-11-17T10:00:00Z\tred-flag\tflag=bone-stress\tanswer=no\ttrigger=impact");
	ck_assert(!due().due);
	now += 86400; /* seven days since */
	ck_assert(due().due);
}
END_TEST

START_TEST(impact_pain_asks_bone_stress_first)
{
	struct flag_due d;
	struct flag_round r;

	prog.impact = true;
	prog.own_pain_limits = true;
	prog.advance_max_pain = 2;
	prog.repeat_max_pain = 2;
	add_line("2026-11-20T10:00:00Z\tred-flag\tflag=bone-stress\tanswer=no\ttrigger=impact");
	session("2026-11-22", "quit", 4, 3);
	d = due();
	ck_assert(d.due);
	ck_assert_int_eq(d.trigger, TRIG_QUIT_PAIN);
	ck_assert(d.bone_stress_first);
	flag_round_plan(&r, &d);
	ck_assert_int_eq(r.n, 8);
	ck_assert_int_eq(r.ask[0], FQ_BONE_STRESS);
	ck_assert_int_eq(r.ask[7], FQ_MEDICINE);
}
END_TEST

/* A finished hop session that hurt above its limit of 2 is not a "repeat": bone stress
 * is asked. At the limit, nothing. */
START_TEST(a_finished_impact_session_in_pain_asks_bone_stress)
{
	struct flag_due d;
	struct flag_round r;

	prog.impact = true;
	prog.own_pain_limits = true;
	prog.advance_max_pain = 2;
	prog.repeat_max_pain = 2;
	add_line("2026-11-20T10:00:00Z\tred-flag\tflag=bone-stress\tanswer=no\ttrigger=impact");
	session("2026-11-21", "done", 2, 2);
	ck_assert(!due().due);
	session("2026-11-22", "done", 3, 1);
	d = due();
	ck_assert(d.due);
	ck_assert_int_eq(d.trigger, TRIG_IMPACT);
	ck_assert_str_eq(d.reason, "Pain 3 in yesterday's session of impact work, above its limit of 2.");
	flag_round_plan(&r, &d);
	ck_assert_int_eq(r.n, 1);
	ck_assert_int_eq(r.ask[0], FQ_BONE_STRESS);
}
END_TEST

START_TEST(a_calf_yes_asks_about_breathing)
{
	struct flag_due d = { .due = true, .trigger = TRIG_SEVERE };
	struct flag_round r;

	flag_round_plan(&r, &d);
	while (flag_round_question(&r) != FQ_CLOT)
		flag_round_answer(&r, false);
	flag_round_answer(&r, true);
	ck_assert(flag_round_pending(&r));
	ck_assert_int_eq(flag_round_question(&r), FQ_CLOT_BREATH);
	flag_round_answer(&r, false);
	ck_assert(!flag_round_pending(&r));
	ck_assert_int_eq(r.yes, FQ_CLOT);
	ck_assert(!r.all_no);
	flag_round_plan(&r, &d);
	while (flag_round_question(&r) != FQ_CLOT)
		flag_round_answer(&r, false);
	flag_round_answer(&r, true);
	flag_round_answer(&r, true);
	ck_assert_int_eq(r.yes, FQ_CLOT_BREATH);
}
END_TEST

START_TEST(the_answers_are_kept_by_time)
{
	add_line("2026-11-22T10:00:05Z\tred-flag\tflag=infection\tanswer=yes\ttrigger=severe");
	add_line("2026-11-22T10:00:00Z\tred-flag\tflag=crack\tanswer=no");
	session_log_finish(&log_);
	ck_assert_uint_eq(log_.nflag_answers, 2);
	ck_assert_int_eq(log_.flag_answers[0].flag, FQ_CRACK);
	ck_assert_int_eq(log_.flag_answers[0].trigger, -1);
	ck_assert(!log_.flag_answers[0].yes);
	ck_assert_int_eq(log_.flag_answers[1].flag, FQ_INFECTION);
	ck_assert_int_eq(log_.flag_answers[1].trigger, TRIG_SEVERE);
	ck_assert(log_.flag_answers[1].yes);
}
END_TEST

Suite *redflag_suite(void)
{
	Suite *s = suite_create("redflag");
	TCase *tc = tcase_create("redflag");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, the_most_urgent_are_asked_first);
	tcase_add_test(tc, the_safety_note_lists_the_catalogue);
	tcase_add_test(tc, nothing_due_on_quiet_days);
	tcase_add_test(tc, a_rating_of_8_is_due_with_its_reason);
	tcase_add_test(tc, a_morning_of_8_is_due);
	tcase_add_test(tc, a_session_quit_in_pain_is_due);
	tcase_add_test(tc, a_quit_is_judged_by_its_own_programs_limit);
	tcase_add_test(tc, a_morning_two_above_baseline_is_due);
	tcase_add_test(tc, a_complete_round_answers_it);
	tcase_add_test(tc, a_yes_completes_the_round);
	tcase_add_test(tc, an_8_answered_no_turns_the_advice_conditional);
	tcase_add_test(tc, a_run_of_8_is_due_as_a_sessions);
	tcase_add_test(tc, a_painful_run_on_impact_work_asks_bone_stress);
	tcase_add_test(tc, a_round_cut_off_asks_again);
	tcase_add_test(tc, every_new_8_asks_again);
	tcase_add_test(tc, a_future_round_does_not_silence);
	tcase_add_test(tc, impact_work_is_checked_weekly);
	tcase_add_test(tc, impact_pain_asks_bone_stress_first);
	tcase_add_test(tc, a_finished_impact_session_in_pain_asks_bone_stress);
	tcase_add_test(tc, a_calf_yes_asks_about_breathing);
	tcase_add_test(tc, the_answers_are_kept_by_time);
	suite_add_tcase(s, tc);
	return s;
}
