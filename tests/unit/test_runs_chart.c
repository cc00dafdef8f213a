/* The runs screen's numbers and its form, with made-up dates. */
#include <stdio.h>
#include <string.h>

#include "run_form.h"
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
	struct runs_request req = { &log_, 0, 0, week_start, units, SHOE_LIMIT_METRES, NULL, false, NULL };

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

/* No running after a red flag answered yes, until a level is set by hand. */
START_TEST(a_red_flag_says_no_running)
{
	char why[300];
	day_t d;

	memset(&log_, 0, sizeof(log_));
	ck_assert(date_parse("2026-11-23", &d));
	ck_assert(!runs_caution(&log_, (int64_t)d * 86400, why, sizeof(why)));
	ck_assert_str_eq(why, "");
	line("2026-11-22T10:00:05Z\tred-flag\tflag=infection\tanswer=yes\ttrigger=severe");
	ck_assert(runs_caution(&log_, (int64_t)d * 86400, why, sizeof(why)));
	ck_assert_ptr_nonnull(strstr(why, "no running until a clinician has seen the ankle"));
	session_log_free(&log_);
}
END_TEST

static void type(struct run_form *f, const char *s)
{
	for (; *s; s++)
		run_form_type(f, (unsigned char)*s);
}

/* The form: typed fields, the known pairs, the check with the parsers of --run, an
 * error that says which field and puts the focus there, and nothing saved until yes. */
