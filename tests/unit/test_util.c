#include <string.h>

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

Suite *util_suite(void)
{
	Suite *s = suite_create("util");
	TCase *tc = tcase_create("util");

	tcase_add_test(tc, strbuf_grows);
	tcase_add_test(tc, parse_long_is_strict);
	tcase_add_test(tc, utf8_checks);
	tcase_add_test(tc, sanitize_replaces_bad_bytes);
	suite_add_tcase(s, tc);
	return s;
}
