/* One coached session: the routine, the engine, and the records it leaves in the
 * history. The screen drives it; it never touches the screen. */
#ifndef TALUS_COACH_H
#define TALUS_COACH_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include "history.h"
#include "program.h"
#include "scheduler.h"
#include "routine.h"
#include "engine.h"
#include "intervals.h"
#include "session_log.h"
#include "triage.h"
#include "redflag.h"
#include "runs_chart.h"

#define NOTE_MAX 200

/* A program due today after the one coached, when several run at once (the config's
 * `also`): offered after the first one's summary. */
#define COACH_MAX_NEXT 2
struct coach_next {
	const struct program *program; /* the caller's, alive as long as the coach */
	day_set days;
	const struct progression_rules *rules;
};

struct coach {
	const struct program *program;
	int level;
	day_t today;
	bool training_day;
	day_t next_training_day;  /* after today */
	struct routine routine;
	struct engine engine;
	struct history_writer writer;
	struct strbuf line;        /* the record being written, reused */
	char session_id[SESSION_ID_MAX + 1];
	bool started;
	bool ended;
	bool safety_needed;        /* no history yet: show the safety note first */
	/* an interrupted session of today that can be picked up again */
	bool can_resume;
	char resume_id[SESSION_ID_MAX + 1];
	size_t resume_step;
	int sets_saved;
	int pain_during;           /* -1 until rated */
	int pain_after;
	char note[NOTE_MAX + 1];
	FILE *trace;               /* --trace: each step change with its time */
	time_t wall_offset;        /* --date: seconds added to the wall clock */
	const struct progression_rules *rules;
	char why[400];             /* why the level is what it is */
	bool ask_morning;          /* the morning after a session is not rated yet */
	int morning_hours;         /* since that session ended */
	struct red_flags flags;    /* to show, unless already shown this episode */
	enum sore_side sore;       /* the triage's, or SORE_BOTH when none was done */
	char runs_note[300];       /* the start screen's line on running, or "" */
	char rest_note[200];       /* walk/run the day after a run (walk_run_rest_note) */
	struct runs_settings run_settings;
	struct coach_runs *runs;   /* the runs screen's state while it is open (coach_runs.c) */
	long speed;                /* a treadmill's, metres an hour; 0: not on one */
	long walk_speed;           /* its walks', metres an hour; 0: the run's */
	int units;                 /* enum units: how the summary shows a distance */
	struct walk_run_total walk_run; /* the walk/run intervals done, for the run record */
	/* the measured entry test, run as a session of its own */
	bool testing;
	struct program test_program;
	const struct program *tested; /* the program whose test it is */
	int tested_level;
	int test_reps[2];          /* left, right (reps, or stance seconds); -1 until done */
	int test_hops;             /* the pogo hops done */
	/* the first-run triage: asked when the history has no session yet, or asked for */
	bool ask_triage;
	int triage_question;
	struct triage_answers triage;
	enum pathway proposed;
	char triage_why[400];
	const char *pathway_program[PATHWAY_COUNT]; /* the program each pathway starts at */
	const char *after_protect[PATHWAY_COUNT];   /* ... and the one after it */
	bool (*load_program)(void *ctx, const char *name, struct program *out);
	void *load_ctx;
	struct program chosen;     /* the triage's program, when it is not the one given */
	bool owns_chosen;
	day_set config_days;
	struct progression_rules chosen_rules;
	const struct progression_rules *base_rules;
	struct flag_round round;   /* the red-flag questions due now, being asked */
	/* after the session, from the history as now written */
	char why_next[600];
	bool ask_entry_test;
	int next_level;
	/* the programs due today after this one (coach_next.c) */
	struct coach_next queue[COACH_MAX_NEXT];
	int nqueue, queue_at;
};

/* The wall-clock time for records (moved by --date). */
time_t coach_wall(const struct coach *c);

struct coach_setup {
	const struct program *program;
	int level;
	day_t today;
	day_set training_days;
	const char *history_path;
	const struct session_log *log; /* the history as read at start-up */
	time_t wall_offset;
	const struct progression_rules *rules;
	const char *why;
	const struct red_flags *flags;
	bool ready_for_next;           /* the entry test is due (its last morning settled) */
	char runs_note[300];           /* the cap on the next run, worn shoes; "" for none */
	struct runs_settings runs;     /* the config's units, week-start and shoe-limit */
	long speed;                    /* --speed or treadmill-speed, metres an hour; 0: none */
	long walk_speed;               /* treadmill-walk-speed: the walks' on the treadmill */
	int units;                     /* the config's (enum units) */
	bool triage;                   /* --triage, or no session yet: ask it */
	bool sore_known;               /* a triage said which side is sore: */
	enum sore_side sore;
	const char *pathway_program[PATHWAY_COUNT];
	const char *after_protect[PATHWAY_COUNT];
	bool (*load_program)(void *ctx, const char *name, struct program *out);
	void *load_ctx;
	day_set config_days;
	const struct progression_rules *base_rules; /* the config's, before a program's limits */
	struct coach_next next[COACH_MAX_NEXT]; /* due today after this one, in order */
	int nnext;
};

