/* Runs: distances and times as runners write them, and the cap at its edges. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "runs.h"
#include "unit.h"

START_TEST(distances_as_runners_write_them)
{
	long m;

	ck_assert(parse_distance("8.2km", UNITS_KM, &m) && m == 8200);
	ck_assert(parse_distance("5mi", UNITS_KM, &m) && m == 8047);
	ck_assert(parse_distance("800m", UNITS_MI, &m) && m == 800);
	ck_assert(parse_distance("10", UNITS_KM, &m) && m == 10000);
	ck_assert(parse_distance("3", UNITS_MI, &m) && m == 4828);
	ck_assert(parse_distance("1000km", UNITS_KM, &m) && m == 1000000);
	ck_assert(!parse_distance("1000.001km", UNITS_KM, &m));
	ck_assert(!parse_distance("0", UNITS_KM, &m));
	ck_assert(!parse_distance("-5km", UNITS_KM, &m));
	ck_assert(!parse_distance("5 km", UNITS_KM, &m));
	ck_assert(!parse_distance("5k", UNITS_KM, &m));
	ck_assert(!parse_distance("ten", UNITS_KM, &m));
	ck_assert(!parse_distance("", UNITS_KM, &m));
	ck_assert(!parse_distance("nan", UNITS_KM, &m));
	ck_assert(!parse_distance("1e9km", UNITS_KM, &m));
}
END_TEST

START_TEST(durations_as_runners_write_them)
{
	long s;

	ck_assert(parse_duration("45:10", &s) && s == 2710);
	ck_assert(parse_duration("1:02:30", &s) && s == 3750);
	ck_assert(parse_duration("45m", &s) && s == 2700);
	ck_assert(parse_duration("1h5m", &s) && s == 3900);
	ck_assert(parse_duration("90s", &s) && s == 90);
	ck_assert(!parse_duration("45:60", &s));
	ck_assert(!parse_duration("1:2:3", &s));
	ck_assert(!parse_duration("5m1h", &s));
	ck_assert(!parse_duration("45", &s));
	ck_assert(!parse_duration("0:00", &s));
	ck_assert(!parse_duration("241h", &s));
	ck_assert(!parse_duration("", &s));
	ck_assert(!parse_duration("1:00:00:00", &s)); /* a fourth part is refused, not cut */
	ck_assert(!parse_duration("10:20:30:40:50", &s));
	ck_assert(!parse_duration("45:", &s));
	ck_assert(run_plausible(1000, 120));  /* 2:00 a kilometre: the fastest taken */
	ck_assert(!run_plausible(1000, 119));
	ck_assert(!run_plausible(100000, 300));
	ck_assert(run_plausible(5000, -1));   /* no time: nothing to check */
}
END_TEST

static struct session_log log_;

static void run_on(const char *date, long metres, int pain)
{
	char line[200];
	struct hist_record rec;

	if (pain >= 0)
		snprintf(line, sizeof(line), "%sT08:00:00Z\trun\tmetres=%ld\tpain-during=%d", date, metres, pain);
	else
		snprintf(line, sizeof(line), "%sT08:00:00Z\trun\tmetres=%ld", date, metres);
	ck_assert(history_parse_line(line, strlen(line), &rec));
	session_log_add(&log_, &rec);
	session_log_finish(&log_);
}

static struct run_cap cap_on(const char *date)
{
	struct run_cap c;
	day_t d;

	ck_assert(date_parse(date, &d));
	run_cap(&log_, d, (int64_t)d * 86400 + 12 * 3600, &c);
	return c;
}

/* 110% of the longest run of the 30 days before; the 31st day is out; a run that hurt
 * raises nothing; a run in the future counts for nothing yet. */