START_TEST(the_run_form)
{
	struct run_form f;
	struct run_cap cap = { .metres = 6600, .longest = 6000 };
	int64_t now;
	day_t today;

	memset(&log_, 0, sizeof(log_));
	line("2026-11-10T08:00:00Z	run	metres=5000	shoes=Old");
	line("2026-11-12T08:00:00Z	retire-shoes	shoes=Old");
	line("2026-11-16T08:00:00Z	run	metres=5000	shoes=Pegasus");
	line("2026-11-19T08:00:00Z	run	metres=6000	shoes=Clifton");
	line("2026-11-20T08:00:00Z	run	metres=6000	shoes=Pegasus");
	line("2026-11-25T08:00:00Z	run	metres=6000	shoes=Future");
	ck_assert(date_parse("2026-11-23", &today));
	now = (int64_t)today * 86400 + 10 * 3600;
	run_form_open(&f, &log_, UNITS_KM, now);
	ck_assert_int_eq(f.npairs, 2);               /* retired and future pairs are not offered */
	ck_assert_str_eq(f.pairs[0], "Pegasus");     /* the latest first */
	ck_assert_str_eq(f.pairs[1], "Clifton");
	ck_assert_int_eq(f.state, RFS_EDIT);
	ck_assert_int_eq(f.field, RF_DISTANCE);

	/* nothing typed: the distance is asked for */
	ck_assert(run_form_submit(&f, &cap));
	ck_assert_int_eq(f.state, RFS_EDIT);
	ck_assert_str_eq(f.error, "Distance: how far, like 8.2km, 5mi, 800m or a number in km.");
	type(&f, "8.2x");
	ck_assert(!run_form_type(&f, ' '));          /* no blanks in a distance */
	ck_assert(!run_form_type(&f, 0x1b));         /* nor controls */
	ck_assert(run_form_submit(&f, &cap));
	ck_assert_str_eq(f.error, "Distance: '8.2x' is not a distance like 8.2km, 5mi, 800m or a "
				  "number in km.");
	ck_assert(run_form_erase(&f));
	ck_assert_str_eq(f.text[RF_DISTANCE], "8.2");

	ck_assert(run_form_move(&f, 1));
	ck_assert_int_eq(f.field, RF_TIME);
	type(&f, "10:00");                           /* 8.2 km in 10 minutes: a slip */
	ck_assert(run_form_move(&f, -1) && run_form_move(&f, 1));
	ck_assert(run_form_submit(&f, &cap));
	ck_assert_int_eq(f.field, RF_TIME);
	ck_assert_str_eq(f.error, "Time: 8.2 km in 10:00 is faster than 2:00 a kilometre: check the "
				  "distance and the time.");
	while (run_form_erase(&f))
		;
	type(&f, "45:61");
	ck_assert(run_form_submit(&f, &cap));
	ck_assert_str_eq(f.error, "Time: '45:61' is not a time like 45:10, 1:02:30, 45m or 1h5m.");
	run_form_erase(&f);
	run_form_erase(&f);
	type(&f, "10");

	ck_assert(run_form_move(&f, 1));
	ck_assert(!run_form_type(&f, 'x'));          /* the pain takes digits */
	type(&f, "11");
	ck_assert(!run_form_type(&f, '1'));          /* two at most */
	ck_assert(run_form_submit(&f, &cap));
	ck_assert_int_eq(f.field, RF_PAIN);
	ck_assert_str_eq(f.error, "Pain: 0-10, during the run.");
	while (run_form_erase(&f))
		;
	ck_assert(run_form_choose(&f, 1));           /* Right from nothing: 0 */
	ck_assert(run_form_choose(&f, 1) && run_form_choose(&f, 1));
	ck_assert_str_eq(f.text[RF_PAIN], "2");

	ck_assert(run_form_move(&f, 1));
	ck_assert(run_form_choose(&f, 1));
	ck_assert_str_eq(f.text[RF_SHOES], "Pegasus");
	ck_assert(run_form_choose(&f, 1));
	ck_assert_str_eq(f.text[RF_SHOES], "Clifton");
	ck_assert(run_form_choose(&f, 1));           /* round to none */
	ck_assert_str_eq(f.text[RF_SHOES], "");
	ck_assert(run_form_choose(&f, -1));
	ck_assert_str_eq(f.text[RF_SHOES], "Clifton");
	ck_assert(run_form_type(&f, 0xe9));          /* typed on: a name of its own */
	ck_assert_int_eq(f.pair, -1);
	ck_assert_str_eq(f.text[RF_SHOES], "Clifton\xc3\xa9");
	ck_assert(run_form_erase(&f));               /* a whole character */
	ck_assert_str_eq(f.text[RF_SHOES], "Clifton");

	ck_assert(run_form_move(&f, 1));
	ck_assert(!run_form_move(&f, 1));            /* the last field */
	ck_assert(!run_form_type(&f, 'r'));
	ck_assert(run_form_choose(&f, 1));
	ck_assert_int_eq(f.surface, SURFACE_ROAD);
	ck_assert(run_form_choose(&f, -1) && run_form_choose(&f, -1));
	ck_assert_int_eq(f.surface, SURFACE_GRASS);

	ck_assert(run_form_submit(&f, &cap));
	ck_assert_int_eq(f.state, RFS_CONFIRM);
	ck_assert_str_eq(f.error, "");
	ck_assert_str_eq(f.summary, "A run of 8.2 km in 45:10 (5:30 /km), pain 2, in Clifton, on grass.");
	ck_assert_str_eq(f.warning, "8.2 km against a cap of 6.6 km (24% over it): a run over 110% of "
				    "the longest of the last 30 days raised injury rates 1.64 times "
				    "(Frandsen 2025). It counts as 6.6 km: it does not raise the cap "
				    "beyond 7.3 km.");
	ck_assert(!run_form_type(&f, '1'));          /* the fields wait */
	ck_assert(run_form_answer(&f, false));       /* no: back to them */
	ck_assert_int_eq(f.state, RFS_EDIT);
	ck_assert(run_form_submit(&f, &cap));
	ck_assert(run_form_cancel(&f));              /* Esc at the question: back too */
	ck_assert_int_eq(f.state, RFS_EDIT);
	ck_assert(run_form_submit(&f, &cap) && run_form_answer(&f, true));
	ck_assert_int_eq(f.state, RFS_SAVED);
	ck_assert_int_eq(f.entry.metres, 8200);
	ck_assert_int_eq(f.entry.secs, 2710);
	ck_assert_int_eq(f.entry.pain, 2);
	ck_assert_str_eq(f.entry.shoes, "Clifton");
	ck_assert_int_eq(f.entry.surface, SURFACE_GRASS);
	ck_assert(!run_form_cancel(&f));

	/* within the cap, no time, no pain: no warning; Esc leaves with nothing */
	run_form_open(&f, &log_, UNITS_MI, now);
	type(&f, "4");                               /* 4 mi: 6437 m, under 6600 */
	ck_assert(run_form_submit(&f, &cap));
	ck_assert_str_eq(f.summary, "A run of 4.00 mi.");
	ck_assert_str_eq(f.warning, "");
	ck_assert_int_eq(f.entry.secs, 0);
	ck_assert_int_eq(f.entry.pain, -1);
	run_form_open(&f, &log_, UNITS_KM, now);
	ck_assert(run_form_cancel(&f));
	ck_assert_int_eq(f.state, RFS_CANCELLED);
	ck_assert(!run_form_submit(&f, &cap));
	session_log_free(&log_);
}
END_TEST

