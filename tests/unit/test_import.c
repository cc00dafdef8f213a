/* Importing runs: SHA-256 against its known vectors, the GPX and TCX parsers on small
 * files written here, the format known by its bytes, duplicates at their edges, and an
 * imported run's record read back and replayed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import_runs.h"
#include "import_xml.h"
#include "record.h"
#include "runs.h"
#include "scheduler.h"
#include "unit.h"

static char err[IMPORT_ERR_MAX];
static struct activity_list acts;

static bool gpx(const char *text)
{
	activity_list_free(&acts);
	err[0] = '\0';
	return gpx_parse((const unsigned char *)text, strlen(text), &acts, err, sizeof(err));
}

static bool tcx(const char *text)
{
	activity_list_free(&acts);
	err[0] = '\0';
	return tcx_parse((const unsigned char *)text, strlen(text), &acts, err, sizeof(err));
}

static int64_t utc(const char *date, int h, int m, int s)
{
	day_t d;

	ck_assert(date_parse(date, &d));
	return (int64_t)d * 86400 + h * 3600 + m * 60 + s;
}

START_TEST(sha256_known_vectors)
{
	char hex[SHA256_HEX_LEN + 1];
	const char *two_blocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	size_t million = 1000000;
	unsigned char *a = malloc(million);

	sha256_hex((const unsigned char *)"", 0, hex);
	ck_assert_str_eq(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	sha256_hex((const unsigned char *)"abc", 3, hex);
	ck_assert_str_eq(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	sha256_hex((const unsigned char *)two_blocks, strlen(two_blocks), hex); /* 56 bytes */
	ck_assert_str_eq(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	memset(a, 'a', million);
	sha256_hex(a, million, hex);
	ck_assert_str_eq(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	free(a);
}
END_TEST

START_TEST(xml_times_and_numbers)
{
	int64_t t;
	bool zoned;
	int off;
	double v;

	ck_assert(xml_time("2026-11-20T07:30:00Z", &t, &zoned, &off));
	ck_assert(t == utc("2026-11-20", 7, 30, 0) && !zoned && off == 0);
	ck_assert(xml_time("2026-11-20T07:30:00.750Z", &t, &zoned, &off) && t == utc("2026-11-20", 7, 30, 0));
	ck_assert(xml_time("2026-11-20T08:30:00+01:00", &t, &zoned, &off));
	ck_assert(t == utc("2026-11-20", 7, 30, 0) && zoned && off == 3600);
	ck_assert(xml_time("2026-11-20T00:30:00-0530", &t, &zoned, &off));
	ck_assert(t == utc("2026-11-20", 6, 0, 0) && off == -(5 * 3600 + 1800));
	ck_assert(xml_time("2026-11-20T07:30:00", &t, &zoned, &off) && !zoned); /* UTC */
	ck_assert(!xml_time("2026-02-30T07:30:00Z", &t, &zoned, &off));
	ck_assert(!xml_time("1969-12-31T23:59:59Z", &t, &zoned, &off));
	ck_assert(!xml_time("2026-11-20 07:30:00Z", &t, &zoned, &off));
	ck_assert(!xml_time("2026-11-20T07:30:00+15:00", &t, &zoned, &off));
	ck_assert(!xml_time("2026-11-20T07:30:00Zjunk", &t, &zoned, &off));
	ck_assert(!xml_time("2026-11-20T07:30:00.Z", &t, &zoned, &off));
	ck_assert(xml_number("5000.5", &v) && v == 5000.5);
	ck_assert(xml_number("1e8", &v));
	ck_assert(!xml_number("1.1e8", &v));
	ck_assert(!xml_number("-1", &v));
	ck_assert(!xml_number("nan", &v));
	ck_assert(!xml_number("inf", &v));
	ck_assert(!xml_number("", &v));
	ck_assert(!xml_number("12 m", &v));
}
END_TEST

#define GPX_HEAD "<?xml version=\"1.0\"?>\n<gpx version=\"1.1\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n"
/* 0.009 degrees of latitude: 1000.8 m on the mean earth */
#define PT(lat, time) "<trkpt lat=\"" lat "\" lon=\"0\"><time>" time "</time></trkpt>\n"

/* Two segments 10 km apart: the gap is neither distance nor moving time, but is elapsed. */
START_TEST(gpx_segments_are_summed_apart)
{
	ck_assert(gpx(GPX_HEAD "<trk><type>running</type><trkseg>\n"
		      PT("0", "2026-11-20T07:00:00Z") PT("0.009", "2026-11-20T07:05:00Z")
		      "</trkseg><trkseg>\n"
		      PT("0.099", "2026-11-20T07:20:00Z") PT("0.108", "2026-11-20T07:25:00Z")
		      "</trkseg></trk></gpx>"));
	ck_assert_uint_eq(acts.n, 1);
	ck_assert(acts.items[0].running);
	ck_assert_str_eq(acts.items[0].sport, "running");
	ck_assert_int_eq(acts.items[0].metres, 2002);
	ck_assert_int_eq(acts.items[0].moving_secs, 600);
	ck_assert_int_eq(acts.items[0].elapsed_secs, 1500);
	ck_assert(acts.items[0].start == utc("2026-11-20", 7, 0, 0));
	ck_assert(!acts.items[0].have_offset);
}
END_TEST

/* A stop of two minutes with 30 m moved is a pause (under 0.5 m/s); 60 m in two minutes
 * is exactly 0.5 m/s: moving. */
START_TEST(gpx_pause_at_its_edge)
{
	ck_assert(gpx(GPX_HEAD "<trk><type>Run</type><trkseg>\n"
		      PT("0", "2026-11-20T07:00:00Z") PT("0.009", "2026-11-20T07:05:00Z")
		      PT("0.00927", "2026-11-20T07:07:00Z") PT("0.01827", "2026-11-20T07:12:00Z")
		      "</trkseg></trk></gpx>"));
	ck_assert_int_eq(acts.items[0].moving_secs, 600);
	ck_assert_int_eq(acts.items[0].elapsed_secs, 720);
	ck_assert(gpx(GPX_HEAD "<trk><type>Run</type><trkseg>\n"
		      PT("0", "2026-11-20T07:00:00Z") PT("0.00054", "2026-11-20T07:02:00Z")
		      "</trkseg></trk></gpx>"));
	ck_assert_int_eq(acts.items[0].metres, 60);
	ck_assert_int_eq(acts.items[0].moving_secs, 120);
	ck_assert(gpx(GPX_HEAD "<trk><type>Run</type><trkseg>\n"
		      PT("0", "2026-11-20T07:00:00Z") PT("0.00053", "2026-11-20T07:02:00Z")
		      "</trkseg></trk></gpx>"));
	ck_assert_int_eq(acts.items[0].moving_secs, 0);
}
END_TEST

/* 1000.8 m in `time`, with no <type>. */
static bool gpx_untyped_km(const char *end_time)
{
	char text[1024];

	snprintf(text, sizeof(text), GPX_HEAD "<trk><trkseg>" PT("0", "2026-11-20T07:00:00Z")
		 "<trkpt lat=\"0.009\" lon=\"0\"><time>%s</time></trkpt></trkseg></trk></gpx>",
		 end_time);
	ck_assert(gpx(text));
	ck_assert_str_eq(acts.items[0].sport, "");
	return acts.items[0].running;
}

START_TEST(gpx_sport_from_type_or_pace)
{
	static const char *runs[] = { "running", "Run", "trail_running", "VirtualRun", "9" };
	static const char *others[] = { "cycling", "walking", "1", "10", "hiking", "99" };
	char text[1024];

	for (size_t i = 0; i < sizeof(runs) / sizeof(*runs); i++) {
		snprintf(text, sizeof(text), GPX_HEAD "<trk><type>%s</type><trkseg>"
			 PT("0", "2026-11-20T07:00:00Z") "</trkseg></trk></gpx>", runs[i]);
		ck_assert_msg(gpx(text) && acts.items[0].running, "%s", runs[i]);
	}
	for (size_t i = 0; i < sizeof(others) / sizeof(*others); i++) {
		snprintf(text, sizeof(text), GPX_HEAD "<trk><type>%s</type><trkseg>"
			 PT("0", "2026-11-20T07:00:00Z") "</trkseg></trk></gpx>", others[i]);
		ck_assert_msg(gpx(text) && !acts.items[0].running, "%s", others[i]);
		ck_assert_str_eq(acts.items[0].sport, others[i]);
	}
	/* 1000.8 m: 2:00 /km at 120.1 s, 10:00 at 600.5 s */
	ck_assert(!gpx_untyped_km("2026-11-20T07:02:00Z"));  /* 1:59.9: a ride */
	ck_assert(gpx_untyped_km("2026-11-20T07:02:01Z"));
	ck_assert(gpx_untyped_km("2026-11-20T07:10:00Z"));
	ck_assert(!gpx_untyped_km("2026-11-20T07:10:01Z"));  /* a walk */
}
END_TEST

START_TEST(gpx_offsets_tracks_and_empty_ones)
{
	ck_assert(gpx(GPX_HEAD "<trk><type>running</type><trkseg>\n"
		      PT("0", "2026-11-20T08:00:00+01:00") PT("0.009", "2026-11-20T07:05:00Z")
		      "</trkseg></trk>\n<trk><type>cycling</type><trkseg>"
		      PT("0", "2026-11-21T08:00:00Z") "</trkseg></trk>\n"
		      "<trk><name>treadmill: no points</name></trk></gpx>"));
	ck_assert_uint_eq(acts.n, 2);
	ck_assert(acts.items[0].start == utc("2026-11-20", 7, 0, 0));
	ck_assert(acts.items[0].have_offset && acts.items[0].offset == 3600);
	ck_assert_int_eq(acts.items[0].elapsed_secs, 300);
	ck_assert(!acts.items[1].running);
	ck_assert(gpx(GPX_HEAD "<trk><trkseg></trkseg></trk></gpx>"));
	ck_assert_uint_eq(acts.n, 0);
}
END_TEST

START_TEST(gpx_broken_files)
{
	static const struct {
		const char *text, *err;
	} bad[] = {
		{ GPX_HEAD "<trk><trkseg>" PT("0", "2026-11-20T07:00:00Z"),
		  "line 4: no element found" },
		{ GPX_HEAD "<trk><trkseg>" PT("0", "yesterday") "</trkseg></trk></gpx>",
		  "line 3: not a time: 'yesterday'" },
		{ GPX_HEAD "<trk><trkseg><trkpt lat=\"91\" lon=\"0\"/></trkseg></trk></gpx>",
		  "line 3: a <trkpt> without a lat from -90 to 90 and a lon from -180 to 180" },
		{ GPX_HEAD "<trk><trkseg><trkpt lon=\"0\"/></trkseg></trk></gpx>",
		  "line 3: a <trkpt> without a lat from -90 to 90 and a lon from -180 to 180" },
		{ GPX_HEAD "<trk><trkseg><trkpt lat=\"1\" lon=\"0\"/></trkseg></trk></gpx>",
		  "line 3: a track with no <time>: no date and no duration" },
		{ "<TrainingCenterDatabase/>", "line 1: the root element is <TrainingCenterDatabase>, not <gpx>" },
		{ "<?xml version=\"1.0\"?><!DOCTYPE gpx [<!ENTITY a \"aaaaaaaa\"><!ENTITY b \"&a;&a;\">]>"
		  "<gpx>&b;</gpx>", "line 1: entity declarations are not read" },
		{ "", "line 1: no element found" },
	};

	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		ck_assert_msg(!gpx(bad[i].text), "case %zu parsed", i);
		ck_assert_str_eq(err, bad[i].err);
	}
}
END_TEST

