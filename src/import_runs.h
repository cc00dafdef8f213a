/* From files to run records (import.c): read a file whole, know its format by its
 * bytes, parse it, hash it, and tell the runs already in the history from new ones.
 * No output here: commands_import.c says what happened. */
#ifndef TALUS_IMPORT_RUNS_H
#define TALUS_IMPORT_RUNS_H

#include <stdbool.h>
#include <stddef.h>

#include "import.h"
#include "session_log.h"
#include "sha256.h"
#include "util.h"

#define IMPORT_FILE_MAX (64L << 20) /* a bigger file is refused (*design*: days of 1 s points) */
#define IMPORT_SAME_START_SECS 60   /* a duplicate: starts within a minute (running.md) */
#define IMPORT_SAME_DISTANCE_PERCENT 2 /* and its distance within 2% (running.md) */

enum import_format { IMPORT_UNKNOWN, IMPORT_GPX, IMPORT_TCX, IMPORT_FIT };

/* FIT by ".FIT" at byte 8; XML by its root element, gpx or TrainingCenterDatabase. */
enum import_format import_detect(const unsigned char *buf, size_t len);

/* A file read and parsed. */
struct import_file {
	char hash[SHA256_HEX_LEN + 1];
	enum import_format format;
	struct activity_list acts;
};

/* Reads and parses path. False with err a short reason (no path in it) when it cannot
 * be read or is broken; nothing is kept then. import_file_free either way. */
bool import_file_read(const char *path, struct import_file *f, char *err, size_t errlen);
void import_file_free(struct import_file *f);

/* The limits of a run record: false with err set when a's numbers are past them. */
bool import_check(const struct activity *a, char *err, size_t errlen);

/* The run of the history this file or activity is already, or NULL: the same file
 * hash, or a start within IMPORT_SAME_START_SECS and a distance within
 * IMPORT_SAME_DISTANCE_PERCENT. hash may be NULL, a may be NULL. */
const struct run *import_duplicate(const struct session_log *log, const char *hash,
				   const struct activity *a);

/* The run record of a, dated at its own offset when the file gives one. */
void import_record(struct strbuf *line, const struct activity *a, const char *hash);

/* The import files of a folder (.gpx, .tcx, .fit in any case), sorted by name, appended
 * to *paths (each malloc'd). False with err set when it cannot be read. */
bool import_folder(const char *dir, char ***paths, size_t *npaths, char *err, size_t errlen);

#endif
