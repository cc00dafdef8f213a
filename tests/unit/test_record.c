/* The record schema: the README's table says what the schema says, the validator holds
 * each key to its limits, every record type survives a write and a read, and the
 * session log keeps the sets. */
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "record.h"
#include "report.h"
#include "session_log.h"
#include "unit.h"

#define STAMP "2026-11-23T07:30:12+01:00"

/* The README's cell for a list of keys: "`level` (1-20), `side` (`left`/`right`)". */
static void keys_cell(struct strbuf *sb, enum record_type type, bool required)
{
	size_t start = sb->len;

	for (int f = 0; f < REC_FIELD_COUNT; f++) {
		const struct field_spec *fs = &record_fields[f];
		const struct key_spec *k = &hist_key_spec[fs->key];
		if (fs->type != type || fs->required != required)
			continue;
		sb_printf(sb, "%s`%s`", sb->len > start ? ", " : "", k->name);
		if (k->kind == KEY_INT) {
			sb_printf(sb, " (%ld-%ld)", fs->min, fs->max);
		} else if (k->kind == KEY_ENUM) {
			const char *sep = " (";
			for (int i = 0; i < k->nnames; i++)
				if (k->names[i]) {
					sb_printf(sb, "%s`%s`", sep, k->names[i]);
					sep = "/";
				}
			sb_puts(sb, ")");
		}
	}
	if (sb->len == start)
		sb_puts(sb, "-");
}

START_TEST(readme_table_matches_schema)
{
	char *text = read_whole_file("README.md", NULL); /* tests run from the source tree */
	char *section, *end, *p;
	size_t rows = 0;

	ck_assert_ptr_nonnull(text);
	section = strstr(text, "### The history file format\n");
	ck_assert_ptr_nonnull(section);
	end = strstr(section, "\n## ");
	if (end)
		*end = '\0';
	for (int t = 0; t < REC_TYPE_COUNT; t++) {
		struct strbuf row;
		sb_init(&row);
		sb_printf(&row, "\n| `%s` | ", record_type_name[t]);
		keys_cell(&row, (enum record_type)t, true);
		sb_puts(&row, " | ");
		keys_cell(&row, (enum record_type)t, false);
		sb_puts(&row, " | ");
		ck_assert_msg(strstr(section, row.buf), "README.md's record table lacks the row:%s", row.buf);
		sb_free(&row);
	}
	/* and no row for a type the schema does not have */
	for (p = section; (p = strstr(p, "\n| `")); p++)
		rows++;
	ck_assert_uint_eq(rows, REC_TYPE_COUNT);
	free(text);
}
END_TEST

/* A value for key that the schema takes in field f; its limits when an integer. */
static void good_value(const struct field_spec *f, char *buf, size_t len)
{
	const struct key_spec *k = &hist_key_spec[f->key];

	switch (k->kind) {
	case KEY_INT: snprintf(buf, len, "%ld", f->min); break;
	case KEY_NAME: snprintf(buf, len, "a-name"); break;
	case KEY_TEXT: snprintf(buf, len, "some text"); break;
	case KEY_ENUM: snprintf(buf, len, "%s", k->names[k->nnames - 1]); break;
	}
}

/* A line of type with every field of the type at a good value, but field `which`
 * at value (or left out when value is NULL). */
static bool parses_with(enum record_type type, int which, const char *value)
{
	struct hist_record rec;
	char line[1024], v[128];
	size_t n = (size_t)snprintf(line, sizeof(line), STAMP "\t%s", record_type_name[type]);

	for (int f = 0; f < REC_FIELD_COUNT; f++) {
		if (record_fields[f].type != type)
			continue;
		if (f == which && !value)
			continue;
		good_value(&record_fields[f], v, sizeof(v));
		n += (size_t)snprintf(line + n, sizeof(line) - n, "\t%s=%s",
				      hist_key_spec[record_fields[f].key].name, f == which ? value : v);
	}
	return history_parse_line(line, n, &rec);
}

