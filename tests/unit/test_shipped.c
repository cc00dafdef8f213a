/* The shipped programs as a physio would check them: each pathway has one first program,
 * the insertional Achilles chain stays out of dorsiflexion, every level fits 45 minutes,
 * no step raises the per-leg calf load by more than 20%, the hops start at 80-100 foot
 * contacts, and the README's dose table starts where the files do. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calf_load.h"
#include "catalog.h"
#include "intervals.h"
#include "program.h"
#include "routine.h"
#include "unit.h"

#define SESSION_MAX_MIN 45 /* rehab.md: longer sessions lose adherence (Beyer 2015) */

static struct catalog shipped;

static void scan(void)
{
	const char *dirs[] = { "programs" };

	catalog_scan(&shipped, dirs, 1);
	ck_assert_uint_ge(shipped.n, 10);
}

static void load(const char *name, struct program *p)
{
	char err[512] = "";

	ck_assert_msg(catalog_load(&shipped, name, p, err, sizeof(err)), "%s: %s", name, err);
}

START_TEST(every_pathway_has_one_first_program)
{
	scan();
	for (int pw = 0; pw < PATHWAY_COUNT; pw++) {
		int first = 0;
		for (size_t i = 0; i < shipped.n; i++) {
			struct program p;
			load(shipped.entries[i].name, &p);
			first += (p.pathways & (1u << pw)) != 0;
			program_free(&p);
		}
		ck_assert_msg(first == 1, "pathway %s is the first of %d programs", pathway_key[pw],
			      first);
	}
	catalog_free(&shipped);
}
END_TEST

static bool named_like(const char *text, const char *const *words)
{
	char low[256];
	size_t i;

	for (i = 0; text[i] && i + 1 < sizeof(low); i++)
		low[i] = (char)tolower((unsigned char)text[i]);
	low[i] = '\0';
	for (; *words; words++)
		if (strstr(low, *words))
			return true;
	return false;
}

/* Step-edge drops and calf or soleus stretches, by the flag or by the name. */
static bool into_dorsiflexion(const struct exercise *ex)
{
	static const char *const words[] = { "stretch", "drop", "step", NULL };

	return ex->dorsiflexion || named_like(ex->name, words) || named_like(ex->title, words);
}

START_TEST(insertional_achilles_chain_stays_on_the_floor)
{
	int programs = 0;

	scan();
	for (size_t i = 0; i < shipped.n; i++) {
		struct program p;
		char *name;
		load(shipped.entries[i].name, &p);
		if (!(p.pathways & (1u << PATHWAY_INSERTIONAL_ACHILLES))) {
			program_free(&p);
			continue;
		}
		for (;;) { /* the program and every program its next leads to */
			programs++;
			for (size_t e = 0; e < p.nexercises; e++)
				ck_assert_msg(!into_dorsiflexion(&p.exercises[e]), "%s: %s", p.name,
					      p.exercises[e].name);
			name = p.next ? strdup(p.next) : NULL;
			program_free(&p);
			if (!name)
				break;
			load(name, &p);
			free(name);
		}
	}
	ck_assert_int_ge(programs, 3); /* its own, return-to-run, maintenance */
	/* the check sees what it should: ankle-strength's drops and stretches */
	{
		struct program p;
		int seen = 0;
		load("ankle-strength", &p);
		for (size_t e = 0; e < p.nexercises; e++)
			seen += into_dorsiflexion(&p.exercises[e]);
		ck_assert_int_eq(seen, 4);
		program_free(&p);
	}
	catalog_free(&shipped);
}
END_TEST

START_TEST(every_level_fits_45_minutes)
{
	scan();
	for (size_t i = 0; i < shipped.n; i++) {
		struct program p;
		load(shipped.entries[i].name, &p);
		for (int level = program_first_level(&p); level <= p.levels; level++) {
			int64_t min = (session_estimate_secs(&p, level) + 30) / 60; /* as --plan */
			ck_assert_msg(min <= SESSION_MAX_MIN, "%s level %d: about %lld min", p.name,
				      level, (long long)min);
		}
		program_free(&p);
	}
	catalog_free(&shipped);
}
END_TEST

START_TEST(no_step_raises_the_calf_load_over_20_percent)
{
	scan();
	for (size_t i = 0; i < shipped.n; i++) {
		struct program p, next;
		struct strbuf out;
		load(shipped.entries[i].name, &p);
		if (p.next)
			load(p.next, &next);
		sb_init(&out);
		ck_assert_msg(calf_load_warnings(&p, p.next ? &next : NULL, &out) == 0, "%s",
			      out.buf);
		sb_free(&out);
		if (p.next)
			program_free(&next);
		program_free(&p);
	}
	catalog_free(&shipped);
}
END_TEST

static const struct exercise *find_exercise(const struct program *p, const char *name)
{
	for (size_t e = 0; e < p->nexercises; e++)
		if (strcmp(p->exercises[e].name, name) == 0)
			return &p->exercises[e];
	ck_abort_msg("%s has no exercise %s", p->name, name);
	return NULL;
}

