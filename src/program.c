#include "program.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "confdoc.h"
#include "intervals.h"
#include "pathways.h"
#include "program_levels.h"
#include "text.h"
#include "util.h"

const char *const phase_key[PHASE_COUNT] = { "warmup", "main", "cooldown" };
const char *const phase_title[PHASE_COUNT] = { "warm-up", "main", "cool-down" };


static cfg_opt_t exercise_opts[] = {
	CFG_STR("title", NULL, CFGF_NONE),
	CFG_STR("phase", "main", CFGF_NONE),
	CFG_STR("sides", "none", CFGF_NONE),
	CFG_INT_LIST("sets", NULL, CFGF_NONE),
	CFG_INT_LIST("reps", NULL, CFGF_NONE),
	CFG_INT_LIST("hold", NULL, CFGF_NONE),
	CFG_STR("word", NULL, CFGF_NONE),
	CFG_INT_LIST("rest", NULL, CFGF_NONE),
	CFG_INT_LIST("tempo", NULL, CFGF_NONE),
	CFG_STR_LIST("cue", NULL, CFGF_NONE),
	CFG_STR_LIST("load", NULL, CFGF_NONE),
	CFG_BOOL("protective", cfg_false, CFGF_NONE),
	CFG_BOOL("dorsiflexion", cfg_false, CFGF_NONE),
	CFG_INT_LIST("calf-load", NULL, CFGF_NONE),
	CFG_STR_LIST("intervals", NULL, CFGF_NONE),
	CFG_INT_LIST("repeat", NULL, CFGF_NONE),
	CFG_END()
};

static cfg_opt_t program_opts[] = {
	CFG_STR("title", NULL, CFGF_NONE),
	CFG_STR("summary", NULL, CFGF_NONE),
	CFG_INT("levels", 1, CFGF_NONE),
	CFG_STR_LIST("days", NULL, CFGF_NONE),
	CFG_STR("next", NULL, CFGF_NONE),
	CFG_STR("entry-test", NULL, CFGF_NONE),
	CFG_STR("entry-test-measure", "none", CFGF_NONE),
	CFG_INT("entry-test-pass", -1, CFGF_NONE),
	CFG_INT("get-ready", 5, CFGF_NONE),
	CFG_INT("max-days", 0, CFGF_NONE),
	CFG_SEC("exercise", exercise_opts, CFGF_MULTI | CFGF_TITLE | CFGF_NO_TITLE_DUPES),
	CFG_BOOL("impact", cfg_false, CFGF_NONE),
	CFG_STR("sore-side", "first", CFGF_NONE),
	CFG_SEC("pain-limits", pain_limits_opts, CFGF_MULTI),
	CFG_STR_LIST("pathways", NULL, CFGF_NONE),
	CFG_END()
};

struct int_rule {
	const char *key;
	long min, max;
	const char *unit;
	int fallback; /* used when the key is absent; -1: absent stays absent */
};

static const struct int_rule exercise_int_rules[] = {
	{ "sets", 1, 10, "", 1 },
	{ "reps", 1, 100, "", -1 },
	{ "hold", 0, 3600, " s", -1 },
	{ "rest", 0, 3600, " s", 30 },
	{ "calf-load", 1, 300, "%", -1 },
};

int program_first_level(const struct program *prog)
{
	return prog->protective_level ? 0 : 1;
}

int level_value(const struct per_level *p, int level)
{
	if (p->n == 0)
		return 0;
	if (level < 1)
		level = 1;
	return p->v[level > p->n ? p->n - 1 : level - 1];
}

const char *level_text(const struct per_level_text *p, int level)
{
	if (p->n == 0)
		return NULL;
	if (level < 1)
		level = 1;
	return p->v[level > p->n ? p->n - 1 : level - 1];
}

bool is_rep_exercise(const struct exercise *ex)
{
	return ex->reps.n > 0;
}

bool name_is_valid(const char *name)
{
	size_t n = strlen(name);

	if (n == 0 || n > NAME_MAX_LEN)
		return false;
	for (const char *p = name; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '-' || *p == '_'))
			return false;
	return true;
}

/* What the validators need to point at a line. */
struct where {
	struct conf_doc *doc;
	const char *section; /* NULL: top level */
	int nth;
	int levels;
};

static int line_of(const struct where *w, const char *key)
{
	return conf_key_line(w->doc, w->section, w->nth, key);
}

