#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

#define MAX_SIDED_EXERCISES 32
#define MAX_SPARK 40

static const char *const spark_utf8[8] = { "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█" };
static const char spark_ascii[] = "_.-~=+*#";

void pain_sparkline(const int *pains, size_t n, bool utf8, char *buf, size_t len)
{
	struct strbuf sb;

	sb_init(&sb);
	for (size_t i = 0; i < n; i++) {
		int level = (pains[i] * 7 + 5) / 10; /* 0-10 onto 8 steps */
		if (utf8)
			sb_puts(&sb, spark_utf8[level]);
		else
			sb_putc(&sb, spark_ascii[level]);
	}
	copy_str(buf, len, sb.buf);
	sb_free(&sb);
}

static bool done_on(const struct session_log *log, day_t day)
{
	for (size_t i = log->nsessions; i-- > 0;)
		if (log->sessions[i].day == day && log->sessions[i].status == SESSION_DONE)
			return true;
	return false;
}

int planned_streak(const struct session_log *log, day_set days, day_t today)
{
	int streak = 0;

	if (!days)
		return 0;
	for (day_t d = today; d > today - 3650; d--) {
		if (!day_set_has_day(days, d))
			continue;
		if (done_on(log, d))
			streak++;
		else if (d != today)
			break;
	}
	return streak;
}

/* The session's note under its row, on one line: a tab or line break in it as a
 * space, anything unprintable as '?'. */
static void print_note(FILE *out, const char *note)
{
	char *shown = xstrdup(note);

	for (char *p = shown; *p; p++)
		if (*p == '\t' || *p == '\n' || *p == '\r')
			*p = ' ';
	sanitize_text(shown);
	fprintf(out, "            note: %s\n", shown);
	free(shown);
}

static void print_table(FILE *out, const struct session_log *log)
{
	fprintf(out, "%-10s  %-20s %5s %7s %5s %5s  %s\n", "Date", "Program", "Level", "Sets",
		"Min", "Pain", "Status");
	for (size_t i = 0; i < log->nsessions; i++) {
		const struct session *s = &log->sessions[i];
		char date[DATE_BUF], sets[24], pain[32], level[12];

		date_format_iso(s->day, date);
		if (s->planned > 0)
			snprintf(sets, sizeof(sets), "%d/%d", s->sets_done, s->planned);
		else
			snprintf(sets, sizeof(sets), "%d", s->sets_done);
		if (s->pain_during >= 0 || s->pain_after >= 0) {
			char during[12] = "-", after[12] = "-";
			if (s->pain_during >= 0)
				snprintf(during, sizeof(during), "%d", s->pain_during);
			if (s->pain_after >= 0)
				snprintf(after, sizeof(after), "%d", s->pain_after);
			snprintf(pain, sizeof(pain), "%s/%s", during, after);
		} else {
			copy_str(pain, sizeof(pain), "-");
		}
		if (s->level >= 0)
			snprintf(level, sizeof(level), "%d", s->level);
		else
			copy_str(level, sizeof(level), "?");
		fprintf(out, "%-10s  %-20.20s %5s %7s %5d %5s  %s\n", date,
			s->program[0] ? s->program : "?", level, sets, (s->secs + 30) / 60, pain,
			session_status_name[s->status]);
		if (s->note)
			print_note(out, s->note);
	}
}

struct side_totals {
	size_t exercise; /* index into log->exercises */
	bool timed;
	double sum[2];
	int count[2];
};

struct side_pass {
	struct side_totals ex[MAX_SIDED_EXERCISES];
	size_t n;
};

/* Each two-sided exercise's mean per set on each side, from the summary's days. */
static void collect_sides(const struct report_request *req, struct side_pass *pass)
{
	const struct session_log *log = req->log;

	struct set_cursor at = { 0 };
	struct set_entry e;

	while (session_log_next_set(log, &at, &e)) {
		struct side_totals *t = NULL;
		int which;

		if (e.side == SIDE_NONE || e.day < req->since || e.day > req->today)
			continue;
		which = e.side == SIDE_RIGHT;
		for (size_t j = 0; j < pass->n; j++)
			if (pass->ex[j].exercise == e.exercise)
				t = &pass->ex[j];
		if (!t) {
			if (pass->n == MAX_SIDED_EXERCISES)
				continue;
			t = &pass->ex[pass->n++];
			memset(t, 0, sizeof(*t));
			t->exercise = e.exercise;
			t->timed = e.reps < 0;
		}
		t->sum[which] += t->timed ? (e.secs >= 0 ? e.secs : 0) : (e.reps >= 0 ? e.reps : 0);
		t->count[which]++;
	}
}

