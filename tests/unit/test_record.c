/* The record schema: the README's table says what the schema says, the validator holds
 * each key to its limits, every record type survives a write and a read, and the
 * session log keeps the sets. */
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
	tcase_add_exit_test(tc, writer_rejects_key_of_another_kind, 1); /* through die() */
	suite_add_tcase(s, tc);
	return s;
}