#define TCX_HEAD "<?xml version=\"1.0\"?>\n<TrainingCenterDatabase xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\">\n<Activities>\n"
#define LAP(start, secs, metres) "<Lap StartTime=\"" start "\"><TotalTimeSeconds>" secs \
	"</TotalTimeSeconds><DistanceMeters>" metres "</DistanceMeters><Track><Trackpoint>" \
	"<DistanceMeters>99999</DistanceMeters></Trackpoint></Track></Lap>\n"

/* A treadmill: laps with no position; the trackpoints' running distance is not a lap's. */
START_TEST(tcx_treadmill_from_lap_totals)
{
	ck_assert(tcx(TCX_HEAD "<Activity Sport=\"Running\"><Id>2026-11-18T18:00:00+01:00</Id>\n"
		      LAP("2026-11-18T17:00:00Z", "1500", "5000")
		      LAP("2026-11-18T17:26:00Z", "600.5", "2000.4")
		      "</Activity></Activities></TrainingCenterDatabase>"));
	ck_assert_uint_eq(acts.n, 1);
	ck_assert(acts.items[0].running);
	ck_assert_int_eq(acts.items[0].metres, 7000);
	ck_assert_int_eq(acts.items[0].moving_secs, 2101);
	ck_assert_int_eq(acts.items[0].elapsed_secs, 2160);
	ck_assert(acts.items[0].start == utc("2026-11-18", 17, 0, 0));
	ck_assert(acts.items[0].have_offset && acts.items[0].offset == 3600);
}
END_TEST

