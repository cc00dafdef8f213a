/* The README says what the code does: its source-layout table names every source file
 * and only files that exist, and its safety note is the one the coach shows. */
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "safety.h"
#include "scheduler.h"
#include "unit.h"

/* The README's "Source layout" section, or the test fails. */
static char *layout_section(char **readme)
{
	char *start, *end;

	*readme = read_whole_file("README.md", NULL);
	ck_assert_ptr_nonnull(*readme);
	start = strstr(*readme, "\n## Source layout\n");
	ck_assert_ptr_nonnull(start);
	end = strstr(start + 1, "\n## ");
	if (end)
		*end = '\0';
	return start;
}

START_TEST(layout_table_names_every_source_file)
{
	char *readme, *table = layout_section(&readme);
	DIR *d = opendir("src");
	struct dirent *e;

	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d))) {
		size_t n = strlen(e->d_name);
		char want[300];
		if (n < 3 || strcmp(e->d_name + n - 2, ".c") != 0)
			continue;
		snprintf(want, sizeof(want), "`src/%s`", e->d_name);
		ck_assert_msg(strstr(table, want), "README's source layout lacks %s", want);
	}
	closedir(d);
	free(readme);
}
END_TEST

START_TEST(layout_table_names_only_files_that_exist)
{
	char *readme, *table = layout_section(&readme);

	for (char *p = table; (p = strchr(p, '`'));) {
		char *end = strchr(p + 1, '`');
		ck_assert_ptr_nonnull(end);
		*end = '\0';
		if (strncmp(p + 1, "src/", 4) == 0 || strncmp(p + 1, "tools/", 6) == 0)
			ck_assert_msg(access(p + 1, F_OK) == 0, "README's source layout names %s, "
				      "which is not there", p + 1);
		p = end + 1;
	}
	free(readme);
}
END_TEST

/* Runs of spaces and line breaks as one space, so wrapped text compares with the
 * paragraph it was wrapped from. */
static void flatten(char *s)
{
	char *out = s;

	for (char *p = s; *p; p++) {
		bool space = *p == ' ' || *p == '\n';
		if (space && out > s && out[-1] == ' ')
			continue;
		*out++ = space ? ' ' : *p;
	}
	*out = '\0';
}

START_TEST(readme_shows_the_coach_safety_note)
{
	char *readme = read_whole_file("README.md", NULL);

	ck_assert_ptr_nonnull(readme);
	flatten(readme);
	for (size_t i = 0; i < safety_note_lines; i++) {
		char want[400];
		if (!safety_note[i][0])
			continue;
		snprintf(want, sizeof(want), " %s ", safety_note[i]);
		ck_assert_msg(strstr(readme, want), "README.md lacks the safety note's words: %s",
			      safety_note[i]);
	}
	ck_assert(strstr(safety_help, "not a diagnosis"));
	free(readme);
}
END_TEST

/* The house rules a reviewer checks by hand: the model never includes the screen,
 * and no source file grows past 500 lines. */
START_TEST(model_files_never_include_the_screen)
{
	DIR *d = opendir("src");
	struct dirent *e;

	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d))) {
		char path[300], *text;
		size_t n = strlen(e->d_name), lines = 0;
		/* the screen, and the entry layer that starts it */
		bool screen = strncmp(e->d_name, "ui", 2) == 0 || strcmp(e->d_name, "main.c") == 0 ||
			      strcmp(e->d_name, "commands.c") == 0 || strcmp(e->d_name, "state.c") == 0;

		if (n < 3 || (strcmp(e->d_name + n - 2, ".c") != 0 && strcmp(e->d_name + n - 2, ".h") != 0))
			continue;
		snprintf(path, sizeof(path), "src/%s", e->d_name);
		text = read_whole_file(path, NULL);
		ck_assert_ptr_nonnull(text);
		for (char *p = text; *p; p++)
			lines += *p == '\n';
		ck_assert_msg(lines <= 500, "%s has %zu lines, more than 500", path, lines);
		if (!screen) {
			ck_assert_msg(!strstr(text, "#include <curses.h>") && !strstr(text, "#include \"ui"),
				      "%s is model, yet includes the screen", path);
		}
		free(text);
	}
	closedir(d);
}
END_TEST

/* The progression table states the rules with the numbers the code uses: the defaults
 * of the config's progression keys and the fixed ones of scheduler.h. */
