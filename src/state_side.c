/* Several programs at once: the config's `also` programs beside the active one, each
 * with its own days, rules and level (the scheduler reads only a program's own
 * sessions), and the days the long run moves. */
#include "commands.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <string.h>

#include "coach.h"
#include "plan.h"
#include "plan_moves.h"
#include "runs.h"
#include "util.h"

/* A program beside the active one goes along `next` for each entry test passed, as the
 * active one does (a triage does not restart it: it chose the active one only). */
static const char *after_tests(const struct session_log *log, const char *name)
{
	for (int hops = 0; hops < 16; hops++) {
		const char *next = NULL;
		for (size_t i = 0; i < log->ntests; i++)
			if (log->tests[i].passed && strcmp(log->tests[i].program, name) == 0)
				next = log->tests[i].next;
		if (!next)
			break;
		name = next;
	}
	return name;
}

/* Already coached: the active program, or a side loaded before. */
static bool coached(const struct state *st, const char *name)
{
	if (strcmp(name, st->prog.name) == 0)
		return true;
	for (int i = 0; i < st->nside; i++)
		if (strcmp(name, st->side[i].prog.name) == 0)
			return true;
	return false;
}

static int load_one(struct state *st, const struct also_program *a)
{
	struct side_program *sp = &st->side[st->nside];
	const char *name = after_tests(&st->log, a->name);
	char err[512];

	if (coached(st, name))
		return 0; /* the triage or a test led the active one (or another) here */
	if (!catalog_find(&st->catalog, name)) {
		say("%s:%d: program '%s' is not found", st->cfg.path ? st->cfg.path : "config",
		    a->line, name);
		return EXIT_BAD_INPUT;
	}
	memset(sp, 0, sizeof(*sp));
	if (!catalog_load(&st->catalog, name, &sp->prog, err, sizeof(err))) {
		say("%s", err);
		return EXIT_BAD_INPUT;
	}
	st->nside++;
	sp->days = plan_training_days(&sp->prog, a->days, &sp->days_limited);
	program_rules(&sp->prog, &st->cfg.rules, &sp->rules);
	schedule_level(&st->log, &sp->prog, &sp->rules, st->today, state_now(st), &sp->progress);
	progress_why(&sp->progress, &sp->rules, &sp->prog, sp->why, sizeof(sp->why));
	return 0;
}

/* The nth program (0 the active one, then the sides), its level and days. */
static const struct program *nth_program(struct state *st, int nth, int *level, day_set **days)
{
	if (nth == 0) {
		*level = st->progress.level;
		*days = &st->days;
		return &st->prog;
	}
	*level = st->side[nth - 1].progress.level;
	*days = &st->side[nth - 1].days;
	return &st->side[nth - 1].prog;
}

/* The days of the programs other than the nth whose heavy kind is kind (HEAVY_NONE:
 * any heavy one). */
static day_set heavy_days_but(struct state *st, int nth, enum heavy_kind kind)
{
	day_set all = 0, *days;
	int level;

	for (int i = 0; i <= st->nside; i++) {
		const struct program *p = nth_program(st, i, &level, &days);
		enum heavy_kind h = plan_heavy_kind(p, level);
		if (i != nth && h != HEAVY_NONE && (kind == HEAVY_NONE || h == kind))
			all |= *days;
	}
	return all;
}

/* A heavy program's days moved off the days plan_move_why refuses, and the lines that
 * say so. */
static void move_days(struct state *st, int nth, int long_day)
{
	struct day_move m[7];
	day_set *days;
	int level, n;
	const struct program *prog = nth_program(st, nth, &level, &days);
	enum heavy_kind heavy = plan_heavy_kind(prog, level);

	*days = plan_move_days(*days, heavy, long_day, heavy_days_but(st, nth, HEAVY_CALF),
			       heavy_days_but(st, nth, HEAVY_NONE), m, &n);
	for (int i = 0; i < n && st->nmoves < (int)ARRAY_SIZE(st->moves); i++)
		plan_move_note(&m[i], heavy, prog->name, long_day, st->moves[st->nmoves++],
			       sizeof(st->moves[0]));
}

/* No running yet while a program is before the return-to-run exit and none is a
 * walk/run one: st->no_running names the program to finish first. */
