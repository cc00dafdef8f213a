#include "visit.h"

#include <string.h>

#include "coach_runs.h"
#include "util.h"

/* The red flags, when any are due: a question, the stop screen after a yes (nothing
 * else follows it), or the advice after every answer no (none after the weekly impact
 * check: nothing changes then); VS_COUNT when there is nothing to say. */
static enum visit_screen flag_screen(const struct coach *c)
{
	if (flag_round_pending(&c->round))
		return VS_REDFLAG;
	if (c->round.yes >= 0)
		return VS_STOP;
	/* the weekly impact check and the triage's round go on without advice */
	if (c->flags.flag != RF_NONE || (c->round.all_no && c->round.trigger != TRIG_IMPACT &&
					  c->round.trigger != TRIG_TRIAGE))
		return VS_ADVICE;
	return VS_COUNT;
}

/* The screens before a session, in order; each is passed over when it has nothing
 * to ask. */
static enum visit_screen first_screen(const struct coach *c)
{
	if (c->ask_morning)
		return VS_MORNING;
	if (flag_screen(c) != VS_COUNT)
		return flag_screen(c);
	if (c->safety_needed)
		return VS_SAFETY;
	if (c->ask_triage) /* its questions, its red flags (above), then the pathway */
		return c->triage_question < TQ_COUNT ? VS_TRIAGE : VS_PATHWAY;
	if (c->ask_entry_test)
		return VS_TEST;
	return c->can_resume ? VS_RESUME : VS_START;
}

/* After a session: a red flag it raised, the entry test, then the summary. */
static enum visit_screen closing_screen(const struct coach *c)
{
	if (flag_screen(c) != VS_COUNT)
		return flag_screen(c);
	if (c->ask_entry_test)
		return VS_TEST;
	return VS_SUMMARY;
}

static unsigned go(struct visit *v, enum visit_screen to)
{
	v->screen = to;
	return VISIT_SCREEN | ENG_CHANGED;
}

void visit_init(struct visit *v, struct coach *coach)
{
	memset(v, 0, sizeof(*v));
	v->coach = coach;
	v->screen = first_screen(coach);
	v->status = SESSION_DONE;
}

const char *visit_pain_question(enum visit_screen s, int hour)
{
	switch (s) {
	case VS_MORNING:
		if (hour < 12)
			return "Good morning. How does the ankle feel this morning?";
		return hour < 18 ? "Good afternoon. How did the ankle feel when you got up this morning?"
				 : "Good evening. How did the ankle feel when you got up this morning?";
	case VS_PAIN_DURING:
		return "How much did the ankle hurt during the session?";
	case VS_PAIN_AFTER:
		return "How much does it hurt now?";
	default:
		return "";
	}
}

/* Only the pain during exercise has an acceptable band (Silbernagel 2007: up to 5 of
 * 10); after it and the next morning, what matters is that it settles. */
const char *visit_pain_legend(enum visit_screen s)
{
	switch (s) {
	case VS_PAIN_DURING:
		return "0-2 safe, 3-5 acceptable, above 5 too much (pain-monitoring model)";
	case VS_PAIN_AFTER:
		return "0 no pain, 10 the worst imaginable. It should settle by tomorrow morning.";
	case VS_MORNING:
		return "0 no pain, 10 the worst imaginable. Compare it with your usual mornings.";
	default:
		return "";
	}
}

/* The session is over (finished, or quit): the pain questions come next. */
static unsigned leave_session(struct visit *v, enum session_status status, time_t wall)
{
	coach_save_progress(v->coach, wall);
	v->status = status;
	v->confirm_quit = false;
	return go(v, VS_PAIN_DURING);
}

static unsigned after_engine(struct visit *v, unsigned changed, int64_t now, time_t wall)
{
	struct coach *c = v->coach;

	if (changed & ENG_NEW_STEP) {
		coach_trace_step(c, now, engine_deadline(&c->engine));
		if (v->on_step)
			v->on_step(v->on_step_ctx, now);
		coach_save_progress(c, wall);
	}
	if (changed & ENG_FINISHED)
		changed |= leave_session(v, SESSION_DONE, wall);
	return changed;
}

unsigned visit_tick(struct visit *v, int64_t now, time_t wall)
{
	if (v->screen != VS_SESSION)
		return 0;
	return after_engine(v, engine_tick(&v->coach->engine, now), now, wall);
}

unsigned visit_command(struct visit *v, enum engine_cmd cmd, int64_t now, time_t wall)
{
	if (v->screen != VS_SESSION)
		return 0;
	return after_engine(v, engine_command(&v->coach->engine, cmd, now), now, wall);
}

