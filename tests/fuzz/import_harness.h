/* The body of the GPX and TCX harnesses: a file through one parser, then each activity
 * it gives through the import checks and the run record writer (which dies on a line
 * the reader would refuse). */
#ifndef TALUS_FUZZ_IMPORT_HARNESS_H
#define TALUS_FUZZ_IMPORT_HARNESS_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "import_runs.h"
#include "record.h"

typedef bool (*import_parser)(const unsigned char *buf, size_t len, struct activity_list *out,
			      char *err, size_t errlen);

static int fuzz_import(import_parser parse, const uint8_t *data, size_t size)
{
	struct activity_list acts = { 0 };
	char err[IMPORT_ERR_MAX];
	struct strbuf line;

	(void)import_detect(data, size);
	err[0] = '\0';
	if (!parse(data, size, &acts, err, sizeof(err))) {
		if (!err[0] || strlen(err) >= sizeof(err))
			abort(); /* a broken file always says why */
		activity_list_free(&acts);
		return 0;
	}
	sb_init(&line);
	for (size_t i = 0; i < acts.n; i++) {
		const struct activity *a = &acts.items[i];
		if (a->metres < 0 || a->moving_secs < -1 || a->elapsed_secs < -1)
			abort();
		if (a->running && a->metres > 0 && import_check(a, err, sizeof(err)))
			import_record(&line, a, "0123456789abcdef");
	}
	sb_free(&line);
	activity_list_free(&acts);
	return 0;
}

#endif
