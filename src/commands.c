#include "commands.h"

#include <langinfo.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "calf_load.h"
#include "history.h"
#include "paths.h"
#include "plan.h"
#include "report.h"
#include "runs.h"
#include "runs_report.h"
#include "safefile.h"
#include "safety.h"
#include "text.h"
#include "ui.h"
#include "util.h"


/* ---- what the commands share ---- */


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

static bool want_color(const struct user_config *cfg)
{
	const char *no_color = getenv("NO_COLOR");

	return cfg->color != COLOR_NEVER && !(no_color && *no_color);
}

static bool locale_is_utf8(void)
{
	const char *codeset = nl_langinfo(CODESET);

	return codeset && strcmp(codeset, "UTF-8") == 0;
}

/* ---- the commands ---- */

static int cmd_session(struct state *st)
{
	struct coach coach;
	struct coach_setup setup;
	struct ui_options uopt;
	char skips[200], note[300], voice_note[200];
	struct voice voice;
	int status, lock;

	/* one coach at a time on a history: a second would resume the first's session */
	if ((lock = history_lock_session(st->history_path, note, sizeof(note))) == -1) {
		fprintf(stderr, "talus: %s\n", note);
		return 1;
	}
	memset(&setup, 0, sizeof(setup));
	setup.program = &st->prog;
	setup.level = st->progress.level;
	setup.today = st->today;
	setup.training_days = st->days;
	setup.history_path = st->history_path;
	setup.log = &st->log;
	setup.wall_offset = state_now(st) - time(NULL);
	setup.rules = &st->rules;
	setup.why = st->why;
	setup.flags = &st->flags;
	setup.ready_for_next = st->progress.ready_for_next;
	{
		struct runs_request rr;
		state_runs_request(st, &rr);
		if (runs_note(&rr, setup.runs_note, sizeof(setup.runs_note)))
			setup.runs_note[sizeof(setup.runs_note) - 1] = '\0';
		setup.runs.units = rr.units;
		setup.runs.week_start = rr.week_start;
		setup.runs.shoe_limit = rr.shoe_limit;
		setup.runs.no_running = rr.no_running;
		setup.runs.ladder = rr.walk_run;
	}
	/* the first start (no session, no triage yet), or asked for */
	setup.triage = st->opt->triage || (st->log.nsessions == 0 && st->log.ntriages == 0 &&
					   !st->opt->program);
	if (setup.triage)
		state_pathway_programs(st, setup.pathway_program, setup.after_protect);
	setup.load_program = state_load_program;
	setup.load_ctx = st;
	setup.config_days = st->cfg.days;
	setup.speed = st->cfg.treadmill_speed;
	setup.walk_speed = st->cfg.treadmill_walk_speed;
	setup.units = st->cfg.units;
	if (st->opt->speed)
		parse_speed(st->opt->speed, (enum units)st->cfg.units, &setup.speed);
	setup.base_rules = &st->cfg.rules;
	if (st->log.ntriages) {
		setup.sore_known = true;
		setup.sore = st->log.triages[st->log.ntriages - 1].sore;
	}
	state_coach_programs(st, &setup);
	coach_init(&coach, &setup, monotonic_ms());
	if (st->opt->trace_file &&
	    !(coach.trace = trace_attach(st->opt->trace_file, &st->trace_fd, note, sizeof(note)))) {
		say("%s", note);
		status = EXIT_BAD_INPUT;
	} else {
		memset(&uopt, 0, sizeof(uopt));
		uopt.sound = st->cfg.sound;
		uopt.color = want_color(&st->cfg);
		uopt.cues = st->cfg.voice || st->opt->voice;
		if (uopt.cues && voice_open(&voice, st->cfg.voice_command, voice_note, sizeof(voice_note)))
			uopt.voice = &voice;
		else if (uopt.cues)
			uopt.voice_note = voice_note;
		history_report_skips(&st->log.report, skips, sizeof(skips));
		if (skips[0]) {
			snprintf(note, sizeof(note), "History: %s; the file is left as it is.", skips);
			uopt.history_note = note;
		}
		status = ui_run(&coach, &uopt);
		if (uopt.voice)
			voice_close(uopt.voice);
		if (skips[0])
			say("%s: %s; the file is left as it is", st->history_path,
				skips);
	}
	coach_free(&coach);
	history_unlock_session(lock);
	return status;
}

