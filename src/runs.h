/* Runs: distances and times as runners write them, and the load guard on the next run
 * (running.md: Frandsen 2025, at most 110% of the longest run of the last 30 days). */
#ifndef TALUS_RUNS_H
#define TALUS_RUNS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "clock.h"
#include "session_log.h"
#include "util.h"

#define RUN_CAP_PERCENT 110   /* of the longest run in the window (Frandsen 2025) */
#define RUN_CAP_DAYS 30       /* the window before today */
#define RUN_PAIN_MAX 2        /* impact work: pain at most 2/10 (Vincent & Vincent 2017) */
#define RUN_METRES_MAX 1000000 /* one run: at most 1,000 km */
#define RUN_SECS_MAX 864000    /* and ten days */

enum units { UNITS_KM, UNITS_MI };

/* "8.2km", "5mi", "800m", or a bare number in units: whole metres, rounded. False when it
 * is not a distance from 1 m to RUN_METRES_MAX. */
bool parse_distance(const char *s, enum units units, long *metres);
/* "45:10", "1:02:30", "45m", "1h5m", "90s": seconds, 1 to RUN_SECS_MAX. */
bool parse_duration(const char *s, long *secs);

/* The time for the distance is one a runner can run (*design*: no faster than
 * RUN_FASTEST_SECS_PER_KM; the road-mile record is near 2:30 a kilometre). */
#define RUN_FASTEST_SECS_PER_KM 120
bool run_plausible(long metres, long secs);

/* "8.2 km", "5.10 mi" */
void format_distance(long metres, enum units units, char *buf, size_t len);
/* "45:10", "1:02:30" */
void format_duration(long secs, char *buf, size_t len);
/* "5:30 /km" */
void format_pace(long metres, long secs, enum units units, char *buf, size_t len);

struct run_cap {
	long metres;        /* the cap, -1 when no run in the window counts */
	long longest;       /* the longest a run counts for, and its day */
	day_t longest_day;
	long longest_ran;   /* what that run was: more than longest when it broke its cap */
	bool held;          /* a run in the window hurt (pain above RUN_PAIN_MAX): it counts
			       not, so the cap stays where it was */
	day_t held_day;
};

/* The cap on a run today: RUN_CAP_PERCENT of the longest run of the RUN_CAP_DAYS days
 * before today (up to now; a painful run does not raise it). A run counts only up to the
 * cap in force when it was run, so a run over the cap does not raise it beyond that. */
void run_cap(const struct session_log *log, day_t today, int64_t now, struct run_cap *out);
/* Sets each run's counted, in time order (runs sorted by when): its metres up to the cap
 * in force when it was run, all of it when there was none; 0 when it hurt. *design*: the
 * guard must not be raised by the runs that broke it. */
void runs_count_toward_cap(struct run *runs, size_t n);
/* "10.0 km on Fri 20 Nov", or for a run over its cap "20.0 km on Sat 21 Nov, counted as
 * its cap of 8.8 km". */
void run_cap_longest(const struct run_cap *cap, enum units units, char *buf, size_t len);

/* One run as logged by hand: `talus --run` and the coach's form write it the same way. */
struct run_entry {
	long metres;
	long secs;          /* 0 or less: not given */
	int pain;           /* during, 0-10; -1: not rated */
	const char *shoes;  /* NULL or "": not named */
	int surface;        /* enum surface; -1: not given */
	const char *note;   /* NULL or "": none */
};

/* The run record of e at when, ended with its newline, in line. */
void runs_record_line(struct strbuf *line, time_t when, const struct run_entry *e);
/* The warning for a run of metres over the cap it had before it (it is recorded all the
 * same: it happened); false, and buf empty, when it was within the cap or there was none. */
bool run_over_cap(const struct run_cap *before, long metres, enum units units, char *buf,
		  size_t len);

#endif
