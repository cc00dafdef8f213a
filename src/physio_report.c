/* What --report prints: the history of the weeks since `since`, read from the log as
 * loaded, with the level changes' reasons replayed by the scheduler at each change. */
#include "physio_report.h"

#include <stdlib.h>
#include <string.h>

#include "entry_test.h"
#include "redflag.h"
#include "runs.h"
#include "text.h"
#include "triage.h"
#include "util.h"

/* The lines of one section, kept so only the most recent are printed. */
struct lines {
	char **v;
	size_t n;
};

static void add_line(struct lines *l, struct strbuf *sb)
{
	l->v = xrealloc(l->v, (l->n + 1) * sizeof(*l->v));
	l->v[l->n++] = xstrdup(sb->buf ? sb->buf : "");
	sb_reset(sb);
}

static void free_lines(struct lines *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
}

/* Text from the history as one line: tabs and breaks as spaces, the unprintable as '?';
 * in Markdown, the characters that would format it escaped. */
static void put_text(struct strbuf *sb, const char *text, bool md)
{
	char *shown = xstrdup(text);

	for (char *p = shown; *p; p++)
		if (*p == '\t' || *p == '\n' || *p == '\r')
			*p = ' ';
	sanitize_text(shown);
	for (const char *p = shown; *p; p++) {
		if (md && strchr("\\`*_[]<>|#", *p))
			sb_putc(sb, '\\');
		sb_putc(sb, *p);
	}
	free(shown);
}

static void heading(FILE *out, const char *title, bool md)
{
	fprintf(out, md ? "\n## %s\n\n" : "\n%s\n", title);
}

/* A paragraph: wrapped to the page in plain text, one line in Markdown. */
/* An answer as the runner read it, inside a sentence: "With a twist" as "with a twist". */
static void put_lower(struct strbuf *sb, const char *text)
{
	if (!text || !*text)
		return;
	sb_putc(sb, (char)(*text >= 'A' && *text <= 'Z' ? *text - 'A' + 'a' : *text));
	sb_puts(sb, text + 1);
}

static void paragraph(FILE *out, const char *text, bool md)
{
	const char *rest;

	if (md) {
		fprintf(out, "%s\n", text);
		return;
	}
	while (*text) {
		size_t n = text_wrap(text, PREPORT_WIDTH, &rest);
		fprintf(out, "%.*s\n", (int)n, text);
		if (rest == text)
			break;
		text = rest;
	}
}

/* The most recent max lines (a list item each in Markdown), cut to the page's width in
 * plain text, after a line saying how many earlier ones are left out. */
static void print_lines(FILE *out, const struct lines *l, size_t max, bool md, const char *more)
{
	size_t first = l->n > max ? l->n - (max - 1) : 0;

	if (first)
		fprintf(out, "%s(%zu earlier: %s)\n", md ? "- " : "  ", first, more);
	for (size_t i = first; i < l->n; i++) {
		if (md)
			fprintf(out, "- %s\n", l->v[i]);
		else
			fprintf(out, "  %.*s\n", (int)text_fit(l->v[i], PREPORT_WIDTH - 2), l->v[i]);
	}
}

/* ---- the pathway ---- */

static void print_pathway(FILE *out, const struct physio_request *req)
{
	const struct session_log *log = req->log;
	struct strbuf sb;
	char level[40];

	sb_init(&sb);
	if (log->ntriages) {
		const struct triage *t = &log->triages[log->ntriages - 1];
		char date[DATE_BUF];
		date_format_iso(t->day, date);
		/* the answers in the triage's own words, not the history's tokens */
		sb_printf(&sb, "Pathway: %s; sore side: %s. Triage %s: started ",
			  pathway_key[t->pathway], sore_side_name[t->sore], date);
		put_lower(&sb, triage_questions[TQ_ONSET].option[t->onset]);
		sb_puts(&sb, ", ");
		put_lower(&sb, triage_questions[TQ_SINCE].option[t->since]);
		sb_puts(&sb, " ago; hurts most: ");
		put_lower(&sb, triage_questions[TQ_WHERE].option[t->where]);
		sb_printf(&sb, "; %s.", t->gives_way ? "gives way" : "does not give way");
	} else {
		sb_puts(&sb, "Pathway: no triage recorded; sore side: not known.");
	}
	paragraph(out, sb.buf, req->markdown);
	if (req->markdown)
		fputc('\n', out);
	sb_reset(&sb);
	format_level(req->prog, req->progress->level, level, sizeof(level));
	sb_printf(&sb, "Now: %s (%s), %s.", req->prog->title, req->prog->name, level);
	if (req->flags && req->flags->flag != RF_NONE && req->flags->answered_no)
		sb_printf(&sb, " No red flags reported after %s.", req->flags->reason);
	else if (req->flags && req->flags->flag != RF_NONE)
		sb_printf(&sb, " See a clinician: %s.", req->flags->reason);
	paragraph(out, sb.buf, req->markdown);
	sb_free(&sb);
}