static bool check_text(const struct where *w, const char *key, const char *text, size_t max_cols)
{
	if (!is_clean_utf8(text, false))
		return conf_error(w->doc, line_of(w, key),
				  "%s must be one line of UTF-8 text without control characters", key);
	if ((size_t)text_width(text) > max_cols)
		return conf_error(w->doc, line_of(w, key), "%s is longer than %zu characters", key,
				  max_cols);
	return true;
}

static bool get_text(const struct where *w, cfg_t *cfg, const char *key, size_t max_cols,
		     char **out)
{
	const char *s = cfg_getstr(cfg, key);

	*out = NULL;
	if (!s)
		return true;
	if (!check_text(w, key, s, max_cols))
		return false;
	*out = xstrdup(s);
	return true;
}

static bool check_list_length(const struct where *w, const char *key, unsigned n)
{
	if (n == 0)
		return conf_error(w->doc, line_of(w, key), "%s is an empty list", key);
	if (w->levels && n > (unsigned)w->levels)
		return conf_error(w->doc, line_of(w, key), "%s has %u values but levels is %d", key, n,
				  w->levels);
	return true;
}

static bool get_per_level(const struct where *w, cfg_t *cfg, const struct int_rule *rule,
			  struct per_level *out)
{
	unsigned n = cfg_size(cfg, rule->key);

	out->n = 0;
	if (!conf_has_key(w->doc, w->section, w->nth, rule->key)) {
		if (rule->fallback >= 0) {
			out->n = 1;
			out->v[0] = rule->fallback;
		}
		return true;
	}
	if (!check_list_length(w, rule->key, n))
		return false;
	for (unsigned i = 0; i < n; i++) {
		long v = cfg_getnint(cfg, rule->key, i);
		if (v < rule->min || v > rule->max)
			return conf_error(w->doc, line_of(w, rule->key), "%s must be %ld-%ld%s, got %ld",
					  rule->key, rule->min, rule->max, rule->unit, v);
		out->v[i] = (int)v;
	}
	out->n = (int)n;
	return true;
}

static bool get_per_level_text(const struct where *w, cfg_t *cfg, const char *key,
			       struct per_level_text *out)
{
	unsigned n = cfg_size(cfg, key);

	out->n = 0;
	if (!conf_has_key(w->doc, w->section, w->nth, key))
		return true;
	if (!check_list_length(w, key, n))
		return false;
	for (unsigned i = 0; i < n; i++)
		if (!check_text(w, key, cfg_getnstr(cfg, key, i), TEXT_MAX_COLS))
			return false;
	for (unsigned i = 0; i < n; i++)
		out->v[i] = xstrdup(cfg_getnstr(cfg, key, i));
	out->n = (int)n;
	return true;
}

static bool get_int(const struct where *w, cfg_t *cfg, const char *key, long min, long max,
		    const char *unit, int *out)
{
	long v = cfg_getint(cfg, key);

	if (v < min || v > max)
		return conf_error(w->doc, line_of(w, key), "%s must be %ld-%ld%s, got %ld", key, min,
				  max, unit, v);
	*out = (int)v;
	return true;
}

static bool get_days(const struct where *w, cfg_t *cfg, day_set *days)
{
	unsigned n = cfg_size(cfg, "days");

	if (n == 0)
		return conf_error(w->doc, line_of(w, "days"), "days is an empty list");
	*days = 0;
	for (unsigned i = 0; i < n; i++) {
		const char *name = cfg_getnstr(cfg, "days", i);
		int wd = weekday_from_name(name);
		if (wd < 0)
			return conf_error(w->doc, line_of(w, "days"),
					  "unknown day '%s' (use mon, tue, wed, thu, fri, sat, sun)", name);
		if (day_set_has(*days, wd))
			return conf_error(w->doc, line_of(w, "days"), "day '%s' is listed twice", name);
		*days = day_set_add(*days, wd);
	}
	return true;
}

static bool load_exercise(struct conf_doc *doc, cfg_t *sec, int nth, int levels,
			  struct exercise *ex)
{
	struct where w = { doc, "exercise", nth, levels };
	const char *name = cfg_title(sec);
	const char *phase = cfg_getstr(sec, "phase");
	const char *sides = cfg_getstr(sec, "sides");
	int header = conf_section_line(doc, "exercise", nth);
	unsigned ntempo;

