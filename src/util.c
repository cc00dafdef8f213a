#include "util.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void (*die_callback)(void *);
static void *die_context;

void die_set_callback(void (*fn)(void *ctx), void *ctx)
{
	die_callback = fn;
	die_context = ctx;
}

void die(const char *fmt, ...)
{
	void (*fn)(void *) = die_callback;
	va_list ap;

	die_callback = NULL; /* a failure inside the callback must not loop */
	if (fn)
		fn(die_context);
	fputs("talus: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static void out_of_memory(void)
{
	die("out of memory");
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(xmalloc(n), s, n);
}

char *xasprintf(const char *fmt, ...)
{
	struct strbuf sb;
	va_list ap;

	sb_init(&sb);
	va_start(ap, fmt);
	sb_vprintf(&sb, fmt, ap);
	va_end(ap);
	return sb.buf;
}

void sb_init(struct strbuf *sb)
{
	sb->cap = 64;
	sb->len = 0;
	sb->buf = xmalloc(sb->cap);
	sb->buf[0] = '\0';
}

void sb_free(struct strbuf *sb)
{
	free(sb->buf);
	sb->buf = NULL;
	sb->len = sb->cap = 0;
}

void sb_reset(struct strbuf *sb)
{
	sb->len = 0;
	sb->buf[0] = '\0';
}

static void sb_grow(struct strbuf *sb, size_t extra)
{
	if (sb->len + extra + 1 <= sb->cap)
		return;
	while (sb->len + extra + 1 > sb->cap)
		sb->cap *= 2;
	sb->buf = xrealloc(sb->buf, sb->cap);
}

void sb_add(struct strbuf *sb, const char *s, size_t n)
{
	sb_grow(sb, n);
	memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void sb_puts(struct strbuf *sb, const char *s)
{
	sb_add(sb, s, strlen(s));
}

void sb_putc(struct strbuf *sb, char c)
{
	sb_add(sb, &c, 1);
}

void sb_vprintf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list copy;
	int n;

	va_copy(copy, ap);
	n = vsnprintf(sb->buf + sb->len, sb->cap - sb->len, fmt, copy);
	va_end(copy);
	if (n < 0)
		return;
	if ((size_t)n >= sb->cap - sb->len) {
		sb_grow(sb, (size_t)n);
		vsnprintf(sb->buf + sb->len, sb->cap - sb->len, fmt, ap);
	}
	sb->len += (size_t)n;
}

void sb_printf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sb_vprintf(sb, fmt, ap);
	va_end(ap);
}

bool copy_str(char *dst, size_t n, const char *src)
{
	size_t len = strlen(src);

	if (n == 0)
		return false;
	if (len >= n) {
		memcpy(dst, src, n - 1);
		dst[n - 1] = '\0';
		return false;
	}
	memcpy(dst, src, len + 1);
	return true;
}

bool parse_long(const char *s, long min, long max, long *out)
{
	bool negative;
	long v = 0;

	if (!s)
		return false;
	negative = *s == '-';
	s += negative;
	if (*s < '0' || *s > '9')
		return false;
	for (int digits = 0; *s >= '0' && *s <= '9'; s++) {
		if (++digits > 18)
			return false; /* more than any bound here, and than a long can hold */
		v = v * 10 + (*s - '0');
	}
	if (*s)
		return false;
	v = negative ? -v : v;
	if (v < min || v > max)
		return false;
	*out = v;
	return true;
}

int utf8_seq_len(const unsigned char *p)
{
	uint32_t cp;
	int extra;

	if (*p < 0x80)
		return *p >= 0x20 && *p != 0x7f;
	if ((*p & 0xe0) == 0xc0) {
		cp = *p & 0x1f;
		extra = 1;
	} else if ((*p & 0xf0) == 0xe0) {
		cp = *p & 0x0f;
		extra = 2;
	} else if ((*p & 0xf8) == 0xf0) {
		cp = *p & 0x07;
		extra = 3;
	} else {
		return 0;
	}
	for (int i = 1; i <= extra; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[i] & 0x3f);
	}
	if ((extra == 1 && cp < 0x80) || (extra == 2 && cp < 0x800) ||
	    (extra == 3 && cp < 0x10000) || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ||
	    (cp >= 0x80 && cp < 0xa0))
		return 0;
	return extra + 1;
}

bool is_clean_utf8(const char *s, bool allow_tab)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		int n;
		if (*p >= 0x20 && *p < 0x7f) { /* plain ASCII: the common case, kept cheap */
			p++;
			continue;
		}
		if (allow_tab && *p == '\t') {
			p++;
			continue;
		}
		n = utf8_seq_len(p);
		if (n == 0)
			return false;
		p += n;
	}
	return true;
}

void sanitize_text(char *s)
{
	unsigned char *p = (unsigned char *)s;

	while (*p) {
		int n = utf8_seq_len(p);
		if (n == 0) {
			*p++ = '?';
			continue;
		}
		p += n;
	}
}
