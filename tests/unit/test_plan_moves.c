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

#define NONE { -1, -1 }

static const struct {
	day_set days;
	enum heavy_kind heavy;
	int long_day;
	day_set calf, avoid;
	day_set want;
	int moved[2][2]; /* from, to of each move (-1 -1: none) */
} moves[] = {
	/* no long run, light work, or the day before it free: nothing moves */
	{ D(MON) | D(WED) | D(FRI), HEAVY_CALF, -1, 0, 0, D(MON) | D(WED) | D(FRI), { NONE, NONE } },
	{ D(MON) | D(WED) | D(FRI), HEAVY_NONE, SAT, 0, 0, D(MON) | D(WED) | D(FRI), { NONE, NONE } },
	{ D(MON) | D(WED) | D(FRI), HEAVY_CALF, SUN, 0, 0, D(MON) | D(WED) | D(FRI), { NONE, NONE } },
	/* heavy calf work on the long run's own day stays */
	{ D(TUE) | D(SAT), HEAVY_CALF, SAT, 0, 0, D(TUE) | D(SAT), { NONE, NONE } },
	/* hops on it move: Thu, apart from Tue */
	{ D(TUE) | D(SAT), HEAVY_HOPS, SAT, 0, 0, D(TUE) | D(THU), { { SAT, THU }, NONE } },
	/* strength Mon/Wed/Fri, long run Sat: Thu would follow Wed's heavy calf work, Tue
	 * sits between Mon and Wed, Sun before Mon: left out */
	{ D(MON) | D(WED) | D(FRI), HEAVY_CALF, SAT, 0, 0, D(MON) | D(WED), { { FRI, -1 }, NONE } },
	/* strength Tue/Fri, long run Sat: Thu, a day apart from Tue */
	{ D(TUE) | D(FRI), HEAVY_CALF, SAT, 0, 0, D(TUE) | D(THU), { { FRI, THU }, NONE } },
	/* strength Wed/Fri, long run Sat: Thu and Tue touch Wed, so Mon */
	{ D(WED) | D(FRI), HEAVY_CALF, SAT, 0, 0, D(MON) | D(WED), { { FRI, MON }, NONE } },
	/* hops Tue/Fri, long run Sat: Thu is not next to Tue */
	{ D(TUE) | D(FRI), HEAVY_HOPS, SAT, 0, 0, D(TUE) | D(THU), { { FRI, THU }, NONE } },
	/* hops Tue/Thu, long run Fri: Wed and Mon touch Tue, Tue is taken: Sun */
	{ D(TUE) | D(THU), HEAVY_HOPS, FRI, 0, 0, D(TUE) | D(SUN), { { THU, SUN }, NONE } },
	/* the same for calf work: Wed, next to Tue, is not (48-72 h between) */
	{ D(TUE) | D(THU), HEAVY_CALF, FRI, 0, 0, D(TUE) | D(SUN), { { THU, SUN }, NONE } },
	/* over the week's end: long run Mon, Sun moves to Sat */
	{ D(WED) | D(SUN), HEAVY_HOPS, MON, 0, 0, D(WED) | D(SAT), { { SUN, SAT }, NONE } },
	/* only the day after the long run is free */
	{ D(TUE) | D(THU) | D(FRI), HEAVY_CALF, SAT, 0, 0, D(TUE) | D(THU) | D(SUN),
	  { { FRI, SUN }, NONE } },
	/* ... and it is the day before Monday's heavy day: left out */
	{ D(MON) | D(TUE) | D(WED) | D(THU) | D(FRI), HEAVY_CALF, SAT, 0, 0,
	  D(MON) | D(TUE) | D(WED) | D(THU), { { FRI, -1 }, NONE } },
	/* another program's heavy days are taken last: Thu and Wed are, so Sun */
	{ D(TUE) | D(FRI), HEAVY_CALF, SAT, 0, D(WED) | D(THU), D(TUE) | D(SUN), { { FRI, SUN }, NONE } },
	/* ... and when only they are free, one of them */
	{ D(TUE) | D(FRI), HEAVY_CALF, SAT, 0, D(THU) | D(WED) | D(MON) | D(SUN), D(TUE) | D(THU),
	  { { FRI, THU }, NONE } },
	/* every day taken: left out */
	{ 0x7f, HEAVY_CALF, SAT, 0, 0, 0x7f & ~D(FRI), { { FRI, -1 }, NONE } },
	/* hops with no day apart from the others: left out */
	{ D(MON) | D(WED) | D(FRI), HEAVY_HOPS, SAT, 0, 0, D(MON) | D(WED), { { FRI, -1 }, NONE } },
	/* hops 48 h after heavy calf work: Thu after Tue's stays, Wed moves on to Thu */
	{ D(THU), HEAVY_HOPS, -1, D(TUE), 0, D(THU), { NONE, NONE } },
	{ D(WED), HEAVY_HOPS, -1, D(TUE), 0, D(THU), { { WED, THU }, NONE } },
	/* never onto the calf day, even when nothing else is free: Tue after Mon and Sat
	 * the day before Sunday's long run are left out (Fri, Thu, Wed, Mon: calf work or
	 * the day after it) */
	{ D(TUE) | D(SAT), HEAVY_HOPS, SUN, D(MON) | D(WED) | D(FRI), 0, 0,
	  { { TUE, -1 }, { SAT, -1 } } },
	/* the setup that showed it: calf Mon/Wed (Fri left out before Saturday's long run),
	 * hops Tue/Sat: Tue left out, Sat to Sun */
	{ D(TUE) | D(SAT), HEAVY_HOPS, SAT, D(MON) | D(WED), 0, D(SUN),
	  { { TUE, -1 }, { SAT, SUN } } },
	/* with no long run (no running yet) hops Tue/Sat beside calf Mon/Wed/Fri: Sat
	 * follows Fri, Sun the nearest day free */
	{ D(TUE) | D(SAT), HEAVY_HOPS, -1, D(MON) | D(WED) | D(FRI), 0, D(SUN),
	  { { TUE, -1 }, { SAT, SUN } } },
	/* hops on a calf day move off it: Tue follows it, Sun is the nearest free */
	{ D(MON) | D(THU), HEAVY_HOPS, -1, D(MON), 0, D(THU) | D(SUN), { { MON, SUN }, NONE } },
};

