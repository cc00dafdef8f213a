#include "history.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

static const char *const hist_key_name[HK_COUNT] = {
	"session", "program", "level", "planned", "exercise", "set", "side", "reps",
	"target", "secs", "status", "pain-during", "pain-after", "pain", "note",
	"next", "answer", "reason",
};

/* Known keys by a small hash of first byte, second byte and length (no two collide,
 * which key_slot checks once), so each field costs one compare. */
#define KEY_SLOTS 64
static signed char key_slot_id[KEY_SLOTS];
static size_t key_name_len[HK_COUNT];

static unsigned key_hash(const char *key, size_t len)
{
	return ((unsigned char)key[0] + (unsigned char)key[1] * 11u + (unsigned)len * 3u) % KEY_SLOTS;
}

static void init_key_slots(void)
{
	memset(key_slot_id, -1, sizeof(key_slot_id));
	for (int i = 0; i < HK_COUNT; i++) {
		unsigned h = key_hash(hist_key_name[i], key_name_len[i] = strlen(hist_key_name[i]));
		if (key_slot_id[h] >= 0)
			die("history keys %s and %s share a hash slot", hist_key_name[i],
			    hist_key_name[(int)key_slot_id[h]]); /* change key_hash */
		key_slot_id[h] = (signed char)i;
	}
}

static int key_id_len(const char *key, size_t len)
{
	int id;

	if (len < 2)
		return -1;
	id = key_slot_id[key_hash(key, len)];
	/* the length first: a key longer than the name must not read past the name */
	if (id < 0 || len != key_name_len[id] || memcmp(key, hist_key_name[id], len) != 0)
		return -1;
	return id;
}

/* Bytes that stand for themselves in a value: printable ASCII but the backslash. */
static bool plain_byte[256];

/* Bytes a key may hold: printable ASCII but space and '='. */
static bool key_byte[256];

static void init_plain_bytes(void)
{
	for (int c = 0x20; c < 0x7f; c++) {
		plain_byte[c] = c != '\\';
		key_byte[c] = c != ' ' && c != '=';
	}
}

/* The lookup tables of the parser, made on first use. */
static void init_tables(void)
{
	if (plain_byte['a'])
		return;
	init_plain_bytes();
	init_key_slots();
}

static int key_id(const char *key)
{
	return key_id_len(key, strlen(key));
}

const char *const record_type_name[REC_TYPE_COUNT] = {
	"start", "set", "skip", "end", "morning", "level", "safety", "advice", "test",
};

/* ---- writing ---- */

void rec_begin(struct strbuf *line, time_t when, enum record_type type)
{
	struct tm tm;
	char stamp[40];
	long off;

	localtime_r(&when, &tm);
	strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%S", &tm);
	off = tm.tm_gmtoff;
	sb_reset(line);
	sb_printf(line, "%s%c%02ld:%02ld\t%s", stamp, off < 0 ? '-' : '+', labs(off) / 3600,
		  labs(off) / 60 % 60, record_type_name[type]);
}

void rec_str(struct strbuf *line, const char *key, const char *value)
{
	sb_printf(line, "\t%s=", key);
	for (const char *p = value; *p; p++) {
		switch (*p) {
		case '\t': sb_puts(line, "\\t"); break;
		case '\n': sb_puts(line, "\\n"); break;
		case '\r': sb_puts(line, "\\r"); break;
		case '\\': sb_puts(line, "\\\\"); break;
		default: sb_putc(line, *p);
		}
	}
}

void rec_int(struct strbuf *line, const char *key, long value)
{
	sb_printf(line, "\t%s=%ld", key, value);
}

void rec_finish(struct strbuf *line)
{
	sb_putc(line, '\n');
}

void history_writer_init(struct history_writer *w, const char *path)
{
	memset(w, 0, sizeof(*w));
	w->path = xstrdup(path);
}

void history_writer_free(struct history_writer *w)
{
	for (size_t i = 0; i < w->npending; i++)
		free(w->pending[i]);
	free(w->pending);
	free(w->path);
	memset(w, 0, sizeof(*w));
}

