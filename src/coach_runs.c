#include "coach_runs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

void coach_runs_request(const struct coach *c, const struct session_log *log, time_t wall,
			struct runs_request *req)
{
	req->log = log;
	req->today = c->today;
	req->now = wall;
	req->week_start = c->run_settings.week_start;
	req->units = c->run_settings.units;
	req->shoe_limit = c->run_settings.shoe_limit > 0 ? c->run_settings.shoe_limit
							 : SHOE_LIMIT_METRES;
	req->shoes = NULL;
	req->walk_run = c->run_settings.ladder || program_is_walk_run(c->program);
	req->no_running = c->run_settings.no_running;
}

/* The chart and the list from the history as now written. */
static void reload(struct coach *c, time_t wall)
{
	struct coach_runs *r = c->runs;
	struct runs_request req;

	session_log_free(&r->log);
	coach_read_history(c, &r->log);
	coach_runs_request(c, &r->log, wall, &req);
	runs_chart(&req, &r->chart);
	r->npains = runs_pains(&r->log, r->chart.week[0].from, wall, r->pains, RUNS_PAINS_MAX);
	runs_caution(&r->log, wall, r->caution, sizeof(r->caution));
	if (!runs_note(&req, c->runs_note, sizeof(c->runs_note)))
		c->runs_note[0] = '\0';
}

void coach_runs_open(struct coach *c, time_t wall)
{
	if (!c->runs)
		c->runs = xcalloc(1, sizeof(*c->runs));
	c->runs->said[0] = c->runs->warning[0] = '\0';
	c->runs->form_open = false;
	reload(c, wall);
}

void coach_runs_close(struct coach *c)
{
	if (!c->runs)
		return;
	session_log_free(&c->runs->log);
	free(c->runs);
	c->runs = NULL;
}

void coach_runs_form(struct coach *c, time_t wall)
{
	struct coach_runs *r = c->runs;

	if (!r)
		return;
	run_form_open(&r->form, &r->log, c->run_settings.units, wall);
	r->form_open = true;
	r->said[0] = r->warning[0] = '\0';
}

bool coach_runs_form_done(struct coach *c, time_t wall)
{
	struct coach_runs *r = c->runs;
	bool saved = true;

	if (!r || !r->form_open || (r->form.state != RFS_SAVED && r->form.state != RFS_CANCELLED))
		return true;
	r->form_open = false;
	if (r->form.state != RFS_SAVED)
		return true;
	runs_record_line(&c->line, wall, &r->form.entry);
	saved = history_append(&c->writer, c->line.buf);
	/* "Saved: a run of ...", as --run says; the status line says why when it is not */
	snprintf(r->said, sizeof(r->said), "%s: a%s", saved ? "Saved" : "Not saved yet",
		 r->form.summary + 1);
	run_over_cap(&r->chart.cap, r->form.entry.metres, c->run_settings.units, r->warning,
		     sizeof(r->warning));
	reload(c, wall);
	return saved;
}
