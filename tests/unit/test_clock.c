#include <stdio.h>

#include "clock.h"
#include "unit.h"

START_TEST(epoch_is_thursday)
{
	ck_assert_int_eq(days_from_civil(1970, 1, 1), 0);
	ck_assert_int_eq(weekday(0), 3);
}
END_TEST

START_TEST(round_trip_every_day_for_decades)
{
	for (day_t d = days_from_civil(1999, 12, 1); d < days_from_civil(2101, 1, 1); d++) {
		struct civil_date c = civil_from_days(d);
		ck_assert_int_eq(days_from_civil(c.year, c.month, c.day), d);
		ck_assert(c.day >= 1 && c.day <= days_in_month(c.year, c.month));
	}
}
END_TEST

START_TEST(known_weekdays)
{
	day_t d;

	ck_assert(date_parse("2026-11-23", &d));
	ck_assert_int_eq(weekday(d), 0); /* a Monday */
	ck_assert(date_parse("2024-02-29", &d));
	ck_assert_int_eq(weekday(d), 3); /* a Thursday */
}
END_TEST

START_TEST(parse_rejects_bad_dates)
{
	static const char *const bad[] = {
		"2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "2026-11-31", "2026-1-01",
		"26-11-23", "2026/11/23", "2026-11-23x", "", "1969-12-31", "abcd-ef-gh", "2026-11-2",
	};
	day_t d;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(!date_parse(bad[i], &d), "accepted '%s'", bad[i]);
	ck_assert(date_parse("2000-02-29", &d));
	ck_assert(date_parse("9999-12-31", &d));
}
END_TEST

START_TEST(formats)
{
	char buf[DATE_BUF];
	day_t d;

	ck_assert(date_parse("2026-11-03", &d));
	date_format_iso(d, buf);
	ck_assert_str_eq(buf, "2026-11-03");
	date_format_short(d, buf);
	ck_assert_str_eq(buf, "Tue  3 Nov");
}
END_TEST

START_TEST(weekday_names)
{
	ck_assert_int_eq(weekday_from_name("mon"), 0);
	ck_assert_int_eq(weekday_from_name("Sun"), 6);
	ck_assert_int_eq(weekday_from_name("monday"), -1);
	ck_assert_int_eq(weekday_from_name(""), -1);
}
END_TEST

START_TEST(day_sets)
{
	day_set s = 0;
	int seen[7], n = 0;
	day_t monday = days_from_civil(2026, 11, 23);

	s = day_set_add(day_set_add(day_set_add(s, 6), 0), 2);
	s = day_set_add(s, 2); /* twice is once */
	ck_assert_uint_eq(s, (1u << 0) | (1u << 2) | (1u << 6));
	ck_assert_int_eq(day_set_count(s), 3);
	ck_assert(day_set_has(s, 0) && day_set_has(s, 2) && day_set_has(s, 6));
	ck_assert(!day_set_has(s, 1) && !day_set_has(s, 5));
	ck_assert(day_set_has_day(s, monday) && !day_set_has_day(s, monday + 1));
	ck_assert(day_set_has_day(s, monday + 6) && day_set_has_day(s, monday + 7));
	for (int wd = day_set_next(s, -1); wd >= 0; wd = day_set_next(s, wd))
		seen[n++] = wd;
	ck_assert_int_eq(n, 3);
	ck_assert_int_eq(seen[0], 0);
	ck_assert_int_eq(seen[1], 2);
	ck_assert_int_eq(seen[2], 6);
	ck_assert_int_eq(day_set_next(0, -1), -1);
	ck_assert_int_eq(day_set_count(DAY_SET_MON_WED_FRI), 3);
}
END_TEST

Suite *clock_suite(void)
{
	Suite *s = suite_create("clock");
	TCase *tc = tcase_create("dates");

	tcase_add_test(tc, epoch_is_thursday);
	tcase_add_test(tc, round_trip_every_day_for_decades);
	tcase_add_test(tc, known_weekdays);
	tcase_add_test(tc, parse_rejects_bad_dates);
	tcase_add_test(tc, formats);
	tcase_add_test(tc, weekday_names);
	tcase_add_test(tc, day_sets);
	suite_add_tcase(s, tc);
	return s;
}
