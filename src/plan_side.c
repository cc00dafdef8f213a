/* --plan with several programs at once: a column a program (and one for the run days),
 * a row a day, or each day's programs stacked under it when the columns do not fit. */
#include "plan.h"

#include <string.h>

#include "config.h"
#include "plan_moves.h"
#include "routine.h"
#include "runs.h"
#include "text.h"
#include "util.h"

#define MAX_COLUMNS (1 + CONFIG_MAX_ALSO + 1) /* the programs, and the runs */
#define DATE_COL 12                             /* "Mon 23 Nov  " */
#define TODAY_MARK " <- today" /* after every column, so it reads as the row's; one
				 * space after the last: three columns and the long run fit 80 */

/* The first program and the sides, as one list. */
static int programs(const struct plan_request *req, struct plan_side *out)
{
	int n = 0;

	out[n].program = req->program;
	out[n].level = req->level;
	out[n].day_levels = req->day_levels;
	out[n].why = req->why;
	out[n].forecast = req->forecast;
	out[n].days = req->days;
	out[n++].days_limited = req->days_limited;
	for (int i = 0; i < req->nside && n < MAX_COLUMNS - 1; i++)
		out[n++] = req->side[i];
	return n;
}

/* The last session of prog on day d (one without a program counts as the first's). */
static const struct session *session_on(const struct plan_request *req, const struct program *prog,
					day_t d)
{
	const struct session *found = NULL;

	for (size_t i = 0; req->log && i < req->log->nsessions; i++) {
		const struct session *s = &req->log->sessions[i];
		if (s->day == d && (strcmp(s->program, prog->name) == 0 ||
				    (!s->program[0] && prog == req->program)))
			found = s;
	}
	return found;
}

/* What a program does on day d: "level 3, 31 min", "rest", "done", "missed". */
static void cell(const struct plan_request *req, const struct plan_side *p, day_t d, char *buf,
		 size_t len)
{
	const struct session *s = d <= req->today ? session_on(req, p->program, d) : NULL;
	int level, minutes;

	if (s) {
		copy_str(buf, len, session_status_name[s->status]);
		return;
	}
	if (!day_set_has_day(p->days, d)) {
		copy_str(buf, len, "rest");
		return;
	}
	if (d < req->today) {
		copy_str(buf, len, "missed");
		return;
	}
	level = p->day_levels ? p->day_levels[d - req->today] : p->level;
	minutes = estimate_minutes(session_estimate_secs(p->program, level));
	snprintf(buf, len, "level %d, %d min", level, minutes);
}

struct grid {
	struct plan_side prog[MAX_COLUMNS];
	int nprog;
	bool runs;              /* a column for the run days */
	int width[MAX_COLUMNS]; /* of each column */
};

/* A day before today: the runs done ("ran 10.0 km"), or "". */
static void runs_done(const struct plan_request *req, day_t d, char *buf, size_t len)
{
	long metres = 0;

	for (size_t i = 0; req->log && i < req->log->nruns; i++)
		if (req->log->runs[i].day == d)
			metres += req->log->runs[i].metres;
	copy_str(buf, len, metres ? "ran " : "");
	if (metres)
		format_distance(metres, (enum units)req->units, buf + 4, len - 4);
}

static void cells(const struct plan_request *req, const struct grid *g, day_t d,
		  char text[MAX_COLUMNS][80])
{
	for (int i = 0; i < g->nprog; i++)
		cell(req, &g->prog[i], d, text[i], sizeof(text[i]));
	if (g->runs && d < req->today)
		runs_done(req, d, text[g->nprog], sizeof(text[0]));
	else if (g->runs)
		plan_run_cell(req->run_days, req->long_run_day, d, req->run_cap, true, text[g->nprog],
			      sizeof(text[0]));
}

/* The last column a row fills: today's row every column, for its mark after them. */
static int last_column(const struct grid *g, char text[MAX_COLUMNS][80], bool today)
{
	int last = g->nprog + g->runs - 1;

	while (!today && last > 0 && !text[last][0])
		last--;
	return last;
}

/* The length of a row: the cells before the last one padded, today's mark after. */
static int sum_widths(const struct grid *g, int n)
{
	int sum = 0;

	for (int i = 0; i < n; i++)
		sum += g->width[i];
	return sum;
}

