/* The history read back: a streaming reader that never writes, skipping and reporting
 * damaged lines by number. The writing half (durable append, the lock) is history.c. */
#include "history.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

/* ---- reading ---- */

void history_report_skip(struct history_report *report, size_t lineno)
{
	if (report->skipped < HISTORY_SHOWN_SKIPS)
		report->skipped_lines[report->skipped] = lineno;
	report->skipped++;
}

/* line[len] must be writable (it held the newline). */
static void handle_line(char *line, size_t len, size_t lineno, history_visit_fn visit,
			history_filter_fn filter, void *ctx, struct history_report *report)
{
	struct hist_record rec;

	rec.type = 0;
	if (len > 0 && line[len - 1] == '\r')
		len--;
	line[len] = '\0';
	if (lineno == 1 && len >= 3 && memcmp(line, "\xef\xbb\xbf", 3) == 0) { /* a BOM */
		line += 3;
		len -= 3;
	}
	if (len == 0 || line[0] == '#')
		return;
	if (filter && !filter(line, len, ctx))
		return;
	if (len > HISTORY_MAX_LINE || memchr(line, '\0', len) || !history_parse_line(line, len, &rec)) {
		if (len <= HISTORY_MAX_LINE && rec.type == REC_TYPE_COUNT)
			report->newer++; /* a type of a later version: passed over, as its keys are */
		else
			history_report_skip(report, lineno);
		return;
	}
	rec.line = lineno;
	report->records++;
	visit(&rec, ctx);
}

#define READ_CHUNK 65536

/* Reads the lines of one file; false with report->err set when it cannot be read. */
static bool read_file(const char *path, history_visit_fn visit, history_filter_fn filter,
		      void *ctx, struct history_report *report)
{
	char *buf, why[200];
	size_t have = 0, lineno = 0;
	bool overlong = false, ok = true;
	int fd;

	fd = history_open_checked(path, O_RDONLY, why, sizeof(why));
	if (fd < 0) {
		if (errno == ENOENT)
			return true;
		snprintf(report->err, sizeof(report->err), "%s: cannot read: %s", path, why);
		return false;
	}
	buf = xmalloc(READ_CHUNK + 1);
	for (;;) {
		ssize_t n = read(fd, buf + have, READ_CHUNK - have);
		size_t start = 0;
		char *nl;

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			snprintf(report->err, sizeof(report->err), "%s: cannot read: %s", path,
				 strerror(errno));
			ok = false;
			break;
		}
		if (n == 0)
			break;
		have += (size_t)n;
		while ((nl = memchr(buf + start, '\n', have - start))) {
			size_t len = (size_t)(nl - (buf + start));
			lineno++;
			if (overlong)
				history_report_skip(report, lineno);
			else
				handle_line(buf + start, len, lineno, visit, filter, ctx, report);
			overlong = false;
			start += len + 1;
		}
		memmove(buf, buf + start, have - start);
		have -= start;
		if (have == READ_CHUNK) { /* no newline in a whole buffer: too long to keep */
			overlong = true;
			have = 0;
		}
	}
	if (ok && (have > 0 || overlong))
		history_report_skip(report, ++lineno); /* no final newline: a torn write */
	free(buf);
	close(fd);
	return ok;
}

bool history_read(const char *path, history_visit_fn visit, void *ctx,
		  struct history_report *report)
{
	return history_read_filtered(path, visit, NULL, ctx, report);
}

bool history_read_filtered(const char *path, history_visit_fn visit, history_filter_fn filter,
			   void *ctx, struct history_report *report)
{
	struct history_report kept;
	char *upath;
	bool ok;

	memset(report, 0, sizeof(*report));
	if (!read_file(path, visit, filter, ctx, report))
		return false;
	/* records a coach could not save, until the next save merges them */
	memset(&kept, 0, sizeof(kept));
	upath = xasprintf("%s%s", path, HISTORY_UNSAVED_SUFFIX);
	ok = read_file(upath, visit, filter, ctx, &kept);
	free(upath);
	if (ok) {
		report->unsaved = kept.records;
		report->records += kept.records;
		report->newer += kept.newer;
	}
	return true;
}

void history_report_skips(const struct history_report *report, char *buf, size_t len)
{
	struct strbuf sb;
	size_t shown = report->skipped < HISTORY_SHOWN_SKIPS ? report->skipped : HISTORY_SHOWN_SKIPS;

	if (report->skipped == 0) {
		copy_str(buf, len, "");
		return;
	}
	sb_init(&sb);
	sb_printf(&sb, "skipped %zu damaged line%s (line%s ", report->skipped,
		  report->skipped == 1 ? "" : "s", report->skipped == 1 ? "" : "s");
	for (size_t i = 0; i < shown; i++)
		sb_printf(&sb, "%s%zu", i ? ", " : "", report->skipped_lines[i]);
	if (report->skipped > shown)
		sb_printf(&sb, " and %zu more", report->skipped - shown);
	sb_puts(&sb, ")");
	copy_str(buf, len, sb.buf);
	sb_free(&sb);
}

void history_report_notes(const struct history_report *report, const char *path, char *buf,
			  size_t len)
{
	struct strbuf sb;

	sb_init(&sb);
	if (report->newer)
		sb_printf(&sb, "%zu record%s of a newer talus passed over", report->newer,
			  report->newer == 1 ? "" : "s");
	if (report->unsaved)
		sb_printf(&sb, "%s%zu record%s not saved last time %s kept in %s%s; they are added "
			  "at the next save", sb.len ? "; " : "", report->unsaved,
			  report->unsaved == 1 ? "" : "s", report->unsaved == 1 ? "is" : "are", path,
			  HISTORY_UNSAVED_SUFFIX);
	copy_str(buf, len, sb.buf);
	sb_free(&sb);
}
