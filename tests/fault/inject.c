/* An LD_PRELOAD shim that makes file system calls fail on files whose path contains
 * FAULT_MATCH (default "history"), to prove the history survives a full disk, an I/O
 * error or a read-only file system.
 *   FAULT_OPEN=EROFS|EACCES|...   openat() on the file fails
 *   FAULT_WRITE=ENOSPC|EIO|...    write() to the file fails ...
 *   FAULT_WRITE_AFTER=N           ... after N bytes went through (a short write first)
 *   FAULT_SYNC=EIO|...            fdatasync() and fsync() on the file fail
 *   FAULT_WHILE=PATH              faults only while PATH exists (a live session can be
 *                                 healed by removing it) */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

static int code_of(const char *name)
{
	static const struct { const char *name; int code; } codes[] = {
		{ "ENOSPC", ENOSPC }, { "EIO", EIO }, { "EROFS", EROFS }, { "EACCES", EACCES },
		{ "EDQUOT", EDQUOT },
	};

	for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++)
		if (name && strcmp(name, codes[i].name) == 0)
			return codes[i].code;
	return 0;
}

static const char *match(void)
{
	const char *m = getenv("FAULT_MATCH");

	return m && *m ? m : "history";
}

static int active(void)
{
	const char *gate = getenv("FAULT_WHILE");

	return !gate || access(gate, F_OK) == 0;
}

static int fd_matches(int fd)
{
	char link[64], target[4096];
	ssize_t n;

	if (!active())
		return 0;
	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	n = readlink(link, target, sizeof(target) - 1);
	if (n <= 0)
		return 0;
	target[n] = '\0';
	return strstr(target, match()) != NULL;
}

static long written;

/* How many of len bytes a faulty write lets through: some when FAULT_WRITE_AFTER still
 * allows them (a short write), else -1 with errno set to the fault. */
static ssize_t write_budget(int code, size_t len)
{
	const char *after = getenv("FAULT_WRITE_AFTER");
	long allowed = after ? atol(after) : 0;

	if (written < allowed)
		return (ssize_t)(len < (size_t)(allowed - written) ? len : (size_t)(allowed - written));
	errno = code;
	return -1;
}

static ssize_t account(ssize_t r)
{
	if (r > 0)
		written += r;
	return r;
}

ssize_t write(int fd, const void *buf, size_t len)
{
	static ssize_t (*real)(int, const void *, size_t);
	int code = code_of(getenv("FAULT_WRITE"));
	ssize_t n;

	if (!real)
		real = (ssize_t (*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
	if (!code || !fd_matches(fd))
		return real(fd, buf, len);
	if ((n = write_budget(code, len)) < 0)
		return -1;
	return account(real(fd, buf, (size_t)n));
}

ssize_t writev(int fd, const struct iovec *iov, int count)
{
	static ssize_t (*real)(int, const struct iovec *, int);
	int code = code_of(getenv("FAULT_WRITE"));
	struct iovec part;
	ssize_t n;

	if (!real)
		real = (ssize_t (*)(int, const struct iovec *, int))dlsym(RTLD_NEXT, "writev");
	if (!code || !fd_matches(fd) || count < 1)
		return real(fd, iov, count);
	if ((n = write_budget(code, iov[0].iov_len)) < 0)
		return -1;
	part = iov[0];
	part.iov_len = (size_t)n;
	return account(real(fd, &part, 1));
}

static int sync_fault(int fd)
{
	int code = code_of(getenv("FAULT_SYNC"));

	if (code && fd_matches(fd)) {
		errno = code;
		return -1;
	}
	return 0;
}

int fdatasync(int fd)
{
	static int (*real)(int);

	if (!real)
		real = (int (*)(int))dlsym(RTLD_NEXT, "fdatasync");
	return sync_fault(fd) ? -1 : real(fd);
}

int fsync(int fd)
{
	static int (*real)(int);

	if (!real)
		real = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
	return sync_fault(fd) ? -1 : real(fd);
}

static int open_fault(const char *path, int flags)
{
	int code = code_of(getenv("FAULT_OPEN"));

	if (code && (flags & (O_WRONLY | O_RDWR)) && strstr(path, match()) && active()) {
		errno = code;
		return -1;
	}
	return 0;
}

int openat(int dirfd, const char *path, int flags, ...)
{
	static int (*real)(int, const char *, int, ...);
	mode_t mode = 0;
	va_list ap;

	if (!real)
		real = (int (*)(int, const char *, int, ...))dlsym(RTLD_NEXT, "openat");
	va_start(ap, flags);
	if (flags & O_CREAT)
		mode = (mode_t)va_arg(ap, int);
	va_end(ap);
	if (open_fault(path, flags))
		return -1;
	return real(dirfd, path, flags, mode);
}

int open(const char *path, int flags, ...)
{
	static int (*real)(const char *, int, ...);
	mode_t mode = 0;
	va_list ap;

	if (!real)
		real = (int (*)(const char *, int, ...))dlsym(RTLD_NEXT, "open");
	va_start(ap, flags);
	if (flags & O_CREAT)
		mode = (mode_t)va_arg(ap, int);
	va_end(ap);
	if (open_fault(path, flags))
		return -1;
	return real(path, flags, mode);
}
