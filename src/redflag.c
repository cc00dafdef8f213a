/* The red flags of rehab.md as questions, when they are due, and a round of them. */
#include "redflag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "scheduler.h"
#include "util.h"

/* In the order they are asked: emergencies, then the same day, then a clinician, so
 * the first yes is the most urgent one (FLAG_QUESTIONS in record.h keeps this order). */
const struct red_flag_question red_flag_questions[FQ_COUNT] = {
	[FQ_CRACK] = {
		"Did you hear a crack, does the ankle look misshapen, or is the foot numb, cold "
		"or pale?",
		URGENCY_EMERGENCY,
		"A broken or dislocated ankle, or a foot losing its blood supply, needs help now.",
		FLAG_NOTE_CRACK,
		"first-aid consensus (rehab.md)", -1 },
	[FQ_INFECTION] = {
		"Is the ankle joint hot, red and swollen, and do you have a fever?",
		URGENCY_EMERGENCY,
		"A hot, red, swollen joint with a fever may be a joint infection.",
		FLAG_NOTE_INFECTION,
		"consensus (rehab.md)", -1 },
	[FQ_RUPTURE] = {
		"Did you feel a sudden pop or snap, or as if kicked at the back of the heel or "
		"calf? Answer yes even if you can still walk or rise on tiptoe.",
		URGENCY_SAME_DAY,
		"This may be an Achilles tendon rupture; one in four or five is missed at first "
		"because walking and tiptoe can still be possible.",
		FLAG_NOTE_RUPTURE,
		"Singh 2015 BMJ; Boyd 2015 BJGP", -1 },
	[FQ_FRACTURE] = {
		"After a recent twist or fall: could you not take four steps, then or now? Or "
		"does it hurt to press the back edge or tip of either ankle bone (its lower "
		"6 cm), the base of the 5th metatarsal (the bump halfway along the outer edge "
		"of the foot) or the navicular (the bump on the inner side of the midfoot)?",
		URGENCY_SAME_DAY,
		"The Ottawa ankle rules say an X-ray is needed to rule out a fracture.",
		FLAG_NOTE_FRACTURE,
		"Ottawa ankle rules, Stiell 1993; Bachmann 2003", -1 },
	[FQ_CLOT] = {
		"Is the calf swollen, warm or tender, especially after a boot, a cast or a long "
		"journey?",
		URGENCY_SAME_DAY,
		"A swollen, warm or tender calf may be a blood clot (deep vein thrombosis).",
		FLAG_NOTE_CLOT,
		"consensus (rehab.md)", FQ_CLOT_BREATH },
	[FQ_CLOT_BREATH] = {
		"Are you also short of breath, or do you have pain in the chest?",
		URGENCY_EMERGENCY,
		"A swollen calf with breathlessness or chest pain may be a clot that has reached "
		"the lungs.",
		NULL,
		"consensus (rehab.md)", -1 },
	[FQ_BONE_STRESS] = {
		"Does it hurt at one spot on a bone, when you hop, or at night?",
		URGENCY_CLINICIAN,
		"This may be a bone stress injury: stop running and impact work (hops, jumps) "
		"until you are seen. The navicular, the inner ankle bone and the 5th metatarsal "
		"are high-risk sites.",
		FLAG_NOTE_BONE_STRESS,
		"Warden 2014 JOSPT", -1 },
	[FQ_NERVE] = {
		"Is there new numbness, tingling, burning or weakness in the foot?",
		URGENCY_CLINICIAN,
		"New changes in feeling or strength need a clinician to look at the nerves.",
		FLAG_NOTE_NERVE,
		"consensus (rehab.md)", -1 },
	[FQ_MEDICINE] = {
		"Have you recently taken a fluoroquinolone antibiotic (such as ciprofloxacin or "
		"levofloxacin) or had a steroid injection near the tendon?",
		URGENCY_CLINICIAN,
		"Both raise the risk of a tendon rupture: see a clinician before heavy or "
		"eccentric loading.",
		FLAG_NOTE_MEDICINE,
		"rehab.md red flags", -1 },
};

