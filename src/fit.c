/* A FIT decoder of our own (running.md: Debian has no FIT library and Garmin's SDK
 * licence is not free). It reads only what an import needs: each session's sport, start
 * and totals, and the activity's local time. The bytes are untrusted (and fuzzed): every
 * read is checked against the end, nothing is allocated from a size in the file, and
 * every loop moves forward. */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "fit.h"
#include "import.h"

#define FIT_LOCAL_TYPES 16
#define FIT_SUM_MAX 0x40000000L    /* laps' totals stop there (*design*: 30 years) */

struct fit_field {
	uint8_t num, size, base;
};

/* What a definition message says the data messages of one local type hold. */
struct fit_def {
	bool used, big;
	uint16_t global;
	uint8_t nfields;
	uint32_t size;                 /* a data message's bytes, developer fields too */
	struct fit_field f[255];
};

/* One FIT file of a chain, as it is read. */
struct fit_file {
	const unsigned char *p;
	size_t pos, end;               /* the next record; the end of the data */
	struct fit_def defs[FIT_LOCAL_TYPES];
	uint32_t last_ts;              /* the last full timestamp, for compressed ones */
	bool have_offset;
	int offset;
	uint32_t act_ts;               /* the activity's timestamp, 0 when none */
	struct activity laps;          /* the laps summed */
	size_t nlaps;
	size_t first;                  /* out's first activity from this file */
	size_t before;                 /* out's length before this call */
	struct activity_list *out;
	char *err;
	size_t errlen;
};

static bool fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (err && errlen) {
		va_start(ap, fmt);
		vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
	}
	return false;
}

/* The nibble table of the FIT SDK's CRC (CRC-16/ARC: polynomial 0x8005, reflected). */
uint16_t fit_crc16(uint16_t crc, const unsigned char *p, size_t n)
{
	static const uint16_t t[16] = {
		0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
		0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400,
	};

	for (size_t i = 0; i < n; i++) {
		crc = (uint16_t)((crc >> 4) ^ t[crc & 0xF] ^ t[p[i] & 0xF]);
		crc = (uint16_t)((crc >> 4) ^ t[crc & 0xF] ^ t[p[i] >> 4]);
	}
	return crc;
}

/* The FIT profile's sport numbers, spelled as a runner would. */
const char *fit_sport_name(unsigned sport)
{
	static const char *const names[] = {
		"generic", "running", "cycling", "transition", "fitness equipment",
		"swimming", "basketball", "soccer", "tennis", "american football",
		"training", "walking", "cross-country skiing", "alpine skiing",
		"snowboarding", "rowing", "mountaineering", "hiking", "multisport",
		"paddling", "flying", "e-biking", "motorcycling", "boating", "driving",
		"golf", "hang gliding", "horseback riding", "hunting", "fishing",
		"inline skating", "rock climbing", "sailing", "ice skating", "sky diving",
		"snowshoeing", "snowmobiling", "stand-up paddleboarding", "surfing",
		"wakeboarding", "water skiing", "kayaking", "rafting", "windsurfing",
		"kitesurfing", "tactical", "jumpmaster", "boxing", "floor climbing",
		"baseball",
	};
	static const struct { unsigned num; const char *name; } more[] = {
		{53, "diving"}, {62, "hiit"}, {64, "racket"}, {65, "wheelchair push walk"},
		{66, "wheelchair push run"}, {67, "meditation"}, {69, "disc golf"},
		{71, "cricket"}, {72, "rugby"}, {73, "hockey"}, {74, "lacrosse"},
		{75, "volleyball"}, {76, "water tubing"}, {77, "wakesurfing"},
		{80, "mixed martial arts"}, {82, "snorkeling"}, {83, "dance"},
		{84, "jump rope"},
	};

	if (sport < sizeof(names) / sizeof(names[0]))
		return names[sport];
	for (size_t i = 0; i < sizeof(more) / sizeof(more[0]); i++)
		if (more[i].num == sport)
			return more[i].name;
	return NULL;
}

static uint32_t le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* One value of a field, as an unsigned integer: false when the field is not an integer
 * the size of its base type, holds the base type's invalid value, or is below zero (the
 * fields read here are counts and times, never negative). */
