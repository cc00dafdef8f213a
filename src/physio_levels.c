/* --report's "Programs and levels": each change of level with its day and reason from
 * the scheduler's replay, the one --plan explains, and each new program. */
#include "physio_report.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

static void level_reason(struct strbuf *sb, const struct progress *p,
			 const struct progression_rules *rules)
{
	switch (p->reason) {
	case LR_ADVANCED:
		sb_printf(sb, "up: %d easy sessions (pain <= %d)",
			  rules->advance_sessions, rules->advance_max_pain);
		break;
	case LR_PAIN:
		sb_printf(sb, "back: pain %d", p->pain);
		break;
	case LR_RUN_PAIN:
		sb_printf(sb, "back: pain %d on a run", p->pain);
		break;
	case LR_MORNING:
		sb_printf(sb, "back: the morning after at %d", p->pain);
		break;
	case LR_SEVERE:
		sb_printf(sb, "to the easiest level: pain %d", p->pain);
		break;
	case LR_DELOAD:
		sb_puts(sb, "back: morning pain rose two weeks running");
		break;
	case LR_LAYOFF:
		sb_printf(sb, "back: %d days without a session", p->gap_days);
		break;
	case LR_MANUAL:
		sb_puts(sb, "set by hand");
		break;
	default:
		sb_puts(sb, "as the history stood");
		break;
	}
}

/* Why a session's program was new: the last program's entry test, or the triage. */
static void program_reason(struct strbuf *sb, const struct session_log *log, const char *prev,
			   const struct session *s)
{
	for (size_t i = log->ntests; i-- > 0;)
		if (log->tests[i].when <= s->start_when && log->tests[i].passed &&
		    strcmp(log->tests[i].next, s->program) == 0) {
			sb_printf(sb, "new program: %s's entry test passed", log->tests[i].program);
			return;
		}
	for (size_t i = log->ntriages; i-- > 0;)
		if (log->triages[i].when <= s->start_when && strcmp(log->triages[i].program, s->program) == 0) {
			sb_puts(sb, "new program: chosen at the triage");
			return;
		}
	sb_puts(sb, prev ? "new program" : "the first session");
}

/* One line of "Programs and levels", kept with its day to be put in order. */
struct change {
	day_t day;
	int order; /* a new program before its level changes of that day */
	size_t seq; /* then as replayed: qsort is not stable */
	char *text;
};

struct changes {
	struct change *v;
	size_t n;
	const struct physio_request *req;
	const struct program *prog;
	const struct progression_rules *rules;
	const char *start_name; /* the program in force as these weeks start */
	int start_level;        /* ... its level then, by the replay */
};

static void add_change(struct changes *c, day_t day, int order, struct strbuf *sb)
{
	c->v = xrealloc(c->v, (c->n + 1) * sizeof(*c->v));
	c->v[c->n] = (struct change){ day, order, c->n, xstrdup(sb->buf ? sb->buf : "") };
	c->n++;
	sb_reset(sb);
}

/* Each change of the scheduler's replay in these weeks: the level, day and reason
 * --plan gives. */
static void on_change(void *ctx, const struct progress *p)
{
	struct changes *c = ctx;
	struct strbuf sb;
	char date[DATE_BUF];

	if (p->day < c->req->since) {
		if (c->start_name && strcmp(c->prog->name, c->start_name) == 0)
			c->start_level = p->level;
		return;
	}
	if (p->day > c->req->today)
		return;
	sb_init(&sb);
	date_format_iso(p->day, date);
	sb_printf(&sb, "%s  ", date);
	physio_put_text(&sb, c->prog->name, c->req->markdown);
	sb_printf(&sb, " level %d: ", p->level);
	level_reason(&sb, p, c->rules);
	add_change(c, p->day, 1, &sb);
	sb_free(&sb);
}