START_TEST(tcx_sports_and_no_laps)
{
	ck_assert(tcx(TCX_HEAD "<Activity Sport=\"Biking\"><Id>2026-11-18T18:00:00Z</Id>\n"
		      LAP("2026-11-18T18:00:00Z", "3600", "30000") "</Activity>\n"
		      "<Activity Sport=\"Other\"><Id>2026-11-19T18:00:00Z</Id>\n"
		      LAP("2026-11-19T18:00:00Z", "3600", "5000") "</Activity>\n"
		      "<Activity Sport=\"Running\"><Id>2026-11-20T18:00:00Z</Id></Activity>\n"
		      "</Activities></TrainingCenterDatabase>"));
	ck_assert_uint_eq(acts.n, 2);
	ck_assert(!acts.items[0].running && !acts.items[1].running);
	ck_assert_str_eq(acts.items[0].sport, "Biking");
	ck_assert_str_eq(acts.items[1].sport, "Other");
	/* no Id: the first lap's start */
	ck_assert(tcx(TCX_HEAD "<Activity Sport=\"Running\">" LAP("2026-11-18T17:00:00Z", "60", "200")
		      "</Activity></Activities></TrainingCenterDatabase>"));
	ck_assert(acts.items[0].start == utc("2026-11-18", 17, 0, 0));
}
END_TEST

