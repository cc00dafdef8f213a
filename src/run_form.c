#include "run_form.h"

#include <stdio.h>
#include <string.h>

#include "runs_report.h"

const char *const run_field_label[RF_COUNT] = {
	[RF_DISTANCE] = "Distance", [RF_TIME] = "Time", [RF_PAIN] = "Pain",
	[RF_SHOES] = "Shoes", [RF_SURFACE] = "Surface",
};

void run_form_open(struct run_form *f, const struct session_log *log, enum units units,
		   int64_t now)
{
	memset(f, 0, sizeof(*f));
	f->units = units;
	f->surface = -1;
	f->pair = -1;
	for (size_t i = log->nruns; i-- > 0 && f->npairs < RUN_FORM_PAIRS;) {
		const struct run *r = &log->runs[i];
		bool seen = false, retired;
		if (!r->shoes[0] || r->when > now)
			continue;
		for (int j = 0; j < f->npairs && !seen; j++)
			seen = strcmp(f->pairs[j], r->shoes) == 0;
		if (seen || shoes_distance(log, r->shoes, now, &retired) < 0 || retired)
			continue;
		copy_str(f->pairs[f->npairs++], sizeof(f->pairs[0]), r->shoes);
	}
}

static bool editing(const struct run_form *f)
{
	return f->state == RFS_EDIT;
}

/* The field in focus was edited: its error, if it had one, is no longer known to hold. */
static bool edited(struct run_form *f)
{
	if (f->error[0] && f->error_field == f->field)
		f->error[0] = '\0';
	return true;
}

bool run_form_move(struct run_form *f, int dir)
{
	int to = (int)f->field + dir;

	if (!editing(f) || to < 0 || to >= RF_COUNT)
		return false;
	f->field = (enum run_field)to;
	return true;
}

/* cp as UTF-8 in out (4 bytes and a NUL); its length, 0 for a control, a surrogate or
 * beyond Unicode. */
static size_t utf8_of(uint32_t cp, char *out)
{
	size_t n;

	if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0xd800 && cp < 0xe000) || cp > 0x10ffff)
		return 0;
	if (cp < 0x80) {
		out[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		n = 2;
	} else if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		n = 3;
	} else {
		out[0] = (char)(0xf0 | (cp >> 18));
		out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[3] = (char)(0x80 | (cp & 0x3f));
		n = 4;
	}
	out[n] = '\0';
	return n;
}

bool run_form_type(struct run_form *f, uint32_t cp)
{
	char mb[5], *text;
	size_t n, len, max = REC_NAME_MAX;

	if (!editing(f) || f->field >= RF_TEXT_FIELDS || !(n = utf8_of(cp, mb)))
		return false;
	if (f->field == RF_PAIN && (cp < '0' || cp > '9'))
		return false;
	if ((f->field == RF_DISTANCE || f->field == RF_TIME) && (cp <= ' ' || cp >= 0x7f))
		return false;
	if (f->field == RF_PAIN)
		max = 2;
	else if (f->field != RF_SHOES)
		max = 16;
	text = f->text[f->field];
	len = strlen(text);
	if (len + n > max)
		return false;
	memcpy(text + len, mb, n + 1);
	if (f->field == RF_SHOES)
		f->pair = -1; /* a name of its own */
	return edited(f);
}

bool run_form_erase(struct run_form *f)
{
	char *text;
	size_t len;

	if (!editing(f) || f->field >= RF_TEXT_FIELDS)
		return false;
	text = f->text[f->field];
	if (!(len = strlen(text)))
		return false;
	while (len > 0 && ((unsigned char)text[--len] & 0xc0) == 0x80)
		;
	text[len] = '\0';
	if (f->field == RF_SHOES)
		f->pair = -1;
	return edited(f);
}