START_TEST(validator_holds_each_field_to_its_limits)
{
	char name64[REC_NAME_MAX + 2];

	memset(name64, 'n', REC_NAME_MAX);
	name64[REC_NAME_MAX] = '\0';
	for (int t = 0; t < REC_TYPE_COUNT; t++)
		ck_assert_msg(parses_with((enum record_type)t, -1, NULL), "%s", record_type_name[t]);
	for (int f = 0; f < REC_FIELD_COUNT; f++) {
		const struct field_spec *fs = &record_fields[f];
		const struct key_spec *k = &hist_key_spec[fs->key];
		const char *type = record_type_name[fs->type];
		char v[64];

		ck_assert_msg(parses_with(fs->type, f, NULL) == !fs->required, "%s without %s", type,
			      k->name);
		switch (k->kind) {
		case KEY_INT:
			snprintf(v, sizeof(v), "%ld", fs->min);
			ck_assert_msg(parses_with(fs->type, f, v), "%s %s=%s", type, k->name, v);
			snprintf(v, sizeof(v), "%ld", fs->max);
			ck_assert_msg(parses_with(fs->type, f, v), "%s %s=%s", type, k->name, v);
			snprintf(v, sizeof(v), "%ld", fs->min - 1);
			ck_assert_msg(!parses_with(fs->type, f, v), "%s %s=%s", type, k->name, v);
			snprintf(v, sizeof(v), "%ld", fs->max + 1);
			ck_assert_msg(!parses_with(fs->type, f, v), "%s %s=%s", type, k->name, v);
			ck_assert(!parses_with(fs->type, f, "1x"));
			ck_assert(!parses_with(fs->type, f, ""));
			break;
		case KEY_NAME:
			ck_assert_msg(parses_with(fs->type, f, name64), "%s %s at %d bytes", type,
				      k->name, REC_NAME_MAX);
			strcat(name64, "n");
			ck_assert_msg(!parses_with(fs->type, f, name64), "%s %s over %d bytes", type,
				      k->name, REC_NAME_MAX);
			name64[REC_NAME_MAX] = '\0';
			ck_assert(!parses_with(fs->type, f, ""));
			ck_assert(!parses_with(fs->type, f, "two words"));
			ck_assert(!parses_with(fs->type, f, "a=b"));
			ck_assert(!parses_with(fs->type, f, "a\\nb")); /* a newline */
			ck_assert(!parses_with(fs->type, f, "a\\rb")); /* a CR */
			ck_assert(!parses_with(fs->type, f, "a\\\\b")); /* a backslash */
			ck_assert(!parses_with(fs->type, f, "a\\tb"));  /* a tab */
			break;
		case KEY_ENUM:
			for (int i = 0; i < k->nnames; i++)
				if (k->names[i])
					ck_assert_msg(parses_with(fs->type, f, k->names[i]), "%s %s=%s",
						      type, k->name, k->names[i]);
			ck_assert(!parses_with(fs->type, f, "maybe"));
			ck_assert(!parses_with(fs->type, f, ""));
			break;
		case KEY_TEXT:
			ck_assert(parses_with(fs->type, f, ""));
			ck_assert(parses_with(fs->type, f, "two words = \\\\ \\t"));
			break;
		}
	}
}
END_TEST

