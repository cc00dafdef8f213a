/* Every key of every screen, its action and its help text, in one table: the key
 * bars and the help overlay are drawn from it and a test checks the README against it. */
#include "ui_curses.h"

#include "util.h"

#define ENTER_KEYS(map, act, help) \
	{ '\n', act, "Enter", help, map }, { '\r', act, NULL, NULL, map }, \
	{ KEYCODE(KEY_ENTER), act, NULL, NULL, map }

/* A page longer than the screen scrolls. */
#define SCROLL_KEYS(map) \
	{ KEYCODE(KEY_DOWN), ACT_SCROLL_DOWN, "Down", "show more of the page (PgDn: a page)", map }, \
	{ KEYCODE(KEY_UP), ACT_SCROLL_UP, "Up", "back up the page (PgUp: a page)", map }, \
	{ KEYCODE(KEY_NPAGE), ACT_PAGE_DOWN, NULL, NULL, map }, \
	{ KEYCODE(KEY_PPAGE), ACT_PAGE_UP, NULL, NULL, map }
/* The same where Up and Down mean something else. */
#define PAGE_KEYS(map) \
	{ KEYCODE(KEY_NPAGE), ACT_PAGE_DOWN, "PgDn", "show more of the page", map }, \
	{ KEYCODE(KEY_PPAGE), ACT_PAGE_UP, "PgUp", "back up the page", map }

/* A list of options: a number answers at once, or Up/Down and Enter; q leaves. */
#define TRIAGE_KEYS(map, digit_help, enter_help) \
	{ '1', ACT_DIGIT, "1-6", digit_help, map }, { '2', ACT_DIGIT, NULL, NULL, map }, \
	{ '3', ACT_DIGIT, NULL, NULL, map }, { '4', ACT_DIGIT, NULL, NULL, map }, \
	{ '5', ACT_DIGIT, NULL, NULL, map }, { '6', ACT_DIGIT, NULL, NULL, map }, \
	{ KEYCODE(KEY_UP), ACT_LESS, "Up", "mark the option above (also k)", map }, \
	{ 'k', ACT_LESS, NULL, NULL, map }, \
	{ KEYCODE(KEY_DOWN), ACT_MORE, "Down", "mark the option below (also j)", map }, \
	{ 'j', ACT_MORE, NULL, NULL, map }, \
	ENTER_KEYS(map, ACT_CONFIRM, enter_help), \
	{ 'q', ACT_QUIT, "q", "leave talus (asked again next time)", map }, \
	PAGE_KEYS(map)