START_TEST(tcx_broken_and_huge_numbers)
{
	static const struct {
		const char *text, *err;
	} bad[] = {
		{ TCX_HEAD "<Activity Sport=\"Running\"><Id>2026-11-18T18:00:00Z</Id>"
		  LAP("2026-11-18T18:00:00Z", "60", "-5") "</Activity></Activities></TrainingCenterDatabase>",
		  "line 4: DistanceMeters is not a number from 0 to 100000000: '-5'" },
		{ TCX_HEAD "<Activity Sport=\"Running\"><Id>2026-11-18T18:00:00Z</Id>"
		  LAP("2026-11-18T18:00:00Z", "1e300", "5") "</Activity></Activities></TrainingCenterDatabase>",
		  "line 4: TotalTimeSeconds is not a number from 0 to 100000000: '1e300'" },
		{ TCX_HEAD "<Activity Sport=\"Running\"><Id>2026-11-18T18:00:00Z</Id>"
		  LAP("2026-11-18T18:00:00Z", "99999999999999999999999999999999999999999999999999999999999999999999", "5")
		  "</Activity></Activities></TrainingCenterDatabase>",
		  "line 4: TotalTimeSeconds is not a number from 0 to 100000000: '(too long)'" },
		{ TCX_HEAD "<Activity Sport=\"Running\"><Id>soon</Id></Activity></Activities></TrainingCenterDatabase>",
		  "line 4: not a time: 'soon'" },
		{ TCX_HEAD "<Activity Sport=\"Running\"><Lap><TotalTimeSeconds>5</TotalTimeSeconds></Lap>"
		  "</Activity></Activities></TrainingCenterDatabase>",
		  "line 4: an <Activity> with no <Id> and no lap StartTime: no date" },
		{ "<gpx/>", "line 1: the root element is <gpx>, not <TrainingCenterDatabase>" },
		{ TCX_HEAD "<Activity Sport=\"Running\">", "line 4: no element found" },
	};
	struct activity a = { .running = true, .start = 0, .metres = 1000001, .moving_secs = 60,
			      .elapsed_secs = 60 };

	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		ck_assert_msg(!tcx(bad[i].text), "case %zu parsed", i);
		ck_assert_str_eq(err, bad[i].err);
	}
	/* within a lap's limit, past a run record's: import_check refuses it */
	ck_assert(tcx(TCX_HEAD "<Activity Sport=\"Running\"><Id>2026-11-18T18:00:00Z</Id>"
		      LAP("2026-11-18T18:00:00Z", "100000000", "100000000") LAP("2026-11-18T18:00:00Z", "100000000", "100000000")
		      "</Activity></Activities></TrainingCenterDatabase>"));
	ck_assert(!import_check(&acts.items[0], err, sizeof(err)));
	ck_assert_str_eq(err, "a run over 1000 km: longer than a run record holds");
	ck_assert(!import_check(&a, err, sizeof(err)));
	a.metres = 1000000;
	ck_assert(import_check(&a, err, sizeof(err)));
	a.elapsed_secs = RUN_SECS_MAX + 1;
	ck_assert(!import_check(&a, err, sizeof(err)));
	ck_assert_str_eq(err, "a run over 10 days: longer than a run record holds");
}
END_TEST

