/* The history's record format: the record types, the keys each holds, each key's type
 * and limits, and the words its enums are written as. One table says it all; the enums,
 * the name tables, the validator and the writers are made from it, so a key that is not
 * in it does not compile. The file itself (durable append, streaming read) is history.c. */
#ifndef TALUS_RECORD_H
#define TALUS_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "clock.h"
#include "program.h"
#include "util.h"

#define REC_MAX_FIELDS 24
#define REC_NAME_MAX 64          /* a name: a session id, a program, an exercise */
#define PAIN_MAX 10              /* pain is rated 0-10 */
#define SET_MAX 1000             /* sets of one exercise */
#define COUNT_MAX 100000         /* reps, targets, sets planned */
#define SET_SECS_MAX 86400       /* one set: at most a day */
#define SESSION_SECS_MAX 864000  /* one session: at most ten days */
#define MORNING_HOURS_MAX 72     /* a morning rating's hours since the session before */
#define REC_TEXT_MAX 1000        /* a text value as written, escapes counted */
#define REC_LINE_MAX 4096        /* a whole record line, without its newline */
#define REC_OFFSET_MAX (14 * 3600) /* a time-zone offset: at most 14 h either way */
#define REC_YEAR_MIN 1970        /* the years a timestamp can hold */
#define REC_YEAR_MAX 9999

/* ---- the enums a record holds, each with its one name table ---- */

/* X(id, word); a NULL word is never written and never read. */
#define SIDES(X) X(SIDE_NONE, NULL) X(SIDE_LEFT, "left") X(SIDE_RIGHT, "right")
#define SESSION_STATUSES(X) \
	X(SESSION_DONE, "done") X(SESSION_QUIT, "quit") X(SESSION_INTERRUPTED, "interrupted")
#define ANSWERS(X) X(ANSWER_YES, "yes") X(ANSWER_NO, "no")
/* The first-run triage's answers (triage.c asks them); the pathways are program.h's. */
#define SORE_SIDES(X) X(SORE_LEFT, "left") X(SORE_RIGHT, "right") X(SORE_BOTH, "both")
#define ONSETS(X) X(ONSET_TWIST, "twist") X(ONSET_GRADUAL, "gradual")
#define SINCES(X)                                                                  \
	X(SINCE_UNDER_3_WEEKS, "under-3-weeks") X(SINCE_UNDER_3_MONTHS, "3-weeks-to-3-months") \
	X(SINCE_UNDER_A_YEAR, "3-to-12-months") X(SINCE_OVER_A_YEAR, "over-a-year")
#define SITES(X)                                                                   \
	X(SITE_INSERTION, "insertion") X(SITE_MIDPORTION, "midportion")              \
	X(SITE_OUTER_ANKLE, "outer-ankle") X(SITE_BEHIND_OUTER_BONE, "behind-outer-ankle-bone") \
	X(SITE_BONE_SPOT, "bone-spot")
/* The red-flag questions (redflag.c holds their words and advice), in the order they
 * are asked: the most urgent first. */
#define FLAG_QUESTIONS(X) \
	X(FQ_CRACK, "crack") X(FQ_INFECTION, "infection") X(FQ_RUPTURE, "rupture") \
	X(FQ_FRACTURE, "fracture") X(FQ_CLOT, "clot") X(FQ_CLOT_BREATH, "clot-breath") \
	X(FQ_BONE_STRESS, "bone-stress") X(FQ_NERVE, "nerve") X(FQ_MEDICINE, "medicine")
/* What made talus ask them. */
#define FLAG_TRIGGERS(X) \
	X(TRIG_SEVERE, "severe") X(TRIG_QUIT_PAIN, "quit-pain") X(TRIG_MORNING, "morning") \
	X(TRIG_IMPACT, "impact") X(TRIG_TRIAGE, "triage")

#define REC_ENUM_ID(id, word) id,
#define REC_ENUM_ONE(id, word) +1