/* Writes every field of each type with the typed writers and reads it back. */
START_TEST(writer_parser_round_trip_each_type)
{
	struct strbuf line;

	setenv("TZ", "CET-1", 1);
	tzset();
	sb_init(&line);
	for (int t = 0; t < REC_TYPE_COUNT; t++) {
		struct hist_record rec;
		char buf[1024];
		long want[HK_COUNT];

		rec_begin(&line, 1795415412, (enum record_type)t); /* 2026-11-23T07:30:12+01:00 */
		for (int f = 0; f < REC_FIELD_COUNT; f++) {
			const struct field_spec *fs = &record_fields[f];
			const struct key_spec *k = &hist_key_spec[fs->key];
			if (fs->type != (enum record_type)t)
				continue;
			switch (k->kind) {
			case KEY_INT: rec_put_int(&line, fs->key, want[fs->key] = fs->max); break;
			case KEY_NAME: rec_put_str(&line, fs->key, k->name); break;
			case KEY_TEXT: rec_put_str(&line, fs->key, "tab\there\nnew\r \\ end"); break;
			case KEY_ENUM: rec_put_enum(&line, fs->key, (int)(want[fs->key] = k->nnames - 1)); break;
			}
		}
		rec_finish(&line);
		ck_assert_int_eq(line.buf[line.len - 1], '\n');
		ck_assert_ptr_eq(strchr(line.buf, '\n'), line.buf + line.len - 1);
		copy_str(buf, sizeof(buf), line.buf);
		ck_assert_msg(history_parse_line(buf, strlen(buf) - 1, &rec), "%s", line.buf);
		ck_assert_int_eq(rec.type, t);
		ck_assert_int_eq(rec.when, 1795415412);
		for (int f = 0; f < REC_FIELD_COUNT; f++) {
			const struct field_spec *fs = &record_fields[f];
			const struct key_spec *k = &hist_key_spec[fs->key];
			if (fs->type != (enum record_type)t)
				continue;
			ck_assert_ptr_nonnull(rec.known[fs->key]);
			ck_assert_ptr_eq(rec.known[fs->key], rec_get(&rec, k->name));
			switch (k->kind) {
			case KEY_INT: ck_assert_int_eq(rec_get_int(&rec, fs->key, -1), want[fs->key]); break;
			case KEY_NAME: ck_assert_str_eq(rec.known[fs->key], k->name); break;
			case KEY_TEXT: ck_assert_str_eq(rec.known[fs->key], "tab\there\nnew\r \\ end"); break;
			case KEY_ENUM: ck_assert_int_eq(rec_get_enum(&rec, fs->key, -1), want[fs->key]); break;
			}
		}
	}
	sb_free(&line);
	setenv("TZ", "UTC", 1);
	tzset();
}
END_TEST

START_TEST(type_is_a_whole_word)
{
	static const char *const bad[] = { STAMP "\tse\tpain=1", STAMP "\tmornings\tpain=1",
					   STAMP "\tmorning2", STAMP "\tsafet", STAMP "\t" };
	struct hist_record rec;
	char buf[128];

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		copy_str(buf, sizeof(buf), bad[i]);
		ck_assert_msg(!history_parse_line(buf, strlen(buf), &rec), "parsed: %s", bad[i]);
	}
	copy_str(buf, sizeof(buf), STAMP "\tsafety");
	ck_assert(history_parse_line(buf, strlen(buf), &rec));
	ck_assert_int_eq(rec.type, REC_SAFETY);
	copy_str(buf, sizeof(buf), STAMP "\tmorning\tpain=1");
	ck_assert(history_parse_line(buf, strlen(buf), &rec));
	ck_assert_int_eq(rec.type, REC_MORNING);
}
END_TEST

START_TEST(enum_writer_words)
{
	struct strbuf line;

	sb_init(&line);
	rec_put_enum(&line, HK_SIDE, SIDE_LEFT);
	rec_put_enum(&line, HK_SIDE, SIDE_NONE); /* no word: nothing written */
	rec_put_enum(&line, HK_STATUS, SESSION_INTERRUPTED);
	rec_put_enum(&line, HK_ANSWER, ANSWER_NO);
	ck_assert_str_eq(line.buf, "\tside=left\tstatus=interrupted\tanswer=no");
	sb_free(&line);
}
END_TEST