/* The exit test asks for 20 single-leg heel raises: the last level trains them. */
START_TEST(foundations_trains_what_its_exit_test_asks)
{
	struct program p;
	const struct exercise *ex;

	scan();
	load("ankle-foundations", &p);
	ck_assert_ptr_nonnull(strstr(p.entry_test, "20 single-leg heel raises"));
	ex = find_exercise(&p, "single-leg-calf-raise");
	ck_assert_int_ge(level_value(&ex->reps, p.levels), 20);
	ck_assert_int_ge(level_value(&ex->reps, p.levels - 1), 15);
	program_free(&p);
	catalog_free(&shipped);
}
END_TEST

static int foot_contacts(const struct program *p, int level)
{
	int n = 0;

	for (size_t e = 0; e < p->nexercises; e++) {
		const struct exercise *ex = &p->exercises[e];
		/* the hops are the calf work of return-to-run */
		if (ex->calf_load.n > 0 && exercise_at_level(ex, level))
			n += level_value(&ex->sets, level) * level_value(&ex->reps, level) *
			     (ex->each_side ? 2 : 1);
	}
	return n;
}

/* NSCA: beginners 80-100 foot contacts; then about 15% a level at most (design). */
START_TEST(hops_start_at_80_to_100_contacts_and_climb_slowly)
{
	struct program p;

	scan();
	load("return-to-run", &p);
	ck_assert(p.impact);
	ck_assert_int_le(p.max_days, 2);
	ck_assert_int_ge(foot_contacts(&p, 1), 80);
	ck_assert_int_le(foot_contacts(&p, 1), 100);
	for (int level = 2; level <= p.levels; level++)
		ck_assert_msg(foot_contacts(&p, level) * 100 <= foot_contacts(&p, level - 1) * 115,
			      "level %d: %d contacts after %d", level, foot_contacts(&p, level),
			      foot_contacts(&p, level - 1));
	ck_assert_int_eq(foot_contacts(&p, 0), 0); /* level 0: no hops */
	ck_assert_ptr_nonnull(strstr(p.summary, "48 h after heavy calf work"));
	/* rehab.md, return to running: the exit test asks 3 x 20 pogo hops; the last level
	 * trains them, not 3 x 15 */
	ck_assert_ptr_nonnull(strstr(p.entry_test, "3 x 20 pogo hops"));
	ck_assert_int_ge(level_value(&find_exercise(&p, "pogo-hops")->sets, p.levels), 3);
	ck_assert_int_ge(level_value(&find_exercise(&p, "pogo-hops")->reps, p.levels), 20);
	program_free(&p);
	catalog_free(&shipped);
}
END_TEST

START_TEST(bone_stress_has_no_impact_and_says_see_a_clinician)
{
	static const char *const impact_words[] = { "hop", "jump", "run", "jog", NULL };

	scan();
	for (size_t i = 0; i < shipped.n; i++) {
		struct program p;
		load(shipped.entries[i].name, &p);
		if (p.pathways & (1u << PATHWAY_BONE_STRESS)) {
			ck_assert(!p.impact);
			ck_assert_ptr_null(p.next);
			ck_assert_ptr_nonnull(strstr(p.summary, "see a clinician"));
			for (size_t e = 0; e < p.nexercises; e++)
				ck_assert_msg(!named_like(p.exercises[e].name, impact_words) &&
						      !named_like(p.exercises[e].title, impact_words),
					      "%s", p.exercises[e].name);
		}
		program_free(&p);
	}
	catalog_free(&shipped);
}
END_TEST

/* Bleakley 2006: 10 on, 10 off, 10 on, in the first 72 h; then it ends. */
START_TEST(ice_is_intermittent_and_ends)
{
	static const char *const contraindications[] = {
		"cold urticaria", "Raynaud", "reduced sensation", "diabetes", "neuropathy",
		"circulation",
	};
	struct program p;
	const struct exercise *ice;

	scan();
	load("rice", &p);
	ice = find_exercise(&p, "ice");
	ck_assert_int_eq(level_value(&ice->sets, 1), 2);
	ck_assert_int_eq(level_value(&ice->hold, 1), 600);
	ck_assert_int_eq(level_value(&ice->rest, 1), 600);
	ck_assert_ptr_nonnull(strstr(p.summary, "72 h"));
	ck_assert_ptr_nonnull(strstr(level_text(&ice->cue, 1), "stop"));
	for (size_t i = 0; i < sizeof(contraindications) / sizeof(*contraindications); i++)
		ck_assert_msg(strstr(p.summary, contraindications[i]), "%s", contraindications[i]);
	program_free(&p);
	catalog_free(&shipped);
}
END_TEST

/* The walk/run return (running.md): the hops lead to it; the time ladder from 3 x walk
 * 4 / run 1 to 20 min running, the Delaware ladder from 10 x 0.1 mi each; both impact
 * work at pain 2/10, never on two days in a row. */