enum side { SIDES(REC_ENUM_ID) };
enum session_status { SESSION_STATUSES(REC_ENUM_ID) };
enum answer { ANSWERS(REC_ENUM_ID) };
#define SURFACES(X) \
	X(SURFACE_ROAD, "road") X(SURFACE_TRAIL, "trail") X(SURFACE_TRACK, "track") \
	X(SURFACE_TREADMILL, "treadmill") X(SURFACE_GRASS, "grass")
enum sore_side { SORE_SIDES(REC_ENUM_ID) };
enum surface { SURFACES(REC_ENUM_ID) };
enum onset { ONSETS(REC_ENUM_ID) };
enum since { SINCES(REC_ENUM_ID) };
enum site { SITES(REC_ENUM_ID) };
enum flag_question { FLAG_QUESTIONS(REC_ENUM_ID) };
enum flag_trigger { FLAG_TRIGGERS(REC_ENUM_ID) };

enum { SIDE_COUNT = 0 SIDES(REC_ENUM_ONE) };
enum { SESSION_STATUS_COUNT = 0 SESSION_STATUSES(REC_ENUM_ONE) };
enum { ANSWER_COUNT = 0 ANSWERS(REC_ENUM_ONE) };
enum { SORE_SIDE_COUNT = 0 SORE_SIDES(REC_ENUM_ONE) };
enum { SURFACE_COUNT = 0 SURFACES(REC_ENUM_ONE) };
enum { ONSET_COUNT = 0 ONSETS(REC_ENUM_ONE) };
enum { SINCE_COUNT = 0 SINCES(REC_ENUM_ONE) };
enum { SITE_COUNT = 0 SITES(REC_ENUM_ONE) };
enum { FQ_COUNT = 0 FLAG_QUESTIONS(REC_ENUM_ONE) };
enum { TRIG_COUNT = 0 FLAG_TRIGGERS(REC_ENUM_ONE) };

extern const char *const side_name[SIDE_COUNT];
extern const char *const session_status_name[SESSION_STATUS_COUNT];
extern const char *const answer_name[ANSWER_COUNT];
extern const char *const sore_side_name[SORE_SIDE_COUNT];
extern const char *const surface_name[SURFACE_COUNT];
extern const char *const onset_name[ONSET_COUNT];
extern const char *const since_name[SINCE_COUNT];
extern const char *const site_name[SITE_COUNT];
extern const char *const flag_question_name[FQ_COUNT];
extern const char *const flag_trigger_name[TRIG_COUNT];

/* ---- the schema ---- */

/* The record types: X(id, word). */
#define RECORD_TYPES(X)          \
	X(REC_START, "start")    \
	X(REC_SET, "set")        \
	X(REC_SKIP, "skip")      \
	X(REC_END, "end")        \
	X(REC_MORNING, "morning") \
	X(REC_LEVEL, "level")    \
	X(REC_SAFETY, "safety")  \
	X(REC_ADVICE, "advice")  \
	X(REC_TEST, "test")      \
	X(REC_TRIAGE, "triage")  \
	X(REC_RUN, "run")        \
	X(REC_RETIRE, "retire-shoes") \
	X(REC_RED_FLAG, "red-flag")

enum key_kind {
	KEY_INT,  /* a decimal integer within the field's limits */
	KEY_NAME, /* 1 to REC_NAME_MAX bytes, no space, tab, newline, CR, '\' or '=' */
	KEY_TEXT, /* any text (escaped as the format says) */
	KEY_ENUM, /* one of the words of the key's name table */
};

