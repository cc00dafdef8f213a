/* talus --plan: the week (or weeks) ahead as plain text that fits 80 columns. */
#ifndef TALUS_PLAN_H
#define TALUS_PLAN_H

#include <stdbool.h>
#include <stdio.h>

#include "clock.h"
#include "program.h"

struct plan_request {
	const struct program *program;
	int level;          /* today's */
	/* the level each shown day would reach if every session goes well, from the first
	 * day of the first week; NULL: `level` throughout */
	const int *day_levels;
	const char *why;    /* one line: why the level is what it is */
	const char *forecast; /* one line: when the last level is reached, or NULL */
	const char *warning;  /* a red flag line, or NULL */
	day_t today;
	int weeks;
	int week_start; /* 0 = Monday */
	day_set days;   /* training days */
	bool days_limited; /* the user's days broke the program's max-days */
	bool bold;      /* day headings in bold (a terminal that wants it) */
};

#define PLAN_WIDTH 80

/* The first day of the week that holds day. */
day_t plan_first_day(day_t day, int week_start);

/* The training days to use: the user's, unless they break the program's limit. */
day_set plan_training_days(const struct program *prog, day_set user_days, bool *limited);

void plan_print(FILE *out, const struct plan_request *req);

#endif
