/* The tests' FIT writer (fit_writer.h). */
#include <stdlib.h>
#include <string.h>

#include "fit_writer.h"

#define FITW_EPOCH 631065600 /* 1989-12-31T00:00:00Z */

/* CRC-16/ARC bit by bit: the decoder's nibble table is checked against it. */
uint16_t fitw_crc(const unsigned char *p, size_t n)
{
	uint16_t crc = 0;

	for (size_t i = 0; i < n; i++) {
		crc ^= p[i];
		for (int b = 0; b < 8; b++)
			crc = (crc & 1) ? (uint16_t)((crc >> 1) ^ 0xA001) : (uint16_t)(crc >> 1);
	}
	return crc;
}

void fitw_bytes(struct fit_writer *w, const void *p, size_t n)
{
	if (w->len + n > w->cap) {
		size_t cap = (w->len + n) * 2 + 64;
		unsigned char *b = realloc(w->buf, cap);

		if (!b) {
			w->oom = true;
			return;
		}
		w->buf = b;
		w->cap = cap;
	}
	memcpy(w->buf + w->len, p, n);
	w->len += n;
}

static void put_byte(struct fit_writer *w, unsigned v)
{
	unsigned char c = (unsigned char)v;

	fitw_bytes(w, &c, 1);
}

static void put_int(struct fit_writer *w, uint64_t v, size_t size, bool big)
{
	for (size_t i = 0; i < size; i++) {
		size_t shift = big ? size - 1 - i : i;

		put_byte(w, shift < 8 ? (unsigned)(v >> (8 * shift)) & 0xFF : 0);
	}
}

void fitw_begin(struct fit_writer *w, size_t header_size)
{
	static const unsigned char head[14] = {0, 0x20, 0x54, 0x08, 0, 0, 0, 0,
					       '.', 'F', 'I', 'T', 0, 0};

	w->start = w->len;
	w->hsize = header_size;
	fitw_bytes(w, head, header_size);
	if (!w->oom)
		w->buf[w->start] = (unsigned char)header_size;
}

void fitw_end(struct fit_writer *w)
{
	unsigned char *h;
	size_t size;
	uint16_t crc;

	if (w->oom)
		return;
	h = w->buf + w->start;
	size = w->len - w->start - w->hsize;
	for (int i = 0; i < 4; i++)
		h[4 + i] = (unsigned char)(size >> (8 * i));
	if (w->hsize == 14) {
		crc = fitw_crc(h, 12);
		h[12] = (unsigned char)crc;
		h[13] = (unsigned char)(crc >> 8);
	}
	crc = fitw_crc(w->buf + w->start, w->len - w->start);
	put_int(w, crc, 2, false);
}

void fitw_define(struct fit_writer *w, int local, unsigned global, bool big,
		 const struct fitw_field *f, int n, const uint8_t *devsizes, int ndev)
{
	put_byte(w, 0x40 | (ndev ? 0x20 : 0) | (unsigned)local);
	put_byte(w, 0);
	put_byte(w, big);
	put_int(w, global, 2, big);
	put_byte(w, (unsigned)n);
	w->defs[local].big = big;
	w->defs[local].n = n;
	w->defs[local].devsize = 0;
	for (int i = 0; i < n; i++) {
		put_byte(w, f[i].num);
		put_byte(w, f[i].size);
		put_byte(w, f[i].base);
		if (i < FITW_FIELDS_MAX)
			w->defs[local].f[i] = f[i];
	}
	if (ndev) {
		put_byte(w, (unsigned)ndev);
		for (int i = 0; i < ndev; i++) {
			put_byte(w, (unsigned)i);       /* field number */
			put_byte(w, devsizes[i]);
			put_byte(w, 0);                 /* developer data index */
			w->defs[local].devsize += devsizes[i];
		}
	}
}

static void values(struct fit_writer *w, int local, const uint64_t *v)
{
	for (int i = 0; i < w->defs[local].n && i < FITW_FIELDS_MAX; i++)
		put_int(w, v[i], w->defs[local].f[i].size, w->defs[local].big);
	for (int i = 0; i < w->defs[local].devsize; i++)
		put_byte(w, 0xA5);
}

void fitw_data(struct fit_writer *w, int local, const uint64_t *v)
{
	put_byte(w, (unsigned)local);
	values(w, local, v);
}

void fitw_compressed(struct fit_writer *w, int local, uint32_t fit_time, const uint64_t *v)
{
	put_byte(w, 0x80 | (unsigned)local << 5 | (fit_time & 0x1F));
	values(w, local, v);
}

void fitw_free(struct fit_writer *w)
{
	free(w->buf);
	memset(w, 0, sizeof(*w));
}

enum { L_FILE_ID, L_RECORD, L_SESSION, L_ACTIVITY, L_DEV_ID, L_FULL_RECORD };