const struct key_binding key_bindings[] = {
	{ ' ', ACT_PAUSE, "Space", "pause / resume", KM_SESSION },
	ENTER_KEYS(KM_SESSION, ACT_DONE, "set or walk/run distance done; go on to the next step"),
	{ 's', ACT_SKIP, "s", "skip this step (a rest, a countdown, or the set)", KM_SESSION },
	{ KEYCODE(KEY_RIGHT), ACT_SKIP, "Right", "same as s", KM_SESSION },
	{ 'S', ACT_SKIP_EXERCISE, "S", "skip the rest of this exercise", KM_SESSION },
	{ 'b', ACT_BACK, "b", "back: redo the set", KM_SESSION },
	{ KEYCODE(KEY_LEFT), ACT_BACK, "Left", "same as b", KM_SESSION },
	{ '+', ACT_REST_PLUS, "+", "15 s more rest", KM_SESSION },
	{ '=', ACT_REST_PLUS, NULL, NULL, KM_SESSION },
	{ KEYCODE(KEY_UP), ACT_REST_PLUS, "Up", "same as +", KM_SESSION },
	{ '-', ACT_REST_MINUS, "-", "15 s less rest", KM_SESSION },
	{ KEYCODE(KEY_DOWN), ACT_REST_MINUS, "Down", "same as -", KM_SESSION },
	{ '0', ACT_DIGIT, "0-9", "in a set you end yourself: the reps done, if not the target", KM_SESSION },
	{ '1', ACT_DIGIT, NULL, NULL, KM_SESSION }, { '2', ACT_DIGIT, NULL, NULL, KM_SESSION },
	{ '3', ACT_DIGIT, NULL, NULL, KM_SESSION }, { '4', ACT_DIGIT, NULL, NULL, KM_SESSION },
	{ '5', ACT_DIGIT, NULL, NULL, KM_SESSION }, { '6', ACT_DIGIT, NULL, NULL, KM_SESSION },
	{ '7', ACT_DIGIT, NULL, NULL, KM_SESSION }, { '8', ACT_DIGIT, NULL, NULL, KM_SESSION },
	{ '9', ACT_DIGIT, NULL, NULL, KM_SESSION },
	{ KEYCODE(KEY_BACKSPACE), ACT_ERASE, "Backspace", "take back a digit of the reps", KM_SESSION },
	{ 127, ACT_ERASE, NULL, NULL, KM_SESSION },
	{ 8, ACT_ERASE, NULL, NULL, KM_SESSION },
	{ 'q', ACT_QUIT, "q", "quit (asks first; what is done is kept)", KM_SESSION },
	{ '?', ACT_HELP, "?", "show or hide this help", KM_SESSION },

	SCROLL_KEYS(KM_HELP),
	{ KEY_ANYKEY, ACT_ANY, "any key", "closes the help", KM_HELP },

	{ 'y', ACT_YES, "y", "quit the session; what is done is kept", KM_CONFIRM_QUIT },
	{ 'Y', ACT_YES, NULL, NULL, KM_CONFIRM_QUIT },
	{ 'n', ACT_NO, "n", "carry on", KM_CONFIRM_QUIT },
	{ 'N', ACT_NO, NULL, NULL, KM_CONFIRM_QUIT },
	{ 27, ACT_NO, NULL, NULL, KM_CONFIRM_QUIT },
	{ 'q', ACT_NO, NULL, NULL, KM_CONFIRM_QUIT },

	ENTER_KEYS(KM_START, ACT_CONFIRM, "start the session"),
	{ 'q', ACT_QUIT, "q", "leave talus", KM_START },
	{ 's', ACT_SAFETY, "s", "show the safety note again", KM_START },
	{ 'r', ACT_RUNS, "r", "the runs: 8 weeks of distance, the cap, the pain; log a run", KM_START },
	SCROLL_KEYS(KM_START),

	ENTER_KEYS(KM_SAFETY, ACT_CONFIRM, "I have read the safety note (first it reads on to its end)"),
	{ 'q', ACT_QUIT, "q", "leave talus", KM_SAFETY },
	SCROLL_KEYS(KM_SAFETY),

	ENTER_KEYS(KM_ADVICE, ACT_CONFIRM, "understood (first it reads on to the end)"),
	SCROLL_KEYS(KM_ADVICE),

	{ 'y', ACT_YES, "y", "resume where the session stopped", KM_RESUME },
	{ 'Y', ACT_YES, NULL, NULL, KM_RESUME },
	{ 'n', ACT_NO, "n", "start the session again", KM_RESUME },
	{ 'N', ACT_NO, NULL, NULL, KM_RESUME },
	{ 'q', ACT_QUIT, "q", "leave talus", KM_RESUME },
	SCROLL_KEYS(KM_RESUME),

	ENTER_KEYS(KM_MEASURE, ACT_CONFIRM, "do the measured entry test now"),
	{ 'n', ACT_NO, "n", "not today (asked again next time)", KM_MEASURE },
	{ 'N', ACT_NO, NULL, NULL, KM_MEASURE },
	SCROLL_KEYS(KM_MEASURE),

	{ 'y', ACT_YES, "y", "yes, I pass the entry test: move on", KM_TEST },
	{ 'Y', ACT_YES, NULL, NULL, KM_TEST },
	{ 'n', ACT_NO, "n", "not yet", KM_TEST },
	{ 'N', ACT_NO, NULL, NULL, KM_TEST },
	SCROLL_KEYS(KM_TEST),

	{ '0', ACT_DIGIT, "0-9", "choose that rating (1 then 0 is 10)", KM_PAIN },
	{ '1', ACT_DIGIT, NULL, NULL, KM_PAIN }, { '2', ACT_DIGIT, NULL, NULL, KM_PAIN },
	{ '3', ACT_DIGIT, NULL, NULL, KM_PAIN }, { '4', ACT_DIGIT, NULL, NULL, KM_PAIN },
	{ '5', ACT_DIGIT, NULL, NULL, KM_PAIN }, { '6', ACT_DIGIT, NULL, NULL, KM_PAIN },
	{ '7', ACT_DIGIT, NULL, NULL, KM_PAIN }, { '8', ACT_DIGIT, NULL, NULL, KM_PAIN },
	{ '9', ACT_DIGIT, NULL, NULL, KM_PAIN },
	{ KEYCODE(KEY_LEFT), ACT_LESS, "Left", "one less (also Down, h)", KM_PAIN },
	{ KEYCODE(KEY_DOWN), ACT_LESS, NULL, NULL, KM_PAIN },
	{ 'h', ACT_LESS, NULL, NULL, KM_PAIN },
	{ KEYCODE(KEY_RIGHT), ACT_MORE, "Right", "one more (also Up, l)", KM_PAIN },
	{ KEYCODE(KEY_UP), ACT_MORE, NULL, NULL, KM_PAIN },
	{ 'l', ACT_MORE, NULL, NULL, KM_PAIN },
	ENTER_KEYS(KM_PAIN, ACT_CONFIRM, "confirm the rating"),
	{ 27, ACT_CANCEL, "Esc", "skip the question", KM_PAIN },
	PAGE_KEYS(KM_PAIN),

	ENTER_KEYS(KM_NOTE, ACT_CONFIRM, "save the note and finish"),
	{ KEYCODE(KEY_BACKSPACE), ACT_ERASE, "Backspace", "delete the last character", KM_NOTE },
	{ 127, ACT_ERASE, NULL, NULL, KM_NOTE },
	{ 8, ACT_ERASE, NULL, NULL, KM_NOTE },
	PAGE_KEYS(KM_NOTE),

	SCROLL_KEYS(KM_SUMMARY),
	{ KEY_ANYKEY, ACT_ANY, "any key", "leave (or on to the next due today)", KM_SUMMARY },

	TRIAGE_KEYS(KM_TRIAGE, "answer with that option", "answer with the marked option"),
	TRIAGE_KEYS(KM_PATHWAY, "choose that pathway", "take the marked pathway"),

	{ 'y', ACT_YES, "y", "yes", KM_FLAG },
	{ 'Y', ACT_YES, NULL, NULL, KM_FLAG },
	{ 'n', ACT_NO, "n", "no", KM_FLAG },
	{ 'N', ACT_NO, NULL, NULL, KM_FLAG },
	SCROLL_KEYS(KM_FLAG),

	{ 'q', ACT_QUIT, "q", "leave talus (no session after a red flag)", KM_STOP },
	SCROLL_KEYS(KM_STOP),

	SCROLL_KEYS(KM_SAFETY_AGAIN),
	{ KEY_ANYKEY, ACT_ANY, "any key", "back to the start screen", KM_SAFETY_AGAIN },

	{ 'l', ACT_LOG, "l", "log a run: a form, saved only when you confirm it", KM_RUNS },
	{ 'L', ACT_LOG, NULL, NULL, KM_RUNS },
	{ 27, ACT_QUIT, "Esc", "back to the start screen (also q)", KM_RUNS },
	{ 'q', ACT_QUIT, NULL, NULL, KM_RUNS },
	SCROLL_KEYS(KM_RUNS),

	/* the other characters are typed into the field */
	{ '\t', ACT_MORE, "Tab", "the next field (also Down)", KM_RUN_FORM },
	{ KEYCODE(KEY_DOWN), ACT_MORE, NULL, NULL, KM_RUN_FORM },
	{ KEYCODE(KEY_UP), ACT_LESS, "Up", "the field before (also Shift-Tab)", KM_RUN_FORM },
	{ KEYCODE(KEY_BTAB), ACT_LESS, NULL, NULL, KM_RUN_FORM },
	{ KEYCODE(KEY_LEFT), ACT_PREV, "Left", "the shoes, surface or pain before", KM_RUN_FORM },
	{ KEYCODE(KEY_RIGHT), ACT_NEXT, "Right", "the next shoes, surface or pain", KM_RUN_FORM },
	{ KEYCODE(KEY_BACKSPACE), ACT_ERASE, "Backspace", "delete the last character", KM_RUN_FORM },
	{ 127, ACT_ERASE, NULL, NULL, KM_RUN_FORM },
	{ 8, ACT_ERASE, NULL, NULL, KM_RUN_FORM },
	ENTER_KEYS(KM_RUN_FORM, ACT_CONFIRM, "check the run, then confirm it"),
	{ 27, ACT_CANCEL, "Esc", "back to the runs; nothing is saved", KM_RUN_FORM },
	PAGE_KEYS(KM_RUN_FORM),

	{ 'y', ACT_YES, "y", "save the run (also Enter)", KM_RUN_CONFIRM },
	{ 'Y', ACT_YES, NULL, NULL, KM_RUN_CONFIRM },
	{ '\n', ACT_YES, NULL, NULL, KM_RUN_CONFIRM },
	{ '\r', ACT_YES, NULL, NULL, KM_RUN_CONFIRM },
	{ KEYCODE(KEY_ENTER), ACT_YES, NULL, NULL, KM_RUN_CONFIRM },
	{ 'n', ACT_NO, "n", "back to the form (also Esc)", KM_RUN_CONFIRM },
	{ 'N', ACT_NO, NULL, NULL, KM_RUN_CONFIRM },
	{ 27, ACT_NO, NULL, NULL, KM_RUN_CONFIRM },
	SCROLL_KEYS(KM_RUN_CONFIRM),
};