static bool field_decode(bool big, const struct fit_field *fd, const unsigned char *p,
			 uint64_t *v)
{
	/* base types 0-16: enum, sint8, uint8, sint16, uint16, sint32, uint32, string,
	 * float32, float64, uint8z, uint16z, uint32z, byte, sint64, uint64, uint64z */
	static const uint8_t sizes[17] = {1, 1, 1, 2, 2, 4, 4, 1, 4, 8, 1, 2, 4, 1, 8, 8, 8};
	unsigned type = fd->base & 0x1F, n, bits;
	uint64_t x = 0;

	if (type > 16 || type == 7 || type == 8 || type == 9)
		return false;
	n = sizes[type];
	if (fd->size < n)
		return false;
	for (unsigned i = 0; i < n; i++)
		x |= (uint64_t)p[big ? n - 1 - i : i] << (8 * i);
	bits = 8 * n;
	switch (type) {
	case 1: case 3: case 5: case 14:   /* signed: 0x7F..., and nothing negative */
		if (x >> (bits - 1))
			return false;
		if (x == (UINT64_MAX >> (65 - bits)))
			return false;
		break;
	case 10: case 11: case 12: case 16: /* the z types: 0 */
		if (x == 0)
			return false;
		break;
	default:                            /* all ones */
		if (x == (UINT64_MAX >> (64 - bits)))
			return false;
	}
	*v = x;
	return true;
}

/* Field num of a data message, when it is there and valid. */
static bool field(const struct fit_def *d, const unsigned char *msg, unsigned num,
		  uint64_t *v)
{
	size_t off = 0;

	for (unsigned i = 0; i < d->nfields; i++) {
		if (d->f[i].num == num)
			return field_decode(d->big, &d->f[i], msg + off, v);
		off += d->f[i].size;
	}
	return false;
}

/* A uint32 field of the profile (times, distances), scaled and rounded. */
static bool scaled(const struct fit_def *d, const unsigned char *msg, unsigned num,
		   unsigned scale, long *out)
{
	uint64_t v;

	if (!field(d, msg, num, &v) || v > UINT32_MAX)
		return false;
	*out = (long)((v + scale / 2) / scale);
	return true;
}

/* What a session and a lap share: start_time (2), total_elapsed_time (7, ms),
 * total_timer_time (8, ms), total_distance (9, cm); the sport is field sport_num. A
 * start that is not a date is the end (ts) less the elapsed time, or settled when the
 * file ends. */
static void totals(const struct fit_def *d, const unsigned char *msg, unsigned sport_num,
		   uint32_t ts, struct activity *a)
{
	uint64_t sport = 0, start = 0;
	const char *name;

	memset(a, 0, sizeof(*a));
	a->moving_secs = a->elapsed_secs = -1;
	if (!field(d, msg, sport_num, &sport) || sport > UINT8_MAX) /* an enum: a byte */
		sport = 0;
	a->running = sport == FIT_SPORT_RUNNING; /* its sub_sport (treadmill, trail) too */
	name = fit_sport_name((unsigned)sport);
	if (name)
		snprintf(a->sport, sizeof(a->sport), "%s", name);
	else
		snprintf(a->sport, sizeof(a->sport), "sport %u", (unsigned)sport);
	(void)scaled(d, msg, 7, 1000, &a->elapsed_secs);
	(void)scaled(d, msg, 8, 1000, &a->moving_secs);
	(void)scaled(d, msg, 9, 100, &a->metres);
	if (field(d, msg, 2, &start) && start >= FIT_RELATIVE && start <= UINT32_MAX)
		a->start = (int64_t)start + FIT_EPOCH;
	else if (ts >= FIT_RELATIVE && a->elapsed_secs >= 0)
		a->start = (int64_t)ts + FIT_EPOCH - a->elapsed_secs; /* it ended at ts */
	else
		a->start = INT64_MIN;
}

static bool push(struct fit_file *f, const struct activity *a)
{
	if (f->out->n - f->before >= FIT_SESSIONS_MAX)
		return fail(f->err, f->errlen, "more than %d sessions", FIT_SESSIONS_MAX);
	if (!activity_push(f->out, a))
		return fail(f->err, f->errlen, "out of memory");
	return true;
}

