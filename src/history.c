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

/* ---- writing ---- */

void history_writer_init(struct history_writer *w, const char *path)
{
	memset(w, 0, sizeof(*w));
	w->path = xstrdup(path);
}

void history_writer_free(struct history_writer *w)
{
	for (size_t i = 0; i < w->npending; i++)
		free(w->pending[i]);
	free(w->pending);
	free(w->path);
	memset(w, 0, sizeof(*w));
}

static bool fail(struct history_writer *w, const char *what, int err)
{
	snprintf(w->err, sizeof(w->err), "%s: %s: %s", w->path, what, strerror(err));
	w->errnum = err;
	return false;
}

static void fsync_dir_of(const char *path)
{
	char *copy = xstrdup(path);
	int fd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(copy);
}

/* mkdir -p for the file's folder, mode 0700; each new folder is synced into its parent. */
static int make_parent_dirs(const char *path)
{
	char *copy = xstrdup(path);
	int rc = 0;

	for (char *p = copy + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(copy, 0700) == 0)
			fsync_dir_of(copy);
		else if (errno != EEXIST)
			rc = -1;
		*p = '/';
		if (rc)
			break;
	}
	free(copy);
	return rc;
}

/* writev, not write: the history's only writes are then told apart from the
 * terminal's, so a fault test can stop the process at exactly the Nth of them
 * (strace -e inject=writev). One iovec is as atomic under O_APPEND as write. */
static bool write_all(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		struct iovec iov = { (void *)buf, len };
		ssize_t n = writev(fd, &iov, 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == 0)
				errno = EIO;
			return false;
		}
		buf += n;
		len -= (size_t)n;
	}
	return true;
}

/* Waits up to about two seconds for the lock; another talus holds it only for a write. */
static bool lock_file(int fd)
{
	for (int i = 0; i < 200; i++) {
		if (flock(fd, LOCK_EX | LOCK_NB) == 0)
			return true;
		if (errno != EWOULDBLOCK && errno != EINTR)
			return false;
		usleep(10000);
	}
	errno = EWOULDBLOCK;
	return false;
}

bool history_retry(struct history_writer *w)
{
	struct strbuf buf;
	struct stat st;
	bool created, ok = false;
	int fd, saved;

	if (w->npending == 0)
		return true;
	if (make_parent_dirs(w->path) != 0)
		return fail(w, "cannot create its folder", errno);
	created = stat(w->path, &st) != 0 && errno == ENOENT;
	fd = open(w->path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0600); /* read: the last byte */
	if (fd < 0)
		return fail(w, "record not saved", errno);
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		snprintf(w->err, sizeof(w->err), "%s: record not saved: not a regular file", w->path);
		w->errnum = EISDIR;
		return false;
	}
	if (!lock_file(fd)) {
		saved = errno;
		close(fd);
		return fail(w, "record not saved: cannot lock", saved);
	}
	if (fstat(fd, &st) != 0) {
		saved = errno;
		close(fd);
		return fail(w, "record not saved", saved);
	}

	sb_init(&buf);
	if (st.st_size == 0) {
		sb_puts(&buf, HISTORY_HEADER);
	} else {
		char last;
		/* a torn earlier write: end that line so ours starts clean */
		if (pread(fd, &last, 1, st.st_size - 1) == 1 && last != '\n')
			sb_putc(&buf, '\n');
	}
	for (size_t i = 0; i < w->npending; i++)
		sb_puts(&buf, w->pending[i]);

	if (!write_all(fd, buf.buf, buf.len)) {
		saved = errno;
		if (ftruncate(fd, st.st_size) != 0) { /* nothing more to do; the reader skips a torn line */ }
		fail(w, "record not saved", saved);
	} else if (fdatasync(fd) != 0) {
		saved = errno;
		/* after a failed sync the data may or may not reach the disk: take it back */
		if (ftruncate(fd, st.st_size) != 0) { /* as above */ }
		fail(w, "record not saved (sync failed)", saved);
	} else {
		ok = true;
	}
	sb_free(&buf);
	close(fd);
	if (!ok)
		return false;
	if (created)
		fsync_dir_of(w->path);
	for (size_t i = 0; i < w->npending; i++)
		free(w->pending[i]);
	w->npending = 0;
	w->err[0] = '\0';
	return true;
}

bool history_append(struct history_writer *w, const char *line)
{
	w->pending = xrealloc(w->pending, (w->npending + 1) * sizeof(*w->pending));
	w->pending[w->npending++] = xstrdup(line);
	return history_retry(w);
}

/* ---- reading ---- */

static void skip_line(struct history_report *report, size_t lineno)
{
	if (report->skipped < HISTORY_SHOWN_SKIPS)
		report->skipped_lines[report->skipped] = lineno;
	report->skipped++;
}

/* line[len] must be writable (it held the newline). */
static void handle_line(char *line, size_t len, size_t lineno, history_visit_fn visit, void *ctx,
			struct history_report *report)
{
	struct hist_record rec;

	if (len > 0 && line[len - 1] == '\r')
		len--;
	line[len] = '\0';
	if (len == 0 || line[0] == '#')
		return;
	if (len > HISTORY_MAX_LINE || memchr(line, '\0', len) || !history_parse_line(line, len, &rec)) {
		skip_line(report, lineno);
		return;
	}
	rec.line = lineno;
	report->records++;
	visit(&rec, ctx);
}

#define READ_CHUNK 65536

bool history_read(const char *path, history_visit_fn visit, void *ctx,
		  struct history_report *report)
{
	struct stat st;
	char *buf;
	size_t have = 0, lineno = 0;
	bool overlong = false, ok = true;
	int fd;

	memset(report, 0, sizeof(*report));
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT)
			return true;
		snprintf(report->err, sizeof(report->err), "%s: cannot read: %s", path, strerror(errno));
		return false;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		snprintf(report->err, sizeof(report->err), "%s: cannot read: %s", path,
			 S_ISDIR(st.st_mode) ? "is a directory" : "not a regular file");
		close(fd);
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
				skip_line(report, lineno);
			else
				handle_line(buf + start, len, lineno, visit, ctx, report);
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
		skip_line(report, ++lineno); /* no final newline: a torn write */
	free(buf);
	close(fd);
	return ok;
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
