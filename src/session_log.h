/* The history file read back as sessions with their sets, morning ratings and manual
 * levels: what the report, the scheduler and the coach's resume offer work from, so a
 * command reads the file once. */
#ifndef TALUS_SESSION_LOG_H
#define TALUS_SESSION_LOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "clock.h"
#include "history.h"

#define SESSION_ID_MAX REC_NAME_MAX

struct session {
	char id[SESSION_ID_MAX + 1];
	char program[SESSION_ID_MAX + 1]; /* "" when the start record was lost */
	int level;                        /* -1 when unknown; 0 is the protective level */
	int planned;                      /* sets planned, each side counted; 0 unknown */
	int64_t start_when;
	day_t day;                        /* local date it started */
	int64_t last_when;                /* latest record of the session */
	int sets_done;
	int skips;
	int secs;                         /* from the end record, else start to last record */
	int pain_during;                  /* -1: not rated */
	int pain_after;
	enum session_status status;
	char *note;
	size_t order;                     /* its place as first read, for its sets when sorted */
};

/* The numbers of a set as written, for the few written unusually ("07", "-0"), so
 * that --csv shows what the file says: set, reps, target, secs (NULL: as the number). */
enum { SET_NUMBERS = 4 };

struct set_verbatim {
	size_t set;                       /* the set's place in the file's order */
	char *text[SET_NUMBERS];
};

/* One set as the history has it. The log keeps the sets packed (a few bytes each);
 * session_log_next_set unpacks them one by one in the file's order. */
struct set_entry {
	size_t session;                   /* index into log->sessions */
	size_t exercise;                  /* index into log->exercises */
	day_t day;                        /* local date and time as written */
	int secs_of_day;
	enum side side;
	int set;                          /* 1 to SET_MAX */
	int reps;                         /* -1 when absent */
	int target;                       /* -1 when absent */
	int secs;                         /* -1 when absent */
	const struct set_verbatim *verbatim; /* its numbers as written when unusual, else NULL */
};

/* Where a walk through the sets is: start it zeroed. */
struct set_cursor {
	size_t pos;                       /* in log->packed */
	size_t index;                     /* sets passed */
	size_t verbatim;                  /* entries of log->verbatim passed */
	size_t session;                   /* the last set's session and day: the next is */
	day_t day;                        /* packed as the difference */
};

struct morning_rating {
	int64_t when;
	day_t day;
	int pain;
};

struct manual_level {
	int64_t when;
	day_t day;
	char program[SESSION_ID_MAX + 1];
	int level;
};

struct entry_test {
	int64_t when;
	day_t day;
	char program[SESSION_ID_MAX + 1];
	char next[SESSION_ID_MAX + 1];
	bool passed;
	int left, right;                  /* measured heel rises, -1 when a question */
};

struct advice {
	int64_t when;
	day_t day;
	char reason[SESSION_ID_MAX + 1];
};

/* The first-run triage's answers and the pathway and program chosen. */
struct triage {
	int64_t when;
	day_t day;
	enum sore_side sore;
	enum onset onset;
	enum since since;
	enum site where;
	bool gives_way;
	enum pathway pathway;
	char program[SESSION_ID_MAX + 1];
};

/* A run logged by hand (or imported). */
struct run {
	int64_t when;
	day_t day;
	long metres;
	long secs;                        /* -1 when not given */
	int pain;                         /* during, -1 when not rated */
	int surface;                      /* enum surface, -1 when not given */
	char shoes[SESSION_ID_MAX + 1];   /* "" when not named */
	long elapsed;                     /* start to end, -1 when not given (imported) */
	char hash[REC_NAME_MAX + 1];      /* the imported file's SHA-256, "" when typed */
	long counted;                     /* what the cap counts of it (runs_count_toward_cap) */
	bool walk_run;                    /* left by a walk/run session: the ladder's, no free run;
					     its pain is the session's */
};

/* A pair of shoes retired by hand. */
struct retired_shoes {
	int64_t when;
	char shoes[SESSION_ID_MAX + 1];
};

struct flag_answer {
	int64_t when;
	day_t day;
	enum flag_question flag;
	bool yes;
	int trigger;                     /* an enum flag_trigger, or -1 when not written */
};

/* An exercise skipped in a session: a resume passes over it too. */
struct skip_entry {
	size_t session;                   /* index into log->sessions */
	size_t exercise;                  /* index into log->exercises */
};

struct session_log {
	struct session *sessions;   /* by start time */
	size_t nsessions;
	size_t cap_sessions;
	struct morning_rating *mornings; /* by time */
	size_t nmornings;
	struct manual_level *levels;     /* by time */
	size_t nlevels;
	struct entry_test *tests;        /* by time */
	size_t ntests;
	struct advice *advice;           /* by time */
	size_t nadvice;
	struct triage *triages;          /* by time; the last one is in force */
	size_t ntriages;
	struct skip_entry *skipped;      /* in the order of the file */
	size_t nskipped;
	struct run *runs;                /* by time */
	size_t nruns;
	struct retired_shoes *retired;   /* as read */
	size_t nretired;
	struct flag_answer *flag_answers; /* red-flag answers, by time */
	size_t nflag_answers;
	unsigned char *packed;           /* the sets, in the order of the file */
	size_t npacked;
	size_t cap_packed;
	size_t nsets;
	struct set_cursor packer;        /* where the next set is packed */
	char **exercises;                /* each exercise name the sets hold, once */
	size_t nexercises;
	struct set_verbatim *verbatim;   /* by set */
	size_t nverbatim;
	bool safety_acknowledged;
	struct history_report report;
	/* lookup by session id and by exercise name while reading */
	size_t *slots;
	size_t nslots;
	size_t last_found;
	size_t *ex_slots;
	size_t nex_slots;
	size_t last_exercise;
};

/* The red-flag records, kept by time as they are added (in redflag.c). */
void flag_log_add(struct session_log *log, const struct hist_record *rec);
void flag_log_free(struct session_log *log);

/* The worse of a session's two ratings, -1 when neither was given. */
int session_pain(const struct session *s);

/* Reads path into log. False (with log->report.err) when the file cannot be read. */
bool session_log_load(struct session_log *log, const char *path);
/* As session_log_load, with history_read_filtered's filter. */
bool session_log_load_filtered(struct session_log *log, const char *path,
			       history_filter_fn filter, void *ctx);
/* The session with that id read so far, or NULL. */
struct session *session_log_find(struct session_log *log, const char *id);
void session_log_free(struct session_log *log);
/* Adds one record; session_log_load calls it for each, tests may too. */
void session_log_add(struct session_log *log, const struct hist_record *rec);
/* Sorts and settles statuses after the last record. */
void session_log_finish(struct session_log *log);
/* The records that are not sessions (session_log_notes.c): added, sorted, freed. */
void session_log_add_note(struct session_log *log, const struct hist_record *rec);
void session_log_sort_notes(struct session_log *log);
void session_log_free_notes(struct session_log *log);
/* The next set into e, in the order of the file; false after the last. */
bool session_log_next_set(const struct session_log *log, struct set_cursor *at,
			  struct set_entry *e);

#endif
