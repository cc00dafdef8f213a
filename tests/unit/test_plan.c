/* The plan printer, into memory: week bounds, rest days, width. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan.h"
#include "util.h"
#include "unit.h"

static const char text[] =
	"title = \"Plan test\"\n"
	"days = {mon, thu}\n"
	"exercise long-title-for-wrapping {\n"
	"  title = \"An exercise with a title of forty chars\"\n"
	"  sides = each\n"
	"  reps = 10\n"
	"  tempo = {1, 1, 2}\n"
	"  load = \"a very long description of the band to use, which has to wrap\"\n"
	"}\n";

static char *render(const struct plan_request *req)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	plan_print(f, req);
	fclose(f);
	return buf;
}

static void setup(struct program *p, struct plan_request *req, const char *date)
{
	char err[512] = "";

	ck_assert_msg(program_parse(p, "plan-test", "t.conf", text, err, sizeof(err)), "%s", err);
	memset(req, 0, sizeof(*req));
	req->program = p;
	req->level = 1;
	req->weeks = 1;
	req->days = p->days;
	ck_assert(date_parse(date, &req->today));
}

START_TEST(the_days_shown_begin_today)
{
	struct program p;
	struct plan_request req;
	char *out;

	setup(&p, &req, "2026-11-29"); /* a Sunday: the calendar week is over */
	out = render(&req);
	ck_assert_ptr_nonnull(strstr(out, "\nSun 29 Nov - Sat  5 Dec 2026\nSun 29 Nov  rest  <- today\n"));
	ck_assert_ptr_nonnull(strstr(out, "Mon 30 Nov  training, level 1, about 2 min\n"));
	ck_assert_ptr_nonnull(strstr(out, "Sat  5 Dec  rest\n"));
	ck_assert_ptr_null(strstr(out, "Nov 23"));
	ck_assert_ptr_null(strstr(out, "Fri 27 Nov"));
	free(out);
	program_free(&p);
}
END_TEST

static struct session make_session(const char *day, int level, enum session_status status,
				   int during, int after)
{
	struct session s;

	memset(&s, 0, sizeof(s));
	copy_str(s.program, sizeof(s.program), "plan-test");
	ck_assert(date_parse(day, &s.day));
	s.level = level;
	s.planned = 4;
	s.status = status;
	s.pain_during = during;
	s.pain_after = after;
	return s;
}

START_TEST(past_days_show_what_happened)
{
	struct program p;
	struct plan_request req;
	struct session_log log;
	char *out;

	struct session sessions[3];

	sessions[0] = make_session("2026-11-23", 1, SESSION_DONE, 2, 1);
	sessions[1] = make_session("2026-11-30", 2, SESSION_QUIT, 6, -1);
	sessions[2] = make_session("2026-12-03", 2, SESSION_DONE, -1, -1);
	memset(&log, 0, sizeof(log));
	log.sessions = sessions;
	log.nsessions = 3;
	setup(&p, &req, "2026-12-03"); /* Mon and Thu; a Thursday */
	req.log = &log;
	req.past_days = 10;
	out = render(&req);
	ck_assert_ptr_nonnull(strstr(out, "\nMon 23 Nov - Wed  2 Dec 2026: what happened\n"));
	ck_assert_ptr_nonnull(strstr(out, "Mon 23 Nov  done, level 1, pain 2/1\n"));
	ck_assert_ptr_nonnull(strstr(out, "Tue 24 Nov  rest\n"));
	ck_assert_ptr_nonnull(strstr(out, "Thu 26 Nov  missed\n"));
	ck_assert_ptr_nonnull(strstr(out, "Mon 30 Nov  quit after 0 of 4 sets, level 2, pain 6/-\n"));
	ck_assert_ptr_nonnull(strstr(out, "\nThu  3 Dec - Wed  9 Dec 2026\n"));
	ck_assert_ptr_nonnull(strstr(out, "Thu  3 Dec  done, level 2, pain not rated  <- today\n"));
	ck_assert_ptr_nonnull(strstr(out, "Mon  7 Dec  training, level 1, about 2 min\n"));
	free(out);
	program_free(&p);
}
END_TEST

START_TEST(a_training_day_like_an_earlier_one_refers_to_it)
{
	struct program p;
	struct plan_request req;
	int levels[14] = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2 };
	char *out;

	setup(&p, &req, "2026-11-23"); /* Mon and Thu; a Monday */
	req.weeks = 2;
	req.day_levels = levels;
	out = render(&req);
	ck_assert_ptr_nonnull(strstr(out, "Thu 26 Nov  training, level 1, about 2 min: as Mon 23 Nov\n"
					  "Fri 27 Nov  rest\n"));
	ck_assert_ptr_nonnull(strstr(out, "Mon 30 Nov  training, level 1, about 2 min: as Mon 23 Nov\n"));
	/* the program has one level: level 2's doses are level 1's */
	ck_assert_ptr_nonnull(strstr(out, "Thu  3 Dec  training, level 2 (forecast), about 2 min: as Mon 23 Nov\n"));
	free(out);
	req.full = true;
	out = render(&req);
	ck_assert_ptr_null(strstr(out, ": as "));
	ck_assert_ptr_nonnull(strstr(out, "Thu 26 Nov  training, level 1, about 2 min\n  main"));
	free(out);
	program_free(&p);
}
END_TEST

START_TEST(lines_fit_80_columns_without_escapes)
{
	struct program p;
	struct plan_request req;
	char *out, *line, *save = NULL;

	setup(&p, &req, "2026-12-30");
	req.weeks = 3;
	out = render(&req);
	ck_assert_ptr_nonnull(strstr(out, "\nWed 30 Dec 2026 - Tue  5 Jan 2027\n"));
	ck_assert_ptr_null(strchr(out, '\033'));
	for (line = strtok_r(out, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		ck_assert_msg(strlen(line) <= PLAN_WIDTH, "too wide: %s", line);
	free(out);
	program_free(&p);
}
END_TEST

START_TEST(bold_only_when_asked)
{
	struct program p;
	struct plan_request req;
	char *out;

	setup(&p, &req, "2026-11-23");
	req.bold = true;
	out = render(&req);
	ck_assert_ptr_nonnull(strstr(out, "\033[1mMon 23 Nov  training"));
	free(out);
	program_free(&p);
}
END_TEST

START_TEST(user_days_respect_the_program_limit)
{
	struct program p;
	struct plan_request req;
	bool limited;

	setup(&p, &req, "2026-11-23");
	ck_assert_uint_eq(plan_training_days(&p, 0, &limited), p.days);
	ck_assert(!limited);
	ck_assert_uint_eq(plan_training_days(&p, 0x7f, &limited), 0x7f);
	p.max_days = 2;
	ck_assert_uint_eq(plan_training_days(&p, 0x7, &limited), p.days);
	ck_assert(limited);
	program_free(&p);
}
END_TEST

Suite *plan_suite(void)
{
	Suite *s = suite_create("plan");
	TCase *tc = tcase_create("plan");

	tcase_add_test(tc, the_days_shown_begin_today);
	tcase_add_test(tc, past_days_show_what_happened);
	tcase_add_test(tc, a_training_day_like_an_earlier_one_refers_to_it);
	tcase_add_test(tc, lines_fit_80_columns_without_escapes);
	tcase_add_test(tc, bold_only_when_asked);
	tcase_add_test(tc, user_days_respect_the_program_limit);
	suite_add_tcase(s, tc);
	return s;
}
