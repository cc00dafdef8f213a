/* mkfit: writes a FIT activity file from its arguments, for the import tests and the
 * fuzz seeds (the tests' own writer, tests/unit/fit_writer.c).
 *
 *   build/mkfit [OPTION]... SPORT START METRES SECONDS [SPORT START METRES SECONDS]...
 *
 * Each group of four is one session; several make a multisport file.
 *   SPORT    running, treadmill (running, no positions), trail, or a FIT profile sport
 *            by name (cycling, walking, swimming, hiking) or number
 *   START    its start: 2026-11-20T07:30:00Z, or seconds since the Unix epoch
 *   METRES   its distance in whole metres
 *   SECONDS  its moving time; the elapsed time is the same unless --elapsed
 * Options:
 *   -o FILE        write to FILE, not standard output
 *   --offset SECS  the activity's local time is UTC + SECS (e.g. 3600, -18000);
 *                  without it the file gives no local time
 *   --elapsed SECS the elapsed time of every session
 *   --header 12    a 12-byte header (14 by default)
 *   --big          big-endian definitions
 *   --compressed   records and the activity with compressed-timestamp headers
 *   --dev          developer fields in the records and sessions
 *   --bad-crc      spoil the file's CRC
 * Chained files: cat two of them. Exit 2 on a bad argument. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fit.h"
#include "../unit/fit_writer.h"

#define LEGS_MAX 16

static void usage(const char *why)
{
	fprintf(stderr, "mkfit: %s\nusage: mkfit [-o FILE] [--offset SECS] [--elapsed SECS] "
		"[--header 12] [--big] [--compressed] [--dev] [--bad-crc] "
		"SPORT START METRES SECONDS...\n", why);
	exit(2);
}

static long number(const char *s, long min, long max, const char *what)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < min || v > max) {
		fprintf(stderr, "mkfit: %s: not %s\n", s, what);
		exit(2);
	}
	return v;
}

static void sport(const char *s, struct fitw_leg *l)
{
	l->positions = true;
	if (!strcmp(s, "treadmill") || !strcmp(s, "trail")) {
		l->sport = FIT_SPORT_RUNNING;
		l->sub_sport = !strcmp(s, "treadmill") ? 1 : 3; /* FIT sub_sport */
		l->positions = l->sub_sport != 1;
		return;
	}
	for (unsigned i = 0; i < 256; i++) {
		const char *name = fit_sport_name(i);

		if (name && !strcmp(name, s)) {
			l->sport = i;
			return;
		}
	}
	l->sport = (unsigned)number(s, 0, 254, "a sport");
}

static int64_t start(const char *s)
{
	struct tm tm;
	char *end;

	memset(&tm, 0, sizeof(tm));
	end = strptime(s, "%Y-%m-%dT%H:%M:%SZ", &tm);
	if (end && !*end)
		return (int64_t)timegm(&tm);
	return number(s, FIT_EPOCH + (long)FIT_RELATIVE, 4000000000L, "a start time");
}

int main(int argc, char **argv)
{
	struct fitw_options o = {.header_size = 14};
	struct fitw_leg legs[LEGS_MAX];
	struct fit_writer w;
	const char *out = NULL;
	long elapsed = 0;
	int i = 1, n = 0;
	FILE *fp;
	bool bad_crc = false;

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--big"))
			o.big = true;
		else if (!strcmp(a, "--compressed"))
			o.compressed = true;
		else if (!strcmp(a, "--dev"))
			o.dev = true;
		else if (!strcmp(a, "--bad-crc"))
			bad_crc = true;
		else if (i + 1 >= argc)
			usage("an option without its value");
		else if (!strcmp(a, "-o"))
			out = argv[++i];
		else if (!strcmp(a, "--offset")) {
			o.have_offset = true;
			o.offset = (int)number(argv[++i], -FIT_OFFSET_MAX, FIT_OFFSET_MAX,
					       "an offset");
		} else if (!strcmp(a, "--elapsed"))
			elapsed = number(argv[++i], 1, 864000, "a duration");
		else if (!strcmp(a, "--header"))
			o.header_size = (size_t)number(argv[++i], 12, 14, "a header size");
		else
			usage("an unknown option");
	}
	if (o.header_size != 12 && o.header_size != 14)
		usage("the header is 12 or 14 bytes");
	if (i == argc || (argc - i) % 4)
		usage("each session is SPORT START METRES SECONDS");
	for (; i < argc; i += 4, n++) {
		if (n == LEGS_MAX)
			usage("too many sessions");
		memset(&legs[n], 0, sizeof(legs[n]));
		sport(argv[i], &legs[n]);
		legs[n].start = start(argv[i + 1]);
		legs[n].metres = number(argv[i + 2], 0, 10000000, "a distance in metres");
		legs[n].moving = number(argv[i + 3], 0, 864000, "a duration in seconds");
		legs[n].elapsed = elapsed;
	}
	memset(&w, 0, sizeof(w));
	fitw_activity(&w, legs, n, &o);
	if (w.oom)
		usage("out of memory");
	if (bad_crc)
		w.buf[w.len - 1] ^= 0x5A;
	fp = out ? fopen(out, "wb") : stdout;
	if (!fp || fwrite(w.buf, 1, w.len, fp) != w.len || (out && fclose(fp) != 0)) {
		perror(out ? out : "stdout");
		return 1;
	}
	fitw_free(&w);
	return 0;
}
