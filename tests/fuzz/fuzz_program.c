/* libFuzzer: a program file through the real schema (cfg_parse_buf and talus's own
 * checks), and what is built from one that loads: the steps, the doses, the plan. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan.h"
#include "program.h"
#include "intervals.h"
#include "routine.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *devnull;
	char *text = malloc(size + 1);
	struct program prog;
	char err[512];

	if (!devnull)
		devnull = fopen("/dev/null", "w");
	memcpy(text, data, size);
	text[size] = '\0';
	if (program_parse(&prog, "fuzz", "fuzz.conf", text, err, sizeof(err))) {
		for (int level = program_first_level(&prog); level <= prog.levels; level++) {
			struct routine r;
			char dose[400];
			routine_build(&r, &prog, level);
			routine_at_speed(&r, 8000); /* walk/run on a treadmill */
			routine_free(&r);
			for (size_t i = 0; i < prog.nexercises; i++)
				format_dose(&prog.exercises[i], level, dose, sizeof(dose));
		}
		struct plan_request req = { .program = &prog, .level = prog.levels, .today = 20415,
					    .weeks = 2, .days = prog.days };
		plan_print(devnull, &req);
	} else if (!strchr(err, ':')) {
		abort(); /* every error names the file */
	}
	program_free(&prog);
	free(text);
	return 0;
}
