/* Pieces of talus --history that are easy to get wrong: the sparkline and the streak. */
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "unit.h"

START_TEST(sparkline_maps_0_to_10)
{
	int pains[] = { 0, 3, 5, 7, 10 };
	char buf[64];

	pain_sparkline(pains, 5, true, buf, sizeof(buf));
	ck_assert_str_eq(buf, "▁▃▅▆█");
	pain_sparkline(pains, 5, false, buf, sizeof(buf));
	ck_assert_str_eq(buf, "_-=+#");
}
END_TEST

static void add_session(struct session_log *log, const char *date, enum session_status status)
{
	struct session *s;
	day_t d;

	ck_assert(date_parse(date, &d));
	log->sessions = realloc(log->sessions, (log->nsessions + 1) * sizeof(*log->sessions));
	s = &log->sessions[log->nsessions++];
	memset(s, 0, sizeof(*s));
	s->day = d;
	s->status = status;
}

START_TEST(streak_counts_planned_days_met)
{
	struct session_log log;
	day_t today;

	memset(&log, 0, sizeof(log));
	ck_assert(date_parse("2026-11-23", &today)); /* Monday, no session yet today */
	add_session(&log, "2026-11-13", SESSION_DONE);
	add_session(&log, "2026-11-16", SESSION_DONE);
	add_session(&log, "2026-11-18", SESSION_DONE);
	add_session(&log, "2026-11-20", SESSION_DONE);
	add_session(&log, "2026-11-21", SESSION_DONE); /* a Saturday: not planned, no matter */
	/* mon/wed/fri: 20, 18, 16 met, 13 met... 11 not */
	ck_assert_int_eq(planned_streak(&log, 0x15, today), 4);
	add_session(&log, "2026-11-23", SESSION_QUIT);
	ck_assert_int_eq(planned_streak(&log, 0x15, today), 4); /* a quit does not break today */
	ck_assert(date_parse("2026-11-25", &today));
	ck_assert_int_eq(planned_streak(&log, 0x15, today), 0); /* Monday missed */
	free(log.sessions);
}
END_TEST

Suite *report_suite(void)
{
	Suite *s = suite_create("report");
	TCase *tc = tcase_create("report");

	tcase_add_test(tc, sparkline_maps_0_to_10);
	tcase_add_test(tc, streak_counts_planned_days_met);
	suite_add_tcase(s, tc);
	return s;
}