static void running_gate(struct state *st)
{
	enum run_stage stages[1 + CONFIG_MAX_ALSO];
	char gate[64] = "";
	day_set *days;
	int level;

	for (int i = 0; i <= st->nside; i++) {
		const struct program *p = nth_program(st, i, &level, &days);
		char g[64] = "";
		/* following `next` reads program files: only when there are run days to gate
		 * (--status stays fast) */
		if (program_is_walk_run(p))
			stages[i] = RUN_STAGE_RUNNING;
		else if (!st->cfg.run_days)
			stages[i] = RUN_STAGE_OTHER;
		else
			stages[i] = plan_run_stage(p, state_load_program, st, g, sizeof(g));
		if (stages[i] == RUN_STAGE_BEFORE && !gate[0])
			copy_str(gate, sizeof(gate), g);
	}
	copy_str(st->no_running, sizeof(st->no_running),
		 st->cfg.run_days && !plan_running_allowed(stages, st->nside + 1) ? gate : "");
	/* the walk/run ladder, pain-gated, is the running until it is done (running.md):
	 * no free runs and no long run beside it */
	st->ladder = false;
	for (int i = 0; i <= st->nside; i++)
		st->ladder = st->ladder || stages[i] == RUN_STAGE_RUNNING;
}

int state_load_side(struct state *st)
{
	int status, long_day;

	for (int i = 0; !st->opt->program && i < st->cfg.nalso; i++)
		if ((status = load_one(st, &st->cfg.also[i])) != 0)
			return status;
	running_gate(st);
	/* no long run to keep days off before running is allowed, nor during the ladder */
	long_day = st->no_running[0] || st->ladder ? -1 : st->cfg.long_run_day;
	/* heavy calf work first: hops then keep 48 h after where it ended up */
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i <= st->nside; i++) {
			day_set *days;
			int level;
			const struct program *p = nth_program(st, i, &level, &days);
			if ((plan_heavy_kind(p, level) == HEAVY_HOPS) == (pass == 1))
				move_days(st, i, long_day);
		}
	return 0;
}

void state_side_free(struct state *st)
{
	for (int i = 0; i < st->nside; i++)
		program_free(&st->side[i].prog);
	st->nside = 0;
}

void state_plan_runs(const struct state *st, struct plan_request *req, char *cap, size_t caplen)
{
	struct run_cap rc;
	struct runs_request rr;

	req->run_days = st->no_running[0] || st->ladder ? 0 : st->cfg.run_days;
	req->no_running = st->no_running[0] ? st->no_running : NULL;
	if (req->no_running)
		req->runs = NULL; /* no cap on the next run before running is allowed */
	req->long_run_day = st->cfg.long_run_day;
	req->units = st->cfg.units;
	run_cap(&st->log, st->today, state_now(st), &rc);
	state_runs_request(st, &rr);
	if (rc.metres > 0 && !rr.walk_run) { /* the walk/run ladder sets the runs */
		format_distance(rc.metres, (enum units)st->cfg.units, cap, caplen);
		req->run_cap = cap;
	}
	req->moves = st->moves;
	req->nmoves = st->nmoves;
}

void state_coach_programs(struct state *st, struct coach_setup *setup)
{
	bool first_due = day_set_has_day(st->days, st->today);
	struct side_program *first = NULL;

	setup->nnext = 0;
	if (setup->triage)
		return;
	for (int i = 0; i < st->nside; i++) {
		struct side_program *sp = &st->side[i];
		if (!day_set_has_day(sp->days, st->today))
			continue;
		if (!first_due && !first) {
			first = sp;
			continue;
		}
		setup->next[setup->nnext++] = (struct coach_next){ &sp->prog, sp->days, &sp->rules };
	}
	if (!first)
		return;
	setup->program = &first->prog;
	setup->level = first->progress.level;
	setup->training_days = first->days;
	setup->rules = &first->rules;
	setup->why = first->why;
	setup->ready_for_next = first->progress.ready_for_next;
}

/* The columns --plan fits its table of several programs in: the terminal's, or
 * COLUMNS for a file or a pipe; 80 at most. */
static int plan_width(void)
{
	struct winsize ws;
	const char *env = getenv("COLUMNS");
	int width = env && *env ? atoi(env) : PLAN_WIDTH;

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		width = ws.ws_col;
	return width < 20 ? 20 : width > PLAN_WIDTH ? PLAN_WIDTH : width;
}

/* The programs beside the active one: their levels forecast as its is. */
void state_plan_sides(struct state *st, struct plan_request *req, struct plan_side *side,
		       int *levels, char (*forecast)[200])
{
	for (int i = 0; i < st->nside; i++) {
		struct side_program *sp = &st->side[i];
		int *lv = levels + (size_t)i * (size_t)st->opt->weeks * 7;
		day_t top = schedule_forecast_range(&sp->progress, &sp->rules, sp->days, st->today,
						    st->today, st->opt->weeks * 7, lv);

		side[i] = (struct plan_side){ &sp->prog, sp->progress.level, lv, sp->why, NULL,
					      sp->days, sp->days_limited };
		if (sp->prog.levels > 1 && top >= 0 && sp->progress.level < sp->prog.levels) {
			forecast_line(&sp->prog, top, forecast[i], sizeof(forecast[i]));
			side[i].forecast = forecast[i];
		}
	}
	req->side = side;
	req->nside = st->nside;
	req->width = plan_width();
}
