/* The FIT decoder against files made here by the tests' writer (fit_writer.c): runs,
 * rides, multisport, compressed timestamps, both byte orders, developer fields, chains,
 * bad CRCs and every truncation. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fit.h"
#include "fit_writer.h"
#include "import.h"
#include "unit.h"

#define NOV20_0730 1795159800 /* 2026-11-20T07:30:00Z */

static struct activity_list list;
static char err[IMPORT_ERR_MAX];

static void setup(void)
{
	memset(&list, 0, sizeof(list));
	err[0] = '\0';
}

static void teardown(void)
{
	activity_list_free(&list);
}

static bool parse(const struct fit_writer *w)
{
	activity_list_free(&list);
	err[0] = '\0';
	return fit_parse(w->buf, w->len, &list, err, sizeof(err));
}

static struct fitw_leg leg(unsigned sport, unsigned sub, int64_t start, long metres,
			   long secs)
{
	struct fitw_leg l = {sport, sub, start, metres, secs, 0, sub != 1};

	return l;
}

static void one(const struct fitw_leg *l, const struct fitw_options *o,
		struct fit_writer *w)
{
	memset(w, 0, sizeof(*w));
	fitw_activity(w, l, 1, o);
	ck_assert(!w->oom);
}

static void assert_run(const struct activity *a, int64_t start, long metres, long secs)
{
	ck_assert(a->running);
	ck_assert_str_eq(a->sport, "running");
	ck_assert_int_eq(a->start, start);
	ck_assert_int_eq(a->metres, metres);
	ck_assert_int_eq(a->moving_secs, secs);
}

START_TEST(crc_is_the_fit_crc)
{
	static const unsigned char garmin[12] = {0x0E, 0x10, 0x90, 0x05, 0xB3, 0x10, 0, 0,
						 '.', 'F', 'I', 'T'};
	unsigned char b[256];

	ck_assert_uint_eq(fit_crc16(0, (const unsigned char *)"123456789", 9), 0xBB3D);
	ck_assert_uint_eq(fit_crc16(0, garmin, 12), 0x0800); /* a Garmin file's header */
	for (int i = 0; i < 256; i++)
		b[i] = (unsigned char)(i * 37 + 11);
	for (size_t n = 0; n <= sizeof(b); n += 17)
		ck_assert_uint_eq(fit_crc16(0, b, n), fitw_crc(b, n));
	ck_assert_uint_eq(fit_crc16(fit_crc16(0, b, 100), b + 100, 56), fitw_crc(b, 156));
}
END_TEST

START_TEST(a_run)
{
	struct fitw_leg l = leg(1, 0, NOV20_0730, 8200, 2710);
	struct fitw_options o = {.have_offset = true, .offset = 3600};
	struct fit_writer w;

	l.elapsed = 2800;
	one(&l, &o, &w);
	ck_assert_msg(parse(&w), "%s", err);
	ck_assert_uint_eq(list.n, 1);
	assert_run(&list.items[0], NOV20_0730, 8200, 2710);
	ck_assert_int_eq(list.items[0].elapsed_secs, 2800);
	ck_assert(list.items[0].have_offset);
	ck_assert_int_eq(list.items[0].offset, 3600);
	fitw_free(&w);
}
END_TEST

START_TEST(a_treadmill_run_has_only_its_totals)
{
	struct fitw_leg l = leg(1, 1, NOV20_0730, 5000, 1500);
	struct fitw_options o = {0};
	struct fit_writer w;

	one(&l, &o, &w);
	ck_assert_msg(parse(&w), "%s", err);
	ck_assert_uint_eq(list.n, 1);
	assert_run(&list.items[0], NOV20_0730, 5000, 1500);
	ck_assert(!list.items[0].have_offset); /* local_timestamp invalid */
	fitw_free(&w);
}
END_TEST