/* The keys talus knows: K(id, word, kind, name table for KEY_ENUM, its size). */
#define HIST_KEYS(K)                                                                   \
	K(HK_SESSION, "session", KEY_NAME, NULL, 0)                                     \
	K(HK_PROGRAM, "program", KEY_NAME, NULL, 0)                                     \
	K(HK_LEVEL, "level", KEY_INT, NULL, 0)                                          \
	K(HK_PLANNED, "planned", KEY_INT, NULL, 0)                                      \
	K(HK_EXERCISE, "exercise", KEY_NAME, NULL, 0)                                   \
	K(HK_SET, "set", KEY_INT, NULL, 0)                                              \
	K(HK_SIDE, "side", KEY_ENUM, side_name, SIDE_COUNT)                             \
	K(HK_REPS, "reps", KEY_INT, NULL, 0)                                            \
	K(HK_TARGET, "target", KEY_INT, NULL, 0)                                        \
	K(HK_SECS, "secs", KEY_INT, NULL, 0)                                            \
	K(HK_STATUS, "status", KEY_ENUM, session_status_name, SESSION_STATUS_COUNT)     \
	K(HK_PAIN_DURING, "pain-during", KEY_INT, NULL, 0)                              \
	K(HK_PAIN_AFTER, "pain-after", KEY_INT, NULL, 0)                                \
	K(HK_PAIN, "pain", KEY_INT, NULL, 0)                                            \
	K(HK_NOTE, "note", KEY_TEXT, NULL, 0)                                           \
	K(HK_NEXT, "next", KEY_NAME, NULL, 0)                                           \
	K(HK_ANSWER, "answer", KEY_ENUM, answer_name, ANSWER_COUNT)                     \
	K(HK_REASON, "reason", KEY_TEXT, NULL, 0)                                       \
	K(HK_AGAIN, "again", KEY_ENUM, answer_name, ANSWER_COUNT)                       \
	K(HK_HOURS, "hours", KEY_INT, NULL, 0)                                          \
	K(HK_SORE, "sore", KEY_ENUM, sore_side_name, SORE_SIDE_COUNT)                   \
	K(HK_ONSET, "onset", KEY_ENUM, onset_name, ONSET_COUNT)                         \
	K(HK_SINCE, "since", KEY_ENUM, since_name, SINCE_COUNT)                         \
	K(HK_WHERE, "where", KEY_ENUM, site_name, SITE_COUNT)                           \
	K(HK_GIVES_WAY, "gives-way", KEY_ENUM, answer_name, ANSWER_COUNT)               \
	K(HK_PATHWAY, "pathway", KEY_ENUM, pathway_key, PATHWAY_COUNT)                  \
	K(HK_METRES, "metres", KEY_INT, NULL, 0)                                        \
	K(HK_SHOES, "shoes", KEY_TEXT, NULL, 0)                                         \
	K(HK_SURFACE, "surface", KEY_ENUM, surface_name, SURFACE_COUNT)                 \
	K(HK_FLAG, "flag", KEY_ENUM, flag_question_name, FQ_COUNT)                      \
	K(HK_TRIGGER, "trigger", KEY_ENUM, flag_trigger_name, TRIG_COUNT)               \
	K(HK_LEFT, "left", KEY_INT, NULL, 0)                                            \
	K(HK_RIGHT, "right", KEY_INT, NULL, 0)                                          \
	K(HK_ELAPSED, "elapsed", KEY_INT, NULL, 0)                                      \
	K(HK_HASH, "hash", KEY_NAME, NULL, 0)

/* What each record type holds, in the order talus writes it:
 * F(type, key, required, min, max); min and max bound a KEY_INT and are 0 otherwise.
 * A key a type does not list is not checked there (readers ignore it). */
