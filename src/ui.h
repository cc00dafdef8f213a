/* The coach screen. The only files that include curses are ui*.c, through this
 * header's companion ui_curses.h. */
#ifndef TALUS_UI_H
#define TALUS_UI_H

#include <stdbool.h>

#include "coach.h"
#include "config.h"
#include "voice.h"

struct ui_options {
	enum sound_mode sound;
	bool color;               /* allowed by config and NO_COLOR */
	const char *history_note; /* e.g. skipped damaged lines, shown on the start screen */
	bool cues;                /* spoken cues: the config's voice = on, or --voice */
	struct voice *voice;      /* the speech command; NULL: the bell for every cue */
	const char *voice_note;   /* why there is no speech, shown on the start screen */
};

/* Checks that a coach screen can run here; false with a one-line reason. */
bool ui_available(char *why, size_t len);

/* Runs the coach until the runner leaves. Returns the exit status: 0, or 128 + the
 * signal that ended it (130 SIGINT, 143 SIGTERM, 129 SIGHUP). */
int ui_run(struct coach *coach, const struct ui_options *opt);

#endif
