/* Spoken cues: which cue a session is due now, decided from the engine's state and the
 * time handed in, so tests drive it with made-up time. Nothing here makes a sound:
 * the screen speaks a cue through the voice (voice.c) or rings the bell. */
#ifndef TALUS_CUES_H
#define TALUS_CUES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine.h"

enum cue_kind {
	CUE_SAY,  /* words */
	CUE_BEEP, /* the 3-2-1 of a countdown, or a step that begins without words */
};

/* How a cue sounds beside its words: the voice's pitch with espeak-ng, TALUS_CUE_TONE
 * for another voice-command. Walk and run are told apart by it. */
enum cue_tone { TONE_PLAIN, TONE_LOW, TONE_HIGH };

#define CUE_TEXT_MAX 200
/* design: a hold this long or longer says "halfway"; a timed step this long or longer
 * says "ten seconds", which is then 5 s or more after "halfway" */
#define CUE_HALFWAY_MIN_MS 20000
#define CUE_TEN_MIN_MS 30000
/* design: a cue within a step that comes this late (after a pause or a frozen screen)
 * is dropped; a stale "halfway" only misleads */
#define CUE_STALE_MS 1000

struct cue {
	enum cue_kind kind;
	enum cue_tone tone;
	char text[CUE_TEXT_MAX]; /* what to say; for a beep, "beep" (the trace's word) */
};

struct cue_state {
	bool begun;        /* a step has been seen */
	size_t step;
	bool leading;
	int64_t origin;    /* step_start - paused_ms: a new start moves it, a pause does not */
	bool start_done;   /* the step's own cue is given */
	bool halfway_done;
	bool ten_done;
	int beeped;        /* the countdown second last beeped (3, 2, 1), 0 none */
	bool finished;     /* the end is told */
};

void cues_init(struct cue_state *cs);

/* The next cue due at now, once each: true with it in *out. Call it until it says
 * false; a pause holds every cue back. */
bool cues_next(struct cue_state *cs, const struct engine *e, int64_t now, struct cue *out);

/* Milliseconds until the next cue within the current step (halfway, ten seconds, a
 * beep), or -1 when none is coming. */
int64_t cues_wait_ms(const struct cue_state *cs, const struct engine *e, int64_t now);

#endif
