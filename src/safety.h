/* The safety text, in one place: the coach's first screen and its advice screen,
 * --help and the README all say the same. */
#ifndef TALUS_SAFETY_H
#define TALUS_SAFETY_H

#include <stddef.h>
#include <stdio.h>

/* The safety note, a paragraph an entry ("" between groups; "- " starts a red
 * flag). */
extern const char *const safety_note[];
extern const size_t safety_note_lines;
/* "Stop and get help if:" and the red flags: safety_note[FIRST ... END - 1]. */
#define SAFETY_FLAGS_FIRST 2
#define SAFETY_FLAGS_END 12

/* The whole note for --safety, wrapped to width columns (a red flag hanging after its
 * dash). */
void safety_print(FILE *out, int width);

/* The paragraph that ends --help. */
extern const char safety_help[];

#endif
