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

/* A finished, easy session (pain 1/1) of `sets` done out of `planned`, the rest passed
 * over with s (which writes no record), and a settled morning after it. */
static void done_of_planned(int day, int sets, int planned)
{
	char t[48], t2[48], id[32];

	stamp(monday + day, 7, t);
	stamp(monday + day, 8, t2);
	snprintf(id, sizeof(id), "h%d", day);
	add_line("%s\tstart\tsession=%s\tprogram=p\tlevel=1\tplanned=%d", t, id, planned);
	for (int i = 1; i <= sets; i++)
		add_line("%s\tset\tsession=%s\texercise=a\tset=%d", t, id, i);
	add_line("%s\tend\tsession=%s\tstatus=done\tpain-during=1\tpain-after=1", t2, id);
	morning(day + 1, 0);
}

/* The level as of noon UTC on day offset `day`: records after that are in the future. */
static struct progress level_on(int day)
{
	struct progress p;

	session_log_finish(&log_);
	schedule_level(&log_, &prog, &rules, monday + day, (int64_t)(monday + day) * 86400 + 12 * 3600,
		       &p);
	return p;
}

static const char *why(const struct progress *p)
{
	static char buf[300];

	progress_why(p, &rules, &prog, buf, sizeof(buf));
	return buf;
}

/* An easy session and a settled morning after it (0, the next day at 06:00). */
static void easy_day(int day)
{
	session_at(day, 1, 1);
	morning(day + 1, 0);
}

/* A run typed in on day offset `day` at 18:00 with that pain during it. */
static void run_pain(int day, int pain)
{
	char t[48];

	stamp(monday + day, 18, t);
	add_line("%s\trun\tmetres=5000\tsecs=1800\tpain-during=%d", t, pain);
}

/* A run's pain is a pain rating (running's limit 2, Vincent & Vincent 2017): at 2
 * nothing; 3 to 7 on a program that is not impact work, the count starts over and
 * nothing moves up before a settled morning; 8, the easiest level. */
START_TEST(a_runs_pain_at_2_3_7_8)
{
	ck_assert_int_eq(run_pain_effect(&prog, &rules, 2), RUN_PAIN_NONE);
	ck_assert_int_eq(run_pain_effect(&prog, &rules, 3), RUN_PAIN_HOLD);
	ck_assert_int_eq(run_pain_effect(&prog, &rules, 7), RUN_PAIN_HOLD);
	ck_assert_int_eq(run_pain_effect(&prog, &rules, 8), RUN_PAIN_SEVERE);
}
END_TEST

START_TEST(a_painful_run_restarts_the_count_until_a_settled_morning)
{
	struct progress p;

	easy_day(0);
	run_pain(1, 2); /* within running's limit: nothing */
	easy_day(2);
	ck_assert_int_eq(level_on(3).level, 2);
	easy_day(4);
	run_pain(5, 3);
	p = level_on(6);
	ck_assert_int_eq(p.level, 2);
	ck_assert_int_eq(p.reason, LR_RUN_HOLD);
	ck_assert_int_eq(p.easy_streak, 0);
	ck_assert_str_eq(why(&p), "Level 2 of 4: repeating, pain 3 on a run on Sat 7 Nov; no step up before a settled morning (at most 3)");
	morning(6, 4); /* above the usual 0: not settled */
	ck_assert_int_eq(level_on(6).reason, LR_RUN_HOLD);
	session_at(6, 1, 1);
	morning(7, 0); /* settled: the session after the run is the first of the count */
	p = level_on(7);
	ck_assert_int_eq(p.level, 2);
	ck_assert_int_eq(p.reason, LR_BUILDING);
	ck_assert_int_eq(p.sessions_needed, 1);
	easy_day(8);
	ck_assert_int_eq(level_on(9).level, 3);
}
END_TEST

START_TEST(a_run_at_7_holds_at_8_goes_to_the_easiest_level)
{
	struct progress p;

	prog.protective_level = true;
	add_line("2026-11-01T09:00:00Z\tlevel\tprogram=p\tlevel=3");
	run_pain(0, 7);
	p = level_on(1);
	ck_assert_int_eq(p.level, 3);
	ck_assert_int_eq(p.reason, LR_RUN_HOLD);
	run_pain(1, 8);
	p = level_on(2);
	ck_assert_int_eq(p.level, 0);
	ck_assert_int_eq(p.reason, LR_SEVERE);
	ck_assert_str_eq(why(&p), "Protective level 0 (the easiest level: pain 8 on Tue 3 Nov): 2 more sessions with pain <= 3, settled by the next morning, to reach level 1");
}
END_TEST

START_TEST(starts_at_level_1)
{
	struct progress p = level_on(0);

	ck_assert_int_eq(p.level, 1);
	ck_assert_str_eq(why(&p), "Level 1 of 4: 2 more sessions with pain <= 3, settled by the next morning, to reach level 2");
}
END_TEST

START_TEST(two_easy_sessions_and_settled_mornings_advance)
{
	struct progress p;

	session_at(0, 3, 3); /* pain exactly 3 is easy */
	p = level_on(0);
	ck_assert(p.awaiting_morning);
	ck_assert_int_eq(p.sessions_needed, 1);
	morning(1, 0);
	p = level_on(1);
	ck_assert_int_eq(p.level, 1);
	ck_assert_int_eq(p.easy_streak, 1);
	session_at(2, 1, 2);
	p = level_on(2); /* the second easy session: its morning decides */
	ck_assert_int_eq(p.level, 1);
	ck_assert_str_eq(why(&p), "Level 1 of 4: up next if tomorrow morning's pain is <= 3");
	morning(3, 0);
	p = level_on(3);
	ck_assert_int_eq(p.level, 2);
	ck_assert_str_eq(why(&p), "Level 2 of 4 (up from 1 on Thu 5 Nov): 2 more sessions with pain <= 3, settled by the next morning, to reach level 3");
}
END_TEST

START_TEST(a_missing_morning_never_advances)
{
	struct progress p;

	session_at(0, 1, 1);
	session_at(2, 1, 1); /* no rating the morning after either */
	p = level_on(6);
	ck_assert_int_eq(p.level, 1);
	ck_assert_int_eq(p.reason, LR_NO_MORNING);
	ck_assert_str_eq(why(&p), "Level 1 of 4: repeating, no morning rating after the session of Wed 4 Nov");
}
END_TEST

START_TEST(the_morning_48_to_72_hours_after_counts)
{
	char t[48];

	session_at(0, 1, 1);     /* ends Mon 08:00 */
	morning(2, 0);           /* Wed 06:00: 46 h after */
	session_at(3, 1, 1);     /* ends Thu 08:00 */
	stamp(monday + 6, 8, t); /* Sun 08:00: 72 h after, the last moment */
	add_line("%s\tmorning\tpain=0", t);
	ck_assert_int_eq(level_on(6).level, 2);
}
END_TEST