const size_t key_binding_count = ARRAY_SIZE(key_bindings);

const char *const keymap_title[KM_COUNT] = {
	[KM_SESSION] = "session", [KM_HELP] = "help", [KM_CONFIRM_QUIT] = "quit?",
	[KM_START] = "start", [KM_SAFETY] = "safety note", [KM_ADVICE] = "advice",
	[KM_RESUME] = "resume", [KM_TEST] = "entry test",
	[KM_MEASURE] = "measured test", [KM_PAIN] = "pain",
	[KM_NOTE] = "note", [KM_SUMMARY] = "summary", [KM_TRIAGE] = "triage",
	[KM_PATHWAY] = "pathway", [KM_FLAG] = "red flag",
	[KM_STOP] = "stop", [KM_SAFETY_AGAIN] = "safety note again",
	[KM_RUNS] = "runs", [KM_RUN_FORM] = "run form", [KM_RUN_CONFIRM] = "save run?",
};

/* The key bar of each screen: the actions it shows, in order. */
static const struct bar_item session_bar[] = {
	{ ACT_PAUSE, ACT_NONE, "pause", 1 },
	{ ACT_DONE, ACT_NONE, "done", 1 },
	{ ACT_SKIP, ACT_NONE, "skip", 0 },
	{ ACT_BACK, ACT_NONE, "back", 0 },
	{ ACT_REST_PLUS, ACT_REST_MINUS, "rest", 0 },
	{ ACT_QUIT, ACT_NONE, "quit", 1 },
	{ ACT_HELP, ACT_NONE, "help", 1 },
	{ ACT_NONE, ACT_NONE, NULL, 0 },
};