#define RECORD_FIELDS(F)                                           \
	F(REC_START, HK_SESSION, true, 0, 0)                       \
	F(REC_START, HK_PROGRAM, true, 0, 0)                       \
	F(REC_START, HK_LEVEL, true, 0, MAX_LEVELS)                \
	F(REC_START, HK_PLANNED, false, 0, COUNT_MAX)              \
	F(REC_SET, HK_SESSION, true, 0, 0)                         \
	F(REC_SET, HK_EXERCISE, true, 0, 0)                        \
	F(REC_SET, HK_SIDE, false, 0, 0)                           \
	F(REC_SET, HK_SET, true, 1, SET_MAX)                       \
	F(REC_SET, HK_REPS, false, 0, COUNT_MAX)                   \
	F(REC_SET, HK_TARGET, false, 0, COUNT_MAX)                 \
	F(REC_SET, HK_SECS, false, 0, SET_SECS_MAX)                \
	F(REC_SET, HK_AGAIN, false, 0, 0)                          \
	F(REC_SKIP, HK_SESSION, true, 0, 0)                        \
	F(REC_SKIP, HK_EXERCISE, true, 0, 0)                       \
	F(REC_END, HK_SESSION, true, 0, 0)                         \
	F(REC_END, HK_STATUS, true, 0, 0)                          \
	F(REC_END, HK_PAIN_DURING, false, 0, PAIN_MAX)             \
	F(REC_END, HK_PAIN_AFTER, false, 0, PAIN_MAX)              \
	F(REC_END, HK_SECS, false, 0, SESSION_SECS_MAX)            \
	F(REC_END, HK_NOTE, false, 0, 0)                           \
	F(REC_MORNING, HK_PAIN, true, 0, PAIN_MAX)                 \
	F(REC_MORNING, HK_HOURS, false, 0, MORNING_HOURS_MAX)      \
	F(REC_LEVEL, HK_PROGRAM, true, 0, 0)                       \
	F(REC_LEVEL, HK_LEVEL, true, 0, MAX_LEVELS)                \
	F(REC_ADVICE, HK_REASON, false, 0, 0)                      \
	F(REC_TEST, HK_PROGRAM, true, 0, 0)                        \
	F(REC_TEST, HK_NEXT, true, 0, 0)                           \
	F(REC_TEST, HK_ANSWER, true, 0, 0)                         \
	F(REC_TEST, HK_LEFT, false, 0, COUNT_MAX)                  \
	F(REC_TEST, HK_RIGHT, false, 0, COUNT_MAX)                 \
	F(REC_TRIAGE, HK_SORE, true, 0, 0)                         \
	F(REC_TRIAGE, HK_ONSET, true, 0, 0)                        \
	F(REC_TRIAGE, HK_SINCE, true, 0, 0)                        \
	F(REC_TRIAGE, HK_WHERE, true, 0, 0)                        \
	F(REC_TRIAGE, HK_GIVES_WAY, true, 0, 0)                    \
	F(REC_TRIAGE, HK_PATHWAY, true, 0, 0)                      \
	F(REC_TRIAGE, HK_PROGRAM, true, 0, 0)                      \
	F(REC_RUN, HK_METRES, false, 1, 1000000)                   \
	F(REC_RUN, HK_SECS, false, 1, SESSION_SECS_MAX)            \
	F(REC_RUN, HK_PAIN_DURING, false, 0, PAIN_MAX)             \
	F(REC_RUN, HK_SHOES, false, 0, 0)                          \
	F(REC_RUN, HK_SURFACE, false, 0, 0)                        \
	F(REC_RUN, HK_NOTE, false, 0, 0)                           \
	F(REC_RUN, HK_SESSION, false, 0, 0)                        \
	F(REC_RUN, HK_ELAPSED, false, 1, SESSION_SECS_MAX)         \
	F(REC_RUN, HK_HASH, false, 0, 0)                           \
	F(REC_RETIRE, HK_SHOES, true, 0, 0)                        \
	F(REC_RED_FLAG, HK_FLAG, true, 0, 0)                       \
	F(REC_RED_FLAG, HK_ANSWER, true, 0, 0)                     \
	F(REC_RED_FLAG, HK_TRIGGER, false, 0, 0)

#define REC_TYPE_ID(id, word) id,
#define REC_KEY_ID(id, word, kind, names, nnames) id,
#define REC_FIELD_ONE(type, key, required, min, max) +1

enum record_type { RECORD_TYPES(REC_TYPE_ID) REC_TYPE_COUNT };
enum hist_key { HIST_KEYS(REC_KEY_ID) HK_COUNT };
enum { REC_FIELD_COUNT = 0 RECORD_FIELDS(REC_FIELD_ONE) };
_Static_assert(HK_COUNT <= 64, "hist_record.checked has a bit per key");

