/* The numbers of the coach's runs screen: the weekly distance of the last weeks, the
 * scale of their bars, the cap on the next run, and the pain after each run. The screen
 * (ui_runs.c) only draws them. */
#ifndef TALUS_RUNS_CHART_H
#define TALUS_RUNS_CHART_H

#include "runs_report.h"

/* The config's keys the runs screen reads. */
struct runs_settings {
	enum units units;
	int week_start;   /* 0 = Monday */
	long shoe_limit;  /* metres; 0: SHOE_LIMIT_METRES */
	const char *no_running; /* the program to finish before running, or NULL */
	bool ladder;      /* a walk/run program is on: its ladder is the running */
};

struct chart_week {
	day_t from;       /* its first day (config week-start) */
	long metres;      /* run in it, up to now */
	int runs;
};

struct runs_chart {
	struct chart_week week[RUNS_WEEKS]; /* oldest first; the last is this week */
	long scale;       /* the metres a full bar stands for: the most of any week and
			     the cap, rounded up to 1, 2 or 5 times a power of ten units */
	struct run_cap cap;
	bool has_change;  /* last week had runs: */
	long change;      /* this week against it, in % */
};

void runs_chart(const struct runs_request *req, struct runs_chart *out);

/* A bar of metres on a chart width cells wide, in eighths of a cell: rounded, at least
 * one eighth for any distance, never past the width. */
int chart_eighths(const struct runs_chart *c, long metres, int width);

/* The weeks the chart shows in rows page rows: all RUNS_WEEKS when they fit beside
 * its title and the cap's row, fewer (the latest, at least 2) on a small screen. */
int chart_weeks_shown(int rows);

/* One run and how it went: the pain during it and the first morning rating after it
 * (on a later day, within MORNING_AFTER_HOURS). */
struct run_pain {
	day_t day;
	long metres;
	int pain;         /* during, -1 when not rated */
	int morning;      /* the morning after, -1 when none (yet) */
};

/* The runs from the day from up to now, latest first, at most max of them; returns how
 * many. */
size_t runs_pains(const struct session_log *log, day_t from, int64_t now, struct run_pain *out,
		  size_t max);

/* What the rehab says of running now: a red flag answered yes, or the triage's bone
 * stress, mean no running until a clinician has seen the ankle. False when neither. */
bool runs_caution(const struct session_log *log, int64_t now, char *buf, size_t len);

#endif
