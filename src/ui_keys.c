/* Every key of the session screen, its action and its help text, in one table: the
 * help overlay is drawn from it and a test checks the README against it. */
#include "ui_curses.h"

#include "util.h"

const struct key_binding key_bindings[] = {
	{ ' ', ACT_PAUSE, "Space", "pause / resume" },
	{ '\n', ACT_DONE, "Enter", "set done; go on to the next step" },
	{ '\r', ACT_DONE, NULL, NULL },
	{ KEY_ENTER, ACT_DONE, NULL, NULL },
	{ 's', ACT_SKIP, "s", "skip this step (a rest, a countdown, or the set)" },
	{ KEY_RIGHT, ACT_SKIP, "Right", "same as s" },
	{ 'S', ACT_SKIP_EXERCISE, "S", "skip the rest of this exercise" },
	{ 'b', ACT_BACK, "b", "back: redo the set" },
	{ KEY_LEFT, ACT_BACK, "Left", "same as b" },
	{ '+', ACT_REST_PLUS, "+", "15 s more rest" },
	{ '=', ACT_REST_PLUS, NULL, NULL },
	{ KEY_UP, ACT_REST_PLUS, "Up", "same as +" },
	{ '-', ACT_REST_MINUS, "-", "15 s less rest" },
	{ KEY_DOWN, ACT_REST_MINUS, "Down", "same as -" },
	{ 'q', ACT_QUIT, "q", "quit (asks first; what is done is kept)" },
	{ '?', ACT_HELP, "?", "show or hide this help" },
};

const size_t key_binding_count = ARRAY_SIZE(key_bindings);

enum ui_action action_for_key(int key)
{
	for (size_t i = 0; i < key_binding_count; i++)
		if (key_bindings[i].key == key)
			return key_bindings[i].action;
	return ACT_NONE;
}
