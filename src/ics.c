/* The plan as iCalendar text (RFC 5545). */
#include "ics.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "routine.h"

void ics_escape(struct strbuf *out, const char *text)
{
	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		if (*p == '\\' || *p == ';' || *p == ',') {
			sb_putc(out, '\\');
			sb_putc(out, (char)*p);
		} else if (*p == '\n') {
			sb_puts(out, "\\n");
		} else if (*p >= 0x20 && *p != 0x7f) {
			sb_putc(out, (char)*p);
		} else if (*p == '\t') {
			sb_putc(out, ' ');
		}
	}
}

void ics_put_line(struct strbuf *out, const char *line)
{
	const unsigned char *p = (const unsigned char *)line;
	size_t col = 0;

	while (*p) {
		size_t n = 1;
		/* a whole UTF-8 character (its continuation bytes) goes on one line */
		while (n < 4 && (p[n] & 0xc0) == 0x80)
			n++;
		if (col + n > ICS_LINE_OCTETS) {
			sb_puts(out, "\r\n ");
			col = 1;
		}
		sb_add(out, (const char *)p, n);
		col += n;
		p += n;
	}
	sb_puts(out, "\r\n");
}

static void put_prop(struct strbuf *out, const char *name, const char *text)
{
	struct strbuf line;

	sb_init(&line);
	sb_printf(&line, "%s:", name);
	ics_escape(&line, text);
	ics_put_line(out, line.buf);
	sb_free(&line);
}

static void ymd(day_t d, char *buf, size_t len)
{
	struct civil_date c = civil_from_days(d);

	snprintf(buf, len, "%04d%02d%02d", c.year, c.month, c.day);
}

/* "warm-up: Ankle circles, 10 reps each side" a line each. */
static void doses(struct strbuf *sb, const struct program *prog, int level)
{
	for (size_t i = 0; i < prog->nexercises; i++) {
		const struct exercise *ex = &prog->exercises[i];
		char dose[320];

		if (!exercise_at_level(ex, level))
			continue;
		format_dose(ex, level, dose, sizeof(dose));
		sb_printf(sb, "%s: %s, %s\n", phase_title[ex->phase], ex->title, dose);
	}
}

static void event(struct strbuf *out, const struct ics_request *req,
		  const struct program *prog, day_t d, int level, const char *stamp)
{
	struct strbuf text;
	char date[16], next[16], lv[40];
	int64_t secs = session_estimate_secs(prog, level);

	ymd(d, date, sizeof(date));
	ymd(d + 1, next, sizeof(next));
	format_level(prog, level, lv, sizeof(lv));
	sb_init(&text);
	ics_put_line(out, "BEGIN:VEVENT");
	sb_printf(&text, "UID:%s-%s@talus", date, prog->name); /* the date and program: stable */
	ics_put_line(out, text.buf);
	sb_reset(&text);
	sb_printf(&text, "DTSTAMP:%s", stamp);
	ics_put_line(out, text.buf);
	sb_reset(&text);
	sb_printf(&text, "DTSTART;VALUE=DATE:%s", date);
	ics_put_line(out, text.buf);
	sb_reset(&text);
	sb_printf(&text, "DTEND;VALUE=DATE:%s", next);
	ics_put_line(out, text.buf);
	sb_reset(&text);
	sb_printf(&text, "%s, %s, about %d min", prog->title, lv, estimate_minutes(secs));
	put_prop(out, "SUMMARY", text.buf);
	sb_reset(&text);
	doses(&text, prog, level);
	if (req->runs)
		sb_printf(&text, "%s\n", req->runs);
	if (text.len)
		text.buf[--text.len] = '\0'; /* the last newline */
	put_prop(out, "DESCRIPTION", text.len ? text.buf : "");
	ics_put_line(out, "TRANSP:TRANSPARENT"); /* a reminder, not a busy day */
	ics_put_line(out, "END:VEVENT");
	sb_free(&text);
}

/* A run day: "Long run, at most 8.8 km", its UID the date and "run" or "long-run". */
static void run_event(struct strbuf *out, const struct ics_request *req, day_t d,
		      const char *stamp)
{
	struct strbuf text;
	char date[16], next[16];
	bool long_run = weekday(d) == req->long_run_day;

	ymd(d, date, sizeof(date));
	ymd(d + 1, next, sizeof(next));
	sb_init(&text);
	ics_put_line(out, "BEGIN:VEVENT");
	sb_printf(&text, "UID:%s-%s@talus", date, long_run ? "long-run" : "run");
	ics_put_line(out, text.buf);
	sb_reset(&text);
	sb_printf(&text, "DTSTAMP:%s", stamp);
	ics_put_line(out, text.buf);
	sb_reset(&text);
	sb_printf(&text, "DTSTART;VALUE=DATE:%s", date);
	ics_put_line(out, text.buf);
	sb_reset(&text);
	sb_printf(&text, "DTEND;VALUE=DATE:%s", next);
	ics_put_line(out, text.buf);
	sb_reset(&text);
	sb_puts(&text, long_run ? "Long run" : "Run");
	if (req->run_cap)
		sb_printf(&text, ", at most %s", req->run_cap);
	put_prop(out, "SUMMARY", text.buf);
	put_prop(out, "DESCRIPTION", req->runs ? req->runs : "");
	ics_put_line(out, "TRANSP:TRANSPARENT");
	ics_put_line(out, "END:VEVENT");
	sb_free(&text);
}

void ics_plan(struct strbuf *out, const struct ics_request *req)
{
	char stamp[32];
	time_t now = (time_t)req->now;
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(stamp, sizeof(stamp), "%Y%m%dT%H%M%SZ", &tm);
	ics_put_line(out, "BEGIN:VCALENDAR");
	ics_put_line(out, "VERSION:2.0");
	ics_put_line(out, "PRODID:-//talus//talus --plan//EN");
	ics_put_line(out, "CALSCALE:GREGORIAN");
	put_prop(out, "X-WR-CALNAME", req->program->title);
	for (int i = 0; i < req->ndays; i++) {
		day_t d = req->today + i;
		if (day_set_has_day(req->days, d))
			event(out, req, req->program, d,
			      req->day_levels ? req->day_levels[i] : req->level, stamp);
		for (int k = 0; k < req->nothers; k++) {
			const struct ics_program *o = &req->others[k];
			if (day_set_has_day(o->days, d))
				event(out, req, o->program, d,
				      o->day_levels ? o->day_levels[i] : o->level, stamp);
		}
		if (day_set_has_day(req->run_days, d))
			run_event(out, req, d, stamp);
	}
	ics_put_line(out, "END:VCALENDAR");
}
