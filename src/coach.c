#include "coach.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "coach_runs.h"
#include "entry_test.h"
#include "util.h"

int routine_planned_sets(const struct routine *r)
{
	int n = 0;

	for (size_t i = 0; i < r->nsteps; i++)
		n += r->steps[i].kind == STEP_WORK;
	return n;
}

enum { DONE_NOT, DONE_SET, DONE_SKIPPED };

/* Marks the work steps of the routine that the sets of session (an index into the
 * log's sessions) did: done holds one flag per step. */
static void mark_done(const struct session_log *log, size_t session, const struct routine *r,
		      unsigned char *done)
{
	struct set_cursor at = { 0 };
	struct set_entry e;

	/* an exercise skipped counts as done: the runner chose to pass over it */
	for (size_t k = 0; k < log->nskipped; k++) {
		if (log->skipped[k].session != session)
			continue;
		for (size_t i = 0; i < r->nsteps; i++)
			if (r->steps[i].kind == STEP_WORK &&
			    strcmp(r->program->exercises[r->steps[i].exercise].name,
				   log->exercises[log->skipped[k].exercise]) == 0)
				done[i] = DONE_SKIPPED;
	}
	while (session_log_next_set(log, &at, &e)) {
		if (e.session != session)
			continue;
		for (size_t i = 0; i < r->nsteps; i++) {
			const struct step *s = &r->steps[i];
			const struct exercise *ex = &r->program->exercises[s->exercise];
			if (s->kind == STEP_WORK && s->set == e.set && s->side == e.side &&
			    strcmp(ex->name, log->exercises[e.exercise]) == 0)
				done[i] = DONE_SET;
		}
	}
}

/* Today's last session of this program, if it was interrupted at this level: where
 * to pick it up (the countdown before the first set not done). */
static void find_resume(struct coach *c, const struct coach_setup *setup)
{
	const struct session *last = NULL;
	unsigned char *done;
	size_t step;

	for (size_t i = setup->log->nsessions; i-- > 0;) {
		const struct session *s = &setup->log->sessions[i];
		if (s->day == c->today && strcmp(s->program, c->program->name) == 0) {
			last = s;
			break;
		}
	}
	if (!last || last->status != SESSION_INTERRUPTED || last->level != c->level)
		return;
	done = xcalloc(c->routine.nsteps + 1, 1);
	mark_done(setup->log, (size_t)(last - setup->log->sessions), &c->routine, done);
	for (step = 0; step < c->routine.nsteps; step++)
		if (c->routine.steps[step].kind == STEP_WORK && !done[step])
			break;
	if (step < c->routine.nsteps) {
		if (step > 0 && c->routine.steps[step - 1].kind != STEP_WORK &&
		    c->routine.steps[step - 1].kind != STEP_REST)
			step--;
		c->can_resume = true;
		c->resume_step = step;
		copy_str(c->resume_id, sizeof(c->resume_id), last->id);
		for (size_t i = 0; i < c->routine.nsteps; i++)
			c->sets_saved += done[i] == DONE_SET;
	}
	free(done);
}

/* The morning after: the first opening on a later day than the last session or run, within
 * MORNING_AFTER_HOURS of its end, asks before anything else until it is rated. */
static void ask_morning(struct coach *c, const struct session_log *log, time_t wall)
{
	int64_t end;
	day_t day;

	if (!last_exercise(log, wall, &end, &day) || day >= c->today ||
	    wall - end > MORNING_AFTER_HOURS * 3600)
		return;
	for (size_t i = 0; i < log->nmornings; i++)
		if (log->mornings[i].when > end && log->mornings[i].when <= wall)
			return;
	c->ask_morning = true;
	c->morning_hours = (int)((wall - end) / 3600);
}

