/* Walk/run intervals: parsing a level's pattern, the treadmill speed, and the steps
 * they make. */
#include "intervals.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define METRES_PER_MILE 1609.344

static const char *const stride_word[] = { "", "walk", "run" };

/* A time needs ':' or a time unit (4:00, 90s, 4min); "45m" is a distance here. */
static bool parse_amount(const char *s, struct interval *iv)
{
	size_t n = strlen(s);
	long v;

	iv->secs = 0;
	iv->metres = 0;
	iv->miles = false;
	if (strchr(s, ':') || (n > 1 && s[n - 1] == 's' && isdigit((unsigned char)s[n - 2])) ||
	    (n > 1 && s[n - 1] == 'h')) {
		if (!parse_duration(s, &v) || v > INTERVAL_SECS_MAX)
			return false;
		iv->secs = (int)v;
		return true;
	}
	if (n > 3 && strcmp(s + n - 3, "min") == 0) {
		char num[16];
		if (n - 3 >= sizeof(num))
			return false;
		memcpy(num, s, n - 3);
		num[n - 3] = '\0';
		if (!parse_long(num, 1, INTERVAL_SECS_MAX / 60, &v))
			return false;
		iv->secs = (int)(v * 60);
		return true;
	}
	/* a distance names its unit: a bare number could be minutes or metres */
	if (n == 0 || !isalpha((unsigned char)s[n - 1]))
		return false;
	if (!parse_distance(s, UNITS_KM, &v) || v > INTERVAL_METRES_MAX)
		return false;
	iv->metres = v;
	iv->miles = n > 2 && strcmp(s + n - 2, "mi") == 0;
	return true;
}

static bool parse_one(const char *part, struct interval *iv, char *err, size_t errlen)
{
	char word[8], amount[32];
	int used = 0;

	while (*part == ' ')
		part++;
	if (sscanf(part, " %7s %31s %n", word, amount, &used) != 2 || part[used] != '\0') {
		snprintf(err, errlen, "'%s' is not an interval: write walk or run, then a time "
			 "(4:00, 90s) or a distance (400m, 0.1mi)", part);
		return false;
	}
	if (strcmp(word, "walk") == 0)
		iv->stride = STRIDE_WALK;
	else if (strcmp(word, "run") == 0)
		iv->stride = STRIDE_RUN;
	else {
		snprintf(err, errlen, "'%s': an interval is walk or run, got '%s'", part, word);
		return false;
	}
	if (!parse_amount(amount, iv)) {
		snprintf(err, errlen, "'%s': '%s' is not a time (4:00, 90s, 4min; at most 2 h) or a "
			 "distance with its unit (400m, 0.1mi, 2km; at most 50 km)", part, amount);
		return false;
	}
	return true;
}

bool intervals_parse(const char *spec, struct interval *out, int *n, char *err, size_t errlen)
{
	const char *p = spec;

	*n = 0;
	for (;;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		char part[64];
		if (*n == INTERVALS_MAX) {
			snprintf(err, errlen, "'%s' has more than %d intervals", spec, INTERVALS_MAX);
			return false;
		}
		if (len >= sizeof(part)) {
			snprintf(err, errlen, "'%.40s...' is too long for an interval", p);
			return false;
		}
		memcpy(part, p, len);
		part[len] = '\0';
		if (!parse_one(part, &out[*n], err, errlen))
			return false;
		++*n;
		if (!comma)
			return true;
		p = comma + 1;
	}
}

bool parse_speed(const char *s, enum units units, long *metres_per_hour)
{
	static const struct { const char *unit; double metres; } units_of[] = {
		{ "kmh", 1000 }, { "km/h", 1000 }, { "kph", 1000 }, { "mph", METRES_PER_MILE },
	};
	char *end;
	double v, scale = units == UNITS_MI ? METRES_PER_MILE : 1000;
	size_t i;

	if (!s || !(isdigit((unsigned char)*s) || *s == '.'))
		return false;
	v = strtod(s, &end);
	if (end == s)
		return false;
	if (*end) {
		for (i = 0; i < ARRAY_SIZE(units_of) && strcmp(end, units_of[i].unit) != 0; i++)
			;
		if (i == ARRAY_SIZE(units_of))
			return false;
		scale = units_of[i].metres;
	}
	v *= scale;
	if (!(v >= SPEED_MIN_KMH * 1000.0 && v <= SPEED_MAX_KMH * 1000.0))
		return false;
	*metres_per_hour = (long)(v + 0.5);
	return true;
}

