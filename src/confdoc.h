/* Parsing one libconfuse file with messages that name file:line, and the checks
 * libconfuse leaves out: braces left open at the end of the file (Debian's 3.3 accepts
 * them), a key given twice, and the line of every key so later validation can point
 * at it. Shared by the program and user-config loaders. */
#ifndef TALUS_CONFDOC_H
#define TALUS_CONFDOC_H

#include <confuse.h>
#include <stdbool.h>
#include <stddef.h>

#define CONF_MAX_BYTES (1024 * 1024)

struct conf_key {
	int section;    /* index into sections, -1 for the top level */
	char name[40];
	int line;
};

struct conf_section {
	char name[40];
	int nth;        /* how many sections of this name came before */
	int line;
};

struct conf_doc {
	char *path;
	cfg_t *cfg;
	struct conf_key *keys;
	size_t nkeys;
	struct conf_section *sections;
	size_t nsections;
	char err[512];
	int err_line; /* of err */
};

/* Reads a whole file; refuses a missing file, a directory, one over CONF_MAX_BYTES or
 * one with a NUL byte. On error fills err ("path: what") and returns NULL. */
char *conf_read_file(const char *path, char *err, size_t errlen);

/* A copy of buf (to free) with its comments turned into spaces, newlines kept. */
char *conf_blank_comments(const char *buf);

/* Parses buf against opts; path only names the file in messages. Returns false with
 * doc->err set on the first error. Always free with conf_doc_free. */
bool conf_doc_parse(struct conf_doc *doc, cfg_opt_t *opts, const char *path, const char *buf);
void conf_doc_free(struct conf_doc *doc);

/* Line of key in the nth section called section_name (NULL: top level); falls back to
 * the section's own line, then to 1. */
int conf_key_line(const struct conf_doc *doc, const char *section_name, int nth, const char *key);
bool conf_has_key(const struct conf_doc *doc, const char *section_name, int nth, const char *key);
int conf_section_line(const struct conf_doc *doc, const char *section_name, int nth);

/* Sets doc->err to "path:line: message" unless an error is already there; returns false. */
bool conf_error(struct conf_doc *doc, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