START_TEST(a_morning_past_72_hours_is_not_the_morning_after)
{
	char t[48];

	session_at(0, 1, 1);
	morning(1, 0);
	session_at(3, 1, 1);     /* ends Thu 08:00 */
	stamp(monday + 6, 9, t); /* Sun 09:00: 73 h after */
	add_line("%s\tmorning\tpain=0", t);
	ck_assert_int_eq(level_on(6).level, 1);
	ck_assert_int_eq(level_on(6).reason, LR_NO_MORNING);
}
END_TEST

START_TEST(pain_5_repeats_and_resets_the_count)
{
	struct progress p;

	easy_day(0);
	session_at(2, 5, 4); /* exactly 5: repeat */
	morning(3, 0);
	p = level_on(3);
	ck_assert_int_eq(p.level, 1);
	ck_assert_int_eq(p.sessions_needed, 2);
	ck_assert_str_eq(why(&p), "Level 1 of 4: repeating, pain was 5 on Wed 4 Nov");
	easy_day(4);
	ck_assert_int_eq(level_on(5).level, 1); /* one easy session since: not yet */
}
END_TEST

START_TEST(pain_above_5_steps_back)
{
	struct progress p;

	easy_day(0);
	easy_day(2);          /* level 2 */
	session_at(4, 3, 6);  /* pain after exactly 6 */
	p = level_on(5);
	ck_assert_int_eq(p.level, 1);
	ck_assert_str_eq(why(&p), "Level 1 of 4 (stepped back from 2: pain 6 on Fri 6 Nov): 2 more sessions with pain <= 3, settled by the next morning, to reach level 2");
}
END_TEST

/* The hook the report reads: each change with the day and reason --plan gives, and a
 * level set by hand even when it is the level already. */
struct seen {
	int n, level[8], reason[8];
	day_t day[8];
};

static void seen_change(void *ctx, const struct progress *p)
{
	struct seen *s = ctx;

	if (s->n < 8) {
		s->level[s->n] = p->level;
		s->reason[s->n] = p->reason;
		s->day[s->n++] = p->day;
	}
}

START_TEST(each_change_reaches_the_hook)
{
	struct progress p;
	struct seen s = { 0 };

	easy_day(0);
	easy_day(2);          /* level 2 the morning after day 2 */
	session_at(4, 3, 6);  /* pain 6: back to 1 on day 4 */
	add_line("2026-11-09T06:00:00Z\tlevel\tprogram=p\tlevel=1"); /* day 7, no change */
	session_log_finish(&log_);
	schedule_level_changes(&log_, &prog, &rules, monday + 8, (int64_t)(monday + 8) * 86400,
			       &p, seen_change, &s);
	ck_assert_int_eq(s.n, 3);
	ck_assert_int_eq(s.level[0], 2);
	ck_assert_int_eq(s.reason[0], LR_ADVANCED);
	ck_assert_int_eq(s.day[0], monday + 3);
	ck_assert_int_eq(s.level[1], 1);
	ck_assert_int_eq(s.reason[1], LR_PAIN);
	ck_assert_int_eq(s.day[1], monday + 4);
	ck_assert_int_eq(s.level[2], 1);
	ck_assert_int_eq(s.reason[2], LR_MANUAL);
	ck_assert_int_eq(s.day[2], monday + 7);
}
END_TEST

START_TEST(never_below_the_first_level)
{
	struct progress p;

	session_at(0, 7, 7);
	p = level_on(1);
	ck_assert_int_eq(p.level, 1);
	/* nowhere to step back to: the line must not say "stepped back from 1" */
	ck_assert_ptr_null(strstr(why(&p), "stepped back"));
	ck_assert_ptr_nonnull(strstr(why(&p), "kept at the first level: pain 7"));
}
END_TEST

START_TEST(level_0_is_below_level_1)
{
	struct progress p;

	prog.protective_level = true;
	session_at(0, 6, 6);
	p = level_on(1);
	ck_assert_int_eq(p.level, 0);
	ck_assert_str_eq(why(&p), "Protective level 0 (stepped back from 1: pain 6 on Mon 2 Nov): 2 more sessions with pain <= 3, settled by the next morning, to reach level 1");
	session_at(2, 6, 6);
	p = level_on(3);
	ck_assert_int_eq(p.level, 0);
	ck_assert_ptr_nonnull(strstr(why(&p), "kept at the protective level: pain 6"));
	easy_day(4);
	easy_day(6);
	ck_assert_int_eq(level_on(7).level, 1); /* left by the normal rule */
}
END_TEST

START_TEST(the_morning_after_above_5_steps_back)
{
	struct progress p;

	/* no baseline yet (no morning at or under 3): the limits alone */
	add_line("2026-11-01T09:00:00Z\tlevel\tprogram=p\tlevel=2");
	session_at(4, 1, 1);
	morning(5, 5);        /* exactly 5: above 3, not settled: repeat */
	p = level_on(5);
	ck_assert_int_eq(p.level, 2);
	ck_assert_int_eq(p.reason, LR_MORNING_REPEAT);
	ck_assert_str_eq(why(&p), "Level 2 of 4: repeating, the morning after was 5 on Sat 7 Nov");
	session_at(6, 1, 1);
	morning(7, 6);        /* 6: step back */
	p = level_on(7);
	ck_assert_int_eq(p.level, 1);
	ck_assert_str_eq(why(&p), "Level 1 of 4 (stepped back from 2: morning pain 6 on Mon 9 Nov): 2 more sessions with pain <= 3, settled by the next morning, to reach level 2");
}
END_TEST

/* The clinical review's runner: easy sessions, but mornings at 6-7 after every one. */
START_TEST(mornings_that_never_settle_never_climb)
{
	add_line("2026-10-31T09:00:00Z\tlevel\tprogram=p\tlevel=2");
	for (int d = 0; d < 18; d += 2) {
		session_at(d, 2, 2);
		morning(d + 1, 6 + d % 4 / 2);
	}
	ck_assert_int_eq(level_on(18).level, 1);
}
END_TEST