/* Two totals of laps: -1 when either is unknown, never past FIT_SUM_MAX. */
static long add(long a, long b)
{
	if (a < 0 || b < 0)
		return -1;
	return a > FIT_SUM_MAX - b ? FIT_SUM_MAX : a + b;
}

/* A lap (global 19): summed, for a file with laps and no session (running.md). */
static void lap(struct fit_file *f, const struct fit_def *d, const unsigned char *msg,
		uint32_t ts)
{
	struct activity a, *sum = &f->laps;

	totals(d, msg, 25, ts, &a);
	if (f->nlaps++ == 0) {
		*sum = a;
		return;
	}
	sum->metres = add(sum->metres, a.metres);
	sum->elapsed_secs = add(sum->elapsed_secs, a.elapsed_secs);
	sum->moving_secs = add(sum->moving_secs, a.moving_secs);
}

/* The activity (global 34): its local_timestamp minus its timestamp is the offset. */
static void activity(struct fit_file *f, const struct fit_def *d, const unsigned char *msg,
		     uint32_t ts)
{
	uint64_t local;
	int64_t off;

	if (ts < FIT_RELATIVE)
		return;
	f->act_ts = ts;
	if (!field(d, msg, 5, &local) || local < FIT_RELATIVE || local > UINT32_MAX)
		return;
	off = (int64_t)local - (int64_t)ts;
	if (off < -FIT_OFFSET_MAX || off > FIT_OFFSET_MAX)
		return;
	f->have_offset = true;
	f->offset = (int)off;
}

static bool definition(struct fit_file *f, unsigned local, bool dev)
{
	struct fit_def *d = &f->defs[local];
	size_t at = f->pos - 1, n;
	const unsigned char *p;

	if (f->end - f->pos < 5)
		return fail(f->err, f->errlen, "byte %zu: definition cut short", at);
	p = f->p + f->pos;
	if (p[1] > 1)
		return fail(f->err, f->errlen, "byte %zu: architecture %u is neither little "
			    "nor big endian", at, p[1]);
	d->big = p[1] == 1;
	d->global = d->big ? (uint16_t)(p[2] << 8 | p[3]) : (uint16_t)(p[3] << 8 | p[2]);
	d->nfields = p[4];
	f->pos += 5;
	if (f->end - f->pos < (size_t)d->nfields * 3)
		return fail(f->err, f->errlen, "byte %zu: definition cut short", at);
	d->size = 0;
	for (unsigned i = 0; i < d->nfields; i++, f->pos += 3) {
		d->f[i].num = f->p[f->pos];
		d->f[i].size = f->p[f->pos + 1];
		d->f[i].base = f->p[f->pos + 2];
		d->size += d->f[i].size;
	}
	if (dev) {                     /* developer fields: only their sizes matter */
		if (f->end - f->pos < 1)
			return fail(f->err, f->errlen, "byte %zu: definition cut short", at);
		n = f->p[f->pos++];
		if (f->end - f->pos < n * 3)
			return fail(f->err, f->errlen, "byte %zu: definition cut short", at);
		for (size_t i = 0; i < n; i++, f->pos += 3)
			d->size += f->p[f->pos + 1];
	}
	d->used = true;
	return true;
}

/* A data message; ts is the compressed header's time when compressed. */
static bool data_message(struct fit_file *f, unsigned local, bool compressed, uint32_t ts)
{
	const struct fit_def *d = &f->defs[local];
	size_t at = f->pos - 1;
	const unsigned char *msg;
	uint64_t v;

	if (!d->used)
		return fail(f->err, f->errlen, "byte %zu: a message of local type %u before its "
			    "definition", at, local);
	if (f->end - f->pos < d->size)
		return fail(f->err, f->errlen, "byte %zu: message runs past the end of the data",
			    at);
	msg = f->p + f->pos;
	f->pos += d->size;
	if (!compressed && field(d, msg, FIT_FIELD_TIMESTAMP, &v) && v <= UINT32_MAX)
		ts = f->last_ts = (uint32_t)v;
	if (d->global == FIT_MSG_SESSION) {
		struct activity a;

		totals(d, msg, 5, ts, &a);
		return push(f, &a);
	}
	if (d->global == FIT_MSG_LAP)
		lap(f, d, msg, ts);
	if (d->global == FIT_MSG_ACTIVITY)
		activity(f, d, msg, ts);
	return true;
}

