/* --report for the physio, and --plan as a calendar (--ics FILE, --format ics). */
#include "commands.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ics.h"
#include "physio_report.h"
#include "runs_report.h"
#include "safefile.h"
#include "util.h"

/* FILE may be new, or an old calendar (empty, or starting BEGIN:VCALENDAR): the
 * history, a link, a FIFO or any other file is left as it is. */
static bool ics_target_ok(const char *path, const char *history)
{
	struct stat sb, hb;
	char head[16] = "";
	FILE *f;

	if (lstat(path, &sb) != 0)
		return errno == ENOENT;
	if (!S_ISREG(sb.st_mode))
		return false;
	if (history && stat(history, &hb) == 0 && hb.st_dev == sb.st_dev && hb.st_ino == sb.st_ino)
		return false;
	if (!(f = fopen(path, "r")))
		return false;
	if (!fgets(head, sizeof(head), f))
		head[0] = '\0';
	fclose(f);
	return head[0] == '\0' || strncmp(head, "BEGIN:VCALENDAR", 15) == 0;
}

static bool write_file(const char *path, const char *text, size_t len)
{
	char err[PATH_MAX + 100];

	bool ok = file_replace(path, text, len, err, sizeof(err));

	if (!ok)
		say("%s", err);
	return ok;
}

/* The calendar's runs: the run days with the cap, and the cap line on the training
 * days (rehab.md: no running before the return-to-run criteria, said instead). */
static void ics_runs(const struct state *st, struct ics_request *req, char *runs, size_t len,
		     char *cap_text, size_t caplen)
{
	struct run_cap cap;
	bool impact = st->prog.impact;

	if (st->no_running[0]) {
		snprintf(runs, len, "No running yet: %s first (rehab.md's return-to-run criteria).",
			 st->no_running);
		req->runs = runs;
		return;
	}
	if (st->ladder) {
		snprintf(runs, len, "Runs outside the walk/run ladder: none until it is done.");
		req->runs = runs;
		return;
	}
	run_cap(&st->log, st->today, req->now, &cap);
	req->run_days = st->cfg.run_days;
	req->long_run_day = st->cfg.long_run_day;
	for (int i = 0; i < st->nside; i++)
		impact = impact || st->side[i].prog.impact;
	if (cap.metres > 0) {
		format_distance(cap.metres, (enum units)st->cfg.units, cap_text, caplen);
		req->run_cap = cap_text;
		snprintf(runs, len, "Run cap: at most %s (%d%% of your longest run in %d days).",
			 cap_text, RUN_CAP_PERCENT, RUN_CAP_DAYS);
		req->runs = runs;
	} else if (impact) {
		snprintf(runs, len, "Run cap: no run in %d days to set one; start short.",
			 RUN_CAP_DAYS);
		req->runs = runs;
	}
}

int cmd_plan_ics(struct state *st)
{
	struct ics_request req;
	struct strbuf out;
	int ndays = st->opt->weeks * 7, status = 0;
	int *levels = xmalloc((size_t)(1 + CONFIG_MAX_ALSO) * (size_t)ndays * sizeof(*levels));
	int *side_levels = levels + ndays;
	struct ics_program others[CONFIG_MAX_ALSO];
	char runs[300], cap[32];

	if (st->opt->format && strcmp(st->opt->format, "ics") != 0) {
		say("--plan takes --format ics, got '%s'", st->opt->format);
		free(levels);
		return EXIT_BAD_INPUT;
	}
	if (st->opt->have_since || st->opt->full) {
		say("--plan as a calendar shows the days from today, in full: no --since or --full");
		free(levels);
		return EXIT_BAD_INPUT;
	}
	if (st->opt->ics_file && !ics_target_ok(st->opt->ics_file, st->history_path)) {
		say("%s: not a calendar talus wrote; left as it is", st->opt->ics_file);
		free(levels);
		return EXIT_BAD_INPUT;
	}
	schedule_forecast_range(&st->progress, &st->rules, st->days, st->today, st->today, ndays,
				levels);
	memset(&req, 0, sizeof(req));
	req.program = &st->prog;
	req.day_levels = levels;
	req.level = st->progress.level;
	req.today = st->today;
	req.ndays = ndays;
	req.days = st->days;
	req.now = state_now(st);
	for (int i = 0; i < st->nside; i++) {
		struct side_program *sp = &st->side[i];
		int *lv = side_levels + (size_t)i * (size_t)ndays;
		schedule_forecast_range(&sp->progress, &sp->rules, sp->days, st->today, st->today,
					ndays, lv);
		others[i] = (struct ics_program){ &sp->prog, lv, sp->progress.level, sp->days };
	}
	req.others = others;
	req.nothers = st->nside;
	ics_runs(st, &req, runs, sizeof(runs), cap, sizeof(cap));
	sb_init(&out);
	ics_plan(&out, &req);
	if (st->opt->ics_file)
		status = write_file(st->opt->ics_file, out.buf, out.len) ? 0 : 1;
	else if (fwrite(out.buf, 1, out.len, stdout) != out.len)
		status = 1;
	sb_free(&out);
	free(levels);
	return status;
}

#define REPORT_WEEKS 12 /* *design*: a block of rehab, what a physio reviews */

int cmd_report(struct state *st)
{
	struct physio_request req;
	int back = (weekday(st->today) - st->cfg.week_start + 7) % 7;

	if (st->opt->format && strcmp(st->opt->format, "md") != 0 &&
	    strcmp(st->opt->format, "text") != 0) {
		say("--report takes --format md or text, got '%s'", st->opt->format);
		return EXIT_BAD_INPUT;
	}
	if (st->opt->have_since && st->opt->since > st->today) {
		say("--since is after today");
		return EXIT_BAD_INPUT;
	}
	memset(&req, 0, sizeof(req));
	req.log = &st->log;
	req.prog = &st->prog;
	req.progress = &st->progress;
	req.flags = &st->flags;
	req.base_rules = &st->cfg.rules;
	req.load_program = state_load_program;
	req.load_ctx = st;
	req.days = st->days;
	req.today = st->today;
	req.now = state_now(st);
	req.units = st->cfg.units;
	req.markdown = st->opt->format && strcmp(st->opt->format, "md") == 0;
	/* whole weeks: from the week start REPORT_WEEKS - 1 weeks before this one's */
	req.since = st->opt->have_since ? st->opt->since : st->today - back - 7 * (REPORT_WEEKS - 1);
	physio_report(stdout, &req);
	return 0;
}
