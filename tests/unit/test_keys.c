/* The key table is the one truth: the README lists every key with the same words. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_curses.h"
#include "unit.h"

START_TEST(readme_lists_every_key)
{
	char *text = read_whole_file("README.md", NULL); /* tests run from the source tree */

	ck_assert_ptr_nonnull(text);
	for (size_t i = 0; i < key_binding_count; i++) {
		char row[200];
		if (!key_bindings[i].name)
			continue;
		snprintf(row, sizeof(row), "| `%s` | %s |", key_bindings[i].name, key_bindings[i].help);
		ck_assert_msg(strstr(text, row), "README.md lacks the row: %s", row);
	}
	free(text);
}
END_TEST

START_TEST(keys_map_to_actions)
{
	ck_assert_int_eq(action_for_key(' '), ACT_PAUSE);
	ck_assert_int_eq(action_for_key('\r'), ACT_DONE);
	ck_assert_int_eq(action_for_key(KEY_UP), ACT_REST_PLUS);
	ck_assert_int_eq(action_for_key('z'), ACT_NONE);
}
END_TEST

Suite *keys_suite(void)
{
	Suite *s = suite_create("keys");
	TCase *tc = tcase_create("keys");

	tcase_add_test(tc, readme_lists_every_key);
	tcase_add_test(tc, keys_map_to_actions);
	suite_add_tcase(s, tc);
	return s;
}