static const struct fitw_field file_id[] = {
	{0, 1, 0x00}, {1, 2, 0x84}, {4, 4, 0x86},
};
static const struct fitw_field record[] = {   /* the timestamp in its header */
	{0, 4, 0x85}, {1, 4, 0x85}, {5, 4, 0x86},
};
static const struct fitw_field full_record[] = {
	{253, 4, 0x86}, {0, 4, 0x85}, {1, 4, 0x85}, {5, 4, 0x86},
};
static const struct fitw_field session[] = {
	{253, 4, 0x86}, {2, 4, 0x86}, {5, 1, 0x00}, {6, 1, 0x00},
	{7, 4, 0x86}, {8, 4, 0x86}, {9, 4, 0x86},
};
static const struct fitw_field activity_full[] = {
	{253, 4, 0x86}, {0, 4, 0x86}, {1, 2, 0x84}, {2, 1, 0x00}, {5, 4, 0x86},
};
static const struct fitw_field dev_id[] = {
	{0, 16, 0x0D}, {3, 1, 0x02},
};

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* Five points along a leg, each a full timestamp, or with compressed ones 10 s apart
 * (crossing the 5-bit roll-over) after a full one. */
static void records(struct fit_writer *w, const struct fitw_leg *l,
		    const struct fitw_options *o)
{
	uint32_t t0 = (uint32_t)(l->start - FITW_EPOCH);

	for (int i = 0; i < 5; i++) {
		uint64_t lat = (uint64_t)(600000000 + 1000 * i), lon = 120000000;
		uint64_t dist = (uint64_t)l->metres * 100 * (uint64_t)i / 4;

		if (o->compressed && i > 0) {
			uint64_t v[] = {lat, lon, (uint64_t)l->metres * 100 * (uint64_t)i / 400};

			fitw_compressed(w, L_RECORD, t0 + 10u * (uint32_t)i, v);
		} else {
			uint64_t v[] = {t0 + (uint64_t)l->moving * (uint64_t)i / 4, lat, lon, dist};

			fitw_data(w, L_FULL_RECORD, v);
		}
	}
}

void fitw_activity(struct fit_writer *w, const struct fitw_leg *legs, int n,
		   const struct fitw_options *o)
{
	static const uint8_t devsizes[] = {4, 2};
	int ndev = o->dev ? N(devsizes) : 0;
	uint32_t end = 0;
	uint64_t timer = 0;

	fitw_begin(w, o->header_size ? o->header_size : 14);
	fitw_define(w, L_FILE_ID, 0, o->big, file_id, N(file_id), NULL, 0);
	fitw_data(w, L_FILE_ID, (const uint64_t[]){4, 255,
		  n ? (uint64_t)(legs[0].start - FITW_EPOCH) : 0});
	if (o->dev) {
		fitw_define(w, L_DEV_ID, 207, o->big, dev_id, N(dev_id), NULL, 0);
		fitw_data(w, L_DEV_ID, (const uint64_t[]){0xFFFFFFFFu, 0});
	}
	fitw_define(w, L_FULL_RECORD, 20, o->big, full_record, N(full_record), devsizes, ndev);
	fitw_define(w, L_RECORD, 20, o->big, record, N(record), devsizes, ndev);
	fitw_define(w, L_SESSION, 18, o->big, session, N(session), devsizes, ndev);
	for (int i = 0; i < n; i++) {
		const struct fitw_leg *l = &legs[i];
		long elapsed = l->elapsed ? l->elapsed : l->moving;
		uint32_t start = (uint32_t)(l->start - FITW_EPOCH);

		if (l->positions)
			records(w, l, o);
		end = start + (uint32_t)elapsed;
		timer += (uint64_t)l->moving * 1000;
		fitw_data(w, L_SESSION, (const uint64_t[]){end, start, l->sport, l->sub_sport,
			  (uint64_t)elapsed * 1000, (uint64_t)l->moving * 1000,
			  (uint64_t)l->metres * 100});
	}
	if (o->compressed) {
		/* a full time 40 s before the end, then 10 s steps; the activity's own
		 * time only in its header */
		fitw_data(w, L_FULL_RECORD, (const uint64_t[]){end - 40, 0x7FFFFFFF,
			  0x7FFFFFFF, 0xFFFFFFFF});
		for (uint32_t t = end - 30; t < end; t += 10)
			fitw_compressed(w, L_RECORD, t, (const uint64_t[]){0x7FFFFFFF, 0x7FFFFFFF,
					0xFFFFFFFF});
		fitw_define(w, L_ACTIVITY, 34, o->big, activity_full + 1,
			    N(activity_full) - 1, NULL, 0);
		fitw_compressed(w, L_ACTIVITY, end, (const uint64_t[]){timer, (uint64_t)n, 0,
				o->have_offset ? (uint64_t)((int64_t)end + o->offset) : 0xFFFFFFFF});
	} else {
		fitw_define(w, L_ACTIVITY, 34, o->big, activity_full, N(activity_full), NULL, 0);
		fitw_data(w, L_ACTIVITY, (const uint64_t[]){end, timer, (uint64_t)n, 0,
			  o->have_offset ? (uint64_t)((int64_t)end + o->offset) : 0xFFFFFFFF});
	}
	fitw_end(w);
}
