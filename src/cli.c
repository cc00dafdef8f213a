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
#define NOPTIONS cli_noptions

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
	struct option longopts[CLI_OPTIONS_MAX + 1];
	char shortopts[2 * CLI_OPTIONS_MAX + 2], *s = shortopts;
	int given[CLI_OPTIONS_MAX]; /* the order each option was first given in, 0: not given */
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
		if (strcmp(o->name, "voice") == 0)
			opt->voice = true;
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
	if (opt->command == CMD_IMPORT) { /* --import FILE...: the rest are files too */
		opt->import_more = argv + optind;
		opt->nimport_more = argc - optind;
		optind = argc;
	}
	if (optind < argc)
		return usage_error("unexpected argument '%s'", argv[optind]);

	/* --shoes NAME without --run shows that pair: the list's command, for one */
	if (opt->command == CMD_SESSION && opt->shoes)
		opt->command = CMD_SHOES;
	/* every option given must go with the command, the first that does not says so */
	for (int n = 1; n <= order; n++)
		for (size_t i = 0; i < NOPTIONS; i++)
			if (given[i] == n && cli_options[i].command == CMD_SESSION &&
			    !(cli_options[i].commands & CMD_BIT(opt->command)) &&
			    !(opt->command == CMD_SHOES && strcmp(cli_options[i].name, "shoes") == 0))
				return not_taken(&cli_options[i], opt->command);
	return CLI_RUN;
}
