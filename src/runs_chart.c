#include "runs_chart.h"

#include <stdio.h>
#include <string.h>

#include "redflag.h"
#include "scheduler.h"
#include "util.h"

#define METRES_PER_MILE 1609.344

/* The smallest of 1, 2 or 5 times a power of ten units at or above metres. */
static long round_scale(long metres, enum units units)
{
	double unit = units == UNITS_MI ? METRES_PER_MILE : 1000, v = metres / unit, nice = 1;

	while (nice < v) {
		if (nice * 2 >= v)
			return (long)(nice * 2 * unit + 0.5);
		if (nice * 5 >= v)
			return (long)(nice * 5 * unit + 0.5);
		nice *= 10;
	}
	return (long)(nice * unit + 0.5);
}

void runs_chart(const struct runs_request *req, struct runs_chart *out)
{
	day_t this_week = runs_week_of(req->today, req->week_start);
	long most = 0;

	memset(out, 0, sizeof(*out));
	for (int w = 0; w < RUNS_WEEKS; w++) {
		struct chart_week *cw = &out->week[w];
		cw->from = this_week - 7 * (RUNS_WEEKS - 1 - w);
		for (size_t i = 0; i < req->log->nruns; i++) {
			const struct run *r = &req->log->runs[i];
			if (r->day >= cw->from && r->day < cw->from + 7 && r->when <= req->now) {
				cw->metres += r->metres;
				cw->runs++;
			}
		}
		if (cw->metres > most)
			most = cw->metres;
	}
	run_cap(req->log, req->today, req->now, &out->cap);
	if (out->cap.metres > most)
		most = out->cap.metres;
	out->scale = round_scale(most, req->units);
	if (out->week[RUNS_WEEKS - 2].metres > 0) {
		long last = out->week[RUNS_WEEKS - 2].metres;
		out->has_change = true;
		out->change = (out->week[RUNS_WEEKS - 1].metres - last) * 100 / last;
	}
}

int chart_eighths(const struct runs_chart *c, long metres, int width)
{
	long long e;

	if (metres <= 0 || width <= 0 || c->scale <= 0)
		return 0;
	e = ((long long)metres * width * 8 + c->scale / 2) / c->scale;
	if (e < 1)
		e = 1;
	if (e > (long long)width * 8)
		e = (long long)width * 8;
	return (int)e;
}

int chart_weeks_shown(int rows)
{
	int n = rows - 3; /* the title, the cap's row and its line */

	return n >= RUNS_WEEKS ? RUNS_WEEKS : n < 2 ? 2 : n;
}

size_t runs_pains(const struct session_log *log, day_t from, int64_t now, struct run_pain *out,
		  size_t max)
{
	size_t n = 0;

	for (size_t i = log->nruns; i-- > 0 && n < max;) {
		const struct run *r = &log->runs[i];
		struct run_pain *p;
		if (r->when > now || r->day < from)
			continue;
		p = &out[n++];
		p->day = r->day;
		p->metres = r->metres;
		p->pain = r->pain;
		p->morning = -1;
		for (size_t j = 0; j < log->nmornings; j++) {
			const struct morning_rating *m = &log->mornings[j];
			if (m->when > r->when && m->when <= now && m->day > r->day &&
			    m->when - r->when <= MORNING_AFTER_HOURS * 3600) {
				p->morning = m->pain;
				break;
			}
		}
	}
	return n;
}

bool runs_caution(const struct session_log *log, int64_t now, char *buf, size_t len)
{
	const struct triage *t = log->ntriages ? &log->triages[log->ntriages - 1] : NULL;
	int64_t when;

	buf[0] = '\0';
	if (red_flag_in_force(log, now, &when) >= 0)
		copy_str(buf, len, "A red flag was answered yes: no running until a clinician has seen "
				   "the ankle (then talus --set-level N).");
	else if (t && (t->pathway == PATHWAY_BONE_STRESS || t->where == SITE_BONE_SPOT))
		copy_str(buf, len, "Pain at one spot on a bone (the triage): no running until a "
				   "clinician has seen it.");
	return buf[0] != '\0';
}
