#include "plan.h"

#include <string.h>

#include "plan_moves.h"
#include "routine.h"
#include "text.h"
#include "util.h"

#define PHASE_COL 2
#define TITLE_COL 13
#define DOSE_COL 41
#define DATE_WIDTH 10 /* "Mon 23 Nov" */

day_set plan_training_days(const struct program *prog, day_set user_days, bool *limited)
{
	*limited = false;
	if (!user_days)
		return prog->days;
	if (prog->max_days && day_set_count(user_days) > prog->max_days) {
		*limited = true;
		return prog->days;
	}
	return user_days;
}

static void pad_to(FILE *out, int *col, int target)
{
	if (*col >= target) {
		fputc('\n', out);
		*col = 0;
	}
	for (; *col < target; (*col)++)
		fputc(' ', out);
}

/* Writes text from column col (where the line already is), wrapping at word breaks
 * to stay inside width and going on at column indent. Words are joined by one
 * space, so a padded date ("Wed  9 Dec") reads as a sentence. */
void plan_put_wrapped(FILE *out, int width, int col, int indent, const char *text)
{
	struct strbuf words;
	const char *line;

	sb_init(&words);
	for (const char *p = text; *p; p++)
		if (*p != ' ' || (p[1] && p[1] != ' ' && words.len))
			sb_putc(&words, *p);
	line = words.buf;
	do {
		const char *rest;
		size_t n;

		if (line != words.buf) {
			col = 0;
			pad_to(out, &col, indent);
		}
		n = text_wrap(line, width - col, &rest);
		fwrite(line, 1, n, out);
		fputc('\n', out);
		line = rest;
	} while (*line);
	sb_free(&words);
}

static void put_wrapped(FILE *out, int col, int indent, const char *text)
{
	plan_put_wrapped(out, PLAN_WIDTH, col, indent, text);
}

/* A sentence of its own, continued with a two-space indent. */
static void print_line_wrapped(FILE *out, const char *text)
{
	put_wrapped(out, 0, 2, text);
}

static void print_day_list(FILE *out, const struct plan_request *req)
{
	int week_start = req->week_start;
	const char *sep = "";

	fputs("Training days:", out);
	for (int i = 0; i < 7; i++) {
		int wd = (week_start + i) % 7;
		if (day_set_has(req->days, wd)) {
			fprintf(out, "%s %s", sep, weekday_title[wd]);
			sep = ",";
		}
	}
	if (req->days_limited)
		fprintf(out, " (the program's own: at most %d a week)", req->program->max_days);
	fputc('\n', out);
}

/* Exercises done at level (levels 1 up share theirs; level 0 has its own). */
static size_t count_at_level(const struct program *prog, int level)
{
	size_t n = 0;

	for (size_t i = 0; i < prog->nexercises; i++)
		n += exercise_at_level(&prog->exercises[i], level);
	return n;
}

/* Exercises whose dose at level differs from their dose at base_level (both 1 up). */
static size_t count_changed(const struct program *prog, int level, int base_level)
{
	size_t n = 0;

	for (size_t i = 0; i < prog->nexercises; i++) {
		char a[320], b[320];
		if (!exercise_at_level(&prog->exercises[i], level))
			continue;
		format_dose(&prog->exercises[i], level, a, sizeof(a));
		format_dose(&prog->exercises[i], base_level, b, sizeof(b));
		n += strcmp(a, b) != 0;
	}
	return n;
}

/* Each exercise at level, or with base_level > 0 only those whose dose differs from
 * base_level's; the phase is named on the first line shown of each phase. */
static void print_session(FILE *out, const struct program *prog, int level, int base_level)
{
	int last_phase = -1;

	for (size_t i = 0; i < prog->nexercises; i++) {
		const struct exercise *ex = &prog->exercises[i];
		char dose[320], base[320];
		int col = 0;

		if (!exercise_at_level(ex, level))
			continue;
		format_dose(ex, level, dose, sizeof(dose));
		if (base_level > 0) {
			format_dose(ex, base_level, base, sizeof(base));
			if (strcmp(dose, base) == 0)
				continue;
		}
		pad_to(out, &col, PHASE_COL);
		if ((int)ex->phase != last_phase) {
			fputs(phase_title[ex->phase], out);
			col += (int)strlen(phase_title[ex->phase]);
			last_phase = (int)ex->phase;
		}
		pad_to(out, &col, TITLE_COL);
		fputs(ex->title, out);
		col += text_width(ex->title);
		pad_to(out, &col, DOSE_COL);
		put_wrapped(out, col, DOSE_COL, dose);
	}
}

