/* What the GPX and TCX parsers share: expat run over a buffer with the elements' local
 * names and text handed to the format's handlers, and the readers of an XML time and
 * number. Only import_gpx.c and import_tcx.c include it. */
#ifndef TALUS_IMPORT_XML_H
#define TALUS_IMPORT_XML_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "import.h"

#define XML_DEPTH 16     /* the open elements whose names are kept; deeper ones are "" */
#define XML_NAME_MAX 32  /* a local name, longer ones cut (no name talus reads is long) */
#define XML_TEXT_MAX 64  /* an element's text kept; longer text is "too long" */
#define XML_NUMBER_MAX 1e8 /* a distance or a time in a file: past this it is broken (*design*) */

struct xml_doc {
	const char *root;  /* the root element's local name the format needs */
	void *ctx;
	/* an element opened, its attributes as expat gives them (name, value, ..., NULL) */
	void (*start)(struct xml_doc *doc, const char *name, const char **attrs);
	/* an element closed; doc->text holds its text (trimmed) */
	void (*end)(struct xml_doc *doc, const char *name);
	/* the rest is xml_parse's */
	void *parser;
	int depth;
	char path[XML_DEPTH][XML_NAME_MAX];
	char text[XML_TEXT_MAX];
	size_t ntext;
	bool text_long;
	bool failed;
	char err[IMPORT_ERR_MAX];
};

/* Runs doc's handlers over the file. False with err set ("line 3: mismatched tag") when
 * it is not well-formed, its root is another, or a handler called xml_fail. */
bool xml_parse(struct xml_doc *doc, const unsigned char *buf, size_t len, char *err,
	       size_t errlen);
/* Stops the parse: "line N: " and the message become the error. */
void xml_fail(struct xml_doc *doc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The local name of the element `up` levels above the one just opened or closing (0:
 * its parent), "" when there is none. */
const char *xml_parent(const struct xml_doc *doc, int up);
/* An attribute's value by local name, or NULL. */
const char *xml_attr(const char **attrs, const char *name);

/* An XML Schema dateTime, "2026-11-20T07:30:00Z", "...:00.250+01:00"; no zone: UTC
 * (GPX and TCX write UTC). *zoned is set when it gives an offset other than Z. */
bool xml_time(const char *s, int64_t *t, bool *zoned, int *offset);
/* A decimal number from 0 to XML_NUMBER_MAX; false on anything else. */
bool xml_number(const char *s, double *v);
/* The element's text as a time or a number, failing the parse when it is not one. */
bool xml_text_time(struct xml_doc *doc, int64_t *t, bool *zoned, int *offset);
bool xml_text_number(struct xml_doc *doc, const char *what, double *v);

#endif
