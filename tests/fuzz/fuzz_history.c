/* libFuzzer: a history file, line by line through the record parser into sessions and
 * the scheduler, and whole through the streaming reader (from a file of its own: the
 * reader follows no link, so not /proc/self/fd of a memfd). */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <stdbool.h>
#include <unistd.h>

#include "config.h"
#include "scheduler.h"
#include "session_log.h"

static struct program prog;
static struct user_config cfg;
static char file[64];

static void count(const struct hist_record *rec, void *ctx)
{
	(void)rec;
	++*(size_t *)ctx;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct session_log log;
	struct progress p;
	struct red_flags flags;
	struct history_report rep;
	char why[300];
	const uint8_t *line = data, *end = data + size;
	size_t n = 0;
	int fd;

	if (!prog.name) {
		char err[512];
		if (!program_parse(&prog, "ankle-foundations", "p.conf",
				   "levels = 6\nnext = \"x\"\nexercise a {\n  reps = 5\n}\n", err, sizeof(err)))
			abort();
		config_defaults(&cfg);
	}
	memset(&log, 0, sizeof(log));
	while (line < end) {
		const uint8_t *nl = memchr(line, '\n', (size_t)(end - line));
		size_t len = (size_t)((nl ? nl : end) - line);
		char *copy = malloc(len + 1);
		struct hist_record rec;

		memcpy(copy, line, len);
		copy[len] = '\0';
		if (strlen(copy) == len && history_parse_line(copy, len, &rec))
			session_log_add(&log, &rec);
		free(copy);
		line += len + 1;
	}
	session_log_finish(&log);
	schedule_level(&log, &prog, &cfg.rules, 20415, INT64_MAX, &p);
	progress_why(&p, &cfg.rules, &prog, why, sizeof(why));
	check_red_flags(&log, &cfg.rules, NULL, 20415, INT64_MAX, &p, &flags);
	(void)active_program(&log, "ankle-foundations");
	session_log_free(&log);

	if (!file[0]) {
		snprintf(file, sizeof(file), "/tmp/fuzz-history-XXXXXX");
		fd = mkstemp(file);
		if (fd < 0)
			abort();
		close(fd);
	}
	fd = open(file, O_WRONLY | O_TRUNC);
	if (fd >= 0) {
		bool whole = write(fd, data, size) == (ssize_t)size;
		close(fd);
		if (whole) {
			history_read(file, count, &n, &rep);
			if (rep.skipped + rep.newer + n > size + 1)
				abort(); /* more lines than bytes */
		}
	}
	return 0;
}
