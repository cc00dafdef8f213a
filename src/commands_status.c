/* --status, and the reminder that runs it: --install-reminder, --remove-reminder. */
#include "commands.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paths.h"
#include "reminder.h"
#include "safefile.h"
#include "status.h"
#include "util.h"

int cmd_status(struct state *st)
{
	struct status_request req;
	struct status_program others[CONFIG_MAX_ALSO];
	struct status_fields f;
	char line[512], bad = 0;

	memset(&req, 0, sizeof(req));
	req.log = &st->log;
	req.prog = &st->prog;
	req.progress = &st->progress;
	req.flags = &st->flags;
	req.days = st->days;
	req.today = st->today;
	req.now = state_now(st);
	req.units = st->cfg.units;
	req.shoe_limit = st->cfg.shoe_limit;
	for (int i = 0; i < st->nside; i++)
		others[i] = (struct status_program){ &st->side[i].prog, &st->side[i].progress,
						     st->side[i].days };
	req.others = others;
	req.nothers = st->nside;
	req.no_free_runs = st->no_running[0] || st->ladder || program_is_walk_run(&st->prog);
	for (int i = 0; i < st->nside; i++)
		req.no_free_runs |= program_is_walk_run(&st->side[i].prog);
	status_compute(&req, &f);
	if (st->opt->format) {
		if (!status_format(&f, st->opt->format, line, sizeof(line), &bad)) {
			if (bad)
				say("--format: unknown field %%%c (use %%s %%m %%f %%c %%w %%l %%p %%%%)", bad);
			else
				say("--format: a lone %% at the end (%%%% is a %%)");
			return EXIT_BAD_INPUT;
		}
	} else {
		status_line(&f, line, sizeof(line));
	}
	if (f.due)
		printf("%s\n", line);
	return 0;
}

/* ---- the reminder ---- */

static char *unit_path(const char *dir, const char *suffix)
{
	return xasprintf("%s/%s.%s", dir, REMINDER_UNIT, suffix);
}

/* A unit of ours, or none: never overwrite or remove the runner's own file. */
static bool ours_or_absent(const char *path)
{
	FILE *f = fopen(path, "r");
	char first[sizeof(REMINDER_MARK) + 1];
	bool ours;

	if (!f)
		return errno == ENOENT;
	ours = fgets(first, sizeof(first), f) && strncmp(first, REMINDER_MARK, strlen(REMINDER_MARK)) == 0;
	fclose(f);
	return ours;
}

/* mkdir -p, 0755 as systemd's folders are. */
static bool make_dirs(const char *dir)
{
	char *copy = xstrdup(dir);
	bool ok = true;

	for (char *p = copy + 1; ok; p++) {
		char c = *p;
		if (c != '/' && c != '\0')
			continue;
		*p = '\0';
		ok = mkdir(copy, 0755) == 0 || errno == EEXIST;
		*p = c;
		if (!c)
			break;
	}
	free(copy);
	return ok;
}

/* Written whole or not at all: a unit is never half there. */
static bool write_unit(const char *path, const char *text)
{
	char err[PATH_MAX + 100];

	bool ok = file_replace(path, text, strlen(text), err, sizeof(err));

	if (!ok)
		say("%s", err);
	return ok;
}

/* talus as the service runs it: this binary and the files named on the command line,
 * as absolute paths. */
static size_t service_args(const struct options *opt, char **args)
{
	char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
	size_t k = 0;
	const char *names[] = { "--config", "--programs", "--history-file" };
	const char *values[] = { opt->config_file, opt->programs_dir, opt->history_file };

	buf[n > 0 ? n : 0] = '\0';
	args[k++] = xstrdup(n > 0 ? buf : "talus");
	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		if (!values[i])
			continue;
		args[k++] = xstrdup(names[i]);
		args[k++] = realpath(values[i], buf) ? xstrdup(buf) : xstrdup(values[i]);
	}
	return k;
}

int cmd_install_reminder(struct state *st)
{
	char *dir = default_systemd_user_dir(), *service = NULL, *timer = NULL, *args[8];
	size_t nargs = 0;
	struct strbuf text;
	int status = 0;

	sb_init(&text);
	if (!dir) {
		say("no folder for systemd user units: set HOME or XDG_CONFIG_HOME");
		free(dir);
		return 1;
	}
	service = unit_path(dir, "service");
	timer = unit_path(dir, "timer");
	nargs = service_args(st->opt, args);
	for (size_t i = 0; i < nargs && status == 0; i++)
		if (!reminder_word_ok(args[i])) {
			say("%s: a path with spaces, quotes or shell characters cannot go into the "
			    "reminder's command", args[i]);
			status = EXIT_BAD_INPUT;
		}
	for (const char *p = service; status == 0 && p; p = p == service ? timer : NULL)
		if (!ours_or_absent(p)) {
			say("%s: not written by talus; left as it is", p);
			status = EXIT_BAD_INPUT;
		}
	if (status == 0 && !make_dirs(dir)) {
		say("%s: cannot make the folder: %s", dir, strerror(errno));
		status = 1;
	}
	if (status == 0) {
		reminder_service(&text, (const char *const *)args, nargs);
		status = write_unit(service, text.buf) ? 0 : 1;
	}
	if (status == 0) {
		char when[64];
		day_set days = st->days; /* every program's, after the long run's moves */
		for (int i = 0; i < st->nside; i++)
			days |= st->side[i].days;
		sb_reset(&text);
		reminder_timer(&text, days, st->cfg.reminder_minutes);
		status = write_unit(timer, text.buf) ? 0 : 1;
		reminder_calendar(days, st->cfg.reminder_minutes, when, sizeof(when));
		if (status == 0)
			printf("Wrote %s\nand %s (%s).\nTo turn it on:\n"
			       "  systemctl --user daemon-reload\n"
			       "  systemctl --user enable --now %s.timer\n",
			       service, timer, when, REMINDER_UNIT);
	}
	for (size_t i = 0; i < nargs; i++)
		free(args[i]);
	sb_free(&text);
	free(service);
	free(timer);
	free(dir);
	return status;
}

int cmd_remove_reminder(struct state *st)
{
	char *dir = default_systemd_user_dir(), *paths[3];
	int status = 0, removed = 0;

	(void)st;
	if (!dir) {
		say("no folder for systemd user units: set HOME or XDG_CONFIG_HOME");
		return 1;
	}
	paths[0] = unit_path(dir, "timer");
	paths[1] = unit_path(dir, "service");
	/* what `systemctl --user enable` linked: gone with the timer */
	paths[2] = xasprintf("%s/timers.target.wants/%s.timer", dir, REMINDER_UNIT);
	for (int i = 0; i < 3; i++) {
		struct stat sb;
		if (lstat(paths[i], &sb) != 0)
			continue;
		if (i < 2 && !ours_or_absent(paths[i])) {
			say("%s: not written by talus; left as it is", paths[i]);
			status = EXIT_BAD_INPUT;
			continue;
		}
		if (i == 2 && status != 0) /* the link of a timer not ours is not ours either */
			continue;
		if (unlink(paths[i]) != 0) {
			say("%s: cannot remove: %s", paths[i], strerror(errno));
			status = 1;
			continue;
		}
		if (i < 2)
			printf("Removed %s\n", paths[i]);
		removed++;
	}
	if (removed)
		printf("To stop a timer already running: systemctl --user daemon-reload; "
		       "systemctl --user stop %s.timer\n", REMINDER_UNIT);
	else if (status == 0)
		printf("No reminder installed in %s\n", dir);
	for (int i = 0; i < 3; i++)
		free(paths[i]);
	free(dir);
	return status;
}
