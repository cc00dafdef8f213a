/* The records of the history that are not sessions: morning ratings, levels set by hand,
 * the safety note, advice, entry tests and the triage, each kept in a list by time. */
#include "session_log.h"

#include <stdlib.h>

#include "util.h"

void session_log_add_note(struct session_log *log, const struct hist_record *rec)
{
	switch (rec->type) {
	case REC_MORNING:
		log->mornings = xrealloc(log->mornings, (log->nmornings + 1) * sizeof(*log->mornings));
		log->mornings[log->nmornings++] =
			(struct morning_rating){ rec->when, rec->day, (int)rec_get_int(rec, HK_PAIN, 0) };
		return;
	case REC_LEVEL: {
		struct manual_level *m;
		log->levels = xrealloc(log->levels, (log->nlevels + 1) * sizeof(*log->levels));
		m = &log->levels[log->nlevels++];
		m->when = rec->when;
		m->day = rec->day;
		copy_str(m->program, sizeof(m->program), rec->known[HK_PROGRAM]);
		m->level = (int)rec_get_int(rec, HK_LEVEL, 1);
		return;
	}
	case REC_SAFETY:
		log->safety_acknowledged = true;
		return;
	case REC_TEST: {
		struct entry_test *t;
		log->tests = xrealloc(log->tests, (log->ntests + 1) * sizeof(*log->tests));
		t = &log->tests[log->ntests++];
		t->when = rec->when;
		t->day = rec->day;
		copy_str(t->program, sizeof(t->program), rec->known[HK_PROGRAM]);
		copy_str(t->next, sizeof(t->next), rec->known[HK_NEXT]);
		t->passed = rec_get_enum(rec, HK_ANSWER, ANSWER_NO) == ANSWER_YES;
		t->left = (int)rec_get_int(rec, HK_LEFT, -1);
		t->right = (int)rec_get_int(rec, HK_RIGHT, -1);
		return;
	}
	case REC_ADVICE: {
		const char *reason = rec->known[HK_REASON];
		struct advice *a;
		log->advice = xrealloc(log->advice, (log->nadvice + 1) * sizeof(*log->advice));
		a = &log->advice[log->nadvice++];
		a->when = rec->when;
		a->day = rec->day;
		copy_str(a->reason, sizeof(a->reason), reason ? reason : "");
		return;
	}
	case REC_TRIAGE: {
		struct triage *t;
		log->triages = xrealloc(log->triages, (log->ntriages + 1) * sizeof(*log->triages));
		t = &log->triages[log->ntriages++];
		t->when = rec->when;
		t->day = rec->day;
		t->sore = (enum sore_side)rec_get_enum(rec, HK_SORE, SORE_BOTH);
		t->onset = (enum onset)rec_get_enum(rec, HK_ONSET, ONSET_GRADUAL);
		t->since = (enum since)rec_get_enum(rec, HK_SINCE, SINCE_UNDER_3_WEEKS);
		t->where = (enum site)rec_get_enum(rec, HK_WHERE, SITE_OUTER_ANKLE);
		t->gives_way = rec_get_enum(rec, HK_GIVES_WAY, ANSWER_NO) == ANSWER_YES;
		t->pathway = (enum pathway)rec_get_enum(rec, HK_PATHWAY, PATHWAY_ACUTE_SPRAIN);
		copy_str(t->program, sizeof(t->program), rec->known[HK_PROGRAM]);
		return;
	}
	case REC_RUN: {
		struct run *r;
		const char *shoes = rec->known[HK_SHOES];
		log->runs = xrealloc(log->runs, (log->nruns + 1) * sizeof(*log->runs));
		r = &log->runs[log->nruns++];
		r->when = rec->when;
		r->day = rec->day;
		r->metres = rec_get_int(rec, HK_METRES, 0);
		r->secs = rec_get_int(rec, HK_SECS, -1);
		r->pain = (int)rec_get_int(rec, HK_PAIN_DURING, -1);
		r->surface = rec_get_enum(rec, HK_SURFACE, -1);
		copy_str(r->shoes, sizeof(r->shoes), shoes ? shoes : "");
		return;
	}
	case REC_RETIRE: {
		const char *shoes = rec->known[HK_SHOES];
		log->retired = xrealloc(log->retired, (log->nretired + 1) * sizeof(*log->retired));
		log->retired[log->nretired].when = rec->when;
		copy_str(log->retired[log->nretired++].shoes, sizeof(log->retired->shoes),
			 shoes ? shoes : "");
		return;
	}
	default:
		return;
	}
}

static int by_run_time(const void *a, const void *b)
{
	const struct run *x = a, *y = b;

	return (x->when > y->when) - (x->when < y->when);
}

static int by_morning_time(const void *a, const void *b)
{
	const struct morning_rating *x = a, *y = b;

	return (x->when > y->when) - (x->when < y->when);
}

static int by_level_time(const void *a, const void *b)
{
	const struct manual_level *x = a, *y = b;

	return (x->when > y->when) - (x->when < y->when);
}

static int by_test_time(const void *a, const void *b)
{
	const struct entry_test *x = a, *y = b;

	return (x->when > y->when) - (x->when < y->when);
}

static int by_advice_time(const void *a, const void *b)
{
	const struct advice *x = a, *y = b;

	return (x->when > y->when) - (x->when < y->when);
}

static int by_triage_time(const void *a, const void *b)
{
	const struct triage *x = a, *y = b;

	return (x->when > y->when) - (x->when < y->when);
}

void session_log_sort_notes(struct session_log *log)
{
	if (log->nmornings > 1)
		qsort(log->mornings, log->nmornings, sizeof(*log->mornings), by_morning_time);
	if (log->nlevels > 1)
		qsort(log->levels, log->nlevels, sizeof(*log->levels), by_level_time);
	if (log->ntests > 1)
		qsort(log->tests, log->ntests, sizeof(*log->tests), by_test_time);
	if (log->nadvice > 1)
		qsort(log->advice, log->nadvice, sizeof(*log->advice), by_advice_time);
	if (log->nruns > 1)
		qsort(log->runs, log->nruns, sizeof(*log->runs), by_run_time);
	if (log->ntriages > 1)
		qsort(log->triages, log->ntriages, sizeof(*log->triages), by_triage_time);
}

void session_log_free_notes(struct session_log *log)
{
	free(log->mornings);
	free(log->levels);
	free(log->tests);
	free(log->advice);
	free(log->triages);
	free(log->runs);
	free(log->retired);
}