START_TEST(progression_table_states_the_rules_the_code_runs)
{
	char *readme = read_whole_file("README.md", NULL), *start, *end, want[160];
	struct user_config cfg;
	const struct progression_rules *r = &cfg.rules;
	int layoff;

	ck_assert_ptr_nonnull(readme);
	start = strstr(readme, "\n## Progression\n");
	ck_assert_ptr_nonnull(start);
	if ((end = strstr(start + 1, "\n## ")))
		*end = '\0';
	config_defaults(&cfg);
	layoff = r->layoff_days;
#define WANT(...)                                                                          \
	do {                                                                               \
		snprintf(want, sizeof(want), __VA_ARGS__);                                 \
		ck_assert_msg(strstr(start, want), "README's progression table lacks \"%s\"", want); \
	} while (0)
	WANT("| %d sessions at this level with pain during and after <= %d, at least half",
	     r->advance_sessions, r->advance_max_pain);
	ck_assert_int_eq(r->counted_percent, 50);
	WANT("within %d hours of a session", MORNING_AFTER_HOURS);
	WANT("at most %d, and no higher than your usual morning", r->advance_max_pain);
	WANT("median of your last %d mornings at or below %d", BASELINE_MORNINGS, r->advance_max_pain);
	WANT("| pain %d-%d, or a morning 1 point above your baseline", r->advance_max_pain + 1,
	     r->repeat_max_pain);
	WANT("| pain above %d (in a session finished, quit or interrupted), a morning above %d, or a "
	     "morning %d or more points", r->repeat_max_pain, r->repeat_max_pain, 2);
	ck_assert_int_eq(WEEKLY_RISE_TENTHS, 5);
	WANT("up by half a point or more");
	WANT("in the last %d days already", DELOAD_GUARD_DAYS);
	WANT("| a rating of %d or more", r->alarm_pain);
	WANT("| %d-%d days without a session", layoff, LAYOFF_TWO_LEVELS * layoff - 1);
	WANT("| %d-%d days | down two", LAYOFF_TWO_LEVELS * layoff, LAYOFF_RESTART * layoff - 1);
	WANT("| %d days or more | back to level 1", LAYOFF_RESTART * layoff);
	WANT("| %d days at one level with %d or more sessions, or the entry test failed %d times",
	     r->stall_weeks * 7, STALL_MIN_SESSIONS, STALL_FAILED_TESTS);
#undef WANT
	config_free(&cfg);
	free(readme);
}
END_TEST

/* The README's and talus(1)'s lists of the options that name a command hold each of
 * them (a new command was missing from both). */
START_TEST(command_lists_name_every_command)
{
	char *readme = read_whole_file("README.md", NULL), *man = read_whole_file("man/talus.1", NULL);
	char *r_start, *r_end, *m_start, *m_end, want[64];

	ck_assert_ptr_nonnull(readme);
	ck_assert_ptr_nonnull(man);
	ck_assert_ptr_nonnull(r_start = strstr(readme, "One command at a time:"));
	ck_assert_ptr_nonnull(r_end = strstr(r_start, "each name a command"));
	ck_assert_ptr_nonnull(m_start = strstr(man, "One command at a time:"));
	ck_assert_ptr_nonnull(m_end = strstr(m_start, "each name a command"));
	*r_end = *m_end = '\0';
	for (size_t i = 0; i < cli_noptions; i++) {
		if (cli_options[i].command == CMD_SESSION)
			continue;
		snprintf(want, sizeof(want), "`--%s`", cli_options[i].name);
		ck_assert_msg(strstr(r_start, want), "README's command list lacks %s", want);
		snprintf(want, sizeof(want), ".Fl -%s\n", cli_options[i].name);
		if (!strstr(m_start, want))
			snprintf(want, sizeof(want), ".Fl -%s ", cli_options[i].name);
		ck_assert_msg(strstr(m_start, want), "talus(1)'s command list lacks --%s",
			      cli_options[i].name);
	}
	free(readme);
	free(man);
}
END_TEST

Suite *readme_suite(void)
{
	Suite *s = suite_create("readme");
	TCase *tc = tcase_create("readme");

	tcase_add_test(tc, layout_table_names_every_source_file);
	tcase_add_test(tc, layout_table_names_only_files_that_exist);
	tcase_add_test(tc, readme_shows_the_coach_safety_note);
	tcase_add_test(tc, model_files_never_include_the_screen);
	tcase_add_test(tc, progression_table_states_the_rules_the_code_runs);
	tcase_add_test(tc, command_lists_name_every_command);
	suite_add_tcase(s, tc);
	return s;
}
