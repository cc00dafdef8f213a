/* The progression scheduler: the level of each program is replayed from the history
 * with the pain-monitoring rules, so no other state is kept. Also the red flags that
 * mean "see a clinician". */
#ifndef TALUS_SCHEDULER_H
#define TALUS_SCHEDULER_H

#include <stdbool.h>

#include "clock.h"
#include "config.h"
#include "program.h"
#include "runs.h"
#include "session_log.h"

/* The rules' fixed numbers (rehab.md "Progression rules"; the README's table is checked
 * against them). The rest are the config's `progression` keys. */
#define MORNING_AFTER_HOURS MORNING_HOURS_MAX /* 72 h: a rating this soon after a session is its morning after */
#define WEEKLY_RISE_TENTHS 5    /* weekly mean morning pain up by half a point is a rise */
#define DELOAD_GUARD_DAYS 14    /* a step back in the last 14 days already answered a rise */
#define LAYOFF_TWO_LEVELS 2     /* layoff-days x 2 away: two levels back (28 days) */
#define LAYOFF_RESTART 4        /* layoff-days x 4 away: back to level 1 (56 days) */
#define STALL_FAILED_TESTS 3    /* entry tests failed at one level: advise a clinician */
#define STALL_MIN_SESSIONS 3    /* a stall is of a runner who trained: a session a week */

enum level_reason {
	LR_START,        /* no counted session yet */
	LR_BUILDING,     /* easy sessions so far, more needed */
	LR_ADVANCED,     /* just moved up */
	LR_REPEAT,       /* pain in the middle band */
	LR_MORNING_REPEAT, /* the morning after: above the advance limit or baseline + 1 */
	LR_NO_MORNING,   /* no rating the morning after an easy session: not counted */
	LR_HOLD,         /* morning pain rose this week: held */
	LR_PAIN,         /* stepped back: pain above the repeat band */
	LR_MORNING,      /* stepped back: the morning after above 5 or baseline + 2 */
	LR_SEVERE,       /* a rating of alarm-pain or more: the easiest level */
	LR_DELOAD,       /* stepped back: morning pain rose two weeks running */
	LR_LAYOFF,       /* stepped back: too long without a session */
	LR_MANUAL,       /* set by hand */
	LR_UNRATED,      /* the last session had no pain rating: repeat */
	LR_BACK_TO_BACK, /* walk/run: a session the day after another: not counted */
	LR_LEVEL_WEEK,   /* walk/run: two levels up in the last 7 days already: held */
	LR_RUN_HOLD,     /* a run hurt above RUN_PAIN_MAX: held until a settled morning */
	LR_RUN_PAIN,     /* stepped back: a run hurt above an impact program's repeat limit */
};

struct progress {
	int level;
	int levels;
	int first_level;      /* 0 with a protective level, else 1 */
	enum level_reason reason;
	int from_level;       /* before a step back */
	int pain;             /* the pain that decided, when it was pain */
	int baseline;         /* the runner's morning baseline then, -1 with none */
	day_t day;            /* of the deciding session or record */
	int gap_days;         /* for a layoff */
	int easy_streak;      /* easy sessions in a row at this level, mornings settled */
	bool awaiting_morning; /* the last session was easy: its morning after decides */
	int sessions_needed;  /* more easy sessions to move up (or to be asked the test) */
	bool ready_for_next;  /* at the last level with the advance rule met: ask the test */
	day_t last_session;   /* -1 if none */
	day_t last_active;    /* the last session or level set by hand: the layoff clock */
	day_t level_since;    /* the level was reached (or set, or the first session) */
	int sessions_at_level; /* days with a session since */
	int tests_failed;     /* entry tests answered no at this level */
	bool stalled;         /* stall-weeks at one level, or STALL_FAILED_TESTS failed */
};

/* The rules for prog: the user's, with the program's own pain limits where it sets them. */
void program_rules(const struct program *prog, const struct progression_rules *base,
		   struct progression_rules *out);

/* The runner's own morning baseline before the moment `before`: the median of the last
 * BASELINE_MORNINGS morning ratings at or below the advance limit, or -1 with none. */
#define BASELINE_MORNINGS 5
int morning_baseline(const struct session_log *log, const struct progression_rules *rules,
		     int64_t before);

/* The end and local day of the last session or run up to now; false with none. The
 * morning after it is asked and read. */
bool last_exercise(const struct session_log *log, int64_t now, int64_t *end, day_t *day);

/* Replays the history of prog: every record up to the moment now, in the order of
 * time (not of local dates: a traveller's), and the layoff rule as of today. hook (may
 * be NULL) gets the progress after each event that changed the level or set it by hand
 * (its reason, pain and day say why): the report lists them as --plan explains the last. */
typedef void (*level_hook)(void *ctx, const struct progress *p);
void schedule_level_changes(const struct session_log *log, const struct program *prog,
			    const struct progression_rules *rules, day_t today, int64_t now,
			    struct progress *out, level_hook hook, void *ctx);