START_TEST(moves_heavy_days)
{
	struct day_move m[7];
	int n, want = 0;
	day_set got = plan_move_days(moves[_i].days, moves[_i].heavy, moves[_i].long_day,
				     moves[_i].calf, moves[_i].avoid, m, &n);

	ck_assert_msg(got == moves[_i].want, "case %d: got %#x, want %#x", _i, got, moves[_i].want);
	for (int k = 0; k < 2 && moves[_i].moved[k][0] >= 0; k++, want++) {
		ck_assert_msg(n > k, "case %d: %d moves", _i, n);
		ck_assert_int_eq(m[k].from, moves[_i].moved[k][0]);
		ck_assert_int_eq(m[k].to, moves[_i].moved[k][1]);
	}
	ck_assert_int_eq(n, want);
}
END_TEST

/* Each weekday against calf work Mon/Wed/Fri and Saturday's long run. */
START_TEST(why_a_day_moves)
{
	day_set calf = D(MON) | D(WED) | D(FRI);
	static const enum move_why hops[7] = { MOVE_ON_CALF, MOVE_AFTER_CALF, MOVE_ON_CALF,
					       MOVE_AFTER_CALF, MOVE_BEFORE_LONG, MOVE_LONG_DAY,
					       MOVE_OK };

	for (int wd = 0; wd < 7; wd++) {
		ck_assert_int_eq(plan_move_why(HEAVY_HOPS, SAT, calf, wd), hops[wd]);
		ck_assert_int_eq(plan_move_why(HEAVY_CALF, SAT, calf, wd),
				 wd == FRI ? MOVE_BEFORE_LONG : MOVE_OK);
		ck_assert_int_eq(plan_move_why(HEAVY_NONE, SAT, calf, wd), MOVE_OK);
	}
	/* 48 h after calf work is fine, 24 h is not; no long run, no long-run rule */
	ck_assert_int_eq(plan_move_why(HEAVY_HOPS, -1, D(MON), WED), MOVE_OK);
	ck_assert_int_eq(plan_move_why(HEAVY_HOPS, -1, D(MON), TUE), MOVE_AFTER_CALF);
	ck_assert_int_eq(plan_move_why(HEAVY_HOPS, -1, D(SUN), MON), MOVE_AFTER_CALF);
	ck_assert_int_eq(plan_move_why(HEAVY_HOPS, -1, 0, SAT), MOVE_OK);
	ck_assert_int_eq(plan_move_why(HEAVY_HOPS, -1, 0, FRI), MOVE_OK);
}
END_TEST

