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
void physio_put_text(struct strbuf *sb, const char *text, bool md)
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

/* ---- programs and levels (physio_levels.c) ---- */

static void collect_levels(const struct physio_request *req, struct lines *l)
{
	l->v = physio_level_lines(req, &l->n);
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
		physio_put_text(&sb, t->program, req->markdown);
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
				sb_printf(&sb, asked == 1 ? "1 question, answered no"
							  : "%d questions, all answered no", asked);
			add_line(l, &sb);
		}
		i = j;
	}
	for (size_t i = 0; i < log->nadvice; i++)
		if (log->advice[i].day >= req->since && log->advice[i].when <= req->now) {
			date_format_iso(log->advice[i].day, date);
			sb_printf(&sb, "%s  advised to see a clinician: ", date);
			physio_put_text(&sb, log->advice[i].reason, req->markdown);
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
		physio_put_text(&sb, s->note, req->markdown);
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