void coach_init(struct coach *c, const struct coach_setup *setup, int64_t now)
{
	memset(c, 0, sizeof(*c));
	c->program = setup->program;
	c->level = setup->level;
	c->today = setup->today;
	c->training_day = day_set_has_day(setup->training_days, setup->today);
	c->next_training_day = setup->today + 1;
	if (setup->training_days)
		while (!day_set_has_day(setup->training_days, c->next_training_day))
			c->next_training_day++;
	c->pain_during = c->pain_after = -1;
	c->wall_offset = setup->wall_offset;
	c->sore = setup->sore_known ? setup->sore : SORE_BOTH;
	c->test_reps[0] = c->test_reps[1] = -1;
	copy_str(c->runs_note, sizeof(c->runs_note), setup->runs_note);
	walk_run_rest_note(setup->log, c->program, c->today, coach_wall(c), c->rest_note,
			   sizeof(c->rest_note));
	c->run_settings = setup->runs;
	c->speed = setup->speed;
	c->walk_speed = setup->walk_speed;
	c->units = setup->units;
	coach_build_routine(c);
	engine_init(&c->engine, &c->routine, now);
	history_writer_init(&c->writer, setup->history_path);
	c->writer.lock_wait_ms = 0; /* the screen never waits: the loop retries */
	sb_init(&c->line);
	c->safety_needed = !setup->log->safety_acknowledged && setup->log->nsessions == 0;
	c->rules = setup->rules;
	copy_str(c->why, sizeof(c->why), setup->why ? setup->why : "");
	if (setup->flags && setup->flags->flag != RF_NONE && !setup->flags->already_shown)
		c->flags = *setup->flags;
	c->next_level = c->level;
	c->ask_entry_test = setup->ready_for_next && c->program->next &&
			    (c->program->entry_test || c->program->measured_test);
	ask_morning(c, setup->log, coach_wall(c));
	find_resume(c, setup);
	c->ask_triage = setup->triage;
	triage_answers_init(&c->triage);
	memcpy(c->pathway_program, setup->pathway_program, sizeof(c->pathway_program));
	memcpy(c->after_protect, setup->after_protect, sizeof(c->after_protect));
	c->load_program = setup->load_program;
	c->load_ctx = setup->load_ctx;
	c->config_days = setup->config_days;
	c->base_rules = setup->base_rules ? setup->base_rules : setup->rules;
	c->nqueue = setup->nnext < COACH_MAX_NEXT ? setup->nnext : COACH_MAX_NEXT;
	memcpy(c->queue, setup->next, sizeof(c->queue));
	if (!c->ask_morning)
		coach_plan_flags(c, setup->log, coach_wall(c));
}

void coach_free(struct coach *c)
{
	coach_runs_close(c);
	if (c->owns_chosen)
		program_free(&c->chosen);
	c->owns_chosen = false;
	if (c->test_program.name)
		program_free(&c->test_program);
	engine_free(&c->engine);
	routine_free(&c->routine);
	history_writer_free(&c->writer);
	sb_free(&c->line);
	if (c->trace)
		fclose(c->trace);
	c->trace = NULL;
}

time_t coach_wall(const struct coach *c)
{
	return time(NULL) + c->wall_offset;
}

/* Ends the record in c->line and saves it (or keeps it for a retry). */
static bool append(struct coach *c)
{
	rec_finish(&c->line);
	return history_append(&c->writer, c->line.buf);
}

bool coach_ack_safety(struct coach *c, time_t wall)
{
	bool ok;

	rec_begin(&c->line, wall, REC_SAFETY);
	ok = append(c);
	c->safety_needed = false;
	return ok;
}