START_TEST(the_cap_at_its_edges)
{
	memset(&log_, 0, sizeof(log_));
	ck_assert_int_eq(cap_on("2026-11-21").metres, -1);
	run_on("2026-10-22", 10000, -1);
	ck_assert_int_eq(cap_on("2026-11-21").metres, 11000); /* 30 days before: in */
	ck_assert_int_eq(cap_on("2026-11-22").metres, -1);    /* 31: out */
	run_on("2026-11-20", 8000, 2);                       /* pain exactly 2 counts */
	ck_assert_int_eq(cap_on("2026-11-22").metres, 8800);
	run_on("2026-11-21", 12000, 3);                      /* 3: held */
	ck_assert_int_eq(cap_on("2026-11-22").metres, 8800);
	ck_assert(cap_on("2026-11-22").held);
	run_on("2026-11-25", 20000, -1);                     /* after now */
	ck_assert_int_eq(cap_on("2026-11-22").metres, 8800);
	session_log_free(&log_);
}
END_TEST

/* A run counts up to the cap in force when it was run: runs over the cap raise it by
 * RUN_CAP_PERCENT a run at most, not to 110% of themselves. */
START_TEST(runs_over_the_cap_do_not_raise_it)
{
	struct run_cap c;

	memset(&log_, 0, sizeof(log_));
	run_on("2026-11-01", 20000, -1);           /* no cap yet: counts in full */
	ck_assert_int_eq(cap_on("2026-11-02").metres, 22000);
	session_log_free(&log_);

	memset(&log_, 0, sizeof(log_));
	run_on("2026-11-01", 8000, -1);            /* cap 8.8 km */
	run_on("2026-11-03", 20000, -1);           /* over: counts as 8.8 */
	c = cap_on("2026-11-04");
	ck_assert_int_eq(c.metres, 9680);
	ck_assert_int_eq(c.longest, 8800);
	ck_assert_int_eq(c.longest_ran, 20000);
	run_on("2026-11-05", 30000, -1);           /* over again: counts as 9.68 */
	ck_assert_int_eq(cap_on("2026-11-06").metres, 10648);
	/* the 8 km run leaves the window, the capped ones stay capped */
	ck_assert_int_eq(cap_on("2026-12-01").metres, 10648);
	ck_assert_int_eq(cap_on("2026-12-04").metres, 10648);  /* 2026-11-05 is 29 days before */
	ck_assert_int_eq(cap_on("2026-12-05").metres, 10648);  /* 30: still in */
	ck_assert_int_eq(cap_on("2026-12-06").metres, -1);     /* 31: out, no cap */
	session_log_free(&log_);

	memset(&log_, 0, sizeof(log_));
	run_on("2026-11-01", 10000, -1);           /* cap 11.0 */
	run_on("2026-11-02", 11000, -1);           /* exactly the cap: counts in full */
	ck_assert_int_eq(cap_on("2026-11-03").metres, 12100);
	run_on("2026-11-03", 12101, -1);           /* a metre over: counts as 12.1 */
	ck_assert_int_eq(cap_on("2026-11-04").metres, 13310);
	ck_assert_int_eq(cap_on("2026-11-04").longest_ran, 12101);
	session_log_free(&log_);

	/* a run whose window holds no earlier run starts afresh: 31 days after the last */
	memset(&log_, 0, sizeof(log_));
	run_on("2026-10-01", 5000, -1);
	run_on("2026-10-31", 9000, -1);            /* 30 days after: over the 5.5 km cap */
	ck_assert_int_eq(cap_on("2026-11-01").metres, 6050);
	run_on("2026-12-02", 9000, -1);            /* 32 days after: no cap, counts in full */
	ck_assert_int_eq(cap_on("2026-12-03").metres, 9900);
	/* a run that hurt counts for nothing and sets no cap for the next */
	run_on("2026-12-04", 30000, 5);
	run_on("2026-12-05", 12000, -1);
	ck_assert_int_eq(cap_on("2026-12-06").metres, 10890);
	session_log_free(&log_);
}
END_TEST

static void walk_run_on(const char *date, long metres, int pain)
{
	char line[200];
	struct hist_record rec;

	snprintf(line, sizeof(line), "%sT08:00:00Z\trun\tmetres=%ld\tsecs=900\tpain-during=%d"
		 "\tsession=s1", date, metres, pain);
	ck_assert(history_parse_line(line, strlen(line), &rec));
	session_log_add(&log_, &rec);
	session_log_finish(&log_);
}

