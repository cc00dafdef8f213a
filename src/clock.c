#include "clock.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

const char *const weekday_abbr[7] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
const char *const weekday_title[7] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
const char *const month_title[12] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
				       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

/* Howard Hinnant's days_from_civil / civil_from_days. */
day_t days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (day_t)(era * 146097 + doe - 719468);
}

struct civil_date civil_from_days(day_t z)
{
	struct civil_date c;

	z += 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	c.day = doy - (153 * mp + 2) / 5 + 1;
	c.month = mp < 10 ? mp + 3 : mp - 9;
	c.year = yoe + era * 400 + (c.month <= 2);
	return c;
}

int weekday(day_t d)
{
	/* 1970-01-01 was a Thursday (3 when Monday is 0) */
	int w = (int)((d + 3) % 7);
	return w < 0 ? w + 7 : w;
}

int days_in_month(int year, int month)
{
	static const int len[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	if (month < 1 || month > 12)
		return 0;
	return len[month - 1] + (month == 2 && leap);
}

bool date_parse(const char *s, day_t *out)
{
	int y, m, d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1970 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return false;
	*out = days_from_civil(y, m, d);
	return true;
}

void date_format_iso(day_t d, char *buf)
{
	struct civil_date c = civil_from_days(d);

	snprintf(buf, DATE_BUF, "%04d-%02d-%02d", c.year, c.month, c.day);
}

void date_format_short(day_t d, char *buf)
{
	struct civil_date c = civil_from_days(d);

	snprintf(buf, DATE_BUF, "%s %2d %s", weekday_title[weekday(d)], c.day, month_title[c.month - 1]);
}

void date_format_day(day_t d, char *buf)
{
	struct civil_date c = civil_from_days(d);

	snprintf(buf, DATE_BUF, "%s %d %s", weekday_title[weekday(d)], c.day, month_title[c.month - 1]);
}

int weekday_from_name(const char *name)
{
	for (int i = 0; i < 7; i++)
		if (strcasecmp(name, weekday_abbr[i]) == 0)
			return i;
	return -1;
}

day_t local_day(time_t t)
{
	struct tm tm;

	localtime_r(&t, &tm);
	return days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

int64_t monotonic_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}
