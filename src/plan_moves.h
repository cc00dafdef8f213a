/* The run days in the plan: heavy calf and hop days kept away from the day before the
 * long run, and what the plan says when it moved one. */
#ifndef TALUS_PLAN_MOVES_H
#define TALUS_PLAN_MOVES_H

#include <stdbool.h>
#include <stddef.h>

#include "clock.h"
#include "program.h"

/* Heavy calf work: an exercise with the whole body weight or more on one calf
 * (calf-load 100, a single-leg raise; design). */
#define HEAVY_CALF_LOAD 100

enum heavy_kind { HEAVY_NONE, HEAVY_CALF, HEAVY_HOPS };

/* What makes a day of prog at level heavy: hops (an impact program), heavy calf work,
 * or nothing. */
enum heavy_kind plan_heavy_kind(const struct program *prog, int level);

struct day_move {
	int from;  /* the weekday it was on, the day before the long run */
	int to;    /* the weekday it moved to; -1: left out, no day was free */
};

/* The training days of a heavy program with the day before long_day (a weekday, -1 for
 * none) kept free: that day moves to the nearest earlier free day (two days before the
 * long run, then three, ...; last the day after it), never next to another of its
 * heavy days (48-72 h between, rehab.md), and onto a day in avoid (another program's
 * heavy days) or the day after one only when no other is free. The move is in *move (from -1 when nothing
 * moved). */
day_set plan_move_days(day_set days, enum heavy_kind heavy, int long_day, day_set avoid,
		       struct day_move *move);

/* "Fri, the day before Saturday's long run: hops (return-to-run) moved to Thu." */
void plan_move_note(const struct day_move *move, enum heavy_kind heavy, const char *name,
		    int long_day, char *buf, size_t len);

/* "Run days: Tue, Thu, Sat; the long run on Sat." in the order of the week from
 * week_start; "" when there are none. */
void plan_run_days_line(day_set run_days, int long_day, int week_start, char *buf, size_t len);

/* What a run day of the plan says: "long run, at most 11.0 km", "run" ("" on a day that
 * is not one); cap is "11.0 km", or NULL when no run sets one yet. brief, for a cell of
 * the table of several programs: "long run <= 11.0 km", as --status says it. */
void plan_run_cell(day_set run_days, int long_day, day_t d, const char *cap, bool brief,
		   char *buf, size_t len);

#endif
