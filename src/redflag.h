/* The red flags: each a yes/no question with its urgency, advice and source (the
 * safety note's flag lines come from the same table, so the two never disagree); when
 * they are due from the history; and one round of them being asked. */
#ifndef TALUS_REDFLAG_H
#define TALUS_REDFLAG_H

#include <stdbool.h>
#include <stdint.h>

#include "config.h"
#include "program.h"
#include "record.h"
#include "scheduler.h"
#include "session_log.h"

enum flag_urgency { URGENCY_EMERGENCY, URGENCY_SAME_DAY, URGENCY_CLINICIAN, URGENCY_COUNT };

struct red_flag_question {
	const char *question;          /* yes/no, in the runner's words */
	enum flag_urgency urgency;
	const char *advice;            /* what it may be, and what to do */
	const char *note;              /* its line in the safety note; NULL: a follow-up */
	const char *source;
	int follow_up;                 /* the flag_question asked after a yes, or -1 */
};

/* Indexed by enum flag_question. */
extern const struct red_flag_question red_flag_questions[FQ_COUNT];
/* The first line of the stop screen: the urgency, plain. */
extern const char *const flag_urgency_text[URGENCY_COUNT];

/* The safety note's line of each flag (safety.c lists them after "- "), so the note
 * and the questions say the same. */
#define FLAG_NOTE_CRACK \
	"you heard a crack, the ankle looks misshapen, or the foot is numb, cold or pale: " \
	"emergency;"
#define FLAG_NOTE_INFECTION \
	"the joint is hot, red and swollen and you have a fever: emergency (possible " \
	"joint infection);"
#define FLAG_NOTE_RUPTURE \
	"a sudden pop, snap or feeling of being kicked at the back of the heel or calf, " \
	"even if you can still walk or rise on tiptoe: be seen the same day (possible " \
	"Achilles rupture);"
#define FLAG_NOTE_FRACTURE \
	"after a recent twist or fall, you could not take four steps, then or now, or " \
	"pressing the back edge or tip of either ankle bone (lower 6 cm), the base of " \
	"the 5th metatarsal (outer edge of the foot) or the navicular (inner side of the " \
	"midfoot) hurts: an X-ray the same day (Ottawa ankle rules);"
#define FLAG_NOTE_CLOT \
	"the calf is swollen, warm or tender, especially after a boot, a cast or a long " \
	"journey: urgent the same day (possible clot); with breathlessness or chest pain: " \
	"emergency;"
#define FLAG_NOTE_BONE_STRESS \
	"pain at one spot on a bone, pain when hopping, pain at night: stop running and " \
	"impact; see a clinician (possible bone stress injury);"
#define FLAG_NOTE_NERVE \
	"new numbness, tingling, burning or weakness in the foot: see a clinician;"
#define FLAG_NOTE_MEDICINE \
	"a recent fluoroquinolone antibiotic or steroid injection near the tendon: see a " \
	"clinician before heavy or eccentric loading (rupture risk);"
/* The last flag line: a review when rehab stalls (rehab.md's last red-flag row),
 * advice to read rather than a question to ask after pain. */
#define FLAG_NOTE_REVIEW \
	"still giving way after 6-8 weeks of balance training, or pain not better after 12 " \
	"weeks: a clinician's review."

/* A morning this far above the runner's baseline asks the questions (rehab.md). */
#define FLAG_MORNING_RISE 2
#define FLAG_IMPACT_DAYS 7

struct flag_due {
	bool due;
	enum flag_trigger trigger;
	bool bone_stress_first;   /* an impact program's session hurt above its limit */
	char reason[160];         /* "You rated the pain 8 this morning." */
	/* a quit session of another program than the one shown: its title, else "" */
	char other_title[TITLE_MAX_COLS * 4 + 1];
};

/* Whether the red-flag questions are due at `now` (seconds since the epoch) for prog:
 * after the last complete round (complete at its first yes, or at a no to its last
 * question), a rating of alarm_pain or more, a session quit or interrupted with pain
 * above the repeat limit of its own program, a morning FLAG_MORNING_RISE above the
 * baseline, or for an impact program, FLAG_IMPACT_DAYS since the last round. Records after now
 * are ignored: a future-dated round never silences the present. */
void red_flag_due(const struct session_log *log, const struct flag_lookup *find, int64_t now,
		  struct flag_due *out);

/* The flag last answered yes up to now and still in force (no level set by hand
 * since: a clinician has seen the ankle), with when it was answered; -1 when none. */
int red_flag_in_force(const struct session_log *log, int64_t now, int64_t *when);

/* A round of the questions ended at or after since (up to now) with every answer no:
 * the advice on a rating of alarm-pain turns conditional, as the coach says it. */
bool red_flags_answered_no(const struct session_log *log, int64_t since, int64_t now);
#define FLAG_UNSETTLED_ADVICE \
	"If the pain does not settle within a few days, or gets worse, see a clinician."
/* The line --plan prints for flags: the advice, or with answered_no the conditional one. */
void red_flags_warning(const struct red_flags *f, char *buf, size_t len);

/* One round being asked. */
struct flag_round {
	enum flag_trigger trigger;
	char reason[160];
	char other_title[TITLE_MAX_COLS * 4 + 1]; /* as in struct flag_due */
	enum flag_question ask[FQ_COUNT];
	int n, at;                 /* questions planned; the one on screen */
	int yes;                   /* the flag answered yes (its follow-up's, if yes), or -1 */
	int64_t stopped_since;     /* a yes of an earlier visit still in force: when; else 0 */
	bool all_no;               /* asked to the end, every answer no */
};

/* Plans the round for what is due; an empty round (n == 0) when nothing is. */
void flag_round_plan(struct flag_round *r, const struct flag_due *due);
bool flag_round_pending(const struct flag_round *r);
enum flag_question flag_round_question(const struct flag_round *r);
/* The answer to the question on screen: a yes ends the round (after its follow-up). */
void flag_round_answer(struct flag_round *r, bool yes);

#endif