static int by_day(const void *a, const void *b)
{
	const struct change *x = a, *y = b;

	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	if (x->order != y->order)
		return x->order - y->order;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* The program called name, loaded (to free when *loaded), or NULL when not found. */
static const struct program *find_program(const struct physio_request *req, const char *name,
					  struct program *other, bool *loaded)
{
	*loaded = false;
	if (strcmp(name, req->prog->name) == 0)
		return req->prog;
	if (req->load_program && req->load_program(req->load_ctx, name, other))
		return *loaded = true, other;
	return NULL;
}

/* Replays one program up to `until` (its last record: a program left behind gets no
 * layoff after it), collecting its changes. */
static void replay_program(struct changes *c, const char *name, int64_t until, day_t until_day)
{
	struct program other;
	struct progression_rules rules;
	struct progress p;
	bool loaded;
	const struct program *prog = find_program(c->req, name, &other, &loaded);

	if (!prog)
		return;
	program_rules(prog, c->req->base_rules, &rules);
	c->prog = prog;
	c->rules = &rules;
	schedule_level_changes(c->req->log, prog, &rules, until_day, until, &p, on_change, c);
	if (loaded)
		program_free(&other);
}

/* The level of program name just before the moment `when`, or -1 when not found. */
static int level_before(const struct physio_request *req, const char *name, int64_t when,
			day_t day)
{
	struct program other;
	struct progression_rules rules;
	struct progress p;
	bool loaded;
	const struct program *prog = find_program(req, name, &other, &loaded);

	if (!prog)
		return -1;
	program_rules(prog, req->base_rules, &rules);
	schedule_level(req->log, prog, &rules, day, when - 1, &p);
	if (loaded)
		program_free(&other);
	return p.level;
}

/* The programs in order of sessions: each switch (with the level the replay gives then),
 * and each program's level changes from its own replay. */
char **physio_level_lines(const struct physio_request *req, size_t *n)
{
	const struct session_log *log = req->log;
	struct changes c = { NULL, 0, req, NULL, NULL, NULL, 1 };
	char **lines;
	const struct session *prev = NULL, *before = NULL;
	const char *names[16];
	size_t nnames = 0;
	struct strbuf sb;
	char date[DATE_BUF];

	sb_init(&sb);
	for (size_t i = 0; i < log->nsessions; i++) {
		const struct session *s = &log->sessions[i];
		size_t k;
		if (s->start_when > req->now || s->day > req->today || !s->program[0])
			continue;
		for (k = 0; k < nnames && strcmp(names[k], s->program) != 0; k++)
			;
		if (k == nnames && nnames < ARRAY_SIZE(names))
			names[nnames++] = s->program;
		if (s->day < req->since)
			before = s;
		else if (!prev || strcmp(prev->program, s->program) != 0) {
			date_format_iso(s->day, date);
			sb_printf(&sb, "%s  ", date);
			physio_put_text(&sb, s->program, req->markdown);
			sb_printf(&sb, " level %d: ", level_before(req, s->program, s->start_when, s->day));
			program_reason(&sb, log, prev ? prev->program : NULL, s);
			add_change(&c, s->day, 0, &sb);
		}
		prev = s;
	}
	for (size_t i = 0; i < log->nlevels; i++) {
		size_t k;
		for (k = 0; k < nnames && strcmp(names[k], log->levels[i].program) != 0; k++)
			;
		if (k == nnames && nnames < ARRAY_SIZE(names))
			names[nnames++] = log->levels[i].program;
	}
	c.start_name = before ? before->program : NULL;
	for (size_t k = 0; k < nnames; k++) {
		/* the current program up to now; one left behind up to its last session */
		int64_t until = req->now;
		day_t day = req->today;
		if (strcmp(names[k], req->prog->name) != 0)
			for (size_t i = 0; i < log->nsessions; i++)
				if (strcmp(log->sessions[i].program, names[k]) == 0 &&
				    log->sessions[i].start_when <= req->now) {
					until = log->sessions[i].last_when;
					day = log->sessions[i].day;
				}
		replay_program(&c, names[k], until, day);
	}
	if (c.n > 1) /* qsort wants a real array, even of none */
		qsort(c.v, c.n, sizeof(*c.v), by_day);
	lines = xmalloc((c.n + 1) * sizeof(*lines));
	*n = 0;
	if (before) {
		date_format_iso(req->since, date);
		sb_printf(&sb, "%s  ", date);
		physio_put_text(&sb, before->program, req->markdown);
		sb_printf(&sb, " level %d at the start of these weeks", c.start_level);
		lines[(*n)++] = xstrdup(sb.buf);
		sb_reset(&sb);
	}
	for (size_t i = 0; i < c.n; i++)
		lines[(*n)++] = c.v[i].text;
	free(c.v);
	sb_free(&sb);
	return lines;
}
