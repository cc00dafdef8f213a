/* Text as a terminal shows it: display width, cutting to a width and word-wrapping,
 * shared by the screens and the plan printer. UTF-8 in, columns out; a byte that is
 * not valid UTF-8 counts as one column, as the sanitizers turn it into '?'. */
#ifndef TALUS_TEXT_H
#define TALUS_TEXT_H

#include <stddef.h>
#include <stdio.h>
#include <stdint.h>

/* Columns one code point takes: 0 for a combining mark, 2 for East Asian wide and
 * full-width characters and emoji, else 1. */
int text_cp_width(uint32_t cp);

/* Decodes the sequence at s into *cp; returns its length in bytes (1 for a bad byte,
 * whose *cp is then U+FFFD). s must not be at its end. */
size_t text_decode(const char *s, uint32_t *cp);

/* Display width of s, or of its first n bytes. */
int text_width(const char *s);
int text_width_n(const char *s, size_t n);

/* Characters (code points) in s. */
int text_chars(const char *s);

/* How many bytes of s fit in cols columns, never splitting a character. */
size_t text_fit(const char *s, int cols);

/* The first line of s word-wrapped to cols columns: returns its length in bytes
 * (trailing spaces left out) and sets *rest to the start of the next line. A word
 * wider than cols is cut. Returns 0 with *rest at the end when s is empty. */
size_t text_wrap(const char *s, int cols, const char **rest);

/* Lines s takes word-wrapped to cols columns. */
int text_lines(const char *s, int cols);

/* s with control characters as '?', padded to cols columns, and a space: for a table
 * column. Text wider than cols is kept whole. */
void text_put_padded(FILE *out, const char *s, int cols);

#endif
