/* talus --plan: the week (or weeks) ahead as plain text that fits 80 columns. */
#ifndef TALUS_PLAN_H
#define TALUS_PLAN_H

#include <stdbool.h>
#include <stdio.h>

#include "clock.h"
#include "program.h"
#include "session_log.h"

#define PLAN_NOTE_MAX 200

/* A program shown beside the first (the config's `also`): what --plan knows of it. */
struct plan_side {
	const struct program *program;
	int level;
	const int *day_levels; /* as plan_request's */
	const char *why;
	const char *forecast;
	day_set days;
	bool days_limited;
};

struct plan_request {
	const struct program *program;
	int level;          /* today's */
	/* the level each coming day (7 * weeks from today) would reach if every session
	 * goes well; NULL: `level` throughout */
	const int *day_levels;
	const char *why;    /* one line: why the level is what it is */
	const char *forecast; /* one line: when the last level is reached, or NULL */
	const char *warning;  /* a red flag line, or NULL */
	const char *note;     /* the config's program set aside by the triage, or NULL */
	const char *runs;     /* the cap on the next run and worn shoes, or NULL */
	day_t today;
	int weeks;          /* 7 * weeks days are shown from today */
	/* the days before today shown as what happened (done, missed, rest), from the
	 * sessions in log; 0: none */
	int past_days;
	const struct session_log *log; /* the history; NULL: no session known */
	int week_start; /* 0 = Monday: the first day in the list of training days */
	day_set days;   /* training days */
	bool days_limited; /* the user's days broke the program's max-days */
	bool full;      /* every training day's exercises, not "as Mon 23 Nov" */
	bool bold;      /* day headings in bold (a terminal that wants it) */
	/* the run days (config run-days, long-run-day -1 for none), the cap on the next run
	 * ("11.0 km", or NULL), and a line for each heavy day the long run moved */
	day_set run_days;
	int long_run_day;
	const char *run_cap;
	const char *no_running; /* the program to finish before running (run_days then 0) */
	int units;      /* enum units: the runs done, in plan_print_side */
	const char (*moves)[PLAN_NOTE_MAX];
	int nmoves;
	/* the programs side by side with this one (plan_print_side), and the columns to
	 * fit them in (80 at most) */
	const struct plan_side *side;
	int nside;
	int width;
};

#define PLAN_WIDTH 80

/* The training days to use: the user's, unless they break the program's limit. */
day_set plan_training_days(const struct program *prog, day_set user_days, bool *limited);

void plan_print(FILE *out, const struct plan_request *req);
/* Two or three programs: a column each (and one for the run days), a row a day; each
 * program's lines stacked under the day when the columns do not fit req->width
 * (plan_side.c). */
void plan_print_side(FILE *out, const struct plan_request *req);

/* For plan_side.c: the exercises of prog at level in plan_print's columns (80 wide);
 * the run days, the cap and the moves, one line each (at most width wide). */
void plan_print_exercises(FILE *out, const struct program *prog, int level);
void plan_print_runs(FILE *out, const struct plan_request *req, int width);
/* Text from column col (where the line already is), wrapped at word breaks inside width
 * and going on at column indent. */
void plan_put_wrapped(FILE *out, int width, int col, int indent, const char *text);

#endif