START_TEST(baseline_plus_one_repeats_plus_two_steps_back)
{
	struct progress p;

	add_line("2026-10-31T09:00:00Z\tlevel\tprogram=p\tlevel=3");
	for (int d = -5; d < 0; d++)
		morning(d, 0);  /* the runner's usual morning: 0 */
	session_at(0, 1, 1);
	morning(1, 1);      /* baseline + 1: settled enough not to step back, not to count */
	p = level_on(1);
	ck_assert_int_eq(p.level, 3);
	ck_assert_int_eq(p.reason, LR_MORNING_REPEAT);
	ck_assert_str_eq(why(&p), "Level 3 of 4: repeating, the morning after was 1 on Tue 3 Nov (your usual 0)");
	session_at(2, 1, 1);
	morning(3, 2);      /* baseline + 2, though under 3: step back */
	p = level_on(3);
	ck_assert_int_eq(p.level, 2);
	ck_assert_int_eq(p.reason, LR_MORNING);
	ck_assert_str_eq(why(&p), "Level 2 of 4 (stepped back from 3: morning pain 2 on Thu 5 Nov, your usual is 0): 2 more sessions with pain <= 3, settled by the next morning, to reach level 3");
}
END_TEST

START_TEST(the_baseline_is_the_median_of_the_last_settled_mornings)
{
	session_log_finish(&log_);
	ck_assert_int_eq(morning_baseline(&log_, &rules, INT64_MAX), -1);
	morning(0, 3);
	morning(1, 7);  /* not settled: not in the baseline */
	morning(2, 1);
	morning(3, 2);
	session_log_finish(&log_);
	ck_assert_int_eq(morning_baseline(&log_, &rules, INT64_MAX), 2);
	morning(4, 0);  /* 0 1 2 3: the lower median, the stricter */
	session_log_finish(&log_);
	ck_assert_int_eq(morning_baseline(&log_, &rules, INT64_MAX), 1);
	/* before the moment asked for only */
	ck_assert_int_eq(morning_baseline(&log_, &rules, (int64_t)(monday + 2) * 86400), 3);
}
END_TEST

START_TEST(a_quit_at_ten_percent_with_pain_counts)
{
	char t[48];
	struct progress p;

	add_line("2026-11-01T09:00:00Z\tlevel\tprogram=p\tlevel=3");
	stamp(monday, 7, t);
	add_line("%s\tstart\tsession=q\tprogram=p\tlevel=3\tplanned=10", t);
	add_line("%s\tset\tsession=q\texercise=a\tset=1", t);
	add_line("%s\tend\tsession=q\tstatus=quit\tpain-during=7\tpain-after=6", t);
	p = level_on(1);
	ck_assert_int_eq(p.level, 2);
	ck_assert_int_eq(p.reason, LR_PAIN);
	ck_assert_int_eq(p.pain, 7);
}
END_TEST

START_TEST(quit_before_half_counts_for_pain_only)
{
	easy_day(0);
	easy_day(2);                            /* level 2 */
	session_full(4, "p", "quit", 1, 1, 1);  /* 1 of 4 sets, easy: not a step up, not a break */
	morning(5, 0);
	session_full(5, "p", NULL, 1, 0, 0);    /* interrupted, 1 of 4, unrated: counts for nothing */
	easy_day(6);
	ck_assert_int_eq(level_on(7).level, 2);
	easy_day(8);
	ck_assert_int_eq(level_on(9).level, 3);
	session_full(10, "p", "quit", 2, 1, 1); /* half the sets: complete */
	morning(11, 0);
	session_full(12, "p", "quit", 2, 1, 1);
	morning(13, 0);
	ck_assert_int_eq(level_on(13).level, 4);
}
END_TEST

/* Finished is not enough: a session finished with fewer than half its sets done (the
 * rest skipped) never moves up; exactly half does (config counted-percent, 50). */
START_TEST(finished_with_fewer_than_half_done_never_advances)
{
	struct progress p;

	easy_day(0);
	done_of_planned(2, 3, 8); /* one fewer than half */
	p = level_on(3);
	ck_assert_int_eq(p.level, 1);
	ck_assert_int_eq(p.sessions_needed, 1);
	done_of_planned(4, 1, 8);
	ck_assert_int_eq(level_on(5).level, 1);
	done_of_planned(6, 4, 8); /* exactly half */
	ck_assert_int_eq(level_on(7).level, 2);
}
END_TEST

START_TEST(severe_pain_goes_to_the_easiest_level)
{
	struct progress p;

	prog.protective_level = true;
	add_line("2026-11-01T09:00:00Z\tlevel\tprogram=p\tlevel=3");
	session_full(0, "p", "quit", 0, 8, 6); /* exactly 8, no set done */
	p = level_on(1);
	ck_assert_int_eq(p.level, 0);
	ck_assert_int_eq(p.reason, LR_SEVERE);
	ck_assert_str_eq(why(&p), "Protective level 0 (the easiest level: pain 8 on Mon 2 Nov): 2 more sessions with pain <= 3, settled by the next morning, to reach level 1");
	/* a morning of 9 anywhere does the same */
	add_line("2026-11-04T09:00:00Z\tlevel\tprogram=p\tlevel=2");
	morning(3, 9);
	ck_assert_int_eq(level_on(3).level, 0);
	/* 7 is not severe: one level back */
	add_line("2026-11-06T09:00:00Z\tlevel\tprogram=p\tlevel=3");
	session_at(5, 7, 2);
	ck_assert_int_eq(level_on(6).level, 2);
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
		morning(d + 1, 0);
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
	morning(1, 0);
	p = level_on(1);
	ck_assert_int_eq(p.level, 1);
	ck_assert_int_eq(p.sessions_needed, 1);
	easy_day(2);
	ck_assert_int_eq(level_on(3).level, 2);
	session_at(4, 1, 1);
	session_at(4, 4, 6);  /* the worst of the day decides */
	p = level_on(5);
	ck_assert_int_eq(p.level, 1);
	ck_assert_int_eq(p.pain, 6);
}
END_TEST

/* Tokyo, then Los Angeles: the second session is a later instant on an earlier local
 * date. Both count, in the order they happened. */
START_TEST(a_travellers_sessions_count_by_instant)
{
	struct progress p;

	add_line("2026-11-01T09:00:00Z\tlevel\tprogram=p\tlevel=3");
	add_line("2026-11-05T08:00:00+09:00\tstart\tsession=tyo\tprogram=p\tlevel=3\tplanned=4");
	add_line("2026-11-05T08:30:00+09:00\tend\tsession=tyo\tstatus=done\tpain-during=7\tpain-after=5");
	add_line("2026-11-04T16:00:00-08:00\tstart\tsession=lax\tprogram=p\tlevel=2\tplanned=4");
	add_line("2026-11-04T16:30:00-08:00\tend\tsession=lax\tstatus=done\tpain-during=1\tpain-after=1");
	p = level_on(3);
	ck_assert_int_eq(p.level, 2);
	ck_assert_int_eq(p.from_level, 3);
	ck_assert_int_eq(p.pain, 7);
}
END_TEST