const char *const flag_urgency_text[URGENCY_COUNT] = {
	[URGENCY_EMERGENCY] = "Emergency: call emergency services or go to an emergency "
			      "department now.",
	[URGENCY_SAME_DAY] = "Be seen today: go to an urgent care centre, an emergency "
			     "department or your doctor today.",
	[URGENCY_CLINICIAN] = "See a clinician: book a physiotherapist, a sports doctor or "
			      "your doctor before you train again.",
};

/* ---- the history's answers ---- */

void flag_log_add(struct session_log *log, const struct hist_record *rec)
{
	struct flag_answer a = {
		rec->when, rec->day, (enum flag_question)rec_get_enum(rec, HK_FLAG, FQ_CRACK),
		rec_get_enum(rec, HK_ANSWER, ANSWER_NO) == ANSWER_YES,
		rec_get_enum(rec, HK_TRIGGER, -1),
	};
	size_t i = log->nflag_answers;

	log->flag_answers = xrealloc(log->flag_answers, (i + 1) * sizeof(*log->flag_answers));
	/* kept by time as they come: a history is nearly always in order already */
	for (; i > 0 && log->flag_answers[i - 1].when > a.when; i--)
		log->flag_answers[i] = log->flag_answers[i - 1];
	log->flag_answers[i] = a;
	log->nflag_answers++;
}

void flag_log_free(struct session_log *log)
{
	free(log->flag_answers);
	log->flag_answers = NULL;
	log->nflag_answers = 0;
}

/* ---- when they are due ---- */

/* The full round, most urgent first; follow-ups are asked only after a yes. */
static const enum flag_question full_round[] = {
	FQ_CRACK, FQ_INFECTION, FQ_RUPTURE, FQ_FRACTURE, FQ_CLOT,
	FQ_BONE_STRESS, FQ_NERVE, FQ_MEDICINE,
};

/* A round ends at its first yes, or at a no to its last question (the weekly impact
 * check asks one question). */
static bool ends_round(const struct flag_answer *a)
{
	if (a->yes)
		return true;
	if (a->trigger == TRIG_IMPACT)
		return a->flag == FQ_BONE_STRESS;
	return a->flag == full_round[ARRAY_SIZE(full_round) - 1];
}

/* "today's session", "yesterday's run", "the session of Mon 23 Nov" */
static void exercise_words(day_t day, day_t today, const char *what, char *buf, size_t len)
{
	char date[DATE_BUF];

	if (day == today || day == today - 1) {
		snprintf(buf, len, "%s %s", day == today ? "today's" : "yesterday's", what);
		return;
	}
	date_format_short(day, date);
	snprintf(buf, len, "the %s of %s", what, date);
}

static void morning_words(day_t day, day_t today, char *buf, size_t len)
{
	char date[DATE_BUF];

	if (day == today || day == today - 1) {
		snprintf(buf, len, "%s morning", day == today ? "this" : "yesterday");
		return;
	}
	date_format_short(day, date);
	snprintf(buf, len, "on the morning of %s", date);
}

/* Keeps the strongest trigger (severe before the others), the latest of equals. */
static bool stronger(const struct flag_due *out, enum flag_trigger t)
{
	return !out->due || t == TRIG_SEVERE || out->trigger != TRIG_SEVERE;
}

