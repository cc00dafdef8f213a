/* The expat layer of the GPX and TCX parsers (import_xml.h). */
#include "import_xml.h"

#include <ctype.h>
#include <expat.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "util.h"

static const char *local_name(const char *name)
{
	const char *colon = strrchr(name, ':');

	return colon ? colon + 1 : name;
}

void xml_fail(struct xml_doc *doc, const char *fmt, ...)
{
	char msg[IMPORT_ERR_MAX - 32]; /* room for "line N: " */
	va_list ap;

	if (doc->failed)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	snprintf(doc->err, sizeof(doc->err), "line %lu: %s",
		 (unsigned long)XML_GetCurrentLineNumber(doc->parser), msg);
	doc->failed = true;
	XML_StopParser(doc->parser, XML_FALSE);
}

const char *xml_parent(const struct xml_doc *doc, int up)
{
	int i = doc->depth - 2 - up;

	return i >= 0 && i < XML_DEPTH ? doc->path[i] : "";
}

const char *xml_attr(const char **attrs, const char *name)
{
	for (; attrs && attrs[0]; attrs += 2)
		if (strcmp(local_name(attrs[0]), name) == 0)
			return attrs[1];
	return NULL;
}

static void XMLCALL on_start(void *data, const char *name, const char **attrs)
{
	struct xml_doc *doc = data;

	if (doc->failed)
		return;
	name = local_name(name);
	if (doc->depth == 0 && strcmp(name, doc->root) != 0) {
		char shown[XML_NAME_MAX];
		copy_str(shown, sizeof(shown), name);
		sanitize_text(shown);
		xml_fail(doc, "the root element is <%s>, not <%s>", shown, doc->root);
		return;
	}
	if (doc->depth < XML_DEPTH)
		copy_str(doc->path[doc->depth], XML_NAME_MAX, name);
	if (doc->depth < INT_MAX)
		doc->depth++;
	doc->ntext = 0;
	doc->text[0] = '\0';
	doc->text_long = false;
	doc->start(doc, name, attrs);
}

static void XMLCALL on_end(void *data, const char *name)
{
	struct xml_doc *doc = data;
	size_t n = doc->ntext;

	if (doc->failed || doc->depth <= 0)
		return;
	while (n && isspace((unsigned char)doc->text[n - 1]))
		n--;
	doc->text[n] = '\0';
	doc->end(doc, local_name(name));
	doc->depth--;
	doc->ntext = 0;
	doc->text[0] = '\0';
	doc->text_long = false;
}

static void XMLCALL on_text(void *data, const char *s, int len)
{
	struct xml_doc *doc = data;

	if (doc->ntext == 0) /* leading space is no part of a value */
		while (len > 0 && isspace((unsigned char)*s))
			s++, len--;
	if (len <= 0)
		return;
	if ((size_t)len >= sizeof(doc->text) - doc->ntext) {
		doc->text_long = true;
		return;
	}
	memcpy(doc->text + doc->ntext, s, (size_t)len);
	doc->ntext += (size_t)len;
	doc->text[doc->ntext] = '\0';
}

/* No file talus reads declares entities: refusing them all stops entity expansion
 * attacks before expat's own limits are needed. */
static void XMLCALL on_entity(void *data, const char *name, int param, const char *value,
			      int len, const char *base, const char *sys, const char *pub,
			      const char *notation)
{
	(void)name, (void)param, (void)value, (void)len, (void)base, (void)sys, (void)pub,
		(void)notation;
	xml_fail(data, "entity declarations are not read");
}

bool xml_parse(struct xml_doc *doc, const unsigned char *buf, size_t len, char *err,
	       size_t errlen)
{
	XML_Parser p;
	bool ok;

	doc->depth = 0;
	doc->failed = false;
	doc->err[0] = '\0';
	if (len > INT_MAX) {
		snprintf(err, errlen, "too large to read");
		return false;
	}
	if (!(p = XML_ParserCreate(NULL))) {
		snprintf(err, errlen, "out of memory");
		return false;
	}
	doc->parser = p;
	XML_SetUserData(p, doc);
	XML_SetElementHandler(p, on_start, on_end);
	XML_SetCharacterDataHandler(p, on_text);
	XML_SetEntityDeclHandler(p, on_entity);
	ok = XML_Parse(p, (const char *)buf, (int)len, XML_TRUE) == XML_STATUS_OK;
	if (!ok && !doc->failed)
		snprintf(doc->err, sizeof(doc->err), "line %lu: %s",
			 (unsigned long)XML_GetCurrentLineNumber(p),
			 XML_ErrorString(XML_GetErrorCode(p)));
	if (ok && doc->failed) /* a handler failed after the last stop could be seen */
		ok = false;
	if (!ok)
		snprintf(err, errlen, "%s", doc->err);
	XML_ParserFree(p);
	doc->parser = NULL;
	return ok;
}

/* n digits at *s into *v, advancing *s. */
static bool digits(const char **s, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++, (*s)++) {
		if (!isdigit((unsigned char)**s))
			return false;
		*v = *v * 10 + (**s - '0');
	}
	return true;
}

bool xml_time(const char *s, int64_t *t, bool *zoned, int *offset)
{
	int y, mo, d, h, mi, sec, oh = 0, om = 0, sign = 0;

	if (!digits(&s, 4, &y) || *s++ != '-' || !digits(&s, 2, &mo) || *s++ != '-' ||
	    !digits(&s, 2, &d) || *s++ != 'T' || !digits(&s, 2, &h) || *s++ != ':' ||
	    !digits(&s, 2, &mi) || *s++ != ':' || !digits(&s, 2, &sec))
		return false;
	if (*s == '.') { /* fractions of a second: dropped */
		s++;
		if (!isdigit((unsigned char)*s))
			return false;
		while (isdigit((unsigned char)*s))
			s++;
	}
	if (*s == '+' || *s == '-') {
		sign = *s++ == '-' ? -1 : 1;
		if (!digits(&s, 2, &oh))
			return false;
		if (*s == ':')
			s++;
		if (!digits(&s, 2, &om))
			return false;
	} else if (*s == 'Z') {
		s++;
	}
	if (*s || y < 1970 || y > 9999 || mo < 1 || mo > 12 || d < 1 ||
	    d > days_in_month(y, mo) || h > 23 || mi > 59 || sec > 60 || oh > 14 || om > 59)
		return false;
	*offset = sign * (oh * 3600 + om * 60);
	*zoned = sign != 0;
	*t = (int64_t)days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + (sec > 59 ? 59 : sec) -
	     *offset;
	return true;
}

bool xml_number(const char *s, double *v)
{
	char *end;

	if (!*s || isspace((unsigned char)*s))
		return false;
	*v = strtod(s, &end);
	return *end == '\0' && isfinite(*v) && *v >= 0 && *v <= XML_NUMBER_MAX;
}

static const char *shown_text(struct xml_doc *doc)
{
	sanitize_text(doc->text);
	return doc->text_long ? "(too long)" : doc->text;
}

bool xml_text_time(struct xml_doc *doc, int64_t *t, bool *zoned, int *offset)
{
	if (!doc->text_long && xml_time(doc->text, t, zoned, offset))
		return true;
	xml_fail(doc, "not a time: '%s'", shown_text(doc));
	return false;
}

bool xml_text_number(struct xml_doc *doc, const char *what, double *v)
{
	if (!doc->text_long && xml_number(doc->text, v))
		return true;
	xml_fail(doc, "%s is not a number from 0 to %.0f: '%s'", what, XML_NUMBER_MAX,
		 shown_text(doc));
	return false;
}
