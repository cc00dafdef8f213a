/* The speech command, run as a child process: espeak-ng found on PATH, or the config's
 * voice-command (its words, then the text as the last argument). Its input and output
 * are /dev/null, so nothing it says reaches the screen; a new cue ends the one before
 * (the child and its process group), so two never overlap; nothing here waits for
 * speech to finish. */
#ifndef TALUS_VOICE_H
#define TALUS_VOICE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "cues.h"

struct voice {
	char *path;     /* the command found: a file that can be run */
	char **words;   /* its argv: the words, room for the pitch and the text, NULL */
	size_t nwords;
	bool espeak;    /* espeak-ng or espeak itself: a tone is its pitch (-p) */
	pid_t pid;      /* speaking now, or 0 */
	int failed;     /* exit status 126 or 127 seen: the command could not run */
};

/* Finds the command (command NULL: espeak-ng). False, with one line in why for the
 * runner, when it is not there. */
bool voice_open(struct voice *v, const char *command, char *why, size_t len);
/* Ends the cue in progress and starts saying text. False when the child could not be
 * started (the caller rings the bell instead). */
bool voice_say(struct voice *v, const char *text, enum cue_tone tone);
/* Ends the cue in progress, if any (SIGKILL to its process group), and reaps it. */
void voice_cut(struct voice *v);
/* Reaps the child if it has finished: call it now and then, never blocks. */
void voice_reap(struct voice *v);
bool voice_busy(const struct voice *v);
/* Ends any cue and frees the command. */
void voice_close(struct voice *v);

#endif