/* A side's mean; the sore one (the last triage's) is marked, so it reads against the
 * other as its control. */
static void side_text(struct strbuf *sb, const struct side_totals *t, int which, bool sore)
{
	const char *name = side_name[which ? SIDE_RIGHT : SIDE_LEFT];

	if (!t->count[which])
		sb_printf(sb, "  %5s%c    -    ", name, sore ? '*' : ' ');
	else
		sb_printf(sb, "  %5s%c %4.1f %-4s", name, sore ? '*' : ' ',
			  t->sum[which] / t->count[which], t->timed ? "s" : "reps");
}

static void print_pains(FILE *out, const char *what, const int *pains, size_t n, bool utf8)
{
	char spark[MAX_SPARK * 4 + 1];

	if (!n) {
		fprintf(out, "  %s: none rated\n", what);
		return;
	}
	pain_sparkline(pains, n, utf8, spark, sizeof(spark));
	fprintf(out, "  %s (0-10, oldest first): %s  (%d to %d)\n", what, spark, pains[0],
		pains[n - 1]);
}

/* The measured entry tests, oldest first: both sides each time, so the trend shows. */
static void print_tests(FILE *out, const struct session_log *log)
{
	char date[DATE_BUF];
	bool any = false;

	for (size_t i = 0; i < log->ntests; i++) {
		const struct entry_test *t = &log->tests[i];
		if (t->left < 0 || t->right < 0)
			continue;
		if (!any)
			fputs("  Measured entry tests, left / right (heel rises, or stance seconds):\n", out);
		any = true;
		date_format_iso(t->day, date);
		fprintf(out, "    %s  %3d / %-3d  %s\n", date, t->left, t->right,
			t->passed ? "passed" : "not yet");
	}
}

static void print_summary(FILE *out, const struct report_request *req)
{
	const struct session_log *log = req->log;
	char from[DATE_BUF], to[DATE_BUF];
	int pains[MAX_SPARK];
	size_t npains = 0;
	int planned = 0, done = 0;
	struct side_pass pass = { .n = 0 };

	/* planned days count from the first session: none were planned before it */
	day_t first = !log->nsessions ? req->today + 1 /* none yet: nothing was planned */
		      : log->sessions[0].day > req->since ? log->sessions[0].day : req->since;

	for (day_t d = first; d <= req->today; d++) {
		/* a session done on a day that was not a training day was planned that day
		 * (never 1 of 0); two done on one day are two planned */
		int done_that_day = 0;
		for (size_t i = 0; i < log->nsessions; i++)
			done_that_day += log->sessions[i].day == d &&
					 log->sessions[i].status == SESSION_DONE;
		planned += done_that_day > 0 ? done_that_day : day_set_has_day(req->days, d);
	}
	for (size_t i = 0; i < log->nsessions; i++) {
		const struct session *s = &log->sessions[i];
		if (s->day < req->since || s->day > req->today)
			continue;
		done += s->status == SESSION_DONE;
		if (s->pain_during >= 0) {
			if (npains == MAX_SPARK)
				memmove(pains, pains + 1, (MAX_SPARK - 1) * sizeof(*pains));
			else
				npains++;
			pains[npains - 1] = s->pain_during;
		}
	}
	date_format_iso(req->since, from);
	date_format_iso(req->today, to);
	fprintf(out, "\nFrom %s to %s:\n", from, to);
	fprintf(out, "  Sessions done: %d of %d planned", done, planned);
	if (planned)
		fprintf(out, " (%d%%)", done >= planned ? 100 : done * 100 / planned);
	fprintf(out, "\n  Streak: %d planned day%s met in a row\n",
		planned_streak(log, req->days, req->today),
		planned_streak(log, req->days, req->today) == 1 ? "" : "s");

	collect_sides(req, &pass);
	if (pass.n) {
		enum sore_side sore = log->ntriages ? log->triages[log->ntriages - 1].sore : SORE_BOTH;
		fputs(sore == SORE_BOTH ? "  Left and right, mean per set:\n"
					: "  Left and right, mean per set (* the sore side):\n", out);
		for (size_t i = 0; i < pass.n; i++) {
			struct strbuf line;
			sb_init(&line);
			sb_printf(&line, "    %-24.24s", log->exercises[pass.ex[i].exercise]);
			side_text(&line, &pass.ex[i], 0, sore == SORE_LEFT);
			side_text(&line, &pass.ex[i], 1, sore == SORE_RIGHT);
			while (line.len && line.buf[line.len - 1] == ' ') /* no trailing blanks */
				line.buf[--line.len] = '\0';
			fprintf(out, "%s\n", line.buf);
			sb_free(&line);
		}
	}
	print_pains(out, "Pain during sessions", pains, npains, req->utf8);
	npains = 0;
	for (size_t i = 0; i < log->nmornings; i++) {
		const struct morning_rating *m = &log->mornings[i];
		if (m->day < req->since || m->day > req->today)
			continue;
		if (npains == MAX_SPARK)
			memmove(pains, pains + 1, (MAX_SPARK - 1) * sizeof(*pains));
		else
			npains++;
		pains[npains - 1] = m->pain;
	}
	print_pains(out, "Pain the morning after", pains, npains, req->utf8);
	print_tests(out, log);
}