static int cmd_set_level(struct state *st)
{
	struct strbuf line;
	int status = 0;
	char level[40];

	if (st->opt->set_level > st->prog.levels) {
		say("%s has %d levels; --set-level %d is beyond them",
			st->prog.name, st->prog.levels, st->opt->set_level);
		return EXIT_BAD_INPUT;
	}
	if (st->opt->set_level == 0 && !st->prog.protective_level) {
		say("%s has no protective level 0 (none of its exercises is protective)",
		    st->prog.name);
		return EXIT_BAD_INPUT;
	}
	sb_init(&line);
	rec_begin(&line, state_now(st), REC_LEVEL);
	rec_put_str(&line, HK_PROGRAM, st->prog.name);
	rec_put_int(&line, HK_LEVEL, st->opt->set_level);
	rec_finish(&line);
	if (state_save_record(st, &line)) {
		format_level(&st->prog, st->opt->set_level, level, sizeof(level));
		printf("Saved: %s is at %s from now on.\n", st->prog.name, level);
	} else {
		status = 1;
	}
	sb_free(&line);
	return status;
}

static void report_request(const struct state *st, struct report_request *req)
{
	memset(req, 0, sizeof(*req));
	req->log = &st->log;
	req->today = st->today;
	req->since = st->opt->have_since ? st->opt->since : st->today - 27;
	req->utf8 = locale_is_utf8();
	req->days = st->days;
}

static int cmd_history(struct state *st)
{
	struct report_request req;

	report_request(st, &req);
	report_history(stdout, &req);
	return 0;
}

static int cmd_csv(struct state *st)
{
	struct report_request req;

	report_request(st, &req);
	report_csv(stdout, &req);
	return 0;
}



/* "If every session goes well: level 6 of 6 from Mon 14 Dec 2026, then ..." */
void forecast_line(const struct program *prog, day_t top_reached, char *buf, size_t len)
{
	char date[DATE_BUF];
	struct civil_date c = civil_from_days(top_reached);

	date_format_short(top_reached, date);
	snprintf(buf, len, "If every session goes well: level %d of %d from %s %d%s%s%s.",
		 prog->levels, prog->levels, date, c.year, prog->next ? ", then " : "",
		 prog->next ? program_next_title(prog) : "", prog->next ? " after its entry test" : "");
}

/* The config's `program` set aside by the last triage: the runner who wrote it is told
 * where they look (--plan, --check), not left to wonder. */
static const struct triage *program_unused(const struct state *st)
{
	if (st->opt->program)
		return NULL;
	return config_program_unused(&st->log, st->cfg.program, st->cfg.program_line > 0);
}

static int cmd_plan(struct state *st)
{
	struct plan_request req;
	struct plan_side side[CONFIG_MAX_ALSO];
	char warning[400], forecast[200], runs[300], cap[32], side_forecast[CONFIG_MAX_ALSO][200];
	char note[300];
	const struct triage *unused = program_unused(st);
	int *side_levels, *levels;
	day_t top;

	if (st->opt->ics_file || st->opt->format) /* the calendar: commands_report.c */
		return cmd_plan_ics(st);
	side_levels = xmalloc((size_t)st->opt->weeks * 7 * CONFIG_MAX_ALSO * sizeof(int));
	levels = xmalloc((size_t)st->opt->weeks * 7 * sizeof(*levels));
	if (st->opt->have_since && st->opt->since > st->today) {
		char since[DATE_BUF], today[DATE_BUF];
		date_format_iso(st->opt->since, since);
		date_format_iso(st->today, today);
		fprintf(stderr, "talus: --since %s is after today, %s\n", since, today);
		free(levels);
		free(side_levels);
		return EXIT_BAD_INPUT;
	}
	memset(&req, 0, sizeof(req));
	req.program = &st->prog;
	req.level = st->progress.level;
	req.today = st->today;
	req.weeks = st->opt->weeks;
	req.past_days = st->opt->have_since ? (int)(st->today - st->opt->since) : 0;
	req.log = &st->log;
	req.week_start = st->cfg.week_start;
	req.days = st->days;
	req.days_limited = st->days_limited;
	req.full = st->opt->full;
	req.bold = want_bold(&st->cfg);
	req.why = st->why;
	if (unused) {
		char date[DATE_BUF];
		date_format_short(unused->day, date);
		snprintf(note, sizeof(note), "The triage of %s chose %s; program = \"%s\" in the "
			 "config is not used (talus --triage to choose again).", date,
			 unused->program, st->cfg.program);
		req.note = note;
	}
	top = schedule_forecast_range(&st->progress, &st->rules, st->days, st->today,
				      st->today, st->opt->weeks * 7, levels);
	req.day_levels = levels;
	if (st->prog.levels > 1 && top >= 0 && st->progress.level < st->prog.levels) {
		forecast_line(&st->prog, top, forecast, sizeof(forecast));
		req.forecast = forecast;
	}
	if (st->flags.flag != RF_NONE) {
		red_flags_warning(&st->flags, warning, sizeof(warning));
		req.warning = warning;
	}
	{
		struct runs_request rr;
		state_runs_request(st, &rr);
		if (runs_note(&rr, runs, sizeof(runs)))
			req.runs = runs;
	}
	state_plan_runs(st, &req, cap, sizeof(cap));
	state_plan_sides(st, &req, side, side_levels, side_forecast);
	if (st->nside)
		plan_print_side(stdout, &req);
	else
		plan_print(stdout, &req);
	free(levels);
	free(side_levels);
	return 0;
}

