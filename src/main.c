/* talus: command line and dispatch. */
#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "catalog.h"
#include "clock.h"
#include "config.h"
#include "history.h"
#include "paths.h"
#include "plan.h"
#include "program.h"
#include "report.h"
#include "scheduler.h"
#include "session_log.h"
#include "ui.h"
#include "util.h"

#ifndef TALUS_VERSION
#define TALUS_VERSION "0.1.0"
#endif

#define EXIT_BAD_INPUT 2
#define MAX_PROGRAM_DIRS 4

enum mode { MODE_SESSION, MODE_PLAN, MODE_LIST, MODE_CHECK, MODE_HISTORY, MODE_CSV, MODE_MORNING, MODE_SET_LEVEL };

struct options {
	enum mode mode;
	int weeks;
	bool have_date;
	day_t date;
	bool have_since;
	day_t since;
	int morning_pain;
	int set_level;
	const char *program;
	const char *config_file;
	const char *programs_dir;
	const char *history_file;
	const char *trace_file;
};

/* Everything a command needs, set up once. */
struct context {
	struct options opt;
	struct user_config cfg;
	struct catalog catalog;
	day_t today;
};

static const char usage_text[] =
	"Usage: talus [OPTION]...\n"
	"A terminal coach for ankle rehab exercises. Without options, runs today's session.\n"
	"\n"
	"  -p, --plan              print the week's schedule with today's doses\n"
	"  -w, --weeks N           with --plan, print N weeks (1-52; default 1)\n"
	"  -d, --date YYYY-MM-DD   act as if today were that date\n"
	"  -P, --program NAME      use program NAME instead of the configured one\n"
	"  -l, --list              list the programs: name, title, levels, days\n"
	"  -c, --check             validate the config and every program, then exit\n"
	"  -C, --config FILE       read the config from FILE\n"
	"  -D, --programs DIR      look for programs in DIR only\n"
	"  -H, --history-file FILE keep the session history in FILE\n"
	"  -y, --history           show past sessions and a summary of the last 4 weeks\n"
	"  -s, --since YYYY-MM-DD  with --history, summarise from that date\n"
	"      --csv               print every set in the history as CSV\n"
	"  -m, --morning N         record this morning's ankle pain, 0-10\n"
	"      --set-level N       set the program's level by hand (a clinician's advice)\n"
	"      --trace FILE        write each step change of the session, with its time\n"
	"  -h, --help              show this help and exit\n"
	"  -V, --version           show the version and exit\n"
	"\n"
	"Config: $XDG_CONFIG_HOME/talus/talus.conf (~/.config/talus/talus.conf).\n"
	"Exit status: 0 ok, 1 a failure, 2 bad input (options, config, programs).\n"
	"\n"
	"talus is a coach, not a diagnosis. If you cannot take four steps, heard a pop or\n"
	"a crack, or the ankle is hot, red, numb or misshapen, stop and see a clinician.\n";

static void usage_error(const char *fmt, const char *arg)
{
	char shown[128];

	copy_str(shown, sizeof(shown), arg);
	sanitize_text(shown);
	fputs("talus: ", stderr);
	fprintf(stderr, fmt, shown);
	fputs("\nTry 'talus --help' for more information.\n", stderr);
	exit(EXIT_BAD_INPUT);
}

