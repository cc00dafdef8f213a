#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "program.h"
#include "record.h"
#include "runs.h"
#include "safety.h"
#include "util.h"

#ifndef TALUS_VERSION
#define TALUS_VERSION "0.1.0"
#endif

#define EXIT_BAD_INPUT 2
#define HELP_NAME_COLS 20 /* "--history-file FILE " */

/* Where talus finds its files and what day it is: every command takes these. */
#define COMMON CMD_ALL
/* The commands that work on one program. */
#define ONE_PROGRAM                                                                        \
	(CMD_BIT(CMD_SESSION) | CMD_BIT(CMD_PLAN) | CMD_BIT(CMD_CHECK) | CMD_BIT(CMD_HISTORY) | \
	 CMD_BIT(CMD_SET_LEVEL))

static bool set_weeks(struct options *opt, const char *arg)
{
	long n;

	if (!parse_long(arg, 1, 52, &n))
		return false;
	opt->weeks = (int)n;
	return true;
}

static bool set_date(struct options *opt, const char *arg)
{
	return (opt->have_date = date_parse(arg, &opt->date));
}

static bool set_since(struct options *opt, const char *arg)
{
	return (opt->have_since = date_parse(arg, &opt->since));
}

static bool set_program(struct options *opt, const char *arg)
{
	opt->program = arg;
	return name_is_valid(arg);
}

static bool set_morning(struct options *opt, const char *arg)
{
	long n;

	if (!parse_long(arg, 0, 10, &n))
		return false;
	opt->morning_pain = (int)n;
	return true;
}

static bool set_run(struct options *opt, const char *arg)
{
	long metres;

	opt->run = arg;
	return parse_distance(arg, UNITS_KM, &metres); /* a bare number is one in any units */
}

static bool set_time(struct options *opt, const char *arg)
{
	return parse_duration(arg, &opt->run_secs);
}

static bool set_pain(struct options *opt, const char *arg)
{
	long n;

	if (!parse_long(arg, 0, PAIN_MAX, &n))
		return false;
	opt->run_pain = (int)n;
	return true;
}

static bool set_shoes(struct options *opt, const char *arg)
{
	opt->shoes = arg;
	return arg[0] && strlen(arg) <= REC_NAME_MAX;
}

static bool set_surface(struct options *opt, const char *arg)
{
	for (int i = 0; i < SURFACE_COUNT; i++)
		if (strcmp(arg, surface_name[i]) == 0) {
			opt->surface = i;
			return true;
		}
	return false;
}

static bool set_note(struct options *opt, const char *arg)
{
	opt->note = arg;
	return strlen(arg) <= 200;
}

static bool set_level(struct options *opt, const char *arg)
{
	long n;

	if (!parse_long(arg, 0, MAX_LEVELS, &n)) /* 0: the protective level */
		return false;
	opt->set_level = (int)n;
	return true;
}

static bool set_config(struct options *opt, const char *arg)
{
	opt->config_file = arg;
	return *arg != '\0';
}

static bool set_programs(struct options *opt, const char *arg)
{
	opt->programs_dir = arg;
	return *arg != '\0';
}

static bool set_history_file(struct options *opt, const char *arg)
{
	opt->history_file = arg;
	return *arg != '\0';
}

static bool set_trace(struct options *opt, const char *arg)
{
	opt->trace_file = arg;
	return *arg != '\0';
}

