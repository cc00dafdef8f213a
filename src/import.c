/* The model of talus --import (import_runs.h). */
#include "import_runs.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "record.h"
#include "runs.h"

/* The local name of the first element after the prolog (declaration, comments,
 * DOCTYPE) is root; false when the bytes do not start so. */
static bool xml_root_is(const unsigned char *p, size_t len, const char *root)
{
	const unsigned char *end = p + len, *name;

	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	while (p < end) {
		if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n') {
			p++;
		} else if (end - p >= 2 && p[0] == '<' && (p[1] == '?' || p[1] == '!')) {
			const char *close = end - p >= 4 && memcmp(p, "<!--", 4) == 0 ? "-->" : ">";
			size_t n = strlen(close);
			const unsigned char *q = p + 2;
			while (q + n <= end && memcmp(q, close, n) != 0)
				q++;
			if (q + n > end)
				return false;
			p = q + n;
		} else {
			break;
		}
	}
	if (p >= end || *p != '<')
		return false;
	name = ++p;
	while (p < end && *p != '>' && *p != '/' && *p != ' ' && *p != '\t' && *p != '\r' &&
	       *p != '\n') {
		if (*p == ':')
			name = p + 1;
		p++;
	}
	return (size_t)(p - name) == strlen(root) && memcmp(name, root, strlen(root)) == 0;
}

enum import_format import_detect(const unsigned char *buf, size_t len)
{
	if (len >= 12 && memcmp(buf + 8, ".FIT", 4) == 0)
		return IMPORT_FIT;
	if (xml_root_is(buf, len, "gpx"))
		return IMPORT_GPX;
	if (xml_root_is(buf, len, "TrainingCenterDatabase"))
		return IMPORT_TCX;
	return IMPORT_UNKNOWN;
}

/* The whole file, at most IMPORT_FILE_MAX bytes; NULL with err set. */
static unsigned char *read_all(const char *path, size_t *len, char *err, size_t errlen)
{
	struct stat st;
	unsigned char *buf = NULL;
	size_t n = 0, cap = 0;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);

	if (fd < 0 || fstat(fd, &st) != 0) {
		snprintf(err, errlen, "%s", strerror(errno));
		goto fail;
	}
	if (!S_ISREG(st.st_mode)) {
		snprintf(err, errlen, "not a regular file");
		goto fail;
	}
	for (;;) {
		ssize_t got;
		if (n == cap) {
			if (cap > (size_t)IMPORT_FILE_MAX) {
				snprintf(err, errlen, "larger than %ld MiB: not a run file",
					 IMPORT_FILE_MAX >> 20);
				goto fail;
			}
			cap = cap ? cap * 2 : 65536;
			buf = xrealloc(buf, cap + 1);
		}
		got = read(fd, buf + n, cap - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			snprintf(err, errlen, "%s", strerror(errno));
			goto fail;
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	close(fd);
	if (n > (size_t)IMPORT_FILE_MAX) {
		snprintf(err, errlen, "larger than %ld MiB: not a run file", IMPORT_FILE_MAX >> 20);
		free(buf);
		return NULL;
	}
	*len = n;
	return buf;
fail:
	if (fd >= 0)
		close(fd);
	free(buf);
	return NULL;
}

bool import_file_read(const char *path, struct import_file *f, char *err, size_t errlen)
{
	unsigned char *buf;
	size_t len = 0;
	bool ok = false;

	memset(f, 0, sizeof(*f));
	if (!(buf = read_all(path, &len, err, errlen)))
		return false;
	sha256_hex(buf, len, f->hash);
	switch ((f->format = import_detect(buf, len))) {
	case IMPORT_GPX:
		ok = gpx_parse(buf, len, &f->acts, err, errlen);
		break;
	case IMPORT_TCX:
		ok = tcx_parse(buf, len, &f->acts, err, errlen);
		break;
	case IMPORT_FIT:
		ok = fit_parse(buf, len, &f->acts, err, errlen);
		break;
	case IMPORT_UNKNOWN:
		snprintf(err, errlen, len ? "not a GPX, TCX or FIT file" : "empty: not a run file");
		break;
	}
	free(buf);
	if (!ok)
		activity_list_free(&f->acts);
	return ok;
}

void import_file_free(struct import_file *f)
{
	activity_list_free(&f->acts);
}

bool import_check(const struct activity *a, char *err, size_t errlen)
{
	if (a->metres < 0 || a->metres > RUN_METRES_MAX)
		snprintf(err, errlen, "a run over %d km: longer than a run record holds",
			 RUN_METRES_MAX / 1000);
	else if (a->moving_secs > RUN_SECS_MAX || a->elapsed_secs > RUN_SECS_MAX)
		snprintf(err, errlen, "a run over %d days: longer than a run record holds",
			 RUN_SECS_MAX / 86400);
	else if (a->start < 0 || a->start > (int64_t)253402300799LL) /* 9999-12-31 */
		snprintf(err, errlen, "a start outside the years 1970 to 9999");
	else
		return true;
	return false;
}

static bool near_distance(long a, long b)
{
	long big = a > b ? a : b, diff = labs(a - b);

	return (long long)diff * 100 <= (long long)big * IMPORT_SAME_DISTANCE_PERCENT;
}

const struct run *import_duplicate(const struct session_log *log, const char *hash,
				   const struct activity *a)
{
	for (size_t i = 0; i < log->nruns; i++) {
		const struct run *r = &log->runs[i];
		if (hash && r->hash[0] && strcmp(r->hash, hash) == 0)
			return r;
		if (a && llabs((long long)(r->when - a->start)) <= IMPORT_SAME_START_SECS &&
		    near_distance(r->metres, a->metres))
			return r;
	}
	return NULL;
}

void import_record(struct strbuf *line, const struct activity *a, const char *hash)
{
	if (a->have_offset)
		rec_begin_at(line, (time_t)a->start, a->offset, REC_RUN);
	else
		rec_begin(line, (time_t)a->start, REC_RUN);
	rec_put_int(line, HK_METRES, a->metres);
	if (a->moving_secs > 0)
		rec_put_int(line, HK_SECS, a->moving_secs);
	if (a->elapsed_secs > 0)
		rec_put_int(line, HK_ELAPSED, a->elapsed_secs);
	rec_put_str(line, HK_HASH, hash);
	rec_finish(line);
}

static bool import_name(const char *name)
{
	const char *dot = strrchr(name, '.');

	return name[0] != '.' && dot &&
	       (strcasecmp(dot, ".gpx") == 0 || strcasecmp(dot, ".tcx") == 0 ||
		strcasecmp(dot, ".fit") == 0);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

bool import_folder(const char *dir, char ***paths, size_t *npaths, char *err, size_t errlen)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t first = *npaths;
	size_t dlen = strlen(dir);

	if (!d) {
		snprintf(err, errlen, "%s", strerror(errno));
		return false;
	}
	while ((e = readdir(d))) {
		char *path;
		if (!import_name(e->d_name))
			continue;
		path = xmalloc(dlen + strlen(e->d_name) + 2);
		sprintf(path, "%s%s%s", dir, dlen && dir[dlen - 1] == '/' ? "" : "/", e->d_name);
		*paths = xrealloc(*paths, (*npaths + 1) * sizeof(**paths));
		(*paths)[(*npaths)++] = path;
	}
	closedir(d);
	if (*npaths > first)
		qsort(*paths + first, *npaths - first, sizeof(**paths), by_name);
	return true;
}
