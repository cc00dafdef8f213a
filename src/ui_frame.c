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
	char left[160], date[DATE_BUF], level[40];
	struct civil_date cd = civil_from_days(c->today);

	if (LINES < 6) /* the smallest screens give the row to the page */
		return;
	date_format_short(c->today, date);
	format_level(c->program, c->level, level, sizeof(level));
	snprintf(left, sizeof(left), " talus  %s  %s", c->program->title, level);
	if (c->ask_triage) /* before the triage has chosen it, no program is named */
		snprintf(left, sizeof(left), " talus");
	if (text_width(left) > COLS && c->level == 0) /* narrow: the title and the level */
		snprintf(left, sizeof(left), " %s  0 (protective)", c->program->title);
	else if (text_width(left) > COLS)
		snprintf(left, sizeof(left), " %s  %d/%d", c->program->title, c->level,
			 c->program->levels);
	attron(color_attr(UC_HEADER));
	mvhline(0, 0, ' ', COLS);
	attroff(color_attr(UC_HEADER));
	draw_text(0, 0, COLS, left, color_attr(UC_HEADER) | A_BOLD);
	snprintf(left, sizeof(left), "%s %d ", date, cd.year);
	if ((int)strlen(left) + text_width(c->program->title) + 24 < COLS)
		draw_text(0, COLS - (int)strlen(left), (int)strlen(left), left, color_attr(UC_HEADER));
}

bool status_line_used(const struct ui *ui)
{
	return coach_save_error(ui->c) ||
	       (ui->c->engine.paused && ui->visit->screen == VS_SESSION);
}

void draw_status_line(const struct ui *ui)
{
	const char *err = coach_save_error(ui->c);
	char line[400];

	if (err) {
		snprintf(line, sizeof(line), "NOT SAVED, retrying: %s", err);
		draw_text(LINES - 2, 0, COLS, line, color_attr(UC_ALERT));
	} else if (ui->c->engine.paused && ui->visit->screen == VS_SESSION) {
		draw_text(LINES - 2, 1, COLS - 1, COLS >= 23 ? "PAUSED: Space resumes" : "PAUSED (Space)",
			  A_BOLD | A_BLINK);
	}
}

/* The options of the list on screen, for its digits' range; 0 when no list. */
static int bar_choices;

/* "Space", "+/-", "Left/Right": the keys of an item; a list's digits as far as it goes. */
static void item_keys(enum keymap map, const struct bar_item *it, char *buf, size_t len)
{
	const char *a = action_key_name(map, it->action), *b = action_key_name(map, it->also);

	if (it->action == ACT_DIGIT && bar_choices > 0) {
		snprintf(buf, len, bar_choices == 1 ? "1" : "1-%d", bar_choices);
		return;
	}
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
			continue; /* whole items or none: half a label misleads */
		draw_text(LINES - 1, x, w, keys, A_BOLD);
		draw_text(LINES - 1, x + text_width(keys) + 1, w, it->label, A_DIM);
		x += w + 2;
	}
}

void draw_read_on_bar(bool quit)
{
	draw_text(LINES - 1, 1, COLS - 1, "Down", A_BOLD);
	draw_text(LINES - 1, 6, COLS - 6, "reads on", A_DIM);
	if (quit && COLS >= 23) {
		draw_text(LINES - 1, 16, COLS - 16, "q", A_BOLD);
		draw_text(LINES - 1, 18, COLS - 18, "quit", A_DIM);
	}
}

void draw_key_bar_choices(enum keymap map, int choices)
{
	bar_choices = choices;
	draw_key_bar(map);
	bar_choices = 0;
}

/* ---- pages ---- */

#define PAGE_LINES 400
#define PAGE_COLS 512

/* A row of a page: a lead (a label, in its own attribute) and the text after it. */
static struct page_line {
	char text[PAGE_COLS];
	size_t lead;
	attr_t lead_attr, attr;
	int x;
	bool focus; /* the marked option: always shown */
} page[PAGE_LINES];
static int page_n;
static bool focusing;

void page_begin(void)
{
	page_n = 0;
	focusing = false;
}

void page_focus(bool on)
{
	focusing = on;
}

static void page_line(int x, const char *lead, attr_t lead_attr, int indent, const char *text,
		      size_t len, attr_t attr)
{
	struct page_line *l;
	int pad = indent - text_width(lead);

	if (page_n >= PAGE_LINES)
		return;
	l = &page[page_n++];
	snprintf(l->text, sizeof(l->text), "%s%*s%.*s", lead, pad > 0 ? pad : 0, "", (int)len, text);
	l->lead = strlen(lead);
	l->lead_attr = lead_attr;
	l->attr = attr;
	l->x = x;
	l->focus = focusing;
}

int page_count(void)
{
	return page_n;
}

