/* The user's config file (talus.conf): defaults for the coach, and the thresholds of
 * the progression rules. Built-in defaults equal the shipped config/talus.conf. */
#ifndef TALUS_CONFIG_H
#define TALUS_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "clock.h"

enum sound_mode { SOUND_BELL, SOUND_FLASH, SOUND_OFF };
enum color_mode { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };

/* Pain is on a 0-10 scale. Defaults follow the pain-monitoring model. */
struct progression_rules {
	int advance_sessions;  /* completed sessions at a level before advancing */
	int advance_max_pain;  /* pain during and after at most this to advance */
	int repeat_max_pain;   /* above advance_max_pain up to this: repeat; above: step back */
	int morning_rise;      /* next-morning pain up by this much: step back */
	int layoff_days;       /* no session for this long: step back on return */
	int counted_percent;   /* a session counts only with this share of sets done */
	int flare_sessions;    /* this many sessions above repeat_max_pain ... */
	int flare_days;        /* ... within this many days: see a clinician */
	int stall_weeks;       /* pain not down over this many weeks: see a clinician */
	int alarm_pain;        /* a single rating this high: see a clinician */
};

/* A program coached beside `program`, on days of its own (`also NAME { days }`). */
#define CONFIG_MAX_ALSO 2 /* three programs side by side fit 80 columns (design) */
struct also_program {
	char *name;
	day_set days;       /* empty: the program's own */
	int line;           /* where its section starts */
};

struct user_config {
	char *path;         /* NULL when built-in */
	char *program;      /* default program name */
	int program_line;   /* where the file sets it, 0 when it does not */
	day_set days;       /* empty: the program's own days */
	int week_start;     /* 0 = Monday ... 6 = Sunday */
	enum sound_mode sound;
	enum color_mode color;
	char *history_file; /* NULL = the default place */
	int units;          /* enum units: a bare distance's, and how distances show */
	long shoe_limit;    /* metres a pair lasts (shoe-limit) */
	int reminder_minutes; /* reminder-time, minutes after midnight */
	bool voice;         /* spoken cues in the session (voice = on) */
	char *voice_command; /* voice-command: its words, the text after them; NULL: espeak-ng */
	long treadmill_speed; /* metres an hour (treadmill-speed); 0: walk/run off a treadmill */
	long treadmill_walk_speed; /* metres an hour for the walks on it (treadmill-walk-speed) */
	struct progression_rules rules;
	struct also_program also[CONFIG_MAX_ALSO];
	int nalso;
	day_set run_days;   /* run-days; empty: none said */
	int long_run_day;   /* long-run-day, 0 = Monday; -1: none */
};

void config_defaults(struct user_config *cfg);
bool config_parse(struct user_config *cfg, const char *path, const char *buf, char *err,
		  size_t errlen);
bool config_load_file(struct user_config *cfg, const char *path, char *err, size_t errlen);
void config_free(struct user_config *cfg);

#endif
