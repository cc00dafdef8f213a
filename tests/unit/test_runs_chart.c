/* The runs screen's numbers and its form, with made-up dates. */
#include <stdio.h>
#include <string.h>

#include "runs_chart.h"
#include "unit.h"
#include "util.h"

static struct session_log log_;

static void line(const char *text)
{
	struct hist_record rec;
	char buf[200];

	copy_str(buf, sizeof(buf), text);
	ck_assert(history_parse_line(buf, strlen(buf), &rec));
	session_log_add(&log_, &rec);
	session_log_finish(&log_);
}

static void chart_on(const char *date, int week_start, enum units units, struct runs_chart *c)
{
	struct runs_request req = { &log_, 0, 0, week_start, units, SHOE_LIMIT_METRES };

	ck_assert(date_parse(date, &req.today));
	req.now = (int64_t)req.today * 86400 + 12 * 3600;
	runs_chart(&req, c);
}

/* Eight weeks to this one, by the config's week start; the scale rounds the most of a
 * week or the cap up; the change is this week against the last. */
START_TEST(eight_weeks_of_distance)
{
	struct runs_chart c;

	memset(&log_, 0, sizeof(log_));
	line("2026-10-04T08:00:00Z\trun\tmetres=30000");  /* the day before the first week */
	line("2026-10-05T08:00:00Z\trun\tmetres=4000");   /* its first day */
	line("2026-11-21T08:00:00Z\trun\tmetres=6000");
	line("2026-11-22T08:00:00Z\trun\tmetres=4000");
	line("2026-11-23T08:00:00Z\trun\tmetres=5000");
	line("2026-11-23T18:00:00Z\trun\tmetres=9000");   /* after now: not yet */
	chart_on("2026-11-23", 0, UNITS_KM, &c);          /* a Monday; weeks from Monday */
	ck_assert_int_eq(c.week[0].from, c.week[7].from - 49);
	ck_assert_int_eq(c.week[0].metres, 4000);
	ck_assert_int_eq(c.week[6].metres, 10000);
	ck_assert_int_eq(c.week[6].runs, 2);
	ck_assert_int_eq(c.week[7].metres, 5000);
	ck_assert_int_eq(c.cap.metres, 6600);             /* 110% of 6 km (30 km is 50 days back) */
	ck_assert_int_eq(c.scale, 10000);                 /* 10 km: the most, 10 km, exactly */
	ck_assert(c.has_change);
	ck_assert_int_eq(c.change, -50);
	chart_on("2026-11-23", 6, UNITS_KM, &c);          /* weeks from Sunday */
	ck_assert_int_eq(c.week[7].metres, 9000);         /* Sun 22 and Mon 23 */
	ck_assert_int_eq(c.week[6].metres, 6000);
	ck_assert_int_eq(c.change, 50);
	ck_assert_int_eq(c.week[0].metres, 34000);        /* from Sun 4 Oct: both runs */
	chart_on("2026-11-23", 0, UNITS_MI, &c);          /* 10 km = 6.2 mi: to 10 mi */
	ck_assert_int_eq(c.scale, 16093);
	chart_on("2026-12-14", 0, UNITS_KM, &c);          /* three weeks on: last week empty */
	ck_assert(!c.has_change);
	session_log_free(&log_);
	memset(&log_, 0, sizeof(log_));
	chart_on("2026-11-23", 0, UNITS_KM, &c);          /* no runs: a scale all the same */
	ck_assert_int_eq(c.scale, 1000);
	ck_assert_int_eq(c.cap.metres, -1);
}
END_TEST

START_TEST(bars_and_weeks_fit_the_screen)
{
	struct runs_chart c = { .scale = 20000 };

	ck_assert_int_eq(chart_eighths(&c, 10000, 10), 40);
	ck_assert_int_eq(chart_eighths(&c, 1, 10), 1);     /* a run shows */
	ck_assert_int_eq(chart_eighths(&c, 0, 10), 0);
	ck_assert_int_eq(chart_eighths(&c, 30000, 10), 80); /* never past the width */
	ck_assert_int_eq(chart_eighths(&c, 10000, 0), 0);
	ck_assert_int_eq(chart_weeks_shown(20), RUNS_WEEKS);
	ck_assert_int_eq(chart_weeks_shown(11), RUNS_WEEKS);
	ck_assert_int_eq(chart_weeks_shown(10), 7);
	ck_assert_int_eq(chart_weeks_shown(4), 2);
	ck_assert_int_eq(chart_weeks_shown(1), 2);
}
END_TEST

/* The pain during each run and the first morning after it, within 72 hours, on a later
 * day; latest first. */
START_TEST(the_pain_after_each_run)
{
	struct run_pain p[4];
	day_t from;

	memset(&log_, 0, sizeof(log_));
	line("2026-11-16T08:00:00Z\trun\tmetres=5000\tpain-during=1");
	line("2026-11-16T20:00:00Z\tmorning\tpain=4");   /* the same day: not its morning */
	line("2026-11-17T07:00:00Z\tmorning\tpain=2");
	line("2026-11-18T07:00:00Z\tmorning\tpain=3");
	line("2026-11-19T08:00:00Z\trun\tmetres=8000\tpain-during=3");
	line("2026-11-23T07:00:00Z\tmorning\tpain=1");   /* 95 hours on: too late */
	line("2026-11-23T08:00:00Z\trun\tmetres=6000");
	ck_assert(date_parse("2026-11-16", &from));
	ck_assert_uint_eq(runs_pains(&log_, from, (int64_t)(from + 7) * 86400 + 12 * 3600, p, 4), 3);
	ck_assert_int_eq(p[0].metres, 6000);
	ck_assert_int_eq(p[0].pain, -1);
	ck_assert_int_eq(p[0].morning, -1);
	ck_assert_int_eq(p[1].pain, 3);
	ck_assert_int_eq(p[1].morning, -1);
	ck_assert_int_eq(p[2].pain, 1);
	ck_assert_int_eq(p[2].morning, 2);
	ck_assert_uint_eq(runs_pains(&log_, from + 1, (int64_t)(from + 7) * 86400 + 12 * 3600, p, 4), 2);
	ck_assert_uint_eq(runs_pains(&log_, from, (int64_t)(from + 7) * 86400 + 12 * 3600, p, 1), 1);
	session_log_free(&log_);
}
END_TEST

Suite *runs_chart_suite(void)
{
	Suite *s = suite_create("runs_chart");
	TCase *tc = tcase_create("runs_chart");

	tcase_add_test(tc, eight_weeks_of_distance);
	tcase_add_test(tc, bars_and_weeks_fit_the_screen);
	tcase_add_test(tc, the_pain_after_each_run);
	suite_add_tcase(s, tc);
	return s;
}
