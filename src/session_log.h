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
	int level;                        /* 0 when unknown */
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
	size_t order;                     /* its place as first read (sets point there until sorted) */
};

/* The numbers of a set as written, for the few written unusually ("07", "-0"), so
 * that --csv shows what the file says: set, reps, target, secs (NULL: as the number). */
enum { SET_NUMBERS = 4 };

struct set_verbatim {
	size_t set;                       /* index into log->sets */
	char *text[SET_NUMBERS];
};

/* One set as the history has it; the log keeps them all, in the file's order. */
struct set_entry {
	uint32_t session;                 /* index into log->sessions */
	uint32_t exercise;                /* index into log->exercises */
	day_t day;                        /* local date and time as written */
	unsigned secs_of_day : 17;
	unsigned side : 2;                /* enum side */
	unsigned set : 11;                /* 1 to SET_MAX */
	unsigned verbatim : 1;            /* a number written unusually ("07"): log->verbatim */
	int32_t reps;                     /* -1 when absent */
	int32_t target;                   /* -1 when absent */
	int32_t secs;                     /* -1 when absent */
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
};

struct advice {
	int64_t when;
	day_t day;
	char reason[SESSION_ID_MAX + 1];
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
	struct set_entry *sets;          /* in the order of the file */
	size_t nsets;
	size_t cap_sets;
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

/* Reads path into log. False (with log->report.err) when the file cannot be read. */
bool session_log_load(struct session_log *log, const char *path);
void session_log_free(struct session_log *log);
/* Adds one record; session_log_load calls it for each, tests may too. */
void session_log_add(struct session_log *log, const struct hist_record *rec);
/* Sorts and settles statuses after the last record. */
void session_log_finish(struct session_log *log);

#endif
