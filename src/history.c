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
	w->lock_wait_ms = 2000; /* another talus holds the lock only for a write */
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

/* Opens path with care (see history.h): flags get O_NOFOLLOW, O_NONBLOCK (a FIFO
 * must not block) and O_CLOEXEC; the file must then be a regular file of the runner's
 * that no one else may write to, in a folder no one else may write to. -1 with why
 * set (and errno) otherwise; ENOENT is left for the caller to tell. */
int history_open_checked(const char *path, int flags, char *why, size_t len)
{
	struct stat st, dst;
	char *copy;
	int fd, err;

	fd = open(path, flags | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0600);
	if (fd < 0) {
		err = errno;
		if (err == ELOOP)
			snprintf(why, len, "is a symbolic link; talus does not follow one for its history");
		else if (err == ENXIO)
			snprintf(why, len, "not a regular file");
		else
			snprintf(why, len, "%s", strerror(err));
		errno = err;
		return -1;
	}
	err = 0;
	if (fstat(fd, &st) != 0) {
		err = errno;
		snprintf(why, len, "%s", strerror(err));
	} else if (S_ISDIR(st.st_mode)) {
		err = EISDIR;
		snprintf(why, len, "is a directory");
	} else if (!S_ISREG(st.st_mode)) {
		err = EINVAL;
		snprintf(why, len, "not a regular file");
	} else if (st.st_uid != geteuid()) {
		err = EPERM;
		snprintf(why, len, "owned by another user (uid %ld); talus uses only a history "
			 "file of yours", (long)st.st_uid);
	} else if (st.st_mode & (S_IWGRP | S_IWOTH)) {
		err = EPERM;
		snprintf(why, len, "others can write to it (mode %04o); chmod go-w it",
			 (unsigned)(st.st_mode & 07777));
	}
	if (!err) {
		copy = xstrdup(path);
		if (stat(dirname(copy), &dst) == 0 &&
		    ((dst.st_uid != geteuid() && dst.st_uid != 0) ||
		     ((dst.st_mode & (S_IWGRP | S_IWOTH)) && !(dst.st_mode & S_ISVTX)))) {
			err = EPERM;
			snprintf(why, len, "its folder is %s; talus keeps a history only in a "
				 "folder others cannot change", dst.st_uid != geteuid() && dst.st_uid != 0
				 ? "another user's" : "writable by others");
		}
		free(copy);
	}
	if (err) {
		close(fd);
		errno = err;
		return -1;
	}
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	return fd;
}

/* The file beside path with suffix: "history.tsv.unsaved". */
static char *beside(const char *path, const char *suffix)
{
	return xasprintf("%s%s", path, suffix);
}

/* Takes the lock, waiting up to wait_ms for another talus's write (0: one try). */
static bool lock_file(int fd, int wait_ms)
{
	for (int waited = 0;; waited += 10) {
		if (flock(fd, LOCK_EX | LOCK_NB) == 0)
			return true;
		if (errno != EWOULDBLOCK && errno != EINTR)
			return false;
		if (waited >= wait_ms)
			break;
		usleep(10000);
	}
	errno = EWOULDBLOCK;
	return false;
}

/* The whole of fd from offset 0 (at most max bytes), NUL-terminated; NULL on error. */
static char *read_all(int fd, size_t max, size_t *len)
{
	struct strbuf sb;
	char chunk[8192];
	ssize_t n;
	off_t at = 0;

	sb_init(&sb);
	while (sb.len < max && (n = pread(fd, chunk, sizeof(chunk), at)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			sb_free(&sb);
			return NULL;
		}
		sb_add(&sb, chunk, (size_t)n);
		at += n;
	}
	*len = sb.len;
	return sb.buf;
}

#define UNSAVED_MAX (4u << 20)

/* The lines of the .unsaved file that the history (fd) does not hold yet, into buf;
 * returns the .unsaved file's descriptor (locked) to remove after the save, or -1. */
static int take_unsaved(struct history_writer *w, int fd, struct strbuf *buf, size_t *nlines)
{
	char why[200], *upath = beside(w->path, HISTORY_UNSAVED_SUFFIX), *kept, *have = NULL;
	size_t klen, hlen = 0;
	int ufd = history_open_checked(upath, O_RDWR, why, sizeof(why));

	*nlines = 0;
	free(upath);
	if (ufd < 0)
		return -1;
	if (!lock_file(ufd, 0) || !(kept = read_all(ufd, UNSAVED_MAX, &klen))) {
		close(ufd);
		return -1;
	}
	if (klen > 0)
		have = read_all(fd, SIZE_MAX, &hlen);
	for (char *line = kept; line < kept + klen;) {
		char *nl = memchr(line, '\n', (size_t)(kept + klen - line));
		size_t n = nl ? (size_t)(nl - line) : (size_t)(kept + klen - line);
		bool there = false;

		/* a record merged before a crash took the file away is not added twice */
		for (char *p = have; p && n > 0 && !there && p + n <= have + hlen;) {
			char *e = memchr(p, '\n', (size_t)(have + hlen - p));
			size_t m = e ? (size_t)(e - p) : (size_t)(have + hlen - p);
			there = m == n && memcmp(p, line, n) == 0;
			p = e ? e + 1 : NULL;
		}
		if (n > 0 && line[0] != '#' && !there) {
			sb_add(buf, line, n);
			sb_putc(buf, '\n');
			++*nlines;
		}
		line += n + 1;
	}
	free(kept);
	free(have);
	return ufd;
}

