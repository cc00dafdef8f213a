/* The coach's visit: which question or screen comes next, from the morning check-in
 * to the summary, and what each answer records. No screen code here: the screen asks,
 * the visit decides. Every call takes the time (monotonic `now` for the engine, the
 * wall clock for records), so a test walks whole visits with made-up time. */
#ifndef TALUS_VISIT_H
#define TALUS_VISIT_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "coach.h"
#include "engine.h"

enum visit_screen {
	VS_MORNING,     /* how is the ankle this morning? */
	VS_REDFLAG,     /* one red-flag question, yes or no */
	VS_STOP,        /* a red flag answered yes: see a clinician, and how soon */
	VS_ADVICE,      /* see a clinician: a red flag in the history; or none reported */
	VS_TEST,        /* the entry test of the next program */
	VS_SAFETY,      /* the safety note, before the first session */
	VS_TRIAGE,      /* the first-run triage, a question a screen */
	VS_PATHWAY,     /* the pathway its answers point to; the runner may choose another */
	VS_RESUME,      /* pick up today's interrupted session? */
	VS_START,       /* today's session, and why this level */
	VS_SESSION,     /* the timed session */
	VS_PAIN_DURING, /* pain during the session */
	VS_PAIN_AFTER,  /* pain now */
	VS_NOTE,        /* a note for today */
	VS_SUMMARY,     /* what was done, and what comes next */
	VS_SAFETY_AGAIN, /* the safety note shown again from the start screen, to read */
	VS_RUNS,        /* the runs: eight weeks, the cap, the pain; a form logs a run */
	VS_EXIT,
	VS_COUNT
};

/* What a call changed, besides the engine's ENG_* bits it passes on. */
#define VISIT_SCREEN 16u /* a different screen */

struct visit {
	struct coach *coach;
	enum visit_screen screen;
	enum session_status status; /* how the session ended, once it has */
	bool confirm_quit;          /* "quit this session?" is asked over the session */
	/* called as each step begins, before its sets are saved (the spoken cues, which
	 * must not wait on the disk); NULL: none */
	void (*on_step)(void *ctx, int64_t now);
	void *on_step_ctx;
};

void visit_init(struct visit *v, struct coach *coach);

/* The question on a pain screen, greeting by the local hour (0-23) for the morning
 * one, and the legend that goes with that question. */
const char *visit_pain_question(enum visit_screen s, int hour);
const char *visit_pain_legend(enum visit_screen s);

/* The session's clock: moves the engine up to now and saves the sets it ended. */
unsigned visit_tick(struct visit *v, int64_t now, time_t wall);
/* A command to the engine (pause, done, skip, back, rest +/-). */
unsigned visit_command(struct visit *v, enum engine_cmd cmd, int64_t now, time_t wall);
/* The reps done in a set the runner ends, typed when not the target; -1: the target. */
unsigned visit_set_reps(struct visit *v, int reps);
/* Pauses a running session (the help, a suspend, a terminal too small); true if it
 * was running. visit_unpause undoes it. */
bool visit_pause(struct visit *v, int64_t at);
void visit_unpause(struct visit *v, int64_t now);

/* q during the session: asks first, pausing meanwhile. */
unsigned visit_ask_quit(struct visit *v, int64_t now);
/* The answer: yes ends the session (what is done is kept), no carries on. */
unsigned visit_answer_quit(struct visit *v, bool quit, int64_t now, time_t wall);

/* Enter on the safety note or the advice: recorded, then on to what comes next. */
unsigned visit_acknowledge(struct visit *v, time_t wall);
/* Starts today's session, or resumes the interrupted one (from VS_RESUME). */
unsigned visit_start(struct visit *v, bool resume, int64_t now, time_t wall);
/* n at the resume question: start again instead, from the start screen. */
unsigned visit_decline_resume(struct visit *v);
/* A pain rating for the question on screen, 0-10, or -1 when skipped. */
unsigned visit_answer_pain(struct visit *v, int pain, time_t wall);
/* The note being typed: one character (UTF-8, n bytes) added, or the last erased.
 * A character that would make the note longer than NOTE_MAX bytes is refused, and so
 * is anything but one printable UTF-8 character (a control, C0 or C1, or bytes of
 * another encoding): the note is UTF-8 whatever the locale. */
unsigned visit_note_add(struct visit *v, const char *mb, size_t n);
/* The same for a character as a Unicode code point (a wint_t from get_wch on glibc,
 * in any locale), written as UTF-8. */
unsigned visit_note_add_char(struct visit *v, uint32_t cp);
unsigned visit_note_erase(struct visit *v);
/* Enter on the note: the session is saved and the closing screens follow. */
unsigned visit_finish(struct visit *v, int64_t now, time_t wall);
/* The triage question on screen answered with an option's index. */
unsigned visit_answer_triage(struct visit *v, int option);
/* The pathway chosen on VS_PATHWAY (the one proposed, or another). */
unsigned visit_choose_pathway(struct visit *v, enum pathway chosen, time_t wall);
/* The answer to the red-flag question on screen: recorded at once; a yes leads to the
 * stop screen (after its follow-up question), every answer no to the advice. */
unsigned visit_answer_flag(struct visit *v, bool yes, time_t wall);
/* The safety note again from the start screen (open), and back (close). */
unsigned visit_safety_note(struct visit *v, bool open);
/* The runs screen from the start screen (open), and back (close). */
unsigned visit_runs(struct visit *v, bool open, time_t wall);
/* A measured entry test: started now (a session of its own, its result recorded when
 * it is finished), or not today. */
unsigned visit_start_test(struct visit *v, int64_t now, time_t wall);
unsigned visit_decline_test(struct visit *v);
/* The entry test's answer. */
unsigned visit_answer_test(struct visit *v, bool passed, time_t wall);
/* q where leaving is offered, or any key on the summary; on the stop screen, the
 * only way on. */
unsigned visit_leave(struct visit *v);

/* Any key on the summary: on to the next program due today (its opening screens, then
 * its start screen), or leaving when there is none. */
unsigned visit_next_program(struct visit *v, time_t wall);

/* Leaving for good (the screen is closing): a session still open is saved, as
 * interrupted when a signal ended it while it ran, else with the status it reached
 * (a signal at the questions after it does not undo "done"). Returns the status
 * saved, or -1 when there was no open session. */
int visit_close(struct visit *v, bool interrupted, int64_t now, time_t wall);

#endif
