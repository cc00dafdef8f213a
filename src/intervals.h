/* Walk/run intervals: the program keys `intervals` and `repeat` of an exercise, read
 * into walk and run steps, each by time or by distance; the treadmill speed that turns
 * a distance into a time. The engine times them as it times holds. */
#ifndef TALUS_INTERVALS_H
#define TALUS_INTERVALS_H

#include <stdbool.h>
#include <stddef.h>

#include "confdoc.h"
#include "routine.h"
#include "runs.h"

#define INTERVALS_MAX 8          /* intervals in one level's pattern (design) */
#define INTERVAL_REPEAT_MAX 20   /* the pattern's repeats (design: Delaware L1 is 10) */
#define INTERVAL_SECS_MAX 7200   /* one interval: at most 2 h (design) */
#define INTERVAL_METRES_MAX 50000 /* and 50 km (design) */
#define SPEED_MIN_KMH 1          /* a treadmill's speed, km/h (design: belts run 1-25) */
#define SPEED_MAX_KMH 30
/* The time a distance interval is expected to take off a treadmill, for the session's
 * estimate only (design: walking 5 km/h, running 8 km/h, running.md's example speed). */
#define WALK_ESTIMATE_M_PER_H 5000
/* On a treadmill the walks go at their own speed, not the run's (design: 5 km/h, an
 * easy walk; the config's treadmill-walk-speed sets it). */
#define WALK_SPEED_DEFAULT 5000
#define RUN_ESTIMATE_M_PER_H 8000

struct interval {
	enum stride stride; /* STRIDE_WALK or STRIDE_RUN */
	int secs;           /* by time: seconds; 0 when by distance */
	long metres;        /* by distance: metres; 0 when by time */
	bool miles;         /* the distance was written in miles: shown in miles */
};

/* One level's pattern, "walk 4:00, run 1:00": each part a stride (walk or run) and a
 * time (4:00, 1:30:00, 90s, 4min) or a distance with its unit (400m, 0.1mi, 2km). On
 * error err holds what is wrong (without file or line). */
bool intervals_parse(const char *spec, struct interval *out, int *n, char *err, size_t errlen);

/* "8kmh", "8km/h", "8kph", "5mph", or a bare number in units (km/h or mph): metres an
 * hour, from SPEED_MIN_KMH to SPEED_MAX_KMH km/h. */
bool parse_speed(const char *s, enum units units, long *metres_per_hour);
/* "8.0 km/h", "5.0 mph" */
void format_speed(long metres_per_hour, enum units units, char *buf, size_t len);

/* Seconds metres take at a speed, to the nearest second (at least 1). */
int interval_secs_at(long metres, long metres_per_hour);

/* The exercise is a walk/run one: it has intervals. */
bool is_interval_exercise(const struct exercise *ex);

/* Reads an exercise's `intervals` and `repeat` (program.c calls this for each
 * exercise section): every level's pattern checked, and an interval exercise has no
 * reps, hold, tempo or sides. */
bool load_interval_keys(struct conf_doc *doc, cfg_t *sec, int nth, int levels,
			struct exercise *ex);

/* Adds the walk and run steps of an interval exercise at a level to r (routine.c calls
 * this); distance steps end by hand until routine_at_speed times them. */
void intervals_add_steps(struct routine *r, size_t *cap, size_t e, int level);
/* On a treadmill: every distance step becomes a timed one at the speed. */
void routine_at_speed(struct routine *r, long metres_per_hour);
/* The same, the walk steps at walk_m_per_h (never faster than the run; 0: the run's). */
void routine_at_speeds(struct routine *r, long run_m_per_h, long walk_m_per_h);
/* The speed of a stride on a treadmill at run_m_per_h, its walks at walk_m_per_h. */
long stride_speed(enum stride stride, long run_m_per_h, long walk_m_per_h);

/* "Next: run 1:00 (run 1 of 3)": the interval after step i, when step i is an interval
 * or the get-ready before the first one; false otherwise. */
bool intervals_next_text(const struct routine *r, size_t i, char *buf, size_t len);

/* "3 x walk 4:00 / run 1:00" (the dose of an interval exercise) */
void format_intervals(const struct exercise *ex, int level, char *buf, size_t len);
/* "run 400 m", "walk 4:00" (one interval) */
void format_interval(const struct interval *iv, enum units units, char *buf, size_t len);

/* What a walk/run session covered, added up interval by interval as each ends: a
 * distance step counts its distance; a time step counts time x speed on a treadmill,
 * else no distance (metres_known turns false). */
struct walk_run_total {
	long metres;
	long secs;
	bool metres_known; /* every interval counted had a distance */
	int intervals;
};
void walk_run_begin(struct walk_run_total *t);
void walk_run_add(struct walk_run_total *t, const struct step *s, int secs, long metres_per_hour);

#endif
