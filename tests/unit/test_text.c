/* Display width, cutting and wrapping: what the screens and the plan printer share. */
#include <string.h>

#include "text.h"
#include "unit.h"

START_TEST(width_counts_columns)
{
	ck_assert_int_eq(text_width("\xc3\xa9t\xc3\xa9"), 3);         /* été: one column each */
	ck_assert_int_eq(text_width("\xe8\xb6\xb3\xe9\xa6\x96"), 4); /* 足首: two each */
	ck_assert_int_eq(text_width("e\xcc\x81"), 1);                /* e + combining acute */
	ck_assert_int_eq(text_width("\xf0\x9f\x8f\x83"), 2);         /* runner emoji */
	ck_assert_int_eq(text_width("a\xff" "b"), 3);                /* a bad byte: one column */
	ck_assert_int_eq(text_width(""), 0);
	ck_assert_int_eq(text_width_n("abcdef", 3), 3);
}
END_TEST

START_TEST(fit_never_splits_a_character)
{
	const char *cjk = "\xe8\xb6\xb3\xe9\xa6\x96"; /* 足首 */

	ck_assert_uint_eq(text_fit("abcdef", 4), 4);
	ck_assert_uint_eq(text_fit("abc", 10), 3);
	ck_assert_uint_eq(text_fit(cjk, 3), 3); /* one wide character, not one and a half */
	ck_assert_uint_eq(text_fit(cjk, 4), 6);
	ck_assert_uint_eq(text_fit(cjk, 1), 0);
	ck_assert_uint_eq(text_fit("\xc3\xa9t\xc3\xa9", 2), 3);
}
END_TEST

static void expect_lines(const char *text, int cols, const char *const *want, size_t nwant)
{
	const char *p = text;
	size_t i = 0;

	while (*p) {
		size_t n = text_wrap(p, cols, &p);
		ck_assert_msg(i < nwant, "more lines than expected for '%s'", text);
		ck_assert_uint_eq(n, strlen(want[i]));
		i++;
	}
	ck_assert_uint_eq(i, nwant);
	ck_assert_int_eq(text_lines(text, cols), (int)nwant);
}

START_TEST(wrap_breaks_at_words)
{
	static const char *const a[] = { "light", "band" };
	static const char *const b[] = { "3 x 12 each", "side" };
	static const char *const c[] = { "abcd", "efgh", "ij" };

	expect_lines("light band", 6, a, 2);
	expect_lines("3 x 12 each side", 12, b, 2);
	expect_lines("abcdefghij", 4, c, 3); /* a word wider than the line is cut */
	expect_lines("", 10, NULL, 0);
}
END_TEST

START_TEST(wrap_returns_the_line_text)
{
	const char *rest, *s = "Pain up to 5   of 10";
	size_t n = text_wrap(s, 12, &rest);

	ck_assert_uint_eq(n, strlen("Pain up to 5"));
	ck_assert_str_eq(rest, "of 10");
	n = text_wrap(rest, 12, &rest);
	ck_assert_uint_eq(n, 5);
	ck_assert_str_eq(rest, "");
	/* a width too small for one character still moves on */
	n = text_wrap("\xe8\xb6\xb3x", 1, &rest);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(rest, "x");
}
END_TEST

Suite *text_suite(void)
{
	Suite *s = suite_create("text");
	TCase *tc = tcase_create("text");

	tcase_add_test(tc, width_counts_columns);
	tcase_add_test(tc, fit_never_splits_a_character);
	tcase_add_test(tc, wrap_breaks_at_words);
	tcase_add_test(tc, wrap_returns_the_line_text);
	suite_add_tcase(s, tc);
	return s;
}