/* In the order of the help. */
const struct cli_option cli_options[] = {
	{ "plan", 'p', NULL, "print the 7 days from today with their doses", CMD_PLAN, 0, NULL, NULL },
	{ "weeks", 'w', "N", "with --plan, print 7 x N days (N 1-52; default 1)", CMD_SESSION,
	  CMD_BIT(CMD_PLAN), set_weeks, "--weeks must be a whole number from 1 to 52, got '%s'" },
	{ "full", 0, NULL, "with --plan, print each training day's exercises", CMD_SESSION,
	  CMD_BIT(CMD_PLAN), NULL, NULL },
	{ "date", 'd', "YYYY-MM-DD", "act as if today were that date", CMD_SESSION, COMMON, set_date,
	  "--date must be a real date as YYYY-MM-DD, got '%s'" },
	{ "program", 'P', "NAME", "use program NAME instead of the configured one", CMD_SESSION,
	  ONE_PROGRAM, set_program,
	  "--program takes a program name (letters, digits, '-', '_'), got '%s'" },
	{ "list", 'l', NULL, "list the programs: name, title, levels, days", CMD_LIST, 0, NULL, NULL },
	{ "check", 'c', NULL, "validate the config and every program, then exit", CMD_CHECK, 0, NULL,
	  NULL },
	{ "config", 'C', "FILE", "read the config from FILE", CMD_SESSION, COMMON, set_config,
	  "--config needs a path, got an empty one" },
	{ "programs", 'D', "DIR", "look for programs in DIR only", CMD_SESSION, COMMON, set_programs,
	  "--programs needs a path, got an empty one" },
	{ "history-file", 'H', "FILE", "keep the session history in FILE", CMD_SESSION, COMMON,
	  set_history_file, "--history-file needs a path, got an empty one" },
	{ "history", 'y', NULL, "show past sessions and a summary of the last 4 weeks", CMD_HISTORY,
	  0, NULL, NULL },
	{ "since", 's', "YYYY-MM-DD", "with --history or --plan, start from that date", CMD_SESSION,
	  CMD_BIT(CMD_PLAN) | CMD_BIT(CMD_HISTORY), set_since, "--since must be a real date as YYYY-MM-DD, got '%s'" },
	{ "csv", 0, NULL, "print every set in the history as CSV", CMD_CSV, 0, NULL, NULL },
	{ "morning", 'm', "N", "record this morning's ankle pain, 0-10", CMD_MORNING, 0, set_morning,
	  "--morning takes a pain rating from 0 to 10, got '%s'" },
	{ "run", 'r', "DISTANCE", "record a run: 8.2km, 5mi, 800m (a bare number: units)",
	  CMD_RUN, 0, set_run, "--run takes a distance like 8.2km, 5mi or 800m, got '%s'" },
	{ "time", 't', "DURATION", "with --run, how long it took: 45:10, 1:02:30, 45m", CMD_SESSION,
	  CMD_BIT(CMD_RUN), set_time, "--time takes a duration like 45:10, 1:02:30 or 45m, got '%s'" },
	{ "pain", 0, "N", "with --run, the pain during it, 0-10", CMD_SESSION, CMD_BIT(CMD_RUN),
	  set_pain, "--pain takes a pain rating from 0 to 10, got '%s'" },
	{ "shoes", 0, "[NAME]", "list the shoes; with --run, the shoes it was run in", CMD_SESSION,
	  CMD_BIT(CMD_RUN), set_shoes, "--shoes takes a name of at most 64 bytes, got '%s'" },
	{ "retire-shoes", 0, "NAME", "retire a pair of shoes", CMD_RETIRE_SHOES, 0, set_shoes,
	  "--retire-shoes takes a name of at most 64 bytes, got '%s'" },
	{ "runs", 0, NULL, "list 8 weeks of runs, weekly totals and the cap", CMD_RUNS, 0,
	  NULL, NULL },
	{ "surface", 0, "KIND", "with --run, road, trail, track, treadmill or grass", CMD_SESSION,
	  CMD_BIT(CMD_RUN), set_surface,
	  "--surface is road, trail, track, treadmill or grass, got '%s'" },
	{ "note", 0, "TEXT", "with --run, a note", CMD_SESSION, CMD_BIT(CMD_RUN), set_note,
	  "--note takes at most 200 bytes, got '%s'" },
	{ "set-level", 0, "N", "set the program's level by hand (a clinician's advice)", CMD_SET_LEVEL,
	  0, set_level, "--set-level takes a level from 0 to 20, got '%s'" },
	{ "triage", 0, NULL, "ask the first-run questions again and choose a pathway", CMD_SESSION,
	  CMD_BIT(CMD_SESSION), NULL, NULL },
	{ "trace", 0, "FILE", "write each step change of the session, with its time", CMD_SESSION,
	  CMD_BIT(CMD_SESSION), set_trace, "--trace needs a path, got an empty one" },
	{ "safety", 0, NULL, "print the safety note and its red flags, then exit", CMD_SAFETY, 0,
	  NULL, NULL },
	{ "help", 'h', NULL, "show this help and exit", CMD_SESSION, CMD_ALL, NULL, NULL },
	{ "version", 'V', NULL, "show the version and exit", CMD_SESSION, CMD_ALL, NULL, NULL },
};
const size_t cli_noptions = sizeof(cli_options) / sizeof(cli_options[0]);

