/* The state every command works from, loaded once with one error policy: the config,
 * the programs, the history and the level. */
#include "commands.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "history.h"
#include "paths.h"
#include "plan.h"
#include "safefile.h"
#include "status.h"
#include "ui.h"
#include "util.h"

#define MAX_PROGRAM_DIRS 4

/* ---- loading ---- */

/* "talus: " and the message on stderr, one line, with control characters and bytes
 * that are not UTF-8 shown as '?': paths and names come from files and folders. */
void say(const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	sanitize_text(msg);
	fprintf(stderr, "talus: %s\n", msg);
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

/* The history file in force; NULL (and says so) when there is none to be had. */
static char *history_path(const struct state *st)
{
	char *path;

	if (st->opt->history_file)
		return xstrdup(st->opt->history_file);
	if (st->cfg.history_file)
		return xstrdup(st->cfg.history_file);
	path = default_history_path();
	if (!path)
		fputs("talus: no history file: set HOME or use --history-file\n", stderr);
	return path;
}

/* Loads the history; tells once about damaged lines. False when it cannot be read. */
static bool load_history(const char *path, struct session_log *log, bool fast, day_t today)
{
	struct history_report quiet;
	char skips[200];

	if (!(fast ? status_log_load(log, path, today) : session_log_load(log, path))) {
		say("%s", log->report.err);
		return false;
	}
	history_report_skips(&log->report, skips, sizeof(skips));
	if (skips[0])
		say("%s: %s; the file is left as it is", path, skips);
	/* records of a newer talus are no damage: said by --check only, not on every run */
	quiet = log->report;
	quiet.newer = 0;
	history_report_notes(&quiet, path, skips, sizeof(skips));
	if (skips[0])
		say("%s: %s", path, skips);
	return true;
}

/* Now, or with --date, that date at the current time of day. TALUS_TIME_OF_DAY=HH:MM
 * pins that time of day, so the tests say the same at any hour they are run; with
 * TALUS_TIME_FROM (seconds since the epoch, when the tests began) the clock still runs
 * from there, so each run comes after the one before. */
time_t state_now(const struct state *st)
{
	time_t now = time(NULL);
	const char *pin = getenv("TALUS_TIME_OF_DAY"), *from;
	struct tm tm;
	struct civil_date c;

	if (!st->opt->have_date)
		return now;
	localtime_r(&now, &tm);
	if (pin && strlen(pin) == 5 && pin[2] == ':' && strspn(pin, "0123456789:") == 5 &&
	    (pin[0] - '0') * 10 + (pin[1] - '0') < 24 && (pin[3] - '0') * 10 + (pin[4] - '0') < 60) {
		tm.tm_hour = (pin[0] - '0') * 10 + (pin[1] - '0');
		tm.tm_min = (pin[3] - '0') * 10 + (pin[4] - '0');
		tm.tm_sec = 0;
		if ((from = getenv("TALUS_TIME_FROM")) && strspn(from, "0123456789") == strlen(from) &&
		    *from && strlen(from) < 19 && now > (time_t)strtoll(from, NULL, 10))
			tm.tm_sec = (int)(now - (time_t)strtoll(from, NULL, 10)); /* mktime carries it */
	}
	c = civil_from_days(st->opt->date);
	tm.tm_year = c.year - 1900;
	tm.tm_mon = c.month - 1;
	tm.tm_mday = c.day;
	tm.tm_isdst = -1;
	return mktime(&tm);
}

/* The catalog's own copy of a program name (it lives as long as the state), or NULL. */
static const char *catalog_name(const struct catalog *cat, const char *name)
{
	for (size_t i = 0; name && i < cat->n; i++)
		if (strcmp(cat->entries[i].name, name) == 0)
			return cat->entries[i].name;
	return NULL;
}

void state_pathway_programs(struct state *st, const char **first, const char **after)
{
	for (int p = 0; p < PATHWAY_COUNT; p++)
		first[p] = after[p] = NULL;
	/* each program names the pathways it is the first of; a broken file serves none */
	for (size_t i = 0; i < st->catalog.n; i++) {
		struct program prog;
		char err[512];
		if (!catalog_load(&st->catalog, st->catalog.entries[i].name, &prog, err, sizeof(err)))
			continue;
		for (int p = 0; p < PATHWAY_COUNT; p++)
			if ((prog.pathways & (1u << p)) && !first[p]) {
				first[p] = st->catalog.entries[i].name;
				after[p] = catalog_name(&st->catalog, prog.next);
			}
		program_free(&prog);
	}
}

bool state_load_program(void *ctx, const char *name, struct program *out)
{
	struct state *st = ctx;
	char err[512];

	return catalog_load(&st->catalog, name, out, err, sizeof(err));
}

bool state_save_record(struct state *st, struct strbuf *line)
{
	struct history_writer writer;
	struct hist_record rec;
	bool saved;

	history_writer_init(&writer, st->history_path);
	saved = history_append(&writer, line->buf);
	if (!saved)
		say("%s", writer.err);
	history_writer_free(&writer);
	/* the record as the history now has it, for what the command says next */
	if (saved && line->len > 0) {
		line->buf[--line->len] = '\0';
		if (history_parse_line(line->buf, line->len, &rec)) {
			session_log_add(&st->log, &rec);
			session_log_finish(&st->log);
		}
	}
	return saved;
}

int state_load(struct state *st, const struct options *opt, unsigned needs)
{
	char err[512];
	const char *name;
	struct flag_lookup find;

	if (needs & NEED_LEVEL)
		needs |= NEED_PROGRAM;
	if (needs & NEED_PROGRAM)
		needs |= NEED_HISTORY;
	if (needs & NEED_HISTORY)
		needs |= NEED_HISTORY_PATH;
	memset(st, 0, sizeof(*st));
	st->trace_fd = -1;
	st->opt = opt;
	st->today = opt->have_date ? opt->date : local_day(time(NULL));
	if ((needs & NEED_PAST) && st->today > local_day(time(NULL))) {
		char date[DATE_BUF];
		date_format_iso(st->today, date);
		/* a record is of what happened: a run or a morning not yet come has not */
		say("--date %s is after today: nothing is recorded in the future", date);
		return EXIT_BAD_INPUT;
	}
	if (needs & NEED_NOTHING)
		return 0;
	if (!load_config(opt, &st->cfg, err, sizeof(err))) {
		say("%s", err);
		return EXIT_BAD_INPUT;
	}
	scan_programs(opt, &st->catalog);
	if ((needs & NEED_HISTORY_PATH) && !(st->history_path = history_path(st)))
		return 1;
	if ((needs & NEED_HISTORY_PATH) && !history_path_check(st->history_path, err, sizeof(err))) {
		say("%s", err);
		return EXIT_BAD_INPUT;
	}
	if (opt->trace_file &&
	    !trace_check(opt->trace_file, st->history_path, &st->trace_fd, err, sizeof(err))) {
		say("%s", err);
		return EXIT_BAD_INPUT;
	}
	if ((needs & NEED_TERMINAL) && !ui_available(err, sizeof(err))) {
		say("%s", err);
		return EXIT_BAD_INPUT;
	}
	if ((needs & NEED_HISTORY) &&
	    !load_history(st->history_path, &st->log, needs & NEED_FAST, st->today))
		return 1;
	if (!(needs & NEED_PROGRAM))
		return 0;
	name = opt->program ? opt->program : active_program(&st->log, st->cfg.program);
	if (!catalog_load(&st->catalog, name, &st->prog, err, sizeof(err))) {
		say("%s", err);
		return EXIT_BAD_INPUT;
	}
	st->days = plan_training_days(&st->prog, st->cfg.days, &st->days_limited);
	program_rules(&st->prog, &st->cfg.rules, &st->rules);
	if (!(needs & NEED_LEVEL))
		return 0;
	schedule_level(&st->log, &st->prog, &st->rules, st->today, state_now(st), &st->progress);
	progress_why(&st->progress, &st->rules, &st->prog, st->why, sizeof(st->why));
	find = (struct flag_lookup){ &st->prog, &st->cfg.rules, state_load_program, st };
	check_red_flags(&st->log, &st->rules, &find, st->today, state_now(st), &st->progress,
			&st->flags);
	return state_load_side(st);
}

void state_free(struct state *st)
{
	program_free(&st->prog);
	state_side_free(st);
	session_log_free(&st->log);
	free(st->history_path);
	if (st->trace_fd >= 0)
		close(st->trace_fd);
	catalog_free(&st->catalog);
	config_free(&st->cfg);
}