struct key_spec {
	const char *name;
	enum key_kind kind;
	const char *const *names; /* KEY_ENUM: the words, indexed by the enum */
	int nnames;
};

struct field_spec {
	enum record_type type;
	enum hist_key key;
	bool required;
	long min, max;
};

extern const char *const record_type_name[REC_TYPE_COUNT];
extern const struct key_spec hist_key_spec[HK_COUNT];
extern const struct field_spec record_fields[REC_FIELD_COUNT]; /* grouped by type */

/* The index of word in key's name table, or -1. */
int key_enum_value(enum hist_key key, const char *word);

/* ---- writing ---- */

/* The writers only write what the reader accepts, whatever they are handed:
 * - rec_begin writes the local time with its offset; when that cannot be written (an
 *   offset beyond REC_OFFSET_MAX or of odd seconds, a local year outside
 *   REC_YEAR_MIN-REC_YEAR_MAX) the same instant in UTC ("Z"); an instant outside those
 *   years is clamped to the nearest one inside.
 * - rec_put_int clamps a number to the limits the schema gives its key in the line's
 *   record type (a set left running for two days is written as a day).
 * - rec_put_str writes a text with tab, newline, CR and backslash escaped, every other
 *   control character (C0, DEL, C1) and every byte that is not valid UTF-8 as '?',
 *   cut at a character to REC_TEXT_MAX bytes; a name the same way, with space, '=' and
 *   the escaped bytes as '_' too, cut to REC_NAME_MAX bytes ("_" when empty).
 * - rec_finish checks the line with the reader; a line it rejects (a required key
 *   missing, too many fields) is a bug in the caller and dies.
 * Starts a record line: local timestamp with offset, tab, type. */
void rec_begin(struct strbuf *line, time_t when, enum record_type type);
/* As rec_begin, at the given offset (local minus UTC, seconds) rather than this
 * machine's: an imported run is dated where it was run. */
void rec_begin_at(struct strbuf *line, time_t when, long offset, enum record_type type);
/* Add a tab and key=value; an enum is written as its word (a value with no word writes
 * nothing). Each aborts when the key is not of its kind: that is a bug in the caller. */
void rec_put_str(struct strbuf *line, enum hist_key key, const char *value);
void rec_put_int(struct strbuf *line, enum hist_key key, long value);
void rec_put_enum(struct strbuf *line, enum hist_key key, int value);
/* Ends the record with a newline. */
void rec_finish(struct strbuf *line);

/* ---- reading ---- */

struct hist_field {
	const char *key;
	const char *value;
};

struct hist_record {
	enum record_type type;
	const char *known[HK_COUNT]; /* the value of each known key, or NULL */
	uint64_t checked;            /* bit k: the schema checked key k here, and value[k] */
	long value[HK_COUNT];        /* holds its number (KEY_INT) or word's index (KEY_ENUM) */
	int64_t when;   /* seconds since the epoch */
	day_t day;      /* local date as written */
	int secs_of_day; /* local time of day as written */
	size_t line;    /* line number in the file */
	size_t nfields;
	struct hist_field fields[REC_MAX_FIELDS];
};

/* Parses one line (without its newline) in place; false if it does not parse or a
 * field breaks the schema; false with rec->type == REC_TYPE_COUNT when its timestamp
 * parses and its type is a word this version does not know (a later version's). */
bool history_parse_line(char *line, size_t len, struct hist_record *rec);
/* The value of any key by its word, the schema's or not (a later version's); NULL when
 * absent. Code that knows its key reads rec->known[HK_...] or the getters below. */
const char *rec_get(const struct hist_record *rec, const char *key);
/* The integer at key, or fallback when absent or not a number. */
long rec_get_int(const struct hist_record *rec, enum hist_key key, long fallback);
/* The enum at key (a KEY_ENUM), or fallback when absent. */
int rec_get_enum(const struct hist_record *rec, enum hist_key key, int fallback);

#endif