static void parse_options(int argc, char **argv, struct options *opt)
{
	static const struct option longopts[] = {
		{ "plan", no_argument, NULL, 'p' },
		{ "weeks", required_argument, NULL, 'w' },
		{ "date", required_argument, NULL, 'd' },
		{ "program", required_argument, NULL, 'P' },
		{ "list", no_argument, NULL, 'l' },
		{ "check", no_argument, NULL, 'c' },
		{ "config", required_argument, NULL, 'C' },
		{ "programs", required_argument, NULL, 'D' },
		{ "history-file", required_argument, NULL, 'H' },
		{ "history", no_argument, NULL, 'y' },
		{ "since", required_argument, NULL, 's' },
		{ "csv", no_argument, NULL, 'v' },
		{ "morning", required_argument, NULL, 'm' },
		{ "trace", required_argument, NULL, 't' },
		{ "set-level", required_argument, NULL, 'L' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	long weeks, pain;

	memset(opt, 0, sizeof(*opt));
	opt->weeks = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":pw:d:P:lcC:D:H:ys:m:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'p':
			opt->mode = MODE_PLAN;
			break;
		case 'w':
			if (!parse_long(optarg, 1, 52, &weeks))
				usage_error("--weeks must be a whole number from 1 to 52, got '%s'", optarg);
			opt->weeks = (int)weeks;
			break;
		case 'd':
			if (!date_parse(optarg, &opt->date))
				usage_error("--date must be a real date as YYYY-MM-DD, got '%s'", optarg);
			opt->have_date = true;
			break;
		case 'P':
			if (!name_is_valid(optarg))
				usage_error("--program takes a program name (letters, digits, '-', '_'), got '%s'",
					    optarg);
			opt->program = optarg;
			break;
		case 'l':
			opt->mode = MODE_LIST;
			break;
		case 'y':
			opt->mode = MODE_HISTORY;
			break;
		case 'v':
			opt->mode = MODE_CSV;
			break;
		case 's':
			if (!date_parse(optarg, &opt->since))
				usage_error("--since must be a real date as YYYY-MM-DD, got '%s'", optarg);
			opt->have_since = true;
			break;
		case 'L':
			if (!parse_long(optarg, 1, MAX_LEVELS, &pain))
				usage_error("--set-level takes a level from 1 to 20, got '%s'", optarg);
			opt->set_level = (int)pain;
			opt->mode = MODE_SET_LEVEL;
			break;
		case 'm':
			if (!parse_long(optarg, 0, 10, &pain))
				usage_error("--morning takes a pain rating from 0 to 10, got '%s'", optarg);
			opt->morning_pain = (int)pain;
			opt->mode = MODE_MORNING;
			break;
		case 'c':
			opt->mode = MODE_CHECK;
			break;
		case 'C':
		case 'D':
		case 'H':
		case 't':
			if (!*optarg)
				usage_error("%s needs a path, got an empty one",
					    c == 'C' ? "--config" : c == 'D' ? "--programs"
						    : c == 'H' ? "--history-file" : "--trace");
			if (c == 'C')
				opt->config_file = optarg;
			else if (c == 'D')
				opt->programs_dir = optarg;
			else if (c == 'H')
				opt->history_file = optarg;
			else
				opt->trace_file = optarg;
			break;
		case 'h':
			fputs(usage_text, stdout);
			exit(0);
		case 'V':
			puts("talus " TALUS_VERSION);
			exit(0);
		case ':':
		default: {
			const char *arg = argv[optind - 1];
			bool is_long = strncmp(arg, "--", 2) == 0;
			char name[64];

			if (is_long)
				snprintf(name, sizeof(name), "%.*s", (int)strcspn(arg, "="), arg);
			else
				snprintf(name, sizeof(name), "-%c", optopt);
			sanitize_text(name);
			if (c == ':')
				usage_error("option '%s' needs a value", name);
			else if (is_long && optopt)
				usage_error("option '%s' takes no value", name);
			usage_error("unknown option '%s'", name);
		}
		}
	}
	if (optind < argc)
		usage_error("unexpected argument '%s'", argv[optind]);
}

/* Loads the config; returns false with err set when the file is broken. A missing
 * default file means built-in defaults; a missing --config file is an error. */
static bool load_config(const struct options *opt, struct user_config *cfg, char *err,
			size_t errlen)
{
	char *path;
	bool ok;

	if (opt->config_file)
		return config_load_file(cfg, opt->config_file, err, errlen);
	path = default_config_path();
	if (!path || access(path, F_OK) != 0) {
		free(path);
		config_defaults(cfg);
		return true;
	}
	ok = config_load_file(cfg, path, err, errlen);
	free(path);
	return ok;
}