START_TEST(a_ride_is_not_a_run)
{
	struct fitw_leg l = leg(2, 0, NOV20_0730, 40000, 4000);
	struct fitw_options o = {.have_offset = true, .offset = -18000};
	struct fit_writer w;

	one(&l, &o, &w);
	ck_assert_msg(parse(&w), "%s", err);
	ck_assert_uint_eq(list.n, 1);
	ck_assert(!list.items[0].running);
	ck_assert_str_eq(list.items[0].sport, "cycling");
	ck_assert_int_eq(list.items[0].offset, -18000);
	fitw_free(&w);
}
END_TEST

START_TEST(multisport_gives_each_leg)
{
	struct fitw_leg legs[] = {
		leg(5, 0, NOV20_0730, 1500, 1800), leg(3, 0, NOV20_0730 + 1800, 0, 120),
		leg(2, 0, NOV20_0730 + 1920, 40000, 4000), leg(1, 3, NOV20_0730 + 6000, 10000, 3000),
		leg(200, 0, NOV20_0730 + 9000, 10, 10),
	};
	struct fitw_options o = {.have_offset = true, .offset = 7200};
	struct fit_writer w = {0};

	fitw_activity(&w, legs, 5, &o);
	ck_assert_msg(parse(&w), "%s", err);
	ck_assert_uint_eq(list.n, 5);
	ck_assert_str_eq(list.items[0].sport, "swimming");
	ck_assert_str_eq(list.items[1].sport, "transition");
	ck_assert_str_eq(list.items[2].sport, "cycling");
	ck_assert_str_eq(list.items[4].sport, "sport 200");
	for (int i = 0; i < 5; i++) {
		ck_assert(list.items[i].running == (i == 3));
		ck_assert_int_eq(list.items[i].offset, 7200);
	}
	assert_run(&list.items[3], NOV20_0730 + 6000, 10000, 3000);
	fitw_free(&w);
}
END_TEST

/* The activity's time comes only from compressed headers, 10 s apart after a full one:
 * every phase of the 5-bit roll-over, by 32 starts a second apart. */
START_TEST(compressed_timestamps_roll_over)
{
	struct fitw_options o = {.compressed = true, .have_offset = true, .offset = 3600};

	for (int s = 0; s < 32; s++) {
		struct fitw_leg l = leg(1, 0, NOV20_0730 + s, 8000, 2400);
		struct fit_writer w;

		one(&l, &o, &w);
		ck_assert_msg(parse(&w), "%s", err);
		ck_assert_uint_eq(list.n, 1);
		ck_assert_int_eq(list.items[0].offset, 3600);
		fitw_free(&w);
	}
}
END_TEST

START_TEST(big_endian_definitions)
{
	struct fitw_leg l = leg(1, 0, NOV20_0730, 21098, 6000);
	struct fitw_options o = {.big = true, .have_offset = true, .offset = -3600};
	struct fit_writer w;

	one(&l, &o, &w);
	ck_assert_msg(parse(&w), "%s", err);
	ck_assert_uint_eq(list.n, 1);
	assert_run(&list.items[0], NOV20_0730, 21098, 6000);
	ck_assert_int_eq(list.items[0].offset, -3600);
	fitw_free(&w);
}
END_TEST

START_TEST(developer_fields_are_skipped)
{
	struct fitw_leg l = leg(1, 0, NOV20_0730, 12000, 3600);
	struct fitw_options o = {.dev = true, .compressed = true, .big = true};
	struct fit_writer w;

	one(&l, &o, &w);
	ck_assert_msg(parse(&w), "%s", err);
	ck_assert_uint_eq(list.n, 1);
	assert_run(&list.items[0], NOV20_0730, 12000, 3600);
	fitw_free(&w);
}
END_TEST

static void two_files(struct fit_writer *w, size_t *first_len)
{
	struct fitw_leg a = leg(1, 0, NOV20_0730, 8000, 2400);
	struct fitw_leg b = leg(11, 0, NOV20_0730 + 86400, 3000, 1800);
	struct fitw_options oa = {.have_offset = true, .offset = 3600};
	struct fitw_options ob = {.header_size = 12, .big = true};

	memset(w, 0, sizeof(*w));
	fitw_activity(w, &a, 1, &oa);
	*first_len = w->len;
	fitw_activity(w, &b, 1, &ob);
	ck_assert(!w->oom);
}

