/* The session engine: walks the steps of a routine against a clock it is handed.
 * No screen code and no reading of the clock in here: every call takes `now`, in
 * milliseconds on a monotonic clock, so tests drive it with made-up time. */
#ifndef TALUS_ENGINE_H
#define TALUS_ENGINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "routine.h"

#define NO_DEADLINE INT64_MAX
#define REST_ADJUST_MS 15000
/* A timed walk/run interval ended with Enter before this share of its time was not
 * done: it counts as skipped (design: half, as a session needs half its sets). */
#define INTERVAL_DONE_PERCENT 50

enum engine_cmd {
	CMD_PAUSE,         /* pause, or resume */
	CMD_DONE,          /* the set is done (or: go on to the next step now) */
	CMD_SKIP,          /* skip this step: a rest, a countdown, or a set without saving it */
	CMD_SKIP_EXERCISE, /* skip the rest of this exercise */
	CMD_BACK,          /* redo the set: restart it, or go back to it from its rest */
	CMD_REST_PLUS,     /* 15 s more rest */
	CMD_REST_MINUS,    /* 15 s less rest */
};

/* What a call changed; the caller redraws and rings from these. */
#define ENG_CHANGED  1u /* something on screen changed */
#define ENG_NEW_STEP 2u /* a different step began */
#define ENG_BELL     4u /* a change, or one of the last three seconds of a hold */
#define ENG_FINISHED 8u /* the last step ended */

struct set_event {
	size_t exercise;
	int set;
	enum side side;
	int reps;   /* done; 0 for a hold */
	int target; /* reps or seconds planned */
	int secs;   /* how long the set took */
	bool again; /* the set was done before: this replaces it */
	size_t step; /* the routine's step it ended */
};

#define ENGINE_MAX_EVENTS 16

struct engine {
	const struct routine *routine;
	size_t step;
	int64_t step_start;   /* when this step began, moved on by pauses */
	int64_t extra_ms;     /* +/- rest time on this step */
	bool paused;
	int64_t paused_at;
	bool finished;
	int64_t started_at;
	int64_t paused_ms;    /* all time spent paused */
	int last_bell_secs;   /* countdown second last rung, so each rings once */
	bool *done;           /* per step: a set saved, or skipped over (for resume) */
	int reps_entered;     /* reps the runner typed for a set they end, or -1 */
	bool leading;         /* a countdown before `step`, not in the routine (resume) */
	struct step lead_in;
	/* sets ended and exercises skipped since the caller last drained them */
	struct set_event sets[ENGINE_MAX_EVENTS];
	size_t nsets;
	size_t skipped[ENGINE_MAX_EVENTS];
	size_t nskipped;
};

void engine_init(struct engine *e, const struct routine *r, int64_t now);
void engine_free(struct engine *e);
/* Starts at step (to resume a session); steps before it count as done. */
void engine_seek(struct engine *e, size_t step, int64_t now);

/* A get-ready countdown of secs before the current step, as the routine has before
 * each exercise: a resumed set never starts at once. */
void engine_lead_in(struct engine *e, int secs, int64_t now);

/* For a set the runner ends: the reps actually done, when not the target (0-999),
 * or -1 for the target. Returns ENG_CHANGED, or 0 when this step takes no count. */
unsigned engine_set_reps(struct engine *e, int reps);
/* True when the current step is a set the runner ends with Enter (or a distance
 * interval off a treadmill). */
bool engine_runner_ends(const struct engine *e);
/* STRIDE_WALK or STRIDE_RUN while a walk/run interval runs, else STRIDE_NONE: the
 * screen's WALK / RUN, and what a spoken cue says. */
enum stride engine_stride(const struct engine *e);

/* Moves past every deadline up to now. Each step starts exactly at its predecessor's
 * deadline, however late the call, so lateness never adds up. */
unsigned engine_tick(struct engine *e, int64_t now);
unsigned engine_command(struct engine *e, enum engine_cmd cmd, int64_t now);
/* Milliseconds until something on screen must change (the shown second, a tempo
 * beat, the step's end), or -1 when nothing will change until a key is pressed. */
int64_t engine_wait_ms(const struct engine *e, int64_t now);

const struct step *engine_step(const struct engine *e);
/* The current step's deadline, or NO_DEADLINE for a set the runner ends. */
int64_t engine_deadline(const struct engine *e);
/* Milliseconds into the current step (not counting pauses). */
int64_t engine_elapsed_ms(const struct engine *e, int64_t now);
/* Session time so far, pauses left out. */
int64_t engine_active_ms(const struct engine *e, int64_t now);

struct tempo_view {
	int rep;            /* 1-based rep in progress */
	enum tempo_beat beat;
	int64_t beat_left_ms;
};
/* For a paced set: which rep and which beat now. */
struct tempo_view engine_tempo(const struct engine *e, int64_t now);

/* Planned seconds left in the session from now, the current step included. */
int64_t engine_session_left_ms(const struct engine *e, int64_t now);
/* Index of the first step of the next exercise, or nsteps. */
size_t next_exercise_step(const struct routine *r, size_t from);

#endif