START_TEST(future_dated_records_are_ignored)
{
	session_at(5, 9, 9);            /* Sat, after the moment asked about */
	add_line("2026-11-02T09:00:00Z\tlevel\tprogram=p\tlevel=3");
	ck_assert_int_eq(level_on(1).level, 3);
	ck_assert_int_eq(level_on(6).level, 1);
}
END_TEST

START_TEST(other_programs_do_not_count)
{
	session_full(0, "other", "done", 4, 1, 1);
	morning(1, 0);
	session_full(2, "other", "done", 4, 1, 1);
	morning(3, 0);
	ck_assert_int_eq(level_on(3).level, 1);
}
END_TEST

START_TEST(manual_level_counts_from_then_on)
{
	char t[48];
	struct progress p;

	easy_day(0);
	stamp(monday + 1, 9, t);
	add_line("%s\tlevel\tprogram=p\tlevel=3", t);
	p = level_on(1);
	ck_assert_int_eq(p.level, 3);
	ck_assert_str_eq(why(&p), "Level 3 of 4 (set by hand on Tue 3 Nov): 2 more sessions with pain <= 3, settled by the next morning, to reach level 4");
	easy_day(2);
	easy_day(4);
	ck_assert_int_eq(level_on(5).level, 4);
}
END_TEST

/* Layoffs of 13/14, 27/28 and 55/56 days: none, one level, two, back to level 1. */
START_TEST(layoffs_scale_with_the_time_away)
{
	static const struct { int gap, level; } cases[] = {
		{ 13, 4 }, { 14, 3 }, { 27, 3 }, { 28, 2 }, { 55, 2 }, { 56, 1 },
	};
	struct progress p;

	add_line("2026-11-01T09:00:00Z\tlevel\tprogram=p\tlevel=4");
	session_at(0, 1, 1);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		p = level_on(cases[i].gap);
		ck_assert_msg(p.level == cases[i].level, "%d days away: level %d, not %d",
			      cases[i].gap, p.level, cases[i].level);
	}
	p = level_on(56);
	ck_assert_str_eq(why(&p), "Level 1 of 4 (back to the start after 56 days without a session: re-test before building up): 2 more sessions with pain <= 3, settled by the next morning, to reach level 2");
	p = level_on(20);
	ck_assert_str_eq(why(&p), "Level 3 of 4 (stepped back from 4 after 20 days without a session): 2 more sessions with pain <= 3, settled by the next morning, to reach level 4");
}
END_TEST

/* A layoff is not pain: with a protective level 0 it still stops at level 1 (two levels
 * back from 2 at 28 and 35 days, one from 1 at 14), and level 0 stays 0. */
START_TEST(a_layoff_never_reaches_the_protective_level)
{
	struct progress p;

	prog.protective_level = true;
	add_line("2026-11-01T09:00:00Z\tlevel\tprogram=p\tlevel=2");
	session_at(0, 1, 1);
	ck_assert_int_eq(level_on(13).level, 2);
	ck_assert_int_eq(level_on(14).level, 1);
	ck_assert_int_eq(level_on(28).level, 1);
	p = level_on(35);
	ck_assert_int_eq(p.level, 1);
	ck_assert_ptr_null(strstr(why(&p), "Protective"));
	ck_assert_int_eq(level_on(56).level, 1);
	add_line("2026-12-01T09:00:00Z\tlevel\tprogram=p\tlevel=0");
	ck_assert_int_eq(level_on(29 + 28).level, 0);
}
END_TEST

START_TEST(a_level_set_by_hand_restarts_the_layoff_clock)
{
	char t[48];

	session_at(0, 1, 1);
	stamp(monday + 10, 9, t);
	add_line("%s\tlevel\tprogram=p\tlevel=3", t);
	ck_assert_int_eq(level_on(12).level, 3);  /* 12 days after the session, 2 after the level */
	ck_assert_int_eq(level_on(23).level, 3);  /* 13 days after the level */
	ck_assert_int_eq(level_on(24).level, 2);  /* 14 */
}
END_TEST

START_TEST(the_last_level_asks_the_entry_test)
{
	char t[48];
	struct progress p;

	add_line("2026-11-01T09:00:00Z\tlevel\tprogram=p\tlevel=4");
	easy_day(0);
	p = level_on(1);
	ck_assert(!p.ready_for_next);
	ck_assert_str_eq(why(&p), "Level 4 of 4: 1 more session with pain <= 3, settled by the next morning, before the entry test of q");
	session_at(2, 1, 1);
	p = level_on(2);
	ck_assert(!p.ready_for_next); /* not before its morning after */
	ck_assert_str_eq(why(&p), "Level 4 of 4: the entry test next if tomorrow morning's pain is <= 3");
	morning(3, 0);
	p = level_on(3);
	ck_assert(p.ready_for_next);
	ck_assert_str_eq(why(&p), "Level 4 of 4: ready for the entry test of q");
	/* "no": stay, and build up again before asking anew */
	stamp(monday + 3, 9, t);
	add_line("%s\ttest\tprogram=p\tnext=q\tanswer=no", t);
	p = level_on(3);
	ck_assert(!p.ready_for_next);
	ck_assert_int_eq(p.level, 4);
	ck_assert_str_eq(active_program(&log_, "p"), "p");
	/* "yes": the next program from then on */
	add_line("%s\ttest\tprogram=p\tnext=q\tanswer=yes", t);
	session_log_finish(&log_);
	ck_assert_str_eq(active_program(&log_, "p"), "q");
	/* a triage chooses the start of the chain over the config */
	add_line("2026-11-06T09:00:00Z\ttriage\tsore=left\tonset=gradual\tsince=over-a-year\t"
		 "where=insertion\tgives-way=no\tpathway=insertional-achilles\tprogram=ins");
	session_log_finish(&log_);
	ck_assert_str_eq(active_program(&log_, "p"), "ins");
	/* and a triage back to p starts at p: the test passed before it is of another time */
	add_line("2026-11-07T09:00:00Z\ttriage\tsore=left\tonset=gradual\tsince=over-a-year\t"
		 "where=midportion\tgives-way=no\tpathway=midportion-achilles\tprogram=p");
	session_log_finish(&log_);
	ck_assert_str_eq(active_program(&log_, "p"), "p");
}
END_TEST

START_TEST(a_stall_three_weeks_or_three_failed_tests)
{
	char t[48];
	struct progress p;

	add_line("2026-11-02T05:00:00Z\tlevel\tprogram=p\tlevel=2");
	for (int d = 0; d <= 21; d += 7) {
		session_at(d, 4, 4); /* repeating week after week */
		morning(d + 1, 1);
	}
	p = level_on(20);
	ck_assert(!p.stalled);   /* 20 days */
	p = level_on(21);
	ck_assert(p.stalled);
	ck_assert_int_eq(p.sessions_at_level, 4);
	session_log_free(&log_);
	memset(&log_, 0, sizeof(log_));
	add_line("2026-11-01T09:00:00Z\tlevel\tprogram=p\tlevel=4");
	for (int i = 0; i < 3; i++) {
		stamp(monday + i, 9, t);
		add_line("%s\ttest\tprogram=p\tnext=q\tanswer=no", t);
		ck_assert(level_on(i).stalled == (i == 2));
	}
}
END_TEST