bool coach_start(struct coach *c, time_t wall, int64_t now)
{
	struct tm tm;
	char stamp[32];
	bool ok;

	localtime_r(&wall, &tm);
	strftime(stamp, sizeof(stamp), "%Y%m%dT%H%M%S", &tm);
	snprintf(c->session_id, sizeof(c->session_id), "%s-%04x", stamp,
		 (unsigned)((getpid() ^ (unsigned)now) & 0xffff));
	engine_free(&c->engine);
	engine_init(&c->engine, &c->routine, now);
	c->started = true;
	c->sets_saved = 0;
	walk_run_begin(&c->walk_run);
	rec_begin(&c->line, wall, REC_START);
	rec_put_str(&c->line, HK_SESSION, c->session_id);
	rec_put_str(&c->line, HK_PROGRAM, c->program->name);
	rec_put_int(&c->line, HK_LEVEL, c->level);
	rec_put_int(&c->line, HK_PLANNED, routine_planned_sets(&c->routine));
	ok = append(c);
	coach_trace_step(c, now, engine_deadline(&c->engine));
	return ok;
}

bool coach_resume(struct coach *c, time_t wall, int64_t now)
{
	(void)wall;
	copy_str(c->session_id, sizeof(c->session_id), c->resume_id);
	engine_free(&c->engine);
	engine_init(&c->engine, &c->routine, now);
	engine_seek(&c->engine, c->resume_step, now);
	if (engine_step(&c->engine)->kind != STEP_GET_READY && engine_step(&c->engine)->kind != STEP_SWITCH)
		engine_lead_in(&c->engine, c->program->get_ready, now);
	c->started = true;
	coach_trace_step(c, now, engine_deadline(&c->engine));
	return true;
}

bool coach_save_progress(struct coach *c, time_t wall)
{
	struct engine *e = &c->engine;
	bool ok = true;

	if (!c->started)
		return true;
	for (size_t i = 0; i < e->nsets; i++) {
		const struct set_event *ev = &e->sets[i];
		const struct exercise *ex = &c->program->exercises[ev->exercise];
		rec_begin(&c->line, wall, REC_SET);
		rec_put_str(&c->line, HK_SESSION, c->session_id);
		rec_put_str(&c->line, HK_EXERCISE, ex->name);
		if (ev->side != SIDE_NONE)
			rec_put_enum(&c->line, HK_SIDE, ev->side);
		rec_put_int(&c->line, HK_SET, ev->set);
		if (is_rep_exercise(ex))
			rec_put_int(&c->line, HK_REPS, ev->reps);
		rec_put_int(&c->line, HK_TARGET, ev->target);
		rec_put_int(&c->line, HK_SECS, ev->secs);
		if (ev->again)
			rec_put_enum(&c->line, HK_AGAIN, ANSWER_YES);
		if (c->testing && ev->side != SIDE_NONE) /* the measure: reps, or a stance held */
			c->test_reps[ev->side == SIDE_RIGHT] = is_rep_exercise(ex) ? ev->reps : ev->secs;
		else if (c->testing)
			c->test_hops += ev->reps;
		ok &= append(c);
		c->sets_saved += !ev->again;
		coach_count_interval(c, ev);
	}
	for (size_t i = 0; i < e->nskipped; i++) {
		rec_begin(&c->line, wall, REC_SKIP);
		rec_put_str(&c->line, HK_SESSION, c->session_id);
		rec_put_str(&c->line, HK_EXERCISE, c->program->exercises[e->skipped[i]].name);
		ok &= append(c);
	}
	e->nsets = e->nskipped = 0;
	return ok;
}

bool coach_finish(struct coach *c, enum session_status status, time_t wall, int64_t now)
{
	bool ok;

	if (!c->started || c->ended)
		return coach_retry(c);
	ok = coach_save_progress(c, wall);
	rec_begin(&c->line, wall, REC_END);
	rec_put_str(&c->line, HK_SESSION, c->session_id);
	rec_put_enum(&c->line, HK_STATUS, status);
	if (c->pain_during >= 0)
		rec_put_int(&c->line, HK_PAIN_DURING, c->pain_during);
	if (c->pain_after >= 0)
		rec_put_int(&c->line, HK_PAIN_AFTER, c->pain_after);
	rec_put_int(&c->line, HK_SECS, (long)(engine_active_ms(&c->engine, now) / 1000));
	if (c->note[0])
		rec_put_str(&c->line, HK_NOTE, c->note);
	ok &= append(c);
	if (coach_run_record(c, wall))
		ok &= append(c);
	c->ended = true;
	return ok;
}