/* "Mon 7 Dec": the short date without the padding before a one-digit day. */
static void plain_date(day_t d, char *buf)
{
	char tmp[DATE_BUF], *o = buf;

	date_format_short(d, tmp);
	for (const char *p = tmp; *p; p++)
		if (!(*p == ' ' && p[1] == ' '))
			*o++ = *p;
	*o = '\0';
}

static void print_range_heading(FILE *out, day_t first, day_t last, const char *what)
{
	char from[DATE_BUF], to[DATE_BUF];
	struct civil_date a = civil_from_days(first), b = civil_from_days(last);

	date_format_short(first, from);
	date_format_short(last, to);
	if (a.year == b.year)
		fprintf(out, "\n%s - %s %d%s\n", from, to, b.year, what);
	else
		fprintf(out, "\n%s %d - %s %d%s\n", from, a.year, to, b.year, what);
}

static void begin_day(FILE *out, const struct plan_request *req, day_t d)
{
	char date[DATE_BUF];

	date_format_short(d, date);
	if (req->bold)
		fputs("\033[1m", out);
	fprintf(out, "%s  ", date);
}

static void end_day(FILE *out, const struct plan_request *req, day_t d)
{
	if (req->bold)
		fputs("\033[0m", out);
	fputs(d == req->today ? "  <- today\n" : "\n", out);
}

/* A run day to come: the run after the day's exercises, with the cap on it. */
static void print_run(FILE *out, const struct plan_request *req, day_t d)
{
	char run[80];

	plan_run_cell(req->run_days, req->long_run_day, d, req->run_cap, false, run,
		      sizeof(run));
	if (run[0])
		fprintf(out, "  %s\n", run);
}

/* "done, level 2, pain 3/1"; "quit after 12 of 40 sets, level 2, pain not rated" */
static void describe_session(struct strbuf *sb, const struct plan_request *req,
			     const struct session *s)
{
	if (s->status == SESSION_DONE)
		sb_puts(sb, "done");
	else if (s->planned > 0)
		sb_printf(sb, "%s after %d of %d sets", session_status_name[s->status], s->sets_done,
			  s->planned);
	else
		sb_printf(sb, "%s after %d sets", session_status_name[s->status], s->sets_done);
	if (s->program[0] && strcmp(s->program, req->program->name) != 0)
		sb_printf(sb, ", %s", s->program);
	if (s->level == 0)
		sb_puts(sb, ", level 0 (protective)");
	else if (s->level > 0)
		sb_printf(sb, ", level %d", s->level);
	if (s->pain_during < 0 && s->pain_after < 0)
		sb_puts(sb, ", pain not rated");
	else if (s->pain_after < 0)
		sb_printf(sb, ", pain %d/-", s->pain_during);
	else if (s->pain_during < 0)
		sb_printf(sb, ", pain -/%d", s->pain_after);
	else
		sb_printf(sb, ", pain %d/%d", s->pain_during, s->pain_after);
}

/* What happened on day d: its sessions, or missed, or rest. False when nothing is
 * recorded that day (so today can still be planned). */
static bool describe_day(struct strbuf *sb, const struct plan_request *req, day_t d)
{
	size_t n = 0;

	for (size_t i = 0; req->log && i < req->log->nsessions; i++) {
		const struct session *s = &req->log->sessions[i];
		if (s->day != d)
			continue;
		if (n++)
			sb_puts(sb, "; ");
		describe_session(sb, req, s);
	}
	if (n)
		return true;
	sb_puts(sb, day_set_has_day(req->days, d) ? "missed" : "rest");
	return false;
}

static void print_past_day(FILE *out, const struct plan_request *req, day_t d)
{
	struct strbuf sb;

	sb_init(&sb);
	describe_day(&sb, req, d);
	begin_day(out, req, d);
	if (req->bold) {
		fputs(sb.buf, out);
		end_day(out, req, d);
	} else {
		put_wrapped(out, DATE_WIDTH + 2, DATE_WIDTH + 2, sb.buf);
	}
	sb_free(&sb);
}

/* The first day each level's exercises were printed on, so a later day at that level
 * refers to it instead of repeating them; and the first day printed in full, which a
 * day at another level refers to for the exercises that do not change. */
struct shown_levels {
	day_t day[MAX_LEVELS + 1];
	day_t base_day;
	int base_level;
};