#define NOPTIONS (sizeof(cli_options) / sizeof(cli_options[0]))

static const char help_head[] =
	"Usage: talus [OPTION]...\n"
	"A terminal coach for ankle rehab. Without options, runs today's session.\n"
	"\n";

static const char help_tail[] =
	"\n"
	"Config: $XDG_CONFIG_HOME/talus/talus.conf (~/.config/talus/talus.conf).\n"
	"Exit status: 0 ok, 1 a failure, 2 bad input (options, config, programs).\n"
	"\n";

void cli_print_help(FILE *out)
{
	fputs(help_head, out);
	for (size_t i = 0; i < NOPTIONS; i++) {
		const struct cli_option *o = &cli_options[i];
		char names[64];

		snprintf(names, sizeof(names), "--%s%s%s", o->name, o->arg ? " " : "",
			 o->arg ? o->arg : "");
		if (o->letter)
			fprintf(out, "  -%c, %-*s%s\n", o->letter, HELP_NAME_COLS, names, o->help);
		else
			fprintf(out, "      %-*s%s\n", HELP_NAME_COLS, names, o->help);
	}
	fputs(help_tail, out);
	fputs(safety_help, out);
}

const char *command_option_name(enum command_id command)
{
	static char name[32];

	if (command == CMD_SHOES) /* the one command an option of another serves */
		return "--shoes";
	for (size_t i = 0; i < NOPTIONS; i++)
		if (cli_options[i].command == command && command != CMD_SESSION) {
			snprintf(name, sizeof(name), "--%s", cli_options[i].name);
			return name;
		}
	return "the coach session";
}

/* Prints "talus: <message>" and the hint; returns the exit status of a usage error. */
static int usage_message(const char *message)
{
	fprintf(stderr, "talus: %s\nTry 'talus --help' for more information.\n", message);
	return EXIT_BAD_INPUT;
}

/* As usage_message, with arg put in fmt's %s, cut short, control characters as '?'. */
static int usage_error(const char *fmt, const char *arg)
{
	char shown[128], message[300];

	copy_str(shown, sizeof(shown), arg);
	sanitize_text(shown);
	snprintf(message, sizeof(message), fmt, shown);
	return usage_message(message);
}

/* "--weeks goes only with --plan, not with --list" */
static int not_taken(const struct cli_option *o, enum command_id given)
{
	struct strbuf sb;
	int n = 0, total = 0, status;

	for (int c = 0; c < CMD_COUNT; c++)
		total += (o->commands & CMD_BIT(c)) != 0;
	sb_init(&sb);
	sb_printf(&sb, "--%s goes only with ", o->name);
	for (int c = 1; c <= CMD_COUNT; c++) { /* the session last */
		enum command_id id = (enum command_id)(c % CMD_COUNT);
		if (!(o->commands & CMD_BIT(id)))
			continue;
		n++;
		sb_printf(&sb, "%s%s", n == 1 ? "" : n == total ? " or " : ", ",
			  command_option_name(id));
	}
	if (given != CMD_SESSION)
		sb_printf(&sb, ", not with %s", command_option_name(given));
	status = usage_message(sb.buf);
	sb_free(&sb);
	return status;
}

/* getopt_long's value for option i: its letter, or 256 + i. */
static int option_value(size_t i)
{
	return cli_options[i].letter ? cli_options[i].letter : 256 + (int)i;
}