/* A writer handed a key of another kind is a bug: it stops there. */
START_TEST(writer_rejects_key_of_another_kind)
{
	struct strbuf line;

	sb_init(&line);
	rec_put_int(&line, HK_SESSION, 1);
}
END_TEST

static const char log_lines[] =
	STAMP "\tstart\tsession=b\tprogram=p\tlevel=2\n"
	STAMP "\tset\tsession=b\texercise=calf-raise\tset=1\treps=12\ttarget=12\tsecs=40\n"
	"2026-11-22T07:30:00+01:00\tstart\tsession=a\tprogram=q\tlevel=1\n"
	"2026-11-22T07:31:00+01:00\tset\tsession=a\texercise=balance\tside=left\tset=1\tsecs=30\ttarget=30\n"
	STAMP "\tset\tsession=b\texercise=balance\tside=right\tset=02\tsecs=25\n";

/* The sets come in the file's order and follow their sessions when those are sorted. */
START_TEST(session_log_keeps_sets)
{
	struct session_log log;
	char *copy = xstrdup(log_lines), *line, *save = NULL;
	char *out = NULL;
	size_t outlen = 0;
	FILE *f;
	struct report_request req = { .log = &log };
	struct set_cursor at = { 0 };
	struct set_entry e[4];

	setenv("TZ", "CET-1", 1);
	tzset();
	memset(&log, 0, sizeof(log));
	for (line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		struct hist_record rec;
		ck_assert(history_parse_line(line, strlen(line), &rec));
		session_log_add(&log, &rec);
	}
	session_log_finish(&log);
	ck_assert_uint_eq(log.nsessions, 2);
	ck_assert_str_eq(log.sessions[0].id, "a");
	ck_assert_uint_eq(log.nsets, 3);
	ck_assert_uint_eq(log.nexercises, 2);
	ck_assert(session_log_next_set(&log, &at, &e[0]));
	ck_assert(session_log_next_set(&log, &at, &e[1]));
	ck_assert(session_log_next_set(&log, &at, &e[2]));
	ck_assert(!session_log_next_set(&log, &at, &e[3]));
	ck_assert_str_eq(log.sessions[e[0].session].id, "b");
	ck_assert_str_eq(log.sessions[e[1].session].id, "a");
	ck_assert_str_eq(log.sessions[e[2].session].id, "b");
	ck_assert_str_eq(log.exercises[e[1].exercise], "balance");
	ck_assert_int_eq(e[1].side, SIDE_LEFT);
	ck_assert_int_eq(e[1].reps, -1);
	ck_assert_int_eq(e[1].secs, 30);
	ck_assert_int_eq(e[1].day, e[0].day - 1);
	ck_assert_int_eq(e[1].secs_of_day, 7 * 3600 + 31 * 60);
	ck_assert_int_eq(e[0].reps, 12);
	ck_assert_ptr_null(e[0].verbatim);
	ck_assert_int_eq(e[2].set, 2);
	ck_assert_int_eq(e[2].target, -1);
	ck_assert_ptr_nonnull(e[2].verbatim);
	ck_assert_str_eq(e[2].verbatim->text[0], "02");

	f = open_memstream(&out, &outlen);
	ck_assert_ptr_nonnull(f);
	report_csv(f, &req);
	fclose(f);
	ck_assert_str_eq(out, "date,time,session,program,level,exercise,side,set,reps,target,secs,"
			      "status,pain_during,pain_after\n"
			      "2026-11-23,07:30:12,b,p,2,calf-raise,,1,12,12,40,interrupted,,\n"
			      "2026-11-22,07:31:00,a,q,1,balance,left,1,,30,30,interrupted,,\n"
			      "2026-11-23,07:30:12,b,p,2,balance,right,02,,,25,interrupted,,\n");
	free(out);
	free(copy);
	session_log_free(&log);
	setenv("TZ", "UTC", 1);
	tzset();
}
END_TEST

