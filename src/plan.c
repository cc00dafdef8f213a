#include "plan.h"

#include <string.h>

#include "routine.h"
#include "text.h"
#include "util.h"

#define PHASE_COL 2
#define TITLE_COL 13
#define DOSE_COL 41

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
 * to stay inside PLAN_WIDTH and going on at column indent. Words are joined by one
 * space, so a padded date ("Wed  9 Dec") reads as a sentence. */
static void put_wrapped(FILE *out, int col, int indent, const char *text)
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
		size_t n = text_wrap(line, PLAN_WIDTH - col, &rest);

		if (line != words.buf) {
			col = 0;
			pad_to(out, &col, indent);
		}
		fwrite(line, 1, n, out);
		fputc('\n', out);
		line = rest;
	} while (*line);
	sb_free(&words);
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

static void print_session(FILE *out, const struct program *prog, int level)
{
	int last_phase = -1;

	for (size_t i = 0; i < prog->nexercises; i++) {
		const struct exercise *ex = &prog->exercises[i];
		char dose[320];
		int col = 0;

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
		format_dose(ex, level, dose, sizeof(dose));
		put_wrapped(out, col, DOSE_COL, dose);
	}
}

day_t plan_first_day(day_t day, int week_start)
{
	return day - (weekday(day) - week_start + 7) % 7;
}

static void print_week(FILE *out, const struct plan_request *req, day_t first, const int *levels)
{
	char from[DATE_BUF], to[DATE_BUF];
	struct civil_date a = civil_from_days(first), b = civil_from_days(first + 6);

	date_format_short(first, from);
	date_format_short(first + 6, to);
	if (a.year == b.year)
		fprintf(out, "\nWeek of %s - %s %d\n", from, to, b.year);
	else
		fprintf(out, "\nWeek of %s %d - %s %d\n", from, a.year, to, b.year);
	for (day_t d = first; d < first + 7; d++) {
		bool training = day_set_has_day(req->days, d);
		int level = levels ? levels[d - first] : req->level;
		int minutes = (session_estimate_secs(req->program, level) + 30) / 60;
		char date[DATE_BUF];

		date_format_short(d, date);
		if (req->bold)
			fputs("\033[1m", out);
		fprintf(out, "%s  ", date);
		if (training)
			fprintf(out, "training, level %d%s, about %d min", level,
				level != req->level ? " (forecast)" : "", minutes < 1 ? 1 : minutes);
		else
			fputs("rest", out);
		if (req->bold)
			fputs("\033[0m", out);
		fputs(d == req->today ? "  <- today\n" : "\n", out);
		if (training)
			print_session(out, req->program, level);
	}
}

void plan_print(FILE *out, const struct plan_request *req)
{
	const struct program *prog = req->program;
	day_t first = plan_first_day(req->today, req->week_start);

	fprintf(out, "%s (%s): level %d of %d\n", prog->title, prog->name, req->level, prog->levels);
	if (req->why)
		print_line_wrapped(out, req->why);
	print_day_list(out, req);
	if (req->warning)
		print_line_wrapped(out, req->warning);
	for (int w = 0; w < req->weeks; w++)
		print_week(out, req, first + 7 * w, req->day_levels ? req->day_levels + 7 * w : NULL);
	if (req->forecast) {
		fputc('\n', out);
		print_line_wrapped(out, req->forecast);
	}
}