static const struct cli_option *option_of(int value)
{
	for (size_t i = 0; i < NOPTIONS; i++)
		if (option_value(i) == value)
			return &cli_options[i];
	return NULL;
}

/* getopt's error for the option just read: unknown, needs a value, takes none. */
static int getopt_error(int c, char **argv)
{
	const char *arg = argv[optind - 1];
	bool is_long = strncmp(arg, "--", 2) == 0;
	char name[64];

	if (is_long)
		snprintf(name, sizeof(name), "%.*s", (int)strcspn(arg, "="), arg);
	else
		snprintf(name, sizeof(name), "-%c", optopt);
	sanitize_text(name);
	if (c == ':')
		return usage_error("option '%s' needs a value", name);
	if (is_long && optopt)
		return usage_error("option '%s' takes no value", name);
	return usage_error("unknown option '%s'", name);
}

int cli_parse(int argc, char **argv, struct options *opt)
{
	struct option longopts[NOPTIONS + 1];
	char shortopts[2 * NOPTIONS + 2], *s = shortopts;
	int given[NOPTIONS]; /* the order each option was first given in, 0: not given */
	int order = 0, c;
	const struct cli_option *command = NULL;
	bool listing_shoes = false;

	memset(opt, 0, sizeof(*opt));
	memset(given, 0, sizeof(given));
	memset(longopts, 0, sizeof(longopts));
	opt->weeks = 1;
	opt->run_secs = -1;
	opt->run_pain = -1;
	opt->surface = -1;
	*s++ = ':';
	for (size_t i = 0; i < NOPTIONS; i++) {
		const struct cli_option *o = &cli_options[i];
		longopts[i].name = o->name;
		longopts[i].has_arg = o->arg ? required_argument : no_argument;
		if (strcmp(o->name, "shoes") == 0) /* --shoes alone lists them; --shoes NAME names a run's */
			longopts[i].has_arg = optional_argument;
		longopts[i].val = option_value(i);
		if (o->letter) {
			*s++ = o->letter;
			if (o->arg)
				*s++ = ':';
		}
	}
	*s = '\0';

	opterr = 0;
	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		const struct cli_option *o = option_of(c);

		if (c == ':' || c == '?' || !o)
			return getopt_error(c, argv);
		if (strcmp(o->name, "help") == 0) {
			cli_print_help(stdout);
			return 0;
		}
		if (strcmp(o->name, "version") == 0) {
			puts("talus " TALUS_VERSION);
			return 0;
		}
		if (strcmp(o->name, "shoes") == 0 && !optarg && optind < argc && argv[optind][0] != '-')
			optarg = argv[optind++];
		if (strcmp(o->name, "shoes") == 0 && !optarg) { /* the list: a command */
			if (command) {
				char message[100];
				snprintf(message, sizeof(message), "--%s and --shoes are two commands; "
					 "give one at a time", command->name);
				return usage_message(message);
			}
			command = o;
			listing_shoes = true;
			opt->command = CMD_SHOES;
			continue;
		}
		if (o->set && !o->set(opt, optarg))
			return usage_error(o->bad, optarg);
		if (strcmp(o->name, "full") == 0)
			opt->full = true;
		if (strcmp(o->name, "triage") == 0)
			opt->triage = true;
		if (!given[o - cli_options])
			given[o - cli_options] = ++order;
		if (o->command == CMD_SESSION)
			continue;
		if (command && (listing_shoes || command->command != o->command)) {
			char message[100];
			snprintf(message, sizeof(message), "--%s and --%s are two commands; give one at a time",
				 command->name, o->name);
			return usage_message(message);
		}
		command = o;
		opt->command = o->command;
	}
	if (optind < argc)
		return usage_error("unexpected argument '%s'", argv[optind]);

	/* every option given must go with the command, the first that does not says so */
	for (int n = 1; n <= order; n++)
		for (size_t i = 0; i < NOPTIONS; i++)
			if (given[i] == n && cli_options[i].command == CMD_SESSION &&
			    !(cli_options[i].commands & CMD_BIT(opt->command)))
				return not_taken(&cli_options[i], opt->command);
	return CLI_RUN;
}
