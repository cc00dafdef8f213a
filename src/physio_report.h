/* talus --report: what a runner brings to an appointment, on about one page (66 lines
 * of 80 columns for twelve weeks), as plain text or Markdown: the pathway and sore
 * side, programs and levels over time with each change and its reason, pain and
 * adherence per week, the entry tests on both sides, runs against the cap, the red
 * flags and how they were answered, and the notes. */
#ifndef TALUS_PHYSIO_REPORT_H
#define TALUS_PHYSIO_REPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "clock.h"
#include "config.h"
#include "program.h"
#include "scheduler.h"
#include "session_log.h"
#include "util.h"

/* Each list is cut to its most recent lines so the whole fits a page (*design*). */
#define PREPORT_CHANGES 16
#define PREPORT_TESTS 4
#define PREPORT_FLAGS 5
#define PREPORT_NOTES 8
#define PREPORT_WIDTH 80

struct physio_request {
	const struct session_log *log;
	const struct program *prog;      /* the program in force */
	const struct progress *progress; /* its level today */
	const struct red_flags *flags;   /* in force today */
	const struct progression_rules *base_rules; /* the config's */
	/* loads another program named in the history, for the reason of its levels */
	bool (*load_program)(void *ctx, const char *name, struct program *out);
	void *load_ctx;
	day_set days;                    /* training days, for adherence */
	day_t since;                     /* first day shown: a week start */
	day_t today;
	int64_t now;
	int units;                       /* enum units */
	bool markdown;
	day_t began;                     /* set by physio_report: the first session or triage */
};

void physio_report(FILE *out, const struct physio_request *req);
/* Its lines of "Programs and levels" (physio_levels.c), oldest first, each and the
 * array to free; their number in *n. */
char **physio_level_lines(const struct physio_request *req, size_t *n);
/* Text from the history as one line (escaped in Markdown). */
void physio_put_text(struct strbuf *sb, const char *text, bool md);
/* Its table of weeks (physio_weeks.c), from req->since to req->today. */
void physio_print_weeks(FILE *out, const struct physio_request *req);

#endif
