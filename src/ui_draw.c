#include "ui_draw.h"

#include <stdio.h>
#include <string.h>

#include "text.h"
#include "util.h"

static bool have_color;

/* A 3x5 font, '#' for a filled cell. */
static const struct glyph {
	char c;
	int width;
	const char *rows[BIG_HEIGHT];
} font[] = {
	{ '0', 3, { "###", "# #", "# #", "# #", "###" } },
	{ '1', 3, { " # ", "## ", " # ", " # ", "###" } },
	{ '2', 3, { "###", "  #", "###", "#  ", "###" } },
	{ '3', 3, { "###", "  #", "###", "  #", "###" } },
	{ '4', 3, { "# #", "# #", "###", "  #", "  #" } },
	{ '5', 3, { "###", "#  ", "###", "  #", "###" } },
	{ '6', 3, { "###", "#  ", "###", "# #", "###" } },
	{ '7', 3, { "###", "  #", "  #", "  #", "  #" } },
	{ '8', 3, { "###", "# #", "###", "# #", "###" } },
	{ '9', 3, { "###", "# #", "###", "  #", "###" } },
	{ ':', 1, { " ", "#", " ", "#", " " } },
	/* the beat of a paced set, big: UP, HOLD, DOWN */
	{ 'U', 3, { "# #", "# #", "# #", "# #", "###" } },
	{ 'P', 3, { "###", "# #", "###", "#  ", "#  " } },
	{ 'H', 3, { "# #", "# #", "###", "# #", "# #" } },
	{ 'O', 3, { "###", "# #", "# #", "# #", "###" } },
	{ 'L', 3, { "#  ", "#  ", "#  ", "#  ", "###" } },
	{ 'D', 3, { "## ", "# #", "# #", "# #", "## " } },
	{ 'W', 5, { "#   #", "#   #", "# # #", "# # #", " # # " } },
	{ 'N', 4, { "#  #", "## #", "# ##", "#  #", "#  #" } },
	/* walk/run: WALK, RUN */
	{ 'A', 3, { " # ", "# #", "###", "# #", "# #" } },
	{ 'K', 3, { "# #", "# #", "## ", "# #", "# #" } },
	{ 'R', 3, { "## ", "# #", "## ", "# #", "# #" } },
	{ '/', 3, { "  #", "  #", " # ", "#  ", "#  " } },
	{ ' ', 1, { " ", " ", " ", " ", " " } },
};

static const struct glyph *glyph_for(char c)
{
	for (size_t i = 0; i < ARRAY_SIZE(font); i++)
		if (font[i].c == c)
			return &font[i];
	return &font[ARRAY_SIZE(font) - 1];
}

void draw_init_colors(bool use_color)
{
	have_color = use_color && has_colors() && start_color() == OK;
	if (!have_color)
		return;
	use_default_colors();
	init_pair(UC_WARMUP, COLOR_YELLOW, -1);
	init_pair(UC_MAIN, COLOR_GREEN, -1);
	init_pair(UC_COOLDOWN, COLOR_CYAN, -1);
	init_pair(UC_ALERT, COLOR_RED, -1);
	init_pair(UC_HEADER, COLOR_BLACK, COLOR_CYAN);
}

attr_t color_attr(enum ui_color c)
{
	if (c == UC_NONE)
		return A_NORMAL;
	if (!have_color)
		return c == UC_HEADER ? A_REVERSE : c == UC_ALERT ? A_BOLD : A_NORMAL;
	return COLOR_PAIR(c) | (c == UC_ALERT ? A_BOLD : 0);
}

int big_width(const char *text, int scale)
{
	int w = 0;

	for (const char *p = text; *p; p++)
		w += (glyph_for(*p)->width * scale) + (p[1] ? 1 : 0);
	return w;
}

void draw_big(int y, int x, const char *text, int scale, int vscale, attr_t attr)
{
	for (const char *p = text; *p; p++) {
		const struct glyph *g = glyph_for(*p);
		for (int row = 0; row < BIG_HEIGHT * vscale; row++)
			for (int col = 0; col < g->width; col++)
				for (int s = 0; s < scale; s++)
					mvaddch(y + row, x + col * scale + s,
						' ' | (g->rows[row / vscale][col] == '#' ? (attr | A_REVERSE)
											 : A_NORMAL));
		x += g->width * scale + 1;
	}
}

void draw_bar(int y, int x, int width, double fraction, bool utf8)
{
	int filled;

	if (width < 3)
		return;
	if (fraction < 0)
		fraction = 0;
	if (fraction > 1)
		fraction = 1;
	filled = (int)(fraction * (width - 2) + 0.5);
	mvaddch(y, x, '[');
	for (int i = 0; i < width - 2; i++) {
		if (utf8)
			mvaddstr(y, x + 1 + i, i < filled ? "█" : "·");
		else
			mvaddch(y, x + 1 + i, i < filled ? '#' : '-');
	}
	mvaddch(y, x + width - 1, ']');
}

void draw_text(int y, int x, int width, const char *text, attr_t attr)
{
	if (width <= 0 || y < 0 || y >= LINES)
		return;
	attron(attr);
	mvaddnstr(y, x, text, (int)text_fit(text, width));
	attroff(attr);
}

void draw_centered(int y, const char *text, attr_t attr)
{
	int w = text_width(text);
	int x = w >= COLS ? 0 : (COLS - w) / 2;

	draw_text(y, x, COLS - x, text, attr);
}

int draw_wrapped(int y, int x, int width, int max_lines, const char *text, attr_t attr)
{
	int lines = 0;

	attron(attr);
	while (*text && lines < max_lines) {
		const char *line = text;
		size_t n = text_wrap(line, width, &text);
		mvaddnstr(y + lines, x, line, (int)n);
		lines++;
	}
	attroff(attr);
	return lines;
}

enum ui_color phase_color(enum phase p)
{
	return p == PHASE_WARMUP ? UC_WARMUP : p == PHASE_MAIN ? UC_MAIN : UC_COOLDOWN;
}

void draw_box(int y, int x, int h, int w)
{
	mvaddch(y, x, ACS_ULCORNER);
	mvhline(y, x + 1, ACS_HLINE, w - 2);
	mvaddch(y, x + w - 1, ACS_URCORNER);
	mvvline(y + 1, x, ACS_VLINE, h - 2);
	mvvline(y + 1, x + w - 1, ACS_VLINE, h - 2);
	mvaddch(y + h - 1, x, ACS_LLCORNER);
	mvhline(y + h - 1, x + 1, ACS_HLINE, w - 2);
	mvaddch(y + h - 1, x + w - 1, ACS_LRCORNER);
}

void format_clock(long secs, char *buf, size_t len)
{
	if (secs < 0)
		secs = 0;
	snprintf(buf, len, "%ld:%02ld", secs / 60, secs % 60); /* one format: 0:45, 1:30, 15:00 */
}
