/* The record writers: one typed call a key, each value cleaned or clamped to what the
 * reader accepts, so talus never writes a line it would skip. */
#include "record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util.h"

/* ---- writing ---- */

/* Writes "YYYY-MM-DDTHH:MM:SS" and the offset of tm, or false when the reader would
 * not take them. */
static bool put_stamp(struct strbuf *line, const struct tm *tm, bool utc)
{
	long off = utc ? 0 : tm->tm_gmtoff;
	int year = tm->tm_year + 1900;

	if (year < REC_YEAR_MIN || year > REC_YEAR_MAX || labs(off) > REC_OFFSET_MAX || off % 60)
		return false;
	sb_printf(line, "%04d-%02d-%02dT%02d:%02d:%02d", year, tm->tm_mon + 1, tm->tm_mday,
		  tm->tm_hour, tm->tm_min, tm->tm_sec > 59 ? 59 : tm->tm_sec);
	if (utc)
		sb_putc(line, 'Z');
	else
		sb_printf(line, "%c%02ld:%02ld", off < 0 ? '-' : '+', labs(off) / 3600,
			  labs(off) / 60 % 60);
	return true;
}

/* The first and last instants a timestamp can hold (in UTC). */
#define REC_WHEN_MIN ((time_t)0)
#define REC_WHEN_MAX ((time_t)253402300799LL) /* 9999-12-31T23:59:59Z */

void rec_begin(struct strbuf *line, time_t when, enum record_type type)
{
	struct tm tm;

	sb_reset(line);
	if (!localtime_r(&when, &tm) || !put_stamp(line, &tm, false)) {
		if (when < REC_WHEN_MIN)
			when = REC_WHEN_MIN;
		if (sizeof(time_t) > 4 && when > REC_WHEN_MAX)
			when = REC_WHEN_MAX;
		gmtime_r(&when, &tm);
		sb_reset(line);
		put_stamp(line, &tm, true);
	}
	sb_printf(line, "\t%s", record_type_name[type]);
}

void rec_begin_at(struct strbuf *line, time_t when, long offset, enum record_type type)
{
	struct tm tm;
	time_t local = when + offset;

	sb_reset(line);
	if (labs(offset) > REC_OFFSET_MAX || offset % 60 || !gmtime_r(&local, &tm)) {
		rec_begin(line, when, type); /* an offset the reader cannot take: this machine's */
		return;
	}
	tm.tm_gmtoff = offset;
	if (!put_stamp(line, &tm, false)) {
		rec_begin(line, when, type);
		return;
	}
	sb_printf(line, "\t%s", record_type_name[type]);
}

/* A writer handed a key of another kind: a bug, caught by the first test that runs it. */
static void want_kind(enum hist_key key, enum key_kind a, enum key_kind b)
{
	if ((unsigned)key >= HK_COUNT || (hist_key_spec[key].kind != a && hist_key_spec[key].kind != b))
		die("record writer: key %d is not of the kind written", (int)key);
}

/* The record type the line was begun with, or -1 (a bare list of fields). */
static int line_type(const struct strbuf *line)
{
	const char *type = memchr(line->buf, '\t', line->len), *end;

	if (!type)
		return -1;
	type++;
	end = strchr(type, '\t');
	if (!end)
		end = line->buf + line->len;
	for (int t = 0; t < REC_TYPE_COUNT; t++)
		if ((size_t)(end - type) == strlen(record_type_name[t]) &&
		    memcmp(type, record_type_name[t], (size_t)(end - type)) == 0)
			return t;
	return -1;
}

/* The schema's limits of key in the line's type, or NULL when it sets none there. */
static const struct field_spec *line_field(const struct strbuf *line, enum hist_key key)
{
	int t = line_type(line);

	if (t < 0)
		return NULL;
	for (int f = 0; f < REC_FIELD_COUNT; f++)
		if (record_fields[f].type == (enum record_type)t && record_fields[f].key == key)
			return &record_fields[f];
	return NULL;
}

/* Writes value as the reader takes it back: text escaped, a name with the bytes it may
 * not hold replaced; controls and bytes that are not UTF-8 as '?'; cut at a whole
 * character to the kind's length. */
static void put_clean(struct strbuf *line, enum hist_key key, const char *value)
{
	bool name = hist_key_spec[key].kind == KEY_NAME;
	size_t max = name ? REC_NAME_MAX : REC_TEXT_MAX, start;
	const unsigned char *p = (const unsigned char *)value;

	sb_printf(line, "\t%s=", hist_key_spec[key].name);
	start = line->len;
	while (*p) {
		const char *esc = NULL;
		char one[2] = { '?', '\0' };
		int n = 1;

		switch (*p) {
		case '\t': esc = "\\t"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		case '\\': esc = "\\\\"; break;
		default:
			n = utf8_seq_len(p);
			if (n == 0) {
				/* a C1 control in UTF-8 is one character: one '?' */
				n = *p == 0xc2 && p[1] >= 0x80 && p[1] < 0xa0 ? 2 : 1;
				esc = "?";
			}
		}
		if (name && (esc || strchr(" \t\n\r\\=", *p))) { /* a byte that ends a name */
			one[0] = '_';
			esc = one;
		}
		if (line->len - start + (esc ? strlen(esc) : (size_t)n) > max)
			break;
		if (esc)
			sb_puts(line, esc);
		else
			sb_add(line, (const char *)p, (size_t)n);
		p += n;
	}
	if (name && line->len == start)
		sb_putc(line, '_');
}

void rec_put_str(struct strbuf *line, enum hist_key key, const char *value)
{
	want_kind(key, KEY_NAME, KEY_TEXT);
	put_clean(line, key, value ? value : "");
}

void rec_put_int(struct strbuf *line, enum hist_key key, long value)
{
	const struct field_spec *f;

	want_kind(key, KEY_INT, KEY_INT);
	if ((f = line_field(line, key))) {
		if (value < f->min)
			value = f->min;
		if (value > f->max)
			value = f->max;
	}
	sb_printf(line, "\t%s=%ld", hist_key_spec[key].name, value);
}

void rec_put_enum(struct strbuf *line, enum hist_key key, int value)
{
	const struct key_spec *k = &hist_key_spec[key];

	want_kind(key, KEY_ENUM, KEY_ENUM);
	if (value < 0 || value >= k->nnames)
		die("record writer: %s has no word %d", k->name, value);
	if (k->names[value])
		sb_printf(line, "\t%s=%s", k->name, k->names[value]);
}

void rec_finish(struct strbuf *line)
{
	struct hist_record rec;
	char *copy;
	bool ok;

	/* the values are clean and in range by now: what is left is the caller's */
	ok = line->len <= REC_LINE_MAX && !memchr(line->buf, '\n', line->len);
	if (ok) {
		copy = xmalloc(line->len + 1);
		memcpy(copy, line->buf, line->len + 1);
		ok = history_parse_line(copy, line->len, &rec);
		free(copy);
	}
	if (!ok)
		die("record writer: the reader would reject this record: %.200s", line->buf);
	sb_putc(line, '\n');
}

