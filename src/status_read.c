/* The history as --status reads it: every record, but the sets and skips older than
 * STATUS_FULL_DAYS only counted against their session, unparsed. They are most of a
 * long history (ten years: 47,000 of 50,000 lines) and all --status needs of them is
 * how many there were, for the scheduler's "enough of its sets done" rule. */
#include "status.h"

#include <string.h>

#include "util.h"

struct status_read {
	struct session_log *log;
	char from[DATE_BUF];   /* the first local date read whole, "YYYY-MM-DD" */
};

/* Where "\tKEY=" is in the line, or NULL. */
static const char *find_key(const char *line, size_t len, const char *key)
{
	size_t n = strlen(key);

	for (const char *p = line; p + n <= line + len; p++) {
		p = memchr(p, '\t', (size_t)(line + len - p));
		if (!p || p + n > line + len)
			return NULL;
		if (memcmp(p, key, n) == 0)
			return p + n;
	}
	return NULL;
}

/* "\tagain=yes" as a whole field: looked for from each 'y', rare in a set line. */
static bool done_again(const char *line, size_t len)
{
	const char *end = line + len;

	for (const char *p = line; (p = memchr(p, 'y', (size_t)(end - p))); p++)
		if (p - line >= 7 && memcmp(p - 7, "\tagain=", 7) == 0 && end - p >= 3 &&
		    p[1] == 'e' && p[2] == 's' && (end - p == 3 || p[3] == '\t'))
			return true;
	return false;
}

/* The line's date before r->from: compared as text, most often decided by the year. */
static bool before(const char *line, const char *from)
{
	for (int i = 0; i < 10; i++)
		if (line[i] != from[i])
			return (unsigned char)line[i] < (unsigned char)from[i];
	return false;
}

static bool read_whole(const char *line, size_t len, void *ctx)
{
	struct status_read *r = ctx;
	const char *type, *id, *end;
	char idbuf[SESSION_ID_MAX + 1];
	struct session *s;
	size_t rest;
	bool skip;

	/* a local ISO date leads every record: it sorts as text */
	if (len < 11 || !before(line, r->from) || !(type = memchr(line, '\t', len)))
		return true;
	rest = len - (size_t)(++type - line);
	if (rest > 4 && memcmp(type, "set\t", 4) == 0)
		skip = false;
	else if (rest > 5 && memcmp(type, "skip\t", 5) == 0)
		skip = true;
	else
		return true;
	/* the writer puts the session first; a hand-written line may not */
	if (rest > (size_t)(13 + skip) && memcmp(type + 3 + skip, "\tsession=", 9) == 0)
		id = type + 12 + skip;
	else if (!(id = find_key(type, rest, "\tsession=")))
		return true;
	end = memchr(id, '\t', (size_t)(line + len - id));
	if (!end)
		end = line + len;
	if (end == id || end - id > SESSION_ID_MAX)
		return true;
	memcpy(idbuf, id, (size_t)(end - id));
	idbuf[end - id] = '\0';
	if (!(s = session_log_find(r->log, idbuf)))
		return true; /* before its start: read whole, as ever */
	if (skip)
		s->skips++;
	else if (!done_again(type, rest))
		s->sets_done++;
	return false;
}

bool status_log_load(struct session_log *log, const char *path, day_t today)
{
	struct status_read r;

	r.log = log;
	date_format_iso(today - STATUS_FULL_DAYS, r.from);
	return session_log_load_filtered(log, path, read_whole, &r);
}