START_TEST(chained_files)
{
	struct fit_writer w;
	size_t first;

	two_files(&w, &first);
	ck_assert_msg(parse(&w), "%s", err);
	ck_assert_uint_eq(list.n, 2);
	assert_run(&list.items[0], NOV20_0730, 8000, 2400);
	ck_assert(list.items[0].have_offset);
	ck_assert_str_eq(list.items[1].sport, "walking");
	ck_assert(!list.items[1].have_offset); /* the second file's own activity */
	fitw_bytes(&w, "\0\0\0\0", 4);           /* padding after the last */
	ck_assert_msg(parse(&w), "%s", err);
	ck_assert_uint_eq(list.n, 2);
	fitw_bytes(&w, "x", 1);
	ck_assert(!parse(&w));
	fitw_free(&w);
}
END_TEST

START_TEST(a_bad_crc_is_an_error)
{
	struct fitw_leg l = leg(1, 0, NOV20_0730, 8000, 2400);
	struct fitw_options o = {0};
	struct fit_writer w;
	size_t first;

	one(&l, &o, &w);
	w.buf[w.len - 1] ^= 1;
	ck_assert(!parse(&w));
	ck_assert_str_eq(err, "bad CRC");
	w.buf[w.len - 1] ^= 1;
	w.buf[w.len / 2] ^= 0x40;                /* a byte of the data */
	ck_assert(!parse(&w));
	ck_assert_str_eq(err, "bad CRC");
	w.buf[w.len / 2] ^= 0x40;
	w.buf[12] ^= 1;                          /* the header's own CRC */
	ck_assert(!parse(&w));
	ck_assert_str_eq(err, "byte 0: bad header CRC");
	fitw_free(&w);

	two_files(&w, &first);
	w.buf[w.len - 3] ^= 1;
	ck_assert(!parse(&w));
	ck_assert_msg(strstr(err, "bad CRC in the file at byte"), "%s", err);
	fitw_free(&w);
}
END_TEST

/* Every prefix of a chain of two files: refused, or exactly the first file. */
START_TEST(truncated_at_every_byte)
{
	struct fit_writer w;
	size_t first;

	two_files(&w, &first);
	for (size_t k = 0; k < w.len; k++) {
		bool ok;

		activity_list_free(&list);
		ok = fit_parse(w.buf, k, &list, err, sizeof(err));
		ck_assert_msg(ok == (k == first), "prefix of %zu bytes: %s", k, ok ? "read" : err);
		ck_assert(!ok || list.n == 1);
		ck_assert(ok || err[0]);
	}
	fitw_free(&w);
}
END_TEST

START_TEST(headers_of_12_and_14_bytes)
{
	struct fitw_leg l = leg(1, 0, NOV20_0730, 8000, 2400);
	struct fitw_options o = {.header_size = 12};
	struct fit_writer w;

	one(&l, &o, &w);
	ck_assert_msg(parse(&w), "%s", err);
	ck_assert_uint_eq(list.n, 1);
	w.buf[0] = 13;
	ck_assert(!parse(&w));
	ck_assert_str_eq(err, "byte 0: header size 13, not 12 or 14");
	fitw_free(&w);

	o.header_size = 14;
	one(&l, &o, &w);
	w.buf[12] = w.buf[13] = 0;               /* a 14-byte header without its CRC */
	{
		uint16_t crc = fitw_crc(w.buf, w.len - 2);

		w.buf[w.len - 2] = (unsigned char)crc;
		w.buf[w.len - 1] = (unsigned char)(crc >> 8);
	}
	ck_assert_msg(parse(&w), "%s", err);
	ck_assert_uint_eq(list.n, 1);
	memcpy(w.buf + 8, ".GPX", 4);
	ck_assert(!parse(&w));
	ck_assert_str_eq(err, "not a FIT file");
	ck_assert(!fit_parse(w.buf, 0, &list, err, sizeof(err)));
	fitw_free(&w);
}
END_TEST

