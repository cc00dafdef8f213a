/* Calendar dates as day numbers, and the monotonic clock. No time zones in here:
 * callers turn the wall clock into a local date once, at the edge. */
#ifndef TALUS_CLOCK_H
#define TALUS_CLOCK_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

/* Days since 1970-01-01 in the proleptic Gregorian calendar. */
typedef int32_t day_t;

struct civil_date {
	int year;
	int month; /* 1-12 */
	int day;   /* 1-31 */
};

day_t days_from_civil(int year, int month, int day);
struct civil_date civil_from_days(day_t days);
/* 0 = Monday ... 6 = Sunday */
int weekday(day_t days);
int days_in_month(int year, int month);

/* Strict YYYY-MM-DD, years 1970-9999; rejects 2026-02-30. */
bool date_parse(const char *s, day_t *out);
#define DATE_BUF 24
/* "2026-11-23" into buf of DATE_BUF bytes */
void date_format_iso(day_t d, char *buf);
/* "Mon 23 Nov" into buf of DATE_BUF bytes */
void date_format_short(day_t d, char *buf);
/* "Tue 3 Nov": the same in running text, not padded for a column. */
void date_format_day(day_t d, char *buf);

extern const char *const weekday_abbr[7];   /* "mon" .. "sun" */
extern const char *const weekday_title[7];  /* "Mon" .. "Sun" */
extern const char *const month_title[12];   /* "Jan" .. "Dec" */

/* A set of weekdays, such as the training days: bit 0 = Monday ... bit 6 = Sunday. */
typedef uint8_t day_set;
#define DAY_SET_MON_WED_FRI ((day_set)0x15)

static inline bool day_set_has(day_set set, int wd)
{
	return (set >> wd) & 1u;
}

/* Is the weekday of day in set? */
static inline bool day_set_has_day(day_set set, day_t day)
{
	return day_set_has(set, weekday(day));
}

static inline day_set day_set_add(day_set set, int wd)
{
	return (day_set)(set | 1u << wd);
}

static inline int day_set_count(day_set set)
{
	int n = 0;

	for (int wd = 0; wd < 7; wd++)
		n += day_set_has(set, wd);
	return n;
}

/* The first weekday in set after wd, or -1: walks a set, Monday first, as
 * for (int wd = day_set_next(set, -1); wd >= 0; wd = day_set_next(set, wd)) */
static inline int day_set_next(day_set set, int wd)
{
	while (++wd < 7)
		if (day_set_has(set, wd))
			return wd;
	return -1;
}

/* "mon".."sun" (any case) to 0-6, or -1. */
int weekday_from_name(const char *name);

/* The local calendar date of a wall-clock time. */
day_t local_day(time_t t);

/* Milliseconds on CLOCK_MONOTONIC. */
int64_t monotonic_ms(void);

#endif