static bool fail(struct history_writer *w, const char *what, int err)
{
	snprintf(w->err, sizeof(w->err), "%s: %s: %s", w->path, what, strerror(err));
	w->errnum = err;
	return false;
}

static void fsync_dir_of(const char *path)
{
	char *copy = xstrdup(path);
	int fd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(copy);
}

/* mkdir -p for the file's folder, mode 0700; each new folder is synced into its parent. */
static int make_parent_dirs(const char *path)
{
	char *copy = xstrdup(path);
	int rc = 0;

	for (char *p = copy + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(copy, 0700) == 0)
			fsync_dir_of(copy);
		else if (errno != EEXIST)
			rc = -1;
		*p = '/';
		if (rc)
			break;
	}
	free(copy);
	return rc;
}

/* writev, not write: the history's only writes are then told apart from the
 * terminal's, so a fault test can stop the process at exactly the Nth of them
 * (strace -e inject=writev). One iovec is as atomic under O_APPEND as write. */
static bool write_all(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		struct iovec iov = { (void *)buf, len };
		ssize_t n = writev(fd, &iov, 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == 0)
				errno = EIO;
			return false;
		}
		buf += n;
		len -= (size_t)n;
	}
	return true;
}

/* Waits up to about two seconds for the lock; another talus holds it only for a write. */
static bool lock_file(int fd)
{
	for (int i = 0; i < 200; i++) {
		if (flock(fd, LOCK_EX | LOCK_NB) == 0)
			return true;
		if (errno != EWOULDBLOCK && errno != EINTR)
			return false;
		usleep(10000);
	}
	errno = EWOULDBLOCK;
	return false;
}

bool history_retry(struct history_writer *w)
{
	struct strbuf buf;
	struct stat st;
	bool created, ok = false;
	int fd, saved;

	if (w->npending == 0)
		return true;
	if (make_parent_dirs(w->path) != 0)
		return fail(w, "cannot create its folder", errno);
	created = stat(w->path, &st) != 0 && errno == ENOENT;
	fd = open(w->path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0600); /* read: the last byte */
	if (fd < 0)
		return fail(w, "record not saved", errno);
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		snprintf(w->err, sizeof(w->err), "%s: record not saved: not a regular file", w->path);
		w->errnum = EISDIR;
		return false;
	}
	if (!lock_file(fd)) {
		saved = errno;
		close(fd);
		return fail(w, "record not saved: cannot lock", saved);
	}
	if (fstat(fd, &st) != 0) {
		saved = errno;
		close(fd);
		return fail(w, "record not saved", saved);
	}

	sb_init(&buf);
	if (st.st_size == 0) {
		sb_puts(&buf, HISTORY_HEADER);
	} else {
		char last;
		/* a torn earlier write: end that line so ours starts clean */
		if (pread(fd, &last, 1, st.st_size - 1) == 1 && last != '\n')
			sb_putc(&buf, '\n');
	}
	for (size_t i = 0; i < w->npending; i++)
		sb_puts(&buf, w->pending[i]);

	if (!write_all(fd, buf.buf, buf.len)) {
		saved = errno;
		if (ftruncate(fd, st.st_size) != 0) { /* nothing more to do; the reader skips a torn line */ }
		fail(w, "record not saved", saved);
	} else if (fdatasync(fd) != 0) {
		saved = errno;
		/* after a failed sync the data may or may not reach the disk: take it back */
		if (ftruncate(fd, st.st_size) != 0) { /* as above */ }
		fail(w, "record not saved (sync failed)", saved);
	} else {
		ok = true;
	}
	sb_free(&buf);
	close(fd);
	if (!ok)
		return false;
	if (created)
		fsync_dir_of(w->path);
	for (size_t i = 0; i < w->npending; i++)
		free(w->pending[i]);
	w->npending = 0;
	w->err[0] = '\0';
	return true;
}

bool history_append(struct history_writer *w, const char *line)
{
	w->pending = xrealloc(w->pending, (w->npending + 1) * sizeof(*w->pending));
	w->pending[w->npending++] = xstrdup(line);
	return history_retry(w);
}

/* ---- reading ---- */