static void scan_programs(const struct options *opt, struct catalog *cat)
{
	char *dirs[MAX_PROGRAM_DIRS];
	size_t n;

	if (opt->programs_dir) {
		dirs[0] = xstrdup(opt->programs_dir);
		n = 1;
	} else {
		n = default_program_dirs(dirs, MAX_PROGRAM_DIRS);
	}
	catalog_scan(cat, (const char *const *)dirs, n);
	for (size_t i = 0; i < n; i++)
		free(dirs[i]);
}

static bool want_bold(const struct user_config *cfg)
{
	const char *term = getenv("TERM");
	const char *no_color = getenv("NO_COLOR");

	if (cfg->color == COLOR_NEVER || (no_color && *no_color))
		return false;
	if (cfg->color == COLOR_ALWAYS)
		return true;
	return isatty(STDOUT_FILENO) && term && *term && strcmp(term, "dumb") != 0;
}

/* The history file in force; NULL (and says so) when there is none to be had. */
static char *history_path(const struct context *ctx)
{
	char *path;

	if (ctx->opt.history_file)
		return xstrdup(ctx->opt.history_file);
	if (ctx->cfg.history_file)
		return xstrdup(ctx->cfg.history_file);
	path = default_history_path();
	if (!path)
		fputs("talus: no history file: set HOME or use --history-file\n", stderr);
	return path;
}

/* Now, or with --date, that date at the current time of day. */
static time_t record_time(const struct context *ctx)
{
	time_t now = time(NULL);
	struct tm tm;
	struct civil_date c;

	if (!ctx->opt.have_date)
		return now;
	localtime_r(&now, &tm);
	c = civil_from_days(ctx->opt.date);
	tm.tm_year = c.year - 1900;
	tm.tm_mon = c.month - 1;
	tm.tm_mday = c.day;
	tm.tm_isdst = -1;
	return mktime(&tm);
}

static bool locale_is_utf8(void)
{
	const char *codeset = nl_langinfo(CODESET);

	return codeset && strcmp(codeset, "UTF-8") == 0;
}

/* Loads the history; tells once about damaged lines. False when it cannot be read. */
static bool load_history(const char *path, struct session_log *log)
{
	char skips[200];

	if (!session_log_load(log, path)) {
		fprintf(stderr, "talus: %s\n", log->report.err);
		return false;
	}
	history_report_skips(&log->report, skips, sizeof(skips));
	if (skips[0])
		fprintf(stderr, "talus: %s: %s; the file is left as it is\n", path, skips);
	return true;
}

/* The training days in force: the program's or the config's; mon/wed/fri if the
 * program cannot be loaded. */
static unsigned training_days(const struct context *ctx, const struct session_log *log)
{
	struct program prog;
	char err[512];
	bool limited;
	unsigned days;
	const char *name = ctx->opt.program ? ctx->opt.program : active_program(log, ctx->cfg.program);

	if (!catalog_load(&ctx->catalog, name, &prog, err, sizeof(err))) {
		fprintf(stderr, "talus: %s\n", err);
		return ctx->cfg.days ? ctx->cfg.days : 0x15;
	}
	days = plan_training_days(&prog, ctx->cfg.days, &limited);
	program_free(&prog);
	return days;
}

static bool want_color(const struct user_config *cfg)
{
	const char *no_color = getenv("NO_COLOR");

	return cfg->color != COLOR_NEVER && !(no_color && *no_color);
}

/* What every coaching command works from: the history, the program it says is current
 * and its level. */
struct state {
	char *history;
	struct session_log log;
	struct program prog;
	struct progress progress;
	struct red_flags flags;
	unsigned days;
	bool days_limited;
	char why[300];
};

static void state_free(struct state *st)
{
	session_log_free(&st->log);
	program_free(&st->prog);
	free(st->history);
}