START_TEST(one_weekly_rise_holds)
{
	struct progress p;

	add_line("2026-11-01T09:00:00Z\tlevel\tprogram=p\tlevel=3");
	for (int d = -14; d < 0; d++)
		morning(d, d < -7 ? 0 : 1); /* weekly means 0, then 1: one rise */
	session_at(0, 1, 1);
	morning(1, 1);
	easy_day(2);
	p = level_on(3);
	ck_assert_int_eq(p.level, 3);
	ck_assert_int_eq(p.reason, LR_HOLD);
}
END_TEST

START_TEST(mornings_rising_two_weeks_deload)
{
	struct progress p;

	add_line("2026-11-01T09:00:00Z\tlevel\tprogram=p\tlevel=3");
	for (int d = -21; d < 0; d++)
		morning(d, d < -14 ? 1 : d < -7 ? 2 : 3); /* weekly means 1, 2, 3 */
	session_at(0, 1, 1);
	p = level_on(0);
	ck_assert_int_eq(p.level, 2);
	ck_assert_str_eq(why(&p), "Level 2 of 4 (stepped back from 3: morning pain rose two weeks running): 2 more sessions with pain <= 3, settled by the next morning, to reach level 3");
}
END_TEST

START_TEST(a_rise_already_falling_does_not_deload)
{
	add_line("2026-11-01T09:00:00Z\tlevel\tprogram=p\tlevel=3");
	for (int d = -21; d < 0; d++)
		morning(d, d < -14 ? 1 : d < -7 ? 2 : d < -1 ? 3 : 1); /* 1, 2, 3 but now 1 */
	session_at(0, 1, 1);
	ck_assert_int_eq(level_on(0).level, 3);
}
END_TEST

/* A flare stepped back; the week after, the weekly means still show its rise: that
 * rise was answered already. */
START_TEST(a_settled_flare_does_not_deload_twice)
{
	add_line("2026-11-01T09:00:00Z\tlevel\tprogram=p\tlevel=3");
	for (int d = -14; d < 0; d++)
		morning(d, d < -7 ? 1 : 2);
	session_at(0, 7, 7);            /* step back to 2 */
	for (int d = 0; d < 7; d++)
		morning(d, 4);          /* weeks 1, 2, 4 */
	session_at(7, 1, 1);
	ck_assert_int_eq(level_on(7).level, 2);
}
END_TEST

START_TEST(mornings_flat_no_deload)
{
	add_line("2026-11-01T09:00:00Z\tlevel\tprogram=p\tlevel=3");
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
	morning(1, 0);
	p = level_on(1);
	ck_assert_int_eq(p.reason, LR_UNRATED);
	ck_assert_str_eq(why(&p), "Level 1 of 4: repeating, the session on Mon 2 Nov had no pain rating");
}
END_TEST

/* An impact program's limits of 2 apply over the config's 3 and 5; a config stricter
 * than the program stays stricter. */