static bool two_digits(const char *s, int *out)
{
	if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
		return false;
	*out = (s[0] - '0') * 10 + (s[1] - '0');
	return true;
}

/* Records of one day come together: remember the last date parsed. */
static bool parse_date_cached(const char *date, day_t *day)
{
	static char last[11];
	static day_t last_day;

	if (memcmp(date, last, 11) == 0) {
		*day = last_day;
		return true;
	}
	if (!date_parse(date, day))
		return false;
	memcpy(last, date, 11);
	last_day = *day;
	return true;
}

/* 2026-11-23T07:30:12+01:00 (or Z) */
static bool parse_stamp(const char *s, struct hist_record *rec)
{
	char date[11];
	int hh, mm, ss, oh = 0, om = 0, sign = 1;
	size_t len = strlen(s);

	if (len != 25 && len != 20)
		return false;
	memcpy(date, s, 10);
	date[10] = '\0';
	if (!parse_date_cached(date, &rec->day) || s[10] != 'T' || s[13] != ':' || s[16] != ':' ||
	    !two_digits(s + 11, &hh) || !two_digits(s + 14, &mm) || !two_digits(s + 17, &ss) ||
	    hh > 23 || mm > 59 || ss > 60)
		return false;
	if (len == 20) {
		if (s[19] != 'Z')
			return false;
	} else {
		if ((s[19] != '+' && s[19] != '-') || s[22] != ':' || !two_digits(s + 20, &oh) ||
		    !two_digits(s + 23, &om) || oh > 14 || om > 59)
			return false;
		sign = s[19] == '-' ? -1 : 1;
	}
	rec->secs_of_day = hh * 3600 + mm * 60 + ss;
	rec->when = (int64_t)rec->day * 86400 + rec->secs_of_day - sign * (oh * 3600 + om * 60);
	return true;
}

const char *rec_get(const struct hist_record *rec, const char *key)
{
	int id;

	init_tables();
	id = key_id(key);

	if (id >= 0)
		return rec->known[id];
	for (size_t i = 0; i < rec->nfields; i++)
		if (rec->fields[i].key[0] == key[0] && strcmp(rec->fields[i].key, key) == 0)
			return rec->fields[i].value;
	return NULL;
}

long rec_get_int(const struct hist_record *rec, const char *key, long fallback)
{
	long v;

	return parse_long(rec_get(rec, key), -1000000000L, 1000000000L, &v) ? v : fallback;
}

static bool int_in(const struct hist_record *rec, enum hist_key key, long min, long max,
		   bool required)
{
	const char *s = rec->known[key];
	long v;

	if (!s)
		return !required;
	return parse_long(s, min, max, &v);
}

static bool name_field(const struct hist_record *rec, enum hist_key key, bool required)
{
	const char *s = rec->known[key];

	if (!s)
		return !required;
	return *s && strlen(s) <= 64 && !strpbrk(s, " \t\n\r\\=");
}

static bool is_one_of(const char *s, const char *a, const char *b, const char *c)
{
	return s && (strcmp(s, a) == 0 || strcmp(s, b) == 0 || (c && strcmp(s, c) == 0));
}

/* What each record type must hold for its readers to trust it. */
static bool fields_valid(const struct hist_record *rec)
{
	const char *const *k = rec->known;

	switch (rec->type) {
	case REC_START:
		return name_field(rec, HK_SESSION, true) && name_field(rec, HK_PROGRAM, true) &&
		       int_in(rec, HK_LEVEL, 1, 20, true) && int_in(rec, HK_PLANNED, 0, 100000, false);
	case REC_SET:
		return name_field(rec, HK_SESSION, true) && name_field(rec, HK_EXERCISE, true) &&
		       int_in(rec, HK_SET, 1, 1000, true) && int_in(rec, HK_REPS, 0, 100000, false) &&
		       int_in(rec, HK_TARGET, 0, 100000, false) && int_in(rec, HK_SECS, 0, 86400, false) &&
		       (!k[HK_SIDE] || is_one_of(k[HK_SIDE], "left", "right", NULL));
	case REC_SKIP:
		return name_field(rec, HK_SESSION, true) && name_field(rec, HK_EXERCISE, true);
	case REC_END:
		return name_field(rec, HK_SESSION, true) &&
		       is_one_of(k[HK_STATUS], "done", "quit", "interrupted") &&
		       int_in(rec, HK_PAIN_DURING, 0, 10, false) && int_in(rec, HK_PAIN_AFTER, 0, 10, false) &&
		       int_in(rec, HK_SECS, 0, 864000, false);
	case REC_MORNING:
		return int_in(rec, HK_PAIN, 0, 10, true);
	case REC_LEVEL:
		return name_field(rec, HK_PROGRAM, true) && int_in(rec, HK_LEVEL, 1, 20, true);
	case REC_TEST:
		return name_field(rec, HK_PROGRAM, true) && name_field(rec, HK_NEXT, true) &&
		       is_one_of(k[HK_ANSWER], "yes", "no", NULL);
	case REC_SAFETY:
	case REC_ADVICE:
	default:
		return true;
	}
}

