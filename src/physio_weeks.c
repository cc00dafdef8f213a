/* --report's table of weeks: sessions done of those planned, pain during, after and
 * the next morning, and runs (with the most one hurt) against the cap on the day. */
#include "physio_report.h"

#include <string.h>

#include "runs.h"
#include "util.h"

struct week {
	int planned, done, quit, interrupted;
	int during_sum, during_n, during_max;
	int after_sum, after_n, after_max;
	int morning_sum, morning_n, morning_max;
	int runs, over, run_pain; /* the most a run hurt, -1 with none rated */
	long metres, longest, cap;
};

static void add_pain(int v, int *sum, int *n, int *max)
{
	if (v < 0)
		return;
	*sum += v;
	(*n)++;
	if (v > *max)
		*max = v;
}

static void fill_week(const struct physio_request *req, day_t from, struct week *w)
{
	const struct session_log *log = req->log;
	day_t to = from + 6 < req->today ? from + 6 : req->today;
	struct run_cap cap;

	memset(w, 0, sizeof(*w));
	w->during_max = w->after_max = w->morning_max = w->run_pain = -1;
	for (day_t d = from; d <= to; d++) {
		bool done = false;
		for (size_t i = 0; i < log->nsessions; i++) {
			const struct session *s = &log->sessions[i];
			if (s->day != d || s->start_when > req->now)
				continue;
			done |= s->status == SESSION_DONE;
			w->quit += s->status == SESSION_QUIT;
			w->interrupted += s->status == SESSION_INTERRUPTED;
			add_pain(s->pain_during, &w->during_sum, &w->during_n, &w->during_max);
			add_pain(s->pain_after, &w->after_sum, &w->after_n, &w->after_max);
		}
		/* today counts as planned once it is done: it is not missed yet; the days
		 * before the runner began are not missed either; a day with a session done
		 * was planned that day, training day or not (never 1 of 0) */
		w->planned += done || (day_set_has_day(req->days, d) && d >= req->began &&
				       d < req->today);
		w->done += done;
	}
	for (size_t i = 0; i < log->nmornings; i++)
		if (log->mornings[i].day >= from && log->mornings[i].day <= to &&
		    log->mornings[i].when <= req->now)
			add_pain(log->mornings[i].pain, &w->morning_sum, &w->morning_n, &w->morning_max);
	run_cap(log, from, req->now, &cap);
	w->cap = cap.metres;
	for (size_t i = 0; i < log->nruns; i++) {
		const struct run *r = &log->runs[i];
		struct run_cap then;
		if (r->day < from || r->day > to || r->when > req->now)
			continue;
		w->runs++;
		if (r->pain > w->run_pain)
			w->run_pain = r->pain;
		w->metres += r->metres;
		if (r->metres > w->longest)
			w->longest = r->metres;
		run_cap(log, r->day, r->when - 1, &then);
		/* a walk/run session follows its ladder, not the cap */
		w->over += !r->walk_run && then.metres > 0 && r->metres > then.metres;
	}
}

static void pain_cell(char *buf, size_t len, int sum, int n, int max)
{
	if (n)
		snprintf(buf, len, "%.1f (%d)", (double)sum / n, max);
	else
		copy_str(buf, len, "-");
}

static void distance_cell(char *buf, size_t len, long metres, int units)
{
	if (metres > 0)
		format_distance(metres, (enum units)units, buf, len);
	else
		copy_str(buf, len, "-");
}

void physio_print_weeks(FILE *out, const struct physio_request *req)
{
	static const char *const head[] = { "Week of", "Done", "During", "After", "Morning",
					    "Runs", "Total", "Longest", "Cap" };
	const char *row = req->markdown ? "| %s | %s | %s | %s | %s | %s | %s | %s | %s%s |\n"
					: "%-10s  %-5s %-8s %-8s %-8s%7s %7s %7s %7s%s\n";
	struct week all;
	int total_runs = 0, total_over = 0;

	memset(&all, 0, sizeof(all));
	fprintf(out, req->markdown ? "\n## %s\n\n" : "\n%s\n",
		"Weeks: pain 0-10 as mean (highest); done of days planned; runs (most pain)");
	fprintf(out, row, head[0], head[1], head[2], head[3], head[4], head[5], head[6], head[7],
		head[8], "");
	if (req->markdown)
		fputs("|---|---|---|---|---|---:|---:|---:|---:|\n", out);
	for (day_t from = req->since; from <= req->today; from += 7) {
		struct week w;
		char date[DATE_BUF], done[16], during[16], after[16], morning[16], runs[24];
		char total[32], longest[32], cap[32];

		fill_week(req, from, &w);
		date_format_iso(from, date);
		snprintf(done, sizeof(done), "%d/%d", w.done, w.planned);
		pain_cell(during, sizeof(during), w.during_sum, w.during_n, w.during_max);
		pain_cell(after, sizeof(after), w.after_sum, w.after_n, w.after_max);
		pain_cell(morning, sizeof(morning), w.morning_sum, w.morning_n, w.morning_max);
		if (w.run_pain >= 0)
			snprintf(runs, sizeof(runs), "%d (%d)", w.runs, w.run_pain);
		else
			snprintf(runs, sizeof(runs), "%d", w.runs);
		distance_cell(total, sizeof(total), w.metres, req->units);
		distance_cell(longest, sizeof(longest), w.longest, req->units);
		distance_cell(cap, sizeof(cap), w.cap, req->units);
		fprintf(out, row, date, done, during, after, morning, runs, total, longest, cap,
			w.over ? " over" : "");
		all.planned += w.planned;
		all.done += w.done;
		all.quit += w.quit;
		all.interrupted += w.interrupted;
		total_runs += w.runs;
		total_over += w.over;
	}
	if (req->markdown)
		fputc('\n', out);
	fprintf(out, "Adherence: %d of %d planned sessions done (%d%%); %d quit, %d interrupted.\n",
		all.done, all.planned, all.planned ? all.done * 100 / all.planned : 100, all.quit,
		all.interrupted);
	if (req->markdown)
		fputc('\n', out);
	fprintf(out, "Runs: %d, %d over the cap on the day (%d%% of the longest in %d days).\n",
		total_runs, total_over, RUN_CAP_PERCENT, RUN_CAP_DAYS);
}

