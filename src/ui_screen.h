/* What the screens share: the coach screen's state and the operations of one screen.
 * ui.c runs the loop and calls the screen in force through its screen_ops, as tig's
 * view_ops and htop's InfoScreenClass do; a screen never draws another screen. */
#ifndef TALUS_UI_SCREEN_H
#define TALUS_UI_SCREEN_H

#include <stdbool.h>
#include <stdint.h>
#include <wchar.h>

#include "cues.h"
#include "ui.h"
#include "ui_curses.h"
#include "visit.h"

/* Below this the coach pauses and says the terminal is too small. */
#define UI_MIN_COLS 20
#define UI_MIN_LINES 5

struct ui {
	struct visit *visit;
	struct coach *c;           /* visit->coach */
	const struct ui_options *opt;
	bool help;                 /* the key help is open over the session */
	bool help_paused;          /* the help paused the session, and resumes it on close */
	bool too_small;
	bool auto_paused;
	bool utf8;
	int choice;                /* the pain being chosen */
	int64_t last_now;
	int64_t boot_gap;          /* CLOCK_BOOTTIME - CLOCK_MONOTONIC at the last pass */
	int64_t next_retry;
	bool drawn;                /* the first frame is out (for --trace) */
	bool pasting;              /* between the brackets of a paste */
	int scroll;                /* first line of a page shown */
	bool more_below;           /* the page did not fit: the last draw said so */
	int page_rows;             /* rows the page had, for a page down */
	struct cue_state cues;     /* the spoken cues given in this step (ui_voice.c) */
};

struct screen_ops {
	void (*draw)(struct ui *ui, int64_t now);
	/* A key (a code from key_action's set; wc the character when it is one): returns
	 * what changed, as the visit's calls do. */
	unsigned (*key)(struct ui *ui, int code, wint_t wc, int64_t now);
	enum keymap keymap;
	/* A character of pasted text; NULL: a paste means nothing here and is dropped. */
	unsigned (*paste)(struct ui *ui, wint_t wc);
	/* The keys in force when they change with the screen's state; NULL: keymap. */
	enum keymap (*keys)(const struct ui *ui);
};

extern const struct screen_ops session_screen;
extern const struct screen_ops pain_screen, note_screen, test_screen, resume_screen;
extern const struct screen_ops start_screen, safety_screen, advice_screen, summary_screen;
extern const struct screen_ops triage_screen, pathway_screen;
extern const struct screen_ops flag_screen, stop_screen, safety_again_screen;
extern const struct screen_ops runs_screen;

/* The screen in force for each of the visit's; and one whole frame drawn. */
const struct screen_ops *screen_for(enum visit_screen s);
void ui_draw(struct ui *ui, int64_t now);

/* A walk/run interval on the session screen (ui_walkrun.c): "run 2 of 3"; the big
 * text, the line under it, its 20-column form and colour; the interval after it. */
void interval_set_text(const struct step *s, char *buf, size_t len);
void interval_clock(const struct ui *ui, int64_t at, char *big, size_t big_len, char *line,
		    size_t line_len, char *short_line, size_t short_len, attr_t *attr);
bool interval_next_text(const struct ui *ui, char *buf, size_t len);

/* The records' clock (moved by --date). */
time_t ui_wall(const struct ui *ui);
void ui_ring(const struct ui *ui);

/* Spoken cues (ui_voice.c): the cues due now, spoken or rung; and how long until the
 * next is due, or a cue sounding is to be reaped (-1: no need to wake). */
void ui_voice_pass(struct ui *ui, int64_t now);
/* Has the visit call ui_voice_pass as each step begins, ahead of the disk. */
void ui_voice_attach(struct ui *ui);
int64_t ui_voice_wait_ms(const struct ui *ui, int64_t now);

/* The pieces every screen has: the title bar, the save-error line, the key bar. */
void draw_header(const struct ui *ui);
void draw_status_line(const struct ui *ui);
void draw_key_bar(enum keymap map);
/* The same over a list of `choices` options: its digits read "1-3", not every digit bound. */
void draw_key_bar_choices(enum keymap map, int choices);
/* True when the status line has something to say (so the row is taken). */
bool status_line_used(const struct ui *ui);

/* A page: paragraphs wrapped to the width, shown from ui->scroll between the title
 * bar and the status line, with a mark when more is below (Down or PgDn shows it).
 * Every text screen is one, so nothing is cut at any size. */
void page_begin(void);
void page_text(const char *text, attr_t attr);
/* A paragraph whose wrapped lines go on at an indent; the first line starts with
 * lead (a label), padded to indent. */
void page_hanging(const char *lead, attr_t lead_attr, int indent, const char *text, attr_t attr);
void page_gap(void);
/* Lines added while on are kept in view by page_draw (the option marked). */
void page_focus(bool on);
void page_draw(struct ui *ui);
/* In place of the key bar while the page has more below: "Down reads on" (and q). */
void draw_read_on_bar(bool quit);
/* The lines the page holds so far (where the next one goes). */
int page_count(void);
/* The scrolling actions (a line or a page, up or down); 0 for any other action. */
unsigned page_key(struct ui *ui, enum ui_action act);

#endif
