#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clock.h"
#include "confdoc.h"
#include "program.h"
#include "intervals.h"
#include "runs.h"
#include "util.h"

#define DEFAULT_PROGRAM "ankle-foundations"

/* Each progression key, its default (rehab reference: Silbernagel 2007 pain-monitoring
 * model; our own design where noted in the shipped file) and its range. */
static const struct rule_key {
	const char *key;
	size_t offset;
	int def, min, max;
} rule_keys[] = {
	{ "advance-sessions", offsetof(struct progression_rules, advance_sessions), 2, 1, 10 },
	{ "advance-max-pain", offsetof(struct progression_rules, advance_max_pain), 3, 0, 10 },
	{ "repeat-max-pain", offsetof(struct progression_rules, repeat_max_pain), 5, 0, 10 },
	{ "morning-rise", offsetof(struct progression_rules, morning_rise), 2, 1, 10 },
	{ "layoff-days", offsetof(struct progression_rules, layoff_days), 14, 1, 365 },
	{ "counted-percent", offsetof(struct progression_rules, counted_percent), 50, 0, 100 },
	{ "flare-sessions", offsetof(struct progression_rules, flare_sessions), 2, 1, 10 },
	{ "flare-days", offsetof(struct progression_rules, flare_days), 7, 1, 60 },
	{ "stall-weeks", offsetof(struct progression_rules, stall_weeks), 3, 1, 52 },
	{ "alarm-pain", offsetof(struct progression_rules, alarm_pain), 8, 1, 10 },
};

static const char *const sound_names[] = { "bell", "flash", "off" };
static const char *const color_names[] = { "auto", "always", "never" };
static const char *const voice_names[] = { "off", "on" };

static int *rule_field(struct progression_rules *r, const struct rule_key *k)
{
	return (int *)((char *)r + k->offset);
}

void config_defaults(struct user_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->program = xstrdup(DEFAULT_PROGRAM);
	cfg->week_start = 0;
	cfg->sound = SOUND_BELL;
	cfg->treadmill_walk_speed = WALK_SPEED_DEFAULT;
	cfg->color = COLOR_AUTO;
	cfg->long_run_day = -1;
	cfg->shoe_limit = 804672; /* 500 mi, the source articles' replace-by */
	cfg->reminder_minutes = 8 * 60; /* *design*: before a working day */
	for (size_t i = 0; i < ARRAY_SIZE(rule_keys); i++)
		*rule_field(&cfg->rules, &rule_keys[i]) = rule_keys[i].def;
}

static int pick(const char *value, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(value, names[i]) == 0)
			return (int)i;
	return -1;
}

/* One candidate error of the progression keys: the one on the lowest line is reported,
 * as the file is read top down. */