void format_speed(long metres_per_hour, enum units units, char *buf, size_t len)
{
	if (units == UNITS_MI)
		snprintf(buf, len, "%.1f mph", (double)metres_per_hour / METRES_PER_MILE);
	else
		snprintf(buf, len, "%.1f km/h", (double)metres_per_hour / 1000.0);
}

int interval_secs_at(long metres, long metres_per_hour)
{
	long secs;

	if (metres_per_hour <= 0)
		return 1;
	secs = (metres * 3600 + metres_per_hour / 2) / metres_per_hour;
	return secs < 1 ? 1 : (int)secs;
}

bool is_interval_exercise(const struct exercise *ex)
{
	return ex->intervals.n > 0;
}

static int pattern(const struct exercise *ex, int level, struct interval *iv)
{
	char err[160];
	int n = 0;
	const char *spec = level_text(&ex->intervals, level);

	/* the loader checked every level's pattern */
	if (!spec || !intervals_parse(spec, iv, &n, err, sizeof(err)))
		return 0;
	return n;
}

void intervals_add_steps(struct routine *r, size_t *cap, size_t e, int level)
{
	const struct exercise *ex = &r->program->exercises[e];
	struct interval iv[INTERVALS_MAX];
	int n = pattern(ex, level, iv), repeat = level_value(&ex->repeat, level);
	int of[3] = { 0, 0, 0 }, nth[3] = { 0, 0, 0 }, set = 0;

	if (repeat < 1)
		repeat = 1;
	for (int i = 0; i < n; i++)
		of[iv[i].stride] += repeat;
	for (int k = 0; k < repeat; k++) {
		for (int i = 0; i < n; i++) {
			struct step s = { STEP_WORK, e, ++set, SIDE_NONE, iv[i].secs, iv[i].stride,
					  ++nth[iv[i].stride], of[iv[i].stride], iv[i].metres, false,
					  iv[i].miles };
			/* off a treadmill a distance has no clock: the estimate is for the plan */
			if (iv[i].metres) {
				s.secs = interval_secs_at(iv[i].metres, iv[i].stride == STRIDE_RUN
									? RUN_ESTIMATE_M_PER_H
									: WALK_ESTIMATE_M_PER_H);
				s.by_hand = true;
			}
			if (r->nsteps == *cap)
				r->steps = xrealloc(r->steps, (*cap *= 2) * sizeof(*r->steps));
			r->steps[r->nsteps++] = s;
			r->total_secs += s.secs;
		}
	}
}

long stride_speed(enum stride stride, long run_m_per_h, long walk_m_per_h)
{
	/* a walk at 8 km/h would overstate its distance; one faster than the run is no walk */
	if (stride == STRIDE_WALK && walk_m_per_h > 0 && walk_m_per_h < run_m_per_h)
		return walk_m_per_h;
	return run_m_per_h;
}

void routine_at_speed(struct routine *r, long metres_per_hour)
{
	routine_at_speeds(r, metres_per_hour, 0);
}

void routine_at_speeds(struct routine *r, long run_m_per_h, long walk_m_per_h)
{
	if (run_m_per_h <= 0)
		return;
	for (size_t i = 0; i < r->nsteps; i++) {
		struct step *s = &r->steps[i];
		if (!s->stride || !s->metres)
			continue;
		r->total_secs -= s->secs;
		s->secs = interval_secs_at(s->metres, stride_speed(s->stride, run_m_per_h, walk_m_per_h));
		s->by_hand = false;
		r->total_secs += s->secs;
	}
}

void format_interval(const struct interval *iv, enum units units, char *buf, size_t len)
{
	char amount[32];

	if (iv->miles)
		units = UNITS_MI;
	if (iv->metres && iv->metres < 1000 && units == UNITS_KM)
		snprintf(amount, sizeof(amount), "%ld m", iv->metres);
	else if (iv->metres)
		format_distance(iv->metres, units, amount, sizeof(amount));
	else
		format_duration(iv->secs, amount, sizeof(amount));
	snprintf(buf, len, "%s %s", stride_word[iv->stride], amount);
}

bool intervals_next_text(const struct routine *r, size_t i, char *buf, size_t len)
{
	const struct step *n = i + 1 < r->nsteps ? &r->steps[i + 1] : NULL;
	struct interval iv;
	char what[48];

	/* from an interval, or from the get-ready before the first: not the cool-down */
	if (!n || !n->stride || (!r->steps[i].stride && r->steps[i].kind != STEP_GET_READY))
		return false;
	iv = (struct interval){ n->stride, n->secs, n->metres, n->miles };
	if (iv.metres && !n->by_hand) /* on a treadmill: its time */
		iv.metres = 0;
	format_interval(&iv, UNITS_KM, what, sizeof(what));
	snprintf(buf, len, "Next: %s (%s %d of %d)", what, stride_word[iv.stride], n->nth, n->of);
	return true;
}