/* An error is about one field: editing that field clears it (Enter checks again), editing
 * another keeps it, and it never reaches the question. */
START_TEST(a_fixed_field_loses_its_error)
{
	struct run_form f;
	struct run_cap cap = { .metres = -1, .longest = -1 };
	day_t today;

	memset(&log_, 0, sizeof(log_));
	line("2026-11-16T08:00:00Z	run	metres=5000	shoes=Pegasus");
	ck_assert(date_parse("2026-11-23", &today));
	run_form_open(&f, &log_, UNITS_KM, (int64_t)today * 86400);
	type(&f, "5km");
	ck_assert(run_form_move(&f, 1));
	type(&f, "abc");
	ck_assert(run_form_submit(&f, &cap));
	ck_assert_str_eq(f.error, "Time: 'abc' is not a time like 45:10, 1:02:30, 45m or 1h5m.");
	ck_assert(run_form_move(&f, 1));             /* the pain: not the field it is about */
	type(&f, "1");
	ck_assert_str_ne(f.error, "");
	ck_assert(run_form_move(&f, 1) && run_form_choose(&f, 1)); /* a pair chosen */
	ck_assert_str_ne(f.error, "");
	ck_assert(run_form_move(&f, -1) && run_form_move(&f, -1));
	ck_assert(run_form_erase(&f));               /* the time edited: no longer known wrong */
	ck_assert_str_eq(f.error, "");
	while (run_form_erase(&f))
		;
	type(&f, "25:00");
	ck_assert_str_eq(f.error, "");
	ck_assert(run_form_submit(&f, &cap));        /* checked again */
	ck_assert_int_eq(f.state, RFS_CONFIRM);
	ck_assert_str_eq(f.error, "");
	ck_assert(run_form_answer(&f, false));       /* back: still no error */
	ck_assert_str_eq(f.error, "");
	/* a pain out of range, fixed by erasing */
	ck_assert(run_form_move(&f, 1));
	type(&f, "1");                               /* "11" */
	ck_assert(run_form_submit(&f, &cap));
	ck_assert_str_eq(f.error, "Pain: 0-10, during the run.");
	ck_assert(!run_form_choose(&f, 1));          /* 12: refused, nothing changed */
	ck_assert_str_ne(f.error, "");
	ck_assert(run_form_erase(&f));
	ck_assert_str_eq(f.error, "");
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
	tcase_add_test(tc, the_run_form);
	tcase_add_test(tc, a_fixed_field_loses_its_error);
	tcase_add_test(tc, a_red_flag_says_no_running);
	suite_add_tcase(s, tc);
	return s;
}
