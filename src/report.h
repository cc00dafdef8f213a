/* talus --history: the sessions as a table with a summary, or every set as CSV. */
#ifndef TALUS_REPORT_H
#define TALUS_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "clock.h"
#include "session_log.h"

struct report_request {
	const struct session_log *log;
	day_t today;
	day_t since;              /* first day of the summary */
	day_set days;             /* training days */
	bool utf8;                /* block characters for the sparkline */
};

void report_history(FILE *out, const struct report_request *req);
/* One row per set, in the order of the history, with a header. */
void report_csv(FILE *out, const struct report_request *req);

/* Pain 0-10 as one sparkline character per value, oldest first. */
void pain_sparkline(const int *pains, size_t n, bool utf8, char *buf, size_t len);
/* Planned days met in a row, counting back from today (today not yet due). */
int planned_streak(const struct session_log *log, day_set days, day_t today);

#endif
