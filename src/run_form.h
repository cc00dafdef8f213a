/* The coach's form that logs a run: its fields, what each key does to them, and the
 * check before anything is saved, with the parsers of talus --run. The form decides;
 * ui_runs.c draws it and hands it the keys. */
#ifndef TALUS_RUN_FORM_H
#define TALUS_RUN_FORM_H

#include <stdbool.h>
#include <stdint.h>

#include "runs.h"

enum run_field { RF_DISTANCE, RF_TIME, RF_PAIN, RF_SHOES, RF_SURFACE, RF_COUNT };
#define RF_TEXT_FIELDS RF_SURFACE /* the fields before it are typed */

enum run_form_state {
	RFS_EDIT,      /* the fields being filled in */
	RFS_CONFIRM,   /* checked: save it? */
	RFS_SAVED,     /* confirmed: the caller writes form->entry */
	RFS_CANCELLED, /* left: nothing saved */
};

#define RUN_FORM_PAIRS 16

struct run_form {
	enum run_form_state state;
	enum run_field field;                    /* in focus */
	enum units units;
	char text[RF_TEXT_FIELDS][REC_NAME_MAX + 1];
	int surface;                             /* enum surface, -1: not given */
	char pairs[RUN_FORM_PAIRS][REC_NAME_MAX + 1]; /* the pairs in use, the latest run first */
	int npairs;
	int pair;                                /* the pair chosen, -1: typed or none */
	char error[300];                         /* why the check refused it, or "" */
	enum run_field error_field;              /* the field it is about: editing it clears it */
	struct run_entry entry;                  /* once checked */
	char summary[300];                       /* what will be saved */
	char warning[300];                       /* and over the cap, when it is */
};

extern const char *const run_field_label[RF_COUNT];

/* A new form; the known pairs are those runs named up to now, not retired. */
void run_form_open(struct run_form *f, const struct session_log *log, enum units units,
		   int64_t now);
/* Each returns true when the form changed. Typing, erasing or choosing in the field an
 * error is about clears the error: it may be fixed, and Enter checks again. */
/* The next field (dir 1) or the one before (-1); they stop at the ends. */
bool run_form_move(struct run_form *f, int dir);
/* A character typed into the field in focus: printable ASCII in the distance and the
 * time, digits in the pain, any printable character in the shoes (up to REC_NAME_MAX
 * bytes of UTF-8). */
bool run_form_type(struct run_form *f, uint32_t cp);
bool run_form_erase(struct run_form *f);
/* Left/Right: the next known pair (or none), surface (or none), or pain up or down. */
bool run_form_choose(struct run_form *f, int dir);
/* Enter: checks every field; on an error, says which and why and puts the focus there,
 * else asks to confirm (with the warning when it would be over cap). */
bool run_form_submit(struct run_form *f, const struct run_cap *cap);
/* The answer to "save it?": yes saves (RFS_SAVED), no goes back to the fields. */
bool run_form_answer(struct run_form *f, bool yes);
/* Esc: from the fields, leaves with nothing saved; from the question, back to them. */
bool run_form_cancel(struct run_form *f);

#endif
