/* Paths checked before anything opens them: the history must be a plain file, and
 * --trace never truncates a file it did not write. A trace is what coach_trace_step
 * writes, each line "milliseconds<TAB>what"; a file whose first line is not that is
 * not one. */
#include "safefile.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

static bool fail(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static bool fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return false;
}

/* The first line is "milliseconds<TAB>...", or the file is empty. */
static bool looks_like_trace(int fd)
{
	char head[32];
	ssize_t n = pread(fd, head, sizeof(head), 0);
	ssize_t i = 0;

	if (n == 0)
		return true; /* empty: nothing to lose */
	while (i < n && head[i] >= '0' && head[i] <= '9')
		i++;
	return i > 0 && i < n && head[i] == '\t';
}

/* The path with its folder made canonical ("./h.tsv" and "$PWD/h.tsv" alike), for
 * files that need not exist yet; NULL when the folder cannot be resolved. */
static char *canonical_path(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xasprintf("%.*s", (int)(slash - path + (slash == path)), path)
			  : xstrdup(".");
	char *real = realpath(dir, NULL), *out = NULL;

	if (real)
		out = xasprintf("%s/%s", strcmp(real, "/") == 0 ? "" : real, slash ? slash + 1 : path);
	free(real);
	free(dir);
	return out;
}

/* One file under two names: the same inode, or (a history not made yet) the same
 * canonical path. */
static bool same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	char *ca, *cb;
	bool same;

	if (strcmp(a, b) == 0)
		return true;
	if (stat(a, &sa) == 0 && stat(b, &sb) == 0)
		return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
	ca = canonical_path(a);
	cb = canonical_path(b);
	same = ca && cb && strcmp(ca, cb) == 0;
	free(ca);
	free(cb);
	return same;
}

/* Checks the --trace path before anything runs; a trace never truncates a file it
 * did not write: not the history, not a link, a FIFO or another user's file, not a
 * file that is not an old trace. An old trace stays open in *fd_out; a new file is
 * created only when the session starts (trace_attach). */
bool trace_check(const char *path, const char *history_path, int *fd_out, char *err,
		 size_t errlen)
{
	struct stat sb;
	int fd;

	*fd_out = -1;
	if (history_path && same_file(path, history_path)) {
		fail(err, errlen, "%s: is the history file; --trace needs a file of its own", path);
		return false;
	}
	if (lstat(path, &sb) != 0) {
		if (errno == ENOENT)
			return true;
		return fail(err, errlen, "%s: cannot write the trace: %s", path, strerror(errno));
	}
	if (S_ISLNK(sb.st_mode)) {
		fail(err, errlen, "%s: is a symbolic link; --trace does not follow links", path);
		return false;
	}
	fd = open(path, O_RDWR | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &sb) != 0) {
		fail(err, errlen, "%s: cannot write the trace: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return false;
	}
	if (!S_ISREG(sb.st_mode))
		fail(err, errlen, "%s: not a regular file; --trace writes only to a plain file", path);
	else if (sb.st_uid != geteuid())
		fail(err, errlen, "%s: belongs to another user; --trace will not overwrite it", path);
	else if (!looks_like_trace(fd))
		fail(err, errlen, "%s: is not a trace (its first line is not 'milliseconds<TAB>step'); "
		    "--trace overwrites only an old trace", path);
	else {
		*fd_out = fd;
		return true;
	}
	close(fd);
	return false;
}

/* Opens the checked trace for writing: the old trace emptied, or a new file made with
 * O_EXCL, so a file that appeared since the check is not truncated. */
FILE *trace_attach(const char *path, int *fd_io, char *err, size_t errlen)
{
	int fd = *fd_io;
	FILE *f;

	*fd_io = -1;
	if (fd < 0)
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
	if (fd < 0 || ftruncate(fd, 0) != 0 || !(f = fdopen(fd, "w"))) {
		int e = errno;
		if (fd >= 0)
			close(fd);
		fail(err, errlen, "%s: cannot write the trace: %s", path, strerror(e));
		return NULL;
	}
	return f;
}

bool history_path_check(const char *path, char *err, size_t errlen)
{
	struct stat sb;

	if (stat(path, &sb) != 0 || S_ISREG(sb.st_mode))
		return true;
	/* a folder given for the file is a mistake in the command, not a failing disk */
	if (S_ISDIR(sb.st_mode))
		return fail(err, errlen, "%s: is a directory; the history must be a plain file", path);
	return fail(err, errlen, "%s: not a regular file; the history must be a plain file", path);
}

/* The new file is made beside the old (O_EXCL: never through a link left there),
 * flushed to the disk before the rename and the folder after it, so a crash leaves the
 * old file or the new, never half of one (durability.md). */
bool file_replace(const char *path, const char *text, size_t len, char *err, size_t errlen)
{
	char *tmp = xasprintf("%s.tmp-talus", path);
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	int fd;
	bool ok;
	size_t done = 0;

	unlink(tmp); /* one a crash left: the name itself, never what a link points to */
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	ok = fd >= 0;

	while (ok && done < len) {
		ssize_t n = write(fd, text + done, len - done);
		if (n < 0 && errno == EINTR)
			continue;
		ok = n > 0;
		done += ok ? (size_t)n : 0;
	}
	ok = ok && fsync(fd) == 0;
	if (fd >= 0 && close(fd) != 0)
		ok = false;
	ok = ok && rename(tmp, path) == 0;
	if (!ok) {
		fail(err, errlen, "%s: cannot write: %s", path, strerror(errno));
		if (fd >= 0)
			unlink(tmp);
	} else {
		if (slash)
			*slash = '\0';
		int dfd = open(slash ? (*dir ? dir : "/") : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (dfd >= 0) {
			fsync(dfd);
			close(dfd);
		}
	}
	free(dir);
	free(tmp);
	return ok;
}
