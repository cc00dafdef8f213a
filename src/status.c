/* What --status says: read from the history as loaded, the level and red flags as the
 * scheduler found them, and `now` handed in. It writes nothing. */
#include "status.h"

#include <stdio.h>
#include <string.h>

#include "redflag.h"
#include "routine.h"
#include "runs.h"
#include "runs_report.h"
#include "util.h"

/* Today's session of prog is due on a training day until one of it is done or quit
 * today (a quit is an answer too: nagging after a session stopped for pain helps
 * nobody, *design*). A session without a program is the first program's. */
static bool session_due(const struct status_request *req, const struct program *prog,
			day_set days)
{
	const struct session_log *log = req->log;

	if (!day_set_has_day(days, req->today))
		return false;
	for (size_t i = log->nsessions; i-- > 0;) {
		const struct session *s = &log->sessions[i];
		if (s->day < req->today)
			break;
		if (s->day == req->today && s->start_when <= req->now &&
		    s->status != SESSION_INTERRUPTED &&
		    (s->program[0] ? strcmp(s->program, prog->name) == 0 : prog == req->prog))
			return false;
	}
	return true;
}

/* As the coach asks it: on a later day than the last session or run, within
 * MORNING_AFTER_HOURS of its end, until a rating after it. */
static bool morning_due(const struct status_request *req)
{
	const struct session_log *log = req->log;
	int64_t end;
	day_t day;

	if (!last_exercise(log, req->now, &end, &day) || day >= req->today ||
	    req->now - end > MORNING_AFTER_HOURS * 3600)
		return false;
	for (size_t i = log->nmornings; i-- > 0;)
		if (log->mornings[i].when > end && log->mornings[i].when <= req->now)
			return false;
	return true;
}

/* A red flag in force, else a step back the level stands on. */
static void flare(const struct status_request *req, char *buf, size_t len)
{
	const struct progress *p = req->progress;

	int64_t when;

	buf[0] = '\0';
	/* the advice in force, or a red-flag question answered yes (until a level set by hand
	 * says a clinician has seen the ankle) */
	if ((req->flags && req->flags->flag != RF_NONE && !req->flags->answered_no) ||
	    red_flag_in_force(req->log, req->now, &when) >= 0) {
		copy_str(buf, len, "see a clinician");
		return;
	}
	if (!p)
		return;
	switch (p->reason) {
	case LR_PAIN:
	case LR_MORNING:
	case LR_SEVERE:
	case LR_DELOAD:
	case LR_RUN_PAIN:
		snprintf(buf, len, "back to level %d", p->level);
		break;
	default:
		break;
	}
}

/* The pair last run in, when it is past the first mark and not retired: another worn
 * pair left in the cupboard is not the runner's concern today (README). */
static void worn_shoes(const struct status_request *req, char *buf, size_t len)
{
	const struct session_log *log = req->log;
	char d[32];

	buf[0] = '\0';
	for (size_t i = log->nruns; i-- > 0;) {
		const struct run *r = &log->runs[i];
		bool retired;
		long m;

		if (!r->shoes[0] || r->when > req->now)
			continue;
		m = shoes_distance(log, r->shoes, req->now, &retired);
		if (!retired && m >= SHOE_WARN_METRES) {
			format_distance(m, (enum units)req->units, d, sizeof(d));
			snprintf(buf, len, "%s (%s)", r->shoes, d);
		}
		return;
	}
}

void status_compute(const struct status_request *req, struct status_fields *out)
{
	struct run_cap cap;
	const struct program *shown = req->prog;
	int level = req->progress ? req->progress->level : 1, minutes = 0;

	memset(out, 0, sizeof(*out));
	if (session_due(req, req->prog, req->days))
		minutes = estimate_minutes(session_estimate_secs(req->prog, level));
	/* the programs beside it: the coach offers each due one after the other */
	for (int i = 0; i < req->nothers; i++) {
		const struct status_program *o = &req->others[i];
		int lv = o->progress ? o->progress->level : 1;
		if (!session_due(req, o->prog, o->days))
			continue;
		if (!minutes) {
			shown = o->prog;
			level = lv;
		}
		minutes += estimate_minutes(session_estimate_secs(o->prog, lv));
	}
	if (minutes)
		snprintf(out->session, sizeof(out->session), "%d min", minutes);
	if (morning_due(req))
		copy_str(out->morning, sizeof(out->morning), "morning");
	flare(req, out->flare, sizeof(out->flare));
	worn_shoes(req, out->shoes, sizeof(out->shoes));
	run_cap(req->log, req->today, req->now, &cap);
	if (cap.metres > 0 && !req->no_free_runs)
		format_distance(cap.metres, (enum units)req->units, out->cap, sizeof(out->cap));
	snprintf(out->level, sizeof(out->level), "%d/%d", level, shown->levels);
	copy_str(out->program, sizeof(out->program), shown->name);
	/* the cap is news only beside something due: a bar is not a billboard (*design*) */
	out->due = out->session[0] || out->morning[0] || out->flare[0] || out->shoes[0];
}

void status_line(const struct status_fields *f, char *buf, size_t len)
{
	struct strbuf sb;

	sb_init(&sb);
	sb_puts(&sb, "talus:");
	if (f->session[0])
		sb_printf(&sb, " session %s;", f->session);
	if (f->morning[0])
		sb_puts(&sb, " morning check-in;");
	if (f->flare[0])
		sb_printf(&sb, " %s;", f->flare);
	if (f->shoes[0])
		sb_printf(&sb, " worn shoes %s;", f->shoes);
	if (f->cap[0])
		sb_printf(&sb, " next run <= %s;", f->cap);
	sb.buf[--sb.len] = '\0'; /* the last ';' */
	copy_str(buf, len, f->due ? sb.buf : "");
	sb_free(&sb);
}

bool status_format(const struct status_fields *f, const char *format, char *buf, size_t len,
		   char *bad)
{
	struct strbuf sb;
	bool ok = true;

	sb_init(&sb);
	for (const char *p = format; *p && ok; p++) {
		const char *field = NULL;
		if (*p != '%') {
			sb_putc(&sb, *p);
			continue;
		}
		switch (*++p) {
		case 's': field = f->session; break;
		case 'm': field = f->morning; break;
		case 'f': field = f->flare; break;
		case 'c': field = f->cap; break;
		case 'w': field = f->shoes; break;
		case 'l': field = f->level; break;
		case 'p': field = f->program; break;
		case '%': field = "%"; break;
		default:
			*bad = *p;
			ok = false;
			p--; /* a lone % at the end must not step past the NUL */
			break;
		}
		if (field)
			sb_puts(&sb, field);
	}
	copy_str(buf, len, ok && sb.buf ? sb.buf : "");
	sb_free(&sb);
	return ok;
}