static int row_length(const struct grid *g, char text[MAX_COLUMNS][80], bool today)
{
	int last = last_column(g, text, today), len = DATE_COL;

	if (today)
		return len + sum_widths(g, last + 1) + 2 * last + (int)strlen(TODAY_MARK);
	for (int i = 0; i < last; i++)
		len += g->width[i] + 2;
	return len + text_width(text[last]) + (today ? (int)strlen(TODAY_MARK) : 0);
}

/* The columns' widths over the days shown; false when a row does not fit req->width. */
static bool measure(const struct plan_request *req, struct grid *g, day_t first, day_t last)
{
	char text[MAX_COLUMNS][80];
	int ncol = g->nprog + g->runs;
	bool fits = true;

	for (int i = 0; i < g->nprog; i++)
		g->width[i] = text_width(g->prog[i].program->name);
	if (g->runs)
		g->width[g->nprog] = 3; /* "run" */
	for (day_t d = first; d <= last; d++) {
		cells(req, g, d, text);
		for (int i = 0; i < ncol; i++)
			if (text_width(text[i]) > g->width[i])
				g->width[i] = text_width(text[i]);
	}
	for (day_t d = first; d <= last; d++) {
		cells(req, g, d, text);
		fits = fits && row_length(g, text, d == req->today) <= req->width;
	}
	return fits;
}

/* One row: the cells padded to their columns, the last one not (no trailing spaces). */
static void put_row(FILE *out, const struct grid *g, const char *date, char text[MAX_COLUMNS][80],
		    bool today)
{
	int last = last_column(g, text, today);
	struct strbuf sb;

	sb_init(&sb);
	sb_printf(&sb, "%-*s", DATE_COL, date);
	for (int i = 0; i <= last; i++) {
		sb_puts(&sb, text[i]);
		if (i < last || today)
			for (int pad = text_width(text[i]); pad < g->width[i] + 2 * (i < last); pad++)
				sb_putc(&sb, ' ');
	}
	if (!today)
		while (sb.len && sb.buf[sb.len - 1] == ' ')
			sb.buf[--sb.len] = '\0';
	fprintf(out, "%s%s\n", sb.buf, today ? TODAY_MARK : "");
	sb_free(&sb);
}

static void print_days(FILE *out, const struct plan_request *req, struct grid *g, day_t first,
		       day_t last, bool side_by_side)
{
	char text[MAX_COLUMNS][80], date[DATE_BUF];

	if (side_by_side) {
		for (int i = 0; i < g->nprog; i++)
			copy_str(text[i], sizeof(text[i]), g->prog[i].program->name);
		if (g->runs)
			copy_str(text[g->nprog], sizeof(text[0]), "run");
		put_row(out, g, "", text, false);
	}
	for (day_t d = first; d <= last; d++) {
		date_format_short(d, date);
		cells(req, g, d, text);
		if (side_by_side) {
			put_row(out, g, date, text, d == req->today);
			continue;
		}
		fprintf(out, "%s%s\n", date, d == req->today ? TODAY_MARK : "");
		for (int i = 0; i < g->nprog; i++) {
			struct strbuf sb;
			sb_init(&sb);
			sb_printf(&sb, "%s: %s", g->prog[i].program->name, text[i]);
			fputs("  ", out);
			plan_put_wrapped(out, req->width, 2, 4, sb.buf);
			sb_free(&sb);
		}
		if (g->runs && text[g->nprog][0]) {
			fputs("  ", out);
			plan_put_wrapped(out, req->width, 2, 4, text[g->nprog]);
		}
	}
}

static void print_heading(FILE *out, const struct plan_request *req, const struct plan_side *p)
{
	char level[40];
	struct strbuf sb;

	sb_init(&sb);
	format_level(p->program, p->level, level, sizeof(level));
	sb_printf(&sb, "%s (%s): %s", p->program->title, p->program->name, level);
	plan_put_wrapped(out, req->width, 0, 2, sb.buf);
	if (p->why)
		plan_put_wrapped(out, req->width, 0, 2, p->why);
	sb.len = 0;
	sb.buf[0] = '\0';
	sb_puts(&sb, "Training days:");
	for (int i = 0, n = 0; i < 7; i++) {
		int wd = (req->week_start + i) % 7;
		if (day_set_has(p->days, wd))
			sb_printf(&sb, "%s %s", n++ ? "," : "", weekday_title[wd]);
	}
	if (p->days_limited)
		sb_printf(&sb, " (the program's own: at most %d a week)", p->program->max_days);
	plan_put_wrapped(out, req->width, 0, 2, sb.buf);
	sb_free(&sb);
}