/* Skips the plain bytes at p, eight at a time while a whole word lies before end: a
 * word with no byte below 0x20, none at 0x7f or above and no backslash is plain
 * throughout (the bit tests of "Bit Twiddling Hacks", hasless and haszero). */
#define ONES 0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL

static char *skip_plain(char *p, const char *end)
{
	while (end - p >= 8) {
		uint64_t x, bad;
		memcpy(&x, p, 8);
		bad = ((x - 0x20 * ONES) & ~x) | ((x + ONES) | x) | (((x ^ ('\\' * ONES)) - ONES) & ~(x ^ ('\\' * ONES)));
		if (bad & HIGHS)
			break;
		p += 8;
	}
	while (plain_byte[(unsigned char)*p])
		p++;
	return p;
}

/* Checks a value and undoes its escapes in place, from p up to end (a NUL). Most values
 * are plain ASCII and are only scanned. */
static bool clean_value(char *p, char *end)
{
	char *out;

	while (plain_byte[(unsigned char)*p])
		p++;
	for (out = p; p < end; p++) {
		unsigned char c = (unsigned char)*p;
		if (plain_byte[c]) {
			*out++ = (char)c;
		} else if (c >= 0x80) {
			int n = utf8_seq_len((unsigned char *)p);
			if (n == 0)
				return false;
			while (n-- > 1)
				*out++ = *p++;
			*out++ = *p;
		} else if (c == '\\') {
			switch (*++p) {
			case 't': *out++ = '\t'; break;
			case 'n': *out++ = '\n'; break;
			case 'r': *out++ = '\r'; break;
			case '\\': *out++ = '\\'; break;
			default: return false; /* an unknown escape, or one cut off */
			}
		} else {
			return false; /* a control character */
		}
	}
	*out = '\0';
	return true;
}

/* Splits the line at tabs and each field at its first '=', in place. A history is
 * mostly this function, so it leans on memchr and a table. */
bool history_parse_line(char *line, size_t len, struct hist_record *rec)
{
	char *p, *end = line + len, *type, *tab;

	init_tables();
	*end = '\0';
	tab = memchr(line, '\t', len);
	if (!tab)
		return false;
	*tab = '\0';
	if (!parse_stamp(line, rec))
		return false;
	type = tab + 1;
	tab = memchr(type, '\t', (size_t)(end - type));
	p = tab ? tab + 1 : end;
	if (tab)
		*tab = '\0';
	for (rec->type = 0; rec->type < REC_TYPE_COUNT; rec->type++)
		if (type[0] == record_type_name[rec->type][0] &&
		    strcmp(type, record_type_name[rec->type]) == 0)
			break;
	if (rec->type == REC_TYPE_COUNT)
		return false;
	rec->nfields = 0;
	memset(rec->known, 0, sizeof(rec->known));
	while (p < end) {
		char *key = p, *value, *fend;
		int id;

		while (key_byte[(unsigned char)*p])
			p++;
		if (*p != '=' || p == key || rec->nfields == HISTORY_MAX_FIELDS)
			return false;
		id = key_id_len(key, (size_t)(p - key));
		*p++ = '\0';
		value = p;
		p = skip_plain(p, end);
		if (*p != '\t' && *p != '\0') { /* escapes or UTF-8: the careful path */
			fend = memchr(p, '\t', (size_t)(end - p));
			fend = fend ? fend : end;
			*fend = '\0';
			if (!clean_value(p, fend))
				return false;
			p = fend;
		}
		fend = p;
		*fend = '\0';
		rec->fields[rec->nfields].key = key;
		rec->fields[rec->nfields++].value = value;
		if (id >= 0 && !rec->known[id])
			rec->known[id] = value;
		p = fend + 1;
	}
	return fields_valid(rec);
}