	ex->name = xstrdup(name);
	if (!name_is_valid(name))
		return conf_error(doc, header,
				  "exercise name '%s' may use only letters, digits, '-' and '_' (at most %d)",
				  name, NAME_MAX_LEN);
	if (!get_text(&w, sec, "title", TITLE_MAX_COLS, &ex->title))
		return false;
	if (!ex->title)
		ex->title = xstrdup(name);

	for (ex->phase = 0; ex->phase < PHASE_COUNT; ex->phase++)
		if (strcmp(phase, phase_key[ex->phase]) == 0)
			break;
	if (ex->phase == PHASE_COUNT)
		return conf_error(doc, line_of(&w, "phase"),
				  "unknown phase '%s' (use warmup, main or cooldown)", phase);
	if (strcmp(sides, "each") != 0 && strcmp(sides, "none") != 0)
		return conf_error(doc, line_of(&w, "sides"), "sides must be none or each, got '%s'",
				  sides);
	ex->each_side = strcmp(sides, "each") == 0;
	ex->protective = cfg_getbool(sec, "protective");
	ex->dorsiflexion = cfg_getbool(sec, "dorsiflexion");

	if (!get_per_level(&w, sec, &exercise_int_rules[0], &ex->sets) ||
	    !get_per_level(&w, sec, &exercise_int_rules[1], &ex->reps) ||
	    !get_per_level(&w, sec, &exercise_int_rules[2], &ex->hold) ||
	    !get_per_level(&w, sec, &exercise_int_rules[3], &ex->rest) ||
	    !get_per_level(&w, sec, &exercise_int_rules[4], &ex->calf_load))
		return false;
	ex->calf_load_line = line_of(&w, "calf-load");
	if (!load_interval_keys(doc, sec, nth, levels, ex))
		return false;
	if (ex->reps.n == 0 && ex->hold.n == 0 && !is_interval_exercise(ex))
		return conf_error(doc, header, "exercise '%s' needs reps, hold or intervals", name);
	if (ex->reps.n > 0 && ex->hold.n > 0)
		return conf_error(doc, line_of(&w, "hold"),
				  "exercise '%s' has both reps and hold; give one", name);
	/* the word the clock shows for a hold: a walk is no hold (design: 12 columns) */
	if (!get_text(&w, sec, "word", WORD_MAX_COLS, &ex->word))
		return false;
	if (ex->word && ex->hold.n == 0)
		return conf_error(doc, line_of(&w, "word"), "word names a hold; '%s' has none",
				  name);

	ntempo = cfg_size(sec, "tempo");
	if (conf_has_key(doc, "exercise", nth, "tempo")) {
		int sum = 0;
		if (ex->reps.n == 0)
			return conf_error(doc, line_of(&w, "tempo"), "tempo paces reps; '%s' is a hold",
					  name);
		if (ntempo != BEAT_COUNT)
			return conf_error(doc, line_of(&w, "tempo"),
					  "tempo needs 3 values (seconds up, hold, down), got %u", ntempo);
		for (int i = 0; i < BEAT_COUNT; i++) {
			long v = cfg_getnint(sec, "tempo", (unsigned)i);
			if (v < 0 || v > 30)
				return conf_error(doc, line_of(&w, "tempo"),
						  "tempo values must be 0-30 s, got %ld", v);
			ex->tempo[i] = (int)v;
			sum += (int)v;
		}
		if (sum == 0)
			return conf_error(doc, line_of(&w, "tempo"), "tempo adds up to 0 s");
		ex->paced = true;
	}
	return get_per_level_text(&w, sec, "cue", &ex->cue) &&
	       get_per_level_text(&w, sec, "load", &ex->load);
}

static int by_phase(const void *a, const void *b)
{
	const struct exercise *x = a, *y = b;

	return (int)x->phase - (int)y->phase;
}

static void sort_by_phase(struct exercise *ex, size_t n)
{
	/* qsort is not stable; an insertion sort keeps file order within a phase */
	for (size_t i = 1; i < n; i++) {
		struct exercise tmp = ex[i];
		size_t j = i;
		while (j > 0 && by_phase(&ex[j - 1], &tmp) > 0) {
			ex[j] = ex[j - 1];
			j--;
		}
		ex[j] = tmp;
	}
}