START_TEST(a_programs_own_limits_the_stricter_wins)
{
	struct progression_rules r, strict = rules;
	struct progress p;

	prog.own_pain_limits = true;
	prog.advance_max_pain = prog.repeat_max_pain = 2;
	program_rules(&prog, &rules, &r);
	ck_assert_int_eq(r.advance_max_pain, 2);
	ck_assert_int_eq(r.repeat_max_pain, 2);
	strict.advance_max_pain = strict.repeat_max_pain = 1;
	program_rules(&prog, &strict, &r);
	ck_assert_int_eq(r.advance_max_pain, 1);
	ck_assert_int_eq(r.repeat_max_pain, 1);
	/* pain 3 in a hop session: above 2, one level back (no repeat band) */
	program_rules(&prog, &rules, &r);
	add_line("2026-11-01T09:00:00Z\tlevel\tprogram=p\tlevel=3");
	session_at(0, 3, 1);
	session_log_finish(&log_);
	schedule_level(&log_, &prog, &r, monday + 1, INT64_MAX, &p);
	ck_assert_int_eq(p.level, 2);
	ck_assert_int_eq(p.reason, LR_PAIN);
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
	ck_assert(p.awaiting_morning); /* counted as easy until its morning says otherwise */
	ck_assert_int_eq(p.sessions_needed, 1);
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

static void flags_on(int day, struct red_flags *rf)
{
	session_log_finish(&log_);
	check_red_flags(&log_, &rules, NULL, monday + day,
			(int64_t)(monday + day) * 86400 + 12 * 3600, NULL, rf);
}

START_TEST(red_flags)
{
	struct red_flags rf;

	session_at(0, 6, 4);
	flags_on(3, &rf);
	ck_assert_int_eq(rf.flag, RF_NONE);
	session_at(3, 4, 6);
	flags_on(3, &rf);
	ck_assert_int_eq(rf.flag, RF_FLARES);
	ck_assert_str_eq(rf.reason, "2 sessions with pain above 5 in 7 days");
	ck_assert(!rf.already_shown);
	flags_on(7, &rf); /* the first flare left the window */
	ck_assert_int_eq(rf.flag, RF_NONE);
	add_line("2026-11-05T13:00:00Z\tadvice\treason=flares");
	flags_on(3, &rf);
	ck_assert(!rf.already_shown); /* the advice is after noon that day: not yet */
	flags_on(4, &rf);
	ck_assert(rf.already_shown);
	morning(4, 8);
	flags_on(4, &rf);
	ck_assert_int_eq(rf.flag, RF_SEVERE);
	ck_assert_str_eq(rf.reason, "a morning pain of 8");
}
END_TEST

/* Every new 8 or worse is shown again, within the week too; an advice dated in the
 * future silences nothing. */
START_TEST(severe_pain_is_never_silenced)
{
	struct red_flags rf;

	session_at(0, 8, 5);
	add_line("2026-11-02T09:00:00Z\tadvice\treason=severe");
	flags_on(1, &rf);
	ck_assert_int_eq(rf.flag, RF_SEVERE);
	ck_assert(rf.already_shown);
	session_at(2, 8, 8);
	flags_on(2, &rf);
	ck_assert_int_eq(rf.flag, RF_SEVERE);
	ck_assert(!rf.already_shown);
	add_line("2026-11-04T09:00:00Z\tadvice\treason=severe");
	morning(3, 9);
	flags_on(3, &rf);
	ck_assert(!rf.already_shown);
	ck_assert_str_eq(rf.reason, "a morning pain of 9");
	add_line("2027-01-01T09:00:00Z\tadvice\treason=severe"); /* future-dated */
	flags_on(3, &rf);
	ck_assert(!rf.already_shown);
}
END_TEST

START_TEST(pain_not_coming_down)
{
	struct red_flags rf;

	session_at(-21, 4, 4);
	session_at(-1, 5, 4);
	flags_on(0, &rf);
	ck_assert_int_eq(rf.flag, RF_NOT_SETTLING);
}
END_TEST

START_TEST(a_stall_is_advised_once)
{
	struct red_flags rf;
	struct progress p;

	add_line("2026-11-02T05:00:00Z\tlevel\tprogram=p\tlevel=2");
	for (int d = 0; d <= 21; d += 7) {
		session_at(d, 2, 2);
		morning(d + 1, 4);
	}
	p = level_on(22);
	check_red_flags(&log_, &rules, NULL, monday + 22, INT64_MAX, &p, &rf);
	ck_assert_int_eq(rf.flag, RF_STALL);
	ck_assert_str_eq(rf.reason, "level 2 since Mon 2 Nov: 4 days with a session (pain 2) and none moved you up");
	add_line("2026-11-24T09:00:00Z\tadvice\treason=stall");
	session_log_finish(&log_);
	check_red_flags(&log_, &rules, NULL, monday + 22, INT64_MAX, &p, &rf);
	ck_assert(rf.already_shown);
}
END_TEST

/* Several programs at once: each one's level comes from its own sessions. A painful
 * session of q, between two easy ones of p, neither holds p back nor counts for q. */
START_TEST(each_program_moves_on_its_own_sessions)
{
	struct program q;
	struct progress pp, pq;
	char err[512] = "";
	int64_t now = (int64_t)(monday + 4) * 86400 + 12 * 3600;

	ck_assert_msg(program_parse(&q, "q", "q.conf",
				    "levels = 4\nexercise a {\n  sets = 4\n  reps = 5\n}\n",
				    err, sizeof(err)), "%s", err);
	session_at(0, 2, 1);
	morning(1, 1);
	session_full(1, "q", "done", 4, 7, 6);
	session_at(2, 2, 1);
	morning(3, 1);
	session_log_finish(&log_);
	schedule_level(&log_, &prog, &rules, monday + 4, now, &pp);
	schedule_level(&log_, &q, &rules, monday + 4, now, &pq);
	ck_assert_int_eq(pp.level, 2);
	ck_assert_int_eq(pp.reason, LR_ADVANCED);
	ck_assert_int_eq(pq.level, 1);
	ck_assert_int_eq(pq.reason, LR_PAIN);
	ck_assert_int_eq(pq.sessions_at_level, 1);
	/* q's two easy sessions move q alone */
	session_full(4, "q", "done", 4, 1, 1);
	morning(5, 1);
	session_full(6, "q", "done", 4, 1, 1);
	morning(7, 1);
	session_log_finish(&log_);
	now = (int64_t)(monday + 8) * 86400 + 12 * 3600;
	schedule_level(&log_, &prog, &rules, monday + 8, now, &pp);
	schedule_level(&log_, &q, &rules, monday + 8, now, &pq);
	ck_assert_int_eq(pp.level, 2);
	ck_assert_int_eq(pq.level, 2);
	program_free(&q);
}
END_TEST

/* ---- walk/run (running.md, "The walk/run return") ---- */

/* A walk/run program, its rules as program_rules makes them: pain limits 2 and 2, each
 * level at least twice, even when the config says once and 3/10. */
static void setup_walk_run(void)
{
	struct user_config cfg;
	struct progression_rules base;
	char err[512] = "";

	ck_assert_msg(program_parse(&prog, "p", "p.conf",
				    "levels = 6\nexercise a {\n  intervals = \"walk 1:00, run 1:00\"\n"
				    "  repeat = 3\n}\n", err, sizeof(err)), "%s", err);
	config_defaults(&cfg);
	base = cfg.rules;
	base.advance_sessions = 1;
	program_rules(&prog, &base, &rules);
	config_free(&cfg);
	memset(&log_, 0, sizeof(log_));
	ck_assert(date_parse("2026-11-02", &monday));
}

START_TEST(walk_run_rules_from_running_md)
{
	ck_assert(program_is_walk_run(&prog));
	ck_assert_int_eq(rules.advance_sessions, RUN_LEVEL_SESSIONS);
	ck_assert_int_eq(rules.advance_max_pain, RUN_PAIN_MAX);
	ck_assert_int_eq(rules.repeat_max_pain, RUN_PAIN_MAX);
}
END_TEST

/* Each level at least twice, a day between: Mon and Wed, settled, move up Thursday. */
START_TEST(walk_run_two_sessions_a_day_apart_move_up)
{
	struct progress p;

	easy_day(0);
	p = level_on(1);
	ck_assert_int_eq(p.level, 1);
	easy_day(2);
	p = level_on(3);
	ck_assert_int_eq(p.level, 2);
}
END_TEST

/* Never on consecutive days: the session the day after does not count (the edge: one
 * day apart is back to back, two days apart is not). */
START_TEST(walk_run_back_to_back_days_do_not_count)
{
	struct progress p;

	ck_assert(walk_run_back_to_back(10, 11));
	ck_assert(!walk_run_back_to_back(10, 12));
	ck_assert(!walk_run_back_to_back(-1, 0));
	easy_day(0);
	easy_day(1);
	p = level_on(2);
	ck_assert_int_eq(p.level, 1);
	ck_assert_int_eq(p.reason, LR_BACK_TO_BACK);
	ck_assert_str_eq(why(&p), "Level 1 of 6: repeating, Tue 3 Nov was the day after a run; leave a day between");
	easy_day(3);
	easy_day(5);
	p = level_on(6);
	ck_assert_int_eq(p.level, 2);
}
END_TEST

/* The start screen says it: the day after a session of the program (it will not count),
 * or the day of or after a free run; two days after, or after a walk/run session's own
 * run record, nothing; a program without intervals, nothing. */
START_TEST(walk_run_rest_note_the_day_after)
{
	char buf[200], at[64];
	int64_t noon = (int64_t)monday * 86400 + 12 * 3600, day = 86400;

	easy_day(0);
	session_log_finish(&log_);
	ck_assert(!walk_run_rest_note(&log_, &prog, monday, noon, buf, sizeof(buf)));
	ck_assert(walk_run_rest_note(&log_, &prog, monday + 1, noon + day, buf, sizeof(buf)));
	ck_assert_str_eq(buf, "Walk/run never two days in a row (running.md): you walked and ran "
			 "yesterday; this session will not count toward the next level.");
	ck_assert(!walk_run_rest_note(&log_, &prog, monday + 2, noon + 2 * day, buf, sizeof(buf)));
	stamp(monday + 2, 8, at);
	add_line("%s\trun\tmetres=5000", at);
	stamp(monday + 5, 8, at);
	add_line("%s\trun\tmetres=900\tsecs=900\tsession=x", at); /* a walk/run's own */
	session_log_finish(&log_);
	ck_assert(!walk_run_rest_note(&log_, &prog, monday + 2, noon - 6 * 3600 + 2 * day, buf,
				      sizeof(buf))); /* 06:00, before the run */
	ck_assert(walk_run_rest_note(&log_, &prog, monday + 2, noon + 2 * day, buf, sizeof(buf)));
	ck_assert_str_eq(buf, "Walk/run never two days in a row (running.md): you ran today; a "
			 "rest day comes first.");
	ck_assert(walk_run_rest_note(&log_, &prog, monday + 3, noon + 3 * day, buf, sizeof(buf)));
	ck_assert_ptr_nonnull(strstr(buf, "you ran yesterday;"));
	ck_assert(!walk_run_rest_note(&log_, &prog, monday + 4, noon + 4 * day, buf, sizeof(buf)));
	ck_assert(!walk_run_rest_note(&log_, &prog, monday + 6, noon + 6 * day, buf, sizeof(buf)));
	program_free(&prog);
	ck_assert(program_parse(&prog, "p", "p.conf", "exercise a {\n  reps = 5\n}\n", buf,
				sizeof(buf)));
	ck_assert(!walk_run_rest_note(&log_, &prog, monday + 1, noon + day, buf, sizeof(buf)));
}
END_TEST

/* At most two levels in seven days: the third step up waits until the older of the
 * two before it is 7 days back (days 0 and 3: held on 6, allowed on 7). */
START_TEST(walk_run_at_most_two_levels_in_seven_days)
{
	day_t adv[RUN_LEVELS_PER_WEEK] = { -100000, -100000 };
	struct progress p;

	walk_run_advanced(adv, 0);
	ck_assert(!walk_run_week_full(adv, 3));
	walk_run_advanced(adv, 3);
	ck_assert(walk_run_week_full(adv, 6));
	ck_assert(!walk_run_week_full(adv, 7));
	/* every other day, each settled: a level every 4 days, never 3 in a week */
	for (int d = 0; d <= 14; d += 2)
		easy_day(d);
	p = level_on(15);
	ck_assert_int_eq(p.level, 5); /* up on days 3, 7, 11, 15 */
}
END_TEST

/* Pain during above 2/10 (it built while running) drops a level; 2 does not. */
START_TEST(walk_run_pain_during_2_stays_3_drops)
{
	struct progress p;

	easy_day(0);
	easy_day(2);
	ck_assert_int_eq(level_on(3).level, 2);
	session_at(4, 2, 0);
	morning(5, 0);
	p = level_on(5);
	ck_assert_int_eq(p.level, 2);
	session_at(6, 3, 0);
	p = level_on(6);
	ck_assert_int_eq(p.level, 1);
	ck_assert_int_eq(p.reason, LR_PAIN);
}
END_TEST

/* The morning after: 2 and settled (no higher than usual) stays; 3, or above the
 * runner's usual, did not settle: a level down. */
/* On a walk/run (or hop) program a run above 2 is above its repeat limit: a level down,
 * as its own session's would be; 8, the easiest level. A run the session left is the
 * session's: not counted twice. */
START_TEST(walk_run_a_run_above_2_steps_back)
{
	struct progress p;

	ck_assert_int_eq(run_pain_effect(&prog, &rules, 2), RUN_PAIN_NONE);
	ck_assert_int_eq(run_pain_effect(&prog, &rules, 3), RUN_PAIN_STEP_BACK);
	ck_assert_int_eq(run_pain_effect(&prog, &rules, 7), RUN_PAIN_STEP_BACK);
	ck_assert_int_eq(run_pain_effect(&prog, &rules, 8), RUN_PAIN_SEVERE);
	easy_day(0);
	easy_day(2);
	run_pain(3, 2);
	ck_assert_int_eq(level_on(4).level, 2);
	add_line("2026-11-06T09:00:00Z\trun\tsecs=1200\tpain-during=5\tsession=s1");
	ck_assert_int_eq(level_on(4).level, 2);
	run_pain(4, 3);
	p = level_on(5);
	ck_assert_int_eq(p.level, 1);
	ck_assert_int_eq(p.reason, LR_RUN_PAIN);
	ck_assert_str_eq(why(&p), "Level 1 of 6 (stepped back from 2: pain 3 on a run on Fri 6 Nov): 2 more sessions with pain <= 2, settled by the next morning, to reach level 2");
	run_pain(5, 8);
	ck_assert_int_eq(level_on(6).reason, LR_SEVERE);
}
END_TEST

START_TEST(walk_run_unsettled_morning_drops)
{
	struct progress p;

	ck_assert(!walk_run_morning_unsettled(2, -1));
	ck_assert(walk_run_morning_unsettled(3, -1));
	ck_assert(!walk_run_morning_unsettled(1, 1));
	ck_assert(walk_run_morning_unsettled(2, 1));
	easy_day(0);
	easy_day(2);
	ck_assert_int_eq(level_on(3).level, 2);
	session_at(4, 1, 1);
	morning(5, 3);
	p = level_on(5);
	ck_assert_int_eq(p.level, 1);
	ck_assert_int_eq(p.reason, LR_MORNING);
}
END_TEST

START_TEST(walk_run_morning_2_settled_stays)
{
	struct progress p;

	session_at(0, 1, 1);
	morning(1, 2); /* no usual morning yet: 2 is settled */
	p = level_on(1);
	ck_assert_int_eq(p.level, 1);
	ck_assert_int_ne(p.reason, LR_MORNING);
	/* with a usual of 0 (five mornings at 0), a 1 has not settled */
	for (int d = 3; d <= 7; d++)
		morning(d, 0);
	easy_day(8);
	easy_day(10);
	ck_assert_int_eq(level_on(11).level, 2);
	session_at(12, 1, 1);
	morning(13, 1);
	p = level_on(13);
	ck_assert_int_eq(p.level, 1);
	ck_assert_int_eq(p.reason, LR_MORNING);
}
END_TEST

/* The same for walk/run: a session skipped through (1 of 8 intervals) does not count
 * towards the two a level needs; half of them does. */
START_TEST(walk_run_skipped_through_does_not_count)
{
	struct progress p;

	easy_day(0);
	done_of_planned(2, 1, 8);
	p = level_on(3);
	ck_assert_int_eq(p.level, 1);
	ck_assert_str_eq(why(&p), "Level 1 of 6: 1 more session with pain <= 2, settled by the next morning, to reach level 2");
	done_of_planned(4, 3, 8); /* one fewer than half */
	ck_assert_int_eq(level_on(5).level, 1);
	done_of_planned(6, 4, 8); /* exactly half */
	ck_assert_int_eq(level_on(7).level, 2);
}
END_TEST

/* Program "a", as the catalog would load it: the config's limits (repeat 5). */
static bool load_a(void *ctx, const char *name, struct program *out)
{
	char err[512] = "";

	(void)ctx;
	return strcmp(name, "a") == 0 &&
	       program_parse(out, "a", "a.conf", "exercise a {\n  reps = 5\n}\n", err, sizeof(err));
}

/* Flares are counted by each session's own program's limit: two sessions of another
 * program at pain 3 (its limit 5) are no flare beside a walk/run (limit 2); at 6 they are. */
START_TEST(walk_run_flares_use_each_programs_own_limit)
{
	struct user_config cfg;
	struct flag_lookup find = { &prog, NULL, load_a, NULL };
	struct red_flags rf;
	int64_t noon = (int64_t)(monday + 3) * 86400 + 12 * 3600;

	config_defaults(&cfg);
	find.base = &cfg.rules;
	session_full(0, "a", "done", 4, 3, 3);
	session_full(2, "a", "done", 4, 3, 3);
	session_log_finish(&log_);
	check_red_flags(&log_, &rules, &find, monday + 3, noon, NULL, &rf);
	ck_assert_int_eq(rf.flag, RF_NONE);
	session_full(3, "a", "done", 4, 6, 4);
	session_full(3, "p", "quit", 1, 3, 3); /* the walk/run's own: above its 2 */
	session_log_finish(&log_);
	check_red_flags(&log_, &rules, &find, monday + 3, noon, NULL, &rf);
	ck_assert_int_eq(rf.flag, RF_FLARES);
	ck_assert_str_eq(rf.reason, "2 sessions with pain above their programs' limits in 7 days");
	config_free(&cfg);
}
END_TEST

Suite *scheduler_suite(void)
{
	Suite *s = suite_create("scheduler");
	TCase *tc = tcase_create("rules");
	TCase *wr = tcase_create("walk-run");

	tcase_add_checked_fixture(wr, setup_walk_run, teardown);
	tcase_add_test(wr, walk_run_rules_from_running_md);
	tcase_add_test(wr, walk_run_two_sessions_a_day_apart_move_up);
	tcase_add_test(wr, walk_run_back_to_back_days_do_not_count);
	tcase_add_test(wr, walk_run_rest_note_the_day_after);
	tcase_add_test(wr, walk_run_at_most_two_levels_in_seven_days);
	tcase_add_test(wr, walk_run_pain_during_2_stays_3_drops);
	tcase_add_test(wr, walk_run_unsettled_morning_drops);
	tcase_add_test(wr, walk_run_a_run_above_2_steps_back);
	tcase_add_test(wr, walk_run_morning_2_settled_stays);
	tcase_add_test(wr, walk_run_skipped_through_does_not_count);
	tcase_add_test(wr, walk_run_flares_use_each_programs_own_limit);
	suite_add_tcase(s, wr);

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, starts_at_level_1);
	tcase_add_test(tc, two_easy_sessions_and_settled_mornings_advance);
	tcase_add_test(tc, a_missing_morning_never_advances);
	tcase_add_test(tc, the_morning_48_to_72_hours_after_counts);
	tcase_add_test(tc, a_morning_past_72_hours_is_not_the_morning_after);
	tcase_add_test(tc, pain_5_repeats_and_resets_the_count);
	tcase_add_test(tc, pain_above_5_steps_back);
	tcase_add_test(tc, each_change_reaches_the_hook);
	tcase_add_test(tc, never_below_the_first_level);
	tcase_add_test(tc, level_0_is_below_level_1);
	tcase_add_test(tc, the_morning_after_above_5_steps_back);
	tcase_add_test(tc, mornings_that_never_settle_never_climb);
	tcase_add_test(tc, baseline_plus_one_repeats_plus_two_steps_back);
	tcase_add_test(tc, the_baseline_is_the_median_of_the_last_settled_mornings);
	tcase_add_test(tc, a_quit_at_ten_percent_with_pain_counts);
	tcase_add_test(tc, quit_before_half_counts_for_pain_only);
	tcase_add_test(tc, finished_with_fewer_than_half_done_never_advances);
	tcase_add_test(tc, severe_pain_goes_to_the_easiest_level);
	tcase_add_test(tc, a_runs_pain_at_2_3_7_8);
	tcase_add_test(tc, a_painful_run_restarts_the_count_until_a_settled_morning);
	tcase_add_test(tc, a_run_at_7_holds_at_8_goes_to_the_easiest_level);
	tcase_add_test(tc, no_set_done_is_never_easy);
	tcase_add_test(tc, two_sessions_one_day_count_once);
	tcase_add_test(tc, a_travellers_sessions_count_by_instant);
	tcase_add_test(tc, future_dated_records_are_ignored);
	tcase_add_test(tc, other_programs_do_not_count);
	tcase_add_test(tc, manual_level_counts_from_then_on);
	tcase_add_test(tc, layoffs_scale_with_the_time_away);
	tcase_add_test(tc, a_layoff_never_reaches_the_protective_level);
	tcase_add_test(tc, a_level_set_by_hand_restarts_the_layoff_clock);
	tcase_add_test(tc, the_last_level_asks_the_entry_test);
	tcase_add_test(tc, a_stall_three_weeks_or_three_failed_tests);
	tcase_add_test(tc, one_weekly_rise_holds);
	tcase_add_test(tc, mornings_rising_two_weeks_deload);
	tcase_add_test(tc, a_rise_already_falling_does_not_deload);
	tcase_add_test(tc, a_settled_flare_does_not_deload_twice);
	tcase_add_test(tc, mornings_flat_no_deload);
	tcase_add_test(tc, unrated_session_repeats);
	tcase_add_test(tc, a_programs_own_limits_the_stricter_wins);
	tcase_add_test(tc, forecast_reaches_the_last_level);
	tcase_add_test(tc, forecast_range_from_today);
	tcase_add_test(tc, forecast_range_after_todays_session);
	tcase_add_test(tc, forecast_range_without_training_days);
	tcase_add_test(tc, forecast_reaches_a_top_level_years_away);
	tcase_add_test(tc, red_flags);
	tcase_add_test(tc, severe_pain_is_never_silenced);
	tcase_add_test(tc, pain_not_coming_down);
	tcase_add_test(tc, a_stall_is_advised_once);
	tcase_add_test(tc, each_program_moves_on_its_own_sessions);
	suite_add_tcase(s, tc);
	return s;
}
