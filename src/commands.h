/* The commands. One table gives each command what it needs loaded and the function
 * that runs it; state_load loads what is needed, once, with one error policy. */
#ifndef TALUS_COMMANDS_H
#define TALUS_COMMANDS_H

#include <stdbool.h>

#include "catalog.h"
#include "cli.h"
#include "clock.h"
#include "config.h"
#include "plan.h"
#include "program.h"
#include "scheduler.h"
#include "session_log.h"

/* What a command needs before it runs. Each builds on the ones above it, which
 * state_load adds; it always reads the config and finds the programs first. */
enum need {
	NEED_TERMINAL = 1 << 0,     /* a screen terminal */
	NEED_HISTORY_PATH = 1 << 1, /* where the history is kept */
	NEED_HISTORY = 1 << 2,      /* the history, read */
	NEED_PROGRAM = 1 << 3,      /* the active program and its training days */
	NEED_LEVEL = 1 << 4,        /* its level and why, the red flags */
	NEED_NOTHING = 1 << 5,      /* not even the config: it runs whatever is broken */
	NEED_FAST = 1 << 6,         /* the history's old sets counted, not parsed (--status) */
	NEED_PAST = 1 << 7,         /* it records at --date, so that may not be after today */
};

/* A program coached beside the active one (the config's `also`), with all the active
 * one has: its days, rules, level and why. */
struct side_program {
	struct program prog;
	day_set days;
	bool days_limited;
	struct progression_rules rules;
	struct progress progress;
	char why[300];
};

/* Everything a command works from. */
struct state {
	const struct options *opt;
	struct user_config cfg;
	struct catalog catalog;
	day_t today;
	char *history_path;       /* NEED_HISTORY_PATH */
	int trace_fd;             /* --trace: an old trace checked and kept open, else -1 */
	struct session_log log;   /* NEED_HISTORY */
	struct program prog;      /* NEED_PROGRAM: the one --program names, or the active one */
	day_set days;             /* the training days in force */
	bool days_limited;        /* the config's days broke the program's max-days */
	struct progression_rules rules; /* NEED_PROGRAM: the config's, with the program's limits */
	struct progress progress; /* NEED_LEVEL */
	char why[300];
	struct red_flags flags;
	/* NEED_LEVEL, without --program: the config's `also` programs (state_side.c) */
	struct side_program side[CONFIG_MAX_ALSO];
	int nside;
	/* what the long run and heavy calf work moved: a line a day moved (state_side.c) */
	char moves[(CONFIG_MAX_ALSO + 1) * 7][PLAN_NOTE_MAX];
	char no_running[64];      /* the program to finish before running; "": running allowed */
	bool ladder;              /* a walk/run program is on: its ladder is the running */
	int nmoves;
};

struct command {
	enum command_id id;
	const char *name;
	unsigned needs;           /* enum need */
	int (*run)(struct state *st); /* returns the exit status */
};

const struct command *command_find(enum command_id id);

/* The program each pathway starts at (NULL: none serves it), and the one after it (for
 * a sprain past the days of protecting it), from the programs talus finds. */
void state_pathway_programs(struct state *st, const char **first, const char **after);
/* Loads the program name from the folders talus searches (for the coach's triage). */
bool state_load_program(void *st, const char *name, struct program *out);

struct runs_request;
struct run_cap;
/* What --runs, --shoes and the runs line of the plan and the start screen read. */
void state_runs_request(const struct state *st, struct runs_request *req);

/* The commands that log a record (commands_log.c). */
int cmd_morning(struct state *st);
int cmd_run(struct state *st);
int cmd_runs(struct state *st);
int cmd_shoes(struct state *st);
int cmd_retire_shoes(struct state *st);
/* Prints what a run just saved was, and the over-cap and pain warnings: cap is the cap
 * as it stood before it (commands_log.c, for --run and --import). */
void say_run_saved(const struct state *st, const char *verb, long metres, long secs, int pain,
		   const struct run_cap *cap);
/* The cap on the next run, then what the rehab says of running now. */
void say_next_run(const struct state *st);
/* talus --import FILE... (commands_import.c) */
int cmd_import(struct state *st);

/* --status and the reminder that runs it (commands_status.c); --report and --plan's
 * calendar (commands_report.c). */
int cmd_status(struct state *st);
int cmd_install_reminder(struct state *st);
int cmd_remove_reminder(struct state *st);
int cmd_report(struct state *st);
int cmd_plan_ics(struct state *st);

/* Appends the finished record in line (rec_finish'ed) to the history, saying why when
 * it cannot; then adds it to st->log (line is parsed in place). */
bool state_save_record(struct state *st, struct strbuf *line);

/* The config's `also` programs loaded beside the active one (none with --program, and
 * none that is the active one); then each program's days kept away from the long run.
 * Returns 0 or the exit status after one line on standard error. */
int state_load_side(struct state *st);
void state_side_free(struct state *st);
struct coach_setup;
/* The programs due today for the coach: the active one first when it is due, then the
 * others due, one after the other; when only another is due, that one first; when none
 * is, the active one as before. Not on a visit that asks the triage. */
void state_coach_programs(struct state *st, struct coach_setup *setup);
struct plan_request;
/* The run days, the cap and the moves for --plan. */
void state_plan_runs(const struct state *st, struct plan_request *req, char *cap, size_t caplen);

struct plan_side;
/* The programs beside the active one for --plan, their levels forecast as its is
 * (levels: 7 * weeks for each), and the columns to fit them in. */
void state_plan_sides(struct state *st, struct plan_request *req, struct plan_side *side,
		      int *levels, char (*forecast)[200]);
/* "If every session goes well: level 6 of 6 from Mon 14 Dec 2026, then ..." */
void forecast_line(const struct program *prog, day_t top_reached, char *buf, size_t len);

/* Now, or with --date, that date at the current time of day: for records and rules. */
time_t state_now(const struct state *st);

/* Loads what needs asks for, in the order of enum need. Returns 0, or the exit status
 * after one line on standard error: 2 for bad input (the config, no such program, a
 * broken program file, no terminal), 1 for a failure (no history file, an unreadable
 * one). Damaged history lines are reported and skipped. state_free is due either way. */
int state_load(struct state *st, const struct options *opt, unsigned needs);
void state_free(struct state *st);

#define EXIT_BAD_INPUT 2

/* One line on standard error, "talus: " first, what came from outside cleaned. */
void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