static void sessions_due(const struct session_log *log, const struct flag_lookup *find,
			 const struct progression_rules *rules, int64_t after, int64_t now,
			 day_t today, struct flag_due *out)
{
	const struct program *prog = find->prog;

	for (size_t i = 0; i < log->nsessions; i++) {
		const struct session *s = &log->sessions[i];
		int pain = session_pain(s), limit = rules->repeat_max_pain;
		char what[64], title[sizeof(out->other_title)] = "";

		if (s->last_when <= after || s->last_when > now || pain < 0)
			continue;
		exercise_words(s->day, today, "session", what, sizeof(what));
		if (s->status != SESSION_DONE && pain < rules->alarm_pain)
			limit = session_repeat_limit(s, find, rules, title, sizeof(title));
		if (pain >= rules->alarm_pain && stronger(out, TRIG_SEVERE)) {
			out->trigger = TRIG_SEVERE;
			snprintf(out->reason, sizeof(out->reason), "You rated the pain %d in %s.", pain,
				 what);
		} else if (s->status != SESSION_DONE && pain > limit &&
			   stronger(out, TRIG_QUIT_PAIN)) {
			out->trigger = TRIG_QUIT_PAIN;
			if (title[0])
				snprintf(out->reason, sizeof(out->reason), "You stopped %s of %s with "
					 "pain %d, above its limit of %d.", what, title, pain, limit);
			else
				snprintf(out->reason, sizeof(out->reason), "You stopped %s with pain %d, "
					 "above the limit of %d.", what, pain, limit);
			copy_str(out->other_title, sizeof(out->other_title), title);
		} else if (prog->impact && strcmp(s->program, prog->name) == 0 &&
			   pain > rules->repeat_max_pain && stronger(out, TRIG_IMPACT)) {
			/* hops and runs that hurt: bone stress is asked, finished session or not */
			out->trigger = TRIG_IMPACT;
			snprintf(out->reason, sizeof(out->reason), "Pain %d in %s of impact work, above "
				 "its limit of %d.", pain, what, rules->repeat_max_pain);
		} else {
			continue;
		}
		out->due = true;
		/* on hops and runs, pain above the limit is itself the bone-stress sign */
		if (prog->impact && strcmp(s->program, prog->name) == 0 && pain > rules->repeat_max_pain)
			out->bone_stress_first = true;
	}
}

static void mornings_due(const struct session_log *log, const struct progression_rules *rules,
			 int64_t after, int64_t now, day_t today, struct flag_due *out)
{
	for (size_t i = 0; i < log->nmornings; i++) {
		const struct morning_rating *m = &log->mornings[i];
		int base;
		char when[64];

		if (m->when <= after || m->when > now)
			continue;
		morning_words(m->day, today, when, sizeof(when));
		base = morning_baseline(log, rules, m->when);
		if (m->pain >= rules->alarm_pain && stronger(out, TRIG_SEVERE)) {
			out->trigger = TRIG_SEVERE;
			snprintf(out->reason, sizeof(out->reason), "You rated the pain %d %s.", m->pain,
				 when);
		} else if (((base >= 0 && m->pain >= base + FLAG_MORNING_RISE) ||
			    (base < 0 && m->pain > rules->repeat_max_pain)) &&
			   stronger(out, TRIG_MORNING)) {
			if (base < 0) { /* no usual morning yet: above the limit is the sign */
				out->trigger = TRIG_MORNING;
				snprintf(out->reason, sizeof(out->reason), "You rated the pain %d %s, "
					 "above %d.", m->pain, when, rules->repeat_max_pain);
				out->due = true;
				continue;
			}
			out->trigger = TRIG_MORNING;
			snprintf(out->reason, sizeof(out->reason), "You rated the pain %d %s, %d above "
				 "your usual %d.", m->pain, when, m->pain - base, base);
		} else {
			continue;
		}
		out->due = true;
	}
}

/* A run typed in or imported that hurt (a walk/run session's run is its session's):
 * alarm-pain or more asks the whole round, as a session's; on impact work, above
 * RUN_PAIN_MAX asks about bone stress first (Vincent & Vincent 2017: at most 2/10). */
static void runs_due(const struct session_log *log, const struct program *prog,
		     const struct progression_rules *rules, int64_t after, int64_t now,
		     day_t today, struct flag_due *out)
{
	for (size_t i = 0; i < log->nruns; i++) {
		const struct run *r = &log->runs[i];
		char what[64];

		if (r->when <= after || r->when > now || r->walk_run || r->pain <= RUN_PAIN_MAX)
			continue;
		exercise_words(r->day, today, "run", what, sizeof(what));
		if (r->pain >= rules->alarm_pain && stronger(out, TRIG_SEVERE)) {
			out->trigger = TRIG_SEVERE;
			snprintf(out->reason, sizeof(out->reason), "You rated the pain %d on %s.",
				 r->pain, what);
		} else if (prog->impact && stronger(out, TRIG_IMPACT)) {
			out->trigger = TRIG_IMPACT;
			snprintf(out->reason, sizeof(out->reason), "Pain %d on %s, above running's "
				 "limit of %d.", r->pain, what, RUN_PAIN_MAX);
		} else {
			continue;
		}
		out->due = true;
		out->bone_stress_first |= prog->impact;
	}
}

