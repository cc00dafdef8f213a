#include "runs_report.h"

#include <stdarg.h>
#include <string.h>

#include "plan.h"
#include "util.h"

void runs_put_wrapped(FILE *out, const char *fmt, ...)
{
	struct strbuf sb;
	va_list ap;

	sb_init(&sb);
	va_start(ap, fmt);
	sb_vprintf(&sb, fmt, ap);
	va_end(ap);
	plan_put_wrapped(out, PLAN_WIDTH, 0, 2, sb.buf);
	sb_free(&sb);
}

day_t runs_week_of(day_t day, int week_start)
{
	return day - (weekday(day) - week_start + 7) % 7;
}

static long week_metres(const struct session_log *log, day_t from, int64_t now)
{
	long sum = 0;

	for (size_t i = 0; i < log->nruns; i++)
		if (log->runs[i].day >= from && log->runs[i].day < from + 7 && log->runs[i].when <= now)
			sum += log->runs[i].metres;
	return sum;
}

void runs_print(FILE *out, const struct runs_request *req)
{
	const struct session_log *log = req->log;
	day_t this_week = runs_week_of(req->today, req->week_start);
	char d[32], t[96], p[32], pain[8], date[DATE_BUF];
	struct run_cap cap;
	size_t shown = 0;

	for (size_t i = 0; i < log->nruns; i++) {
		const struct run *r = &log->runs[i];
		if (r->when > req->now || r->day < this_week - 7 * (RUNS_WEEKS - 1))
			continue;
		if (!shown++)
			fputs("Date        Distance    Time      Pace       Pain  Shoes\n", out);
		date_format_iso(r->day, date);
		format_distance(r->metres, req->units, d, sizeof(d));
		if (r->metres <= 0) /* a walk/run session off a treadmill: its time only */
			copy_str(d, sizeof(d), "-");
		t[0] = p[0] = '\0';
		if (r->secs > 0) {
			format_duration(r->secs, t, sizeof(t));
			if (r->metres > 0)
				format_pace(r->metres, r->secs, req->units, p, sizeof(p));
		}
		snprintf(pain, sizeof(pain), r->pain >= 0 ? "%d" : "-", r->pain);
		fprintf(out, "%-10s  %-10s  %-8s  %-9s  %4s  %s\n", date, d, t[0] ? t : "-",
			p[0] ? p : "-", pain, r->shoes);
	}
	if (!shown) {
		fputs("No runs in the last 8 weeks. talus --run 5km records one.\n", out);
		return;
	}
	fputs("\nWeek of      Distance    Change\n", out);
	for (int w = RUNS_WEEKS - 1; w >= 0; w--) {
		day_t from = this_week - 7 * w;
		long m = week_metres(log, from, req->now), before = week_metres(log, from - 7, req->now);
		char change[48] = "";
		date_format_short(from, date);
		format_distance(m, req->units, d, sizeof(d));
		if (before > 0)
			snprintf(change, sizeof(change), "%+ld%%", (m - before) * 100 / before);
		else if (m > 0) /* no week before to compare with */
			copy_str(change, sizeof(change), "new");
		fprintf(out, "%-11s  %-10s%s%s\n", date, d, change[0] ? "  " : "", change);
	}
	{
		long now_m = week_metres(log, this_week, req->now);
		long then_m = week_metres(log, this_week - 14, req->now);
		/* this week against two weeks before: the growth Nielsen 2014 followed */
		if (then_m > 0 && (now_m - then_m) * 100 > RUNS_GROWTH_FLAG * then_m)
			runs_put_wrapped(out, "This week is %ld%% above the week two weeks before: "
					 "more than %d%% over two weeks went with more injuries "
					 "(Nielsen 2014).",
				(now_m - then_m) * 100 / then_m, RUNS_GROWTH_FLAG);
	}
	runs_put_wrapped(out, "The 10%%-a-week rule is the familiar guide; a trial found no fewer "
			 "injuries with it (Buist 2008).");
	run_cap(log, req->today, req->now, &cap);
	if (cap.metres > 0) {
		format_distance(cap.metres, req->units, d, sizeof(d));
		run_cap_longest(&cap, req->units, t, sizeof(t));
		runs_put_wrapped(out, "Next run: at most %s (%d%% of the longest in %d days, %s).", d,
			RUN_CAP_PERCENT, RUN_CAP_DAYS, t);
	}
}

/* A pair is retired by a retire-shoes record after its last run. */
static bool retired_at(const struct session_log *log, const char *shoes, int64_t last, int64_t now)
{
	for (size_t i = 0; i < log->nretired; i++)
		if (log->retired[i].when <= now && log->retired[i].when >= last &&
		    strcmp(log->retired[i].shoes, shoes) == 0)
			return true;
	return false;
}