static inline void schedule_level(const struct session_log *log, const struct program *prog,
				  const struct progression_rules *rules, day_t today, int64_t now,
				  struct progress *out)
{
	schedule_level_changes(log, prog, rules, today, now, out, NULL, NULL);
}

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

/* The program to coach: the one the last triage chose (else the configured one),
 * followed along `next` for every entry test passed. */
const char *active_program(const struct session_log *log, const char *configured);
/* The last triage when it set aside the program the config names (set_in_config: the
 * file has `program`, not the default), else NULL: the runner who wrote it is told. */
const struct triage *config_program_unused(const struct session_log *log,
					   const char *configured, bool set_in_config);

/* Walk/run programs (scheduler_run.c; running.md "The walk/run return"): the rules the
 * protocols share, and running's pain rules (RUN_PAIN_MAX, runs.h). */
#define RUN_LEVEL_SESSIONS 2   /* each level at least twice (running.md) */
#define RUN_LEVELS_PER_WEEK 2  /* at most two levels ... */
#define RUN_WEEK_DAYS 7        /* ... in seven days (running.md) */
/* A program with walk/run intervals. */
bool program_is_walk_run(const struct program *prog);
/* Its rules: at least RUN_LEVEL_SESSIONS easy sessions a level, pain limits at most
 * RUN_PAIN_MAX (program_rules calls this). */
void walk_run_rules(const struct program *prog, struct progression_rules *rules);
/* A session the day after the last one: it does not count towards moving up. */
bool walk_run_back_to_back(day_t last_session, day_t day);
/* advanced: the days of the last RUN_LEVELS_PER_WEEK steps up, the latest first. True
 * when a step up on day would be a third level within RUN_WEEK_DAYS days. */
bool walk_run_week_full(const day_t advanced[RUN_LEVELS_PER_WEEK], day_t day);
void walk_run_advanced(day_t advanced[RUN_LEVELS_PER_WEEK], day_t day);
/* The pain during a walk/run session as the runner is asked it: the worst it reached,
 * so above RUN_PAIN_MAX it built while running (the session began settled). */
#define WALK_RUN_PAIN_QUESTION "What was the worst the ankle hurt while you walked and ran?"
#define WALK_RUN_PAIN_LEGEND \
	"0-2 fine. Above 2, pain that built as you ran: next time a level down (Vincent & Vincent 2017)."
/* What a run's pain (typed or imported; a walk/run session's run is the session's) does
 * to prog's level. At most RUN_PAIN_MAX: nothing. Above it: no program moves up until a
 * settled morning (running.md: impact at most 2/10 and settled by the next morning);
 * an impact or walk/run program, whose pain limits are running's, also steps back one
 * level above its repeat limit, as its own session would. alarm-pain or more: the
 * easiest level, as a session's (*design*: a pain rating is a pain rating). */
enum run_pain_effect { RUN_PAIN_NONE, RUN_PAIN_HOLD, RUN_PAIN_STEP_BACK, RUN_PAIN_SEVERE };
enum run_pain_effect run_pain_effect(const struct program *prog,
				     const struct progression_rules *rules, int pain);
/* The morning after a run did not settle: above RUN_PAIN_MAX, or above the runner's
 * usual morning (baseline, -1 with none): a step back, not a repeat. */
bool walk_run_morning_unsettled(int pain, int baseline);
/* The start screen's line when a walk/run session today would follow one of prog
 * yesterday (it will not count), or a free run today or yesterday; false otherwise. */
bool walk_run_rest_note(const struct session_log *log, const struct program *prog, day_t today,
			int64_t now, char *buf, size_t len);

enum red_flag { RF_NONE, RF_FLARES, RF_NOT_SETTLING, RF_SEVERE, RF_STALL };

struct red_flags {
	enum red_flag flag;
	day_t since;         /* the episode began (the first event that raised it) */
	bool already_shown;  /* an advice record covers this episode */
	bool answered_no;    /* RF_SEVERE: a round of the questions since, every answer no */
	char reason[240];
};

/* The program shown, the config's limits, and how to read another program (may be
 * NULL): a session is judged by its own program's limits. */
struct flag_lookup {
	const struct program *prog;
	const struct progression_rules *base;
	bool (*load_program)(void *ctx, const char *name, struct program *out);
	void *load_ctx;
};

/* The repeat limit of the program session s was of: rules' for find's program (or with
 * no find), else that program's own, else the config's when it is not found. Another
 * program's title goes in title (else ""). */
int session_repeat_limit(const struct session *s, const struct flag_lookup *find,
			 const struct progression_rules *rules, char *title, size_t len);

/* The advice due today; records after now are ignored (a future-dated advice record
 * silences nothing). p, when given, adds a stall. find, when given, judges each
 * session's pain by its own program's limits. */
void check_red_flags(const struct session_log *log, const struct progression_rules *rules,
		     const struct flag_lookup *find, day_t today, int64_t now,
		     const struct progress *p, struct red_flags *out);
extern const char *const red_flag_key[5]; /* for the advice record: "flares" ... */

#endif