bool history_retry(struct history_writer *w)
{
	struct strbuf buf;
	struct stat st;
	bool created, ok = false;
	int fd, ufd, saved;
	size_t merged = 0;
	char why[200];

	if (w->npending == 0)
		return true;
	if (make_parent_dirs(w->path) != 0)
		return fail(w, "cannot create its folder", errno);
	created = lstat(w->path, &st) != 0 && errno == ENOENT;
	fd = history_open_checked(w->path, O_RDWR | O_APPEND | O_CREAT, why, sizeof(why)); /* read: the last byte */
	if (fd < 0) {
		saved = errno;
		snprintf(w->err, sizeof(w->err), "%s: record not saved: %s", w->path, why);
		w->errnum = saved;
		return false;
	}
	if (!lock_file(fd, w->lock_wait_ms)) {
		saved = errno;
		close(fd);
		if (saved == EWOULDBLOCK) {
			snprintf(w->err, sizeof(w->err), "%s: record not saved yet: another talus "
				 "is writing to it", w->path);
			w->errnum = saved;
			return false;
		}
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
	ufd = take_unsaved(w, fd, &buf, &merged);
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
	if (ufd >= 0) {
		if (ok) { /* in the history now: the .unsaved file goes */
			char *upath = beside(w->path, HISTORY_UNSAVED_SUFFIX);
			unlink(upath);
			free(upath);
			w->merged += merged;
			created = true; /* the folder changed: sync it */
		}
		close(ufd);
	}
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

bool history_keep_unsaved(struct history_writer *w)
{
	struct strbuf buf;
	struct stat st;
	char why[200], *upath;
	int fd, saved = 0;

	if (w->npending == 0)
		return true;
	upath = beside(w->path, HISTORY_UNSAVED_SUFFIX);
	if (make_parent_dirs(upath) != 0 ||
	    (fd = history_open_checked(upath, O_RDWR | O_APPEND | O_CREAT, why, sizeof(why))) < 0) {
		saved = errno;
		snprintf(w->err, sizeof(w->err), "%s: cannot keep the records: %s", upath,
			 saved ? strerror(saved) : "?");
		free(upath);
		return false;
	}
	sb_init(&buf);
	if (!lock_file(fd, 2000) || fstat(fd, &st) != 0) {
		saved = errno;
	} else {
		char last;
		if (st.st_size > 0 && pread(fd, &last, 1, st.st_size - 1) == 1 && last != '\n')
			sb_putc(&buf, '\n');
		for (size_t i = 0; i < w->npending; i++)
			sb_puts(&buf, w->pending[i]);
		if (!write_all(fd, buf.buf, buf.len) || fdatasync(fd) != 0) {
			saved = errno ? errno : EIO;
			if (ftruncate(fd, st.st_size) != 0) { /* the reader skips a torn line */ }
		}
	}
	sb_free(&buf);
	close(fd);
	if (saved) {
		snprintf(w->err, sizeof(w->err), "%s: cannot keep the records: %s", upath,
			 strerror(saved));
		free(upath);
		return false;
	}
	fsync_dir_of(upath);
	free(upath);
	for (size_t i = 0; i < w->npending; i++)
		free(w->pending[i]);
	w->npending = 0;
	return true;
}

int history_lock_session(const char *path, char *err, size_t errlen)
{
	char why[200], *lpath = beside(path, HISTORY_LOCK_SUFFIX);
	int fd = -1;

	if (make_parent_dirs(lpath) != 0) {
		snprintf(err, errlen, "%s: cannot create its folder: %s", path, strerror(errno));
		fd = -2;
	} else if ((fd = history_open_checked(lpath, O_RDWR | O_CREAT, why, sizeof(why))) < 0) {
		snprintf(err, errlen, "%s: %s", lpath, why);
		/* a read-only disk or no permission: the coach runs and keeps its records
		 * pending; a link or another user's file is refused */
		fd = errno == EACCES || errno == EROFS || errno == ENOSPC || errno == EIO ? -2 : -1;
	} else if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		bool held = errno == EWOULDBLOCK;
		if (held)
			snprintf(err, errlen, "another talus is coaching a session from %s; "
				 "finish or quit that one first", path);
		else
			snprintf(err, errlen, "%s: cannot lock: %s", lpath, strerror(errno));
		close(fd);
		fd = held ? -1 : -2;
	}
	free(lpath);
	return fd;
}

void history_unlock_session(int fd)
{
	if (fd >= 0)
		close(fd);
}

bool history_append(struct history_writer *w, const char *line)
{
	w->pending = xrealloc(w->pending, (w->npending + 1) * sizeof(*w->pending));
	w->pending[w->npending++] = xstrdup(line);
	return history_retry(w);
}
