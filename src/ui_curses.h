/* The one place curses comes in, for the ui*.c files only. */
#ifndef TALUS_UI_CURSES_H
#define TALUS_UI_CURSES_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <curses.h>

enum ui_action {
	ACT_NONE,
	ACT_PAUSE,
	ACT_DONE,
	ACT_SKIP,
	ACT_SKIP_EXERCISE,
	ACT_BACK,
	ACT_REST_PLUS,
	ACT_REST_MINUS,
	ACT_QUIT,
	ACT_HELP,
};

struct key_binding {
	int key;
	enum ui_action action;
	const char *name; /* NULL: an alias that the help does not list */
	const char *help;
};

extern const struct key_binding key_bindings[];
extern const size_t key_binding_count;
enum ui_action action_for_key(int key);

#endif