void page_gap(void)
{
	if (page_n > 0 && page[page_n - 1].text[0])
		page_line(0, "", A_NORMAL, 0, "", 0, A_NORMAL);
}

/* The page's margin, each side. */
static int margin(void)
{
	return 1;
}

void page_hanging(const char *lead, attr_t lead_attr, int indent, const char *text, attr_t attr)
{
	int m = margin(), width = COLS - 2 * m - indent;
	bool first = true;

	if (*lead && width < 12) { /* too narrow for columns: the lead, then the text under it */
		page_text(lead, lead_attr);
		page_hanging("", A_NORMAL, 2, text, attr);
		return;
	}
	if (width < 1)
		width = 1;
	do {
		const char *line = text;
		size_t n = text_wrap(line, width, &text);
		page_line(m, first ? lead : "", lead_attr, indent, line, n, attr);
		first = false;
	} while (*text);
}

void page_text(const char *text, attr_t attr)
{
	if (*text)
		page_hanging("", A_NORMAL, 0, text, attr);
}

static int view_top(int s, int rows);

/* Scrolls so the focused lines show between the "more" rows: a mark moved by Down on
 * a small screen takes the page along, so the option marked is the one read. */
static void scroll_to_focus(struct ui *ui, int rows)
{
	int first = -1, last = -1;

	for (int i = 0; i < page_n; i++)
		if (page[i].focus) {
			if (first < 0)
				first = i;
			last = i;
		}
	for (int guard = 0; first >= 0 && guard < page_n; guard++) {
		int s = ui->scroll;
		if (first < view_top(s, rows) && s > 0)
			ui->scroll--;
		else if (last > s + rows - 1 - (s + rows < page_n) && s + rows < page_n &&
			 first >= view_top(s + 1, rows))
			ui->scroll++;
		else
			break;
	}
}

/* The first line of text shown from scroll s: below the "more above" row. */
static int view_top(int s, int rows)
{
	return s + (s > 0 && rows > 2);
}

void page_draw(struct ui *ui)
{
	int top = LINES >= 8 ? 2 : LINES >= 6 ? 1 : 0;
	int bottom = LINES - 1 - (status_line_used(ui) || LINES >= 8 ? 1 : 0); /* exclusive */
	int rows = bottom - top;

	if (rows < 1)
		return;
	if (page_n > rows) { /* too long: the blank lines go first */
		int kept = 0;
		for (int i = 0; i < page_n; i++)
			if (page[i].text[0])
				page[kept++] = page[i];
		page_n = kept;
	}
	scroll_to_focus(ui, rows);
	if (ui->scroll > page_n - rows)
		ui->scroll = page_n - rows;
	if (ui->scroll < 0)
		ui->scroll = 0;
	ui->page_rows = rows;
	ui->more_below = ui->scroll + rows < page_n;
	for (int i = 0; i < rows && ui->scroll + i < page_n; i++) {
		const struct page_line *l = &page[ui->scroll + i];
		if (i == 0 && ui->scroll > 0 && rows > 2) { /* a row of its own: never over text */
			draw_text(top, 0, COLS, COLS < 30 ? "-- more --" : "  -- more above: Up --",
				  A_REVERSE);
			continue;
		}
		if (i == rows - 1 && ui->more_below) {
			/* where Up and Down choose (a rating, an option), PgDn scrolls */
			const struct screen_ops *s = screen_for(ui->visit->screen);
			enum ui_action down = key_action(ui->help ? KM_HELP
								  : s->keys ? s->keys(ui) : s->keymap,
							 KEYCODE(KEY_DOWN));
			bool pain = down != ACT_SCROLL_DOWN;
			draw_text(top + i, 0, COLS, COLS < 30 ? "-- more --"
						    : pain ? "  -- more below: PgDn --" : "  -- more below: Down --",
				  A_REVERSE);
			break;
		}
		draw_text(top + i, l->x, COLS - l->x, l->text, l->lead_attr);
		mvaddstr(top + i, l->x, ""); /* the text after the lead in its own attribute */
		draw_text(top + i, l->x + text_width_n(l->text, l->lead), COLS - l->x - text_width_n(l->text, l->lead),
			  l->text + l->lead, l->attr);
	}
}

unsigned page_key(struct ui *ui, enum ui_action act)
{
	int page = ui->page_rows > 2 ? ui->page_rows - 1 : 1, rows, before = ui->scroll;

	switch (act) {
	case ACT_SCROLL_UP: rows = -1; break;
	case ACT_SCROLL_DOWN: rows = 1; break;
	case ACT_PAGE_UP: rows = -page; break;
	case ACT_PAGE_DOWN: rows = page; break;
	default: return 0;
	}
	if (rows > 0 && !ui->more_below)
		return 0;
	ui->scroll += rows;
	if (ui->scroll < 0)
		ui->scroll = 0;
	return ui->scroll != before ? ENG_CHANGED : 0;
}
