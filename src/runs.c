#include "runs.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define METRES_PER_MILE 1609.344

bool parse_distance(const char *s, enum units units, long *metres)
{
	char *end;
	double v, scale = units == UNITS_MI ? METRES_PER_MILE : 1000;

	if (!s || (!isdigit((unsigned char)*s) && *s != '.'))
		return false;
	v = strtod(s, &end);
	if (end == s)
		return false;
	if (strcmp(end, "km") == 0)
		scale = 1000;
	else if (strcmp(end, "mi") == 0)
		scale = METRES_PER_MILE;
	else if (strcmp(end, "m") == 0)
		scale = 1;
	else if (*end)
		return false;
	v = v * scale + 0.5; /* to the nearest metre */
	if (!(v >= 1 && v < RUN_METRES_MAX + 1))
		return false;
	*metres = (long)v;
	return true;
}

/* "1:02:30" or "45:10": each part after the first below 60. */
static bool parse_clock(const char *s, long *secs)
{
	long parts[3];
	int n = 0;
	char *end = NULL;

	while (n < 3) {
		if (!isdigit((unsigned char)*s))
			return false;
		parts[n] = strtol(s, &end, 10);
		if (end - s > 7 || (n > 0 && (parts[n] > 59 || end - s != 2)))
			return false;
		n++;
		if (*end != ':')
			break;
		s = end + 1;
	}
	if (n < 2 || *end != '\0') /* "1:00:00:00": a fourth part is no time */
		return false;
	*secs = n == 2 ? parts[0] * 60 + parts[1] : (parts[0] * 60 + parts[1]) * 60 + parts[2];
	return true;
}

/* "1h5m", "45m", "90s": a number and a unit, at most one of each, in that order. */
static bool parse_units(const char *s, long *secs)
{
	static const struct { char unit; long secs; } order[] = { { 'h', 3600 }, { 'm', 60 }, { 's', 1 } };
	size_t next = 0;
	long total = 0;

	if (!*s)
		return false;
	while (*s) {
		char *end;
		long v;
		if (!isdigit((unsigned char)*s))
			return false;
		v = strtol(s, &end, 10);
		if (end - s > 7)
			return false;
		while (next < 3 && order[next].unit != *end)
			next++;
		if (next == 3)
			return false;
		total += v * order[next++].secs;
		s = end + 1;
	}
	*secs = total;
	return true;
}

bool parse_duration(const char *s, long *secs)
{
	long v;

	if (!s || !(strchr(s, ':') ? parse_clock(s, &v) : parse_units(s, &v)))
		return false;
	if (v < 1 || v > RUN_SECS_MAX)
		return false;
	*secs = v;
	return true;
}

bool run_plausible(long metres, long secs)
{
	/* faster than 2:00 a kilometre over any distance is a typing slip, not a run */
	return secs <= 0 || secs * 1000 >= RUN_FASTEST_SECS_PER_KM * metres;
}

void format_distance(long metres, enum units units, char *buf, size_t len)
{
	if (units == UNITS_MI)
		snprintf(buf, len, "%.2f mi", metres / METRES_PER_MILE);
	else
		snprintf(buf, len, "%.1f km", metres / 1000.0);
}

void format_duration(long secs, char *buf, size_t len)
{
	if (secs >= 3600)
		snprintf(buf, len, "%ld:%02ld:%02ld", secs / 3600, secs / 60 % 60, secs % 60);
	else
		snprintf(buf, len, "%ld:%02ld", secs / 60, secs % 60);
}

void format_pace(long metres, long secs, enum units units, char *buf, size_t len)
{
	double per = units == UNITS_MI ? METRES_PER_MILE : 1000;
	long pace = metres > 0 ? (long)(secs * per / metres + 0.5) : 0;

	snprintf(buf, len, "%ld:%02ld /%s", pace / 60, pace % 60, units == UNITS_MI ? "mi" : "km");
}