void format_intervals(const struct exercise *ex, int level, char *buf, size_t len)
{
	struct interval iv[INTERVALS_MAX];
	int n = pattern(ex, level, iv), repeat = level_value(&ex->repeat, level);
	struct strbuf sb;
	char one[48];

	sb_init(&sb);
	if (repeat > 1)
		sb_printf(&sb, "%d x ", repeat);
	for (int i = 0; i < n; i++) {
		format_interval(&iv[i], UNITS_KM, one, sizeof(one));
		sb_printf(&sb, "%s%s", i ? " / " : "", one);
	}
	copy_str(buf, len, sb.buf);
	sb_free(&sb);
}

void walk_run_begin(struct walk_run_total *t)
{
	memset(t, 0, sizeof(*t));
	t->metres_known = true;
}

void walk_run_add(struct walk_run_total *t, const struct step *s, int secs, long metres_per_hour)
{
	if (!s->stride)
		return;
	t->intervals++;
	t->secs += secs;
	/* a timed distance ended early covered its share only: what was done */
	if (s->metres && !s->by_hand && s->secs > 0 && secs < s->secs)
		t->metres += (s->metres * secs + s->secs / 2) / s->secs;
	else if (s->metres)
		t->metres += s->metres;
	else if (metres_per_hour > 0)
		t->metres += ((long)secs * metres_per_hour + 1800) / 3600;
	else
		t->metres_known = false;
}

static bool check_pattern(struct conf_doc *doc, int line, int level, const char *spec)
{
	struct interval iv[INTERVALS_MAX];
	char err[256];
	int n;

	if (!intervals_parse(spec, iv, &n, err, sizeof(err)))
		return conf_error(doc, line, "intervals, level %d: %s", level, err);
	for (int i = 0; i < n; i++)
		if (iv[i].stride == STRIDE_RUN)
			return true;
	return conf_error(doc, line, "intervals, level %d: '%s' has no run in it", level, spec);
}

bool load_interval_keys(struct conf_doc *doc, cfg_t *sec, int nth, int levels,
			struct exercise *ex)
{
	static const char *const not_with[] = { "reps", "hold", "tempo" };
	int line = conf_key_line(doc, "exercise", nth, "intervals");
	unsigned n = cfg_size(sec, "intervals"), nrep = cfg_size(sec, "repeat");
	int rline = conf_key_line(doc, "exercise", nth, "repeat");

	if (!conf_has_key(doc, "exercise", nth, "intervals")) {
		if (conf_has_key(doc, "exercise", nth, "repeat"))
			return conf_error(doc, rline, "repeat repeats intervals; '%s' has none", ex->name);
		return true;
	}
	if (n == 0)
		return conf_error(doc, line, "intervals is an empty list");
	if (n > (unsigned)levels)
		return conf_error(doc, line, "intervals has %u values but levels is %d", n, levels);
	for (size_t i = 0; i < ARRAY_SIZE(not_with); i++)
		if (conf_has_key(doc, "exercise", nth, not_with[i]))
			return conf_error(doc, conf_key_line(doc, "exercise", nth, not_with[i]),
					  "'%s' has intervals; it takes no %s", ex->name, not_with[i]);
	if (ex->each_side)
		return conf_error(doc, conf_key_line(doc, "exercise", nth, "sides"),
				  "'%s' has intervals; walking and running take no sides", ex->name);
	for (unsigned i = 0; i < n; i++)
		if (!check_pattern(doc, line, (int)i + 1, cfg_getnstr(sec, "intervals", i)))
			return false;
	if (conf_has_key(doc, "exercise", nth, "repeat")) {
		if (nrep == 0)
			return conf_error(doc, rline, "repeat is an empty list");
		if (nrep > (unsigned)levels)
			return conf_error(doc, rline, "repeat has %u values but levels is %d", nrep,
					  levels);
		for (unsigned i = 0; i < nrep; i++) {
			long v = cfg_getnint(sec, "repeat", i);
			if (v < 1 || v > INTERVAL_REPEAT_MAX)
				return conf_error(doc, rline, "repeat must be 1-%d, got %ld",
						  INTERVAL_REPEAT_MAX, v);
			ex->repeat.v[i] = (int)v;
		}
		ex->repeat.n = (int)nrep;
	} else {
		ex->repeat.n = 1;
		ex->repeat.v[0] = 1;
	}
	for (unsigned i = 0; i < n; i++)
		ex->intervals.v[i] = xstrdup(cfg_getnstr(sec, "intervals", i));
	ex->intervals.n = (int)n;
	return true;
}
