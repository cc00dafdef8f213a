/* talus --plan: the week (or weeks) ahead as plain text that fits 80 columns. */
#ifndef TALUS_PLAN_H
#define TALUS_PLAN_H

#include <stdbool.h>
#include <stdio.h>

#include "clock.h"
#include "program.h"
#include "session_log.h"

struct plan_request {
	const struct program *program;
	int level;          /* today's */
	/* the level each coming day (7 * weeks from today) would reach if every session
	 * goes well; NULL: `level` throughout */
	const int *day_levels;
	const char *why;    /* one line: why the level is what it is */
	const char *forecast; /* one line: when the last level is reached, or NULL */
	const char *warning;  /* a red flag line, or NULL */
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
};

#define PLAN_WIDTH 80

/* The training days to use: the user's, unless they break the program's limit. */
day_set plan_training_days(const struct program *prog, day_set user_days, bool *limited);

void plan_print(FILE *out, const struct plan_request *req);

#endif
