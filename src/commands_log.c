/* The runner's log from the command line: a morning rating, a run, the runs and the
 * shoes. */
#include "commands.h"

#include <stdio.h>
#include <string.h>

#include "history.h"
#include "redflag.h"
#include "runs.h"
#include "runs_chart.h"
#include "runs_report.h"
#include "util.h"

/* The hours since the session or run a morning rating now follows, or -1 when it is
 * not the morning after one (the same day, or over MORNING_AFTER_HOURS). */
static long hours_after(const struct session_log *log, day_t today, time_t now)
{
	int64_t end;
	day_t day;

	if (!last_exercise(log, now, &end, &day) || day >= today ||
	    now - end > MORNING_AFTER_HOURS * 3600)
		return -1;
	return (long)((now - end) / 3600);
}

/* The level today of the program the coach would run, or -1 when it cannot be read:
 * a morning rating is saved whatever the programs are. */
static int level_today(struct state *st, struct program *prog, bool loaded)
{
	struct progression_rules rules;
	struct progress p;

	if (!loaded)
		return -1;
	program_rules(prog, &st->cfg.rules, &rules);
	schedule_level(&st->log, prog, &rules, st->today, state_now(st), &p);
	return p.level;
}

int cmd_morning(struct state *st)
{
	struct strbuf line;
	struct program prog;
	char err[512];
	long hours = hours_after(&st->log, st->today, state_now(st));
	int pain = st->opt->morning_pain, was, now;
	bool saved, loaded;

	loaded = catalog_load(&st->catalog, active_program(&st->log, st->cfg.program), &prog, err,
			      sizeof(err));
	was = level_today(st, &prog, loaded);
	sb_init(&line);
	rec_begin(&line, state_now(st), REC_MORNING);
	rec_put_int(&line, HK_PAIN, pain);
	if (hours >= 0)
		rec_put_int(&line, HK_HOURS, hours);
	rec_finish(&line);
	saved = state_save_record(st, &line);
	if (saved) {
		printf("Saved: morning pain %d/10.\n", pain);
		now = level_today(st, &prog, loaded);
		if (now != was)
			printf("Today at level %d, not %d: this morning was %d.\n", now, was, pain);
		if (pain >= st->cfg.rules.alarm_pain)
			printf("Pain %d is severe: progression pauses at the easiest level, and the "
			       "coach asks the red-flag questions when you next open it. If one "
			       "applies, see a clinician (talus --safety).\n", pain);
	}
	if (loaded)
		program_free(&prog);
	sb_free(&line);
	return saved ? 0 : 1;
}

static void say_cap(const struct run_cap *cap, enum units units, const char *what)
{
	char d[32], l[96];

	format_distance(cap->metres, units, d, sizeof(d));
	run_cap_longest(cap, units, l, sizeof(l));
	runs_put_wrapped(stdout, "%s: at most %s (%d%% of your longest run in %d days, %s).", what,
			 d, RUN_CAP_PERCENT, RUN_CAP_DAYS, l);
}

/* What the rehab says of running now (runs_caution). */
static void run_warnings(const struct state *st)
{
	char why[300];

	if (runs_caution(&st->log, state_now(st), why, sizeof(why)))
		runs_put_wrapped(stdout, "%s", why);
}

void say_run_saved(const struct state *st, const char *verb, long metres, long secs, int pain,
		   const struct run_cap *before)
{
	enum units units = (enum units)st->cfg.units;
	char d[32], pace[32], took[32], over[300];

	format_distance(metres, units, d, sizeof(d));
	if (secs > 0) {
		format_pace(metres, secs, units, pace, sizeof(pace));
		format_duration(secs, took, sizeof(took));
		printf("%s: a run of %s in %s (%s).\n", verb, d, took, pace);
	} else {
		printf("%s: a run of %s.\n", verb, d);
	}
	/* it happened, so it is recorded; the warning says by how much and why */
	if (run_over_cap(before, metres, units, over, sizeof(over)))
		runs_put_wrapped(stdout, "%s", over);
	/* a pain rating as a session's is (run_pain_effect) */
	if (pain >= st->cfg.rules.alarm_pain)
		runs_put_wrapped(stdout, "Pain %d on the run is severe: it does not raise the cap, "
				 "progression pauses at the easiest level, and the coach asks the "
				 "red-flag questions when you next open it. If one applies, see a "
				 "clinician (talus --safety).", pain);
	else if (pain > RUN_PAIN_MAX)
		runs_put_wrapped(stdout, "Pain %d on the run, above %d: it does not raise the cap, "
				 "the count of easy sessions starts over, and nothing moves up "
				 "before a settled morning; hops and walk/run go a level down.",
				 pain, RUN_PAIN_MAX);
}

