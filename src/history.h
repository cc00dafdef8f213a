/* The session history file: plain text, append-only, one record per line (the format
 * of a record is record.h). Writing follows the durable-append protocol (O_APPEND,
 * flock, one write, fdatasync, roll back on failure); reading never aborts and never
 * rewrites. */
#ifndef TALUS_HISTORY_H
#define TALUS_HISTORY_H

#include <stdbool.h>
#include <stddef.h>

#include "record.h"

#define HISTORY_HEADER "# talus history v1\n"
#define HISTORY_MAX_LINE REC_LINE_MAX

struct history_writer {
	char *path;
	char **pending;   /* whole lines not yet saved, oldest first */
	size_t npending;
	char err[320];    /* why the last append failed: "path: what: reason" */
	int errnum;       /* and its errno, for a short message */
};

void history_writer_init(struct history_writer *w, const char *path);
void history_writer_free(struct history_writer *w);
/* Queues line (a whole record ending in '\n') and tries to save every pending line.
 * Returns true when all are on disk; false with w->err set, the lines kept in memory
 * and the file as it was. */
bool history_append(struct history_writer *w, const char *line);
/* Tries the pending lines again. */
bool history_retry(struct history_writer *w);

/* ---- reading ---- */

#define HISTORY_SHOWN_SKIPS 10

struct history_report {
	size_t records;
	size_t skipped;
	size_t skipped_lines[HISTORY_SHOWN_SKIPS]; /* the first few */
	char err[320];
};

typedef void (*history_visit_fn)(const struct hist_record *rec, void *ctx);

/* Calls visit for each good record. A missing file is an empty history. Returns false
 * with report->err set when the file cannot be read at all (a directory, no permission). */
bool history_read(const char *path, history_visit_fn visit, void *ctx,
		  struct history_report *report);
/* "skipped 3 damaged lines (4, 9, 12)" into buf, or "" when none. */
void history_report_skips(const struct history_report *report, char *buf, size_t len);

#endif
