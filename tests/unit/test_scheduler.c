/* The progression rules, fed synthetic histories; every rule and its edges. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "scheduler.h"
#include "unit.h"

static struct program prog;
static struct progression_rules rules;
static struct session_log log_;
static day_t monday; /* 2026-11-02 */

static void setup(void)
{
	struct user_config cfg;
	char err[512] = "";

	ck_assert_msg(program_parse(&prog, "p", "p.conf",
				    "levels = 4\nnext = \"q\"\nexercise a {\n  sets = 4\n  reps = 5\n}\n",
				    err, sizeof(err)), "%s", err);
	config_defaults(&cfg);
	rules = cfg.rules;
	config_free(&cfg);
	memset(&log_, 0, sizeof(log_));
	ck_assert(date_parse("2026-11-02", &monday));
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

static void stamp(day_t d, int hour, char *out)
{
	char date[DATE_BUF];

	date_format_iso(d, date);
	sprintf(out, "%sT%02d:00:00Z", date, hour);
}

/* A session on day offset `day` from monday with these pains; status done. */
static void session_full(int day, const char *program, const char *status, int sets, int during,
			 int after)
{
	static int n;
	char t[48], t2[48], id[32];

	stamp(monday + day, 7, t);
	stamp(monday + day, 8, t2);
	snprintf(id, sizeof(id), "s%d", ++n);
	add_line("%s\tstart\tsession=%s\tprogram=%s\tlevel=1\tplanned=4", t, id, program);
	for (int i = 1; i <= sets; i++)
		add_line("%s\tset\tsession=%s\texercise=a\tset=%d", t, id, i);
	if (status)
		add_line("%s\tend\tsession=%s\tstatus=%s\tpain-during=%d\tpain-after=%d", t2, id,
			 status, during, after);
}

static void session_at(int day, int during, int after)
{
	session_full(day, "p", "done", 4, during, after);
}

static void morning(int day, int pain)
{
	char t[48];

	stamp(monday + day, 6, t);
	add_line("%s\tmorning\tpain=%d", t, pain);
}

static struct progress level_on(int day)
{
	struct progress p;

	session_log_finish(&log_);
	schedule_level(&log_, &prog, &rules, monday + day, &p);
	return p;
}

static const char *why(const struct progress *p)
{
	static char buf[200];

	progress_why(p, &rules, &prog, buf, sizeof(buf));
	return buf;
}

START_TEST(starts_at_level_1)
{
	struct progress p = level_on(0);

	ck_assert_int_eq(p.level, 1);
	ck_assert_str_eq(why(&p), "Level 1 of 4: 2 more sessions with pain <= 3 to reach level 2");
}
END_TEST

START_TEST(two_easy_sessions_advance)
{
	struct progress p;

	session_at(0, 3, 3); /* pain exactly 3 is easy */
	p = level_on(1);
	ck_assert_int_eq(p.level, 1);
	ck_assert_str_eq(why(&p), "Level 1 of 4: 1 more session with pain <= 3 to reach level 2");
	session_at(2, 1, 2);
	p = level_on(3);
	ck_assert_int_eq(p.level, 2);
	ck_assert_str_eq(why(&p), "Level 2 of 4 (up from 1 on Wed 4 Nov): 2 more sessions with pain <= 3 to reach level 3");
}
END_TEST

START_TEST(pain_5_repeats_and_resets_the_count)
{
	struct progress p;

	session_at(0, 2, 2);
	session_at(2, 5, 4); /* exactly 5: repeat */
	p = level_on(3);
	ck_assert_int_eq(p.level, 1);
	ck_assert_int_eq(p.sessions_needed, 2);
	ck_assert_str_eq(why(&p), "Level 1 of 4: repeating, pain was 5 on Wed 4 Nov");
	session_at(4, 1, 1);
	ck_assert_int_eq(level_on(5).level, 1); /* one easy session since: not yet */
}
END_TEST

START_TEST(pain_above_5_steps_back)
{
	struct progress p;

	session_at(0, 1, 1);
	session_at(2, 1, 1);   /* level 2 */
	session_at(4, 3, 6);   /* pain after 6 */
	p = level_on(5);
	ck_assert_int_eq(p.level, 1);
	ck_assert_str_eq(why(&p), "Level 1 of 4 (stepped back from 2: pain 6 on Fri 6 Nov): 2 more sessions with pain <= 3 to reach level 2");
}
END_TEST

START_TEST(never_below_level_1)
{
	struct progress p;

	session_at(0, 9, 9);
	p = level_on(1);
	ck_assert_int_eq(p.level, 1);
	/* nowhere to step back to: the line must not say "stepped back from 1" */
	ck_assert_ptr_null(strstr(why(&p), "stepped back"));
	ck_assert_ptr_nonnull(strstr(why(&p), "kept at the first level: pain 9"));
}
END_TEST

START_TEST(next_morning_worse)
{
	struct progress p;

	morning(0, 1);
	session_at(0, 2, 2);
	morning(1, 2);        /* worse by 1: repeat */
	p = level_on(1);
	ck_assert_int_eq(p.reason, LR_REPEAT);
	ck_assert_int_eq(p.sessions_needed, 2);
	session_at(2, 1, 1);
	session_at(4, 1, 1);  /* level 2 */
	morning(4, 1);
	session_at(6, 1, 1);
	morning(7, 3);        /* up by 2: step back */
	p = level_on(7);
	ck_assert_int_eq(p.level, 1);
	ck_assert_str_eq(why(&p), "Level 1 of 4 (stepped back from 2: morning pain up by 2 on Sun 8 Nov): 2 more sessions with pain <= 3 to reach level 2");
}
END_TEST

START_TEST(layoff_13_versus_14_days)
{
	session_at(0, 1, 1);
	session_at(2, 1, 1); /* level 2, last session day 2 */
	ck_assert_int_eq(level_on(15).level, 2);
	ck_assert_int_eq(level_on(16).level, 1);
	{
		struct progress p = level_on(16);
		ck_assert_str_eq(why(&p), "Level 1 of 4 (stepped back from 2 after 14 days without a session): 2 more sessions with pain <= 3 to reach level 2");
	}
}
END_TEST

START_TEST(quit_before_half_counts_for_pain_only)
{
	struct progress p;

	session_at(0, 1, 1);
	session_at(2, 1, 1);                    /* level 2 */
	session_full(3, "p", "quit", 1, 1, 1);  /* 1 of 4 sets, easy: not a step up, not a break */
	session_full(4, "p", NULL, 1, 0, 0);    /* interrupted, 1 of 4, unrated: counts for nothing */
	session_at(5, 1, 1);
	ck_assert_int_eq(level_on(5).level, 2);
	session_at(6, 1, 1);
	ck_assert_int_eq(level_on(7).level, 3);
	session_full(8, "p", "quit", 2, 1, 1);  /* half the sets: complete */
	session_full(9, "p", "quit", 2, 1, 1);
	ck_assert_int_eq(level_on(10).level, 4);
	/* a quit at 10% (0 of 4 sets here, 1 of 10 below) with pain 9 steps back */
	session_full(11, "p", "quit", 0, 9, 9);
	p = level_on(12);
	ck_assert_int_eq(p.level, 3);
	ck_assert_int_eq(p.reason, LR_PAIN);
	ck_assert_int_eq(p.pain, 9);
}
END_TEST

START_TEST(quit_at_ten_percent_with_pain_9)
{
	char t[48];

	add_line("2026-11-01T09:00:00Z\tlevel\tprogram=p\tlevel=3");
	stamp(monday, 7, t);
	add_line("%s\tstart\tsession=q\tprogram=p\tlevel=3\tplanned=10", t);
	add_line("%s\tset\tsession=q\texercise=a\tset=1", t);
	add_line("%s\tend\tsession=q\tstatus=quit\tpain-during=9\tpain-after=7", t);
	ck_assert_int_eq(level_on(1).level, 2);
}
END_TEST

START_TEST(no_set_done_is_never_easy)
{
	char t[48];

	for (int d = 0; d <= 2; d += 2) { /* finished, every set skipped, pain 0 */
		stamp(monday + d, 7, t);
		add_line("%s\tstart\tsession=k%d\tprogram=p\tlevel=1\tplanned=4", t, d);
		add_line("%s\tskip\tsession=k%d\texercise=a", t, d);
		add_line("%s\tend\tsession=k%d\tstatus=done\tpain-during=0\tpain-after=0", t, d);
	}
	ck_assert_int_eq(level_on(3).level, 1);
	ck_assert_int_eq(level_on(3).sessions_needed, 2);
}
END_TEST

START_TEST(two_sessions_one_day_count_once)
{
	struct progress p;

	session_at(0, 1, 1);
	session_at(0, 1, 1);
	session_at(0, 1, 1);  /* three easy sessions on one day: one easy day */
	p = level_on(1);
	ck_assert_int_eq(p.level, 1);
	ck_assert_int_eq(p.sessions_needed, 1);
	session_at(2, 1, 1);
	ck_assert_int_eq(level_on(3).level, 2);
	session_at(4, 1, 1);
	session_at(4, 4, 6);  /* the worst of the day decides */
	p = level_on(5);
	ck_assert_int_eq(p.level, 1);
	ck_assert_int_eq(p.pain, 6);
}
END_TEST

START_TEST(other_programs_do_not_count)
{
	session_full(0, "other", "done", 4, 1, 1);
	session_full(1, "other", "done", 4, 1, 1);
	ck_assert_int_eq(level_on(2).level, 1);
}
END_TEST

START_TEST(manual_level_counts_from_then_on)
{
	char t[48];
	struct progress p;

	session_at(0, 1, 1);
	stamp(monday + 1, 9, t);
	add_line("%s\tlevel\tprogram=p\tlevel=3", t);
	p = level_on(1);
	ck_assert_int_eq(p.level, 3);
	ck_assert_str_eq(why(&p), "Level 3 of 4 (set by hand on Tue 3 Nov): 2 more sessions with pain <= 3 to reach level 4");
	session_at(2, 1, 1);
	session_at(4, 1, 1);
	ck_assert_int_eq(level_on(5).level, 4);
}
END_TEST

START_TEST(the_last_level_asks_the_entry_test)
{
	char t[48];
	struct progress p;

	add_line("2026-11-01T09:00:00Z\tlevel\tprogram=p\tlevel=4");
	session_at(0, 1, 1);
	p = level_on(1);
	ck_assert(!p.ready_for_next);
	ck_assert_str_eq(why(&p), "Level 4 of 4: 1 more session with pain <= 3 before the entry test of q");
	session_at(2, 1, 1);
	p = level_on(3);
	ck_assert(p.ready_for_next);
	ck_assert_str_eq(why(&p), "Level 4 of 4: ready for the entry test of q");
	/* "no": stay, and build up again before asking anew */
	stamp(monday + 2, 9, t);
	add_line("%s\ttest\tprogram=p\tnext=q\tanswer=no", t);
	p = level_on(3);
	ck_assert(!p.ready_for_next);
	ck_assert_int_eq(p.level, 4);
	ck_assert_str_eq(active_program(&log_, "p"), "p");
	/* "yes": the next program from then on */
	add_line("%s\ttest\tprogram=p\tnext=q\tanswer=yes", t);
	session_log_finish(&log_);
	ck_assert_str_eq(active_program(&log_, "p"), "q");
}
END_TEST

START_TEST(mornings_rising_two_weeks_deload)
{
	struct progress p;

	add_line("2026-10-01T09:00:00Z\tlevel\tprogram=p\tlevel=3");
	for (int d = -21; d < 0; d++)
		morning(d, d < -14 ? 1 : d < -7 ? 2 : 3); /* weekly means 1, 2, 3 */
	session_at(0, 1, 1);
	p = level_on(0);
	ck_assert_int_eq(p.level, 2);
	ck_assert_str_eq(why(&p), "Level 2 of 4 (stepped back from 3: morning pain rose two weeks running): 2 more sessions with pain <= 3 to reach level 3");
}
END_TEST

START_TEST(mornings_flat_no_deload)
{
	add_line("2026-10-01T09:00:00Z\tlevel\tprogram=p\tlevel=3");
	for (int d = -21; d < 0; d++)
		morning(d, d < -14 ? 1 : 2); /* 1, 2, 2: rose only once */
	session_at(0, 1, 1);
	ck_assert_int_eq(level_on(0).level, 3);
}
END_TEST

START_TEST(unrated_session_repeats)
{
	char t[48];
	struct progress p;

	stamp(monday, 7, t);
	add_line("%s\tstart\tsession=u\tprogram=p\tlevel=1\tplanned=4", t);
	add_line("%s\tend\tsession=u\tstatus=done", t);
	p = level_on(1);
	ck_assert_int_eq(p.reason, LR_UNRATED);
	ck_assert_str_eq(why(&p), "Level 1 of 4: repeating, the session on Mon 2 Nov had no pain rating");
}
END_TEST

START_TEST(forecast_reaches_the_last_level)
{
	struct progress p = level_on(0);
	int levels[28];
	day_t top;

	/* mon/wed/fri, two sessions a level: level 2 after Wed, 3 after Mon, 4 after Fri */
	schedule_forecast(&p, &rules, 0x15, monday, 28, levels, &top);
	ck_assert_int_eq(levels[0], 1);
	ck_assert_int_eq(levels[3], 2);  /* Thu */
	ck_assert_int_eq(levels[8], 3);  /* Tue of week 2 */
	ck_assert_int_eq(levels[12], 4); /* Sat of week 2 */
	ck_assert_int_eq(top, monday + 16); /* two easy sessions at level 4: Wed of week 3 */
}
END_TEST

START_TEST(forecast_range_from_today)
{
	struct progress p = level_on(2);
	int levels[14];
	day_t top;

	/* Wed 4 Nov, nothing done yet: two easy sessions a level from today's on; the
	 * range starts on Monday, so Mon and Tue show today's level */
	top = schedule_forecast_range(&p, &rules, DAY_SET_MON_WED_FRI, monday + 2, monday, 14,
				      levels);
	ck_assert_int_eq(levels[0], 1);
	ck_assert_int_eq(levels[1], 1);
	ck_assert_int_eq(levels[2], 1);  /* today's session is still to do */
	ck_assert_int_eq(levels[4], 1);  /* Fri: the second session at level 1 */
	ck_assert_int_eq(levels[5], 2);  /* Sat */
	ck_assert_int_eq(levels[9], 2);  /* Wed of week 2 */
	ck_assert_int_eq(levels[10], 3); /* Thu of week 2 */
	ck_assert_int_eq(levels[13], 3); /* Sun of week 2 */
	/* level 4 from Tue of week 3; the first training day there, past the range */
	ck_assert_int_eq(top, monday + 16);
}
END_TEST

START_TEST(forecast_range_after_todays_session)
{
	struct progress p;
	int levels[7];
	day_t top;

	session_at(2, 2, 1);
	p = level_on(2);
	ck_assert_int_eq(p.easy_streak, 1);
	/* today's session is done: the next is Friday's, the second easy one */
	top = schedule_forecast_range(&p, &rules, DAY_SET_MON_WED_FRI, monday + 2, monday, 7,
				      levels);
	ck_assert_int_eq(levels[2], 1);
	ck_assert_int_eq(levels[3], 1);
	ck_assert_int_eq(levels[4], 1);
	ck_assert_int_eq(levels[5], 2); /* Sat */
	ck_assert_int_eq(levels[6], 2);
	/* 3 after Wed 11, 4 after Mon 16: Wed 18 Nov */
	ck_assert_int_eq(top, monday + 16);
}
END_TEST

START_TEST(forecast_range_without_training_days)
{
	struct progress p = level_on(0);
	int levels[7];

	ck_assert_int_eq(schedule_forecast_range(&p, &rules, 0, monday, monday, 7, levels), -1);
	for (int i = 0; i < 7; i++)
		ck_assert_int_eq(levels[i], 1);
}
END_TEST

/* The slowest climb the rules allow: 20 levels, 10 sessions each, one day a week.
 * The top level is over 3 years away; the forecast must still find it. */
START_TEST(forecast_reaches_a_top_level_years_away)
{
	struct progress p = level_on(0);
	struct progression_rules slow = rules;
	int levels[7];
	day_t top;

	p.levels = 20;
	slow.advance_sessions = 10;
	/* Mondays only; today Mon 2 Nov is the first of 19 * 10 sessions before level 20 */
	top = schedule_forecast_range(&p, &slow, 1u << 0, monday, monday, 7, levels);
	ck_assert_int_eq(top, monday + 19 * 10 * 7);
	ck_assert_int_eq(levels[6], 1);
	/* as in --plan: a level 5 program, two sessions a level, Sundays: 8 sessions */
	p.levels = 5;
	top = schedule_forecast_range(&p, &rules, 1u << 6, monday, monday, 7, levels);
	ck_assert_int_eq(top, monday + 6 + 8 * 7);
	/* 500+ days away: 20 levels, four sessions a level, Sundays: 76 sessions */
	p.levels = 20;
	slow.advance_sessions = 4;
	top = schedule_forecast_range(&p, &slow, 1u << 6, monday, monday, 7, levels);
	ck_assert_int_eq(top, monday + 6 + 76 * 7);
	ck_assert_int_gt(top - monday, 500);
}
END_TEST

START_TEST(red_flags)
{
	struct red_flags rf;

	session_at(0, 6, 4);
	session_log_finish(&log_);
	check_red_flags(&log_, &rules, monday + 3, &rf);
	ck_assert_int_eq(rf.flag, RF_NONE);
	session_at(3, 4, 6);
	session_log_finish(&log_);
	check_red_flags(&log_, &rules, monday + 3, &rf);
	ck_assert_int_eq(rf.flag, RF_FLARES);
	ck_assert_str_eq(rf.reason, "2 sessions with pain above 5 in 7 days");
	ck_assert(!rf.already_shown);
	check_red_flags(&log_, &rules, monday + 7, &rf); /* the first flare left the window */
	ck_assert_int_eq(rf.flag, RF_NONE);
	add_line("2026-11-05T10:00:00Z\tadvice\treason=flares");
	session_log_finish(&log_);
	check_red_flags(&log_, &rules, monday + 3, &rf);
	ck_assert(rf.already_shown);
	morning(4, 8);
	session_log_finish(&log_);
	check_red_flags(&log_, &rules, monday + 4, &rf);
	ck_assert_int_eq(rf.flag, RF_SEVERE);
	ck_assert_str_eq(rf.reason, "a morning pain of 8");
}
END_TEST

START_TEST(pain_not_coming_down)
{
	struct red_flags rf;

	session_at(-21, 4, 4);
	session_at(-1, 5, 4);
	session_log_finish(&log_);
	check_red_flags(&log_, &rules, monday, &rf);
	ck_assert_int_eq(rf.flag, RF_NOT_SETTLING);
}
END_TEST

Suite *scheduler_suite(void)
{
	Suite *s = suite_create("scheduler");
	TCase *tc = tcase_create("rules");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, starts_at_level_1);
	tcase_add_test(tc, two_easy_sessions_advance);
	tcase_add_test(tc, pain_5_repeats_and_resets_the_count);
	tcase_add_test(tc, pain_above_5_steps_back);
	tcase_add_test(tc, never_below_level_1);
	tcase_add_test(tc, next_morning_worse);
	tcase_add_test(tc, layoff_13_versus_14_days);
	tcase_add_test(tc, quit_before_half_counts_for_pain_only);
	tcase_add_test(tc, quit_at_ten_percent_with_pain_9);
	tcase_add_test(tc, no_set_done_is_never_easy);
	tcase_add_test(tc, two_sessions_one_day_count_once);
	tcase_add_test(tc, other_programs_do_not_count);
	tcase_add_test(tc, manual_level_counts_from_then_on);
	tcase_add_test(tc, the_last_level_asks_the_entry_test);
	tcase_add_test(tc, mornings_rising_two_weeks_deload);
	tcase_add_test(tc, mornings_flat_no_deload);
	tcase_add_test(tc, unrated_session_repeats);
	tcase_add_test(tc, forecast_reaches_the_last_level);
	tcase_add_test(tc, forecast_range_from_today);
	tcase_add_test(tc, forecast_range_after_todays_session);
	tcase_add_test(tc, forecast_range_without_training_days);
	tcase_add_test(tc, forecast_reaches_a_top_level_years_away);
	tcase_add_test(tc, red_flags);
	tcase_add_test(tc, pain_not_coming_down);
	suite_add_tcase(s, tc);
	return s;
}
