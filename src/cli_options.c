/* The option table: each option's names, argument, help line, the commands that take
 * it, and the setter that checks and stores its argument. cli.c parses with it. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "program.h"
#include "record.h"
#include "runs.h"
#include "safety.h"
#include "intervals.h"
#include "util.h"

/* Where talus finds its files and what day it is: every command takes these. */
#define COMMON CMD_ALL
/* The commands that work on one program. */
#define ONE_PROGRAM                                                                        \
	(CMD_BIT(CMD_SESSION) | CMD_BIT(CMD_PLAN) | CMD_BIT(CMD_CHECK) | CMD_BIT(CMD_HISTORY) | \
	 CMD_BIT(CMD_SET_LEVEL) | CMD_BIT(CMD_STATUS) | CMD_BIT(CMD_REPORT))

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

static bool set_speed(struct options *opt, const char *arg)
{
	long v;

	opt->speed = arg;
	return parse_speed(arg, UNITS_KM, &v); /* a bare number: the config's units, later */
}

static bool set_note(struct options *opt, const char *arg)
{
	opt->note = arg;
	return strlen(arg) <= 200;
}

static bool set_import(struct options *opt, const char *arg)
{
	opt->import = arg;
	return *arg != '\0';
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

static bool set_format(struct options *opt, const char *arg)
{
	opt->format = arg;
	return *arg != '\0'; /* each command checks its own formats */
}

static bool set_ics(struct options *opt, const char *arg)
{
	opt->ics_file = arg;
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
	  CMD_BIT(CMD_PLAN) | CMD_BIT(CMD_HISTORY) | CMD_BIT(CMD_REPORT), set_since, "--since must be a real date as YYYY-MM-DD, got '%s'" },
	{ "csv", 0, NULL, "print every set in the history as CSV", CMD_CSV, 0, NULL, NULL },
	{ "morning", 'm', "N", "record this morning's ankle pain, 0-10", CMD_MORNING, 0, set_morning,
	  "--morning takes a pain rating from 0 to 10, got '%s'" },
	{ "run", 'r', "DISTANCE", "record a run: 8.2km, 5mi, 800m (a bare number: units)",
	  CMD_RUN, 0, set_run, "--run takes a distance like 8.2km, 5mi or 800m, got '%s'" },
	{ "time", 't', "DURATION", "with --run, how long it took: 45:10, 1:02:30, 45m", CMD_SESSION,
	  CMD_BIT(CMD_RUN), set_time, "--time takes a duration like 45:10, 1:02:30 or 45m, got '%s'" },
	{ "pain", 0, "N", "with --run, the pain during it, 0-10", CMD_SESSION, CMD_BIT(CMD_RUN),
	  set_pain, "--pain takes a pain rating from 0 to 10, got '%s'" },
	{ "shoes", 0, "[NAME]", "the shoes, or one pair; with --run, the shoes worn", CMD_SESSION,
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
	{ "import", 0, "FILE...", "record the runs of GPX, TCX and FIT files (or folders)",
	  CMD_IMPORT, 0, set_import, "--import needs a path, got an empty one" },
	{ "set-level", 0, "N", "set the program's level by hand (a clinician's advice)", CMD_SET_LEVEL,
	  0, set_level, "--set-level takes a level from 0 to 20, got '%s'" },
	{ "triage", 0, NULL, "ask the first-run questions again and choose a pathway", CMD_SESSION,
	  CMD_BIT(CMD_SESSION), NULL, NULL },
	{ "speed", 0, "SPEED", "treadmill speed (8kmh, 5mph): times walk/run distances",
	  CMD_SESSION, CMD_BIT(CMD_SESSION), set_speed,
	  "--speed takes a speed like 8kmh or 5mph (1-30 km/h), got '%s'" },
	{ "trace", 0, "FILE", "write each step change of the session, with its time", CMD_SESSION,
	  CMD_BIT(CMD_SESSION), set_trace, "--trace needs a path, got an empty one" },
	{ "voice", 0, NULL, "speak the session's cues (as the config's voice = on)",
	  CMD_SESSION, CMD_BIT(CMD_SESSION), NULL, NULL },
	{ "safety", 0, NULL, "print the safety note and its red flags, then exit", CMD_SAFETY, 0,
	  NULL, NULL },
	{ "status", 0, NULL, "print one line of what is due today, or nothing", CMD_STATUS, 0,
	  NULL, NULL },
	{ "format", 0, "FORMAT", "--status fields (%s %m %f %c %w %l %p), ics or md",
	  CMD_SESSION, CMD_BIT(CMD_STATUS) | CMD_BIT(CMD_PLAN) | CMD_BIT(CMD_REPORT), set_format,
	  "--format needs a format, got an empty one" },
	{ "ics", 0, "FILE", "with --plan, write it as an iCalendar file", CMD_SESSION,
	  CMD_BIT(CMD_PLAN), set_ics, "--ics needs a path, got an empty one" },
	{ "install-reminder", 0, NULL, "install a systemd user timer that runs --status",
	  CMD_INSTALL_REMINDER, 0, NULL, NULL },
	{ "remove-reminder", 0, NULL, "remove the reminder --install-reminder installed",
	  CMD_REMOVE_REMINDER, 0, NULL, NULL },
	{ "report", 0, NULL, "print a one-page report for the physio", CMD_REPORT, 0, NULL,
	  NULL },
	{ "help", 'h', NULL, "show this help and exit", CMD_SESSION, CMD_ALL, NULL, NULL },
	{ "version", 'V', NULL, "show the version and exit", CMD_SESSION, CMD_ALL, NULL, NULL },
};
const size_t cli_noptions = sizeof(cli_options) / sizeof(cli_options[0]);
_Static_assert(sizeof(cli_options) / sizeof(cli_options[0]) <= CLI_OPTIONS_MAX,
	       "cli.c sizes its getopt tables by CLI_OPTIONS_MAX");