/* A walk/run session's record (it has a session) is paced by its ladder: it is no
 * longest run of the cap, neither a 51 m one cut short that would shrink it, nor a long
 * one that would raise it; a free run over it is not over anything. Its pain still holds. */
START_TEST(walk_run_records_are_not_the_longest_run)
{
	memset(&log_, 0, sizeof(log_));
	walk_run_on("2026-11-01", 51, 0);
	ck_assert_int_eq(cap_on("2026-11-02").metres, -1);   /* alone: no cap */
	run_on("2026-11-03", 3000, -1);                      /* not 5257% over 51 m */
	ck_assert_int_eq(log_.runs[1].counted, 3000);
	ck_assert_int_eq(cap_on("2026-11-04").metres, 3300);
	walk_run_on("2026-11-05", 4800, 1);                  /* longer: raises nothing */
	ck_assert_int_eq(cap_on("2026-11-06").metres, 3300);
	ck_assert_int_eq(cap_on("2026-11-06").longest_ran, 3000);
	walk_run_on("2026-11-07", 2000, 3);                  /* one that hurt holds the cap */
	ck_assert(cap_on("2026-11-08").held);
	session_log_free(&log_);
}
END_TEST

/* The record --run and the coach's form both write: what the reader takes back. */
START_TEST(a_run_record_reads_back)
{
	struct run_entry e = { 8200, 2710, 2, "Pegasus 40", SURFACE_TRAIL, NULL };
	struct strbuf line;
	struct hist_record rec;
	struct run_cap before = { .metres = 11000, .longest = 10000 };
	char warn[300];

	sb_init(&line);
	runs_record_line(&line, (time_t)1795435200, &e); /* 2026-11-22T10:00:00Z */
	ck_assert(strstr(line.buf, "\trun\tmetres=8200\tsecs=2710\tpain-during=2\tshoes=Pegasus 40"
				   "\tsurface=trail\n"));
	line.buf[--line.len] = '\0';
	ck_assert(history_parse_line(line.buf, line.len, &rec));
	e = (struct run_entry){ 5000, 0, -1, "", -1, "" };
	runs_record_line(&line, (time_t)1795435200, &e);
	ck_assert(strstr(line.buf, "\trun\tmetres=5000\n"));
	sb_free(&line);
	/* the cap's edge: at it is within, a metre over is over */
	ck_assert(!run_over_cap(&before, 11000, UNITS_KM, warn, sizeof(warn)) && !warn[0]);
	ck_assert(run_over_cap(&before, 11001, UNITS_KM, warn, sizeof(warn))); /* a metre over */
	ck_assert(run_over_cap(&before, 12100, UNITS_KM, warn, sizeof(warn)));
	/* the cap given, so the percentage cannot be read as the run's share of it */
	ck_assert_str_eq(warn, "12.1 km against a cap of 11.0 km (10% over it): a run over 110% of the "
			       "longest of the last 30 days raised injury rates 1.64 times (Frandsen "
			       "2025). It counts as 11.0 km: it does not raise the cap beyond 12.1 km.");
	before.metres = -1;
	ck_assert(!run_over_cap(&before, 50000, UNITS_KM, warn, sizeof(warn)));
}
END_TEST

Suite *runs_suite(void)
{
	Suite *s = suite_create("runs");
	TCase *tc = tcase_create("runs");

	tcase_add_test(tc, distances_as_runners_write_them);
	tcase_add_test(tc, durations_as_runners_write_them);
	tcase_add_test(tc, the_cap_at_its_edges);
	tcase_add_test(tc, runs_over_the_cap_do_not_raise_it);
	tcase_add_test(tc, walk_run_records_are_not_the_longest_run);
	tcase_add_test(tc, a_run_record_reads_back);
	suite_add_tcase(s, tc);
	return s;
}
