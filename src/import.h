/* Runs from a watch or a phone: the parsers of GPX and TCX (expat) and FIT (a decoder
 * of our own) take a file's bytes and give its activities; import.c turns the running
 * ones into run records. The parsers never touch the history. */
#ifndef TALUS_IMPORT_H
#define TALUS_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ACTIVITY_SPORT_MAX 32
#define IMPORT_ERR_MAX 160

/* One activity, or one running leg of a multisport file. */
struct activity {
	bool running;               /* a run (treadmill, trail and track runs too) */
	char sport[ACTIVITY_SPORT_MAX]; /* the file's word for it: "running", "cycling" */
	int64_t start;              /* its start, seconds since the epoch (UTC) */
	bool have_offset;           /* the file says the local time (FIT's activity) */
	int offset;                 /* local minus UTC, seconds, when have_offset */
	long metres;                /* its distance, whole metres; 0 when none */
	long moving_secs;           /* moving time, -1 when the file cannot tell */
	long elapsed_secs;          /* start to end, -1 when the file cannot tell */
};

struct activity_list {
	struct activity *items;
	size_t n, cap;
};

/* Each parser reads a whole file from memory and appends what it finds to out. It
 * returns false on a broken file, with err a short reason ("line 12: mismatched tag",
 * "bad CRC"); what it appended then is to be thrown away by the caller. */
bool gpx_parse(const unsigned char *buf, size_t len, struct activity_list *out,
	       char *err, size_t errlen);
bool tcx_parse(const unsigned char *buf, size_t len, struct activity_list *out,
	       char *err, size_t errlen);
bool fit_parse(const unsigned char *buf, size_t len, struct activity_list *out,
	       char *err, size_t errlen);

/* Appends one; false when out of memory (the list is unchanged). */
bool activity_push(struct activity_list *list, const struct activity *a);
void activity_list_free(struct activity_list *list);

#endif
