/* The records of the history that are not sessions: morning ratings, levels set by hand,
 * the safety note, advice, entry tests and the triage, each kept in a list by time. */
#include "session_log.h"
#include "runs.h"

#include <stddef.h>
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
		r->elapsed = rec_get_int(rec, HK_ELAPSED, -1);
		copy_str(r->hash, sizeof(r->hash), rec->known[HK_HASH] ? rec->known[HK_HASH] : "");
		r->walk_run = rec->known[HK_SESSION] != NULL;
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

/* Every note begins with its time: one comparison serves them all. */
_Static_assert(offsetof(struct morning_rating, when) == 0 && offsetof(struct manual_level, when) == 0 &&
		       offsetof(struct entry_test, when) == 0 && offsetof(struct advice, when) == 0 &&
		       offsetof(struct run, when) == 0 && offsetof(struct triage, when) == 0,
	       "a note's time comes first");

static int by_when(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* qsort on a NULL array is undefined even with no elements */
static void sort_by_when(void *notes, size_t n, size_t size)
{
	if (n > 1)
		qsort(notes, n, size, by_when);
}

void session_log_sort_notes(struct session_log *log)
{
	sort_by_when(log->mornings, log->nmornings, sizeof(*log->mornings));
	sort_by_when(log->levels, log->nlevels, sizeof(*log->levels));
	sort_by_when(log->tests, log->ntests, sizeof(*log->tests));
	sort_by_when(log->advice, log->nadvice, sizeof(*log->advice));
	sort_by_when(log->runs, log->nruns, sizeof(*log->runs));
	runs_count_toward_cap(log->runs, log->nruns);
	sort_by_when(log->triages, log->ntriages, sizeof(*log->triages));
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
