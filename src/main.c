/* talus: command line and dispatch. */
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "catalog.h"
#include "cli.h"
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

#define EXIT_BAD_INPUT 2
#define MAX_PROGRAM_DIRS 4

/* Everything a command needs, set up once. */
struct context {
	struct options opt;
	struct user_config cfg;
	struct catalog catalog;
	day_t today;
};

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
static day_set training_days(const struct context *ctx, const struct session_log *log)
{
	struct program prog;
	char err[512];
	bool limited;
	day_set days;
	const char *name = ctx->opt.program ? ctx->opt.program : active_program(log, ctx->cfg.program);

	if (!catalog_load(&ctx->catalog, name, &prog, err, sizeof(err))) {
		fprintf(stderr, "talus: %s\n", err);
		return ctx->cfg.days ? ctx->cfg.days : DAY_SET_MON_WED_FRI;
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
	day_set days;
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
	rec_str(&line, "program", st.prog.name);
	rec_int(&line, "level", ctx->opt.set_level);
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
	req.history_path = path;
	req.today = ctx->today;
	req.since = ctx->opt.have_since ? ctx->opt.since : ctx->today - 27;
	req.utf8 = locale_is_utf8();
	if (csv) {
		if (!report_csv(stdout, &req))
			status = 1;
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
	rec_int(&line, "pain", ctx->opt.morning_pain);
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
	int *levels;
	day_t top;

	if (status)
		return status;
	levels = xmalloc((size_t)ctx->opt.weeks * 7 * sizeof(*levels));
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

	top = schedule_forecast_range(&st.progress, &ctx->cfg.rules, st.days, ctx->today,
				      plan_first_day(ctx->today, ctx->cfg.week_start),
				      ctx->opt.weeks * 7, levels);
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
	free(levels);
	state_free(&st);
	return 0;
}

static void format_days(day_set days, char *buf, size_t len)
{
	struct strbuf sb;

	sb_init(&sb);
	for (int wd = day_set_next(days, -1); wd >= 0; wd = day_set_next(days, wd))
		sb_printf(&sb, "%s%s", sb.len ? " " : "", weekday_abbr[wd]);
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
	if ((status = cli_parse(argc, argv, &ctx.opt)) != CLI_RUN)
		return status;
	ctx.today = ctx.opt.have_date ? ctx.opt.date : local_day(time(NULL));

	if (!load_config(&ctx.opt, &ctx.cfg, err, sizeof(err))) {
		fprintf(stderr, "talus: %s\n", err);
		config_free(&ctx.cfg);
		return EXIT_BAD_INPUT;
	}
	scan_programs(&ctx.opt, &ctx.catalog);

	switch (ctx.opt.command) {
	case CMD_LIST:
		status = cmd_list(&ctx);
		break;
	case CMD_CHECK:
		status = cmd_check(&ctx);
		break;
	case CMD_PLAN:
		status = cmd_plan(&ctx);
		break;
	case CMD_HISTORY:
	case CMD_CSV:
		status = cmd_history(&ctx, ctx.opt.command == CMD_CSV);
		break;
	case CMD_MORNING:
		status = cmd_morning(&ctx);
		break;
	case CMD_SET_LEVEL:
		status = cmd_set_level(&ctx);
		break;
	case CMD_SESSION:
	default:
		status = cmd_session(&ctx);
		break;
	}
	catalog_free(&ctx.catalog);
	config_free(&ctx.cfg);
	return status;
}