START_TEST(walk_run_ladders_as_running_md_gives_them)
{
	static const char *const names[] = { "walk-run", "walk-run-distance" };
	static const char *const first[] = { "3 x walk 4:00 / run 1:00", "10 x walk 0.10 mi / run 0.10 mi" };
	static const char *const last[] = { "run 20:00", "6 x run 0.25 mi / run 0.25 mi" };
	char dose[128];

	scan();
	for (int i = 0; i < 2; i++) {
		struct program p;
		const struct exercise *wr = NULL;
		load(names[i], &p);
		for (size_t e = 0; e < p.nexercises; e++)
			if (is_interval_exercise(&p.exercises[e]))
				wr = &p.exercises[e];
		ck_assert_ptr_nonnull(wr);
		format_dose(wr, 1, dose, sizeof(dose));
		ck_assert_str_eq(dose, first[i]);
		format_dose(wr, p.levels, dose, sizeof(dose));
		ck_assert_str_eq(dose, last[i]);
		ck_assert(p.impact);
		ck_assert_int_eq(p.advance_max_pain, RUN_PAIN_MAX);
		ck_assert_int_eq(p.repeat_max_pain, RUN_PAIN_MAX);
		ck_assert_int_le(p.max_days, 3);
		for (int wd = 0; wd < 7; wd++) /* every other day at most: no two in a row */
			ck_assert_msg(!(day_set_has(p.days, wd) && day_set_has(p.days, (wd + 1) % 7)),
				      "%s: two days in a row", p.name);
		ck_assert_str_eq(p.next, "maintenance");
		program_free(&p);
	}
	catalog_free(&shipped);
}
END_TEST

/* After the last stage: calf strength and balance twice a week, where the hops lead. */
START_TEST(maintenance_follows_the_last_stage_twice_a_week)
{
	struct program p;
	int calf = 0, balance = 0, days = 0;

	scan();
	load("return-to-run", &p);
	ck_assert_str_eq(p.next, "walk-run");
	program_free(&p);
	load("walk-run", &p);
	ck_assert_str_eq(p.next, "maintenance");
	program_free(&p);
	load("maintenance", &p);
	ck_assert_ptr_null(p.next);
	ck_assert_int_eq(p.max_days, 2);
	for (int wd = day_set_next(p.days, -1); wd >= 0; wd = day_set_next(p.days, wd))
		days++;
	ck_assert_int_eq(days, 2);
	for (size_t e = 0; e < p.nexercises; e++) {
		calf += p.exercises[e].calf_load.n > 0;
		balance += strstr(p.exercises[e].name, "balance") != NULL;
	}
	ck_assert_int_ge(calf, 1);
	ck_assert_int_ge(balance, 1);
	program_free(&p);
	catalog_free(&shipped);
}
END_TEST

/* The README's "Where the doses come from": a row naming `program` `exercise` starts
 * where that exercise's first level (level 0 for a protective one) starts. */
START_TEST(readme_dose_table_starts_where_the_files_do)
{
	char *readme = read_whole_file("README.md", NULL), *table, *end, *line;
	int checked = 0;

	scan();
	ck_assert_ptr_nonnull(readme);
	table = strstr(readme, "\n### Where the doses come from\n");
	ck_assert_ptr_nonnull(table);
	end = strstr(table + 1, "\n#");
	if (end)
		*end = '\0';
	for (line = strtok(table, "\n"); line; line = strtok(NULL, "\n")) {
		char prog[64], exname[64], start[256], dose[256];
		struct program p;
		const struct exercise *ex;
		/* | what | `program` `exercise` | start | ... */
		if (sscanf(line, "| %*[^|]| `%63[^`]` `%63[^`]` | %255[^|]|", prog, exname, start) != 3)
			continue;
		load(prog, &p);
		ex = find_exercise(&p, exname);
		format_dose(ex, ex->protective ? 0 : 1, dose, sizeof(dose));
		dose[strcspn(dose, ",")] = '\0';
		ck_assert_msg(strncmp(start, dose, strlen(dose)) == 0,
			      "README: %s %s starts \"%s\"; the file says \"%s\"", prog, exname, start,
			      dose);
		program_free(&p);
		checked++;
	}
	ck_assert_int_ge(checked, 10);
	free(readme);
	catalog_free(&shipped);
}
END_TEST

Suite *shipped_suite(void)
{
	Suite *s = suite_create("shipped programs");
	TCase *tc = tcase_create("doses");

	tcase_add_test(tc, every_pathway_has_one_first_program);
	tcase_add_test(tc, insertional_achilles_chain_stays_on_the_floor);
	tcase_add_test(tc, every_level_fits_45_minutes);
	tcase_add_test(tc, no_step_raises_the_calf_load_over_20_percent);
	tcase_add_test(tc, foundations_trains_what_its_exit_test_asks);
	tcase_add_test(tc, hops_start_at_80_to_100_contacts_and_climb_slowly);
	tcase_add_test(tc, bone_stress_has_no_impact_and_says_see_a_clinician);
	tcase_add_test(tc, ice_is_intermittent_and_ends);
	tcase_add_test(tc, maintenance_follows_the_last_stage_twice_a_week);
	tcase_add_test(tc, walk_run_ladders_as_running_md_gives_them);
	tcase_add_test(tc, readme_dose_table_starts_where_the_files_do);
	suite_add_tcase(s, tc);
	return s;
}
