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

/* Beside the history: the records a coach could not save before it ended (merged into
 * the history and removed at the next save), and the lock a running session holds. */
#define HISTORY_UNSAVED_SUFFIX ".unsaved"
#define HISTORY_LOCK_SUFFIX ".lock"

struct history_writer {
	char *path;
	char **pending;   /* whole lines not yet saved, oldest first */
	size_t npending;
	char err[320];    /* why the last append failed: "path: what: reason" */
	int errnum;       /* and its errno, for a short message (EWOULDBLOCK: locked) */
	int lock_wait_ms; /* how long to wait for another talus's write: 2000 unless set */
	size_t merged;    /* records of the .unsaved file merged into the history so far */
};

/* Every file of the history is opened with care, as OpenSSH's StrictModes does: never
 * through a symbolic link (O_NOFOLLOW), never a FIFO or a device (O_NONBLOCK, then
 * fstat), only a regular file the runner owns that no one else may write to, in a
 * folder of the runner's or root's that others cannot write to (unless sticky, as
 * /tmp). Otherwise a one-line reason and nothing read or written. */

void history_writer_init(struct history_writer *w, const char *path);
void history_writer_free(struct history_writer *w);
/* Queues line (a whole record ending in '\n') and tries to save every pending line.
 * Returns true when all are on disk; false with w->err set, the lines kept in memory
 * and the file as it was. */
bool history_append(struct history_writer *w, const char *line);
/* Tries the pending lines again. Each save first merges the records of the .unsaved
 * file beside the history (those not there already) and then removes it. A lock held
 * by another talus is waited for lock_wait_ms at most; the screen sets 0 and retries. */
bool history_retry(struct history_writer *w);
/* Keeps the pending lines durably in the .unsaved file beside the history (written as
 * the history is: append, lock, sync), for the next save to merge. True when they are
 * kept (and no longer pending); false with w->err set. */
bool history_keep_unsaved(struct history_writer *w);

/* The lock of a running session: a lock file beside the history held with flock for
 * as long as the returned descriptor is open. -1 with err set when another talus holds
 * it or the lock file is refused (a link, another user's); -2 with err set when it
 * cannot be had at all (a read-only disk, no permission): the session may run, its
 * records wait as any unsaved record does. history_unlock_session(< 0) does nothing. */
int history_lock_session(const char *path, char *err, size_t errlen);
void history_unlock_session(int fd);

/* Opens a history file with care (no link followed, never blocking on a FIFO): it must
 * be a regular file of the runner's that no one else may write to, in a folder no one
 * else may write to. -1 with why set (and errno) otherwise. For history*.c. */
int history_open_checked(const char *path, int flags, char *why, size_t len);

/* ---- reading ---- */

#define HISTORY_SHOWN_SKIPS 10

struct history_report {
	size_t records;
	size_t newer;     /* well-formed records of types this version does not know */
	size_t unsaved;   /* records read from the .unsaved file, not yet merged */
	size_t skipped;
	size_t skipped_lines[HISTORY_SHOWN_SKIPS]; /* the first few */
	char err[320];
};

typedef void (*history_visit_fn)(const struct hist_record *rec, void *ctx);

/* Calls visit for each good record: the history's, then those of its .unsaved file. A
 * missing file is an empty history; a byte-order mark at the start is passed over; a
 * record of a type this version does not know is counted in report->newer and passed
 * over, as an unknown key is. Returns false with report->err set when the file cannot
 * be read at all (a directory, a FIFO, no permission, a link, another user's). */
bool history_read(const char *path, history_visit_fn visit, void *ctx,
		  struct history_report *report);
/* As history_read, asking filter first about each line (its bytes, no line end; never a
 * comment): a line it returns false for is passed over unparsed, as --status passes
 * over old sets after counting them. */
typedef bool (*history_filter_fn)(const char *line, size_t len, void *ctx);
bool history_read_filtered(const char *path, history_visit_fn visit, history_filter_fn filter,
			   void *ctx, struct history_report *report);
/* Counts line lineno as damaged and skipped (a reader of the records may find one too). */
void history_report_skip(struct history_report *report, size_t lineno);
/* "skipped 3 damaged lines (4, 9, 12)" into buf, or "" when none. */
void history_report_skips(const struct history_report *report, char *buf, size_t len);
/* "3 records of a newer talus passed over" / "2 records kept in FILE.unsaved are added
 * at the next save", or "" when none. */
void history_report_notes(const struct history_report *report, const char *path, char *buf,
			  size_t len);

#endif
