/* What every screen has around its own content: the title bar, the line that says
 * records are not saved, and the key bar drawn from the key table. */
#include <stdio.h>
#include <string.h>

#include "text.h"
#include "ui_draw.h"
#include "ui_screen.h"

void draw_header(const struct ui *ui)
{
	const struct coach *c = ui->c;
	char left[160], date[DATE_BUF];
	struct civil_date cd = civil_from_days(c->today);

	date_format_short(c->today, date);
	snprintf(left, sizeof(left), " talus  %s  level %d of %d", c->program->title, c->level,
		 c->program->levels);
	attron(color_attr(UC_HEADER));
	mvhline(0, 0, ' ', COLS);
	attroff(color_attr(UC_HEADER));
	draw_text(0, 0, COLS, left, color_attr(UC_HEADER) | A_BOLD);
	snprintf(left, sizeof(left), "%s %d ", date, cd.year);
	if ((int)strlen(left) + text_width(c->program->title) + 24 < COLS)
		draw_text(0, COLS - (int)strlen(left), (int)strlen(left), left, color_attr(UC_HEADER));
}

void draw_status_line(const struct ui *ui)
{
	const char *err = coach_save_error(ui->c);
	char line[400];

	if (err) {
		snprintf(line, sizeof(line), "NOT SAVED, retrying: %s", err);
		draw_text(LINES - 2, 0, COLS, line, color_attr(UC_ALERT));
	} else if (ui->c->engine.paused && ui->visit->screen == VS_SESSION) {
		draw_text(LINES - 2, 0, COLS, "PAUSED: Space resumes", A_BOLD | A_BLINK);
	}
}

/* "Space", "+/-", "Left/Right": the keys of an item. */
static void item_keys(enum keymap map, const struct bar_item *it, char *buf, size_t len)
{
	const char *a = action_key_name(map, it->action), *b = action_key_name(map, it->also);

	snprintf(buf, len, "%s%s%s", a ? a : "?", b ? "/" : "", b ? b : "");
}

static int bar_width(enum keymap map, const struct bar_item *bar, bool essential_only)
{
	int w = 0;

	for (const struct bar_item *it = bar; it->label; it++) {
		char keys[64];
		if (essential_only && !it->essential)
			continue;
		item_keys(map, it, keys, sizeof(keys));
		w += 2 + text_width(keys) + 1 + text_width(it->label);
	}
	return w;
}

void draw_key_bar(enum keymap map)
{
	const struct bar_item *bar = keymap_bar[map];
	bool essential_only = bar_width(map, bar, false) > COLS;
	int x = 1;

	for (const struct bar_item *it = bar; it->label; it++) {
		char keys[64];
		int w;
		if (essential_only && !it->essential)
			continue;
		item_keys(map, it, keys, sizeof(keys));
		w = text_width(keys) + 1 + text_width(it->label);
		if (x + w > COLS)
			break; /* whole items or none: half a label misleads */
		draw_text(LINES - 1, x, w, keys, A_BOLD);
		draw_text(LINES - 1, x + text_width(keys) + 1, w, it->label, A_DIM);
		x += w + 2;
	}
}