START_TEST(format_known_by_its_bytes)
{
	static const struct {
		const char *bytes;
		size_t len;
		enum import_format format;
	} cases[] = {
		{ "\x0e\x10\x00\x00\x00\x00\x00\x00.FIT\x00\x00", 14, IMPORT_FIT },
		{ "\xef\xbb\xbf<?xml version=\"1.0\"?>\n<!-- a <TrainingCenterDatabase> -->\n<gpx>", 0, IMPORT_GPX },
		{ "<!DOCTYPE gpx>\r\n<gpx:gpx xmlns:gpx=\"x\">", 0, IMPORT_GPX },
		{ "<TrainingCenterDatabase\n xmlns=\"x\">", 0, IMPORT_TCX },
		{ "<gpxx>", 0, IMPORT_UNKNOWN },
		{ "<?xml version=\"1.0\"?>", 0, IMPORT_UNKNOWN },
		{ "<!-- never closed <gpx>", 0, IMPORT_UNKNOWN },
		{ "hello", 0, IMPORT_UNKNOWN },
		{ "", 0, IMPORT_UNKNOWN },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		size_t len = cases[i].len ? cases[i].len : strlen(cases[i].bytes);
		ck_assert_msg(import_detect((const unsigned char *)cases[i].bytes, len) == cases[i].format,
			      "case %zu", i);
	}
}
END_TEST

static struct session_log log_;

static void add_line(const char *text)
{
	char line[REC_LINE_MAX];
	struct hist_record rec;

	copy_str(line, sizeof(line), text);
	ck_assert_msg(history_parse_line(line, strlen(line), &rec), "%s", text);
	session_log_add(&log_, &rec);
	session_log_finish(&log_);
}

