/* libFuzzer: a file through the GPX parser, and each activity it gives through the
 * checks and the run record writer (which dies on a line the reader would refuse). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "import_runs.h"
#include "record.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct activity_list acts = { 0 };
	char err[IMPORT_ERR_MAX];
	struct strbuf line;

	(void)import_detect(data, size);
	err[0] = '\0';
	if (!gpx_parse(data, size, &acts, err, sizeof(err))) {
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
