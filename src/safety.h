/* The safety text, in one place: the coach's first screen and its advice screen,
 * --help and the README all say the same. */
#ifndef TALUS_SAFETY_H
#define TALUS_SAFETY_H

#include <stddef.h>

/* The safety note, a line an entry ("" between paragraphs; "- " starts a red flag,
 * "  " goes on with it). */
extern const char *const safety_note[];
extern const size_t safety_note_lines;
/* The red flags alone: safety_note[SAFETY_FLAGS_FIRST ... SAFETY_FLAGS_END - 1]. */
#define SAFETY_FLAGS_FIRST 2
#define SAFETY_FLAGS_END 11

/* The paragraph that ends --help. */
extern const char safety_help[];

#endif
