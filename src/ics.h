/* --plan as an iCalendar file (RFC 5545): one all-day event per training day with its
 * doses, CRLF line ends, lines folded at 75 octets, text escaped, and UIDs made from
 * the date and the program so that a calendar importing it again updates its events. */
#ifndef TALUS_ICS_H
#define TALUS_ICS_H

#include <stdint.h>

#include "clock.h"
#include "program.h"
#include "util.h"

#define ICS_LINE_OCTETS 75 /* RFC 5545 3.1, not counting the CRLF */

/* Text as a TEXT value: '\\', ';', ',' escaped, a newline as \n, other control
 * characters left out (RFC 5545 3.3.11). */
void ics_escape(struct strbuf *out, const char *text);

/* One content line ("NAME:value", no line end) folded: CRLF and a space before each
 * 75 octets, never inside a UTF-8 character. */
void ics_put_line(struct strbuf *out, const char *line);

/* A program beside the first (the config's `also`): its own events, UIDs and days. */
struct ics_program {
	const struct program *program;
	const int *day_levels; /* as ics_request's */
	int level;
	day_set days;          /* after the plan's moves */
};

struct ics_request {
	const struct program *program;
	const int *day_levels; /* the level each day would reach; NULL: level throughout */
	int level;
	day_t today;
	int ndays;
	day_set days;          /* training days */
	int64_t now;           /* for DTSTAMP */
	const char *runs;      /* the cap on the next run (a line), or NULL */
	day_set run_days;      /* an event each (0: none, or no running yet) */
	int long_run_day;      /* a weekday, -1 for none */
	const char *run_cap;   /* "8.8 km", or NULL: no run sets one yet */
	const struct ics_program *others;
	int nothers;
};

void ics_plan(struct strbuf *out, const struct ics_request *req);

#endif