void coach_read_history(struct coach *c, struct session_log *log)
{
	session_log_load(log, c->writer.path);
	for (size_t i = 0; i < c->writer.npending; i++) {
		struct hist_record rec;
		char *copy = xstrdup(c->writer.pending[i]);
		size_t len = strlen(copy);
		if (len && copy[len - 1] == '\n')
			copy[--len] = '\0';
		if (history_parse_line(copy, len, &rec))
			session_log_add(log, &rec);
		free(copy);
	}
	session_log_finish(log);
}

/* The morning's answer changes today's session at once, and says how. */
void coach_relevel(struct coach *c, time_t wall, int pain)
{
	struct session_log log;
	struct progress p;
	char why[300];
	int was = c->level;

	if (c->started)
		return;
	coach_read_history(c, &log);
	schedule_level(&log, c->program, c->rules, c->today, wall, &p);
	progress_why(&p, c->rules, c->program, why, sizeof(why));
	c->ask_entry_test = p.ready_for_next && c->program->next &&
			    (c->program->entry_test || c->program->measured_test);
	if (p.level != was) {
		/* the level is said once: then only what moves it on */
		const char *next = strstr(why, "): ");
		next = next ? next + 3 : strchr(why, ':') ? strchr(why, ':') + 2 : why;
		if (pain >= 0)
			snprintf(c->why, sizeof(c->why), "Today at level %d, not %d: this morning was "
				 "%d. %s%s", p.level, was, pain,
				 next == why ? "" : "Next: ", next);
		else
			copy_str(c->why, sizeof(c->why), why);
		c->level = c->next_level = p.level;
		engine_free(&c->engine);
		routine_free(&c->routine);
		coach_build_routine(c);
		engine_init(&c->engine, &c->routine, 0);
		c->can_resume = false; /* an interrupted session was at the old level */
	} else {
		copy_str(c->why, sizeof(c->why), why);
	}
	session_log_free(&log);
}

bool coach_record_morning(struct coach *c, int pain, time_t wall)
{
	bool ok;

	rec_begin(&c->line, wall, REC_MORNING);
	rec_put_int(&c->line, HK_PAIN, pain);
	rec_put_int(&c->line, HK_HOURS, c->morning_hours);
	ok = append(c);
	c->ask_morning = false;
	coach_relevel(c, wall, pain);
	return ok;
}

bool coach_record_advice(struct coach *c, time_t wall)
{
	bool ok;

	rec_begin(&c->line, wall, REC_ADVICE);
	rec_put_str(&c->line, HK_REASON, red_flag_key[c->flags.flag]);
	ok = append(c);
	c->flags.flag = RF_NONE;
	return ok;
}

bool coach_record_test(struct coach *c, bool passed, time_t wall)
{
	bool ok;

	rec_begin(&c->line, wall, REC_TEST);
	rec_put_str(&c->line, HK_PROGRAM, c->program->name);
	rec_put_str(&c->line, HK_NEXT, c->program->next);
	rec_put_enum(&c->line, HK_ANSWER, passed ? ANSWER_YES : ANSWER_NO);
	if (c->test_reps[0] >= 0 && c->test_reps[1] >= 0 && c->program->measure != MEASURE_POGO) {
		rec_put_int(&c->line, HK_LEFT, c->test_reps[0]);
		rec_put_int(&c->line, HK_RIGHT, c->test_reps[1]);
	}
	ok = append(c);
	if (passed && !c->started) /* asked at the opening: today's session is as it was */
		snprintf(c->why, sizeof(c->why), "Entry test passed: %s, level 1, from your next "
			 "visit. Today, this level once more if you like.", program_next_title(c->program));
	if (passed)
		snprintf(c->why_next, sizeof(c->why_next), "Next session: %s, level 1.",
			 program_next_title(c->program));
	else if (c->started)
		coach_refresh(c); /* not "ready for the entry test" any more: what comes now */
	else
		coach_relevel(c, wall, -1);
	c->ask_entry_test = false;
	return ok;
}

