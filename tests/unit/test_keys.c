/* The key table is the one truth: the README lists every key with the same words,
 * every screen's key bar names keys its screen has, and no key means two things. */
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

/* Every screen's table answers for its own keys only. */
START_TEST(each_screen_has_its_own_keys)
{
	ck_assert_int_eq(key_action(KM_START, '\n'), ACT_CONFIRM);
	ck_assert_int_eq(key_action(KM_START, ' '), ACT_NONE);
	ck_assert_int_eq(key_action(KM_RESUME, 'Y'), ACT_YES);
	ck_assert_int_eq(key_action(KM_TEST, 'q'), ACT_NONE);      /* the test must be answered */
	ck_assert_int_eq(key_action(KM_ADVICE, 'q'), ACT_NONE);
	ck_assert_int_eq(key_action(KM_CONFIRM_QUIT, 27), ACT_NO);
	ck_assert_int_eq(key_action(KM_PAIN, '7'), ACT_DIGIT);
	ck_assert_int_eq(key_action(KM_PAIN, KEYCODE(KEY_UP)), ACT_MORE);
	ck_assert_int_eq(key_action(KM_SUMMARY, 'x'), ACT_ANY);
	ck_assert_int_eq(key_action(KM_HELP, KEYCODE(KEY_F(1))), ACT_ANY);
	ck_assert_int_eq(key_action(KM_START, 'r'), ACT_RUNS);
	ck_assert_int_eq(key_action(KM_RUNS, 27), ACT_QUIT);
	ck_assert_int_eq(key_action(KM_RUN_FORM, 'q'), ACT_NONE); /* typed: a pair may have a q */
	ck_assert_int_eq(key_action(KM_RUN_FORM, 27), ACT_CANCEL);
	ck_assert_int_eq(key_action(KM_RUN_CONFIRM, '\r'), ACT_YES);
}
END_TEST

/* A function key and the character with its number are told apart: U+0107 (c with
 * an acute accent) typed in a note is text, KEY_BACKSPACE erases. */
START_TEST(function_keys_are_not_characters)
{
	ck_assert_int_eq(key_action(KM_NOTE, KEYCODE(KEY_BACKSPACE)), ACT_ERASE);
	ck_assert_int_eq(key_action(KM_NOTE, KEY_BACKSPACE), ACT_NONE);
	ck_assert_int_eq(key_action(KM_SESSION, 0x103), ACT_NONE); /* a with breve, not Up */
}
END_TEST

START_TEST(no_key_means_two_things_on_one_screen)
{
	for (size_t i = 0; i < key_binding_count; i++)
		for (size_t j = i + 1; j < key_binding_count; j++)
			ck_assert_msg(key_bindings[i].map != key_bindings[j].map ||
					      key_bindings[i].key != key_bindings[j].key,
				      "key %d twice in the %s keys", key_bindings[i].key,
				      keymap_title[key_bindings[i].map]);
}
END_TEST

START_TEST(every_bar_names_keys_its_screen_has)
{
	for (int map = 0; map < KM_COUNT; map++) {
		const struct bar_item *bar = keymap_bar[map];
		bool named = false;

		for (size_t i = 0; i < key_binding_count; i++)
			named |= (int)key_bindings[i].map == map && key_bindings[i].name != NULL;
		ck_assert_msg(named, "the %s screen has no listed key", keymap_title[map]);
		for (; bar && bar->label; bar++) {
			ck_assert_msg(action_key_name(map, bar->action), "the %s bar shows '%s' with no key",
				      keymap_title[map], bar->label);
			ck_assert(bar->also == ACT_NONE || action_key_name(map, bar->also));
		}
	}
}
END_TEST

Suite *keys_suite(void)
{
	Suite *s = suite_create("keys");
	TCase *tc = tcase_create("keys");

	tcase_add_test(tc, readme_lists_every_key);
	tcase_add_test(tc, keys_map_to_actions);
	tcase_add_test(tc, each_screen_has_its_own_keys);
	tcase_add_test(tc, function_keys_are_not_characters);
	tcase_add_test(tc, no_key_means_two_things_on_one_screen);
	tcase_add_test(tc, every_bar_names_keys_its_screen_has);
	suite_add_tcase(s, tc);
	return s;
}