void report_history(FILE *out, const struct report_request *req)
{
	if (req->log->nsessions == 0)
		fputs("No sessions yet.\n", out);
	else
		print_table(out, req->log);
	print_summary(out, req);
}

static void csv_field(FILE *out, const char *s, bool last)
{
	if (strpbrk(s, ",\"\n\r")) {
		fputc('"', out);
		for (; *s; s++) {
			if (*s == '"')
				fputc('"', out);
			fputc(*s, out);
		}
		fputc('"', out);
	} else {
		fputs(s, out);
	}
	fputc(last ? '\n' : ',', out);
}

/* A number, or "" when the record had none; text instead when it was written so. */
static void csv_number(FILE *out, long v, const char *text, bool last)
{
	char buf[24] = "";

	if (text)
		copy_str(buf, sizeof(buf), text);
	else if (v >= 0)
		snprintf(buf, sizeof(buf), "%ld", v);
	csv_field(out, buf, last);
}

void report_csv(FILE *out, const struct report_request *req)
{
	static char *const as_number[SET_NUMBERS];
	const struct session_log *log = req->log;
	struct set_cursor at = { 0 };
	struct set_entry e;

	fputs("date,time,session,program,level,exercise,side,set,reps,target,secs,status,"
	      "pain_during,pain_after\n", out);
	while (session_log_next_set(log, &at, &e)) {
		const struct session *s = &log->sessions[e.session];
		char *const *text = e.verbatim ? e.verbatim->text : as_number;
		char date[DATE_BUF], time[16];

		date_format_iso(e.day, date);
		snprintf(time, sizeof(time), "%02d:%02d:%02d", e.secs_of_day / 3600,
			 e.secs_of_day / 60 % 60, e.secs_of_day % 60);
		csv_field(out, date, false);
		csv_field(out, time, false);
		csv_field(out, s->id, false);
		csv_field(out, s->program, false);
		csv_number(out, s->level, NULL, false);
		csv_field(out, log->exercises[e.exercise], false);
		csv_field(out, e.side != SIDE_NONE ? side_name[e.side] : "", false);
		csv_number(out, e.set, text[0], false);
		csv_number(out, e.reps, text[1], false);
		csv_number(out, e.target, text[2], false);
		csv_number(out, e.secs, text[3], false);
		csv_field(out, session_status_name[s->status], false);
		csv_number(out, s->pain_during, NULL, false);
		csv_number(out, s->pain_after, NULL, true);
	}
}