static void print_coming_day(FILE *out, const struct plan_request *req, day_t d, int level,
			     struct shown_levels *shown)
{
	int minutes = estimate_minutes(session_estimate_secs(req->program, level));
	bool known = level >= 0 && level <= MAX_LEVELS;
	int base_level = 0;
	size_t changed;
	char first[DATE_BUF];

	if (d == req->today && req->log) {
		struct strbuf sb;
		bool happened;

		sb_init(&sb);
		happened = describe_day(&sb, req, d);
		if (happened) {
			begin_day(out, req, d);
			fputs(sb.buf, out);
			end_day(out, req, d);
		}
		sb_free(&sb);
		if (happened)
			return;
	}
	begin_day(out, req, d);
	if (!day_set_has_day(req->days, d)) {
		fputs("rest", out);
		end_day(out, req, d);
		return;
	}
	fprintf(out, "training, level %d%s%s, about %d min", level,
		level == 0 ? " (protective)" : "", level != req->level ? " (forecast)" : "",
		minutes);
	if (!req->full && known && shown->day[level] >= 0) {
		plain_date(shown->day[level], first);
		fprintf(out, ": as %s", first);
		end_day(out, req, d);
		return;
	}
	if (level == 0) { /* exercises of its own: in full, and never the base of another day */
		shown->day[0] = d;
		end_day(out, req, d);
		print_session(out, req->program, 0, 0);
		return;
	}
	changed = shown->base_day >= 0 ? count_changed(req->program, level, shown->base_level) : 0;
	if (!req->full && shown->base_day >= 0 && changed == 0) {
		/* the same exercises and doses as the first day, at another level number */
		plain_date(shown->base_day, first);
		fprintf(out, ": as %s", first);
		end_day(out, req, d);
		return;
	}
	if (known)
		shown->day[level] = d;
	if (!req->full && shown->base_day >= 0 && changed < count_at_level(req->program, level)) {
		base_level = shown->base_level;
		plain_date(shown->base_day, first);
		fprintf(out, ": as %s, except", first);
	} else if (shown->base_day < 0) {
		shown->base_day = d;
		shown->base_level = level;
	}
	end_day(out, req, d);
	print_session(out, req->program, level, base_level);
}

void plan_print(FILE *out, const struct plan_request *req)
{
	const struct program *prog = req->program;
	struct shown_levels shown;
	char level[40];

	for (int i = 0; i <= MAX_LEVELS; i++)
		shown.day[i] = -1;
	shown.base_day = -1;
	shown.base_level = 0;
	format_level(prog, req->level, level, sizeof(level));
	fprintf(out, "%s (%s): %s\n", prog->title, prog->name, level);
	if (req->note)
		print_line_wrapped(out, req->note);
	if (req->why)
		print_line_wrapped(out, req->why);
	if (req->runs)
		print_line_wrapped(out, req->runs);
	print_day_list(out, req);
	plan_print_runs(out, req, PLAN_WIDTH);
	if (req->warning)
		print_line_wrapped(out, req->warning);
	if (req->past_days > 0) {
		day_t first = req->today - req->past_days;
		print_range_heading(out, first, req->today - 1, ": what happened");
		for (day_t d = first; d < req->today; d++)
			print_past_day(out, req, d);
	}
	for (int w = 0; w < req->weeks; w++) {
		day_t first = req->today + 7 * w;
		print_range_heading(out, first, first + 6, "");
		for (day_t d = first; d < first + 7; d++) {
			print_coming_day(out, req, d, req->day_levels ? req->day_levels[d - req->today] : req->level,
					 &shown);
			print_run(out, req, d);
		}
	}
	if (req->forecast) {
		fputc('\n', out);
		print_line_wrapped(out, req->forecast);
	}
}

void plan_print_exercises(FILE *out, const struct program *prog, int level)
{
	print_session(out, prog, level, 0);
}

void plan_print_runs(FILE *out, const struct plan_request *req, int width)
{
	char line[120];

	plan_run_days_line(req->run_days, req->long_run_day, req->week_start, line, sizeof(line));
	if (line[0])
		plan_put_wrapped(out, width, 0, 2, line);
	if (req->no_running) {
		snprintf(line, sizeof(line), "No running yet: %s first (rehab.md's return-to-run "
			 "criteria).", req->no_running);
		plan_put_wrapped(out, width, 0, 2, line);
	}
	for (int i = 0; i < req->nmoves; i++)
		plan_put_wrapped(out, width, 0, 2, req->moves[i]);
}
