#include "text.h"

#include <stdbool.h>
#include <stdlib.h>

#include "util.h"

/* Wide and zero-width ranges after Unicode's East Asian Width and general category,
 * coarse but locale-free: the plan printer must agree with the screen in any locale. */
struct cp_range {
	uint32_t lo, hi;
};

static const struct cp_range zero_width[] = {
	{ 0x0300, 0x036f }, { 0x0483, 0x0489 }, { 0x0591, 0x05bd }, { 0x0610, 0x061a },
	{ 0x064b, 0x065f }, { 0x0e31, 0x0e31 }, { 0x0e34, 0x0e3a }, { 0x1ab0, 0x1aff },
	{ 0x1dc0, 0x1dff }, { 0x200b, 0x200f }, { 0x20d0, 0x20ff }, { 0xfe00, 0xfe0f },
	{ 0xfe20, 0xfe2f }, { 0xe0100, 0xe01ef },
};

static const struct cp_range wide[] = {
	{ 0x1100, 0x115f }, { 0x231a, 0x231b }, { 0x2329, 0x232a }, { 0x23e9, 0x23ec },
	{ 0x25fd, 0x25fe }, { 0x2614, 0x2615 }, { 0x2648, 0x2653 }, { 0x26a1, 0x26a1 },
	{ 0x26bd, 0x26be }, { 0x26c4, 0x26c5 }, { 0x26f5, 0x26f5 }, { 0x26fa, 0x26fa },
	{ 0x26fd, 0x26fd }, { 0x2705, 0x2705 }, { 0x270a, 0x270b }, { 0x2728, 0x2728 },
	{ 0x274c, 0x274c }, { 0x2753, 0x2755 }, { 0x2795, 0x2797 }, { 0x2b1b, 0x2b1c },
	{ 0x2e80, 0x303e }, { 0x3041, 0x33ff }, { 0x3400, 0x4dbf }, { 0x4e00, 0x9fff },
	{ 0xa000, 0xa4cf }, { 0xa960, 0xa97f }, { 0xac00, 0xd7a3 }, { 0xf900, 0xfaff },
	{ 0xfe10, 0xfe19 }, { 0xfe30, 0xfe6f }, { 0xff00, 0xff60 }, { 0xffe0, 0xffe6 },
	{ 0x16fe0, 0x16fe4 }, { 0x17000, 0x18cff }, { 0x1b000, 0x1b2ff }, { 0x1f004, 0x1f004 },
	{ 0x1f0cf, 0x1f0cf }, { 0x1f18e, 0x1f18e }, { 0x1f191, 0x1f19a }, { 0x1f200, 0x1f251 },
	{ 0x1f300, 0x1f64f }, { 0x1f680, 0x1f6ff }, { 0x1f7e0, 0x1f7eb }, { 0x1f90c, 0x1f9ff },
	{ 0x1fa70, 0x1faff }, { 0x20000, 0x2fffd }, { 0x30000, 0x3fffd },
};

static bool in_ranges(uint32_t cp, const struct cp_range *r, size_t n)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cp < r[mid].lo)
			hi = mid;
		else if (cp > r[mid].hi)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

#define NRANGES(a) (sizeof(a) / sizeof((a)[0]))

int text_cp_width(uint32_t cp)
{
	if (cp < 0x300)
		return 1;
	if (in_ranges(cp, zero_width, NRANGES(zero_width)))
		return 0;
	return in_ranges(cp, wide, NRANGES(wide)) ? 2 : 1;
}

size_t text_decode(const char *s, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t extra;
	uint32_t c;

	if (*p < 0x80) {
		*cp = *p;
		return 1;
	}
	if ((*p & 0xe0) == 0xc0) {
		c = *p & 0x1f;
		extra = 1;
	} else if ((*p & 0xf0) == 0xe0) {
		c = *p & 0x0f;
		extra = 2;
	} else if ((*p & 0xf8) == 0xf0) {
		c = *p & 0x07;
		extra = 3;
	} else {
		*cp = 0xfffd;
		return 1;
	}
	for (size_t i = 1; i <= extra; i++) {
		if ((p[i] & 0xc0) != 0x80) {
			*cp = 0xfffd;
			return 1;
		}
		c = (c << 6) | (p[i] & 0x3f);
	}
	*cp = c;
	return extra + 1;
}

int text_width_n(const char *s, size_t n)
{
	int w = 0;
	size_t i = 0;

	while (i < n && s[i]) {
		uint32_t cp;
		i += text_decode(s + i, &cp);
		w += text_cp_width(cp);
	}
	return w;
}

int text_width(const char *s)
{
	return text_width_n(s, (size_t)-1);
}

size_t text_fit(const char *s, int cols)
{
	size_t i = 0;

	while (s[i]) {
		uint32_t cp;
		size_t n = text_decode(s + i, &cp);
		int w = text_cp_width(cp);
		if (w > cols)
			break;
		cols -= w;
		i += n;
	}
	return i;
}

size_t text_wrap(const char *s, int cols, const char **rest)
{
	size_t fit = text_fit(s, cols > 0 ? cols : 1), cut = fit, len;

	if (fit == 0 && *s) /* not even one character fits: take it anyway, or loop for ever */
		fit = cut = text_decode(s, &(uint32_t){ 0 });
	if (s[fit] && s[fit] != ' ') {
		while (cut > 0 && s[cut] != ' ')
			cut--;
		if (cut == 0)
			cut = fit; /* one word wider than the line: cut it */
	}
	len = cut;
	while (len > 0 && s[len - 1] == ' ')
		len--;
	while (s[cut] == ' ')
		cut++;
	*rest = s + cut;
	return len;
}

int text_lines(const char *s, int cols)
{
	int n = 0;

	while (*s) {
		text_wrap(s, cols, &s);
		n++;
	}
	return n;
}

void text_put_padded(FILE *out, const char *s, int cols)
{
	char *clean = xstrdup(s);
	int width;

	sanitize_text(clean);
	width = text_width(clean);
	fprintf(out, "%s%*s ", clean, width < cols ? cols - width : 0, "");
	free(clean);
}

int text_chars(const char *s)
{
	int n = 0;

	for (uint32_t cp; *s; n++)
		s += text_decode(s, &cp);
	return n;
}
