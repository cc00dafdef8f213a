/* --status at its edges with made-up dates: each thing due and not yet, the format's
 * fields, and the fast read of old sets against the whole read; the reminder's units and
 * reminder-time; the calendar's escaping and folding. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "ics.h"
#include "reminder.h"
#include "routine.h"
#include "status.h"
#include "unit.h"

static struct program prog;
static struct session_log log_;
static struct progress progress;
static struct red_flags flags;
static struct status_request req;
static struct status_fields f;
static day_t monday; /* 2026-11-02 */

static void setup(void)
{
	char err[512] = "";

	ck_assert_msg(program_parse(&prog, "p", "p.conf",
				    "levels = 4\nexercise a {\n  sets = 4\n  reps = 5\n}\n", err,
				    sizeof(err)), "%s", err);
	memset(&log_, 0, sizeof(log_));
	memset(&progress, 0, sizeof(progress));
	memset(&flags, 0, sizeof(flags));
	progress.level = 2;
	progress.reason = LR_BUILDING;
	ck_assert(date_parse("2026-11-02", &monday));
	memset(&req, 0, sizeof(req));
	req.log = &log_;
	req.prog = &prog;
	req.progress = &progress;
	req.flags = &flags;
	req.days = DAY_SET_MON_WED_FRI;
	req.shoe_limit = 804672;
}

static void teardown(void)
{
	session_log_free(&log_);
	program_free(&prog);
}