void say_next_run(const struct state *st)
{
	struct run_cap after;

	run_cap(&st->log, st->today, state_now(st), &after);
	if (after.metres > 0)
		say_cap(&after, (enum units)st->cfg.units, "Next run");
	run_warnings(st);
}

int cmd_run(struct state *st)
{
	const struct options *o = st->opt;
	enum units units = (enum units)st->cfg.units;
	struct strbuf line;
	struct run_cap before;
	struct run_entry entry;
	struct program prog;
	char err[512];
	long metres;
	int was, now;
	bool saved, loaded;

	if (!parse_distance(o->run, units, &metres)) {
		say("--run takes a distance like 8.2km, 5mi or 800m, got '%s'", o->run);
		return EXIT_BAD_INPUT;
	}
	if (!run_plausible(metres, o->run_secs)) {
		say("--run %s in --time %ld:%02ld is faster than 2:00 a kilometre: check the "
		    "distance and the time", o->run, o->run_secs / 60, o->run_secs % 60);
		return EXIT_BAD_INPUT;
	}
	run_cap(&st->log, st->today, state_now(st), &before);
	loaded = catalog_load(&st->catalog, active_program(&st->log, st->cfg.program), &prog, err,
			      sizeof(err));
	was = level_today(st, &prog, loaded);
	sb_init(&line);
	entry.metres = metres;
	entry.secs = o->run_secs;
	entry.pain = o->run_pain;
	entry.shoes = o->shoes;
	entry.surface = o->surface;
	entry.note = o->note;
	runs_record_line(&line, state_now(st), &entry);
	if (!(saved = state_save_record(st, &line)))
		goto out;
	say_run_saved(st, "Saved", metres, o->run_secs, o->run_pain, &before);
	if ((now = level_today(st, &prog, loaded)) != was)
		printf("Today at level %d, not %d: pain %d on the run.\n", now, was, o->run_pain);
	say_next_run(st);
out:
	if (loaded)
		program_free(&prog);
	sb_free(&line);
	return saved ? 0 : 1;
}

void state_runs_request(const struct state *st, struct runs_request *req)
{
	req->log = &st->log;
	req->today = st->today;
	req->now = state_now(st);
	req->week_start = st->cfg.week_start;
	req->units = (enum units)st->cfg.units;
	req->shoe_limit = st->cfg.shoe_limit;
	req->shoes = NULL;
	req->walk_run = st->ladder || program_is_walk_run(&st->prog);
	for (int i = 0; i < st->nside; i++)
		req->walk_run |= program_is_walk_run(&st->side[i].prog);
	req->no_running = st->no_running[0] ? st->no_running : NULL;
}

int cmd_runs(struct state *st)
{
	struct runs_request req;

	state_runs_request(st, &req);
	runs_print(stdout, &req);
	return 0;
}

int cmd_shoes(struct state *st)
{
	struct runs_request req;

	state_runs_request(st, &req);
	if (st->opt->shoes) { /* --shoes NAME: that pair alone */
		bool retired;
		if (shoes_distance(&st->log, st->opt->shoes, req.now, &retired) < 0) {
			say("no run names the shoes '%s' (talus --shoes lists them)", st->opt->shoes);
			return EXIT_BAD_INPUT;
		}
		req.shoes = st->opt->shoes;
	}
	shoes_print(stdout, &req);
	return 0;
}

int cmd_retire_shoes(struct state *st)
{
	struct strbuf line;
	bool retired, saved;

	if (shoes_distance(&st->log, st->opt->shoes, state_now(st), &retired) < 0) {
		say("no run names the shoes '%s' (talus --shoes lists them)", st->opt->shoes);
		return EXIT_BAD_INPUT;
	}
	sb_init(&line);
	rec_begin(&line, state_now(st), REC_RETIRE);
	rec_put_str(&line, HK_SHOES, st->opt->shoes);
	rec_finish(&line);
	saved = state_save_record(st, &line);
	if (saved)
		printf("Retired: %s.\n", st->opt->shoes);
	sb_free(&line);
	return saved ? 0 : 1;
}