/* Returns 0, or the exit status after saying what went wrong. */
static int load_state(struct context *ctx, struct state *st)
{
	char err[512];
	const char *name;

	memset(st, 0, sizeof(*st));
	st->history = history_path(ctx);
	if (!st->history)
		return 1;
	if (!load_history(st->history, &st->log)) {
		state_free(st);
		return 1;
	}
	name = ctx->opt.program ? ctx->opt.program : active_program(&st->log, ctx->cfg.program);
	if (!catalog_load(&ctx->catalog, name, &st->prog, err, sizeof(err))) {
		fprintf(stderr, "talus: %s\n", err);
		state_free(st);
		return EXIT_BAD_INPUT;
	}
	schedule_level(&st->log, &st->prog, &ctx->cfg.rules, ctx->today, &st->progress);
	progress_why(&st->progress, &ctx->cfg.rules, &st->prog, st->why, sizeof(st->why));
	check_red_flags(&st->log, &ctx->cfg.rules, ctx->today, &st->flags);
	st->days = plan_training_days(&st->prog, ctx->cfg.days, &st->days_limited);
	return 0;
}

static int cmd_session(struct context *ctx)
{
	struct state st;
	struct coach coach;
	struct coach_setup setup;
	struct ui_options uopt;
	char err[512], skips[200], note[300];
	int status;

	if (!ui_available(err, sizeof(err))) {
		fprintf(stderr, "talus: %s\n", err);
		return EXIT_BAD_INPUT;
	}
	if ((status = load_state(ctx, &st)))
		return status;
	memset(&setup, 0, sizeof(setup));
	setup.program = &st.prog;
	setup.level = st.progress.level;
	setup.today = ctx->today;
	setup.training_days = st.days;
	setup.history_path = st.history;
	setup.log = &st.log;
	setup.wall_offset = record_time(ctx) - time(NULL);
	setup.rules = &ctx->cfg.rules;
	setup.why = st.why;
	setup.flags = &st.flags;
	coach_init(&coach, &setup, monotonic_ms());
	if (ctx->opt.trace_file && !(coach.trace = fopen(ctx->opt.trace_file, "w"))) {
		fprintf(stderr, "talus: %s: cannot write the trace\n", ctx->opt.trace_file);
		status = 1;
	} else {
		memset(&uopt, 0, sizeof(uopt));
		uopt.sound = ctx->cfg.sound;
		uopt.color = want_color(&ctx->cfg);
		history_report_skips(&st.log.report, skips, sizeof(skips));
		if (skips[0]) {
			snprintf(note, sizeof(note), "History: %s; the file is left as it is.", skips);
			uopt.history_note = note;
		}
		status = ui_run(&coach, &uopt);
		if (skips[0])
			fprintf(stderr, "talus: %s: %s; the file is left as it is\n", st.history, skips);
	}
	coach_free(&coach);
	state_free(&st);
	return status;
}

static int cmd_set_level(struct context *ctx)
{
	struct history_writer writer;
	struct strbuf line;
	struct state st;
	int status = load_state(ctx, &st);

	if (status)
		return status;
	if (ctx->opt.set_level > st.prog.levels) {
		fprintf(stderr, "talus: %s has %d levels; --set-level %d is beyond them\n",
			st.prog.name, st.prog.levels, ctx->opt.set_level);
		state_free(&st);
		return EXIT_BAD_INPUT;
	}
	sb_init(&line);
	rec_begin(&line, record_time(ctx), REC_LEVEL);
	rec_put_str(&line, HK_PROGRAM, st.prog.name);
	rec_put_int(&line, HK_LEVEL, ctx->opt.set_level);
	rec_finish(&line);
	history_writer_init(&writer, st.history);
	if (history_append(&writer, line.buf)) {
		printf("Saved: %s is at level %d of %d from now on.\n", st.prog.name,
		       ctx->opt.set_level, st.prog.levels);
	} else {
		fprintf(stderr, "talus: %s\n", writer.err);
		status = 1;
	}
	history_writer_free(&writer);
	sb_free(&line);
	state_free(&st);
	return status;
}

