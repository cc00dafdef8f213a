/* talus --plan: the week (or weeks) ahead as plain text that fits 80 columns. */
#ifndef TALUS_PLAN_H
#define TALUS_PLAN_H

#include <stdbool.h>
#include <stdio.h>

#include "clock.h"
#include "program.h"

struct plan_request {
	const struct program *program;
	int level;
	day_t today;
	int weeks;
	int week_start; /* 0 = Monday */
	unsigned days;  /* training days, bit 0 = Monday */
	bool days_limited; /* the user's days broke the program's max-days */
	bool bold;      /* day headings in bold (a terminal that wants it) */
};

#define PLAN_WIDTH 80

/* The training days to use: the user's, unless they break the program's limit. */
unsigned plan_training_days(const struct program *prog, unsigned user_days, bool *limited);

void plan_print(FILE *out, const struct plan_request *req);

#endif
