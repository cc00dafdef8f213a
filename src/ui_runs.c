/* The runs screen: the last weeks as a bar chart of weekly distance with the cap on the
 * next run, the pain after each run, and the form that logs a run. It only draws: the
 * numbers come from runs_chart.c, the form's states from run_form.c, the records from
 * coach_runs.c. A page like the others, so it wraps and scrolls and nothing is cut. */
#include <stdio.h>
#include <string.h>

#include "coach_runs.h"
#include "text.h"
#include "ui_draw.h"
#include "ui_screen.h"
#include "util.h"

#define LABEL_W 6  /* "23 Nov" */
#define VALUE_W 9  /* "1000.0 km", "123.45 mi" */
#define BAR_MIN 6  /* narrower than this, the weeks are a list */
#define BAR_MAX 100 /* wider is no clearer */
#define ROW_MAX 512 /* a page row's bytes */

/* The rows the page has (as page_draw works them out). */
static int page_rows(const struct ui *ui)
{
	int top = LINES >= 8 ? 2 : LINES >= 6 ? 1 : 0;

	return LINES - 1 - (status_line_used(ui) || LINES >= 8 ? 1 : 0) - top;
}

/* "23 Nov" */
static void day_month(day_t d, char *buf, size_t len)
{
	static const char *const month[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
					     "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct civil_date cd = civil_from_days(d);

	snprintf(buf, len, "%2d %s", cd.day, month[cd.month - 1]);
}

/* A bar of eighths of a cell: blocks and the partial one, or '#' without UTF-8. */
static void bar_text(int eighths, bool utf8, bool cap, char *buf, size_t len)
{
	static const char *const part[8] = { "", "\u258f", "\u258e", "\u258d", "\u258c",
					     "\u258b", "\u258a", "\u2589" };
	const char *full = utf8 ? (cap ? "\u2591" : "\u2588") : cap ? "=" : "#";
	size_t n = 0;
	int cells = utf8 && !cap ? eighths / 8 : (eighths + 4) / 8;

	if (!utf8 || cap)
		cells = eighths > 0 && cells == 0 ? 1 : cells;
	buf[0] = '\0';
	for (int i = 0; i < cells && n + 4 < len; i++)
		n += (size_t)snprintf(buf + n, len - n, "%s", full);
	if (utf8 && !cap && eighths % 8 && n + 4 < len)
		snprintf(buf + n, len - n, "%s", part[eighths % 8]);
}

/* One row of the chart: its label, its bar, its distance at the right. */
static void chart_row(const struct ui *ui, const struct runs_chart *ch, const char *label,
		      long metres, bool cap, attr_t attr)
{
	char row[ROW_MAX], bar[BAR_MAX * 3 + 8], value[32];
	int width = COLS - 2 - LABEL_W - VALUE_W - 2;

	if (width > BAR_MAX)
		width = BAR_MAX;

	format_distance(metres, ui->c->run_settings.units, value, sizeof(value));
	if (width < BAR_MIN) { /* a list */
		snprintf(row, sizeof(row), "%-*s  %s", LABEL_W, label, metres ? value : "-");
		page_text(row, attr);
		return;
	}
	bar_text(chart_eighths(ch, metres, width), ui->utf8, cap, bar, sizeof(bar));
	snprintf(row, sizeof(row), "%-*s %s%*s %*s", LABEL_W, label, bar,
		 width - text_width(bar), "", VALUE_W, metres ? value : "-");
	page_text(row, attr);
}

static void page_chart(const struct ui *ui, const struct coach_runs *r, int rows)
{
	const struct runs_chart *ch = &r->chart;
	enum units units = ui->c->run_settings.units;
	int weeks = chart_weeks_shown(rows);
	char line[400], d[32], l[32], why[96], date[DATE_BUF];

	/* on the smallest screens the rows go to the weeks */
	snprintf(line, sizeof(line), COLS >= 40 ? "Distance a week, the last %d weeks:"
						: "Weekly distance:", weeks);
	if (rows >= 6)
		page_text(line, A_BOLD);
	for (int w = RUNS_WEEKS - weeks; w < RUNS_WEEKS; w++) {
		day_month(ch->week[w].from, l, sizeof(l));
		chart_row(ui, ch, l, ch->week[w].metres, false,
			  w == RUNS_WEEKS - 1 ? A_BOLD : A_NORMAL);
	}
	if (ch->cap.metres > 0) {
		chart_row(ui, ch, "cap", ch->cap.metres, true, A_NORMAL);
		format_distance(ch->cap.metres, units, d, sizeof(d));
		run_cap_longest(&ch->cap, units, why, sizeof(why));
		snprintf(line, sizeof(line), "Next run: at most %s (%d%% of your longest in %d days, "
			 "%s).", d, RUN_CAP_PERCENT, RUN_CAP_DAYS, why);
	} else {
		snprintf(line, sizeof(line), "No run in the last %d days: no cap yet.", RUN_CAP_DAYS);
	}
	page_text(line, A_NORMAL);
	if (ch->cap.held) {
		date_format_short(ch->cap.held_day, date);
		snprintf(line, sizeof(line), "The run on %s hurt (above %d): it does not raise the cap.",
			 date, RUN_PAIN_MAX);
		page_text(line, color_attr(UC_ALERT));
	}
	if (ch->has_change) { /* a week under way: how much of last week's it has reached */
		format_distance(ch->week[RUNS_WEEKS - 1].metres, units, d, sizeof(d));
		format_distance(ch->week[RUNS_WEEKS - 2].metres, units, l, sizeof(l));
		snprintf(line, sizeof(line), "This week so far %s, %ld%% of last week's %s.", d,
			 100 + ch->change, l);
		page_text(line, A_NORMAL);
	}
}

static void page_pains(const struct ui *ui, const struct coach_runs *r)
{
	char lead[DATE_BUF], text[160], d[32], m[48];

	page_text("Pain during each run and the morning after:", A_BOLD);
	if (!r->npains) {
		page_text("No runs in these weeks: l logs one.", A_NORMAL);
		return;
	}
	for (size_t i = 0; i < r->npains; i++) {
		const struct run_pain *p = &r->pains[i];
		bool hurt = p->pain > RUN_PAIN_MAX || p->morning > RUN_PAIN_MAX;
		date_format_short(p->day, lead);
		format_distance(p->metres, ui->c->run_settings.units, d, sizeof(d));
		snprintf(m, sizeof(m), p->morning >= 0 ? "%d" : "-", p->morning);
		if (p->pain >= 0)
			snprintf(text, sizeof(text), "%s, during %d, morning after %s", d, p->pain, m);
		else
			snprintf(text, sizeof(text), "%s, during -, morning after %s", d, m);
		page_hanging(lead, A_NORMAL, 12, text, hurt ? color_attr(UC_ALERT) : A_NORMAL);
	}
}

/* The hint under the field in focus; the distance's with the cap, the guide while typing it. */
static void field_hint(const struct run_form *f, const struct run_cap *cap, char *buf, size_t len)
{
	struct strbuf sb;
	char d[32];

	switch (f->field) {
	case RF_DISTANCE:
		format_distance(cap->metres, f->units, d, sizeof(d));
		snprintf(buf, len, "8.2km, 5mi, 800m or a number in %s%s%s",
			 f->units == UNITS_MI ? "mi" : "km", cap->metres > 0 ? "; the cap: " : "",
			 cap->metres > 0 ? d : "");
		return;
	case RF_TIME:
		snprintf(buf, len, "45:10, 1:02:30, 45m or 1h5m; or none");
		return;
	case RF_PAIN:
		snprintf(buf, len, "0-10 during the run (Left/Right); or none");
		return;
	case RF_SHOES:
		sb_init(&sb);
		for (int i = 0; i < f->npairs; i++)
			sb_printf(&sb, "%s%s", i ? ", " : "Left/Right: ", f->pairs[i]);
		sb_puts(&sb, f->npairs ? "; or type a name" : "type a name; or none");
		copy_str(buf, len, sb.buf);
		sb_free(&sb);
		return;
	default:
		snprintf(buf, len, "Left/Right: road, trail, track, treadmill, grass; or none");
		return;
	}
}

/* The fields; the one in focus kept on the screen. */
static void page_form(struct ui *ui, const struct coach_runs *r, int rows)
{
	const struct run_form *f = &r->form;
	int focus = 0, key = 0;
	char value[REC_NAME_MAX + 8], hint[400];

	page_text("Log a run:", A_BOLD);
	for (int i = 0; i < RF_COUNT; i++) {
		bool on = (int)f->field == i;
		if (i == RF_SURFACE)
			copy_str(value, sizeof(value), f->surface >= 0 ? surface_name[f->surface] : "");
		else
			copy_str(value, sizeof(value), f->text[i]);
		if (on && i < RF_TEXT_FIELDS)
			strcat(value, "_");
		else if (!value[0])
			copy_str(value, sizeof(value), "-");
		if (on)
			focus = page_count();
		page_hanging(run_field_label[i], on ? A_BOLD : A_NORMAL, 10, value,
			     on ? A_REVERSE : A_NORMAL);
		/* an error stays under the field it is about, not the one in focus */
		if (f->error[0] && (int)f->error_field == i) {
			if (on)
				key = page_count(); /* the error's first line */
			page_hanging("", A_NORMAL, 2, f->error, color_attr(UC_ALERT) | A_BOLD);
		} else if (on) {
			key = page_count() - 1; /* the value's last line */
			field_hint(f, &r->chart.cap, hint, sizeof(hint));
			page_hanging("", A_NORMAL, 2, hint, A_DIM);
		}
	}
	/* the field and its error on the screen, between the marks of more above and below */
	if (rows >= 3) {
		if (key - focus + 1 > rows - 2)
			focus = key - (rows - 2) + 1;
		if (key + 2 > ui->scroll + rows)
			ui->scroll = key + 2 - rows;
		if (focus - 1 < ui->scroll)
			ui->scroll = focus > 0 ? focus - 1 : 0;
	}
}

static void page_confirm(const struct coach_runs *r)
{
	const struct run_form *f = &r->form;

	page_text("Save this run?", A_BOLD);
	if (r->caution[0])
		page_text(r->caution, color_attr(UC_ALERT) | A_BOLD);
	page_text(f->summary, A_NORMAL);
	if (f->warning[0])
		page_text(f->warning, color_attr(UC_ALERT) | A_BOLD);
	page_text("y saves it, n goes back to the form.", A_DIM);
}

static enum keymap runs_keymap(const struct ui *ui)
{
	const struct coach_runs *r = ui->c->runs;

	if (!r || !r->form_open)
		return KM_RUNS;
	return r->form.state == RFS_CONFIRM ? KM_RUN_CONFIRM : KM_RUN_FORM;
}

static void draw_runs(struct ui *ui, int64_t now)
{
	struct coach_runs *r = ui->c->runs;
	int rows = page_rows(ui);

	(void)now;
	draw_header(ui);
	page_begin();
	if (!r) {
		page_text("The runs are not read yet.", A_NORMAL);
	} else if (r->form_open && r->form.state == RFS_CONFIRM) {
		page_confirm(r);
	} else if (r->form_open) {
		page_form(ui, r, rows);
	} else {
		if (r->caution[0]) {
			page_text(r->caution, color_attr(UC_ALERT) | A_BOLD);
			rows -= 2;
		}
		if (r->said[0]) {
			page_text(r->said, A_BOLD);
			rows--;
		}
		if (r->warning[0]) {
			page_text(r->warning, color_attr(UC_ALERT) | A_BOLD);
			rows -= 2;
		}
		page_chart(ui, r, rows);
		page_gap();
		page_pains(ui, r);
	}
	page_draw(ui);
	draw_status_line(ui);
	draw_key_bar(runs_keymap(ui));
}

/* A key on the form: the table's, else a character typed into the field. */
static unsigned form_key(struct ui *ui, struct coach_runs *r, int code, wint_t wc)
{
	struct run_form *f = &r->form;
	enum ui_action act = key_action(runs_keymap(ui), code);
	bool changed;

	switch (act) {
	case ACT_MORE: changed = run_form_move(f, 1); break;
	case ACT_LESS: changed = run_form_move(f, -1); break;
	case ACT_PREV: changed = run_form_choose(f, -1); break;
	case ACT_NEXT: changed = run_form_choose(f, 1); break;
	case ACT_ERASE: changed = run_form_erase(f); break;
	case ACT_CONFIRM: changed = run_form_submit(f, &r->chart.cap); break;
	case ACT_CANCEL: changed = run_form_cancel(f); break;
	case ACT_YES: changed = run_form_answer(f, true); break;
	case ACT_NO: changed = run_form_answer(f, false); break;
	case ACT_NONE:
		changed = !(code & KEYCODE(0)) && run_form_type(f, (uint32_t)wc);
		break;
	default:
		return page_key(ui, act);
	}
	if (f->state == RFS_CONFIRM || f->state == RFS_SAVED || f->state == RFS_CANCELLED)
		ui->scroll = 0;
	if (f->state == RFS_SAVED || f->state == RFS_CANCELLED)
		coach_runs_form_done(ui->c, ui_wall(ui));
	return changed ? ENG_CHANGED : 0;
}

static unsigned runs_key(struct ui *ui, int code, wint_t wc, int64_t now)
{
	struct coach_runs *r = ui->c->runs;
	enum ui_action act = key_action(KM_RUNS, code);

	(void)now;
	if (r && r->form_open)
		return form_key(ui, r, code, wc);
	switch (act) {
	case ACT_LOG:
		coach_runs_form(ui->c, ui_wall(ui));
		ui->scroll = 0;
		return ENG_CHANGED;
	case ACT_QUIT:
		return visit_runs(ui->visit, false, ui_wall(ui));
	default:
		return page_key(ui, act);
	}
}

/* A paste goes into the field in focus. */
static unsigned runs_paste(struct ui *ui, wint_t wc)
{
	struct coach_runs *r = ui->c->runs;

	if (!r || !r->form_open)
		return 0;
	return run_form_type(&r->form, (uint32_t)wc) ? ENG_CHANGED : 0;
}

const struct screen_ops runs_screen = { .draw = draw_runs, .key = runs_key, .keymap = KM_RUNS,
				       .paste = runs_paste, .keys = runs_keymap };