/* Records added after session_log_finish (as a test or the fuzzer may) find room. */
START_TEST(session_log_grows_after_finish)
{
	struct session_log log;

	memset(&log, 0, sizeof(log));
	for (int round = 0; round < 2; round++) {
		for (int i = 0; i < 200; i++) {
			struct hist_record rec;
			char line[160];
			snprintf(line, sizeof(line), STAMP "\tset\tsession=s%d-%d\texercise=e%d\tset=1",
				 round, i, i);
			ck_assert(history_parse_line(line, strlen(line), &rec));
			session_log_add(&log, &rec);
		}
		session_log_finish(&log);
	}
	ck_assert_uint_eq(log.nsessions, 400);
	ck_assert_uint_eq(log.nexercises, 200);
	ck_assert_uint_eq(log.nsets, 400);
	session_log_free(&log);
}
END_TEST

/* A note in Latin-1 or with a C1 control (a pasted U+0085) is cleaned as it is written,
 * so the end record with its status and pain ratings is read back, not skipped. */
START_TEST(writer_cleans_text_the_reader_rejects)
{
	static const char *const notes[] = { "caf\xe9", "a\xc2\x85" "b", "bell\x07", "del\x7f",
					     "cut \xe2\x82", "\xff\xfe", "ok \xc3\xa9" };
	static const char *const want[] = { "caf?", "a?b", "bell?", "del?", "cut ??", "??",
					    "ok \xc3\xa9" };
	struct strbuf line;

	sb_init(&line);
	for (size_t i = 0; i < sizeof(notes) / sizeof(notes[0]); i++) {
		struct hist_record rec;
		char buf[256];

		rec_begin(&line, 1795415412, REC_END);
		rec_put_str(&line, HK_SESSION, "s");
		rec_put_enum(&line, HK_STATUS, SESSION_DONE);
		rec_put_int(&line, HK_PAIN_DURING, 3);
		rec_put_int(&line, HK_PAIN_AFTER, 2);
		rec_put_str(&line, HK_NOTE, notes[i]);
		rec_finish(&line);
		copy_str(buf, sizeof(buf), line.buf);
		ck_assert_msg(history_parse_line(buf, strlen(buf) - 1, &rec), "rejected: %s", line.buf);
		ck_assert_str_eq(rec.known[HK_NOTE], want[i]);
		ck_assert_int_eq(rec_get_int(&rec, HK_PAIN_DURING, -1), 3);
		ck_assert_int_eq(rec_get_int(&rec, HK_PAIN_AFTER, -1), 2);
	}
	/* a name: what it may not hold as '_', cut to its length, never empty */
	rec_begin(&line, 1795415412, REC_SKIP);
	rec_put_str(&line, HK_SESSION, "");
	rec_put_str(&line, HK_EXERCISE, "two words=a\\b\tc\xe9");
	rec_finish(&line);
	ck_assert_str_eq(strchr(line.buf, '\t') + 1, "skip\tsession=_\texercise=two_words_a_b_c_\n");
	sb_free(&line);
}
END_TEST

/* What talus can be handed beyond the schema's limits is written at the limit: a set
 * left running for two days is a set of a day, not a line the reader skips. */
