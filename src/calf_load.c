#include "calf_load.h"

static long exercise_load(const struct exercise *ex, int level)
{
	if (ex->calf_load.n == 0 || !exercise_at_level(ex, level))
		return 0;
	return (long)level_value(&ex->sets, level) * level_value(&ex->reps, level) *
	       level_value(&ex->calf_load, level);
}

long calf_load_at(const struct program *prog, int level)
{
	long sum = 0;

	if (level < 1)
		return 0;
	for (size_t i = 0; i < prog->nexercises; i++)
		sum += exercise_load(&prog->exercises[i], level);
	return sum;
}

static bool rises_too_much(long from, long to)
{
	return from > 0 && to * 100 > from * (100 + CALF_LOAD_MAX_RISE);
}

/* The line of the first exercise whose load grows at the step: the one to look at. */
static int growing_line(const struct program *prog, int level)
{
	for (size_t i = 0; i < prog->nexercises; i++) {
		const struct exercise *ex = &prog->exercises[i];
		if (exercise_load(ex, level + 1) > exercise_load(ex, level))
			return ex->calf_load_line;
	}
	return 1;
}

static void warn(struct strbuf *out, const struct program *prog, int line, int level,
		 long from, long to, const char *to_program, int to_level)
{
	/* the numbers are computed, not the file's: say how, so they can be checked */
	sb_printf(out, "%s:%d: warning: the per-leg calf load (sets x reps x calf-load / 100, "
		  "summed over the calf work) rises %ld%% from level %d (%ld) "
		  "to %s%slevel %d (%ld); keep a step within %d%%\n",
		  prog->path, line, (to * 100 + from / 2) / from - 100, level, (from + 50) / 100,
		  to_program ? to_program : "", to_program ? " " : "", to_level, (to + 50) / 100,
		  CALF_LOAD_MAX_RISE);
}

int calf_load_warnings(const struct program *prog, const struct program *next,
		       struct strbuf *out)
{
	int n = 0;

	for (int level = 1; level < prog->levels; level++) {
		long from = calf_load_at(prog, level), to = calf_load_at(prog, level + 1);
		if (rises_too_much(from, to)) {
			warn(out, prog, growing_line(prog, level), level, from, to, NULL, level + 1);
			n++;
		}
	}
	if (next) {
		long from = calf_load_at(prog, prog->levels), to = calf_load_at(next, 1);
		if (rises_too_much(from, to)) {
			warn(out, prog, prog->next_line, prog->levels, from, to, next->name, 1);
			n++;
		}
	}
	return n;
}
