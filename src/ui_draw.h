/* Drawing helpers for the coach screen: big digits, bars, wrapped text. */
#ifndef TALUS_UI_DRAW_H
#define TALUS_UI_DRAW_H

#include <stdbool.h>

#include "program.h"
#include "ui_curses.h"

enum ui_color { UC_NONE, UC_WARMUP, UC_MAIN, UC_COOLDOWN, UC_ALERT, UC_HEADER, UC_COUNT };

void draw_init_colors(bool use_color);
/* The attribute for a colour role; A_NORMAL-based fallbacks without colour. */
attr_t color_attr(enum ui_color c);

/* Width in columns of text drawn by draw_big (digits, ':', '/' and the letters of
 * UP, HOLD and DOWN), each cell `scale` columns wide and `vscale` rows high. */
int big_width(const char *text, int scale);
#define BIG_HEIGHT 5
void draw_big(int y, int x, const char *text, int scale, int vscale, attr_t attr);

/* A bar of width cells filled to fraction (0-1). */
void draw_bar(int y, int x, int width, double fraction, bool utf8);

/* Text cut to width columns (UTF-8 aware). */
void draw_text(int y, int x, int width, const char *text, attr_t attr);
void draw_centered(int y, const char *text, attr_t attr);
/* Word-wraps text into at most max_lines lines; returns lines used. */
int draw_wrapped(int y, int x, int width, int max_lines, const char *text, attr_t attr);

/* The colour of a phase of the session. */
enum ui_color phase_color(enum phase p);

/* A line-drawn box. */
void draw_box(int y, int x, int h, int w);

/* "0:45", "1:30", "15:00" */
void format_clock(long secs, char *buf, size_t len);

#endif