/* Hand-made files: one definition, one message. */
static void hand_file(struct fit_writer *w, unsigned global, const struct fitw_field *f,
		      int n, const uint64_t *v)
{
	memset(w, 0, sizeof(*w));
	fitw_begin(w, 14);
	fitw_define(w, 0, global, false, f, n, NULL, 0);
	fitw_data(w, 0, v);
	fitw_end(w);
}

START_TEST(invalid_values_and_relative_times)
{
	static const struct fitw_field s[] = {
		{253, 4, 0x86}, {2, 4, 0x86}, {5, 1, 0x00}, {7, 4, 0x86}, {8, 4, 0x86},
		{9, 4, 0x86},
	};
	struct fit_writer w;
	uint32_t end = NOV20_0730 - FIT_EPOCH + 600;

	/* a start counted from power-on: the end (timestamp) less the elapsed time */
	hand_file(&w, 18, s, 6, (const uint64_t[]){end, 5000, 1, 600000, 0xFFFFFFFF,
		  0xFFFFFFFF});
	ck_assert_msg(parse(&w), "%s", err);
	ck_assert_int_eq(list.items[0].start, NOV20_0730);
	ck_assert_int_eq(list.items[0].elapsed_secs, 600);
	ck_assert_int_eq(list.items[0].moving_secs, -1);
	ck_assert_int_eq(list.items[0].metres, 0);
	ck_assert(!list.items[0].have_offset);
	fitw_free(&w);

	/* no date anywhere */
	hand_file(&w, 18, s, 6, (const uint64_t[]){5600, 5000, 0xFF, 600000, 1000, 100});
	ck_assert(!parse(&w));
	ck_assert_str_eq(err, "a session without a start time");
	fitw_free(&w);
}
END_TEST

/* Fields as new firmware may write them: unknown ones, arrays (the first value is
 * read), narrower integers, floats (not read), a sport out of the enum's range. */
START_TEST(fields_of_other_types)
{
	static const struct fitw_field s[] = {
		{2, 4, 0x86}, {5, 1, 0x00}, {100, 7, 0x07}, {9, 2, 0x84}, {7, 8, 0x86},
		{8, 4, 0x88}, {6, 1, 0x00},
	};
	static const struct fitw_field s2[] = {{2, 4, 0x86}, {5, 2, 0x84}};
	uint32_t t = NOV20_0730 - FIT_EPOCH;
	struct fit_writer w;

	hand_file(&w, 18, s, 7, (const uint64_t[]){t, 1, 0x414243, 50000, 90000,
		  0x3F800000, 45});
	ck_assert_msg(parse(&w), "%s", err);
	assert_run(&list.items[0], NOV20_0730, 500, -1);
	ck_assert_int_eq(list.items[0].elapsed_secs, 90);
	fitw_free(&w);

	hand_file(&w, 18, s2, 2, (const uint64_t[]){t, 257});
	ck_assert_msg(parse(&w), "%s", err);
	ck_assert(!list.items[0].running);
	ck_assert_str_eq(list.items[0].sport, "generic");
	fitw_free(&w);
}
END_TEST

/* Laps are summed when a file has no session, and ignored when it has one. */
START_TEST(laps_without_a_session)
{
	static const struct fitw_field l[] = {
		{253, 4, 0x86}, {2, 4, 0x86}, {25, 1, 0x00}, {7, 4, 0x86}, {8, 4, 0x86},
		{9, 4, 0x86},
	};
	static const struct fitw_field s[] = {{2, 4, 0x86}, {5, 1, 0x00}, {9, 4, 0x86}};
	uint32_t t = NOV20_0730 - FIT_EPOCH;
	struct fit_writer w = {0};

	fitw_begin(&w, 14);
	fitw_define(&w, 2, 19, true, l, 6, NULL, 0);
	fitw_data(&w, 2, (const uint64_t[]){t + 400, t, 1, 400000, 390000, 100000});
	fitw_data(&w, 2, (const uint64_t[]){t + 800, t + 400, 1, 400000, 380400, 100050});
	fitw_end(&w);
	ck_assert_msg(parse(&w), "%s", err);
	ck_assert_uint_eq(list.n, 1);
	assert_run(&list.items[0], NOV20_0730, 2001, 770);
	ck_assert_int_eq(list.items[0].elapsed_secs, 800);

	w.len -= 2;                              /* its CRC off: a session more */
	fitw_define(&w, 0, 18, false, s, 3, NULL, 0);
	fitw_data(&w, 0, (const uint64_t[]){t, 2, 500000});
	fitw_end(&w);
	ck_assert_msg(parse(&w), "%s", err);
	ck_assert_uint_eq(list.n, 1);
	ck_assert_str_eq(list.items[0].sport, "cycling");
	ck_assert_int_eq(list.items[0].metres, 5000);
	fitw_free(&w);
}
END_TEST