static const struct bar_item start_bar[] = {
	{ ACT_CONFIRM, ACT_NONE, "start", 1 },
	{ ACT_SAFETY, ACT_NONE, "safety", 0 },
	{ ACT_RUNS, ACT_NONE, "runs", 0 },
	{ ACT_QUIT, ACT_NONE, "quit", 1 },
	{ ACT_NONE, ACT_NONE, NULL, 0 },
};

static const struct bar_item safety_bar[] = {
	{ ACT_CONFIRM, ACT_NONE, "I have read this", 1 },
	{ ACT_QUIT, ACT_NONE, "quit", 1 },
	{ ACT_NONE, ACT_NONE, NULL, 0 },
};

static const struct bar_item advice_bar[] = {
	{ ACT_CONFIRM, ACT_NONE, "understood", 1 },
	{ ACT_NONE, ACT_NONE, NULL, 0 },
};

static const struct bar_item resume_bar[] = {
	{ ACT_YES, ACT_NONE, "resume", 1 },
	{ ACT_NO, ACT_NONE, "start again", 1 },
	{ ACT_QUIT, ACT_NONE, "quit", 1 },
	{ ACT_NONE, ACT_NONE, NULL, 0 },
};

static const struct bar_item test_bar[] = {
	{ ACT_YES, ACT_NONE, "yes, move on", 1 },
	{ ACT_NO, ACT_NONE, "not yet", 1 },
	{ ACT_NONE, ACT_NONE, NULL, 0 },
};

static const struct bar_item measure_bar[] = {
	{ ACT_CONFIRM, ACT_NONE, "do the test", 1 },
	{ ACT_NO, ACT_NONE, "not today", 1 },
	{ ACT_NONE, ACT_NONE, NULL, 0 },
};

static const struct bar_item pain_bar[] = {
	{ ACT_LESS, ACT_MORE, "choose", 1 },
	{ ACT_DIGIT, ACT_NONE, "rate", 0 },
	{ ACT_CONFIRM, ACT_NONE, "confirm", 1 },
	{ ACT_CANCEL, ACT_NONE, "skip", 1 },
	{ ACT_NONE, ACT_NONE, NULL, 0 },
};

