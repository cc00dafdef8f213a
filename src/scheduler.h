/* The progression scheduler: the level of each program is replayed from the history
 * with the pain-monitoring rules, so no other state is kept. Also the red flags that
 * mean "see a clinician". */
#ifndef TALUS_SCHEDULER_H
#define TALUS_SCHEDULER_H

#include <stdbool.h>

#include "clock.h"
#include "config.h"
#include "program.h"
#include "session_log.h"

enum level_reason {
	LR_START,        /* no counted session yet */
	LR_BUILDING,     /* easy sessions so far, more needed */
	LR_ADVANCED,     /* just moved up */
	LR_REPEAT,       /* pain in the middle band, or next morning a little worse */
	LR_PAIN,         /* stepped back: pain above the repeat band */
	LR_MORNING,      /* stepped back: next-morning pain up by morning_rise or more */
	LR_DELOAD,       /* stepped back: morning pain rose two weeks running */
	LR_LAYOFF,       /* stepped back: too long without a session */
	LR_MANUAL,       /* set by hand */
	LR_UNRATED,      /* the last session had no pain rating: repeat */
};

struct progress {
	int level;
	int levels;
	enum level_reason reason;
	int from_level;       /* before a step back */
	int pain;             /* the pain that decided, when it was pain */
	day_t day;            /* of the deciding session or record */
	int gap_days;         /* for a layoff */
	int easy_streak;      /* easy sessions in a row at this level */
	int sessions_needed;  /* more easy sessions to move up (or to be asked the test) */
	bool ready_for_next;  /* at the last level with the advance rule met: ask the test */
	day_t last_session;   /* -1 if none */
};

/* The rules for prog: the user's, with the program's own pain limits where it sets them. */
void program_rules(const struct program *prog, const struct progression_rules *base,
		   struct progression_rules *out);

/* The runner's own morning baseline before the moment `before`: the median of the last
 * BASELINE_MORNINGS morning ratings at or below the advance limit, or -1 with none. */
#define BASELINE_MORNINGS 5
int morning_baseline(const struct session_log *log, const struct progression_rules *rules,
		     int64_t before);

/* Replays the history of prog up to and including today. */
void schedule_level(const struct session_log *log, const struct program *prog,
		    const struct progression_rules *rules, day_t today, struct progress *out);

/* One line: "Level 3 of 6: 1 more session with pain <= 3 to reach level 4". */
void progress_why(const struct progress *p, const struct progression_rules *rules,
		  const struct program *prog, char *buf, size_t len);

/* The level on each of ndays days from `from`, if every session on a training day
 * goes well; *top_day is the first day at the last level with the advance rule met
 * (or -1 when not within ndays). */
void schedule_forecast(const struct progress *now, const struct progression_rules *rules,
		       day_set training_days, day_t from, int ndays, int *levels, day_t *top_day);

/* The forecast --plan shows: the level on each of the ndays days from `first` (the
 * first day shown, which may be before today) if every session from the next one on
 * goes well, into levels; days before the next session keep today's level. The next
 * session is today's, or tomorrow's when today's is done. Returns the first training
 * day at the last level, or -1 when there are no training days. It looks as far past
 * the range as the climb can take: advance-sessions sessions a level, a week apart at
 * the most (20 levels, 10 sessions each, one day a week: 1,337 days, under 4 years). */
day_t schedule_forecast_range(const struct progress *now, const struct progression_rules *rules,
			      day_set training_days, day_t today, day_t first, int ndays,
			      int *levels);

/* The program to coach: the configured one, followed along `next` for every entry
 * test passed. */
const char *active_program(const struct session_log *log, const char *configured);

enum red_flag { RF_NONE, RF_FLARES, RF_NOT_SETTLING, RF_SEVERE };

struct red_flags {
	enum red_flag flag;
	day_t since;         /* the episode began (the first event that raised it) */
	bool already_shown;  /* an advice record covers this episode */
	char reason[160];
};

void check_red_flags(const struct session_log *log, const struct progression_rules *rules,
		     day_t today, struct red_flags *out);
extern const char *const red_flag_key[4]; /* for the advice record: "flares" ... */

#endif
