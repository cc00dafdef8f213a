/* The options table and the parser: which commands take which option. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "unit.h"

/* cli_parse over the arguments after argv[0], quietly. */
static int parse(struct options *opt, const char *const *args)
{
	char *argv[16];
	int argc = 0;

	argv[argc++] = "talus";
	for (; *args; args++)
		argv[argc++] = (char *)*args;
	argv[argc] = NULL;
	optind = 0; /* getopt starts afresh */
	ck_assert_ptr_nonnull(freopen("/dev/null", "w", stderr));
	return cli_parse(argc, argv, opt);
}

#define PARSE(opt, ...) parse(opt, (const char *const[]){ __VA_ARGS__, NULL })

START_TEST(table_is_consistent)
{
	int per_command[CMD_COUNT] = { 0 };

	for (size_t i = 0; i < cli_noptions; i++) {
		const struct cli_option *o = &cli_options[i];
		ck_assert_msg(o->help && o->help[0], "%s: no help", o->name);
		ck_assert_msg(!o->set == !o->arg, "%s: an argument and no setter, or the reverse",
			      o->name);
		ck_assert_msg(!o->set || o->bad, "%s: no message for a bad value", o->name);
		if (o->command != CMD_SESSION)
			per_command[o->command]++;
		else
			ck_assert_msg(o->commands != 0, "%s: no command takes it", o->name);
		for (size_t j = 0; j < i; j++) {
			ck_assert_str_ne(o->name, cli_options[j].name);
			ck_assert(!o->letter || o->letter != cli_options[j].letter);
		}
	}
	/* --shoes alone is the shoes command, served by the --run option of the same name */
	per_command[CMD_SHOES]++;
	for (int c = 1; c < CMD_COUNT; c++)
		ck_assert_msg(per_command[c] == 1, "command %d has %d options", c, per_command[c]);
}
END_TEST

START_TEST(no_command_is_the_session)
{
	struct options opt;

	ck_assert_int_eq(parse(&opt, (const char *const[]){ NULL }), CLI_RUN);
	ck_assert_int_eq(opt.command, CMD_SESSION);
	ck_assert_int_eq(opt.weeks, 1);
	ck_assert(!opt.have_date && !opt.program);
	ck_assert_int_eq(PARSE(&opt, "--trace", "t.txt", "-P", "rice"), CLI_RUN);
	ck_assert_str_eq(opt.trace_file, "t.txt");
	ck_assert_str_eq(opt.program, "rice");
}
END_TEST

START_TEST(options_before_or_after_their_command)
{
	struct options opt;
	day_t d;

	ck_assert(date_parse("2026-11-23", &d));
	ck_assert_int_eq(PARSE(&opt, "-w", "3", "--date", "2026-11-23", "--plan"), CLI_RUN);
	ck_assert_int_eq(opt.command, CMD_PLAN);
	ck_assert_int_eq(opt.weeks, 3);
	ck_assert(opt.have_date);
	ck_assert_int_eq(opt.date, d);
	ck_assert_int_eq(PARSE(&opt, "--history", "-s", "2026-11-23"), CLI_RUN);
	ck_assert_int_eq(opt.command, CMD_HISTORY);
	ck_assert(opt.have_since);
	ck_assert_int_eq(opt.since, d);
	ck_assert_int_eq(PARSE(&opt, "--set-level", "4", "-H", "h.tsv"), CLI_RUN);
	ck_assert_int_eq(opt.command, CMD_SET_LEVEL);
	ck_assert_int_eq(opt.set_level, 4);
	ck_assert_str_eq(opt.history_file, "h.tsv");
	ck_assert_int_eq(PARSE(&opt, "--set-level", "0"), CLI_RUN); /* the protective level */
	ck_assert_int_eq(opt.set_level, 0);
	ck_assert_int_eq(PARSE(&opt, "-m", "0", "-m", "7"), CLI_RUN);
	ck_assert_int_eq(opt.command, CMD_MORNING);
	ck_assert_int_eq(opt.morning_pain, 7);
}
END_TEST

START_TEST(usage_errors)
{
	struct options opt;

	ck_assert_int_eq(PARSE(&opt, "--morning", "3", "--plan"), 2);
	ck_assert_int_eq(PARSE(&opt, "--plan", "--list"), 2);
	ck_assert_int_eq(PARSE(&opt, "--csv", "--history"), 2);
	ck_assert_int_eq(PARSE(&opt, "--weeks", "2"), 2);
	ck_assert_int_eq(PARSE(&opt, "--list", "--weeks", "2"), 2);
	ck_assert_int_eq(PARSE(&opt, "--since", "2026-11-01"), 2);
	ck_assert_int_eq(PARSE(&opt, "--plan", "--trace", "t"), 2);
	ck_assert_int_eq(PARSE(&opt, "--csv", "--program", "rice"), 2);
	ck_assert_int_eq(PARSE(&opt, "--weeks", "0", "--plan"), 2);
	ck_assert_int_eq(PARSE(&opt, "--set-level", "-1"), 2);
	ck_assert_int_eq(PARSE(&opt, "--set-level", "21"), 2);
	ck_assert_int_eq(PARSE(&opt, "--plan", "extra"), 2);
	ck_assert_int_eq(PARSE(&opt, "--nope"), 2);
}
END_TEST

START_TEST(help_has_a_line_for_every_option)
{
	char buf[8192], line[200];
	FILE *f = fmemopen(buf, sizeof(buf), "w");

	ck_assert_ptr_nonnull(f);
	cli_print_help(f);
	fclose(f);
	for (size_t i = 0; i < cli_noptions; i++) {
		char name[40];
		snprintf(name, sizeof(name), "  --%s", cli_options[i].name);
		ck_assert_msg(strstr(buf, name + 2), "--help lacks --%s", cli_options[i].name);
	}
	f = fmemopen(buf, strlen(buf), "r");
	while (fgets(line, sizeof(line), f))
		if (strncmp(line, "  -", 3) == 0 || strncmp(line, "      --", 8) == 0)
			ck_assert_msg(strlen(line) <= 81, "over 80 columns: %s", line);
	fclose(f);
	ck_assert_str_eq(command_option_name(CMD_PLAN), "--plan");
	ck_assert_str_eq(command_option_name(CMD_SET_LEVEL), "--set-level");
}
END_TEST

Suite *cli_suite(void)
{
	Suite *s = suite_create("cli");
	TCase *tc = tcase_create("options");

	tcase_add_test(tc, table_is_consistent);
	tcase_add_test(tc, no_command_is_the_session);
	tcase_add_test(tc, options_before_or_after_their_command);
	tcase_add_test(tc, usage_errors);
	tcase_add_test(tc, help_has_a_line_for_every_option);
	suite_add_tcase(s, tc);
	return s;
}
