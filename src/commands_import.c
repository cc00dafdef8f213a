/* talus --import FILE...: the runs of GPX, TCX and FIT files recorded one by one. A
 * broken file is named with what is wrong and records nothing; the good ones around it
 * are imported, and the exit status is then 2. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "commands.h"
#include "import_runs.h"
#include "runs.h"
#include "util.h"

#define PATH_SHOWN_MAX 256 /* a path as shown, cut */

/* What the command has done so far. */
struct import_tally {
	int imported;
	bool bad;     /* a file was broken or unreadable: exit 2 */
	bool failed;  /* a record could not be saved: exit 1 */
};

/* The path as shown: control characters out. */
static void shown(const char *path, char *buf, size_t len)
{
	copy_str(buf, len, path);
	sanitize_text(buf);
}

static void say_duplicate(const struct state *st, const char *name, const struct run *r)
{
	char d[32], date[DATE_BUF];

	format_distance(r->metres, (enum units)st->cfg.units, d, sizeof(d));
	date_format_day(r->day, date);
	printf("%s: already imported (the run of %s on %s): skipped.\n", name, d, date);
}

/* An activity that is not a run: one line naming it. */
static void say_not_run(const char *name, const struct activity *a)
{
	if (a->sport[0])
		printf("%s: not a run (%s): skipped.\n", name, a->sport);
	else
		printf("%s: no sport named and not a run's pace: skipped.\n", name);
}

static void import_one(struct state *st, const struct import_file *f, const struct activity *a,
		       const char *name, struct import_tally *t)
{
	struct strbuf line;
	struct run_cap before;
	const struct run *dup;
	char verb[PATH_SHOWN_MAX + DATE_BUF + 16], date[DATE_BUF];

	if (!a->running) {
		say_not_run(name, a);
		return;
	}
	if (a->metres <= 0) {
		printf("%s: a run with no distance: nothing to record (talus --run logs it).\n", name);
		return;
	}
	if (a->moving_secs > 0 && !run_plausible(a->metres, a->moving_secs)) {
		printf("%s: a run faster than 2:00 a kilometre, so not a run (a ride?): skipped.\n",
		       name);
		return;
	}
	if ((dup = import_duplicate(&st->log, NULL, a))) {
		say_duplicate(st, name, dup);
		return;
	}
	sb_init(&line);
	import_record(&line, a, f->hash);
	if (!state_save_record(st, &line)) {
		t->failed = true;
		sb_free(&line);
		return;
	}
	sb_free(&line);
	t->imported++;
	/* the saved run as read back (its local day), and the cap as it stood just before */
	for (size_t i = 0; i < st->log.nruns; i++) {
		const struct run *r = &st->log.runs[i];
		if (r->when != a->start || strcmp(r->hash, f->hash) != 0 || r->metres != a->metres)
			continue;
		run_cap(&st->log, r->day, r->when - 1, &before);
		date_format_day(r->day, date);
		snprintf(verb, sizeof(verb), "Imported %s (%s)", name, date);
		say_run_saved(st, verb, r->metres, r->secs, -1, &before);
		return;
	}
}

static void import_path(struct state *st, const char *path, struct import_tally *t)
{
	struct import_file f;
	const struct run *dup;
	char err[IMPORT_ERR_MAX], name[PATH_SHOWN_MAX];

	shown(path, name, sizeof(name));
	if (!import_file_read(path, &f, err, sizeof(err))) {
		say("%s: %s", name, err);
		t->bad = true;
		import_file_free(&f);
		return;
	}
	for (size_t i = 0; i < f.acts.n; i++) /* the whole file is good, or none of it is kept */
		if (f.acts.items[i].running && !import_check(&f.acts.items[i], err, sizeof(err))) {
			say("%s: %s", name, err);
			t->bad = true;
			import_file_free(&f);
			return;
		}
	if (f.acts.n == 0)
		printf("%s: no activity in it: nothing to import.\n", name);
	else if ((dup = import_duplicate(&st->log, f.hash, NULL)))
		say_duplicate(st, name, dup);
	else
		for (size_t i = 0; i < f.acts.n; i++)
			import_one(st, &f, &f.acts.items[i], name, t);
	import_file_free(&f);
}

int cmd_import(struct state *st)
{
	const struct options *o = st->opt;
	struct import_tally t = { 0 };
	char **paths = NULL, err[IMPORT_ERR_MAX], name[PATH_SHOWN_MAX];
	size_t npaths = 0;

	for (int i = -1; i < o->nimport_more; i++) {
		const char *arg = i < 0 ? o->import : o->import_more[i];
		struct stat sb;
		if (stat(arg, &sb) == 0 && S_ISDIR(sb.st_mode)) {
			if (!import_folder(arg, &paths, &npaths, err, sizeof(err))) {
				shown(arg, name, sizeof(name));
				say("%s: %s", name, err);
				t.bad = true;
			}
		} else {
			paths = xrealloc(paths, (npaths + 1) * sizeof(*paths));
			paths[npaths++] = xstrdup(arg);
		}
	}
	for (size_t i = 0; i < npaths; i++) {
		if (!t.failed) /* the history cannot be written: the rest would fail alike */
			import_path(st, paths[i], &t);
		free(paths[i]);
	}
	free(paths);
	if (t.imported)
		say_next_run(st);
	return t.bad ? EXIT_BAD_INPUT : t.failed ? 1 : 0;
}