/* ---- programs and levels ---- */

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

static void session_reason(struct strbuf *sb, const struct physio_request *req,
			   const struct session *s)
{
	struct program other, *prog = NULL;
	struct progression_rules rules;
	struct progress p;

	if (strcmp(s->program, req->prog->name) == 0)
		prog = (struct program *)req->prog;
	else if (req->load_program && req->load_program(req->load_ctx, s->program, &other))
		prog = &other;
	if (!prog) {
		sb_puts(sb, "its program is not found");
		return;
	}
	program_rules(prog, req->base_rules, &rules);
	schedule_level(req->log, prog, &rules, s->day, s->start_when - 1, &p);
	level_reason(sb, &p, &rules);
	if (prog == &other)
		program_free(&other);
}

static void collect_levels(const struct physio_request *req, struct lines *l)
{
	const struct session_log *log = req->log;
	const char *prog = NULL;
	int level = -1;
	size_t m = 0;
	bool started = false;
	struct strbuf sb;
	char date[DATE_BUF];

	sb_init(&sb);
	for (size_t i = 0; i <= log->nsessions; i++) {
		const struct session *s = i < log->nsessions ? &log->sessions[i] : NULL;
		/* the levels set by hand up to this session, in the order of time */
		for (; m < log->nlevels && (!s || log->levels[m].when <= s->start_when) &&
		       log->levels[m].when <= req->now; m++) {
			const struct manual_level *ml = &log->levels[m];
			if (ml->day >= req->since) {
				date_format_iso(ml->day, date);
				sb_printf(&sb, "%s  ", date);
				put_text(&sb, ml->program, req->markdown);
				sb_printf(&sb, " level %d: set by hand", ml->level);
				add_line(l, &sb);
				started = true;
			}
			prog = ml->program;
			level = ml->level;
		}
		if (!s || s->start_when > req->now || s->day > req->today)
			break;
		if (s->level < 0 || !s->program[0])
			continue;
		if (s->day >= req->since && !started && prog) {
			date_format_iso(req->since, date);
			sb_printf(&sb, "%s  ", date);
			put_text(&sb, prog, req->markdown);
			sb_printf(&sb, " level %d at the start of these weeks", level);
			add_line(l, &sb);
		}
		if (s->day >= req->since && (!prog || strcmp(prog, s->program) != 0 || level != s->level)) {
			date_format_iso(s->day, date);
			sb_printf(&sb, "%s  ", date);
			put_text(&sb, s->program, req->markdown);
			sb_printf(&sb, " level %d: ", s->level);
			if (!prog || strcmp(prog, s->program) != 0)
				program_reason(&sb, log, prog, s);
			else
				session_reason(&sb, req, s);
			add_line(l, &sb);
		}
		started |= s->day >= req->since;
		prog = s->program;
		level = s->level;
	}
	sb_free(&sb);
}

/* ---- entry tests, red flags, notes ---- */

static void collect_tests(const struct physio_request *req, struct lines *l)
{
	const struct session_log *log = req->log;
	enum sore_side sore = log->ntriages ? log->triages[log->ntriages - 1].sore : SORE_BOTH;
	struct strbuf sb;
	char date[DATE_BUF];

	sb_init(&sb);
	for (size_t i = 0; i < log->ntests; i++) {
		const struct entry_test *t = &log->tests[i];
		if (t->day < req->since || t->when > req->now)
			continue;
		date_format_iso(t->day, date);
		sb_printf(&sb, "%s  ", date);
		put_text(&sb, t->program, req->markdown);
		if (t->left >= 0 && t->right >= 0) {
			int a = t->left, b = t->right; /* the sore side over the other */
			if (sore == SORE_RIGHT || (sore == SORE_BOTH && t->right < t->left)) {
				a = t->right;
				b = t->left;
			}
			sb_printf(&sb, ": heel rises L %d, R %d (%s %d%%)", t->left, t->right,
				  sore == SORE_BOTH ? "weaker" : sore_side_name[sore],
				  b ? a * 100 / b : 100);
		}
		sb_printf(&sb, ": %s", t->passed ? "passed" : "not passed");
		add_line(l, &sb);
	}
	sb_free(&sb);
}

static const char *const trigger_words[TRIG_COUNT] = {
	[TRIG_SEVERE] = "after a rating of alarm pain",
	[TRIG_QUIT_PAIN] = "after a session quit for pain",
	[TRIG_MORNING] = "after a morning above the usual",
	[TRIG_IMPACT] = "the weekly impact check",
	[TRIG_TRIAGE] = "at the triage",
};