static void format_days(day_set days, char *buf, size_t len)
{
	struct strbuf sb;

	sb_init(&sb);
	if (days == 0x7f) /* all seven: said short, so the line fits */
		sb_puts(&sb, "every day");
	for (int wd = day_set_next(days, -1); wd >= 0 && days != 0x7f; wd = day_set_next(days, wd))
		sb_printf(&sb, "%s%s", sb.len ? " " : "", weekday_abbr[wd]);
	copy_str(buf, len, sb.buf);
	sb_free(&sb);
}

/* What sets a program apart, on a line of its own under it (so a line fits 80 columns):
 * "protective level 0, impact; first program for: peroneal", or "". */
static void format_notes(const struct program *prog, char *buf, size_t len)
{
	struct strbuf sb;

	sb_init(&sb);
	if (prog->protective_level)
		sb_puts(&sb, "protective level 0");
	if (prog->impact)
		sb_printf(&sb, "%simpact", sb.len ? ", " : "");
	if (prog->pathways) {
		sb_printf(&sb, "%sfirst program for:", sb.len ? "; " : "");
		for (int p = 0; p < PATHWAY_COUNT; p++)
			if (prog->pathways & (1u << p))
				sb_printf(&sb, " %s", pathway_key[p]);
	}
	copy_str(buf, len, sb.len ? sb.buf : "");
	sb_free(&sb);
}

static int cmd_list(struct state *st)
{
	const struct catalog *cat = &st->catalog;
	int status = 0;

	if (cat->n == 0) {
		fputs("talus: no programs found; --programs DIR names a folder of NAME.conf files\n",
		      stderr);
		return EXIT_BAD_INPUT;
	}
	printf("%-20s %-30s %6s  %s\n", "NAME", "TITLE", "LEVELS", "DAYS");
	for (size_t i = 0; i < cat->n; i++) {
		struct program prog;
		char err[512], days[40], notes[200];

		if (!catalog_load(cat, cat->entries[i].name, &prog, err, sizeof(err))) {
			say("%s", err);
			status = EXIT_BAD_INPUT;
			continue;
		}
		format_days(prog.days, days, sizeof(days));
		format_notes(&prog, notes, sizeof(notes));
		text_put_padded(stdout, prog.name, 20);
		text_put_padded(stdout, prog.title, 30);
		printf("%6d  %s\n", prog.levels, days);
		if (notes[0])
			printf("%21s%s\n", "", notes);
		program_free(&prog);
	}
	return status;
}

/* Warnings go to stderr and leave the exit status alone: the program still runs. */
static void warn_doses(const struct catalog *cat, const struct program *prog)
{
	struct program next;
	struct strbuf out;
	char err[512], found[2 * NAME_MAX_LEN + 16];
	bool have_next = prog->next &&
			 program_load_file(&next, catalog_find(cat, prog->next), err, sizeof(err));

	sb_init(&out);
	calf_load_warnings(prog, have_next ? &next : NULL, &out);
	for (char *line = out.buf, *end; line && *line; line = end + 1) {
		end = strchr(line, '\n');
		*end = '\0';
		say("%s", line);
	}
	sb_free(&out);
	if (have_next)
		program_free(&next);
	if (catalog_dorsiflexion_after(cat, prog, found, sizeof(found)))
		say("%s:%d: warning: next leads to %s, into dorsiflexion: not for "
		    "insertional-achilles", prog->path, prog->next_line, found);
}