START_TEST(says_what_moved)
{
	struct day_move m = { FRI, THU, MOVE_BEFORE_LONG };
	char buf[200];

	plan_move_note(&m, HEAVY_HOPS, "return-to-run", SAT, buf, sizeof(buf));
	ck_assert_str_eq(buf, "Fri, the day before Saturday's long run: hops (return-to-run) moved to Thu.");
	m.to = -1;
	plan_move_note(&m, HEAVY_CALF, "ankle-strength", SAT, buf, sizeof(buf));
	ck_assert_str_eq(buf, "Fri, the day before Saturday's long run: heavy calf work "
			      "(ankle-strength) left out, no other day free.");
	m = (struct day_move){ SAT, SUN, MOVE_LONG_DAY };
	plan_move_note(&m, HEAVY_HOPS, "return-to-run", SAT, buf, sizeof(buf));
	ck_assert_str_eq(buf, "Sat, Saturday's long run: hops (return-to-run) moved to Sun.");
	m = (struct day_move){ TUE, -1, MOVE_AFTER_CALF };
	plan_move_note(&m, HEAVY_HOPS, "return-to-run", SAT, buf, sizeof(buf));
	ck_assert_str_eq(buf, "Tue, 24 h after Monday's heavy calf work (48 h wanted): hops "
			      "(return-to-run) left out, no other day free.");
	m = (struct day_move){ FRI, SUN, MOVE_ON_CALF };
	plan_move_note(&m, HEAVY_HOPS, "return-to-run", -1, buf, sizeof(buf));
	ck_assert_str_eq(buf, "Fri, a day of heavy calf work: hops (return-to-run) moved to Sun.");
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

/* Programs by name for plan_run_stage: strength -> hops -> walk/run -> rest. */
static bool load_chain(void *ctx, const char *name, struct program *out)
{
	static const char *const texts[][2] = {
		{ "strength", "next = \"hops\"\nexercise raise {\n  reps = 10\n}\n" },
		{ "hops", "impact = true\nnext = \"walkrun\"\nexercise pogo {\n  reps = 20\n}\n" },
		{ "walkrun", "impact = true\nnext = \"rest\"\nexercise wr {\n"
			     "  intervals = \"walk 4:00, run 1:00\"\n}\n" },
		{ "rest", "exercise raise {\n  reps = 10\n}\n" },
		{ "loop", "next = \"loop\"\nexercise raise {\n  reps = 10\n}\n" },
	};
	char err[512];

	(void)ctx;
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		if (strcmp(name, texts[i][0]) == 0)
			return program_parse(out, name, "x.conf", texts[i][1], err, sizeof(err));
	return false;
}

static enum run_stage stage_of(const char *name, char *gate, size_t len)
{
	struct program p;
	enum run_stage stage;

	gate[0] = '\0';
	ck_assert(load_chain(NULL, name, &p));
	stage = plan_run_stage(&p, load_chain, NULL, gate, len);
	program_free(&p);
	return stage;
}

/* No running before the return-to-run exit (rehab.md's criteria), unless a walk/run
 * program is on. */
START_TEST(running_only_after_the_hops)
{
	char gate[64];
	enum run_stage s[2];

	ck_assert_int_eq(stage_of("strength", gate, sizeof(gate)), RUN_STAGE_BEFORE);
	ck_assert_str_eq(gate, "hops");
	ck_assert_int_eq(stage_of("hops", gate, sizeof(gate)), RUN_STAGE_BEFORE);
	ck_assert_str_eq(gate, "hops");
	ck_assert_int_eq(stage_of("walkrun", gate, sizeof(gate)), RUN_STAGE_RUNNING);
	ck_assert_int_eq(stage_of("rest", gate, sizeof(gate)), RUN_STAGE_OTHER);
	ck_assert_int_eq(stage_of("loop", gate, sizeof(gate)), RUN_STAGE_OTHER);
	s[0] = RUN_STAGE_BEFORE;
	s[1] = RUN_STAGE_BEFORE;
	ck_assert(!plan_running_allowed(s, 2));
	ck_assert(!plan_running_allowed(s, 1));
	s[1] = RUN_STAGE_RUNNING;
	ck_assert(plan_running_allowed(s, 2));
	s[0] = RUN_STAGE_OTHER;
	s[1] = RUN_STAGE_OTHER;
	ck_assert(plan_running_allowed(s, 2));
	s[1] = RUN_STAGE_BEFORE;
	ck_assert(!plan_running_allowed(s, 2));
	ck_assert(plan_running_allowed(s, 0));
}
END_TEST

Suite *plan_moves_suite(void)
{
	Suite *s = suite_create("plan_moves");
	TCase *tc = tcase_create("plan_moves");

	tcase_add_loop_test(tc, moves_heavy_days, 0, (int)(sizeof(moves) / sizeof(moves[0])));
	tcase_add_test(tc, why_a_day_moves);
	tcase_add_test(tc, running_only_after_the_hops);
	tcase_add_test(tc, says_what_moved);
	tcase_add_test(tc, run_cells);
	tcase_add_test(tc, what_is_heavy);
	tcase_add_test(tc, side_by_side_while_the_rows_fit);
	suite_add_tcase(s, tc);
	return s;
}
