/* GPX 1.1 (running.md): each <trk> one activity. Distance: great-circle between the
 * points of each segment, never across segments (the watch was stopped between them).
 * Times: elapsed from the first to the last point; moving, the intervals between
 * points that moved (pauses out). The sport from <type>, or, without one, the pace. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import_xml.h"
#include "runs.h"
#include "util.h"

#define EARTH_RADIUS_M 6371008.8 /* the mean earth radius (running.md) */
/* An interval between two points slower than this is a pause: the runner stood still,
 * or the watch paused itself. *design*: 1.8 km/h, well below a walk's 5 km/h, so walk
 * breaks of a walk/run still count as moving; GPS drift of a standing runner is less. */
#define GPX_PAUSE_SPEED 0.5
/* With no <type>, a run is a moving pace from RUN_FASTEST_SECS_PER_KM (runs.h) to this;
 * *design*: 10:00 a kilometre, a brisk walk's 6 km/h; slower is a walk, faster a ride. */
#define GPX_RUN_SLOWEST_SECS_PER_KM 600

struct gpx {
	struct activity_list *out;
	/* the track */
	char type[ACTIVITY_SPORT_MAX];
	double metres, moving;
	long points, timed;
	int64_t first, last;
	bool zoned;
	int offset;
	/* the segment: its last point */
	bool have_prev, prev_timed;
	double prev_lat, prev_lon;
	int64_t prev_t;
	/* the point being read */
	double lat, lon;
	bool timed_now;
	int64_t t;
};

static double radians(double deg)
{
	return deg * M_PI / 180.0;
}

/* Haversine: the great-circle distance in metres. */
static double great_circle(double lat1, double lon1, double lat2, double lon2)
{
	double dlat = radians(lat2 - lat1), dlon = radians(lon2 - lon1);
	double a = sin(dlat / 2) * sin(dlat / 2) +
		   cos(radians(lat1)) * cos(radians(lat2)) * sin(dlon / 2) * sin(dlon / 2);

	if (a > 1)
		a = 1;
	return 2 * EARTH_RADIUS_M * asin(sqrt(a));
}

/* A latitude or longitude attribute within its range. */
static bool coordinate(const char *s, double limit, double *v)
{
	char *end;

	if (!s || !*s)
		return false;
	*v = strtod(s, &end);
	return *end == '\0' && isfinite(*v) && fabs(*v) <= limit;
}

static void gpx_start(struct xml_doc *doc, const char *name, const char **attrs)
{
	struct gpx *g = doc->ctx;

	if (strcmp(name, "trk") == 0 && strcmp(xml_parent(doc, 0), "gpx") == 0) {
		struct activity_list *out = g->out;
		memset(g, 0, sizeof(*g));
		g->out = out;
	} else if (strcmp(name, "trkseg") == 0 && strcmp(xml_parent(doc, 0), "trk") == 0) {
		g->have_prev = false;
	} else if (strcmp(name, "trkpt") == 0 && strcmp(xml_parent(doc, 0), "trkseg") == 0) {
		if (!coordinate(xml_attr(attrs, "lat"), 90, &g->lat) ||
		    !coordinate(xml_attr(attrs, "lon"), 180, &g->lon))
			xml_fail(doc, "a <trkpt> without a lat from -90 to 90 and a lon from -180 to 180");
		g->timed_now = false;
	}
}

static void add_point(struct gpx *g)
{
	g->points++;
	if (g->have_prev) {
		double d = great_circle(g->prev_lat, g->prev_lon, g->lat, g->lon);
		g->metres += d;
		if (g->prev_timed && g->timed_now && g->t > g->prev_t &&
		    d / (double)(g->t - g->prev_t) >= GPX_PAUSE_SPEED)
			g->moving += (double)(g->t - g->prev_t);
	}
	if (g->timed_now) {
		if (g->timed++ == 0 || g->t < g->first)
			g->first = g->t;
		if (g->timed == 1 || g->t > g->last)
			g->last = g->t;
	}
	g->have_prev = true;
	g->prev_lat = g->lat;
	g->prev_lon = g->lon;
	g->prev_timed = g->timed_now;
	g->prev_t = g->t;
}

/* A <type> that names a run: Garmin's and Strava's words, and Strava's old number 9. */
static bool type_is_run(const char *type)
{
	for (const char *p = type; *p; p++)
		if (strncasecmp(p, "run", 3) == 0)
			return true;
	return strcmp(type, "9") == 0;
}

static void end_track(struct xml_doc *doc, struct gpx *g)
{
	struct activity a;

	if (g->points == 0) /* a treadmill's GPX: nothing to count */
		return;
	if (g->timed == 0) {
		xml_fail(doc, "a track with no <time>: no date and no duration");
		return;
	}
	memset(&a, 0, sizeof(a));
	copy_str(a.sport, sizeof(a.sport), g->type);
	a.start = g->first;
	a.have_offset = g->zoned;
	a.offset = g->offset;
	/* past the limits a run record holds, so import.c refuses it, and no overflow */
	a.metres = lround(fmin(g->metres, RUN_METRES_MAX * 10.0));
	a.moving_secs = lround(fmin(g->moving, RUN_SECS_MAX * 10.0));
	a.elapsed_secs = (long)(g->last - g->first < RUN_SECS_MAX * 10 ? g->last - g->first
								     : RUN_SECS_MAX * 10);
	if (g->type[0])
		a.running = type_is_run(g->type);
	else
		a.running = a.moving_secs > 0 && a.metres > 0 &&
			    (long long)a.moving_secs * 1000 >= (long long)RUN_FASTEST_SECS_PER_KM * a.metres &&
			    (long long)a.moving_secs * 1000 <= (long long)GPX_RUN_SLOWEST_SECS_PER_KM * a.metres;
	if (!activity_push(g->out, &a))
		xml_fail(doc, "out of memory");
}

static void gpx_end(struct xml_doc *doc, const char *name)
{
	struct gpx *g = doc->ctx;
	const char *parent = xml_parent(doc, 0);

	if (strcmp(name, "time") == 0 && strcmp(parent, "trkpt") == 0) {
		bool zoned;
		int offset;
		if (!xml_text_time(doc, &g->t, &zoned, &offset))
			return;
		g->timed_now = true;
		if (g->timed == 0) { /* the first point's zone is the run's */
			g->zoned = zoned;
			g->offset = offset;
		}
	} else if (strcmp(name, "type") == 0 && strcmp(parent, "trk") == 0) {
		copy_str(g->type, sizeof(g->type), doc->text);
		sanitize_text(g->type);
	} else if (strcmp(name, "trkpt") == 0 && strcmp(parent, "trkseg") == 0) {
		add_point(g);
	} else if (strcmp(name, "trk") == 0 && strcmp(parent, "gpx") == 0) {
		end_track(doc, g);
	}
}

bool gpx_parse(const unsigned char *buf, size_t len, struct activity_list *out, char *err,
	       size_t errlen)
{
	struct gpx g = { .out = out };
	struct xml_doc doc = { .root = "gpx", .ctx = &g, .start = gpx_start, .end = gpx_end };

	return xml_parse(&doc, buf, len, err, errlen);
}