static void skip_line(struct history_report *report, size_t lineno)
{
	if (report->skipped < HISTORY_SHOWN_SKIPS)
		report->skipped_lines[report->skipped] = lineno;
	report->skipped++;
}

/* line[len] must be writable (it held the newline). */
static void handle_line(char *line, size_t len, size_t lineno, history_visit_fn visit, void *ctx,
			struct history_report *report)
{
	struct hist_record rec;

	if (len > 0 && line[len - 1] == '\r')
		len--;
	line[len] = '\0';
	if (len == 0 || line[0] == '#')
		return;
	if (len > HISTORY_MAX_LINE || memchr(line, '\0', len) || !history_parse_line(line, len, &rec)) {
		skip_line(report, lineno);
		return;
	}
	rec.line = lineno;
	report->records++;
	visit(&rec, ctx);
}

#define READ_CHUNK 65536

bool history_read(const char *path, history_visit_fn visit, void *ctx,
		  struct history_report *report)
{
	struct stat st;
	char *buf;
	size_t have = 0, lineno = 0;
	bool overlong = false, ok = true;
	int fd;

	memset(report, 0, sizeof(*report));
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT)
			return true;
		snprintf(report->err, sizeof(report->err), "%s: cannot read: %s", path, strerror(errno));
		return false;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		snprintf(report->err, sizeof(report->err), "%s: cannot read: %s", path,
			 S_ISDIR(st.st_mode) ? "is a directory" : "not a regular file");
		close(fd);
		return false;
	}
	buf = xmalloc(READ_CHUNK + 1);
	for (;;) {
		ssize_t n = read(fd, buf + have, READ_CHUNK - have);
		size_t start = 0;
		char *nl;

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			snprintf(report->err, sizeof(report->err), "%s: cannot read: %s", path,
				 strerror(errno));
			ok = false;
			break;
		}
		if (n == 0)
			break;
		have += (size_t)n;
		while ((nl = memchr(buf + start, '\n', have - start))) {
			size_t len = (size_t)(nl - (buf + start));
			lineno++;
			if (overlong)
				skip_line(report, lineno);
			else
				handle_line(buf + start, len, lineno, visit, ctx, report);
			overlong = false;
			start += len + 1;
		}
		memmove(buf, buf + start, have - start);
		have -= start;
		if (have == READ_CHUNK) { /* no newline in a whole buffer: too long to keep */
			overlong = true;
			have = 0;
		}
	}
	if (ok && (have > 0 || overlong))
		skip_line(report, ++lineno); /* no final newline: a torn write */
	free(buf);
	close(fd);
	return ok;
}

void history_report_skips(const struct history_report *report, char *buf, size_t len)
{
	struct strbuf sb;
	size_t shown = report->skipped < HISTORY_SHOWN_SKIPS ? report->skipped : HISTORY_SHOWN_SKIPS;

	if (report->skipped == 0) {
		copy_str(buf, len, "");
		return;
	}
	sb_init(&sb);
	sb_printf(&sb, "skipped %zu damaged line%s (line%s ", report->skipped,
		  report->skipped == 1 ? "" : "s", report->skipped == 1 ? "" : "s");
	for (size_t i = 0; i < shown; i++)
		sb_printf(&sb, "%s%zu", i ? ", " : "", report->skipped_lines[i]);
	if (report->skipped > shown)
		sb_printf(&sb, " and %zu more", report->skipped - shown);
	sb_puts(&sb, ")");
	copy_str(buf, len, sb.buf);
	sb_free(&sb);
}
