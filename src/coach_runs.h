/* The coach's runs screen as a model: the history as now written, the chart's numbers,
 * the form, and the run it logs written as every record of the coach is (kept and
 * retried when the history cannot take it yet). */
#ifndef TALUS_COACH_RUNS_H
#define TALUS_COACH_RUNS_H

#include <stdbool.h>
#include <time.h>

#include "coach.h"
#include "run_form.h"
#include "runs_chart.h"

#define RUNS_PAINS_MAX 64 /* the runs listed with their pain */

struct coach_runs {
	struct session_log log;    /* the history as now written */
	struct runs_chart chart;
	struct run_pain pains[RUNS_PAINS_MAX];
	size_t npains;
	bool form_open;
	struct run_form form;
	char said[300];            /* after a run is logged: what was saved */
	char warning[300];         /* and by how much it was over the cap */
	char caution[300];         /* no running now (runs_caution), or "" */
};

/* Opens the screen at wall (reads the history), and closes it. */
void coach_runs_open(struct coach *c, time_t wall);
void coach_runs_close(struct coach *c);
/* The runs request for the log, today and now. */
void coach_runs_request(const struct coach *c, const struct session_log *log, time_t wall,
			struct runs_request *req);
/* The form, new. */
void coach_runs_form(struct coach *c, time_t wall);
/* Once the form is confirmed (RFS_SAVED) or left (RFS_CANCELLED): the run written at
 * wall, the chart, the list and the start screen's note anew, the form closed. Returns
 * false when the record waits to be saved (coach_save_error says why). */
bool coach_runs_form_done(struct coach *c, time_t wall);

#endif