/* The cap in force at runs[i]: from what the runs of its window before it count for. */
static long cap_at(const struct run *runs, size_t i)
{
	long longest = 0;

	for (size_t j = i; j-- > 0 && runs[j].day >= runs[i].day - RUN_CAP_DAYS;)
		if (!runs[j].walk_run && runs[j].pain <= RUN_PAIN_MAX && runs[j].counted > longest)
			longest = runs[j].counted;
	return longest > 0 ? longest * RUN_CAP_PERCENT / 100 : -1;
}

void runs_count_toward_cap(struct run *runs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		long cap = cap_at(runs, i);
		if (runs[i].pain > RUN_PAIN_MAX)
			runs[i].counted = 0;
		else
			runs[i].counted = cap > 0 && runs[i].metres > cap ? cap : runs[i].metres;
	}
}

void run_cap(const struct session_log *log, day_t today, int64_t now, struct run_cap *out)
{
	memset(out, 0, sizeof(*out));
	out->metres = out->longest = out->longest_ran = -1;
	for (size_t i = 0; i < log->nruns; i++) {
		const struct run *r = &log->runs[i];
		if (r->when > now || r->day < today - RUN_CAP_DAYS || r->day > today)
			continue;
		if (r->pain > RUN_PAIN_MAX) { /* a run that hurt raises nothing */
			out->held = true;
			out->held_day = r->day;
			continue;
		}
		/* a walk/run session is paced by its ladder: its walks and its short runs are
		 * no longest run, and would shrink the cap on free runs to nonsense (design) */
		if (r->walk_run)
			continue;
		if (r->counted > out->longest) {
			out->longest = r->counted;
			out->longest_ran = r->metres;
			out->longest_day = r->day;
		}
	}
	if (out->longest > 0)
		out->metres = out->longest * RUN_CAP_PERCENT / 100;
}

void run_cap_longest(const struct run_cap *cap, enum units units, char *buf, size_t len)
{
	char ran[32], counted[32], date[DATE_BUF];

	format_distance(cap->longest_ran, units, ran, sizeof(ran));
	format_distance(cap->longest, units, counted, sizeof(counted));
	date_format_short(cap->longest_day, date);
	if (cap->longest_ran > cap->longest)
		snprintf(buf, len, "%s on %s, counted as its cap of %s", ran, date, counted);
	else
		snprintf(buf, len, "%s on %s", ran, date);
}

void runs_record_line(struct strbuf *line, time_t when, const struct run_entry *e)
{
	rec_begin(line, when, REC_RUN);
	rec_put_int(line, HK_METRES, e->metres);
	if (e->secs > 0)
		rec_put_int(line, HK_SECS, e->secs);
	if (e->pain >= 0)
		rec_put_int(line, HK_PAIN_DURING, e->pain);
	if (e->shoes && e->shoes[0])
		rec_put_str(line, HK_SHOES, e->shoes);
	if (e->surface >= 0)
		rec_put_enum(line, HK_SURFACE, e->surface);
	if (e->note && e->note[0])
		rec_put_str(line, HK_NOTE, e->note);
	rec_finish(line);
}

bool run_over_cap(const struct run_cap *before, long metres, enum units units, char *buf,
		  size_t len)
{
	char ran[32], cap[32], next[32];

	buf[0] = '\0';
	if (before->metres <= 0 || metres <= before->metres)
		return false;
	format_distance(metres, units, ran, sizeof(ran));
	format_distance(before->metres, units, cap, sizeof(cap));
	/* it counts as the cap it broke (runs_count_toward_cap) */
	format_distance(before->metres * RUN_CAP_PERCENT / 100, units, next, sizeof(next));
	snprintf(buf, len, "%s against a cap of %s (%ld%% over it): a run over %d%% of the "
		 "longest of the last %d days raised injury rates 1.64 times (Frandsen 2025). "
		 "It counts as %s: it does not raise the cap beyond %s.", ran, cap,
		 (metres - before->metres) * 100 / before->metres, RUN_CAP_PERCENT, RUN_CAP_DAYS,
		 cap, next);
	return true;
}