long shoes_distance(const struct session_log *log, const char *shoes, int64_t now, bool *retired)
{
	long sum = -1;
	int64_t last = INT64_MIN;

	for (size_t i = 0; i < log->nruns; i++)
		if (log->runs[i].when <= now && strcmp(log->runs[i].shoes, shoes) == 0) {
			sum = (sum < 0 ? 0 : sum) + log->runs[i].metres;
			last = log->runs[i].when;
		}
	*retired = sum >= 0 && retired_at(log, shoes, last, now);
	return sum;
}

void shoes_print(FILE *out, const struct runs_request *req)
{
	const struct session_log *log = req->log;
	char d[32], left[48], first[DATE_BUF], last[DATE_BUF];
	int in_use = 0, shown = 0;

	for (size_t i = 0; i < log->nruns; i++) {
		const struct run *r = &log->runs[i];
		bool seen = false, retired;
		long m;
		int runs = 0;
		day_t f = r->day, l = r->day;

		if (!r->shoes[0] || r->when > req->now || (req->shoes && strcmp(r->shoes, req->shoes)))
			continue;
		for (size_t j = 0; j < i && !seen; j++)
			seen = strcmp(log->runs[j].shoes, r->shoes) == 0;
		if (seen)
			continue;
		for (size_t j = i; j < log->nruns; j++)
			if (log->runs[j].when <= req->now && strcmp(log->runs[j].shoes, r->shoes) == 0) {
				runs++;
				l = log->runs[j].day;
			}
		m = shoes_distance(log, r->shoes, req->now, &retired);
		if (!shown++)
			fputs("Shoes                 Distance    Runs  First       Last        To the limit\n", out);
		format_distance(m, req->units, d, sizeof(d));
		date_format_iso(f, first);
		date_format_iso(l, last);
		if (retired) {
			copy_str(left, sizeof(left), "retired");
		} else if (m >= req->shoe_limit) {
			copy_str(left, sizeof(left), "past the limit: replace them");
		} else {
			char rest[32];
			format_distance(req->shoe_limit - m, req->units, rest, sizeof(rest));
			snprintf(left, sizeof(left), "%s%s", rest, m >= SHOE_WARN_METRES ? " (worn)" : "");
		}
		in_use += !retired;
		fprintf(out, "%-20.20s  %-10s  %4d  %-10s  %-10s  %s\n", r->shoes, d, runs, first, last,
			left);
	}
	if (!shown) {
		fputs("No run names its shoes yet: talus --run 8km --shoes NAME.\n", out);
		return;
	}
	format_distance(req->shoe_limit, req->units, d, sizeof(d));
	runs_put_wrapped(out, "Limit %s (config: shoe-limit); worn from 300 mi (480 km), the "
			 "source articles' marks.", d);
	if (in_use > 1 && !req->shoes)
		runs_put_wrapped(out, "Several pairs in rotation are fine, and went with fewer "
				 "injuries (Malisoux 2015).");
}

bool runs_note(const struct runs_request *req, char *buf, size_t len)
{
	const struct session_log *log = req->log;
	struct run_cap cap;
	struct strbuf sb;
	char d[32];

	sb_init(&sb);
	run_cap(log, req->today, req->now, &cap);
	/* the walk/run ladder, pain-gated, is the running until it is done (running.md):
	 * a cap beside it would contradict the session it prescribes */
	if (req->no_running)
		sb_printf(&sb, "No running yet: %s first (rehab.md's return-to-run criteria).",
			  req->no_running);
	else if (req->walk_run)
		sb_printf(&sb, "Runs outside the walk/run ladder: none until it is done.");
	else if (cap.metres > 0) {
		format_distance(cap.metres, req->units, d, sizeof(d));
		sb_printf(&sb, "Next run: at most %s (%d%% of your longest in %d days).", d,
			  RUN_CAP_PERCENT, RUN_CAP_DAYS);
	}
	/* the pairs still in use past the first mark */
	for (size_t i = 0; i < log->nruns; i++) {
		const struct run *r = &log->runs[i];
		bool seen = false, retired;
		long m;
		for (size_t j = i + 1; j < log->nruns && !seen; j++)
			seen = strcmp(log->runs[j].shoes, r->shoes) == 0;
		if (seen || !r->shoes[0] || r->when > req->now)
			continue;
		m = shoes_distance(log, r->shoes, req->now, &retired);
		if (retired || m < SHOE_WARN_METRES)
			continue;
		format_distance(m, req->units, d, sizeof(d));
		sb_printf(&sb, "%sWorn shoes: %s (%s%s).", sb.len ? " " : "", r->shoes, d,
			  m >= req->shoe_limit ? ", past the limit" : "");
	}
	copy_str(buf, len, sb.buf ? sb.buf : "");
	sb_free(&sb);
	return buf[0] != '\0';
}
