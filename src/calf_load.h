/* The per-leg calf load of a level, and the check that no step raises it by more than
 * about 20% (rehab.md: a level changes one thing at a time; design). The load is the
 * reps of the calf work weighted by the share of body weight on the working calf:
 * the sum, over exercises with `calf-load`, of sets x reps x calf-load / 100. */
#ifndef TALUS_CALF_LOAD_H
#define TALUS_CALF_LOAD_H

#include "program.h"
#include "util.h"

/* A step may raise the load by this much, in percent. */
#define CALF_LOAD_MAX_RISE 20

/* The per-leg calf load at level, in hundredths of a body-weight rep; 0 below level 1. */
long calf_load_at(const struct program *prog, int level);
/* Appends one line "path:line: warning: ..." to out for each step of prog (level to
 * level, and its last level to next's level 1 when next is not NULL) that raises the
 * load by more than CALF_LOAD_MAX_RISE; a step from or to no calf work is not one.
 * Returns how many. */
int calf_load_warnings(const struct program *prog, const struct program *next,
		       struct strbuf *out);

#endif
