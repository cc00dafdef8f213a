/* The one place curses comes in, for the ui*.c files only; and the key table that
 * every screen reads its keys from. */
#ifndef TALUS_UI_CURSES_H
#define TALUS_UI_CURSES_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <curses.h>
#include <stddef.h>

/* What a key asks for. The first group is the session's; the rest are generic, each
 * screen giving them its own meaning (calcurse's generic-* keys). */
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
	ACT_CONFIRM, /* Enter: go on with what the screen offers */
	ACT_YES,
	ACT_NO,
	ACT_CANCEL,  /* Esc: pass over the question */
	ACT_DIGIT,   /* 0-9: the key itself says which */
	ACT_MORE,
	ACT_LESS,
	ACT_ERASE,
	ACT_SCROLL_UP,   /* a page longer than the screen: a line up */
	ACT_SCROLL_DOWN,
	ACT_PAGE_UP,
	ACT_PAGE_DOWN,
	ACT_SAFETY,  /* the safety note again */
	ACT_ANY,     /* any other key */
	ACT_RUNS,    /* the runs screen */
	ACT_LOG,     /* log a run */
	ACT_PREV,    /* the choice before (shoes, surface, pain) */
	ACT_NEXT,
};

/* The key tables, one a screen (or an overlay). */
enum keymap {
	KM_SESSION,
	KM_HELP,
	KM_CONFIRM_QUIT,
	KM_START,
	KM_SAFETY,
	KM_ADVICE,
	KM_RESUME,
	KM_TEST,
	KM_MEASURE,
	KM_PAIN,
	KM_NOTE,
	KM_SUMMARY,
	KM_TRIAGE,
	KM_PATHWAY,
	KM_FLAG,
	KM_STOP,
	KM_SAFETY_AGAIN,
	KM_RUNS,
	KM_RUN_FORM,
	KM_RUN_CONFIRM,
	KM_COUNT
};

/* get_wch's function keys, apart from characters with the same number (KEY_UP is
 * also U+0103): a key code is a character, or KEYCODE(KEY_...). */
#define KEYCODE(k) (0x400000 | (k))
#define KEY_ANYKEY (-2) /* a row that matches every key of its map */

struct key_binding {
	int key;
	enum ui_action action;
	const char *name; /* NULL: an alias that the help does not list */
	const char *help;
	enum keymap map;
};

extern const struct key_binding key_bindings[];
extern const size_t key_binding_count;
extern const char *const keymap_title[KM_COUNT];

/* The action of a key code in a map. */
enum ui_action key_action(enum keymap map, int code);
/* The session's action for a key as getch returns it (KEY_* from KEY_MIN up). */
enum ui_action action_for_key(int key);
/* The name of the first listed key for an action in a map ("Enter"), or NULL. */
const char *action_key_name(enum keymap map, enum ui_action action);

/* One entry of a key bar: the keys of one or two actions and what they do here. */
struct bar_item {
	enum ui_action action, also; /* also: ACT_NONE, or a second action ("+/-") */
	const char *label;
	int essential;               /* kept when the bar is too wide */
};

/* Each map's key bar, ending with a NULL label; NULL for an overlay that has none. */
extern const struct bar_item *const keymap_bar[KM_COUNT];

#endif