static void add_line(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void add_line(const char *fmt, ...)
{
	char buf[512];
	struct hist_record rec;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	ck_assert_msg(history_parse_line(buf, strlen(buf), &rec), "bad line: %s", buf);
	session_log_add(&log_, &rec);
	session_log_finish(&log_);
}

/* Seconds since the epoch of day offset d from monday at h:m:s, UTC. */
static int64_t at(int d, int h, int m, int s)
{
	return (int64_t)(monday + d) * 86400 + h * 3600 + m * 60 + s;
}

static void ts(int d, int h, int m, char *out)
{
	char date[DATE_BUF];

	date_format_iso(monday + d, date);
	sprintf(out, "%sT%02d:%02d:00Z", date, h, m);
}

static void session(int d, int h, const char *status, int during)
{
	char a[40], b[40];

	ts(d, h, 0, a);
	ts(d, h, 30, b);
	add_line("%s\tstart\tsession=s%d-%d\tprogram=p\tlevel=2", a, d, h);
	add_line("%s\tend\tsession=s%d-%d\tstatus=%s\tpain-during=%d\tpain-after=%d", b, d, h,
		 status, during, during);
}

static void compute(int d, int h, int m, int s)
{
	req.today = monday + d;
	req.now = at(d, h, m, s);
	status_compute(&req, &f);
}

START_TEST(nothing_due_on_a_rest_day)
{
	char line[200];

	compute(1, 9, 0, 0); /* Tuesday */
	ck_assert(!f.due);
	status_line(&f, line, sizeof(line));
	ck_assert_str_eq(line, "");
	ck_assert_str_eq(f.level, "2/4");
	ck_assert_str_eq(f.program, "p");
}
END_TEST

START_TEST(session_due_on_a_training_day_with_its_length)
{
	char line[200], want[40];
	int64_t secs = session_estimate_secs(&prog, 2);

	compute(0, 9, 0, 0);
	ck_assert(f.due);
	snprintf(want, sizeof(want), "%d min", estimate_minutes(secs));
	ck_assert_str_eq(f.session, want);
	status_line(&f, line, sizeof(line));
	snprintf(want, sizeof(want), "talus: session %d min", estimate_minutes(secs));
	ck_assert_str_eq(line, want);
}
END_TEST

/* A program whose estimate is a whole number of minutes and 1-29 s: rounded up it
 * would say a minute more than --plan does. */
static int64_t odd_seconds_program(struct program *p)
{
	char text[200], err[512] = "";
	int64_t secs = 0;

	for (int reps = 1; reps <= 60; reps++) {
		snprintf(text, sizeof(text), "levels = 1\nexercise a {\n  sets = 3\n  reps = %d\n}\n", reps);
		ck_assert_msg(program_parse(p, "q", "q.conf", text, err, sizeof(err)), "%s", err);
		secs = session_estimate_secs(p, 1);
		if (secs >= 120 && secs % 60 >= 1 && secs % 60 < 30)
			return secs;
		program_free(p);
	}
	ck_abort_msg("no program with 1-29 s over the minute");
	return 0;
}

/* --plan, the start screen, --status and the calendar: one length (28 min, never 29
 * in one place and 28 in another). */
START_TEST(session_length_as_the_plan_rounds_it)
{
	struct program q;
	int64_t secs = odd_seconds_program(&q);
	char want[40];
	struct ics_request r;
	struct strbuf sb;

	req.prog = &q;
	progress.level = 1;
	compute(0, 9, 0, 0);
	snprintf(want, sizeof(want), "%d min", (int)(secs / 60));
	ck_assert_str_eq(f.session, want);
	memset(&r, 0, sizeof(r));
	r.program = &q;
	r.level = 1;
	r.today = monday;
	r.ndays = 1;
	r.days = DAY_SET_MON_WED_FRI;
	sb_init(&sb);
	ics_plan(&sb, &r);
	snprintf(want, sizeof(want), "about %d min", (int)(secs / 60));
	ck_assert_msg(strstr(sb.buf, want), "%s", sb.buf);
	sb_free(&sb);
	program_free(&q);
}
END_TEST

START_TEST(session_done_or_quit_today_is_not_due_interrupted_is)
{
	session(0, 7, "interrupted", 2);
	compute(0, 9, 0, 0);
	ck_assert(f.session[0]);
	session(0, 8, "quit", 6);
	compute(0, 9, 0, 0);
	ck_assert_str_eq(f.session, "");
	/* a session later today (a future-dated record) answers nothing yet */
	session_log_free(&log_);
	memset(&log_, 0, sizeof(log_));
	session(0, 10, "done", 2);
	compute(0, 9, 0, 0);
	ck_assert(f.session[0]);
	compute(0, 11, 0, 0);
	ck_assert_str_eq(f.session, "");
}
END_TEST

START_TEST(morning_due_until_rated_within_72_hours)
{
	char a[40];

	session(0, 18, "done", 2); /* ends Monday 18:30 */
	compute(0, 20, 0, 0);
	ck_assert_str_eq(f.morning, ""); /* the same day */
	compute(1, 7, 0, 0);
	ck_assert_str_eq(f.morning, "morning");
	compute(3, 18, 30, 0); /* exactly 72 h after */
	ck_assert_str_eq(f.morning, "morning");
	compute(3, 18, 30, 1);
	ck_assert_str_eq(f.morning, "");
	ts(1, 7, 5, a);
	add_line("%s\tmorning\tpain=1", a);
	compute(1, 7, 4, 0); /* before the rating */
	ck_assert_str_eq(f.morning, "morning");
	compute(1, 7, 6, 0);
	ck_assert_str_eq(f.morning, "");
	ck_assert(!f.due);
}
END_TEST

START_TEST(flare_is_a_step_back_or_a_red_flag)
{
	static const enum level_reason back[] = { LR_PAIN, LR_MORNING, LR_SEVERE, LR_DELOAD };
	static const enum level_reason not[] = { LR_START, LR_ADVANCED, LR_REPEAT, LR_HOLD,
						  LR_LAYOFF, LR_MANUAL, LR_UNRATED };

	for (size_t i = 0; i < sizeof(back) / sizeof(back[0]); i++) {
		progress.reason = back[i];
		compute(1, 9, 0, 0);
		ck_assert_str_eq(f.flare, "back to level 2");
		ck_assert(f.due);
	}
	for (size_t i = 0; i < sizeof(not) / sizeof(not[0]); i++) {
		progress.reason = not[i];
		compute(1, 9, 0, 0);
		ck_assert_str_eq(f.flare, "");
	}
	flags.flag = RF_FLARES;
	compute(1, 9, 0, 0);
	ck_assert_str_eq(f.flare, "see a clinician");
}
END_TEST

/* A rating of 8 whose red-flag questions were all answered no: the coach's advice is
 * conditional then, so the line says the step back, not "see a clinician". */
START_TEST(flare_after_an_8_answered_no_is_the_step_back)
{
	flags.flag = RF_SEVERE;
	progress.reason = LR_SEVERE;
	progress.level = 0;
	compute(1, 9, 0, 0);
	ck_assert_str_eq(f.flare, "see a clinician");
	flags.answered_no = true;
	compute(1, 9, 0, 0);
	ck_assert_str_eq(f.flare, "back to level 0");
}
END_TEST

START_TEST(flare_is_a_red_flag_answered_yes_until_a_level_set_by_hand)
{
	char a[40];

	ts(0, 8, 0, a);
	add_line("%s\tred-flag\tflag=rupture\tanswer=yes\ttrigger=severe", a);
	compute(0, 7, 59, 59);
	ck_assert_str_eq(f.flare, "");
	compute(1, 9, 0, 0);
	ck_assert_str_eq(f.flare, "see a clinician");
	ts(2, 8, 0, a);
	add_line("%s\tlevel\tprogram=p\tlevel=1", a);
	compute(2, 9, 0, 0);
	ck_assert_str_eq(f.flare, "");
}
END_TEST

START_TEST(cap_alone_is_not_due)
{
	char a[40], line[200];

	ts(-3, 18, 0, a);
	add_line("%s\trun\tmetres=5000", a);
	compute(1, 9, 0, 0);
	ck_assert_str_eq(f.cap, "5.5 km");
	ck_assert(!f.due);
	compute(2, 9, 0, 0); /* with the session due, the cap goes beside it */
	status_line(&f, line, sizeof(line));
	ck_assert(strstr(line, "; next run <= 5.5 km"));
}
END_TEST

START_TEST(worn_shoes_from_the_first_mark)
{
	char a[40];

	ts(-40, 18, 0, a);
	add_line("%s\trun\tmetres=482802\tshoes=old", a);
	compute(1, 9, 0, 0);
	ck_assert_str_eq(f.shoes, ""); /* a metre short of 300 mi */
	ts(-39, 18, 0, a);
	add_line("%s\trun\tmetres=1\tshoes=old", a);
	compute(1, 9, 0, 0);
	ck_assert_str_eq(f.shoes, "old (482.8 km)");
	ck_assert(f.due);
	ts(-38, 18, 0, a);
	add_line("%s\tretire-shoes\tshoes=old", a);
	compute(1, 9, 0, 0);
	ck_assert_str_eq(f.shoes, "");
}
END_TEST

/* Only the pair last run in: a worn pair run in before it is not named (it was). */
START_TEST(worn_shoes_only_the_pair_last_run_in)
{
	char a[40];

	ts(-40, 18, 0, a);
	add_line("%s\trun\tmetres=515000\tshoes=old", a);
	ts(-5, 18, 0, a);
	add_line("%s\trun\tmetres=8000\tshoes=peg", a);
	compute(1, 9, 0, 0);
	ck_assert_str_eq(f.shoes, "");
	ts(-4, 18, 0, a);
	add_line("%s\trun\tmetres=8000\tshoes=old", a);
	compute(1, 9, 0, 0);
	ck_assert_str_eq(f.shoes, "old (523.0 km)");
}
END_TEST

START_TEST(format_fields)
{
	struct status_fields g;
	char out[200], bad = 'x';

	memset(&g, 0, sizeof(g));
	strcpy(g.session, "24 min");
	strcpy(g.morning, "morning");
	strcpy(g.flare, "back to level 1");
	strcpy(g.cap, "5.5 km");
	strcpy(g.shoes, "old (482.8 km)");
	strcpy(g.level, "1/8");
	strcpy(g.program, "p");
	ck_assert(status_format(&g, "%s|%m|%f|%c|%w|%l|%p|%%|", out, sizeof(out), &bad));
	ck_assert_str_eq(out, "24 min|morning|back to level 1|5.5 km|old (482.8 km)|1/8|p|%|");
	ck_assert(status_format(&g, "", out, sizeof(out), &bad));
	ck_assert_str_eq(out, "");
	ck_assert(!status_format(&g, "a %q", out, sizeof(out), &bad));
	ck_assert_int_eq(bad, 'q');
	ck_assert(!status_format(&g, "a %", out, sizeof(out), &bad));
	ck_assert_int_eq(bad, 0);
}
END_TEST

/* The fast read (old sets counted, not parsed) gives every session the counts, status and
 * pain the whole read does. */
START_TEST(fast_read_counts_what_the_whole_read_parses)
{
	char path[] = "/tmp/talus-status-XXXXXX";
	int fd = mkstemp(path);
	FILE *out = fdopen(fd, "w");
	struct session_log whole, fast;

	ck_assert(out);
	fputs("# talus history v1\n", out);
	for (int w = 0; w < 60; w++)
		for (int k = 0; k < 3; k++) {
			day_t d = monday - 400 + w * 7 + k * 2;
			char date[DATE_BUF];
			int sets = (w + k) % 7, again = w % 5 == 0;
			date_format_iso(d, date);
			fprintf(out, "%sT07:00:00Z\tstart\tsession=x%d-%d\tprogram=p\tlevel=1\tplanned=6\n",
				date, w, k);
			for (int s = 1; s <= sets; s++)
				fprintf(out, "%sT07:%02d:00Z\tset\tsession=x%d-%d\texercise=a\tset=%d\treps=5\n",
					date, s, w, k, s);
			if (again) /* done again: replaces the set before it */
				fprintf(out, "%sT07:20:00Z\tset\tsession=x%d-%d\texercise=a\tset=1\treps=5\tagain=yes\n",
					date, w, k);
			if (w % 4 == 1) /* the keys in another order; again=yes in the middle */
				fprintf(out, "%sT07:21:00Z\tset\texercise=a\tagain=yes\tsession=x%d-%d\tset=2\n",
					date, w, k);
			if (w % 3 == 0)
				fprintf(out, "%sT07:22:00Z\tskip\tsession=x%d-%d\texercise=a\n", date, w, k);
			fprintf(out, "%sT07:30:00Z\tend\tsession=x%d-%d\tstatus=%s\tpain-during=%d\n", date,
				w, k, k == 1 ? "quit" : "done", w % 6);
		}
	fclose(out);
	ck_assert(session_log_load(&whole, path));
	ck_assert(status_log_load(&fast, path, monday));
	ck_assert_uint_eq(whole.nsessions, fast.nsessions);
	ck_assert_uint_eq(whole.nsessions, 180);
	for (size_t i = 0; i < whole.nsessions; i++) {
		const struct session *a = &whole.sessions[i], *b = &fast.sessions[i];
		ck_assert_str_eq(a->id, b->id);
		ck_assert_msg(a->sets_done == b->sets_done, "%s: %d sets, fast %d", a->id,
			      a->sets_done, b->sets_done);
		ck_assert_int_eq(a->skips, b->skips);
		ck_assert_int_eq(a->status, b->status);
		ck_assert_int_eq(a->pain_during, b->pain_during);
		ck_assert_int_eq(a->planned, b->planned);
	}
	ck_assert(fast.nsets < whole.nsets); /* the old ones were not kept */
	session_log_free(&whole);
	session_log_free(&fast);
	unlink(path);
}
END_TEST

/* ---- the reminder ---- */

START_TEST(reminder_calendar_edges)
{
	char buf[64];

	reminder_calendar(DAY_SET_MON_WED_FRI, 8 * 60, buf, sizeof(buf));
	ck_assert_str_eq(buf, "Mon,Wed,Fri *-*-* 08:00:00");
	reminder_calendar(0x7f, 0, buf, sizeof(buf));
	ck_assert_str_eq(buf, "*-*-* 00:00:00");
	reminder_calendar(day_set_add(0, 6), 23 * 60 + 59, buf, sizeof(buf));
	ck_assert_str_eq(buf, "Sun *-*-* 23:59:00");
}
END_TEST

START_TEST(reminder_words_and_units)
{
	const char *args[] = { "/usr/bin/talus", "--history-file", "/home/r/h.tsv" };
	struct strbuf sb;

	ck_assert(reminder_word_ok("/usr/bin/talus"));
	ck_assert(reminder_word_ok("/home/r/talus-1.0/h_2.tsv"));
	static const char *const bad[] = { "", "a b", "a'b", "a\"b", "%h", "$HOME", "a\\b",
					   "a;b", "a\tb", "~/x", "a`b`" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(!reminder_word_ok(bad[i]), "'%s' taken", bad[i]);
	sb_init(&sb);
	reminder_service(&sb, args, 3);
	ck_assert(strncmp(sb.buf, REMINDER_MARK "\n", strlen(REMINDER_MARK) + 1) == 0);
	ck_assert(strstr(sb.buf, "\nType=oneshot\n"));
	ck_assert(strstr(sb.buf, "\nExecStart=/bin/sh -c 'line=$$(/usr/bin/talus --history-file "
				 "/home/r/h.tsv --status 2>&1); "));
	ck_assert(!strstr(sb.buf, "%"));
	sb_reset(&sb);
	reminder_timer(&sb, DAY_SET_MON_WED_FRI, 450);
	ck_assert(strstr(sb.buf, "\n[Timer]\nOnCalendar=Mon,Wed,Fri *-*-* 07:30:00\nPersistent=true\n"));
	ck_assert(strstr(sb.buf, "\n[Install]\nWantedBy=timers.target\n"));
	sb_free(&sb);
}
END_TEST

static const struct {
	const char *value;
	int minutes; /* -1: refused */
} times[] = {
	{ "08:00", 480 }, { "00:00", 0 }, { "23:59", 1439 }, { "07:30", 450 },
	{ "24:00", -1 }, { "23:60", -1 }, { "7:30", -1 }, { "07:3", -1 }, { "0730", -1 },
	{ "07:30:00", -1 }, { "", -1 }, { "ab:cd", -1 },
};

START_TEST(reminder_time_in_the_config)
{
	struct user_config c;
	char text[64], err[512] = "", want[200];

	config_defaults(&c);
	ck_assert_int_eq(c.reminder_minutes, 480);
	config_free(&c);
	snprintf(text, sizeof(text), "\nreminder-time = \"%s\"\n", times[_i].value);
	if (times[_i].minutes >= 0) {
		ck_assert_msg(config_parse(&c, "c.conf", text, err, sizeof(err)), "%s", err);
		ck_assert_int_eq(c.reminder_minutes, times[_i].minutes);
	} else {
		ck_assert(!config_parse(&c, "c.conf", text, err, sizeof(err)));
		snprintf(want, sizeof(want),
			 "c.conf:2: reminder-time must be a time like 08:00, got '%s'", times[_i].value);
		ck_assert_str_eq(err, want);
	}
	config_free(&c);
}
END_TEST

/* ---- the calendar ---- */

START_TEST(ics_escape_edges)
{
	struct strbuf sb;

	sb_init(&sb);
	ics_escape(&sb, "a,b;c\\d\ne\tf\x01g\x7fh:i\"j");
	ck_assert_str_eq(sb.buf, "a\\,b\\;c\\\\d\\ne fgh:i\"j");
	sb_free(&sb);
}
END_TEST

/* Each physical line, CRLF taken off; their octets; the whole unfolded again. */
static int split_lines(const char *s, int *len, char *unfolded)
{
	int n = 0;

	*unfolded = '\0';
	while (*s) {
		const char *crlf = strstr(s, "\r\n");
		ck_assert(crlf);
		len[n] = (int)(crlf - s);
		strncat(unfolded, s + (n ? 1 : 0), (size_t)(len[n] - (n ? 1 : 0)));
		ck_assert(n == 0 || s[0] == ' ');
		n++;
		s = crlf + 2;
	}
	return n;
}

START_TEST(ics_fold_edges)
{
	struct strbuf sb;
	char line[400], unfolded[400];
	int len[10];

	sb_init(&sb);
	memset(line, 'a', 75);
	line[75] = '\0';
	ics_put_line(&sb, line);
	ck_assert_int_eq(split_lines(sb.buf, len, unfolded), 1);
	ck_assert_int_eq(len[0], 75);

	sb_reset(&sb);
	strcat(line, "b"); /* 76 octets: one over */
	ics_put_line(&sb, line);
	ck_assert_int_eq(split_lines(sb.buf, len, unfolded), 2);
	ck_assert_int_eq(len[0], 75);
	ck_assert_int_eq(len[1], 2);
	ck_assert_str_eq(unfolded, line);

	/* a two-byte character that would straddle octet 75 moves whole to the next line */
	sb_reset(&sb);
	memset(line, 'a', 74);
	strcpy(line + 74, "\xc3\xa9z");
	ics_put_line(&sb, line);
	ck_assert_int_eq(split_lines(sb.buf, len, unfolded), 2);
	ck_assert_int_eq(len[0], 74);
	ck_assert_str_eq(unfolded, line);

	/* a three-byte character ending exactly at 75 stays */
	sb_reset(&sb);
	memset(line, 'a', 72);
	strcpy(line + 72, "\xe2\x82\xac");
	ics_put_line(&sb, line);
	ck_assert_int_eq(split_lines(sb.buf, len, unfolded), 1);
	ck_assert_int_eq(len[0], 75);

	/* continuation lines: a space and 74 octets */
	sb_reset(&sb);
	memset(line, 'c', 75 + 74 + 10);
	line[75 + 74 + 10] = '\0';
	ics_put_line(&sb, line);
	ck_assert_int_eq(split_lines(sb.buf, len, unfolded), 3);
	ck_assert_int_eq(len[1], 75);
	ck_assert_int_eq(len[2], 11);
	ck_assert_str_eq(unfolded, line);

	/* four-byte characters all the way: no line over 75, none split */
	sb_reset(&sb);
	line[0] = '\0';
	for (int i = 0; i < 40; i++)
		strcat(line, "\xf0\x9f\x8f\x83");
	ics_put_line(&sb, line);
	int n = split_lines(sb.buf, len, unfolded);
	for (int i = 0; i < n; i++)
		ck_assert_int_le(len[i], 75);
	ck_assert_int_eq(len[0], 72);
	ck_assert_str_eq(unfolded, line);
	sb_free(&sb);
}
END_TEST

START_TEST(ics_plan_events)
{
	struct ics_request r;
	struct strbuf sb;
	int levels[14];
	const char *p;
	int events = 0;

	for (int i = 0; i < 14; i++)
		levels[i] = i < 7 ? 1 : 2;
	memset(&r, 0, sizeof(r));
	r.program = &prog;
	r.day_levels = levels;
	r.today = monday;
	r.ndays = 14;
	r.days = DAY_SET_MON_WED_FRI;
	r.now = at(0, 9, 5, 7);
	r.runs = "Run cap: at most 5.5 km.";
	sb_init(&sb);
	ics_plan(&sb, &r);
	for (p = sb.buf; (p = strstr(p, "BEGIN:VEVENT\r\n")); p++)
		events++;
	ck_assert_int_eq(events, 6);
	ck_assert(strncmp(sb.buf, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 30) == 0);
	ck_assert(strstr(sb.buf, "\r\nUID:20261102-p@talus\r\nDTSTAMP:20261102T090507Z\r\n"
				 "DTSTART;VALUE=DATE:20261102\r\nDTEND;VALUE=DATE:20261103\r\n"));
	ck_assert(strstr(sb.buf, "\r\nUID:20261113-p@talus\r\n"));
	ck_assert(strstr(sb.buf, "level 2 of 4"));
	ck_assert(strstr(sb.buf, "Run cap: at most 5.5 km."));
	ck_assert(strstr(sb.buf, "END:VCALENDAR\r\n"));
	ck_assert_uint_eq(strlen(sb.buf), sb.len);
	ck_assert_ptr_null(strstr(sb.buf, "run@talus"));
	/* run days Tue and Sat, the long run on Sat: an all-day event each, with the cap */
	r.run_days = (day_set)((1u << 1) | (1u << 5));
	r.long_run_day = 5;
	r.run_cap = "5.5 km";
	sb_reset(&sb);
	ics_plan(&sb, &r);
	events = 0;
	for (p = sb.buf; (p = strstr(p, "BEGIN:VEVENT\r\n")); p++)
		events++;
	ck_assert_int_eq(events, 10);
	ck_assert(strstr(sb.buf, "\r\nUID:20261103-run@talus\r\nDTSTAMP:20261102T090507Z\r\n"
				 "DTSTART;VALUE=DATE:20261103\r\nDTEND;VALUE=DATE:20261104\r\n"
				 "SUMMARY:Run\\, at most 5.5 km\r\n"));
	ck_assert(strstr(sb.buf, "\r\nUID:20261114-long-run@talus\r\n"));
	ck_assert(strstr(sb.buf, "SUMMARY:Long run\\, at most 5.5 km\r\n"));
	/* no cap yet: the run alone */
	r.run_cap = NULL;
	sb_reset(&sb);
	ics_plan(&sb, &r);
	ck_assert(strstr(sb.buf, "SUMMARY:Long run\r\n"));
	sb_free(&sb);
}
END_TEST

Suite *status_suite(void)
{
	Suite *s = suite_create("status");
	TCase *tc = tcase_create("status");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, nothing_due_on_a_rest_day);
	tcase_add_test(tc, session_due_on_a_training_day_with_its_length);
	tcase_add_test(tc, session_length_as_the_plan_rounds_it);
	tcase_add_test(tc, session_done_or_quit_today_is_not_due_interrupted_is);
	tcase_add_test(tc, morning_due_until_rated_within_72_hours);
	tcase_add_test(tc, flare_is_a_step_back_or_a_red_flag);
	tcase_add_test(tc, flare_after_an_8_answered_no_is_the_step_back);
	tcase_add_test(tc, flare_is_a_red_flag_answered_yes_until_a_level_set_by_hand);
	tcase_add_test(tc, cap_alone_is_not_due);
	tcase_add_test(tc, worn_shoes_from_the_first_mark);
	tcase_add_test(tc, worn_shoes_only_the_pair_last_run_in);
	tcase_add_test(tc, format_fields);
	tcase_add_test(tc, fast_read_counts_what_the_whole_read_parses);
	tcase_add_test(tc, reminder_calendar_edges);
	tcase_add_test(tc, reminder_words_and_units);
	tcase_add_loop_test(tc, reminder_time_in_the_config, 0, sizeof(times) / sizeof(times[0]));
	tcase_add_test(tc, ics_escape_edges);
	tcase_add_test(tc, ics_fold_edges);
	tcase_add_test(tc, ics_plan_events);
	suite_add_tcase(s, tc);
	return s;
}