/* Level 0 (protective) is a level like any other in the records; -1 is "unknown". */
START_TEST(level_0_round_trips)
{
	static const char *const lines[] = {
		STAMP "\tstart\tsession=z\tprogram=p\tlevel=0\tplanned=8",
		STAMP "\tset\tsession=z\texercise=calf-hold\tset=1\tsecs=30\ttarget=30",
		STAMP "\tlevel\tprogram=p\tlevel=0",
		"2026-11-23T07:40:00+01:00\tset\tsession=y\texercise=calf-hold\tset=1\tsecs=30",
	};
	struct session_log log;
	struct hist_record rec;
	struct strbuf line;
	struct report_request req = { .log = &log };
	char buf[256], *out = NULL;
	size_t outlen = 0;
	FILE *f;

	sb_init(&line);
	rec_begin(&line, 1795415412, REC_START);
	rec_put_str(&line, HK_SESSION, "z");
	rec_put_str(&line, HK_PROGRAM, "p");
	rec_put_int(&line, HK_LEVEL, 0);
	rec_finish(&line);
	ck_assert_ptr_nonnull(strstr(line.buf, "\tlevel=0\n"));
	rec_begin(&line, 1795415412, REC_LEVEL);
	rec_put_str(&line, HK_PROGRAM, "p");
	rec_put_int(&line, HK_LEVEL, -1); /* below the schema: written at its limit */
	rec_finish(&line);
	ck_assert_ptr_nonnull(strstr(line.buf, "\tlevel=0\n"));
	sb_free(&line);
	copy_str(buf, sizeof(buf), STAMP "\tlevel\tprogram=p\tlevel=-1");
	ck_assert(!history_parse_line(buf, strlen(buf), &rec));

	setenv("TZ", "CET-1", 1);
	tzset();
	memset(&log, 0, sizeof(log));
	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		copy_str(buf, sizeof(buf), lines[i]);
		ck_assert_msg(history_parse_line(buf, strlen(buf), &rec), "%s", lines[i]);
		session_log_add(&log, &rec);
	}
	session_log_finish(&log);
	ck_assert_uint_eq(log.nsessions, 2);
	ck_assert_str_eq(log.sessions[0].id, "z");
	ck_assert_int_eq(log.sessions[0].level, 0);
	ck_assert_int_eq(log.sessions[1].level, -1); /* its start was lost */
	ck_assert_uint_eq(log.nlevels, 1);
	ck_assert_int_eq(log.levels[0].level, 0);

	f = open_memstream(&out, &outlen);
	ck_assert_ptr_nonnull(f);
	report_csv(f, &req);
	fclose(f);
	ck_assert_ptr_nonnull(strstr(out, "\n2026-11-23,07:30:12,z,p,0,calf-hold,,1,,30,30,"));
	ck_assert_ptr_nonnull(strstr(out, "\n2026-11-23,07:40:00,y,,,calf-hold,,1,,,30,"));
	free(out);
	out = NULL;
	f = open_memstream(&out, &outlen);
	ck_assert_ptr_nonnull(f);
	report_history(f, &req);
	fclose(f);
	ck_assert_msg(strstr(out, "2026-11-23  p                        0     1/8"), "%s", out);
	ck_assert_msg(strstr(out, "2026-11-23  ?                        ?       1"), "%s", out);
	free(out);
	session_log_free(&log);
	setenv("TZ", "UTC", 1);
	tzset();
}
END_TEST