START_TEST(broken_messages)
{
	struct fit_writer w = {0};

	fitw_begin(&w, 12);
	fitw_bytes(&w, "\x03\x00", 2);           /* data of local type 3, undefined */
	fitw_end(&w);
	ck_assert(!parse(&w));
	ck_assert_str_eq(err, "byte 12: a message of local type 3 before its definition");
	fitw_free(&w);

	fitw_begin(&w, 12);
	fitw_bytes(&w, "\x40\x00\x02\x12\x00\x00", 6); /* architecture 2 */
	fitw_end(&w);
	ck_assert(!parse(&w));
	ck_assert_str_eq(err, "byte 12: architecture 2 is neither little nor big endian");
	fitw_free(&w);

	fitw_begin(&w, 12);
	fitw_bytes(&w, "\x40\x00\x00\x12\x00\x01\x09\x04\x86\x00\x01", 11);
	fitw_end(&w);
	ck_assert(!parse(&w));
	ck_assert_str_eq(err, "byte 21: message runs past the end of the data");
	fitw_free(&w);
}
END_TEST

/* A file of many sessions is refused, not allocated without end. */
START_TEST(sessions_are_bounded)
{
	static const struct fitw_field s[] = {{2, 4, 0x86}, {5, 1, 0x00}};
	struct fit_writer w = {0};
	uint64_t v[] = {NOV20_0730 - FIT_EPOCH, 1};

	fitw_begin(&w, 12);
	fitw_define(&w, 0, 18, false, s, 2, NULL, 0);
	for (int i = 0; i < FIT_SESSIONS_MAX; i++)
		fitw_data(&w, 0, v);
	fitw_end(&w);
	ck_assert_msg(parse(&w), "%s", err);
	ck_assert_uint_eq(list.n, FIT_SESSIONS_MAX);
	w.len -= 2;
	fitw_data(&w, 0, v);
	fitw_end(&w);
	ck_assert(!parse(&w));
	ck_assert_str_eq(err, "more than 1000 sessions");
	fitw_free(&w);
}
END_TEST

Suite *fit_suite(void)
{
	Suite *s = suite_create("fit");
	TCase *tc = tcase_create("fit");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, crc_is_the_fit_crc);
	tcase_add_test(tc, a_run);
	tcase_add_test(tc, a_treadmill_run_has_only_its_totals);
	tcase_add_test(tc, a_ride_is_not_a_run);
	tcase_add_test(tc, multisport_gives_each_leg);
	tcase_add_test(tc, compressed_timestamps_roll_over);
	tcase_add_test(tc, big_endian_definitions);
	tcase_add_test(tc, developer_fields_are_skipped);
	tcase_add_test(tc, chained_files);
	tcase_add_test(tc, a_bad_crc_is_an_error);
	tcase_add_test(tc, truncated_at_every_byte);
	tcase_add_test(tc, headers_of_12_and_14_bytes);
	tcase_add_test(tc, invalid_values_and_relative_times);
	tcase_add_test(tc, fields_of_other_types);
	tcase_add_test(tc, laps_without_a_session);
	tcase_add_test(tc, broken_messages);
	tcase_add_test(tc, sessions_are_bounded);
	suite_add_tcase(s, tc);
	return s;
}
