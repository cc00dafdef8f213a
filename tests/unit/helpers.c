#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "program.h"

#include "unit.h"

char *read_whole_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	ck_assert_uint_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	if (len)
		*len = (size_t)n;
	return buf;
}

void assert_program_rejected(int i, const char *text, const char *message)
{
	struct program p;
	char err[512] = "";

	ck_assert_msg(!program_parse(&p, "t", "t.conf", text, err, sizeof(err)), "case %d loaded", i);
	ck_assert_msg(strcmp(err, message) == 0, "case %d: got \"%s\", want \"%s\"", i, err,
		      message);
	program_free(&p);
}
