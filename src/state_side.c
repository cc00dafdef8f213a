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

/* The days of the other heavy programs than the nth (0 the active one, then the sides):
 * a moved day lands on one of them last (hops 48 h after heavy calf work, rehab.md). */
static day_set heavy_days_but(const struct state *st, int nth)
{
	day_set days = 0;

	if (nth != 0 && plan_heavy_kind(&st->prog, st->progress.level) != HEAVY_NONE)
		days |= st->days;
	for (int i = 0; i < st->nside; i++)
		if (nth != i + 1 && plan_heavy_kind(&st->side[i].prog, st->side[i].progress.level) != HEAVY_NONE)
			days |= st->side[i].days;
	return days;
}

/* A heavy program's days kept off the day before the long run, and the line that
 * says so. */
static day_set move_days(struct state *st, int nth, const struct program *prog, int level,
			 day_set days)
{
	enum heavy_kind heavy = plan_heavy_kind(prog, level);
	struct day_move m;

	days = plan_move_days(days, heavy, st->cfg.long_run_day, heavy_days_but(st, nth), &m);
	if (m.from >= 0)
		plan_move_note(&m, heavy, prog->name, st->cfg.long_run_day, st->moves[st->nmoves++],
			       sizeof(st->moves[0]));
	return days;
}

int state_load_side(struct state *st)
{
	int status;

	for (int i = 0; !st->opt->program && i < st->cfg.nalso; i++)
		if ((status = load_one(st, &st->cfg.also[i])) != 0)
			return status;
	st->days = move_days(st, 0, &st->prog, st->progress.level, st->days);
	for (int i = 0; i < st->nside; i++)
		st->side[i].days = move_days(st, i + 1, &st->side[i].prog,
					     st->side[i].progress.level, st->side[i].days);
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

	req->run_days = st->cfg.run_days;
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
