/* The run days in the plan: the moving rule at its edges, and what it says. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan.h"
#include "plan_moves.h"
#include "unit.h"

#define MON 0
#define TUE 1
#define WED 2
#define THU 3
#define FRI 4
#define SAT 5
#define SUN 6
#define D(wd) (1u << (wd))

static const struct {
	day_set days;
	enum heavy_kind heavy;
	int long_day;
	day_set avoid;
	day_set want;
	int from, to;
} moves[] = {
	/* no long run, light work, or the day before it free: nothing moves */
	{ D(MON) | D(WED) | D(FRI), HEAVY_CALF, -1, 0, D(MON) | D(WED) | D(FRI), -1, -1 },
	{ D(MON) | D(WED) | D(FRI), HEAVY_NONE, SAT, 0, D(MON) | D(WED) | D(FRI), -1, -1 },
	{ D(MON) | D(WED) | D(FRI), HEAVY_CALF, SUN, 0, D(MON) | D(WED) | D(FRI), -1, -1 },
	/* on the long run's own day: not the day before, it stays */
	{ D(TUE) | D(SAT), HEAVY_HOPS, SAT, 0, D(TUE) | D(SAT), -1, -1 },
	/* strength Mon/Wed/Fri, long run Sat: Thu would follow Wed's heavy calf work, Tue
	 * sits between Mon and Wed, Sun before Mon: left out */
	{ D(MON) | D(WED) | D(FRI), HEAVY_CALF, SAT, 0, D(MON) | D(WED), FRI, -1 },
	/* strength Tue/Fri, long run Sat: Thu, a day apart from Tue */
	{ D(TUE) | D(FRI), HEAVY_CALF, SAT, 0, D(TUE) | D(THU), FRI, THU },
	/* strength Wed/Fri, long run Sat: Thu and Tue touch Wed, so Mon */
	{ D(WED) | D(FRI), HEAVY_CALF, SAT, 0, D(MON) | D(WED), FRI, MON },
	/* hops Tue/Fri, long run Sat: Thu is not next to Tue */
	{ D(TUE) | D(FRI), HEAVY_HOPS, SAT, 0, D(TUE) | D(THU), FRI, THU },
	/* hops Tue/Thu, long run Fri: Wed and Mon touch Tue, Tue is taken: Sun */
	{ D(TUE) | D(THU), HEAVY_HOPS, FRI, 0, D(TUE) | D(SUN), THU, SUN },
	/* the same for calf work: Wed, next to Tue, is not (48-72 h between) */
	{ D(TUE) | D(THU), HEAVY_CALF, FRI, 0, D(TUE) | D(SUN), THU, SUN },
	/* over the week's end: long run Mon, Sun moves to Sat */
	{ D(WED) | D(SUN), HEAVY_HOPS, MON, 0, D(WED) | D(SAT), SUN, SAT },
	/* only the day after the long run is free */
	{ D(TUE) | D(THU) | D(FRI), HEAVY_CALF, SAT, 0, D(TUE) | D(THU) | D(SUN), FRI, SUN },
	/* ... and it is the day before Monday's heavy day: left out */
	{ D(MON) | D(TUE) | D(WED) | D(THU) | D(FRI), HEAVY_CALF, SAT, 0,
	  D(MON) | D(TUE) | D(WED) | D(THU), FRI, -1 },
	/* another program's heavy days are taken last: Thu and Wed are, so Sun */
	{ D(TUE) | D(FRI), HEAVY_HOPS, SAT, D(WED) | D(THU), D(TUE) | D(SUN), FRI, SUN },
	/* ... and the day after one: hops Thu would follow Wed's heavy calf work */
	{ D(TUE) | D(FRI), HEAVY_HOPS, SAT, D(MON) | D(WED), D(TUE) | D(SUN), FRI, SUN },
	/* ... and when only they are free, one of them */
	{ D(TUE) | D(FRI), HEAVY_CALF, SAT, D(THU) | D(WED) | D(MON) | D(SUN),
	  D(TUE) | D(THU), FRI, THU },
	/* every day taken: left out */
	{ 0x7f, HEAVY_CALF, SAT, 0, 0x7f & ~D(FRI), FRI, -1 },
	/* hops with no day apart from the others: left out */
	{ D(MON) | D(WED) | D(FRI), HEAVY_HOPS, SAT, 0, D(MON) | D(WED), FRI, -1 },
};