START_TEST(writer_clamps_numbers_and_times)
{
	struct strbuf line;
	struct hist_record rec;
	char buf[512];

	sb_init(&line);
	setenv("TZ", "UTC", 1);
	tzset();
	rec_begin(&line, 1795415412, REC_SET);
	rec_put_str(&line, HK_SESSION, "s");
	rec_put_str(&line, HK_EXERCISE, "e");
	rec_put_int(&line, HK_SET, 0);
	rec_put_int(&line, HK_SECS, 2 * 86400);
	rec_put_int(&line, HK_REPS, -5);
	rec_finish(&line);
	ck_assert_str_eq(line.buf, "2026-11-23T06:30:12+00:00\tset\tsession=s\texercise=e\tset=1\tsecs=86400\treps=0\n");
	rec_begin(&line, 1795415412, REC_START);
	rec_put_str(&line, HK_SESSION, "s");
	rec_put_str(&line, HK_PROGRAM, "p");
	rec_put_int(&line, HK_LEVEL, 99);
	rec_put_int(&line, HK_PLANNED, 250000);
	rec_finish(&line);
	ck_assert_ptr_nonnull(strstr(line.buf, "\tlevel=20\tplanned=100000\n"));
	rec_begin(&line, 1795415412, REC_END);
	rec_put_str(&line, HK_SESSION, "s");
	rec_put_enum(&line, HK_STATUS, SESSION_DONE);
	rec_put_int(&line, HK_SECS, 20 * 86400);
	rec_finish(&line);
	ck_assert_ptr_nonnull(strstr(line.buf, "\tsecs=864000\n"));

	/* an offset beyond 14 h: the same instant in UTC */
	setenv("TZ", "XXX-15", 1);
	tzset();
	rec_begin(&line, 1795415412, REC_MORNING);
	rec_put_int(&line, HK_PAIN, 1);
	rec_finish(&line);
	ck_assert_str_eq(line.buf, "2026-11-23T06:30:12Z\tmorning\tpain=1\n");
	/* before 1970 and after 9999: clamped to the nearest instant a stamp holds */
	setenv("TZ", "UTC", 1);
	tzset();
	rec_begin(&line, -86400 * 400L, REC_MORNING);
	rec_put_int(&line, HK_PAIN, 1);
	rec_finish(&line);
	ck_assert_str_eq(line.buf, "1970-01-01T00:00:00Z\tmorning\tpain=1\n");
	setenv("TZ", "XXX+5", 1); /* 1970-01-01T02:00Z is 1969 here: written in UTC */
	tzset();
	rec_begin(&line, 7200, REC_MORNING);
	rec_put_int(&line, HK_PAIN, 1);
	rec_finish(&line);
	ck_assert_str_eq(line.buf, "1970-01-01T02:00:00Z\tmorning\tpain=1\n");
	if (sizeof(time_t) > 4) {
		rec_begin(&line, (time_t)300000000000LL, REC_MORNING);
		rec_put_int(&line, HK_PAIN, 1);
		rec_finish(&line);
		ck_assert_str_eq(line.buf, "9999-12-31T23:59:59Z\tmorning\tpain=1\n");
	}
	copy_str(buf, sizeof(buf), line.buf);
	ck_assert(history_parse_line(buf, strlen(buf) - 1, &rec));
	setenv("TZ", "UTC", 1);
	tzset();
	sb_free(&line);
}
END_TEST

/* A line the reader would reject is never written: a required key missing is a bug. */
START_TEST(writer_dies_on_a_record_missing_a_required_key)
{
	struct strbuf line;

	sb_init(&line);
	rec_begin(&line, 1795415412, REC_MORNING);
	rec_finish(&line);
}
END_TEST

static unsigned long rng_state = 88172645463325252UL;

static unsigned long rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static void random_bytes(char *buf, size_t max)
{
	size_t n = rnd() % max;

	for (size_t i = 0; i < n; i++) {
		unsigned long r = rnd() % 8;
		/* mostly ASCII, some controls and escapes, some UTF-8 and bytes of nothing */
		buf[i] = (char)(r < 4 ? 0x20 + rnd() % 95 : r == 4 ? 1 + rnd() % 31 : 0x80 + rnd() % 128);
	}
	buf[n] = '\0';
}

static long random_int(const struct field_spec *f)
{
	switch (rnd() % 6) {
	case 0: return f->min - 1 - (long)(rnd() % 1000000);
	case 1: return f->max + 1 + (long)(rnd() % 1000000);
	case 2: return rnd() % 2 ? LONG_MIN : LONG_MAX;
	default: return f->min + (long)(rnd() % (unsigned long)(f->max - f->min + 1));
	}
}

/* The property: whatever the writers are handed, the reader accepts the line. Random
 * records of every type, values within and beyond the limits, random text bytes,
 * random times in zones of odd offsets. */
