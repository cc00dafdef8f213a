/* The history file: record round trips, the durable writer, the tolerant reader. */
#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "clock.h"
#include "history.h"
#include "session_log.h"
#include "unit.h"

static char dir[64];
static char path[128];

static void make_dir(void)
{
	strcpy(dir, "/tmp/talus-hist-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/sub/history.tsv", dir);
}

static void remove_dir(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}

#define slurp read_whole_file

static void spit(const char *p, const char *data, size_t len)
{
	FILE *f = fopen(p, "wb");

	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(data, 1, len, f), len);
	fclose(f);
}

struct collected {
	size_t n;
	struct hist_record last;
	char copy[8192];
};

static void collect(const struct hist_record *rec, void *ctx)
{
	struct collected *c = ctx;

	c->n++;
	c->last = *rec;
}

START_TEST(round_trip_every_type)
{
	struct strbuf line;
	struct hist_record rec;
	char buf[512];

	setenv("TZ", "CET-1", 1);
	tzset();
	sb_init(&line);
	for (int t = 0; t < REC_TYPE_COUNT; t++) {
		rec_begin(&line, 1795415412, (enum record_type)t); /* 2026-11-23T07:30:12+01:00 */
		rec_put_str(&line, HK_SESSION, "20261123T073012-4f2a");
		rec_put_str(&line, HK_PROGRAM, "ankle-foundations");
		rec_put_str(&line, HK_EXERCISE, "calf-raise");
		rec_put_int(&line, HK_LEVEL, 3);
		rec_put_int(&line, HK_SET, 2);
		rec_put_enum(&line, HK_SIDE, SIDE_LEFT);
		rec_put_enum(&line, HK_STATUS, SESSION_DONE);
		rec_put_str(&line, HK_NEXT, "ankle-strength");
		rec_put_enum(&line, HK_ANSWER, ANSWER_YES);
		rec_put_enum(&line, HK_FLAG, FQ_RUPTURE);
		rec_put_int(&line, HK_PAIN, 4);
		rec_put_int(&line, HK_METRES, 8200);
		rec_put_str(&line, HK_SHOES, "Pegasus");
		rec_put_enum(&line, HK_SORE, SORE_LEFT);
		rec_put_enum(&line, HK_ONSET, ONSET_GRADUAL);
		rec_put_enum(&line, HK_SINCE, SINCE_UNDER_3_MONTHS);
		rec_put_enum(&line, HK_WHERE, SITE_MIDPORTION);
		rec_put_enum(&line, HK_GIVES_WAY, ANSWER_NO);
		rec_put_enum(&line, HK_PATHWAY, PATHWAY_MIDPORTION_ACHILLES);
		rec_put_str(&line, HK_NOTE, "tab\there\nnew line \\ back\\slash\r");
		rec_finish(&line);
		ck_assert_ptr_null(strchr(line.buf, '\n') == line.buf + line.len - 1 ? NULL : "x");
		ck_assert_int_eq(strncmp(line.buf, "2026-11-23T07:30:12+01:00\t", 26), 0);
		copy_str(buf, sizeof(buf), line.buf);
		ck_assert(history_parse_line(buf, strlen(buf) - 1, &rec));
		ck_assert_int_eq(rec.type, t);
		ck_assert_int_eq(rec.when, 1795415412);
		ck_assert_str_eq(rec_get(&rec, "note"), "tab\there\nnew line \\ back\\slash\r");
		ck_assert_str_eq(rec_get(&rec, "session"), "20261123T073012-4f2a");
		ck_assert_int_eq(rec_get_int(&rec, HK_LEVEL, 0), 3);
		ck_assert_ptr_null(rec_get(&rec, "absent"));
	}
	sb_free(&line);
	setenv("TZ", "UTC", 1);
	tzset();
}
END_TEST