START_TEST(moves_heavy_days_from_the_day_before_the_long_run)
{
	struct day_move m;
	day_set got = plan_move_days(moves[_i].days, moves[_i].heavy, moves[_i].long_day,
				     moves[_i].avoid, &m);

	ck_assert_msg(got == moves[_i].want, "case %d: got %#x, want %#x", _i, got, moves[_i].want);
	ck_assert_int_eq(m.from, moves[_i].from);
	ck_assert_int_eq(m.to, moves[_i].to);
	ck_assert_int_eq(day_set_count(got), day_set_count(moves[_i].days) - (m.from >= 0 && m.to < 0));
}
END_TEST

START_TEST(says_what_moved)
{
	struct day_move m = { FRI, THU };
	char buf[200];

	plan_move_note(&m, HEAVY_HOPS, "return-to-run", SAT, buf, sizeof(buf));
	ck_assert_str_eq(buf, "Fri, the day before Saturday's long run: hops (return-to-run) moved to Thu.");
	m.to = -1;
	plan_move_note(&m, HEAVY_CALF, "ankle-strength", SAT, buf, sizeof(buf));
	ck_assert_str_eq(buf, "Fri, the day before Saturday's long run: heavy calf work "
			      "(ankle-strength) left out, no other day free.");
	m.from = -1;
	plan_move_note(&m, HEAVY_CALF, "ankle-strength", SAT, buf, sizeof(buf));
	ck_assert_str_eq(buf, "");
	plan_run_days_line(D(TUE) | D(THU) | D(SAT), SAT, MON, buf, sizeof(buf));
	ck_assert_str_eq(buf, "Run days: Tue, Thu, Sat; the long run on Sat.");
	plan_run_days_line(D(TUE) | D(SUN), -1, SUN, buf, sizeof(buf));
	ck_assert_str_eq(buf, "Run days: Sun, Tue.");
	plan_run_days_line(0, -1, MON, buf, sizeof(buf));
	ck_assert_str_eq(buf, "");
}
END_TEST

START_TEST(run_cells)
{
	char buf[80];
	day_t sat = days_from_civil(2026, 11, 28), fri = sat - 1, thu = sat - 2;
	day_set run = D(THU) | D(SAT);

	plan_run_cell(run, SAT, sat, "11.0 km", false, buf, sizeof(buf));
	ck_assert_str_eq(buf, "long run, at most 11.0 km");
	plan_run_cell(run, SAT, thu, "11.0 km", false, buf, sizeof(buf));
	ck_assert_str_eq(buf, "run, at most 11.0 km");
	plan_run_cell(run, SAT, thu, NULL, false, buf, sizeof(buf));
	ck_assert_str_eq(buf, "run");
	plan_run_cell(run, SAT, fri, "11.0 km", false, buf, sizeof(buf));
	ck_assert_str_eq(buf, "");
	/* in the table of several programs: short, so the row fits 80 columns */
	plan_run_cell(run, SAT, sat, "33.0 km", true, buf, sizeof(buf));
	ck_assert_str_eq(buf, "long run <= 33.0 km");
	plan_run_cell(run, SAT, thu, NULL, true, buf, sizeof(buf));
	ck_assert_str_eq(buf, "run");
}
END_TEST

/* Hops from an impact program at level 1 up; heavy calf work from a calf-load of 100. */
START_TEST(what_is_heavy)
{
	struct program p;
	char err[512] = "";

	ck_assert_msg(program_parse(&p, "c", "c.conf",
				    "levels = 3\nexercise raise {\n  reps = 10\n"
				    "  calf-load = {50, 99, 100}\n}\n", err, sizeof(err)), "%s", err);
	ck_assert_int_eq(plan_heavy_kind(&p, 1), HEAVY_NONE);
	ck_assert_int_eq(plan_heavy_kind(&p, 2), HEAVY_NONE);
	ck_assert_int_eq(plan_heavy_kind(&p, 3), HEAVY_CALF);
	p.impact = true;
	ck_assert_int_eq(plan_heavy_kind(&p, 1), HEAVY_HOPS);
	ck_assert_int_eq(plan_heavy_kind(&p, 0), HEAVY_NONE);
	program_free(&p);
}
END_TEST

