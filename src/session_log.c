#include "session_log.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

static uint64_t hash_id(const char *s)
{
	uint64_t h = 1469598103934665603ULL; /* FNV-1a */

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static void rehash(struct session_log *log)
{
	size_t n = log->nslots ? log->nslots * 2 : 64;

	while (n < (log->nsessions + 1) * 2) /* after session_log_finish, slots start from none */
		n *= 2;

	free(log->slots);
	log->slots = xmalloc(n * sizeof(*log->slots));
	for (size_t i = 0; i < n; i++)
		log->slots[i] = SIZE_MAX;
	log->nslots = n;
	for (size_t s = 0; s < log->nsessions; s++) {
		size_t i = hash_id(log->sessions[s].id) & (n - 1);
		while (log->slots[i] != SIZE_MAX)
			i = (i + 1) & (n - 1);
		log->slots[i] = s;
	}
}

static void rehash_exercises(struct session_log *log)
{
	size_t n = log->nex_slots ? log->nex_slots * 2 : 16;

	while (n < (log->nexercises + 1) * 2)
		n *= 2;

	free(log->ex_slots);
	log->ex_slots = xmalloc(n * sizeof(*log->ex_slots));
	for (size_t i = 0; i < n; i++)
		log->ex_slots[i] = SIZE_MAX;
	log->nex_slots = n;
	for (size_t e = 0; e < log->nexercises; e++) {
		size_t i = hash_id(log->exercises[e]) & (n - 1);
		while (log->ex_slots[i] != SIZE_MAX)
			i = (i + 1) & (n - 1);
		log->ex_slots[i] = e;
	}
}

/* The index of an exercise name, added the first time it is seen. */
static size_t exercise_index(struct session_log *log, const char *name)
{
	size_t i;

	/* a session's sets of one exercise come together: try the last one first */
	if (log->last_exercise < log->nexercises && strcmp(log->exercises[log->last_exercise], name) == 0)
		return log->last_exercise;
	if ((log->nexercises + 1) * 2 > log->nex_slots)
		rehash_exercises(log);
	i = hash_id(name) & (log->nex_slots - 1);
	while (log->ex_slots[i] != SIZE_MAX) {
		if (strcmp(log->exercises[log->ex_slots[i]], name) == 0)
			return log->last_exercise = log->ex_slots[i];
		i = (i + 1) & (log->nex_slots - 1);
	}
	if ((log->nexercises & (log->nexercises - 1)) == 0) /* full at 0, 1, 2, 4, 8...: double */
		log->exercises = xrealloc(log->exercises, (log->nexercises ? log->nexercises * 2 : 1) *
							  sizeof(*log->exercises));
	log->exercises[log->nexercises] = xstrdup(name);
	log->ex_slots[i] = log->nexercises;
	log->last_exercise = log->nexercises;
	return log->nexercises++;
}

/* A number as parse_long takes it but not as "%d" writes it: a leading zero or "-0". */
static bool unusual_number(const char *s)
{
	return s && (s[0] == '-' || (s[0] == '0' && s[1]));
}

/* Keeps the text of the set's numbers when one is written unusually. */
static bool keep_verbatim(struct session_log *log, const struct hist_record *rec)
{
	static const enum hist_key key[SET_NUMBERS] = { HK_SET, HK_REPS, HK_TARGET, HK_SECS };
	struct set_verbatim *v;
	bool any = false;

	for (int i = 0; i < SET_NUMBERS; i++)
		any |= unusual_number(rec->known[key[i]]);
	if (!any)
		return false;
	log->verbatim = xrealloc(log->verbatim, (log->nverbatim + 1) * sizeof(*log->verbatim));
	v = &log->verbatim[log->nverbatim++];
	v->set = log->nsets;
	for (int i = 0; i < SET_NUMBERS; i++)
		v->text[i] = unusual_number(rec->known[key[i]]) ? xstrdup(rec->known[key[i]]) : NULL;
	return true;
}

/* A set packed: its session and day as the difference from the set before (zigzag),
 * then exercise, a flag byte, set, the numbers it has and the time of day, each a
 * LEB128 varint: about 10 bytes a set, where a struct set_entry takes 56. */
enum {
	PACK_SIDE = 3,      /* the flag byte: enum side in the low bits */
	PACK_REPS = 1 << 2,
	PACK_TARGET = 1 << 3,
	PACK_SECS = 1 << 4,
	PACK_VERBATIM = 1 << 5,
	PACK_MAX = 64,      /* bytes a set can take at most */
};

static unsigned char *put_varint(unsigned char *p, uint64_t v)
{
	for (; v >= 0x80; v >>= 7)
		*p++ = (unsigned char)(v | 0x80);
	*p++ = (unsigned char)v;
	return p;
}

static uint64_t get_varint(const unsigned char *buf, size_t *pos)
{
	uint64_t v = 0;
	unsigned shift = 0;
	unsigned char b;

	do {
		b = buf[(*pos)++];
		v |= (uint64_t)(b & 0x7f) << shift;
		shift += 7;
	} while (b & 0x80);
	return v;
}

static uint64_t zigzag(int64_t v)
{
	return ((uint64_t)v << 1) ^ (uint64_t)(v >> 63);
}

static int64_t unzigzag(uint64_t v)
{
	return (int64_t)(v >> 1) ^ -(int64_t)(v & 1);
}

static void pack_set(struct session_log *log, const struct set_entry *e, bool verbatim)
{
	struct set_cursor *at = &log->packer;
	unsigned flags = (unsigned)e->side | (e->reps >= 0 ? PACK_REPS : 0) |
			 (e->target >= 0 ? PACK_TARGET : 0) | (e->secs >= 0 ? PACK_SECS : 0) |
			 (verbatim ? PACK_VERBATIM : 0);
	unsigned char *p;

	if (log->npacked + PACK_MAX > log->cap_packed) {
		log->cap_packed = log->cap_packed ? log->cap_packed * 2 : 1024;
		log->packed = xrealloc(log->packed, log->cap_packed);
	}
	p = log->packed + log->npacked;
	p = put_varint(p, zigzag((int64_t)e->session - (int64_t)at->session));
	p = put_varint(p, e->exercise);
	*p++ = (unsigned char)flags;
	p = put_varint(p, (uint64_t)e->set);
	if (e->reps >= 0)
		p = put_varint(p, (uint64_t)e->reps);
	if (e->target >= 0)
		p = put_varint(p, (uint64_t)e->target);
	if (e->secs >= 0)
		p = put_varint(p, (uint64_t)e->secs);
	p = put_varint(p, zigzag((int64_t)e->day - at->day));
	p = put_varint(p, (uint64_t)e->secs_of_day);
	log->npacked = (size_t)(p - log->packed);
	at->session = e->session;
	at->day = e->day;
	log->nsets++;
}

/* Unpacks the set at `at` in buf; returns its flag byte. */
static unsigned unpack_set(const unsigned char *buf, struct set_cursor *at, struct set_entry *e)
{
	unsigned flags;

	e->session = (size_t)((int64_t)at->session + unzigzag(get_varint(buf, &at->pos)));
	e->exercise = (size_t)get_varint(buf, &at->pos);
	flags = buf[at->pos++];
	e->side = (enum side)(flags & PACK_SIDE);
	e->set = (int)get_varint(buf, &at->pos);
	e->reps = flags & PACK_REPS ? (int)get_varint(buf, &at->pos) : -1;
	e->target = flags & PACK_TARGET ? (int)get_varint(buf, &at->pos) : -1;
	e->secs = flags & PACK_SECS ? (int)get_varint(buf, &at->pos) : -1;
	e->day = (day_t)(at->day + unzigzag(get_varint(buf, &at->pos)));
	e->secs_of_day = (int)get_varint(buf, &at->pos);
	e->verbatim = NULL;
	at->session = e->session;
	at->day = e->day;
	at->index++;
	return flags;
}

bool session_log_next_set(const struct session_log *log, struct set_cursor *at,
			  struct set_entry *e)
{
	if (at->index >= log->nsets)
		return false;
	if (unpack_set(log->packed, at, e) & PACK_VERBATIM)
		e->verbatim = &log->verbatim[at->verbatim++];
	return true;
}

static void add_set(struct session_log *log, const struct session *s, const struct hist_record *rec)
{
	struct set_entry e = {
		.session = (size_t)(s - log->sessions),
		.exercise = exercise_index(log, rec->known[HK_EXERCISE]),
		.day = rec->day,
		.secs_of_day = rec->secs_of_day,
		.side = rec_get_enum(rec, HK_SIDE, SIDE_NONE),
		.set = (int)rec_get_int(rec, HK_SET, 1),
		.reps = (int)rec_get_int(rec, HK_REPS, -1),
		.target = (int)rec_get_int(rec, HK_TARGET, -1),
		.secs = (int)rec_get_int(rec, HK_SECS, -1),
	};

	pack_set(log, &e, keep_verbatim(log, rec));
}

/* After the sessions are sorted: each set to its session's new place. */
static void repack_sets(struct session_log *log, const size_t *place)
{
	unsigned char *old = log->packed;
	size_t n = log->nsets;
	struct set_cursor at = { 0 };

	log->packed = NULL;
	log->npacked = log->cap_packed = log->nsets = 0;
	memset(&log->packer, 0, sizeof(log->packer));
	for (size_t i = 0; i < n; i++) {
		struct set_entry e;
		bool verbatim = unpack_set(old, &at, &e) & PACK_VERBATIM;
		e.session = place[e.session];
		pack_set(log, &e, verbatim);
	}
	free(old);
}

static struct session *find_or_add(struct session_log *log, const char *id,
				   const struct hist_record *rec)
{
	size_t i;
	struct session *s;

	/* the records of a session mostly come together: try the last one first */
	if (log->last_found < log->nsessions && strcmp(log->sessions[log->last_found].id, id) == 0)
		return &log->sessions[log->last_found];
	if (log->nslots == 0 || (log->nsessions + 1) * 2 > log->nslots)
		rehash(log);
	i = hash_id(id) & (log->nslots - 1);
	while (log->slots[i] != SIZE_MAX) {
		s = &log->sessions[log->slots[i]];
		if (strcmp(s->id, id) == 0) {
			log->last_found = log->slots[i];
			return s;
		}
		i = (i + 1) & (log->nslots - 1);
	}
	if (log->nsessions == log->cap_sessions) {
		log->cap_sessions = log->cap_sessions ? log->cap_sessions * 2 : 16;
		log->sessions = xrealloc(log->sessions, log->cap_sessions * sizeof(*log->sessions));
	}
	log->slots[i] = log->nsessions;
	log->last_found = log->nsessions;
	s = &log->sessions[log->nsessions++];
	memset(s, 0, sizeof(*s));
	s->order = log->nsessions - 1;
	copy_str(s->id, sizeof(s->id), id);
	s->start_when = s->last_when = rec->when;
	s->day = rec->day;
	s->pain_during = s->pain_after = -1;
	s->level = -1;
	s->secs = -1;
	s->status = SESSION_INTERRUPTED;
	return s;
}

/* The session of id when its start record was read, else NULL. */
static struct session *session_started(struct session_log *log, const char *id)
{
	if (log->nslots == 0) /* after session_log_finish */
		rehash(log);
	struct session *s = session_log_find(log, id);
	return s && s->program[0] ? s : NULL;
}

void session_log_add(struct session_log *log, const struct hist_record *rec)
{
	const char *id = rec->known[HK_SESSION];
	struct session *s;

	switch (rec->type) {
	case REC_MORNING:
	case REC_LEVEL:
	case REC_SAFETY:
	case REC_TEST:
	case REC_ADVICE:
	case REC_TRIAGE:
	case REC_RUN:
	case REC_RETIRE:
		session_log_add_note(log, rec);
		return;
	case REC_RED_FLAG:
		flag_log_add(log, rec);
		return;
	case REC_TYPE_COUNT:
		return;
	case REC_START:
	case REC_SET:
	case REC_SKIP:
	case REC_END:
		break;
	}
	/* an end with no start before it belongs to no session: damaged, skipped, reported */
	if (rec->type == REC_END && !(s = session_started(log, id))) {
		history_report_skip(&log->report, rec->line);
		log->report.records -= log->report.records > 0;
		return;
	}
	s = find_or_add(log, id, rec);
	if (rec->when < s->start_when) {
		s->start_when = rec->when;
		s->day = rec->day;
	}
	if (rec->when > s->last_when)
		s->last_when = rec->when;
	switch (rec->type) {
	case REC_START:
		copy_str(s->program, sizeof(s->program), rec->known[HK_PROGRAM]);
		s->level = (int)rec_get_int(rec, HK_LEVEL, -1);
		s->planned = (int)rec_get_int(rec, HK_PLANNED, 0);
		s->start_when = rec->when;
		s->day = rec->day;
		break;
	case REC_SET:
		/* a set done again replaces the record before it: sets done never exceed planned */
		if (rec_get_enum(rec, HK_AGAIN, ANSWER_NO) != ANSWER_YES)
			s->sets_done++;
		add_set(log, s, rec);
		break;
	case REC_SKIP:
		s->skips++;
		log->skipped = xrealloc(log->skipped, (log->nskipped + 1) * sizeof(*log->skipped));
		log->skipped[log->nskipped++] = (struct skip_entry){
			s->order, exercise_index(log, rec->known[HK_EXERCISE]) };
		break;
	case REC_END: {
		const char *note = rec->known[HK_NOTE];
		s->status = rec_get_enum(rec, HK_STATUS, SESSION_INTERRUPTED);
		s->pain_during = (int)rec_get_int(rec, HK_PAIN_DURING, -1);
		s->pain_after = (int)rec_get_int(rec, HK_PAIN_AFTER, -1);
		s->secs = (int)rec_get_int(rec, HK_SECS, -1);
		free(s->note);
		s->note = note && *note ? xstrdup(note) : NULL;
		break;
	}
	default:
		break;
	}
}

static void visit(const struct hist_record *rec, void *ctx)
{
	session_log_add(ctx, rec);
}

static int by_start(const void *a, const void *b)
{
	const struct session *x = a, *y = b;

	if (x->start_when != y->start_when)
		return x->start_when < y->start_when ? -1 : 1;
	return strcmp(x->id, y->id);
}

static bool sessions_in_order(const struct session_log *log)
{
	for (size_t i = 1; i < log->nsessions; i++)
		if (by_start(&log->sessions[i - 1], &log->sessions[i]) > 0)
			return false;
	return true;
}

int session_pain(const struct session *s)
{
	return s->pain_during > s->pain_after ? s->pain_during : s->pain_after;
}

void session_log_finish(struct session_log *log)
{
	for (size_t i = 0; i < log->nsessions; i++) {
		struct session *s = &log->sessions[i];
		if (s->secs < 0)
			s->secs = (int)(s->last_when - s->start_when);
	}
	/* qsort on a NULL array is undefined even with no elements; a history written in
	 * order (the usual case) needs no sort of its large session records at all */
	if (log->nsessions > 1 && !sessions_in_order(log)) {
		size_t *place = xmalloc(log->nsessions * sizeof(*place));
		qsort(log->sessions, log->nsessions, sizeof(*log->sessions), by_start);
		/* the sets follow their sessions to their new places */
		for (size_t i = 0; i < log->nsessions; i++) {
			place[log->sessions[i].order] = i;
			log->sessions[i].order = i;
		}
		repack_sets(log, place);
		for (size_t i = 0; i < log->nskipped; i++)
			log->skipped[i].session = place[log->skipped[i].session];
		free(place);
	}
	session_log_sort_notes(log);
	free(log->slots);
	log->slots = NULL;
	log->nslots = 0;
	free(log->ex_slots);
	log->ex_slots = NULL;
	log->nex_slots = 0;
}

bool session_log_load(struct session_log *log, const char *path)
{
	return session_log_load_filtered(log, path, NULL, NULL);
}

/* The log and the caller's filter, for history_read_filtered's one context. */
struct filtered {
	struct session_log *log;
	history_filter_fn filter;
	void *ctx;
};

static void visit_filtered(const struct hist_record *rec, void *ctx)
{
	session_log_add(((struct filtered *)ctx)->log, rec);
}

static bool ask_filter(const char *line, size_t len, void *ctx)
{
	struct filtered *f = ctx;

	return f->filter(line, len, f->ctx);
}

bool session_log_load_filtered(struct session_log *log, const char *path,
			       history_filter_fn filter, void *ctx)
{
	struct filtered f = { log, filter, ctx };
	bool ok;

	memset(log, 0, sizeof(*log));
	ok = filter ? history_read_filtered(path, visit_filtered, ask_filter, &f, &log->report)
		    : history_read(path, visit, log, &log->report);
	session_log_finish(log);
	return ok;
}

struct session *session_log_find(struct session_log *log, const char *id)
{
	if (log->last_found < log->nsessions && strcmp(log->sessions[log->last_found].id, id) == 0)
		return &log->sessions[log->last_found];
	for (size_t i = hash_id(id) & (log->nslots - 1); log->nslots && log->slots[i] != SIZE_MAX;
	     i = (i + 1) & (log->nslots - 1))
		if (strcmp(log->sessions[log->slots[i]].id, id) == 0)
			return &log->sessions[log->last_found = log->slots[i]];
	return NULL;
}

void session_log_free(struct session_log *log)
{
	for (size_t i = 0; i < log->nsessions; i++)
		free(log->sessions[i].note);
	free(log->sessions);
	session_log_free_notes(log);
	free(log->skipped);
	flag_log_free(log);
	free(log->packed);
	for (size_t i = 0; i < log->nexercises; i++)
		free(log->exercises[i]);
	free(log->exercises);
	for (size_t i = 0; i < log->nverbatim; i++)
		for (int j = 0; j < SET_NUMBERS; j++)
			free(log->verbatim[i].text[j]);
	free(log->verbatim);
	free(log->slots);
	free(log->ex_slots);
	memset(log, 0, sizeof(*log));
}
