#include "program_levels.h"

#include <stdio.h>
#include <string.h>

#include "entry_test.h"

/* Hops and running: pain at most 2/10 during, settled by the next morning (Vincent &
 * Vincent 2017, rehab.md's pain model), stricter than the 3 and 5 of other work. */
#define IMPACT_MAX_PAIN 2

cfg_opt_t pain_limits_opts[] = {
	CFG_INT("advance-max-pain", -1, CFGF_NONE),
	CFG_INT("repeat-max-pain", -1, CFGF_NONE),
	CFG_END()
};

static const char *const pain_limit_keys[] = { "advance-max-pain", "repeat-max-pain" };

bool exercise_at_level(const struct exercise *ex, int level)
{
	return ex->protective == (level == 0);
}

void format_level(const struct program *prog, int level, char *buf, size_t len)
{
	if (level == 0)
		snprintf(buf, len, "level 0 (protective)");
	else
		snprintf(buf, len, "level %d of %d", level, prog->levels);
}

bool check_protective_exercise(struct conf_doc *doc, int nth, const struct exercise *ex)
{
	const struct {
		const char *key;
		int n;
	} lists[] = {
		{ "sets", ex->sets.n }, { "reps", ex->reps.n }, { "hold", ex->hold.n },
		{ "rest", ex->rest.n }, { "cue", ex->cue.n },   { "load", ex->load.n },
		{ "calf-load", ex->calf_load.n },
	};

	if (!ex->protective)
		return true;
	/* level 0 has one dose: more values would never be used, and look like a climb */
	for (size_t i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
		if (lists[i].n > 1)
			return conf_error(doc, conf_key_line(doc, "exercise", nth, lists[i].key),
					  "'%s' is protective (level 0 only): give %s one value, not %d",
					  ex->name, lists[i].key, lists[i].n);
	return true;
}

static int count_sections(const struct conf_doc *doc, const char *name, int *second_line)
{
	int n = 0;

	for (size_t i = 0; i < doc->nsections; i++)
		if (strcmp(doc->sections[i].name, name) == 0 && n++ == 1)
			*second_line = doc->sections[i].line;
	return n;
}

static bool load_pain_limits(struct conf_doc *doc, struct program *prog)
{
	int second = 0, value[2];
	cfg_t *sec;

	if (count_sections(doc, "pain-limits", &second) == 0)
		return true;
	if (second)
		return conf_error(doc, second, "pain-limits is given twice (first at line %d)",
				  conf_section_line(doc, "pain-limits", 0));
	sec = cfg_getsec(doc->cfg, "pain-limits");
	for (int i = 0; i < 2; i++) {
		const char *key = pain_limit_keys[i];
		long v = cfg_getint(sec, key);
		if (!conf_has_key(doc, "pain-limits", 0, key))
			return conf_error(doc, conf_section_line(doc, "pain-limits", 0),
					  "pain-limits needs %s", key);
		if (v < 0 || v > 10)
			return conf_error(doc, conf_key_line(doc, "pain-limits", 0, key),
					  "%s must be 0-10, got %ld", key, v);
		value[i] = (int)v;
	}
	if (value[0] > value[1])
		return conf_error(doc, conf_key_line(doc, "pain-limits", 0, "advance-max-pain"),
				  "advance-max-pain (%d) is above repeat-max-pain (%d)", value[0],
				  value[1]);
	prog->own_pain_limits = true;
	prog->advance_max_pain = value[0];
	prog->repeat_max_pain = value[1];
	return true;
}

/* An impact program runs under the impact limits: its own if it sets them, never looser. */
static bool check_impact(struct conf_doc *doc, struct program *prog)
{
	if (!prog->impact)
		return true;
	if (!prog->own_pain_limits) {
		prog->own_pain_limits = true;
		prog->advance_max_pain = prog->repeat_max_pain = IMPACT_MAX_PAIN;
		return true;
	}
	for (int i = 0; i < 2; i++) {
		int v = i == 0 ? prog->advance_max_pain : prog->repeat_max_pain;
		if (v > IMPACT_MAX_PAIN)
			return conf_error(doc, conf_key_line(doc, "pain-limits", 0, pain_limit_keys[i]),
					  "%s must be 0-%d in an impact program (hops, running), got %d",
					  pain_limit_keys[i], IMPACT_MAX_PAIN, v);
	}
	return true;
}

/* Level 0 needs main work (isometric holds, seated heel raises), and levels 1 up need
 * exercises of their own. */
static bool check_protective_level(struct conf_doc *doc, struct program *prog)
{
	size_t protective = 0, main = 0;

	for (size_t i = 0; i < prog->nexercises; i++) {
		protective += prog->exercises[i].protective;
		main += prog->exercises[i].protective && prog->exercises[i].phase == PHASE_MAIN;
	}
	prog->protective_level = protective > 0;
	if (protective == 0)
		return true;
	if (protective == prog->nexercises)
		return conf_error(doc, conf_section_line(doc, "exercise", 0),
				  "every exercise is protective (level 0); levels 1-%d need one that is not",
				  prog->levels);
	if (main == 0)
		return conf_error(doc, conf_section_line(doc, "exercise", 0),
				  "the protective level 0 has no main exercise (an isometric hold, "
				  "a seated heel raise)");
	return true;
}

bool load_program_levels(struct conf_doc *doc, struct program *prog)
{
	const char *sore = cfg_getstr(doc->cfg, "sore-side");

	if (strcmp(sore, "first") != 0 && strcmp(sore, "only") != 0)
		return conf_error(doc, conf_key_line(doc, NULL, 0, "sore-side"),
				  "sore-side must be first or only, got '%s'", sore);
	prog->sore_side_only = strcmp(sore, "only") == 0;
	sore = cfg_getstr(doc->cfg, "entry-test-measure");
	prog->measure = -1;
	for (int m = 0; m < MEASURE_COUNT; m++)
		if (strcmp(sore, measure_key[m]) == 0)
			prog->measure = m;
	if (prog->measure < 0)
		return conf_error(doc, conf_key_line(doc, NULL, 0, "entry-test-measure"),
				  "entry-test-measure must be none, heel-rise, single-leg-stance or "
				  "pogo-hops, got '%s'", sore);
	prog->measured_test = prog->measure != MEASURE_NONE;
	/* the pass each side: 20 heel rises, a 30 s stance (rehab.md); the hops have theirs */
	prog->test_pass = (int)cfg_getint(doc->cfg, "entry-test-pass");
	if (prog->test_pass == -1)
		prog->test_pass = prog->measure == MEASURE_STANCE ? 30 : HEEL_RISE_PASS;
	if (prog->test_pass < 1 || prog->test_pass > 60)
		return conf_error(doc, conf_key_line(doc, NULL, 0, "entry-test-pass"),
				  "entry-test-pass must be 1-60 (heel rises or seconds), got %d",
				  prog->test_pass);
	prog->impact = cfg_getbool(doc->cfg, "impact");
	return check_protective_level(doc, prog) && load_pain_limits(doc, prog) &&
	       check_impact(doc, prog);
}