static int cmd_check(struct state *st)
{
	const struct catalog *cat = &st->catalog;
	const struct user_config *cfg = &st->cfg;
	size_t bad = 0;
	char *shown;

	/* --program replaces the config's program, so it is the one that must be found */
	if (st->opt->program && !catalog_find(cat, st->opt->program)) {
		fprintf(stderr, "talus: no program named '%s' (talus --list shows them)\n",
			st->opt->program);
		bad++;
	} else if (!st->opt->program && !catalog_find(cat, cfg->program)) {
		if (cfg->path && cfg->program_line)
			say("%s:%d: program '%s' is not found", cfg->path,
				cfg->program_line, cfg->program);
		else
			say("default program '%s' is not found", cfg->program);
		bad++;
	}
	for (int i = 0; !st->opt->program && i < cfg->nalso; i++)
		if (!catalog_find(cat, cfg->also[i].name)) {
			say("%s:%d: program '%s' is not found", cfg->path, cfg->also[i].line,
			    cfg->also[i].name);
			bad++;
		}
	for (size_t i = 0; i < cat->n; i++) {
		struct program prog;
		char err[512];

		if (!catalog_load(cat, cat->entries[i].name, &prog, err, sizeof(err))) {
			say("%s", err);
			bad++;
			continue;
		}
		warn_doses(cat, &prog);
		program_free(&prog);
	}
	if (bad)
		return EXIT_BAD_INPUT;
	if (program_unused(st)) {
		const struct triage *t = program_unused(st);
		char date[DATE_BUF];
		date_format_iso(t->day, date);
		say("%s:%d: warning: program '%s' is not used: the triage of %s chose %s "
		    "(talus --triage to choose again)", cfg->path, cfg->program_line, cfg->program,
		    date, t->program);
	}
	shown = xstrdup(cfg->path ? cfg->path : "(built-in defaults)");
	sanitize_text(shown);
	printf("talus: config %s ok; %zu program%s ok\n", shown, cat->n, cat->n == 1 ? "" : "s");
	free(shown);
	if (st->log.report.newer) {
		struct history_report newer = { .newer = st->log.report.newer };
		char note[200];
		history_report_notes(&newer, st->history_path, note, sizeof(note));
		shown = xstrdup(st->history_path);
		sanitize_text(shown);
		printf("talus: history %s: %s\n", shown, note);
		free(shown);
	}
	return 0;
}

/* By enum command_id. */
/* The note as the coach shows it, for reading before a first session or any time:
 * wrapped to the terminal, or to 80 columns into a file or a pipe. A broken config
 * must not hide it, so nothing is loaded first. */
static int cmd_safety(struct state *st)
{
	struct winsize ws;
	int width = 80;

	(void)st;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		width = ws.ws_col;
	safety_print(stdout, width);
	return 0;
}

static const struct command command_table[CMD_COUNT] = {
	[CMD_SESSION] = { CMD_SESSION, "session", NEED_TERMINAL | NEED_LEVEL, cmd_session },
	[CMD_PLAN] = { CMD_PLAN, "plan", NEED_LEVEL, cmd_plan },
	[CMD_LIST] = { CMD_LIST, "list", 0, cmd_list },
	[CMD_CHECK] = { CMD_CHECK, "check", NEED_HISTORY, cmd_check },
	[CMD_HISTORY] = { CMD_HISTORY, "history", NEED_PROGRAM, cmd_history },
	[CMD_CSV] = { CMD_CSV, "csv", NEED_HISTORY, cmd_csv },
	[CMD_MORNING] = { CMD_MORNING, "morning", NEED_HISTORY | NEED_PAST, cmd_morning },
	[CMD_RUN] = { CMD_RUN, "run", NEED_HISTORY | NEED_PAST, cmd_run },
	[CMD_RUNS] = { CMD_RUNS, "runs", NEED_HISTORY, cmd_runs },
	[CMD_SHOES] = { CMD_SHOES, "shoes", NEED_HISTORY, cmd_shoes },
	[CMD_RETIRE_SHOES] = { CMD_RETIRE_SHOES, "retire-shoes", NEED_HISTORY | NEED_PAST, cmd_retire_shoes },
	[CMD_IMPORT] = { CMD_IMPORT, "import", NEED_HISTORY, cmd_import },
	[CMD_SET_LEVEL] = { CMD_SET_LEVEL, "set-level", NEED_PROGRAM | NEED_PAST, cmd_set_level },
	[CMD_SAFETY] = { CMD_SAFETY, "safety", NEED_NOTHING, cmd_safety },
	[CMD_STATUS] = { CMD_STATUS, "status", NEED_LEVEL | NEED_FAST, cmd_status },
	[CMD_INSTALL_REMINDER] = { CMD_INSTALL_REMINDER, "install-reminder", NEED_LEVEL, cmd_install_reminder },
	[CMD_REMOVE_REMINDER] = { CMD_REMOVE_REMINDER, "remove-reminder", 0, cmd_remove_reminder },
	[CMD_REPORT] = { CMD_REPORT, "report", NEED_LEVEL, cmd_report },
};

const struct command *command_find(enum command_id id)
{
	return &command_table[id];
}