START_TEST(parse_rejects_bad_lines)
{
	static const char *const bad[] = {
		"2026-11-23T07:30:12+01:00",                         /* no type */
		"2026-11-23 07:30:12+01:00\tmorning\tpain=1",        /* bad stamp */
		"2026-02-30T07:30:12+01:00\tmorning\tpain=1",        /* no such date */
		"2026-11-23T25:30:12+01:00\tmorning\tpain=1",
		"2026-11-23T07:30:12+01:00\tlunch\tpain=1",          /* unknown type */
		"2026-11-23T07:30:12+01:00\tmorning\tpain=11",       /* out of range */
		"2026-11-23T07:30:12+01:00\tmorning\tpain",          /* no '=' */
		"2026-11-23T07:30:12+01:00\tmorning",                /* missing pain */
		"2026-11-23T07:30:12+01:00\tmorning\tpain=1\t=x",    /* empty key */
		"2026-11-23T07:30:12+01:00\tend\tsession=a\tstatus=maybe",
		"2026-11-23T07:30:12+01:00\tset\tsession=a\texercise=b\tset=0",
		"2026-11-23T07:30:12+01:00\tset\tsession=a\texercise=b\tset=1\tside=up",
		"2026-11-23T07:30:12+01:00\tstart\tsession=a\tprogram=p\tlevel=x",
		"2026-11-23T07:30:12+01:00\tmorning\tpain=1\tnote=bad\\qescape",
	};
	struct hist_record rec;
	char buf[256];

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		copy_str(buf, sizeof(buf), bad[i]);
		ck_assert_msg(!history_parse_line(buf, strlen(buf), &rec), "parsed: %s", bad[i]);
	}
	copy_str(buf, sizeof(buf), "2026-11-23T07:30:12Z\tmorning\tpain=1\tfuture=ok");
	ck_assert(history_parse_line(buf, strlen(buf), &rec));
	ck_assert_int_eq(rec.secs_of_day, 7 * 3600 + 30 * 60 + 12);
}
END_TEST

START_TEST(writer_creates_folder_file_and_header)
{
	struct history_writer w;
	struct stat st;
	char sub[128];
	char *data;
	size_t len;

	make_dir();
	history_writer_init(&w, path);
	ck_assert_msg(history_append(&w, "2026-11-23T07:30:12Z\tmorning\tpain=1\n"), "%s", w.err);
	ck_assert(history_append(&w, "2026-11-24T07:30:12Z\tmorning\tpain=2\n"));
	history_writer_free(&w);
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0600);
	snprintf(sub, sizeof(sub), "%s/sub", dir);
	ck_assert_int_eq(stat(sub, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0700);
	data = slurp(path, &len);
	ck_assert_str_eq(data, HISTORY_HEADER "2026-11-23T07:30:12Z\tmorning\tpain=1\n"
					     "2026-11-24T07:30:12Z\tmorning\tpain=2\n");
	free(data);
	remove_dir();
}
END_TEST

START_TEST(writer_ends_a_torn_line_first)
{
	struct history_writer w;
	struct history_report rep;
	struct collected c = { 0 };
	const char torn[] = HISTORY_HEADER "2026-11-23T07:30:12Z\tmorning\tpain=1\n2026-11-2";
	char *data;
	size_t len;

	make_dir();
	history_writer_init(&w, path);
	ck_assert(history_append(&w, "2026-11-20T07:00:00Z\tmorning\tpain=0\n")); /* makes sub/ */
	spit(path, torn, sizeof(torn) - 1);
	ck_assert(history_append(&w, "2026-11-24T07:30:12Z\tmorning\tpain=2\n"));
	history_writer_free(&w);
	data = slurp(path, &len);
	ck_assert_str_eq(data, HISTORY_HEADER "2026-11-23T07:30:12Z\tmorning\tpain=1\n2026-11-2\n"
					     "2026-11-24T07:30:12Z\tmorning\tpain=2\n");
	free(data);
	ck_assert(history_read(path, collect, &c, &rep));
	ck_assert_uint_eq(c.n, 2);
	ck_assert_uint_eq(rep.skipped, 1);
	ck_assert_uint_eq(rep.skipped_lines[0], 3);
	remove_dir();
}
END_TEST

START_TEST(writer_refuses_a_directory)
{
	struct history_writer w;

	make_dir();
	ck_assert_int_eq(mkdir(dir, 0700) == 0 || 1, 1);
	snprintf(path, sizeof(path), "%s", dir);
	history_writer_init(&w, path);
	ck_assert(!history_append(&w, "2026-11-24T07:30:12Z\tmorning\tpain=2\n"));
	ck_assert_ptr_nonnull(strstr(w.err, "record not saved"));
	ck_assert_uint_eq(w.npending, 1); /* kept in memory for a retry */
	history_writer_free(&w);
	remove_dir();
}
END_TEST

