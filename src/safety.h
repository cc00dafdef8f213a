/* The safety text, in one place: the coach's first screen and its advice screen,
 * --help and the README all say the same. */
#ifndef TALUS_SAFETY_H
#define TALUS_SAFETY_H

#include <stddef.h>

/* The safety note, a paragraph an entry ("" between groups; "- " starts a red
 * flag). */
extern const char *const safety_note[];
extern const size_t safety_note_lines;
/* "Stop and see a clinician if:" and the red flags: safety_note[FIRST ... END - 1]. */
#define SAFETY_FLAGS_FIRST 2
#define SAFETY_FLAGS_END 9

/* The paragraph that ends --help. */
extern const char safety_help[];

#endif
