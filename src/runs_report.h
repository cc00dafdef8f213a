/* What --runs and --shoes print: the runs with weekly totals and the cap, and each pair
 * of shoes with its distance against its limit. Plain text, for a pipe or a printer. */
#ifndef TALUS_RUNS_REPORT_H
#define TALUS_RUNS_REPORT_H

#include <stdio.h>

#include "runs.h"

#define SHOE_WARN_METRES 482803L   /* 300 mi: the source articles' first mark */
#define SHOE_LIMIT_METRES 804672L  /* 500 mi: their replace-by (the default limit) */
#define RUNS_WEEKS 8
#define RUNS_GROWTH_FLAG 30        /* % over two weeks (Nielsen 2014) */

struct runs_request {
	const struct session_log *log;
	day_t today;
	int64_t now;
	int week_start;     /* 0 = Monday */
	enum units units;
	long shoe_limit;    /* metres */
	const char *shoes;  /* shoes_print: this pair alone; NULL: every pair */
	bool walk_run;      /* a walk/run program is the runner's: its ladder sets the runs */
	const char *no_running; /* the program to finish before running (rehab.md), or NULL */
};

/* The first day of the week holding day (week_start: 0 = Monday). */
day_t runs_week_of(day_t day, int week_start);

/* One sentence or more, formatted, wrapped at PLAN_WIDTH (80) columns with a two-space
 * indent: --runs, --shoes and --run print their prose so. */
void runs_put_wrapped(FILE *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

void runs_print(FILE *out, const struct runs_request *req);
void shoes_print(FILE *out, const struct runs_request *req);
/* One line for the start screen and --plan: the cap on the next run, and the shoes in
 * use that are worn; false when there is nothing to say. */
bool runs_note(const struct runs_request *req, char *buf, size_t len);
/* The distance run in shoes (named as in the records) up to now, and whether they are
 * retired; -1 when no run names them. */
long shoes_distance(const struct session_log *log, const char *shoes, int64_t now, bool *retired);

#endif