void coach_init(struct coach *c, const struct coach_setup *setup, int64_t now);
void coach_free(struct coach *c);

/* The history is written from here; each returns false when a record is not saved yet
 * (it is kept and retried; coach_save_error says why). */
bool coach_ack_safety(struct coach *c, time_t wall);
bool coach_start(struct coach *c, time_t wall, int64_t now);
bool coach_resume(struct coach *c, time_t wall, int64_t now);
/* Writes the sets and skips the engine has ended since the last call. */
bool coach_save_progress(struct coach *c, time_t wall);
bool coach_finish(struct coach *c, enum session_status status, time_t wall, int64_t now);
bool coach_retry(struct coach *c);
bool coach_record_morning(struct coach *c, int pain, time_t wall);
bool coach_record_advice(struct coach *c, time_t wall);
bool coach_record_test(struct coach *c, bool passed, time_t wall);
/* Walk/run (coach_run.c): the routine built at the level, timed at the treadmill's
 * speed; an interval ended counted; the run record a walk/run session leaves, put in
 * c->line (false when it did no interval). */
void coach_build_routine(struct coach *c);
void coach_count_interval(struct coach *c, const struct set_event *ev);
bool coach_run_record(struct coach *c, time_t wall);
/* The start screen's line on a walk/run session: the treadmill's speed, or that
 * distances end with Enter; false when there is nothing to say. */
bool coach_walk_run_note(const struct coach *c, char *buf, size_t len);
/* The summary's line on it: "Recorded as a run: 1.1 km in 8:24."; false with none. */
bool coach_run_summary(const struct coach *c, char *buf, size_t len);
/* The measured entry test (coach_test.c): started as a session; at its end, the result
 * recorded with both sides and the program back. */
bool coach_start_test(struct coach *c, time_t wall, int64_t now);
void coach_end_test(struct coach *c, time_t wall);
/* The triage's pathway chosen: recorded with its program, which the coach then coaches
 * (loaded through setup's load_program when it is another). */
bool coach_record_triage(struct coach *c, enum pathway chosen, time_t wall);
/* The history as now written, with the records still waiting to be saved (an
 * unwritable history's): what the coach re-reads after an answer. Free it. */
void coach_read_history(struct coach *c, struct session_log *log);
/* Today's level anew from the history as now written (after a morning rating, a test
 * or a program chosen), rebuilding the routine when it changed; pain >= 0 is the
 * morning's, said on the start screen when it changed the level. */
void coach_relevel(struct coach *c, time_t wall, int pain);
/* The red-flag questions due at wall from log (coach_check_flags reads the history
 * as now written: after the morning rating or the session, either may be the cause). */
void coach_plan_flags(struct coach *c, const struct session_log *log, time_t wall);
void coach_check_flags(struct coach *c, time_t wall);
/* The triage's round of red-flag questions, after its own questions. */
void coach_triage_flags(struct coach *c);
/* The answer to the red-flag question on screen, recorded at once. */
bool coach_record_flag(struct coach *c, bool yes, time_t wall);
/* Re-reads the history after the session: the level next time and why, the entry
 * test to ask, and any red flag the session raised. */
void coach_refresh(struct coach *c);
/* Why records are waiting to be saved (a short reason), or NULL. */
const char *coach_save_error(const struct coach *c);
bool coach_unsaved(const struct coach *c);
/* For leaving, with the screen gone: tries the unsaved records once more (waiting up to
 * 2 s for another talus's write), then says why they are unsaved and keeps them in the
 * .unsaved file beside the history (merged at the next save), since the terminal may be
 * gone too; when even that fails, prints them so the runner can add them by hand. */
void coach_print_unsaved(struct coach *c, FILE *out);
/* When the loop should try unsaved records again: soon when another talus's write
 * held the lock, else in 10 s. */
int coach_retry_ms(const struct coach *c);

/* The program due today after this one (coach_next.c), or NULL: none left, or the
 * session just done hurt above repeat-max-pain (during or after), when more load today
 * is not wise (*design*). */
const struct program *coach_next_due(const struct coach *c);
/* Takes the next program due on: its level, routine and why anew, as a fresh session.
 * False when none is due. */
bool coach_take_next(struct coach *c, time_t wall);

/* Sets planned in the routine, each side counted. */
int routine_planned_sets(const struct routine *r);

/* For --trace: a line per step change with its monotonic time. */
void coach_trace_step(struct coach *c, int64_t now, int64_t deadline);
/* For --trace: a line for another moment worth timing ("first-frame"). */
void coach_trace_event(struct coach *c, int64_t now, const char *what);

#endif