/* The exercises of prog at level narrower than plan_print's columns: a wrapped line
 * each, "  main: Heavy raise, 3 x 15 each side" (as the calendar has them). */
static void print_exercises_narrow(FILE *out, int width, const struct program *prog, int level)
{
	for (size_t i = 0; i < prog->nexercises; i++) {
		const struct exercise *ex = &prog->exercises[i];
		char dose[320];
		struct strbuf sb;

		if (!exercise_at_level(ex, level))
			continue;
		format_dose(ex, level, dose, sizeof(dose));
		sb_init(&sb);
		sb_printf(&sb, "%s: %s, %s", phase_title[ex->phase], ex->title, dose);
		fputs("  ", out);
		plan_put_wrapped(out, width, 2, 4, sb.buf);
		sb_free(&sb);
	}
}

/* Each program's exercises at the level of its first training day shown; with --full,
 * at each level the days shown reach too. Side by side or stacked alike. */
static void print_exercises(FILE *out, const struct plan_request *req, const struct grid *g)
{
	int ndays = 7 * req->weeks;

	for (int i = 0; i < g->nprog; i++) {
		const struct plan_side *p = &g->prog[i];
		bool shown[MAX_LEVELS + 1] = { false };

		for (day_t d = req->today; d < req->today + ndays; d++) {
			int level = p->day_levels ? p->day_levels[d - req->today] : p->level;
			char date[DATE_BUF];

			if (!day_set_has_day(p->days, d) || level < 0 || level > MAX_LEVELS ||
			    shown[level])
				continue;
			shown[level] = true;
			date_format_short(d, date);
			fprintf(out, "\n%s, level %d, from %s:\n", p->program->name, level, date);
			if (req->width >= PLAN_WIDTH)
				plan_print_exercises(out, p->program, level);
			else
				print_exercises_narrow(out, req->width, p->program, level);
			if (!req->full)
				break;
		}
	}
}

static void print_range(FILE *out, day_t from, day_t to, const char *what)
{
	char a[DATE_BUF], b[DATE_BUF];
	struct civil_date ca = civil_from_days(from), cb = civil_from_days(to);

	date_format_short(from, a);
	date_format_short(to, b);
	if (ca.year == cb.year)
		fprintf(out, "\n%s - %s %d%s\n", a, b, cb.year, what);
	else
		fprintf(out, "\n%s %d - %s %d%s\n", a, ca.year, b, cb.year, what);
}

void plan_print_side(FILE *out, const struct plan_request *req)
{
	struct grid g;
	bool fits = true;
	day_t first = req->today - req->past_days, last = req->today + 7 * req->weeks - 1;

	memset(&g, 0, sizeof(g));
	g.nprog = programs(req, g.prog);
	g.runs = req->run_days != 0;
	if (req->note)
		plan_put_wrapped(out, req->width, 0, 2, req->note);
	for (int i = 0; i < g.nprog; i++)
		print_heading(out, req, &g.prog[i]);
	if (req->runs)
		plan_put_wrapped(out, req->width, 0, 2, req->runs);
	plan_print_runs(out, req, req->width);
	if (req->warning)
		plan_put_wrapped(out, req->width, 0, 2, req->warning);
	fits = measure(req, &g, first, last);
	if (req->past_days > 0) {
		print_range(out, first, req->today - 1, ": what happened");
		print_days(out, req, &g, first, req->today - 1, fits);
	}
	for (day_t from = req->today; from <= last; from += 7) {
		print_range(out, from, from + 6, "");
		print_days(out, req, &g, from, from + 6, fits);
	}
	fputc('\n', out);
	plan_put_wrapped(out, req->width, 0, 2, "Levels after today are forecasts: if every "
			 "session goes well.");
	for (int i = 0; i < g.nprog; i++)
		if (g.prog[i].forecast) {
			struct strbuf sb;
			sb_init(&sb);
			sb_printf(&sb, "%s: %s", g.prog[i].program->name, g.prog[i].forecast);
			plan_put_wrapped(out, req->width, 0, 2, sb.buf);
			sb_free(&sb);
		}
	print_exercises(out, req, &g);
	fputc('\n', out);
	plan_put_wrapped(out, req->width, 0, 2, "talus --plan --program NAME shows one program's "
			 "days in full.");
}
