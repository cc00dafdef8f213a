#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "safefile.h"
#include "unit.h"
#include "util.h"

START_TEST(strbuf_grows)
{
	struct strbuf sb;

	sb_init(&sb);
	for (int i = 0; i < 1000; i++)
		sb_printf(&sb, "%d,", i % 10);
	ck_assert_uint_eq(sb.len, 2000);
	ck_assert_uint_eq(strlen(sb.buf), 2000);
	sb_free(&sb);
}
END_TEST

START_TEST(parse_long_is_strict)
{
	long v;

	ck_assert(parse_long("12", 1, 52, &v) && v == 12);
	ck_assert(!parse_long("0", 1, 52, &v));
	ck_assert(!parse_long("53", 1, 52, &v));
	ck_assert(!parse_long("12x", 1, 52, &v));
	ck_assert(!parse_long(" 12", 1, 52, &v));
	ck_assert(!parse_long("", 1, 52, &v));
	ck_assert(!parse_long("99999999999999999999999", 1, 52, &v));
}
END_TEST

START_TEST(utf8_checks)
{
	ck_assert(is_clean_utf8("Calf raise \xc3\xa9", false));
	ck_assert(!is_clean_utf8("bad \xff", false));
	ck_assert(!is_clean_utf8("over\xc0\xaflong", false));
	ck_assert(!is_clean_utf8("tab\there", false));
	ck_assert(is_clean_utf8("tab\there", true));
	ck_assert(!is_clean_utf8("cut \xe2\x82", false));
}
END_TEST

START_TEST(sanitize_replaces_bad_bytes)
{
	char s[] = "a\x1b[2Jb\xff\xc3\xa9";

	sanitize_text(s);
	ck_assert_str_eq(s, "a?[2Jb?\xc3\xa9");
}
END_TEST

/* A file replaced whole: the new text in, no temporary left; a folder that is not
 * there fails with the path in the reason and leaves nothing. */
START_TEST(file_replace_whole_or_not_at_all)
{
	char dir[] = "/tmp/talus-unit-XXXXXX", path[128], tmp[160], bad[160], err[256] = "";
	char buf[64] = "";
	FILE *f;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/a.ics", dir);
	snprintf(tmp, sizeof(tmp), "%s.tmp-talus", path);
	ck_assert_msg(file_replace(path, "old\n", 4, err, sizeof(err)), "%s", err);
	ck_assert_msg(file_replace(path, "new text\n", 9, err, sizeof(err)), "%s", err);
	ck_assert_ptr_nonnull(f = fopen(path, "r"));
	ck_assert_uint_eq(fread(buf, 1, sizeof(buf) - 1, f), 9);
	fclose(f);
	ck_assert_str_eq(buf, "new text\n");
	ck_assert_int_ne(access(tmp, F_OK), 0);
	snprintf(bad, sizeof(bad), "%s/no/such/b.ics", dir);
	ck_assert(!file_replace(bad, "x", 1, err, sizeof(err)));
	ck_assert_msg(strncmp(err, bad, strlen(bad)) == 0 && strstr(err, "cannot write"), "%s", err);
	unlink(path);
	ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

Suite *util_suite(void)
{
	Suite *s = suite_create("util");
	TCase *tc = tcase_create("util");

	tcase_add_test(tc, strbuf_grows);
	tcase_add_test(tc, parse_long_is_strict);
	tcase_add_test(tc, utf8_checks);
	tcase_add_test(tc, sanitize_replaces_bad_bytes);
	tcase_add_test(tc, file_replace_whole_or_not_at_all);
	suite_add_tcase(s, tc);
	return s;
}
