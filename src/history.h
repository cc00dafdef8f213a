/* The session history: a plain-text, append-only file of records, one per line.
 * Writing follows the durable-append protocol (O_APPEND, flock, one write, fdatasync,
 * roll back on failure); reading never aborts and never rewrites. */
#ifndef TALUS_HISTORY_H
#define TALUS_HISTORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "clock.h"
#include "util.h"

#define HISTORY_HEADER "# talus history v1\n"
#define HISTORY_MAX_LINE 4096
#define HISTORY_MAX_FIELDS 24

enum record_type {
	REC_START,   /* a session begins: session, program, level, planned */
	REC_SET,     /* one set on one side ended: session, exercise, set, side, reps, target, secs */
	REC_SKIP,    /* an exercise (or the rest of it) skipped: session, exercise */
	REC_END,     /* a session ends: session, status, pain-during, pain-after, secs, note */
	REC_MORNING, /* next-morning pain: pain */
	REC_LEVEL,   /* a level set by hand: program, level */
	REC_SAFETY,  /* the safety note was acknowledged */
	REC_ADVICE,  /* a see-a-clinician advisory was shown: reason */
	REC_TEST,    /* a stage entry test answered: program, next, answer (yes/no) */
	REC_TYPE_COUNT
};

extern const char *const record_type_name[REC_TYPE_COUNT];

/* ---- writing ---- */

/* Starts a record line: local timestamp with offset, tab, type. */
void rec_begin(struct strbuf *line, time_t when, enum record_type type);
/* Adds a tab and key=value, escaping tab, newline, CR and backslash in value. */
void rec_str(struct strbuf *line, const char *key, const char *value);
void rec_int(struct strbuf *line, const char *key, long value);
/* Ends the record with a newline. */
void rec_finish(struct strbuf *line);

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

struct hist_field {
	const char *key;
	const char *value;
};

/* The keys talus itself writes, looked up without string compares. */
enum hist_key {
	HK_SESSION, HK_PROGRAM, HK_LEVEL, HK_PLANNED, HK_EXERCISE, HK_SET, HK_SIDE, HK_REPS,
	HK_TARGET, HK_SECS, HK_STATUS, HK_PAIN_DURING, HK_PAIN_AFTER, HK_PAIN, HK_NOTE,
	HK_NEXT, HK_ANSWER, HK_REASON, HK_COUNT
};

struct hist_record {
	enum record_type type;
	const char *known[HK_COUNT]; /* the value of each known key, or NULL */
	int64_t when;   /* seconds since the epoch */
	day_t day;      /* local date as written */
	int secs_of_day; /* local time of day as written */
	size_t line;    /* line number in the file */
	size_t nfields;
	struct hist_field fields[HISTORY_MAX_FIELDS];
};

/* Parses one line (without its newline) in place; false if it does not parse. */
bool history_parse_line(char *line, size_t len, struct hist_record *rec);
const char *rec_get(const struct hist_record *rec, const char *key);
/* The integer at key, or fallback when absent or not a number. */
long rec_get_int(const struct hist_record *rec, const char *key, long fallback);

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