/* The same hash; or a start within 60 s and a distance within 2%, both edges. */
START_TEST(duplicates_at_their_edges)
{
	struct activity a = { .running = true, .start = utc("2026-11-20", 7, 0, 0), .metres = 10000 };

	memset(&log_, 0, sizeof(log_));
	ck_assert_ptr_null(import_duplicate(&log_, "ab", &a));
	add_line("2026-11-20T07:00:00Z\trun\tmetres=10000\thash=ab");
	ck_assert_ptr_nonnull(import_duplicate(&log_, "ab", NULL));
	ck_assert_ptr_null(import_duplicate(&log_, "cd", NULL));
	a.start += 60;
	a.metres = 10200;
	ck_assert_ptr_nonnull(import_duplicate(&log_, "cd", &a));
	a.metres = 9800;
	ck_assert_ptr_nonnull(import_duplicate(&log_, "cd", &a)); /* 200 of 10000 */
	a.metres = 9799;
	ck_assert_ptr_null(import_duplicate(&log_, "cd", &a));
	a.metres = 10204; /* 204 of 10204: within 2% of the larger */
	ck_assert_ptr_nonnull(import_duplicate(&log_, "cd", &a));
	a.metres = 10205;
	ck_assert_ptr_null(import_duplicate(&log_, "cd", &a));
	a.metres = 10000;
	a.start += 1; /* 61 s after */
	ck_assert_ptr_null(import_duplicate(&log_, "cd", &a));
	a.start -= 121; /* 60 s before */
	ck_assert_ptr_nonnull(import_duplicate(&log_, "cd", &a));
	a.start -= 1;
	ck_assert_ptr_null(import_duplicate(&log_, "cd", &a));
	session_log_free(&log_);
}
END_TEST

/* An imported run is dated at its own offset, read back with its keys, and the morning
 * after it is asked as after a run: its record is appended after records dated later
 * (it is past-dated) and still counts, ending at its start plus its elapsed time. */
START_TEST(imported_record_read_back_and_replayed)
{
	struct activity a = { .running = true, .start = utc("2026-11-19", 23, 30, 0), .have_offset = true,
			      .offset = 3600, .metres = 8200, .moving_secs = 2710, .elapsed_secs = 3000 };
	struct strbuf line;
	int64_t end;
	day_t day, d20;

	sb_init(&line);
	import_record(&line, &a, "0123abcd");
	ck_assert_str_eq(line.buf, "2026-11-20T00:30:00+01:00\trun\tmetres=8200\tsecs=2710\telapsed=3000\thash=0123abcd\n");
	memset(&log_, 0, sizeof(log_));
	add_line("2026-11-19T18:00:00Z\tstart\tsession=s1\tprogram=p\tlevel=1");
	add_line("2026-11-19T18:20:00Z\tend\tsession=s1\tstatus=done");
	add_line("2026-11-20T07:00:00Z\tmorning\tpain=1\thours=12");
	line.buf[--line.len] = '\0';
	add_line(line.buf);
	ck_assert_uint_eq(log_.nruns, 1);
	ck_assert(date_parse("2026-11-20", &d20));
	ck_assert_int_eq(log_.runs[0].day, d20);
	ck_assert_int_eq(log_.runs[0].elapsed, 3000);
	ck_assert_str_eq(log_.runs[0].hash, "0123abcd");
	ck_assert(last_exercise(&log_, utc("2026-11-20", 8, 0, 0), &end, &day));
	ck_assert(end == a.start + 3000 && day == d20);
	/* before the run started, the session was the last */
	ck_assert(last_exercise(&log_, a.start - 1, &end, &day));
	ck_assert(end == utc("2026-11-19", 18, 20, 0));
	/* an offset the reader cannot take: this machine's instead */
	a.offset = 30;
	import_record(&line, &a, "0123abcd");
	ck_assert(history_parse_line(line.buf, line.len - 1, &(struct hist_record){ 0 }));
	sb_free(&line);
	session_log_free(&log_);
}
END_TEST

Suite *import_suite(void)
{
	Suite *s = suite_create("import");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, sha256_known_vectors);
	tcase_add_test(tc, xml_times_and_numbers);
	tcase_add_test(tc, gpx_segments_are_summed_apart);
	tcase_add_test(tc, gpx_pause_at_its_edge);
	tcase_add_test(tc, gpx_sport_from_type_or_pace);
	tcase_add_test(tc, gpx_offsets_tracks_and_empty_ones);
	tcase_add_test(tc, gpx_broken_files);
	tcase_add_test(tc, tcx_treadmill_from_lap_totals);
	tcase_add_test(tc, tcx_sports_and_no_laps);
	tcase_add_test(tc, tcx_broken_and_huge_numbers);
	tcase_add_test(tc, format_known_by_its_bytes);
	tcase_add_test(tc, duplicates_at_their_edges);
	tcase_add_test(tc, imported_record_read_back_and_replayed);
	suite_add_tcase(s, tc);
	return s;
}