unsigned visit_set_reps(struct visit *v, int reps)
{
	if (v->screen != VS_SESSION || v->confirm_quit)
		return 0;
	return engine_set_reps(&v->coach->engine, reps);
}

bool visit_pause(struct visit *v, int64_t at)
{
	struct engine *e = &v->coach->engine;

	if (v->screen != VS_SESSION || e->paused)
		return false;
	engine_command(e, CMD_PAUSE, at);
	return true;
}

void visit_unpause(struct visit *v, int64_t now)
{
	struct engine *e = &v->coach->engine;

	if (v->screen == VS_SESSION && e->paused)
		engine_command(e, CMD_PAUSE, now);
}

unsigned visit_ask_quit(struct visit *v, int64_t now)
{
	if (v->screen != VS_SESSION)
		return 0;
	v->confirm_quit = true;
	visit_pause(v, now);
	return ENG_CHANGED;
}

unsigned visit_answer_quit(struct visit *v, bool quit, int64_t now, time_t wall)
{
	if (!v->confirm_quit)
		return 0;
	v->confirm_quit = false;
	if (quit)
		return leave_session(v, SESSION_QUIT, wall);
	visit_unpause(v, now);
	return ENG_CHANGED;
}

unsigned visit_acknowledge(struct visit *v, time_t wall)
{
	struct coach *c = v->coach;

	switch (v->screen) {
	case VS_SAFETY:
		coach_ack_safety(c, wall);
		return go(v, first_screen(c));
	case VS_ADVICE:
		if (c->flags.flag != RF_NONE)
			coach_record_advice(c, wall);
		c->round.all_no = false;
		return go(v, c->ended ? closing_screen(c) : first_screen(c));
	default:
		return 0;
	}
}

unsigned visit_start(struct visit *v, bool resume, int64_t now, time_t wall)
{
	if (v->screen != (resume ? VS_RESUME : VS_START))
		return 0;
	if (resume)
		coach_resume(v->coach, wall, now);
	else
		coach_start(v->coach, wall, now);
	return go(v, VS_SESSION);
}

unsigned visit_decline_resume(struct visit *v)
{
	return v->screen == VS_RESUME ? go(v, VS_START) : 0;
}

unsigned visit_answer_pain(struct visit *v, int pain, time_t wall)
{
	struct coach *c = v->coach;

	switch (v->screen) {
	case VS_MORNING:
		if (pain >= 0)
			coach_record_morning(c, pain, wall);
		c->ask_morning = false;
		coach_check_flags(c, wall); /* this morning may be the cause */
		return go(v, first_screen(c));
	case VS_PAIN_DURING:
		c->pain_during = pain;
		return go(v, VS_PAIN_AFTER);
	case VS_PAIN_AFTER:
		c->pain_after = pain;
		return go(v, VS_NOTE);
	default:
		return 0;
	}
}

unsigned visit_note_add(struct visit *v, const char *mb, size_t n)
{
	char *note = v->coach->note;
	size_t len = strlen(note);
	char one[8];

	/* one printable character of UTF-8, no control (C0, DEL or C1): what the history's
	 * reader takes back */
	if (v->screen != VS_NOTE || len + n > NOTE_MAX || n == 0 || n >= sizeof(one))
		return 0;
	memcpy(one, mb, n);
	one[n] = '\0';
	if (utf8_seq_len((const unsigned char *)one) != (int)n)
		return 0;
	memcpy(note + len, mb, n);
	note[len + n] = '\0';
	return ENG_CHANGED;
}

