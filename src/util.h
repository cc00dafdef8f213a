/* Small helpers shared by every module: checked allocation and a growable string. */
#ifndef TALUS_UTIL_H
#define TALUS_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* The one way out on a fatal error (out of memory, a broken invariant): the callback
 * first (the screen gives the terminal back and shows what is unsaved), then
 * "talus: message" on stderr, exit status 1. */
void die(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
void die_set_callback(void (*fn)(void *ctx), void *ctx);

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A growable NUL-terminated string. */
struct strbuf {
	char *buf;
	size_t len;
	size_t cap;
};

void sb_init(struct strbuf *sb);
void sb_free(struct strbuf *sb);
void sb_reset(struct strbuf *sb);
void sb_add(struct strbuf *sb, const char *s, size_t n);
void sb_puts(struct strbuf *sb, const char *s);
void sb_putc(struct strbuf *sb, char c);
void sb_printf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vprintf(struct strbuf *sb, const char *fmt, va_list ap);

/* Copies src into dst of size n, always terminated; returns false if it was cut. */
bool copy_str(char *dst, size_t n, const char *src);

/* Strict decimal integer in [min, max]; no sign junk, no trailing text. */
bool parse_long(const char *s, long min, long max, long *out);

/* True if s is valid UTF-8 without control characters (tab allowed when allow_tab). */
bool is_clean_utf8(const char *s, bool allow_tab);

/* Length of the valid, printable UTF-8 sequence at p (0 for a control character,
 * a C1 control or a bad sequence); 1 for printable ASCII. */
int utf8_seq_len(const unsigned char *p);

/* Replaces control characters and bytes that are not valid UTF-8 with '?', in place,
 * so a message quoting bad input is safe to print. */
void sanitize_text(char *s);

#endif