START_TEST(twenty_writers_at_once)
{
	struct history_report rep;
	struct collected c = { 0 };
	char *data;
	size_t len;
	pid_t pids[20];

	make_dir();
	for (int p = 0; p < 20; p++) {
		pids[p] = fork();
		ck_assert_int_ge(pids[p], 0);
		if (pids[p] == 0) {
			struct history_writer w;
			struct strbuf line;
			char id[32];
			int ok = 1;

			sb_init(&line);
			history_writer_init(&w, path);
			/* what is tested is that no line is torn or lost, not how long a
			 * writer waits: on a loaded machine twenty fsyncing writers can keep
			 * one waiting past the default */
			w.lock_wait_ms = 60000;
			snprintf(id, sizeof(id), "writer-%02d", p);
			for (int i = 1; i <= 50; i++) {
				rec_begin(&line, 1795415412 + i, REC_SET);
				rec_put_str(&line, HK_SESSION, id);
				rec_put_str(&line, HK_EXERCISE, "a-rather-long-exercise-name-to-make-lines-longer");
				rec_put_int(&line, HK_SET, i);
				rec_put_str(&line, HK_NOTE, "padding padding padding padding padding padding");
				rec_finish(&line);
				ok &= history_append(&w, line.buf);
			}
			_exit(ok ? 0 : 1);
		}
	}
	for (int p = 0; p < 20; p++) {
		int status;
		ck_assert_int_eq(waitpid(pids[p], &status, 0), pids[p]);
		ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	ck_assert(history_read(path, collect, &c, &rep));
	ck_assert_uint_eq(c.n, 1000);
	ck_assert_uint_eq(rep.skipped, 0);
	data = slurp(path, &len);
	ck_assert_int_eq(strncmp(data, HISTORY_HEADER, strlen(HISTORY_HEADER)), 0);
	ck_assert_ptr_null(strstr(data + 1, HISTORY_HEADER)); /* one header only */
	free(data);
	remove_dir();
}
END_TEST

/* ---- the damaged-file corpus ---- */

static char *sample(size_t *len)
{
	char *data = slurp("tests/data/history-sample.tsv", len);

	ck_assert_ptr_nonnull(data);
	return data;
}

static size_t count_records(const char *data, size_t len)
{
	size_t n = 0;
	const char *line = data;

	for (const char *p = data; p < data + len; p++)
		if (*p == '\n') {
			n += *line != '#' && p > line;
			line = p + 1;
		}
	return n;
}

/* Reads p and checks it was left byte for byte as it was. */
static bool read_unchanged(const char *p, struct collected *c, struct history_report *rep)
{
	size_t before_len, after_len;
	char *before = slurp(p, &before_len), *after;
	bool ok = history_read(p, collect, c, rep);

	after = slurp(p, &after_len);
	ck_assert_uint_eq(before_len, after_len);
	ck_assert_int_eq(memcmp(before, after, before_len), 0);
	free(before);
	free(after);
	return ok;
}

START_TEST(truncated_at_every_byte)
{
	size_t len;
	char *data = sample(&len);

	make_dir();
	snprintf(path, sizeof(path), "%s/h.tsv", dir);
	for (size_t cut = 0; cut <= len; cut++) {
		struct collected c = { 0 };
		struct history_report rep;
		bool partial = cut > 0 && data[cut - 1] != '\n';

		spit(path, data, cut);
		ck_assert(read_unchanged(path, &c, &rep));
		ck_assert_uint_eq(c.n, count_records(data, cut));
		ck_assert_msg(rep.skipped == (partial ? 1u : 0u), "cut %zu: %zu skipped", cut, rep.skipped);
	}
	free(data);
	remove_dir();
}
END_TEST

START_TEST(damaged_lines_are_skipped_and_counted)
{
	size_t len;
	char *data = sample(&len);
	size_t total = count_records(data, len);
	struct collected c = { 0 };
	struct history_report rep;
	char msg[200];
	char *line3, *line5;

	make_dir();
	snprintf(path, sizeof(path), "%s/h.tsv", dir);
	/* a run of NULs inside line 3, bad UTF-8 inside line 5 */
	line3 = strchr(strchr(data, '\n') + 1, '\n') + 1;
	line5 = strchr(strchr(line3, '\n') + 1, '\n') + 1;
	memset(line3 + 5, '\0', 6);
	line5[40] = (char)0xff;
	spit(path, data, len);
	ck_assert(read_unchanged(path, &c, &rep));
	ck_assert_uint_eq(c.n, total - 2);
	ck_assert_uint_eq(rep.skipped, 2);
	history_report_skips(&rep, msg, sizeof(msg));
	ck_assert_str_eq(msg, "skipped 2 damaged lines (lines 3, 5)");
	free(data);
	remove_dir();
}
END_TEST

START_TEST(crlf_lines_are_read)
{
	size_t len, j = 0;
	char *data = sample(&len);
	char *crlf = malloc(len * 2);
	struct collected c = { 0 };
	struct history_report rep;

	make_dir();
	snprintf(path, sizeof(path), "%s/h.tsv", dir);
	for (size_t i = 0; i < len; i++) {
		if (data[i] == '\n')
			crlf[j++] = '\r';
		crlf[j++] = data[i];
	}
	spit(path, crlf, j);
	ck_assert(read_unchanged(path, &c, &rep));
	ck_assert_uint_eq(c.n, count_records(data, len));
	ck_assert_uint_eq(rep.skipped, 0);
	free(crlf);
	free(data);
	remove_dir();
}
END_TEST

START_TEST(a_megabyte_line_is_skipped)
{
	size_t len;
	char *data = sample(&len);
	size_t big = 1024 * 1024;
	char *buf = malloc(len + big + 1);
	struct collected c = { 0 };
	struct history_report rep;
	char *second = strchr(data, '\n') + 1;
	size_t head = (size_t)(second - data);

	make_dir();
	snprintf(path, sizeof(path), "%s/h.tsv", dir);
	memcpy(buf, data, head);
	memset(buf + head, 'x', big);
	buf[head + big] = '\n';
	memcpy(buf + head + big + 1, second, len - head);
	spit(path, buf, len + big + 1);
	ck_assert(read_unchanged(path, &c, &rep));
	ck_assert_uint_eq(c.n, count_records(data, len));
	ck_assert_uint_eq(rep.skipped, 1);
	ck_assert_uint_eq(rep.skipped_lines[0], 2);
	free(buf);
	free(data);
	remove_dir();
}
END_TEST

START_TEST(empty_missing_directory_unreadable)
{
	struct collected c = { 0 };
	struct history_report rep;

	make_dir();
	snprintf(path, sizeof(path), "%s/h.tsv", dir);
	ck_assert(history_read(path, collect, &c, &rep)); /* missing: empty */
	ck_assert_uint_eq(c.n + rep.skipped, 0);
	spit(path, "", 0);
	ck_assert(read_unchanged(path, &c, &rep));
	ck_assert_uint_eq(c.n + rep.skipped, 0);
	ck_assert(!history_read(dir, collect, &c, &rep));
	ck_assert_ptr_nonnull(strstr(rep.err, "is a directory"));
	if (geteuid() != 0) { /* root reads it anyway */
		chmod(path, 0);
		ck_assert(!history_read(path, collect, &c, &rep));
		ck_assert_ptr_nonnull(strstr(rep.err, "Permission denied"));
	}
	remove_dir();
}
END_TEST

/* ---- opened with care ---- */

static const char morning_line[] = "2026-11-24T07:30:12Z\tmorning\tpain=2\n";

/* A symbolic link at the history's path (planted in a shared folder) is never
 * followed: nothing is written through it, nothing read. */
START_TEST(a_symlink_at_the_history_is_refused)
{
	struct history_writer w;
	struct collected c = { 0 };
	struct history_report rep;
	char target[160], *data;
	size_t len;

	make_dir();
	snprintf(target, sizeof(target), "%s/target.tsv", dir);
	snprintf(path, sizeof(path), "%s/h.tsv", dir);
	spit(target, "mine\n", 5);
	ck_assert_int_eq(symlink(target, path), 0);
	history_writer_init(&w, path);
	ck_assert(!history_append(&w, morning_line));
	ck_assert_msg(strstr(w.err, "symbolic link") != NULL, "%s", w.err);
	history_writer_free(&w);
	data = slurp(target, &len);
	ck_assert_str_eq(data, "mine\n");
	free(data);
	ck_assert(!history_read(path, collect, &c, &rep));
	ck_assert_msg(strstr(rep.err, "symbolic link") != NULL, "%s", rep.err);
	remove_dir();
}
END_TEST

/* A history others may write to, or another user's, is not used. */
START_TEST(a_history_others_can_write_is_refused)
{
	struct history_writer w;
	struct collected c = { 0 };
	struct history_report rep;

	make_dir();
	snprintf(path, sizeof(path), "%s/h.tsv", dir);
	spit(path, HISTORY_HEADER, strlen(HISTORY_HEADER));
	chmod(path, 0620);
	history_writer_init(&w, path);
	ck_assert(!history_append(&w, morning_line));
	ck_assert_msg(strstr(w.err, "others can write to it (mode 0620)") != NULL, "%s", w.err);
	ck_assert(!history_read(path, collect, &c, &rep));
	ck_assert_msg(strstr(rep.err, "others can write") != NULL, "%s", rep.err);
	chmod(path, 0606);
	ck_assert(!history_retry(&w));
	chmod(path, 0600);
	ck_assert(history_retry(&w));
	if (geteuid() == 0) { /* only root can give a file away */
		ck_assert_int_eq(chown(path, 65534, 65534), 0);
		ck_assert(!history_append(&w, morning_line));
		ck_assert_msg(strstr(w.err, "owned by another user") != NULL, "%s", w.err);
		ck_assert(!history_read(path, collect, &c, &rep));
	}
	history_writer_free(&w);
	/* a folder others may write to (not sticky) */
	chmod(path, 0600);
	ck_assert_int_eq(chown(path, geteuid(), getegid()), 0);
	chmod(dir, 0777);
	ck_assert(!history_read(path, collect, &c, &rep));
	ck_assert_msg(strstr(rep.err, "folder") != NULL, "%s", rep.err);
	chmod(dir, 01777); /* as /tmp: sticky */
	ck_assert_msg(history_read(path, collect, &c, &rep), "%s", rep.err);
	chmod(dir, 0700);
	remove_dir();
}
END_TEST

/* A FIFO at the path would block a read for ever: refused at once. */
START_TEST(a_fifo_at_the_history_is_refused)
{
	struct history_writer w;
	struct collected c = { 0 };
	struct history_report rep;

	make_dir();
	snprintf(path, sizeof(path), "%s/h.tsv", dir);
	ck_assert_int_eq(mkfifo(path, 0600), 0);
	alarm(5); /* the old reader blocked here */
	ck_assert(!history_read(path, collect, &c, &rep));
	ck_assert_msg(strstr(rep.err, "not a regular file") != NULL, "%s", rep.err);
	history_writer_init(&w, path);
	ck_assert(!history_append(&w, morning_line));
	ck_assert_msg(strstr(w.err, "not a regular file") != NULL, "%s", w.err);
	alarm(0);
	history_writer_free(&w);
	remove_dir();
}
END_TEST

/* A child holding the history's lock until told (by a byte on a pipe). */
static pid_t hold_lock(const char *p, int *release)
{
	int ready[2], go[2];
	pid_t pid;
	char b;

	ck_assert_int_eq(pipe(ready), 0);
	ck_assert_int_eq(pipe(go), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		int fd = open(p, O_RDWR | O_CREAT, 0600);
		if (fd < 0 || flock(fd, LOCK_EX) != 0)
			_exit(1);
		if (write(ready[1], "r", 1) != 1 || read(go[0], &b, 1) < 0)
			_exit(1);
		_exit(0);
	}
	ck_assert_int_eq(read(ready[0], &b, 1), 1);
	close(ready[0]);
	close(ready[1]);
	close(go[0]);
	*release = go[1];
	return pid;
}

static void let_go(pid_t pid, int release)
{
	int status;

	ck_assert_int_eq(write(release, "g", 1), 1);
	close(release);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
}

/* The coach's writer never waits for a lock another process holds: it keeps the
 * record and says why, and the retry saves it once the lock is free. */
START_TEST(a_held_lock_is_not_waited_for)
{
	struct history_writer w;
	int64_t t0;
	int release;
	pid_t pid;
	char *data;

	make_dir();
	history_writer_init(&w, path);
	ck_assert(history_append(&w, morning_line)); /* makes the folder and file */
	w.lock_wait_ms = 0;
	pid = hold_lock(path, &release);
	t0 = monotonic_ms();
	ck_assert(!history_append(&w, morning_line));
	ck_assert_int_lt(monotonic_ms() - t0, 100); /* the old writer waited 2 s */
	ck_assert_int_eq(w.errnum, EWOULDBLOCK);
	ck_assert_uint_eq(w.npending, 1);
	ck_assert(!history_retry(&w));
	let_go(pid, release);
	ck_assert_msg(history_retry(&w), "%s", w.err);
	history_writer_free(&w);
	data = slurp(path, NULL);
	ck_assert_str_eq(data, HISTORY_HEADER "2026-11-24T07:30:12Z\tmorning\tpain=2\n"
					     "2026-11-24T07:30:12Z\tmorning\tpain=2\n");
	free(data);
	remove_dir();
}
END_TEST

/* Records that could not be saved are kept beside the history, read with it, merged
 * into it at the next save (once, even when kept twice) and the file removed. */
START_TEST(unsaved_records_are_kept_and_merged)
{
	struct history_writer w;
	struct collected c = { 0 };
	struct history_report rep;
	char upath[160], msg[300], *data;
	const char *one = "2026-11-25T07:30:12Z\tmorning\tpain=3\n";
	int release;
	pid_t pid;

	make_dir();
	snprintf(upath, sizeof(upath), "%s" HISTORY_UNSAVED_SUFFIX, path);
	history_writer_init(&w, path);
	ck_assert(history_append(&w, morning_line));
	w.lock_wait_ms = 0;
	pid = hold_lock(path, &release);
	ck_assert(!history_append(&w, one));
	ck_assert_msg(history_keep_unsaved(&w), "%s", w.err);
	ck_assert_uint_eq(w.npending, 0);
	let_go(pid, release);
	history_writer_free(&w);
	data = slurp(upath, NULL);
	ck_assert_str_eq(data, one);
	free(data);
	/* read with the history, and said so */
	ck_assert(history_read(path, collect, &c, &rep));
	ck_assert_uint_eq(c.n, 2);
	ck_assert_uint_eq(rep.unsaved, 1);
	history_report_notes(&rep, "h", msg, sizeof(msg));
	ck_assert_str_eq(msg, "1 record not saved last time is kept in h.unsaved; they are added at the next save");
	/* a record kept twice (merged, then a crash before the file went) lands once */
	spit(upath, one, strlen(one));
	history_writer_init(&w, path);
	ck_assert(history_append(&w, "2026-11-26T07:30:12Z\tmorning\tpain=1\n"));
	ck_assert_uint_eq(w.merged, 1);
	ck_assert_int_ne(access(upath, F_OK), 0);
	spit(upath, one, strlen(one));
	ck_assert(history_append(&w, "2026-11-27T07:30:12Z\tmorning\tpain=0\n"));
	ck_assert_uint_eq(w.merged, 1);
	ck_assert_int_ne(access(upath, F_OK), 0);
	history_writer_free(&w);
	data = slurp(path, NULL);
	ck_assert_str_eq(data, HISTORY_HEADER "2026-11-24T07:30:12Z\tmorning\tpain=2\n"
					     "2026-11-25T07:30:12Z\tmorning\tpain=3\n"
					     "2026-11-26T07:30:12Z\tmorning\tpain=1\n"
					     "2026-11-27T07:30:12Z\tmorning\tpain=0\n");
	free(data);
	remove_dir();
}
END_TEST

/* One coach at a time: the session lock is held while its descriptor is open. */
START_TEST(one_session_at_a_time)
{
	char err[300];
	int a, b;

	make_dir();
	a = history_lock_session(path, err, sizeof(err));
	ck_assert_msg(a >= 0, "%s", err);
	b = history_lock_session(path, err, sizeof(err));
	ck_assert_int_lt(b, 0);
	ck_assert_msg(strstr(err, "another talus is coaching a session from") != NULL, "%s", err);
	history_unlock_session(a);
	b = history_lock_session(path, err, sizeof(err));
	ck_assert_msg(b >= 0, "%s", err);
	history_unlock_session(b);
	remove_dir();
}
END_TEST

/* A byte-order mark is passed over; a record of a type a later version added is not
 * damage: it is counted apart and passed over, as an unknown key is. */
START_TEST(a_bom_and_newer_types_are_not_damage)
{
	const char text[] = "\xef\xbb\xbf# talus history v1\n"
			    "2026-11-23T07:30:12Z\tmorning\tpain=1\n"
			    "2026-11-23T08:30:12Z\tnap\tminutes=20\n"
			    "2026-11-23T09:30:12Z\t\tpain=1\n"
			    "2026-11-23T09:30:12Z\tBad type!\n";
	struct collected c = { 0 };
	struct history_report rep;
	char msg[200];

	make_dir();
	snprintf(path, sizeof(path), "%s/h.tsv", dir);
	spit(path, text, sizeof(text) - 1);
	ck_assert(history_read(path, collect, &c, &rep));
	ck_assert_uint_eq(c.n, 1);
	ck_assert_uint_eq(rep.newer, 1);
	ck_assert_uint_eq(rep.skipped, 2);
	ck_assert_uint_eq(rep.skipped_lines[0], 4);
	history_report_notes(&rep, "h", msg, sizeof(msg));
	ck_assert_str_eq(msg, "1 record of a newer talus passed over");
	/* a BOM before the first record, with no header */
	spit(path, text + 0, 3);
	{
		FILE *f = fopen(path, "ab");
		fputs("2026-11-23T07:30:12Z\tmorning\tpain=1\n", f);
		fclose(f);
	}
	memset(&c, 0, sizeof(c));
	ck_assert(history_read(path, collect, &c, &rep));
	ck_assert_uint_eq(c.n, 1);
	ck_assert_uint_eq(rep.skipped, 0);
	remove_dir();
}
END_TEST

/* ---- sessions ---- */

START_TEST(sessions_from_the_sample)
{
	struct session_log log;

	ck_assert(session_log_load(&log, "tests/data/history-sample.tsv"));
	ck_assert_uint_eq(log.nsessions, 4);
	ck_assert_int_eq(log.sessions[0].status, SESSION_DONE);
	ck_assert_int_eq(log.sessions[0].sets_done, 6);
	ck_assert_int_eq(log.sessions[0].planned, 6);
	ck_assert_int_eq(log.sessions[0].pain_during, 3);
	ck_assert_str_eq(log.sessions[0].note, "sore\tbut ok\\fine");
	ck_assert_int_eq(log.sessions[1].status, SESSION_QUIT);
	ck_assert_int_eq(log.sessions[1].skips, 1);
	ck_assert_int_eq(log.sessions[2].status, SESSION_INTERRUPTED);
	ck_assert_int_eq(log.sessions[2].secs, 180); /* start to its last set */
	ck_assert_int_eq(log.sessions[2].pain_during, -1);
	ck_assert_uint_eq(log.nmornings, 2);
	ck_assert_int_eq(log.mornings[1].pain, 2);
	ck_assert_uint_eq(log.report.skipped, 0);
	session_log_free(&log);
	/* a missing file is an empty history (and sorts nothing: qsort(NULL) is UB) */
	ck_assert(session_log_load(&log, "tests/data/no-such-history.tsv"));
	ck_assert_uint_eq(log.nsessions + log.nmornings + log.nlevels, 0);
	session_log_free(&log);
}
END_TEST

START_TEST(sessions_out_of_order_and_without_start)
{
	static const char *const lines[] = {
		"2026-11-20T08:00:00Z\tend\tsession=b\tstatus=done\tsecs=60\tpain-during=9",
		"2026-11-20T07:59:30Z\tset\tsession=b\texercise=x\tset=1",
		"2026-11-18T07:00:00Z\tstart\tsession=a\tprogram=p\tlevel=2",
		"2026-11-18T07:01:00Z\tset\tsession=a\texercise=x\tset=1",
	};
	struct session_log log;
	struct hist_record rec;
	char buf[256];

	memset(&log, 0, sizeof(log));
	for (size_t i = 0; i < 4; i++) {
		copy_str(buf, sizeof(buf), lines[i]);
		ck_assert(history_parse_line(buf, strlen(buf), &rec));
		rec.line = i + 1;
		session_log_add(&log, &rec);
	}
	session_log_finish(&log);
	ck_assert_uint_eq(log.nsessions, 2);
	ck_assert_str_eq(log.sessions[0].id, "a");
	ck_assert_int_eq(log.sessions[0].level, 2);
	ck_assert_int_eq(log.sessions[0].status, SESSION_INTERRUPTED);
	ck_assert_str_eq(log.sessions[1].program, ""); /* its start was lost */
	/* so its end belongs to no session: skipped and reported, its pain never counted */
	ck_assert_int_eq(log.sessions[1].status, SESSION_INTERRUPTED);
	ck_assert_int_eq(log.sessions[1].pain_during, -1);
	ck_assert_uint_eq(log.report.skipped, 1);
	ck_assert_uint_eq(log.report.skipped_lines[0], 1);
	session_log_free(&log);
}
END_TEST

/* An end whose session has no start at all, read from a file: skipped and reported as a
 * damaged line, never a session (its pain 9 would ask for a clinician). */
START_TEST(an_orphan_end_is_a_damaged_line)
{
	static const char data[] =
		"2026-11-18T07:00:00Z\tstart\tsession=a\tprogram=p\tlevel=2\n"
		"2026-11-18T08:00:00Z\tend\tsession=nosuch\tstatus=done\tpain-during=9\n"
		"2026-11-18T08:00:00Z\tend\tsession=a\tstatus=done\tpain-during=1\n";
	struct session_log log;
	char msg[200];

	make_dir();
	snprintf(path, sizeof(path), "%s/h.tsv", dir);
	spit(path, data, sizeof(data) - 1);
	ck_assert(session_log_load(&log, path));
	ck_assert_uint_eq(log.nsessions, 1);
	ck_assert_str_eq(log.sessions[0].id, "a");
	ck_assert_int_eq(log.sessions[0].pain_during, 1);
	ck_assert_uint_eq(log.report.records, 2);
	history_report_skips(&log.report, msg, sizeof(msg));
	ck_assert_str_eq(msg, "skipped 1 damaged line (line 2)");
	session_log_free(&log);
	remove_dir();
}
END_TEST

Suite *history_suite(void)
{
	Suite *s = suite_create("history");
	TCase *tc = tcase_create("records");
	TCase *io = tcase_create("files");

	tcase_add_test(tc, round_trip_every_type);
	tcase_add_test(tc, parse_rejects_bad_lines);
	tcase_add_test(tc, sessions_from_the_sample);
	tcase_add_test(tc, sessions_out_of_order_and_without_start);
	tcase_set_timeout(io, 60);
	tcase_add_test(io, writer_creates_folder_file_and_header);
	tcase_add_test(io, writer_ends_a_torn_line_first);
	tcase_add_test(io, writer_refuses_a_directory);
	tcase_add_test(io, twenty_writers_at_once);
	tcase_add_test(io, truncated_at_every_byte);
	tcase_add_test(io, damaged_lines_are_skipped_and_counted);
	tcase_add_test(io, crlf_lines_are_read);
	tcase_add_test(io, a_megabyte_line_is_skipped);
	tcase_add_test(io, empty_missing_directory_unreadable);
	tcase_add_test(io, a_symlink_at_the_history_is_refused);
	tcase_add_test(io, a_history_others_can_write_is_refused);
	tcase_add_test(io, a_fifo_at_the_history_is_refused);
	tcase_add_test(io, a_held_lock_is_not_waited_for);
	tcase_add_test(io, unsaved_records_are_kept_and_merged);
	tcase_add_test(io, one_session_at_a_time);
	tcase_add_test(io, a_bom_and_newer_types_are_not_damage);
	tcase_add_test(io, an_orphan_end_is_a_damaged_line);
	suite_add_tcase(s, tc);
	suite_add_tcase(s, io);
	return s;
}