unsigned visit_note_add_char(struct visit *v, uint32_t cp)
{
	char mb[4];
	size_t n;

	if (cp < 0x80) {
		mb[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		mb[0] = (char)(0xc0 | (cp >> 6));
		mb[1] = (char)(0x80 | (cp & 0x3f));
		n = 2;
	} else if (cp < 0x10000) {
		mb[0] = (char)(0xe0 | (cp >> 12));
		mb[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		mb[2] = (char)(0x80 | (cp & 0x3f));
		n = 3;
	} else if (cp <= 0x10ffff) {
		mb[0] = (char)(0xf0 | (cp >> 18));
		mb[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		mb[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		mb[3] = (char)(0x80 | (cp & 0x3f));
		n = 4;
	} else {
		return 0;
	}
	return visit_note_add(v, mb, n); /* a control or a surrogate is refused there */
}

unsigned visit_note_erase(struct visit *v)
{
	char *note = v->coach->note;
	size_t len = strlen(note);

	if (v->screen != VS_NOTE || len == 0)
		return 0;
	while (len > 0 && ((unsigned char)note[--len] & 0xc0) == 0x80)
		;
	note[len] = '\0';
	return ENG_CHANGED;
}

unsigned visit_finish(struct visit *v, int64_t now, time_t wall)
{
	struct coach *c = v->coach;

	if (v->screen != VS_NOTE)
		return 0;
	coach_finish(c, v->status, wall, now);
	if (c->testing)
		coach_end_test(c, wall); /* the measure recorded as the program's test */
	else
		coach_refresh(c);
	coach_check_flags(c, wall); /* the session's pain may be the cause */
	return go(v, closing_screen(c));
}

unsigned visit_answer_triage(struct visit *v, int option)
{
	struct coach *c = v->coach;
	int q = c->triage_question;

	if (v->screen != VS_TRIAGE || option < 0 || option >= triage_questions[q].noptions)
		return 0;
	c->triage.answer[q] = option;
	if (++c->triage_question < TQ_COUNT)
		return ENG_CHANGED | VISIT_SCREEN; /* the next question: a screen of its own */
	c->proposed = triage_propose(&c->triage, c->triage_why, sizeof(c->triage_why));
	coach_triage_flags(c);
	return go(v, first_screen(c));
}

unsigned visit_choose_pathway(struct visit *v, enum pathway chosen, time_t wall)
{
	if (v->screen != VS_PATHWAY || (int)chosen < 0 || (int)chosen >= PATHWAY_COUNT)
		return 0;
	coach_record_triage(v->coach, chosen, wall);
	return go(v, first_screen(v->coach));
}

unsigned visit_answer_flag(struct visit *v, bool yes, time_t wall)
{
	struct coach *c = v->coach;

	if (v->screen != VS_REDFLAG)
		return 0;
	coach_record_flag(c, yes, wall);
	return go(v, c->ended ? closing_screen(c) : first_screen(c));
}

unsigned visit_safety_note(struct visit *v, bool open)
{
	if (v->screen != (open ? VS_START : VS_SAFETY_AGAIN))
		return 0;
	return go(v, open ? VS_SAFETY_AGAIN : VS_START);
}

unsigned visit_runs(struct visit *v, bool open, time_t wall)
{
	if (v->screen != (open ? VS_START : VS_RUNS))
		return 0;
	if (open)
		coach_runs_open(v->coach, wall);
	else
		coach_runs_close(v->coach);
	return go(v, open ? VS_RUNS : VS_START);
}

unsigned visit_start_test(struct visit *v, int64_t now, time_t wall)
{
	if (v->screen != VS_TEST || !coach_start_test(v->coach, wall, now))
		return 0;
	return go(v, VS_SESSION);
}

unsigned visit_decline_test(struct visit *v)
{
	if (v->screen != VS_TEST)
		return 0;
	v->coach->ask_entry_test = false; /* asked again at the next visit */
	return go(v, v->coach->ended ? VS_SUMMARY : first_screen(v->coach));
}

unsigned visit_answer_test(struct visit *v, bool passed, time_t wall)
{
	/* a measured test is passed by its measure, not by a yes */
	if (v->screen != VS_TEST || v->coach->program->measured_test)
		return 0;
	coach_record_test(v->coach, passed, wall);
	return go(v, v->coach->ended ? VS_SUMMARY : first_screen(v->coach));
}

unsigned visit_leave(struct visit *v)
{
	switch (v->screen) {
	case VS_SAFETY:
	case VS_TRIAGE:
	case VS_PATHWAY:
	case VS_RESUME:
	case VS_START:
	case VS_SUMMARY:
	case VS_STOP:
		return go(v, VS_EXIT);
	default:
		return 0;
	}
}

unsigned visit_next_program(struct visit *v, time_t wall)
{
	if (v->screen != VS_SUMMARY)
		return 0;
	if (!coach_take_next(v->coach, wall))
		return go(v, VS_EXIT);
	v->status = SESSION_DONE;
	return go(v, first_screen(v->coach));
}

int visit_close(struct visit *v, bool interrupted, int64_t now, time_t wall)
{
	struct coach *c = v->coach;
	enum session_status status;

	if (!c->started || c->ended)
		return -1;
	/* once the session is over, a signal at its questions changes nothing of how it
	 * ended: what was answered so far is kept with it */
	status = interrupted && v->screen == VS_SESSION ? SESSION_INTERRUPTED : v->status;
	coach_finish(c, status, wall, now);
	return (int)status;
}