static void rule_problem(char *msg, size_t len, int *best, int line, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
static void rule_problem(char *msg, size_t len, int *best, int line, const char *fmt, ...)
{
	va_list ap;

	if (*best && line >= *best)
		return;
	*best = line;
	va_start(ap, fmt);
	vsnprintf(msg, len, fmt, ap);
	va_end(ap);
}

static bool load_rules(struct conf_doc *doc, cfg_t *sec, struct progression_rules *rules)
{
	char msg[300];
	int best = 0;

	for (size_t i = 0; i < ARRAY_SIZE(rule_keys); i++) {
		const struct rule_key *k = &rule_keys[i];
		long v = cfg_getint(sec, k->key);
		if (v < k->min || v > k->max)
			rule_problem(msg, sizeof(msg), &best, conf_key_line(doc, "progression", 0, k->key),
				     "%s must be %d-%d, got %ld", k->key, k->min, k->max, v);
		else
			*rule_field(rules, k) = (int)v;
	}
	if (best)
		return conf_error(doc, best, "%s", msg);
	if (rules->advance_max_pain > rules->repeat_max_pain)
		rule_problem(msg, sizeof(msg), &best, conf_key_line(doc, "progression", 0, "advance-max-pain"),
			     "advance-max-pain (%d) is above repeat-max-pain (%d)",
			     rules->advance_max_pain, rules->repeat_max_pain);
	/* alarm pain drops to the easiest level: a pain the rules would repeat cannot be it */
	if (rules->alarm_pain <= rules->repeat_max_pain)
		rule_problem(msg, sizeof(msg), &best, conf_key_line(doc, "progression", 0, "alarm-pain"),
			     "alarm-pain (%d) must be above repeat-max-pain (%d)",
			     rules->alarm_pain, rules->repeat_max_pain);
	return best ? conf_error(doc, best, "%s", msg) : true;
}

/* A command and its words, split at spaces: something besides spaces, valid UTF-8,
 * no control characters. */
static bool voice_command_is_valid(const char *s)
{
	bool word = false;

	if (!is_clean_utf8(s, false))
		return false;
	for (; *s; s++)
		word |= *s != ' ';
	return word;
}

/* The config's history-file as a path that does not depend on where talus is started:
 * "~/x" under HOME, "/x" as it is, anything else from the config file's folder (made
 * absolute with the working folder only if the config's own path is relative). */
static char *resolve_history_file(struct conf_doc *doc, const char *s)
{
	int line = conf_key_line(doc, NULL, 0, "history-file");
	const char *home = getenv("HOME"), *slash;
	char cwd[4096];

	if (!*s || !is_clean_utf8(s, false)) {
		conf_error(doc, line, "history-file must be a path");
		return NULL;
	}
	if (s[0] == '~' && s[1] != '/') {
		conf_error(doc, line, "history-file may start with ~/ (your home), not '%s'", s);
		return NULL;
	}
	if (s[0] == '~') {
		if (!home || home[0] != '/') {
			conf_error(doc, line, "history-file starts with ~/ but HOME is not set");
			return NULL;
		}
		return xasprintf("%s/%s", home, s + 2);
	}
	if (s[0] == '/')
		return xstrdup(s);
	slash = strrchr(doc->path, '/');
	if (doc->path[0] == '/')
		return xasprintf("%.*s/%s", (int)(slash - doc->path), doc->path, s);
	if (!getcwd(cwd, sizeof(cwd))) {
		conf_error(doc, line, "history-file is relative and the working folder is unknown");
		return NULL;
	}
	if (!slash)
		return xasprintf("%s/%s", cwd, s);
	return xasprintf("%s/%.*s/%s", cwd, (int)(slash - doc->path), doc->path, s);
}

/* "08:00" (HH:MM, 24-hour): minutes after midnight, or -1. */
static int parse_clock_time(const char *s)
{
	if (strlen(s) != 5 || s[2] != ':' || !strchr("012", s[0]) || !strchr("0123456789", s[1]) ||
	    !strchr("012345", s[3]) || !strchr("0123456789", s[4]) || !s[1] || !s[4])
		return -1;
	int h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
	return h < 24 ? h * 60 + m : -1;
}

/* A list of weekdays under key (in the nth section called section, or at the top):
 * not empty, each day once. Left as it is when the key is not set. */
static bool load_days(struct conf_doc *doc, cfg_t *c, const char *section, int nth,
		      const char *key, day_set *out)
{
	unsigned n = cfg_size(c, key);
	int line = conf_key_line(doc, section, nth, key);

	if (!conf_has_key(doc, section, nth, key))
		return true;
	if (n == 0)
		return conf_error(doc, line, "%s is an empty list", key);
	for (unsigned i = 0; i < n; i++) {
		int wd = weekday_from_name(cfg_getnstr(c, key, i));
		if (wd < 0)
			return conf_error(doc, line,
					  "unknown day '%s' (use mon, tue, wed, thu, fri, sat, sun)",
					  cfg_getnstr(c, key, i));
		if (day_set_has(*out, wd))
			return conf_error(doc, line, "day '%s' is listed twice",
					  cfg_getnstr(c, key, i));
		*out = day_set_add(*out, wd);
	}
	return true;
}

/* The programs coached beside `program` (libconfuse refuses one named twice), each on
 * its own days, which may overlap the others'. */
static bool load_also(struct conf_doc *doc, struct user_config *cfg)
{
	unsigned n = cfg_size(doc->cfg, "also");

	for (unsigned i = 0; i < n; i++) {
		cfg_t *sec = cfg_getnsec(doc->cfg, "also", i);
		const char *name = cfg_title(sec);
		int line = conf_section_line(doc, "also", (int)i);
		struct also_program *a;

		if (!name_is_valid(name))
			return conf_error(doc, line, "also must name a program, got '%s'",
					  name ? name : "");
		if (i >= CONFIG_MAX_ALSO)
			return conf_error(doc, line, "at most %d programs beside program, "
					  "so that they fit side by side", CONFIG_MAX_ALSO);
		if (strcmp(name, cfg->program) == 0)
			return conf_error(doc, line, "also \"%s\" is the program itself", name);
		a = &cfg->also[cfg->nalso];
		a->days = 0;
		if (!load_days(doc, sec, "also", (int)i, "days", &a->days))
			return false;
		a->name = xstrdup(name);
		a->line = line;
		cfg->nalso++;
	}
	return true;
}

/* run-days and long-run-day: the long run is one of the run days (a run day of its own
 * when run-days is not set). */
static bool load_run_days(struct conf_doc *doc, struct user_config *cfg)
{
	const char *s = cfg_getstr(doc->cfg, "long-run-day");

	if (!load_days(doc, doc->cfg, NULL, 0, "run-days", &cfg->run_days))
		return false;
	if (!s)
		return true;
	cfg->long_run_day = weekday_from_name(s);
	if (cfg->long_run_day < 0)
		return conf_error(doc, conf_key_line(doc, NULL, 0, "long-run-day"),
				  "unknown day '%s' (use mon, tue, wed, thu, fri, sat, sun)", s);
	if (cfg->run_days && !day_set_has(cfg->run_days, cfg->long_run_day))
		return conf_error(doc, conf_key_line(doc, NULL, 0, "long-run-day"),
				  "long-run-day %s is not one of run-days", s);
	cfg->run_days = day_set_add(cfg->run_days, cfg->long_run_day);
	return true;
}

static bool load_config(struct conf_doc *doc, struct user_config *cfg)
{
	cfg_t *c = doc->cfg;
	const char *s;
	int v;

	s = cfg_getstr(c, "program");
	if (!name_is_valid(s))
		return conf_error(doc, conf_key_line(doc, NULL, 0, "program"),
				  "program must be a program name, got '%s'", s);
	free(cfg->program);
	cfg->program = xstrdup(s);
	if (conf_has_key(doc, NULL, 0, "program"))
		cfg->program_line = conf_key_line(doc, NULL, 0, "program");

	if (!load_days(doc, c, NULL, 0, "days", &cfg->days))
		return false;

	s = cfg_getstr(c, "week-start");
	cfg->week_start = weekday_from_name(s);
	if (cfg->week_start < 0)
		return conf_error(doc, conf_key_line(doc, NULL, 0, "week-start"),
				  "unknown day '%s' (use mon, tue, wed, thu, fri, sat, sun)", s);

	s = cfg_getstr(c, "sound");
	if ((v = pick(s, sound_names, ARRAY_SIZE(sound_names))) < 0)
		return conf_error(doc, conf_key_line(doc, NULL, 0, "sound"),
				  "sound must be bell, flash or off, got '%s'", s);
	cfg->sound = (enum sound_mode)v;

	s = cfg_getstr(c, "color");
	if ((v = pick(s, color_names, ARRAY_SIZE(color_names))) < 0)
		return conf_error(doc, conf_key_line(doc, NULL, 0, "color"),
				  "color must be auto, always or never, got '%s'", s);
	cfg->color = (enum color_mode)v;

	s = cfg_getstr(c, "units");
	if (strcmp(s, "km") != 0 && strcmp(s, "mi") != 0)
		return conf_error(doc, conf_key_line(doc, NULL, 0, "units"),
				  "units must be km or mi, got '%s'", s);
	cfg->units = strcmp(s, "mi") == 0; /* UNITS_MI */
	s = cfg_getstr(c, "shoe-limit");
	if (!parse_distance(s, (enum units)cfg->units, &cfg->shoe_limit))
		return conf_error(doc, conf_key_line(doc, NULL, 0, "shoe-limit"),
				  "shoe-limit must be a distance like 500mi or 800km, got '%s'", s);

	s = cfg_getstr(c, "reminder-time");
	if ((cfg->reminder_minutes = parse_clock_time(s)) < 0)
		return conf_error(doc, conf_key_line(doc, NULL, 0, "reminder-time"),
				  "reminder-time must be a time like 08:00, got '%s'", s);
	s = cfg_getstr(c, "voice");
	if ((v = pick(s, voice_names, ARRAY_SIZE(voice_names))) < 0)
		return conf_error(doc, conf_key_line(doc, NULL, 0, "voice"),
				  "voice must be on or off, got '%s'", s);
	cfg->voice = v == 1;
	s = cfg_getstr(c, "voice-command");
	if (s && !voice_command_is_valid(s))
		return conf_error(doc, conf_key_line(doc, NULL, 0, "voice-command"),
				  "voice-command must be a command and its words on one line, got '%s'", s);
	if (s)
		cfg->voice_command = xstrdup(s);
	s = cfg_getstr(c, "treadmill-speed");
	if (s && !parse_speed(s, (enum units)cfg->units, &cfg->treadmill_speed))
		return conf_error(doc, conf_key_line(doc, NULL, 0, "treadmill-speed"),
				  "treadmill-speed must be a speed like 8kmh or 5mph (1-30 km/h), "
				  "got '%s'", s);
	s = cfg_getstr(c, "treadmill-walk-speed");
	if (s && !parse_speed(s, (enum units)cfg->units, &cfg->treadmill_walk_speed))
		return conf_error(doc, conf_key_line(doc, NULL, 0, "treadmill-walk-speed"),
				  "treadmill-walk-speed must be a speed like 5kmh or 3mph (1-30 km/h), "
				  "got '%s'", s);

	s = cfg_getstr(c, "history-file");
	if (s && !(cfg->history_file = resolve_history_file(doc, s)))
		return false;
	if (!load_also(doc, cfg) || !load_run_days(doc, cfg))
		return false;
	return true;
}

/* The top-level keys and the progression section each stop at their first error; of
 * the two, the one on the lower line is reported. */
static bool load_all(struct conf_doc *doc, struct user_config *cfg)
{
	char first[sizeof(doc->err)];
	int line;
	bool ok = load_config(doc, cfg), rules_ok;

	snprintf(first, sizeof(first), "%s", doc->err);
	line = doc->err_line;
	doc->err[0] = '\0';
	rules_ok = load_rules(doc, cfg_getsec(doc->cfg, "progression"), &cfg->rules);
	if (!ok && (rules_ok || line <= doc->err_line)) {
		snprintf(doc->err, sizeof(doc->err), "%s", first);
		doc->err_line = line;
	}
	return ok && rules_ok;
}

bool config_parse(struct user_config *cfg, const char *path, const char *buf, char *err,
		  size_t errlen)
{
	cfg_opt_t rule_opts[ARRAY_SIZE(rule_keys) + 1];
	cfg_opt_t also_opts[] = {
		CFG_STR_LIST("days", NULL, CFGF_NONE),
		CFG_END()
	};
	cfg_opt_t opts[] = {
		CFG_STR("program", DEFAULT_PROGRAM, CFGF_NONE),
		CFG_STR_LIST("days", NULL, CFGF_NONE),
		CFG_STR("week-start", "mon", CFGF_NONE),
		CFG_STR("sound", "bell", CFGF_NONE),
		CFG_STR("color", "auto", CFGF_NONE),
		CFG_STR("history-file", NULL, CFGF_NONE),
		CFG_STR("units", "km", CFGF_NONE),
		CFG_STR("shoe-limit", "500mi", CFGF_NONE),
		CFG_STR("reminder-time", "08:00", CFGF_NONE),
		CFG_STR("voice", "off", CFGF_NONE),
		CFG_STR("voice-command", NULL, CFGF_NONE),
		CFG_STR("treadmill-speed", NULL, CFGF_NONE),
		CFG_STR("treadmill-walk-speed", NULL, CFGF_NONE),
		CFG_SEC("progression", rule_opts, CFGF_NONE),
		CFG_SEC("also", also_opts, CFGF_MULTI | CFGF_TITLE | CFGF_NO_TITLE_DUPES),
		CFG_STR_LIST("run-days", NULL, CFGF_NONE),
		CFG_STR("long-run-day", NULL, CFGF_NONE),
		CFG_END()
	};
	struct conf_doc doc;
	bool ok;

	for (size_t i = 0; i < ARRAY_SIZE(rule_keys); i++) {
		cfg_opt_t o = CFG_INT(rule_keys[i].key, rule_keys[i].def, CFGF_NONE);
		rule_opts[i] = o;
	}
	{
		cfg_opt_t end = CFG_END();
		rule_opts[ARRAY_SIZE(rule_keys)] = end;
	}

	config_defaults(cfg);
	cfg->path = xstrdup(path);
	ok = conf_doc_parse(&doc, opts, path, buf) && load_all(&doc, cfg);
	if (!ok)
		snprintf(err, errlen, "%s", doc.err);
	conf_doc_free(&doc);
	return ok;
}

bool config_load_file(struct user_config *cfg, const char *path, char *err, size_t errlen)
{
	char *buf = conf_read_file(path, err, errlen);
	bool ok;

	if (!buf) {
		config_defaults(cfg);
		return false;
	}
	ok = config_parse(cfg, path, buf, err, errlen);
	free(buf);
	return ok;
}

void config_free(struct user_config *cfg)
{
	free(cfg->path);
	free(cfg->program);
	free(cfg->history_file);
	for (int i = 0; i < cfg->nalso; i++)
		free(cfg->also[i].name);
	free(cfg->voice_command);
	memset(cfg, 0, sizeof(*cfg));
}