bool run_form_choose(struct run_form *f, int dir)
{
	long pain;

	if (!editing(f))
		return false;
	switch (f->field) {
	case RF_SHOES:
		if (!f->npairs)
			return false;
		/* -1 (none) .. npairs-1, round */
		f->pair = (f->pair + 1 + dir + f->npairs + 1) % (f->npairs + 1) - 1;
		copy_str(f->text[RF_SHOES], sizeof(f->text[0]), f->pair >= 0 ? f->pairs[f->pair] : "");
		return edited(f);
	case RF_SURFACE:
		f->surface = (f->surface + 1 + dir + SURFACE_COUNT + 1) % (SURFACE_COUNT + 1) - 1;
		return edited(f);
	case RF_PAIN:
		if (!f->text[RF_PAIN][0])
			pain = dir > 0 ? 0 : 10;
		else if (!parse_long(f->text[RF_PAIN], 0, 10, &pain) ||
			 (pain += dir) < 0 || pain > 10)
			return false;
		snprintf(f->text[RF_PAIN], sizeof(f->text[0]), "%ld", pain);
		return edited(f);
	default:
		return false;
	}
}

static bool refuse(struct run_form *f, enum run_field field, const char *why)
{
	copy_str(f->error, sizeof(f->error), why);
	f->error_field = f->field = field;
	return true;
}

bool run_form_submit(struct run_form *f, const struct run_cap *cap)
{
	struct run_entry *e = &f->entry;
	const char *unit = f->units == UNITS_MI ? "mi" : "km";
	char why[300], d[32], t[32], p[32];
	long pain = -1;
	struct strbuf sb;

	if (!editing(f))
		return false;
	f->error[0] = '\0';
	memset(e, 0, sizeof(*e));
	if (!f->text[RF_DISTANCE][0]) {
		snprintf(why, sizeof(why), "Distance: how far, like 8.2km, 5mi, 800m or a number in %s.", unit);
		return refuse(f, RF_DISTANCE, why);
	}
	if (!parse_distance(f->text[RF_DISTANCE], f->units, &e->metres)) {
		snprintf(why, sizeof(why), "Distance: '%s' is not a distance like 8.2km, 5mi, 800m or "
			 "a number in %s.", f->text[RF_DISTANCE], unit);
		return refuse(f, RF_DISTANCE, why);
	}
	if (f->text[RF_TIME][0] && !parse_duration(f->text[RF_TIME], &e->secs)) {
		snprintf(why, sizeof(why), "Time: '%s' is not a time like 45:10, 1:02:30, 45m or 1h5m.",
			 f->text[RF_TIME]);
		return refuse(f, RF_TIME, why);
	}
	if (!run_plausible(e->metres, e->secs)) {
		format_distance(e->metres, f->units, d, sizeof(d));
		format_duration(e->secs, t, sizeof(t));
		snprintf(why, sizeof(why), "Time: %s in %s is faster than 2:00 a kilometre: check the "
			 "distance and the time.", d, t);
		return refuse(f, RF_TIME, why);
	}
	if (f->text[RF_PAIN][0] && !parse_long(f->text[RF_PAIN], 0, 10, &pain))
		return refuse(f, RF_PAIN, "Pain: 0-10, during the run.");
	e->pain = (int)pain;
	e->shoes = f->text[RF_SHOES];
	e->surface = f->surface;
	/* what will be saved, in the words --run prints */
	sb_init(&sb);
	format_distance(e->metres, f->units, d, sizeof(d));
	sb_printf(&sb, "A run of %s", d);
	if (e->secs > 0) {
		format_duration(e->secs, t, sizeof(t));
		format_pace(e->metres, e->secs, f->units, p, sizeof(p));
		sb_printf(&sb, " in %s (%s)", t, p);
	}
	if (e->pain >= 0)
		sb_printf(&sb, ", pain %d", e->pain);
	if (e->shoes[0])
		sb_printf(&sb, ", in %s", e->shoes);
	if (e->surface >= 0)
		sb_printf(&sb, ", on %s", surface_name[e->surface]);
	sb_puts(&sb, ".");
	copy_str(f->summary, sizeof(f->summary), sb.buf);
	sb_free(&sb);
	run_over_cap(cap, e->metres, f->units, f->warning, sizeof(f->warning));
	f->state = RFS_CONFIRM;
	return true;
}

bool run_form_answer(struct run_form *f, bool yes)
{
	if (f->state != RFS_CONFIRM)
		return false;
	f->state = yes ? RFS_SAVED : RFS_EDIT;
	return true;
}

bool run_form_cancel(struct run_form *f)
{
	if (f->state == RFS_CONFIRM)
		f->state = RFS_EDIT;
	else if (f->state == RFS_EDIT)
		f->state = RFS_CANCELLED;
	else
		return false;
	return true;
}