void coach_refresh(struct coach *c)
{
	struct session_log log;
	struct progress p;
	struct red_flags flags;
	struct flag_lookup find = { c->program, c->base_rules, c->load_program, c->load_ctx };
	day_t next = c->next_training_day;

	time_t wall = coach_wall(c);

	coach_read_history(c, &log);
	schedule_level(&log, c->program, c->rules, next, wall, &p);
	progress_why(&p, c->rules, c->program, c->why_next, sizeof(c->why_next));
	c->next_level = p.level;
	c->ask_entry_test = p.ready_for_next && c->program->next &&
			    (c->program->entry_test || c->program->measured_test);
	check_red_flags(&log, c->rules, &find, c->today, wall, &p, &flags);
	if (flags.flag != RF_NONE && !flags.already_shown)
		c->flags = flags;
	session_log_free(&log);
}

bool coach_retry(struct coach *c)
{
	return history_retry(&c->writer);
}

bool coach_unsaved(const struct coach *c)
{
	return c->writer.npending > 0;
}

void coach_print_unsaved(struct coach *c, FILE *out)
{
	size_t n = c->writer.npending;

	if (!coach_unsaved(c))
		return;
	/* the screen is gone: waiting for another talus's write freezes nothing now */
	c->writer.lock_wait_ms = 2000;
	if (history_retry(&c->writer))
		return;
	n = c->writer.npending;
	fprintf(out, "talus: %s\n", c->writer.err);
	/* the terminal may be gone (a closed window): keep them in a file first */
	if (history_keep_unsaved(&c->writer)) {
		fprintf(out, "talus: %zu record%s not saved %s kept in %s%s; talus adds %s to the "
			     "history at its next save\n", n, n == 1 ? "" : "s", n == 1 ? "is" : "are",
			c->writer.path, HISTORY_UNSAVED_SUFFIX, n == 1 ? "it" : "them");
		return;
	}
	fprintf(out, "talus: %s\n", c->writer.err);
	fprintf(out, "talus: these records are not saved; to keep them, add them to %s "
		     "by hand:\n", c->writer.path);
	for (size_t i = 0; i < c->writer.npending; i++)
		fputs(c->writer.pending[i], out);
}

int coach_retry_ms(const struct coach *c)
{
	/* another talus's write holds the lock for a moment: try again soon */
	return c->writer.errnum == EWOULDBLOCK ? 500 : 10000;
}

const char *coach_save_error(const struct coach *c)
{
	if (!c->writer.npending)
		return NULL;
	return c->writer.errnum == EWOULDBLOCK ? "another talus is writing the history"
					       : strerror(c->writer.errnum);
}

void coach_trace_event(struct coach *c, int64_t now, const char *what)
{
	if (!c->trace)
		return;
	fprintf(c->trace, "%lld\t%s\n", (long long)now, what);
	fflush(c->trace);
}

void coach_trace_step(struct coach *c, int64_t now, int64_t deadline)
{
	const struct engine *e = &c->engine;
	static const char *const kind[] = { "get-ready", "work", "switch", "rest" };

	if (!c->trace)
		return;
	if (e->finished) {
		fprintf(c->trace, "%lld\tfinished\n", (long long)now);
	} else {
		const struct step *s = engine_step(e);
		fprintf(c->trace, "%lld\tstep=%zu\t%s\t%s\tset=%d\tstart=%lld\tdeadline=%lld\n",
			(long long)now, e->step, kind[s->kind],
			c->program->exercises[s->exercise].name, s->set, (long long)e->step_start,
			deadline == NO_DEADLINE ? -1LL : (long long)deadline);
	}
	fflush(c->trace);
}