static int cmd_history(struct context *ctx, bool csv)
{
	struct session_log log;
	struct report_request req;
	char *path = history_path(ctx);
	int status = 0;

	if (!path)
		return 1;
	if (!load_history(path, &log)) {
		free(path);
		return 1;
	}
	memset(&req, 0, sizeof(req));
	req.log = &log;
	req.today = ctx->today;
	req.since = ctx->opt.have_since ? ctx->opt.since : ctx->today - 27;
	req.utf8 = locale_is_utf8();
	if (csv) {
		report_csv(stdout, &req);
	} else {
		req.days = training_days(ctx, &log);
		report_history(stdout, &req);
	}
	session_log_free(&log);
	free(path);
	return status;
}

static int cmd_morning(struct context *ctx)
{
	struct history_writer writer;
	struct strbuf line;
	char *path = history_path(ctx);
	bool saved;

	if (!path)
		return 1;
	sb_init(&line);
	rec_begin(&line, record_time(ctx), REC_MORNING);
	rec_put_int(&line, HK_PAIN, ctx->opt.morning_pain);
	rec_finish(&line);
	history_writer_init(&writer, path);
	saved = history_append(&writer, line.buf);
	if (saved)
		printf("Saved: morning pain %d/10.\n", ctx->opt.morning_pain);
	else
		fprintf(stderr, "talus: %s\n", writer.err);
	history_writer_free(&writer);
	sb_free(&line);
	free(path);
	return saved ? 0 : 1;
}

static void red_flag_line(const struct red_flags *flags, char *buf, size_t len)
{
	snprintf(buf, len, "See a clinician: %s. talus is a coach, not a diagnosis; the red "
			   "flags are in its README.", flags->reason);
}

/* "If every session goes well: level 6 of 6 from Mon 14 Dec 2026, then ..." */
static void forecast_line(const struct state *st, day_t top_reached, char *buf, size_t len)
{
	char date[DATE_BUF];
	struct civil_date c = civil_from_days(top_reached);

	date_format_short(top_reached, date);
	snprintf(buf, len, "If every session goes well: level %d of %d from %s %d%s%s%s.",
		 st->prog.levels, st->prog.levels, date, c.year,
		 st->prog.next ? ", then " : "", st->prog.next ? st->prog.next : "",
		 st->prog.next ? " after its entry test" : "");
}

static int cmd_plan(struct context *ctx)
{
	struct plan_request req;
	struct state st;
	char warning[300], forecast[200];
	int status = load_state(ctx, &st);
	int shown = ctx->opt.weeks * 7, horizon, *ahead, *levels;
	day_t first, start, ready, top = -1;

	if (status)
		return status;
	memset(&req, 0, sizeof(req));
	req.program = &st.prog;
	req.level = st.progress.level;
	req.today = ctx->today;
	req.weeks = ctx->opt.weeks;
	req.week_start = ctx->cfg.week_start;
	req.days = st.days;
	req.days_limited = st.days_limited;
	req.bold = want_bold(&ctx->cfg);
	req.why = st.why;

	/* the forecast runs from the next session on, far enough to find the last level */
	first = plan_first_day(ctx->today, ctx->cfg.week_start);
	start = st.progress.last_session == ctx->today ? ctx->today + 1 : ctx->today;
	horizon = (int)(first + shown - start) + 400;
	ahead = xmalloc((size_t)horizon * sizeof(*ahead));
	levels = xmalloc((size_t)shown * sizeof(*levels));
	schedule_forecast(&st.progress, &ctx->cfg.rules, st.days, start, horizon, ahead, &ready);
	for (int i = 0; i < shown; i++)
		levels[i] = first + i < start ? st.progress.level : ahead[first + i - start];
	for (int i = 0; i < horizon && top < 0; i++) /* the first training day at the top */
		if (ahead[i] == st.prog.levels && (st.days & (1u << weekday(start + i))))
			top = start + i;
	req.day_levels = levels;
	if (st.prog.levels > 1 && top >= 0 && st.progress.level < st.prog.levels) {
		forecast_line(&st, top, forecast, sizeof(forecast));
		req.forecast = forecast;
	}
	if (st.flags.flag != RF_NONE) {
		red_flag_line(&st.flags, warning, sizeof(warning));
		req.warning = warning;
	}
	plan_print(stdout, &req);
	free(ahead);
	free(levels);
	state_free(&st);
	return 0;
}

