/* The command line. One table says, for each option, its names, its argument, its
 * help line and the commands that take it; one parser fills struct options from it,
 * and --help is printed from it. */
#ifndef TALUS_CLI_H
#define TALUS_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "clock.h"

/* What talus is asked to do. Without a command option, the coach session. */
enum command_id {
	CMD_SESSION,
	CMD_PLAN,
	CMD_LIST,
	CMD_CHECK,
	CMD_HISTORY,
	CMD_CSV,
	CMD_MORNING,
	CMD_SET_LEVEL,
	CMD_RUN,
	CMD_RUNS,
	CMD_SHOES,
	CMD_RETIRE_SHOES,
	CMD_IMPORT,
	CMD_SAFETY,
	CMD_STATUS,
	CMD_INSTALL_REMINDER,
	CMD_REMOVE_REMINDER,
	CMD_REPORT,
	CMD_COUNT
};

#define CMD_BIT(c) (1u << (c))
#define CMD_ALL (CMD_BIT(CMD_COUNT) - 1)

struct options {
	enum command_id command;
	int weeks;            /* --weeks, 1-52; 1 without it */
	bool full;            /* --full */
	bool triage;          /* --triage */
	bool voice;           /* --voice: spoken cues this session */
	bool have_date;
	day_t date;           /* --date */
	bool have_since;
	day_t since;          /* --since */
	int morning_pain;     /* --morning, 0-10 */
	int set_level;        /* --set-level, 0-20 */
	const char *run;      /* --run DISTANCE, as given (its units are the config's) */
	long run_secs;        /* --time, -1 when not given */
	int run_pain;         /* --pain, -1 when not given */
	const char *shoes;    /* --shoes */
	int surface;          /* --surface, enum surface; -1 when not given */
	const char *speed;    /* --speed: a treadmill's, as written */
	const char *note;     /* --note */
	const char *import;   /* --import FILE: the first file or folder */
	char **import_more;   /* and those after the options (argv's), nimport_more of them */
	int nimport_more;
	const char *program;  /* the rest: NULL when not given */
	const char *config_file;
	const char *programs_dir;
	const char *history_file;
	const char *trace_file;
	const char *format;   /* --format: status fields, ics, md */
	const char *ics_file; /* --ics FILE, with --plan */
};

/* One option. A command option (--plan, --morning N, ...) names its command; any
 * other option lists the commands that take it. */
struct cli_option {
	const char *name;     /* the long name, without "--" */
	char letter;          /* the short one, or 0 */
	const char *arg;      /* the argument as the help names it ("N", "FILE"), or NULL */
	const char *help;     /* the help line, after the names */
	enum command_id command; /* the command it asks for; CMD_SESSION: not a command */
	unsigned commands;    /* CMD_BIT of each command that takes it (other options) */
	/* stores the argument; false when it is bad, and `bad` (a format with one %s for
	 * the argument) says why */
	bool (*set)(struct options *opt, const char *arg);
	const char *bad;
};

#define CLI_OPTIONS_MAX 64 /* the getopt tables' size */
extern const struct cli_option cli_options[];
extern const size_t cli_noptions;

/* The command option that asks for command, "--plan"; "the coach session" for
 * CMD_SESSION. */
const char *command_option_name(enum command_id command);

/* Fills opt from the command line. Returns CLI_RUN to go on; or, having printed the
 * help or the version, 0; or, having printed a one-line usage error and a hint to
 * standard error, 2. */
#define CLI_RUN (-1)
int cli_parse(int argc, char **argv, struct options *opt);

void cli_print_help(FILE *out);

#endif