static void collect_flags(const struct physio_request *req, struct lines *l)
{
	const struct session_log *log = req->log;
	struct strbuf sb;
	char date[DATE_BUF];

	sb_init(&sb);
	for (size_t i = 0; i < log->nflag_answers;) {
		const struct flag_answer *a = &log->flag_answers[i];
		size_t j = i;
		int yes = -1, asked = 0;
		/* one round: the answers of one day to one trigger */
		for (; j < log->nflag_answers && log->flag_answers[j].day == a->day &&
		       log->flag_answers[j].trigger == a->trigger; j++) {
			asked++;
			if (log->flag_answers[j].yes && yes < 0)
				yes = (int)log->flag_answers[j].flag;
		}
		if (a->day >= req->since && a->when <= req->now) {
			date_format_iso(a->day, date);
			sb_printf(&sb, "%s  asked %s: ", date,
				  a->trigger >= 0 && a->trigger < TRIG_COUNT ? trigger_words[a->trigger]
									      : "");
			if (yes >= 0)
				sb_printf(&sb, "yes to %s (%s)", flag_question_name[yes],
					  flag_urgency_text[red_flag_questions[yes].urgency]);
			else
				sb_printf(&sb, "%d answered no", asked);
			add_line(l, &sb);
		}
		i = j;
	}
	for (size_t i = 0; i < log->nadvice; i++)
		if (log->advice[i].day >= req->since && log->advice[i].when <= req->now) {
			date_format_iso(log->advice[i].day, date);
			sb_printf(&sb, "%s  advised to see a clinician: ", date);
			put_text(&sb, log->advice[i].reason, req->markdown);
			add_line(l, &sb);
		}
	sb_free(&sb);
}

static void collect_notes(const struct physio_request *req, struct lines *l)
{
	const struct session_log *log = req->log;
	struct strbuf sb;
	char date[DATE_BUF];

	sb_init(&sb);
	for (size_t i = 0; i < log->nsessions; i++) {
		const struct session *s = &log->sessions[i];
		if (!s->note || !s->note[0] || s->day < req->since || s->start_when > req->now)
			continue;
		date_format_iso(s->day, date);
		sb_printf(&sb, "%s  ", date);
		put_text(&sb, s->note, req->markdown);
		add_line(l, &sb);
	}
	sb_free(&sb);
}

static void section(FILE *out, const struct physio_request *req, const char *title,
		    void (*collect)(const struct physio_request *, struct lines *), size_t max,
		    const char *none, const char *more)
{
	struct lines l = { NULL, 0 };

	collect(req, &l);
	if (l.n == 0) {
		fputs(req->markdown ? "\n" : "", out);
		fprintf(out, req->markdown ? "**%s**: %s\n" : "\n%s: %s\n", title, none);
	} else {
		heading(out, title, req->markdown);
		print_lines(out, &l, max, req->markdown, more);
	}
	free_lines(&l);
}

/* The first day of the runner's rehab: the first session or triage. */
static day_t began(const struct session_log *log, day_t today)
{
	day_t d = today;

	if (log->nsessions && log->sessions[0].day < d)
		d = log->sessions[0].day;
	if (log->ntriages && log->triages[0].day < d)
		d = log->triages[0].day;
	return d;
}

void physio_report(FILE *out, const struct physio_request *in)
{
	struct physio_request copy = *in, *req = &copy;
	char from[DATE_BUF], to[DATE_BUF], title[100];
	int weeks = (int)((req->today - req->since) / 7) + 1;

	copy.began = began(in->log, in->today);
	date_format_iso(req->since, from);
	date_format_iso(req->today, to);
	fprintf(out, req->markdown ? "# talus report, %s to %s (%d week%s)\n\n"
				   : "talus report, %s to %s (%d week%s)\n",
		from, to, weeks, weeks == 1 ? "" : "s");
	print_pathway(out, req);
	section(out, req, "Programs and levels", collect_levels, PREPORT_CHANGES,
		"no session in these weeks", "talus --history");
	physio_print_weeks(out, req);
	snprintf(title, sizeof(title), "Entry tests (the sore side as %% of the other; %d%% passes)",
		 SYMMETRY_PERCENT);
	section(out, req, title, collect_tests, PREPORT_TESTS, "none in these weeks",
		"talus --history");
	section(out, req, "Red flags", collect_flags, PREPORT_FLAGS, "none raised in these weeks",
		"talus --history");
	section(out, req, "Notes", collect_notes, PREPORT_NOTES, "none in these weeks",
		"talus --history");
}
