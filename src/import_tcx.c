/* TCX (Garmin's Training Center XML, running.md): each <Activity> one activity, its
 * sport from Sport="Running" (or "Biking", "Other"), its start from <Id>, its distance
 * and time the sums of its laps' DistanceMeters and TotalTimeSeconds, so a treadmill
 * file without a single position works. TotalTimeSeconds is the timer's: moving time;
 * elapsed runs from the first lap's StartTime to the end of the last. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "import_xml.h"
#include "runs.h"
#include "util.h"

struct tcx {
	struct activity_list *out;
	/* the activity */
	char sport[ACTIVITY_SPORT_MAX];
	bool have_id, zoned;
	int offset;
	int64_t id;
	double secs, metres;
	long laps;
	bool have_lap_start;
	int64_t first_start, last_end;
	/* the lap */
	bool lap_started;
	int64_t lap_start;
	double lap_secs, lap_metres;
};

static void tcx_start(struct xml_doc *doc, const char *name, const char **attrs)
{
	struct tcx *x = doc->ctx;

	if (strcmp(name, "Activity") == 0) {
		const char *sport = xml_attr(attrs, "Sport");
		struct activity_list *out = x->out;
		memset(x, 0, sizeof(*x));
		x->out = out;
		copy_str(x->sport, sizeof(x->sport), sport && *sport ? sport : "Other");
		sanitize_text(x->sport);
	} else if (strcmp(name, "Lap") == 0 && strcmp(xml_parent(doc, 0), "Activity") == 0) {
		const char *start = xml_attr(attrs, "StartTime");
		bool zoned;
		int offset;
		x->lap_secs = x->lap_metres = 0;
		x->lap_started = start && xml_time(start, &x->lap_start, &zoned, &offset);
		if (start && !x->lap_started)
			xml_fail(doc, "a <Lap> whose StartTime is not a time");
	}
}

static void end_lap(struct tcx *x)
{
	x->laps++;
	x->secs += x->lap_secs;
	x->metres += x->lap_metres;
	if (!x->lap_started)
		return;
	if (!x->have_lap_start || x->lap_start < x->first_start)
		x->first_start = x->lap_start;
	if (!x->have_lap_start || x->lap_start + (int64_t)x->lap_secs > x->last_end)
		x->last_end = x->lap_start + (int64_t)x->lap_secs;
	x->have_lap_start = true;
}

static void end_activity(struct xml_doc *doc, struct tcx *x)
{
	struct activity a;

	if (x->laps == 0)
		return;
	if (!x->have_id && !x->have_lap_start) {
		xml_fail(doc, "an <Activity> with no <Id> and no lap StartTime: no date");
		return;
	}
	memset(&a, 0, sizeof(a));
	copy_str(a.sport, sizeof(a.sport), x->sport);
	a.running = strcasecmp(x->sport, "Running") == 0;
	a.start = x->have_id ? x->id : x->first_start;
	a.have_offset = x->have_id && x->zoned;
	a.offset = x->offset;
	/* the sums are below laps * XML_NUMBER_MAX: capped, import.c refuses them */
	a.metres = lround(fmin(x->metres, RUN_METRES_MAX * 10.0));
	a.moving_secs = lround(fmin(x->secs, RUN_SECS_MAX * 10.0));
	a.elapsed_secs = a.moving_secs;
	if (x->have_lap_start && x->last_end - a.start > a.elapsed_secs)
		a.elapsed_secs = (long)(x->last_end - a.start < RUN_SECS_MAX * 10 ? x->last_end - a.start
										  : RUN_SECS_MAX * 10);
	if (!activity_push(x->out, &a))
		xml_fail(doc, "out of memory");
}

static void tcx_end(struct xml_doc *doc, const char *name)
{
	struct tcx *x = doc->ctx;
	const char *parent = xml_parent(doc, 0);

	if (strcmp(name, "Id") == 0 && strcmp(parent, "Activity") == 0) {
		x->have_id = xml_text_time(doc, &x->id, &x->zoned, &x->offset);
	} else if (strcmp(parent, "Lap") == 0 && strcmp(name, "TotalTimeSeconds") == 0) {
		xml_text_number(doc, "TotalTimeSeconds", &x->lap_secs);
	} else if (strcmp(parent, "Lap") == 0 && strcmp(name, "DistanceMeters") == 0) {
		xml_text_number(doc, "DistanceMeters", &x->lap_metres);
	} else if (strcmp(name, "Lap") == 0 && strcmp(parent, "Activity") == 0) {
		end_lap(x);
	} else if (strcmp(name, "Activity") == 0) {
		end_activity(doc, x);
	}
}

bool tcx_parse(const unsigned char *buf, size_t len, struct activity_list *out, char *err,
	       size_t errlen)
{
	struct tcx x = { .out = out };
	struct xml_doc doc = { .root = "TrainingCenterDatabase", .ctx = &x, .start = tcx_start,
			       .end = tcx_end };

	return xml_parse(&doc, buf, len, err, errlen);
}