static bool load_program(struct conf_doc *doc, struct program *prog)
{
	struct where w = { doc, NULL, 0, 0 };
	cfg_t *cfg = doc->cfg;
	unsigned nex;

	if (!get_int(&w, cfg, "levels", 1, MAX_LEVELS, "", &prog->levels))
		return false;
	w.levels = prog->levels;
	if (!get_text(&w, cfg, "title", TITLE_MAX_COLS, &prog->title) ||
	    !get_text(&w, cfg, "summary", TEXT_MAX_COLS, &prog->summary) ||
	    !get_text(&w, cfg, "entry-test", TEXT_MAX_COLS, &prog->entry_test) ||
	    !get_int(&w, cfg, "get-ready", 0, 60, " s", &prog->get_ready) ||
	    !get_int(&w, cfg, "max-days", 0, 7, "", &prog->max_days))
		return false;
	if (!prog->title)
		prog->title = xstrdup(prog->name);
	prog->days = DAY_SET_MON_WED_FRI;
	if (conf_has_key(doc, NULL, 0, "days") && !get_days(&w, cfg, &prog->days))
		return false;
	if (cfg_getstr(cfg, "next")) {
		const char *next = cfg_getstr(cfg, "next");
		prog->next_line = line_of(&w, "next");
		if (!name_is_valid(next))
			return conf_error(doc, prog->next_line, "next must be a program name, got '%s'",
					  next);
		prog->next = xstrdup(next);
	}

	if (!load_pathways(doc, prog))
		return false;
	nex = cfg_size(cfg, "exercise");
	if (nex == 0)
		return conf_error(doc, 1, "the program has no exercises");
	prog->exercises = xcalloc(nex, sizeof(*prog->exercises));
	for (unsigned i = 0; i < nex; i++) {
		prog->nexercises = i + 1;
		if (!load_exercise(doc, cfg_getnsec(cfg, "exercise", i), (int)i, prog->levels,
				   &prog->exercises[i]) ||
		    !check_protective_exercise(doc, (int)i, &prog->exercises[i]) ||
		    !check_pathway_exercise(doc, (int)i, prog, &prog->exercises[i]))
			return false;
	}
	sort_by_phase(prog->exercises, prog->nexercises);
	return load_program_levels(doc, prog);
}

bool program_parse(struct program *prog, const char *name, const char *path, const char *buf,
		   char *err, size_t errlen)
{
	struct conf_doc doc;
	bool ok;

	memset(prog, 0, sizeof(*prog));
	prog->name = xstrdup(name);
	prog->path = xstrdup(path);
	if (!name_is_valid(name)) {
		snprintf(err, errlen,
			 "%s: program name '%s' may use only letters, digits, '-' and '_' (at most %d)",
			 path, name, NAME_MAX_LEN);
		program_free(prog);
		return false;
	}
	ok = conf_doc_parse(&doc, program_opts, path, buf) && load_program(&doc, prog);
	if (!ok)
		snprintf(err, errlen, "%s", doc.err);
	conf_doc_free(&doc);
	if (!ok)
		program_free(prog);
	return ok;
}

bool program_load_file(struct program *prog, const char *path, char *err, size_t errlen)
{
	const char *base = strrchr(path, '/');
	char name[NAME_MAX_LEN + 8];
	char *buf, *dot;
	bool ok;

	base = base ? base + 1 : path;
	copy_str(name, sizeof(name), base);
	dot = strrchr(name, '.');
	if (dot && strcmp(dot, ".conf") == 0)
		*dot = '\0';
	memset(prog, 0, sizeof(*prog));
	buf = conf_read_file(path, err, errlen);
	if (!buf)
		return false;
	ok = program_parse(prog, name, path, buf, err, errlen);
	free(buf);
	return ok;
}

static void free_text(struct per_level_text *t)
{
	for (int i = 0; i < t->n; i++)
		free(t->v[i]);
	t->n = 0;
}

void program_free(struct program *prog)
{
	free(prog->next_title);
	for (size_t i = 0; i < prog->nexercises; i++) {
		struct exercise *ex = &prog->exercises[i];
		free(ex->name);
		free(ex->title);
		free(ex->word);
		free_text(&ex->cue);
		free_text(&ex->load);
		free_text(&ex->intervals);
	}
	free(prog->exercises);
	free(prog->name);
	free(prog->path);
	free(prog->title);
	free(prog->summary);
	free(prog->next);
	free(prog->entry_test);
	memset(prog, 0, sizeof(*prog));
}

const char *program_next_title(const struct program *prog)
{
	return prog->next_title ? prog->next_title : prog->next;
}