static void format_days(unsigned days, char *buf, size_t len)
{
	struct strbuf sb;

	sb_init(&sb);
	for (int i = 0; i < 7; i++)
		if (days & (1u << i))
			sb_printf(&sb, "%s%s", sb.len ? " " : "", weekday_abbr[i]);
	copy_str(buf, len, sb.buf);
	sb_free(&sb);
}

static int cmd_list(struct context *ctx)
{
	int status = 0;

	if (ctx->catalog.n == 0) {
		fputs("talus: no programs found; --programs DIR names a folder of NAME.conf files\n",
		      stderr);
		return EXIT_BAD_INPUT;
	}
	printf("%-20s %-30s %6s  %s\n", "NAME", "TITLE", "LEVELS", "DAYS");
	for (size_t i = 0; i < ctx->catalog.n; i++) {
		struct program prog;
		char err[512], days[40];

		if (!catalog_load(&ctx->catalog, ctx->catalog.entries[i].name, &prog, err,
				  sizeof(err))) {
			fprintf(stderr, "talus: %s\n", err);
			status = EXIT_BAD_INPUT;
			continue;
		}
		format_days(prog.days, days, sizeof(days));
		printf("%-20s %-30s %6d  %s\n", prog.name, prog.title, prog.levels, days);
		program_free(&prog);
	}
	return status;
}

static int cmd_check(struct context *ctx)
{
	size_t bad = 0;

	if (!catalog_find(&ctx->catalog, ctx->cfg.program)) {
		if (ctx->cfg.path && ctx->cfg.program_line)
			fprintf(stderr, "talus: %s:%d: program '%s' is not found\n", ctx->cfg.path,
				ctx->cfg.program_line, ctx->cfg.program);
		else
			fprintf(stderr, "talus: default program '%s' is not found\n", ctx->cfg.program);
		bad++;
	}
	for (size_t i = 0; i < ctx->catalog.n; i++) {
		struct program prog;
		char err[512];

		if (!catalog_load(&ctx->catalog, ctx->catalog.entries[i].name, &prog, err,
				  sizeof(err))) {
			fprintf(stderr, "talus: %s\n", err);
			bad++;
			continue;
		}
		program_free(&prog);
	}
	if (bad)
		return EXIT_BAD_INPUT;
	printf("talus: config %s ok; %zu program%s ok\n",
	       ctx->cfg.path ? ctx->cfg.path : "(built-in defaults)", ctx->catalog.n,
	       ctx->catalog.n == 1 ? "" : "s");
	return 0;
}

int main(int argc, char **argv)
{
	struct context ctx;
	char err[512];
	int status;

	setlocale(LC_ALL, "");
	setlocale(LC_NUMERIC, "C");
	memset(&ctx, 0, sizeof(ctx));
	parse_options(argc, argv, &ctx.opt);
	ctx.today = ctx.opt.have_date ? ctx.opt.date : local_day(time(NULL));

	if (!load_config(&ctx.opt, &ctx.cfg, err, sizeof(err))) {
		fprintf(stderr, "talus: %s\n", err);
		config_free(&ctx.cfg);
		return EXIT_BAD_INPUT;
	}
	scan_programs(&ctx.opt, &ctx.catalog);

	switch (ctx.opt.mode) {
	case MODE_LIST:
		status = cmd_list(&ctx);
		break;
	case MODE_CHECK:
		status = cmd_check(&ctx);
		break;
	case MODE_PLAN:
		status = cmd_plan(&ctx);
		break;
	case MODE_HISTORY:
	case MODE_CSV:
		status = cmd_history(&ctx, ctx.opt.mode == MODE_CSV);
		break;
	case MODE_MORNING:
		status = cmd_morning(&ctx);
		break;
	case MODE_SET_LEVEL:
		status = cmd_set_level(&ctx);
		break;
	case MODE_SESSION:
	default:
		status = cmd_session(&ctx);
		break;
	}
	catalog_free(&ctx.catalog);
	config_free(&ctx.cfg);
	return status;
}
