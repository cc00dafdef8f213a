/* The plan printer, into memory: week bounds, rest days, width. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan.h"
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

START_TEST(week_contains_the_date)
{
	struct program p;
	struct plan_request req;
	char *out;

	setup(&p, &req, "2026-11-26"); /* a Thursday */
	out = render(&req);
	ck_assert_ptr_nonnull(strstr(out, "Week of Mon 23 Nov - Sun 29 Nov 2026\n"));
	ck_assert_ptr_nonnull(strstr(out, "Thu 26 Nov  training, level 1, about 2 min  <- today\n"));
	ck_assert_ptr_nonnull(strstr(out, "Tue 24 Nov  rest\n"));
	free(out);
	req.week_start = 6; /* Sunday */
	out = render(&req);
	ck_assert_ptr_nonnull(strstr(out, "Week of Sun 22 Nov - Sat 28 Nov 2026\n"));
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
	ck_assert_ptr_nonnull(strstr(out, "Week of Mon 28 Dec 2026 - Sun  3 Jan 2027\n"));
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

	tcase_add_test(tc, week_contains_the_date);
	tcase_add_test(tc, lines_fit_80_columns_without_escapes);
	tcase_add_test(tc, bold_only_when_asked);
	tcase_add_test(tc, user_days_respect_the_program_limit);
	suite_add_tcase(s, tc);
	return s;
}
