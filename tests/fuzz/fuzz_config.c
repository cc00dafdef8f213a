/* libFuzzer: the user config through the real schema. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	struct user_config cfg;
	char err[512];

	memcpy(text, data, size);
	text[size] = '\0';
	if (!config_parse(&cfg, "fuzz.conf", text, err, sizeof(err)) && !strchr(err, ':'))
		abort(); /* every error names the file */
	config_free(&cfg);
	free(text);
	return 0;
}
