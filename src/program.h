/* A rehab program: its exercises and their dose at each level, loaded from a
 * libconfuse file (programs/NAME.conf) and validated. */
#ifndef TALUS_PROGRAM_H
#define TALUS_PROGRAM_H

#include <stdbool.h>
#include <stddef.h>

#include "clock.h"

#define MAX_LEVELS 20
#define NAME_MAX_LEN 32
#define TITLE_MAX_COLS 40
#define WORD_MAX_COLS 12 /* an exercise's word under the clock (design) */
#define TEXT_MAX_COLS 200

/* A value that may differ per level; the last one given repeats. */
struct per_level {
	int n;
	int v[MAX_LEVELS];
};

struct per_level_text {
	int n;
	char *v[MAX_LEVELS];
};

enum phase { PHASE_WARMUP, PHASE_MAIN, PHASE_COOLDOWN, PHASE_COUNT };

extern const char *const phase_key[PHASE_COUNT];   /* "warmup" ... as in the files */
extern const char *const phase_title[PHASE_COUNT]; /* "warm-up" ... for people */

enum tempo_beat { BEAT_UP, BEAT_HOLD, BEAT_DOWN, BEAT_COUNT };

/* What brings a runner to talus (rehab.md, "the pathways"); a program names the
 * pathways it is the first program of. */
enum pathway {
	PATHWAY_ACUTE_SPRAIN,
	PATHWAY_MIDPORTION_ACHILLES,
	PATHWAY_INSERTIONAL_ACHILLES,
	PATHWAY_CHRONIC_INSTABILITY,
	PATHWAY_PERONEAL,
	PATHWAY_BONE_STRESS,
	PATHWAY_COUNT
};

extern const char *const pathway_key[PATHWAY_COUNT]; /* "acute-sprain" ... as in the files */

struct exercise {
	char *name;
	char *title;
	enum phase phase;
	bool each_side;
	struct per_level sets;
	struct per_level reps;  /* n == 0: a timed hold instead */
	struct per_level hold;
	char *word;             /* the clock's word for the hold ("WALK"), NULL: HOLD */
	struct per_level rest;  /* seconds between sets */
	bool paced;             /* reps paced by tempo; else the runner says when done */
	int tempo[BEAT_COUNT];  /* seconds up, hold, down */
	struct per_level_text cue;
	struct per_level_text load;
	bool protective;        /* part of the protective level 0 only (rehab.md) */
	bool dorsiflexion;      /* takes the ankle past neutral: step-edge drops, calf stretches */
	struct per_level calf_load; /* % of body weight on the working calf; n == 0: not calf work */
	int calf_load_line;     /* where calf-load is set, for warnings */
	struct per_level_text intervals; /* walk/run: "walk 4:00, run 1:00" a level (intervals.h) */
	struct per_level repeat;         /* times the level's intervals are done */
};

struct program {
	char *name;       /* the file's stem */
	char *path;
	char *title;
	char *summary;
	char *next;       /* program that follows the last level, or NULL */
	char *next_title; /* its title, when the catalog could read it (for people) */
	int next_line;
	char *entry_test; /* question asked before moving on to next */
	int levels;
	unsigned pathways; /* bits (1u << enum pathway): the pathways it is the first program of */
	bool protective_level; /* has a protective level 0 (its `protective` exercises) */
	bool impact;      /* hops or running: bone stress is asked about */
	bool own_pain_limits; /* the program sets its own limits, below */
	int advance_max_pain;
	int repeat_max_pain;
	int get_ready;    /* seconds of countdown before each exercise and side */
	int max_days;     /* training days a week at most, 0 = no limit */
	day_set days;     /* the training days */
	struct exercise *exercises; /* warm-up, main, cool-down; file order within each */
	size_t nexercises;
	bool measured_test;   /* `entry-test-measure`: the coach measures the entry test */
	int measure;          /* enum measure (entry_test.h) */
	int test_pass;        /* `entry-test-pass`: heel rises, or stance seconds, each side */
	bool sore_side_only;  /* `sore-side = only`: one-sided work on the sore side alone;
				 else (`first`) the sore side first, the other as a control */
};

/* 0 when the program has a protective level, else 1. */
int program_first_level(const struct program *prog);
/* Protective exercises are done at level 0 only, the others at levels 1 and up. */
bool exercise_at_level(const struct exercise *ex, int level);
/* "level 0 (protective)", "level 3 of 6" */
void format_level(const struct program *prog, int level, char *buf, size_t len);
int level_value(const struct per_level *p, int level);
const char *level_text(const struct per_level_text *p, int level);
bool is_rep_exercise(const struct exercise *ex);

/* Letters, digits, '-' and '_', 1 to NAME_MAX_LEN long. */
bool name_is_valid(const char *name);

/* Parses and validates a program held in buf. path names it in messages; name is its
 * stem. On error err holds one line "path:line: what is wrong" and prog is left empty. */
bool program_parse(struct program *prog, const char *name, const char *path, const char *buf,
		   char *err, size_t errlen);
/* Reads path and parses it, naming the program after the file's stem. */
bool program_load_file(struct program *prog, const char *path, char *err, size_t errlen);
void program_free(struct program *prog);
/* The next program as people read it: its title, else its name. */
const char *program_next_title(const struct program *prog);

#endif