void red_flag_due(const struct session_log *log, const struct flag_lookup *find, int64_t now,
		  struct flag_due *out)
{
	const struct program *prog = find->prog;
	const struct progression_rules *base = find->base;
	struct progression_rules rules;
	int64_t last = INT64_MIN;
	day_t today = local_day((time_t)now);

	memset(out, 0, sizeof(*out));
	program_rules(prog, base, &rules);
	for (size_t i = 0; i < log->nflag_answers; i++) {
		const struct flag_answer *a = &log->flag_answers[i];
		if (a->when <= now && ends_round(a))
			last = a->when;
	}
	sessions_due(log, find, &rules, last, now, today, out);
	mornings_due(log, &rules, last, now, today, out);
	runs_due(log, prog, &rules, last, now, today, out);
	if (!out->due && prog->impact &&
	    (last == INT64_MIN || now - last >= (int64_t)FLAG_IMPACT_DAYS * 86400)) {
		out->due = true;
		out->trigger = TRIG_IMPACT;
		copy_str(out->reason, sizeof(out->reason),
			 "A weekly check while you do impact work (hops, running).");
	}
}

bool red_flags_answered_no(const struct session_log *log, int64_t since, int64_t now)
{
	bool no = false;

	for (size_t i = 0; i < log->nflag_answers; i++) {
		const struct flag_answer *a = &log->flag_answers[i];
		if (a->when >= since && a->when <= now && (a->yes || ends_round(a)))
			no = !a->yes && a->trigger != TRIG_IMPACT; /* the weekly check is one question */
	}
	return no;
}

void red_flags_warning(const struct red_flags *f, char *buf, size_t len)
{
	if (f->answered_no)
		snprintf(buf, len, "No red flags reported after %s. " FLAG_UNSETTLED_ADVICE, f->reason);
	else
		snprintf(buf, len, "See a clinician: %s. talus is a coach, not a diagnosis; the red "
			 "flags are in its README.", f->reason);
}

/* A red flag answered yes stays in force until a clinician has seen the ankle, which
 * the runner tells talus by setting a level by hand (talus --set-level N). */
int red_flag_in_force(const struct session_log *log, int64_t now, int64_t *when)
{
	int flag = -1;

	for (size_t i = 0; i < log->nflag_answers; i++) {
		const struct flag_answer *a = &log->flag_answers[i];
		if (a->yes && a->when <= now) {
			flag = (int)a->flag;
			*when = a->when;
		}
	}
	for (size_t i = 0; flag >= 0 && i < log->nlevels; i++)
		if (log->levels[i].when >= *when && log->levels[i].when <= now)
			flag = -1;
	return flag;
}

/* ---- a round ---- */

void flag_round_plan(struct flag_round *r, const struct flag_due *due)
{
	memset(r, 0, sizeof(*r));
	r->yes = -1;
	if (!due->due)
		return;
	r->trigger = due->trigger;
	copy_str(r->reason, sizeof(r->reason), due->reason);
	copy_str(r->other_title, sizeof(r->other_title), due->other_title);
	if (due->trigger == TRIG_IMPACT) {
		r->ask[r->n++] = FQ_BONE_STRESS;
		return;
	}
	if (due->bone_stress_first)
		r->ask[r->n++] = FQ_BONE_STRESS;
	for (size_t i = 0; i < ARRAY_SIZE(full_round); i++)
		if (!due->bone_stress_first || full_round[i] != FQ_BONE_STRESS)
			r->ask[r->n++] = full_round[i];
}

bool flag_round_pending(const struct flag_round *r)
{
	return r->at < r->n;
}

enum flag_question flag_round_question(const struct flag_round *r)
{
	return r->ask[r->at < r->n ? r->at : 0];
}

void flag_round_answer(struct flag_round *r, bool yes)
{
	enum flag_question q;

	if (!flag_round_pending(r))
		return;
	q = r->ask[r->at++];
	if (yes) {
		int next = red_flag_questions[q].follow_up;
		r->yes = (int)q;
		r->n = r->at; /* a yes ends the round, but for its follow-up */
		if (next >= 0)
			r->ask[r->n++] = (enum flag_question)next;
		return;
	}
	if (r->at == r->n && r->yes < 0)
		r->all_no = true;
}