START_TEST(property_the_reader_accepts_every_line_written)
{
	static const char *const zones[] = { "UTC", "CET-1", "XXX-15", "XXX+14", "XXX-14",
					     "XXX+12:30:15", "XXX-5:45", "America/St_Johns" };
	struct strbuf line;

	sb_init(&line);
	for (int i = 0; i < 20000; i++) {
		int t = (int)(rnd() % REC_TYPE_COUNT);
		struct hist_record rec;
		long want[HK_COUNT];
		char text[1600];
		char *copy;
		time_t when;

		if (i % 500 == 0) {
			setenv("TZ", zones[(i / 500) % (sizeof(zones) / sizeof(zones[0]))], 1);
			tzset();
		}
		switch (rnd() % 4) {
		case 0: when = -(time_t)(rnd() % 4000000000UL); break;
		case 1: when = sizeof(time_t) > 4 ? (time_t)(253402300799LL - 100000 + (long long)(rnd() % 200000)) : 0; break;
		default: when = (time_t)(rnd() % 4102444800UL); break;
		}
		rec_begin(&line, when, (enum record_type)t);
		for (int f = 0; f < REC_FIELD_COUNT; f++) {
			const struct field_spec *fs = &record_fields[f];
			const struct key_spec *k = &hist_key_spec[fs->key];
			long v;

			if (fs->type != (enum record_type)t || (!fs->required && rnd() % 3 == 0))
				continue;
			switch (k->kind) {
			case KEY_INT:
				v = random_int(fs);
				rec_put_int(&line, fs->key, v);
				want[fs->key] = v < fs->min ? fs->min : v > fs->max ? fs->max : v;
				break;
			case KEY_NAME:
			case KEY_TEXT:
				random_bytes(text, k->kind == KEY_NAME ? 100 : sizeof(text));
				rec_put_str(&line, fs->key, text);
				break;
			case KEY_ENUM:
				rec_put_enum(&line, fs->key, (int)(rnd() % (unsigned)k->nnames));
				break;
			}
			if (k->kind != KEY_INT)
				want[fs->key] = LONG_MIN;
		}
		if (rnd() % 4 == 0) { /* a key of another type: not checked there */
			random_bytes(text, 200);
			rec_put_str(&line, HK_NOTE, text);
		}
		rec_finish(&line);
		copy = xstrdup(line.buf);
		ck_assert_msg(history_parse_line(copy, strlen(copy) - 1, &rec), "rejected: %s", line.buf);
		ck_assert_int_eq(rec.type, t);
		for (int f = 0; f < REC_FIELD_COUNT; f++) {
			const struct field_spec *fs = &record_fields[f];
			if (fs->type == (enum record_type)t && rec.known[fs->key] &&
			    hist_key_spec[fs->key].kind == KEY_INT)
				ck_assert_int_eq(rec_get_int(&rec, fs->key, -1), want[fs->key]);
		}
		free(copy);
	}
	sb_free(&line);
	setenv("TZ", "UTC", 1);
	tzset();
}
END_TEST

Suite *record_suite(void)
{
	Suite *s = suite_create("record");
	TCase *tc = tcase_create("record");

	tcase_add_test(tc, readme_table_matches_schema);
	tcase_add_test(tc, validator_holds_each_field_to_its_limits);
	tcase_add_test(tc, writer_parser_round_trip_each_type);
	tcase_add_test(tc, type_is_a_whole_word);
	tcase_add_test(tc, enum_writer_words);
	tcase_add_test(tc, session_log_keeps_sets);
	tcase_add_test(tc, session_log_grows_after_finish);
	tcase_add_test(tc, writer_cleans_text_the_reader_rejects);
	tcase_add_test(tc, writer_clamps_numbers_and_times);
	tcase_add_test(tc, level_0_round_trips);
	tcase_add_test(tc, property_the_reader_accepts_every_line_written);
	tcase_add_exit_test(tc, writer_rejects_key_of_another_kind, 1); /* through die() */
	tcase_add_exit_test(tc, writer_dies_on_a_record_missing_a_required_key, 1);
	suite_add_tcase(s, tc);
	return s;
}