static char *render_side(const struct plan_request *req)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	plan_print_side(f, req);
	fclose(f);
	return buf;
}

/* The longest row of the table: the lines that start with a date. */
static int longest_row(const char *text)
{
	int longest = 0;

	for (const char *line = text; *line;) {
		const char *end = strchr(line, '\n');
		int n = end ? (int)(end - line) : (int)strlen(line);
		if (n > 10 && line[3] == ' ' && line[6] == ' ' && n > longest)
			longest = n;
		line += n + (end != NULL);
	}
	return longest;
}

/* Side by side while every row fits the width, to the column; one column less and each
 * day's programs stack under it, no line wider than the width. */
START_TEST(side_by_side_while_the_rows_fit)
{
	struct program a, b;
	struct plan_side side;
	struct plan_request req;
	char err[512] = "", *out;
	int fit;

	ck_assert_msg(program_parse(&a, "strength", "a.conf", "days = {mon, wed, fri}\n"
				    "exercise raise {\n  reps = 10\n  calf-load = 100\n}\n", err,
				    sizeof(err)), "%s", err);
	ck_assert_msg(program_parse(&b, "hops", "b.conf", "impact = true\ndays = {tue, fri}\n"
				    "exercise pogo {\n  reps = 20\n}\n", err, sizeof(err)), "%s", err);
	memset(&req, 0, sizeof(req));
	req.program = &a;
	req.level = 1;
	req.weeks = 1;
	req.days = a.days;
	req.long_run_day = SAT;
	req.run_days = D(TUE) | D(SAT);
	req.run_cap = "11.0 km";
	ck_assert(date_parse("2026-11-28", &req.today)); /* Saturday: today's row is the longest */
	side = (struct plan_side){ &b, 1, NULL, NULL, NULL, b.days, false };
	req.side = &side;
	req.nside = 1;
	req.width = 200;
	out = render_side(&req);
	fit = longest_row(out);
	ck_assert_ptr_nonnull(strstr(out, "long run <= 11.0 km <- today\n"));
	free(out);

	req.width = fit;
	out = render_side(&req);
	ck_assert_ptr_nonnull(strstr(out, "\n            strength "));
	ck_assert_int_eq(longest_row(out), fit);
	free(out);

	req.width = fit - 1;
	out = render_side(&req);
	ck_assert_ptr_null(strstr(out, "            strength "));
	ck_assert_ptr_nonnull(strstr(out, "\nSat 28 Nov <- today\n  strength: rest\n  hops: rest\n"
					  "  long run <= 11.0 km\n"));
	/* stacked, each program's exercises are still listed, inside the width */
	ck_assert_msg(strstr(out, "\nstrength, level 1, from Mon 30 Nov:\n  main: raise, 10 reps\n"), "%s", out);
	ck_assert_ptr_nonnull(strstr(out, "\nhops, level 1, from Tue  1 Dec:\n  main: pogo, 20 reps\n"));
	for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n"))
		ck_assert_msg((int)strlen(line) <= fit - 1, "too wide: %s", line);
	free(out);
	program_free(&a);
	program_free(&b);
}
END_TEST

Suite *plan_moves_suite(void)
{
	Suite *s = suite_create("plan_moves");
	TCase *tc = tcase_create("plan_moves");

	tcase_add_loop_test(tc, moves_heavy_days_from_the_day_before_the_long_run, 0,
			    (int)(sizeof(moves) / sizeof(moves[0])));
	tcase_add_test(tc, says_what_moved);
	tcase_add_test(tc, run_cells);
	tcase_add_test(tc, what_is_heavy);
	tcase_add_test(tc, side_by_side_while_the_rows_fit);
	suite_add_tcase(s, tc);
	return s;
}
