/* Where programs are found: a list of folders searched in order, the first file of a
 * name winning, so a runner's own copy of a program shadows the shipped one. */
#ifndef TALUS_CATALOG_H
#define TALUS_CATALOG_H

#include <stdbool.h>
#include <stddef.h>

#include "program.h"

struct catalog_entry {
	char *name; /* file stem */
	char *path;
};

struct catalog {
	struct catalog_entry *entries; /* sorted by name */
	size_t n;
};

/* Lists the *.conf files of dirs (missing folders are skipped). */
void catalog_scan(struct catalog *cat, const char *const *dirs, size_t ndirs);
void catalog_free(struct catalog *cat);
const char *catalog_find(const struct catalog *cat, const char *name);

/* Loads program name and checks that its next program exists. */
bool catalog_load(const struct catalog *cat, const char *name, struct program *prog, char *err,
		  size_t errlen);

/* For a program that is the first of insertional-achilles: the first exercise into
 * dorsiflexion in a program its next leads to, as "ankle-strength's 'heel-drop-straight'"
 * in buf, or false when there is none. */
bool catalog_dorsiflexion_after(const struct catalog *cat, const struct program *prog, char *buf,
				size_t len);

#endif
