/* --status: one line for a shell prompt, tmux's status line, a bar or a login message,
 * saying only what is due (today's session, the morning check-in, a flare, worn shoes),
 * with the cap on the next run beside it. Nothing due: nothing at all. */
#ifndef TALUS_STATUS_H
#define TALUS_STATUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "clock.h"
#include "program.h"
#include "scheduler.h"
#include "session_log.h"

/* A program coached beside the first (the config's `also`): its days after the plan's
 * moves and its level. */
struct status_program {
	const struct program *prog;
	const struct progress *progress;
	day_set days;
};

struct status_request {
	const struct session_log *log;
	const struct program *prog;
	const struct progress *progress; /* today's level and why */
	const struct red_flags *flags;
	day_set days;                    /* the training days in force */
	day_t today;
	int64_t now;
	int units;                       /* enum units */
	long shoe_limit;                 /* metres */
	const struct status_program *others; /* the programs beside prog */
	int nothers;
	bool no_free_runs;               /* before the return-to-run criteria, or on the
					    walk/run ladder: no cap to tell */
};

/* Each field as --status --format shows it; "" when it has nothing to say. */
struct status_fields {
	char session[32];  /* %s: "23 min" when today's session is due (of every program
			    * due today, together) */
	char morning[16];  /* %m: "morning" when the morning check-in is due */
	char flare[64];    /* %f: "see a clinician", "back to level 2" */
	char cap[32];      /* %c: "8.8 km", the cap on the next run */
	char shoes[112];   /* %w: "Pegasus 40 (520 km)", the first worn pair in use */
	char level[16];    /* %l: "3/8", of the first program due today (else prog) */
	char program[SESSION_ID_MAX + 1]; /* %p, the same program */
	bool due;          /* session, morning, flare or shoes: the line is printed */
};

/* The history as --status reads it (status_read.c): the sets and skips before today -
 * STATUS_FULL_DAYS are counted, not parsed (*design*: the morning-after check looks back
 * 72 hours at most). False with log->report.err, as session_log_load. */
#define STATUS_FULL_DAYS 7
bool status_log_load(struct session_log *log, const char *path, day_t today);

void status_compute(const struct status_request *req, struct status_fields *out);

/* The default line: "talus: session 23 min; morning check-in; next run <= 8.8 km". */
void status_line(const struct status_fields *f, char *buf, size_t len);

/* FORMAT with %s %m %f %c %w %l %p and %% replaced. False, with *bad the offending
 * character (or 0 for a lone % at the end), when FORMAT has another field. */
bool status_format(const struct status_fields *f, const char *format, char *buf, size_t len,
		   char *bad);

#endif