static const struct bar_item note_bar[] = {
	{ ACT_CONFIRM, ACT_NONE, "finish", 1 },
	{ ACT_ERASE, ACT_NONE, "delete", 1 },
	{ ACT_NONE, ACT_NONE, NULL, 0 },
};

static const struct bar_item summary_bar[] = {
	{ ACT_ANY, ACT_NONE, "leave", 1 },
	{ ACT_NONE, ACT_NONE, NULL, 0 },
};

static const struct bar_item confirm_quit_bar[] = {
	{ ACT_YES, ACT_NONE, "quit", 1 },
	{ ACT_NO, ACT_NONE, "carry on", 1 },
	{ ACT_NONE, ACT_NONE, NULL, 0 },
};

static const struct bar_item triage_bar[] = {
	{ ACT_DIGIT, ACT_NONE, "answer", 1 },
	{ ACT_LESS, ACT_MORE, "mark", 0 },
	{ ACT_CONFIRM, ACT_NONE, "take", 1 },
	{ ACT_QUIT, ACT_NONE, "quit", 1 },
	{ ACT_NONE, ACT_NONE, NULL, 0 },
};

static const struct bar_item flag_bar[] = {
	{ ACT_YES, ACT_NONE, "yes", 1 },
	{ ACT_NO, ACT_NONE, "no", 1 },
	{ ACT_NONE, ACT_NONE, NULL, 0 },
};

static const struct bar_item stop_bar[] = {
	{ ACT_QUIT, ACT_NONE, "leave talus", 1 },
	{ ACT_NONE, ACT_NONE, NULL, 0 },
};

static const struct bar_item safety_again_bar[] = {
	{ ACT_ANY, ACT_NONE, "back", 1 },
	{ ACT_NONE, ACT_NONE, NULL, 0 },
};

static const struct bar_item runs_bar[] = {
	{ ACT_LOG, ACT_NONE, "log a run", 1 },
	{ ACT_QUIT, ACT_NONE, "back", 1 },
	{ ACT_NONE, ACT_NONE, NULL, 0 },
};

static const struct bar_item run_form_bar[] = {
	{ ACT_MORE, ACT_LESS, "field", 0 },
	{ ACT_PREV, ACT_NEXT, "choose", 0 },
	{ ACT_CONFIRM, ACT_NONE, "check", 1 },
	{ ACT_CANCEL, ACT_NONE, "cancel", 1 },
	{ ACT_NONE, ACT_NONE, NULL, 0 },
};

static const struct bar_item run_confirm_bar[] = {
	{ ACT_YES, ACT_NONE, "save", 1 },
	{ ACT_NO, ACT_NONE, "back", 1 },
	{ ACT_NONE, ACT_NONE, NULL, 0 },
};

const struct bar_item *const keymap_bar[KM_COUNT] = {
	[KM_RUNS] = runs_bar,
	[KM_RUN_FORM] = run_form_bar,
	[KM_RUN_CONFIRM] = run_confirm_bar,
	[KM_TRIAGE] = triage_bar,
	[KM_PATHWAY] = triage_bar,
	[KM_FLAG] = flag_bar,
	[KM_STOP] = stop_bar,
	[KM_SAFETY_AGAIN] = safety_again_bar,
	[KM_CONFIRM_QUIT] = confirm_quit_bar,
	[KM_SESSION] = session_bar,
	[KM_START] = start_bar,
	[KM_SAFETY] = safety_bar,
	[KM_ADVICE] = advice_bar,
	[KM_RESUME] = resume_bar,
	[KM_TEST] = test_bar,
	[KM_MEASURE] = measure_bar,
	[KM_PAIN] = pain_bar,
	[KM_NOTE] = note_bar,
	[KM_SUMMARY] = summary_bar,
};

enum ui_action key_action(enum keymap map, int code)
{
	enum ui_action any = ACT_NONE;

	for (size_t i = 0; i < key_binding_count; i++) {
		if (key_bindings[i].map != map)
			continue;
		if (key_bindings[i].key == code)
			return key_bindings[i].action;
		if (key_bindings[i].key == KEY_ANYKEY)
			any = key_bindings[i].action;
	}
	return any;
}

enum ui_action action_for_key(int key)
{
	return key_action(KM_SESSION, key >= KEY_MIN ? KEYCODE(key) : key);
}

const char *action_key_name(enum keymap map, enum ui_action action)
{
	for (size_t i = 0; i < key_binding_count; i++)
		if (key_bindings[i].map == map && key_bindings[i].action == action &&
		    key_bindings[i].name)
			return key_bindings[i].name;
	return NULL;
}