/* A compressed timestamp header holds the low 5 bits of the time: it rolls over
 * against the last full timestamp (FIT protocol). */
static uint32_t compressed_time(struct fit_file *f, unsigned offset)
{
	uint32_t ts = (f->last_ts & ~0x1Fu) + offset;

	if (offset < (f->last_ts & 0x1Fu))
		ts += 0x20;
	f->last_ts = ts;
	return ts;
}

static bool records(struct fit_file *f)
{
	while (f->pos < f->end) {
		unsigned h = f->p[f->pos++];

		if (h & 0x80) {
			if (!data_message(f, (h >> 5) & 3, true, compressed_time(f, h & 0x1F)))
				return false;
		} else if (h & 0x40) {
			if (!definition(f, h & 0xF, h & 0x20))
				return false;
		} else if (!data_message(f, h & 0xF, false, 0)) {
			return false;
		}
	}
	return true;
}

/* When the file ends: its local offset on each of its sessions, and a start from the
 * activity's time for a session whose own was not a date. */
static bool settle(struct fit_file *f)
{
	if (f->out->n == f->first && f->nlaps && !push(f, &f->laps))
		return false;
	for (size_t i = f->first; i < f->out->n; i++) {
		struct activity *a = &f->out->items[i];

		if (a->start == INT64_MIN) {
			if (!f->act_ts || a->elapsed_secs < 0)
				return fail(f->err, f->errlen, "a session without a start time");
			a->start = (int64_t)f->act_ts + FIT_EPOCH - a->elapsed_secs;
		}
		a->have_offset = f->have_offset;
		a->offset = f->have_offset ? f->offset : 0;
	}
	return true;
}

/* One FIT file from *pos: its header, records and CRC; *pos moves past it. */
static bool one_file(struct fit_file *f, size_t len, size_t *pos)
{
	const unsigned char *h = f->p + *pos;
	size_t at = *pos, rest = len - at, hsize;
	uint32_t size;

	if (rest < 12)
		return fail(f->err, f->errlen, "byte %zu: header cut short", at);
	if (memcmp(h + 8, ".FIT", 4) != 0)
		return fail(f->err, f->errlen, at ? "byte %zu: no FIT header after the file "
			    "before it" : "not a FIT file", at);
	hsize = h[0];
	if (hsize != 12 && hsize != 14)
		return fail(f->err, f->errlen, "byte %zu: header size %zu, not 12 or 14", at,
			    hsize);
	if (rest < hsize)
		return fail(f->err, f->errlen, "byte %zu: header cut short", at);
	if (hsize == 14 && (h[12] | h[13]) && fit_crc16(0, h, 12) != (h[12] | h[13] << 8))
		return fail(f->err, f->errlen, "byte %zu: bad header CRC", at);
	size = le32(h + 4);
	if (size > rest - hsize || rest - hsize - size < 2)
		return fail(f->err, f->errlen, "truncated: the header at byte %zu says %lu "
			    "bytes of data and a CRC, %zu are left", at, (unsigned long)size,
			    rest - hsize);
	if (fit_crc16(0, h, hsize + size) != (h[hsize + size] | h[hsize + size + 1] << 8))
		return fail(f->err, f->errlen, at ? "bad CRC in the file at byte %zu" :
			    "bad CRC", at);
	f->pos = at + hsize;
	f->end = f->pos + size;
	*pos = f->end + 2;
	return records(f) && settle(f);
}

static bool all_zero(const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i])
			return false;
	return true;
}

bool fit_parse(const unsigned char *buf, size_t len, struct activity_list *out,
	       char *err, size_t errlen)
{
	struct fit_file f;
	size_t pos = 0, before = out->n;

	if (len == 0)
		return fail(err, errlen, "empty file");
	do {
		/* Each file of a chain is read afresh: its own definitions and times. */
		memset(&f, 0, sizeof(f));
		f.p = buf;
		f.before = before;
		f.out = out;
		f.first = out->n;
		f.err = err;
		f.errlen = errlen;
		if (!one_file(&f, len, &pos))
			return false;
	} while (pos < len && !all_zero(buf + pos, len - pos)); /* zeros: padding */
	return true;
}
