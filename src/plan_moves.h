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

/* Why a heavy day moves. */
enum move_why { MOVE_OK, MOVE_BEFORE_LONG, MOVE_LONG_DAY, MOVE_ON_CALF, MOVE_AFTER_CALF };

struct day_move {
	int from;  /* the weekday it was on */
	int to;    /* the weekday it moved to; -1: left out, no day was free */
	enum move_why why;
};

/* Why a heavy day cannot be on weekday wd (MOVE_OK: it can): hops not on the long run's
 * day (long_day, -1 for none) nor the day before it, nor on a day of calf (another
 * program's heavy calf work) nor the day after one (48 h after heavy calf work,
 * rehab.md); heavy calf work not on the day before the long run. */
enum move_why plan_move_why(enum heavy_kind heavy, int long_day, day_set calf, int wd);

/* The training days of a heavy program with each day plan_move_why refuses moved: to
 * the nearest earlier allowed free day around the long run (two days before it, then
 * three, ...; last the day after it), or without a long run the nearest day; never next
 * to another of its heavy days (48-72 h between, rehab.md), and onto a day in avoid
 * (another program's heavy days) or the day after one only when no other is free. Each
 * move is in moves (7 at most), *nmoves of them. */
day_set plan_move_days(day_set days, enum heavy_kind heavy, int long_day, day_set calf,
		       day_set avoid, struct day_move *moves, int *nmoves);

/* "Fri, the day before Saturday's long run: hops (return-to-run) moved to Thu.";
 * "Tue, 24 h after Monday's heavy calf work (48 h wanted): hops (return-to-run) left
 * out, no other day free." */
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

/* Where a program stands to running (rehab.md, return to running): a walk/run program
 * (RUNNING); hops (an impact program without intervals) or a program whose `next` leads
 * to them (BEFORE, their name in gate: the return-to-run criteria come first); any
 * other (OTHER: maintenance, or one that never leads to running). load reads a program
 * by name, as state_load_program does. */
enum run_stage { RUN_STAGE_OTHER, RUN_STAGE_BEFORE, RUN_STAGE_RUNNING };
typedef bool (*plan_load_fn)(void *ctx, const char *name, struct program *out);
enum run_stage plan_run_stage(const struct program *prog, plan_load_fn load, void *ctx,
			      char *gate, size_t len);

/* The run days are runs: a walk/run program is on, or none is before the return-to-run
 * exit (*design*, from rehab.md's return-to-run criteria). */
bool plan_running_allowed(const enum run_stage *stages, int n);

#endif
