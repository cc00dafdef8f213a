/* The record format: the schema's tables made from record.h's X-macros, the line
 * parser and the validator they drive; the writers are record_write.c. No file I/O. */
#include "record.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

#define REC_WORD(id, word) [id] = word,

const char *const side_name[SIDE_COUNT] = { SIDES(REC_WORD) };
const char *const session_status_name[SESSION_STATUS_COUNT] = { SESSION_STATUSES(REC_WORD) };
const char *const answer_name[ANSWER_COUNT] = { ANSWERS(REC_WORD) };
const char *const sore_side_name[SORE_SIDE_COUNT] = { SORE_SIDES(REC_WORD) };
const char *const surface_name[SURFACE_COUNT] = { SURFACES(REC_WORD) };
const char *const onset_name[ONSET_COUNT] = { ONSETS(REC_WORD) };
const char *const since_name[SINCE_COUNT] = { SINCES(REC_WORD) };
const char *const site_name[SITE_COUNT] = { SITES(REC_WORD) };
const char *const flag_question_name[FQ_COUNT] = { FLAG_QUESTIONS(REC_WORD) };
const char *const flag_trigger_name[TRIG_COUNT] = { FLAG_TRIGGERS(REC_WORD) };
const char *const record_type_name[REC_TYPE_COUNT] = { RECORD_TYPES(REC_WORD) };

#define REC_KEY_SPEC(id, word, kind, names, nnames) [id] = { word, kind, names, nnames },
#define REC_FIELD_SPEC(type, key, required, min, max) { type, key, required, min, max },

const struct key_spec hist_key_spec[HK_COUNT] = { HIST_KEYS(REC_KEY_SPEC) };
const struct field_spec record_fields[REC_FIELD_COUNT] = { RECORD_FIELDS(REC_FIELD_SPEC) };

/* Where each type's fields begin in record_fields: type t has
 * record_fields[type_first[t]] up to record_fields[type_first[t + 1]]. */
static unsigned char type_first[REC_TYPE_COUNT + 1];

static void init_type_first(void)
{
	size_t f = 0;

	for (int t = 0; t < REC_TYPE_COUNT; t++) {
		type_first[t] = (unsigned char)f;
		while (f < REC_FIELD_COUNT && record_fields[f].type == (enum record_type)t)
			f++;
	}
	type_first[REC_TYPE_COUNT] = (unsigned char)f;
	if (f != REC_FIELD_COUNT)
		die("record schema: RECORD_FIELDS is not grouped by type in the order of RECORD_TYPES");
}

/* Known keys by a small hash of first byte, second byte and length, the next slot on a
 * collision (the table is at least half empty), so a field costs a compare or two. */
#define KEY_SLOTS 128
_Static_assert(HK_COUNT * 2 <= KEY_SLOTS, "the key table is at least half empty");
static signed char key_slot_id[KEY_SLOTS];
static size_t key_name_len[HK_COUNT];

static unsigned key_hash(const char *key, size_t len)
{
	return ((unsigned char)key[0] + (unsigned char)key[1] * 11u + (unsigned)len * 3u) % KEY_SLOTS;
}

static void init_key_slots(void)
{
	memset(key_slot_id, -1, sizeof(key_slot_id));
	for (int i = 0; i < HK_COUNT; i++) {
		unsigned h = key_hash(hist_key_spec[i].name, key_name_len[i] = strlen(hist_key_spec[i].name));
		while (key_slot_id[h] >= 0) /* a shared slot: the next free one */
			h = (h + 1) % KEY_SLOTS;
		key_slot_id[h] = (signed char)i;
	}
}

static int key_id_len(const char *key, size_t len)
{
	int id;

	if (len < 2)
		return -1;
	/* the length first: a key longer than the name must not read past the name */
	for (unsigned h = key_hash(key, len); (id = key_slot_id[h]) >= 0; h = (h + 1) % KEY_SLOTS)
		if (len == key_name_len[id] && memcmp(key, hist_key_spec[id].name, len) == 0)
			return id;
	return -1;
}

/* Bytes that stand for themselves in a value: printable ASCII but the backslash. */
static bool plain_byte[256];

/* Bytes a key may hold: printable ASCII but space and '='. */
static bool key_byte[256];

/* Bytes that end a name or make it invalid: NUL, space, tab, newline, CR, '\\', '='. */
static bool name_stop[256];

static void init_plain_bytes(void)
{
	for (int c = 0x20; c < 0x7f; c++) {
		plain_byte[c] = c != '\\';
		key_byte[c] = c != ' ' && c != '=';
	}
	for (const char *p = " \t\n\r\\="; *p; p++)
		name_stop[(unsigned char)*p] = true;
	name_stop[0] = true;
}

static size_t type_name_len[REC_TYPE_COUNT];

/* The lookup tables of the parser, made on first use. */
static void init_tables(void)
{
	if (plain_byte['a'])
		return;
	init_plain_bytes();
	init_key_slots();
	init_type_first();
	for (int t = 0; t < REC_TYPE_COUNT; t++)
		type_name_len[t] = strlen(record_type_name[t]);
}

static int key_id(const char *key)
{
	return key_id_len(key, strlen(key));
}

int key_enum_value(enum hist_key key, const char *word)
{
	const struct key_spec *k = &hist_key_spec[key];

	if (!word)
		return -1;
	for (int i = 0; i < k->nnames; i++)
		if (k->names[i] && k->names[i][0] == word[0] && strcmp(word, k->names[i]) == 0)
			return i;
	return -1;
}

/* ---- reading ---- */

static bool two_digits(const char *s, int *out)
{
	if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
		return false;
	*out = (s[0] - '0') * 10 + (s[1] - '0');
	return true;
}

/* Records of one day come together: remember the last date parsed. */
static bool parse_date_cached(const char *date, day_t *day)
{
	static char last[11];
	static day_t last_day;

	if (memcmp(date, last, 11) == 0) {
		*day = last_day;
		return true;
	}
	if (!date_parse(date, day))
		return false;
	memcpy(last, date, 11);
	last_day = *day;
	return true;
}

/* 2026-11-23T07:30:12+01:00 (or Z) */
static bool parse_stamp(const char *s, struct hist_record *rec)
{
	char date[11];
	int hh, mm, ss, oh = 0, om = 0, sign = 1;
	size_t len = strlen(s);

	if (len != 25 && len != 20)
		return false;
	memcpy(date, s, 10);
	date[10] = '\0';
	if (!parse_date_cached(date, &rec->day) || s[10] != 'T' || s[13] != ':' || s[16] != ':' ||
	    !two_digits(s + 11, &hh) || !two_digits(s + 14, &mm) || !two_digits(s + 17, &ss) ||
	    hh > 23 || mm > 59 || ss > 60)
		return false;
	if (len == 20) {
		if (s[19] != 'Z')
			return false;
	} else {
		if ((s[19] != '+' && s[19] != '-') || s[22] != ':' || !two_digits(s + 20, &oh) ||
		    !two_digits(s + 23, &om) || oh > 14 || om > 59)
			return false;
		sign = s[19] == '-' ? -1 : 1;
	}
	rec->secs_of_day = hh * 3600 + mm * 60 + ss;
	rec->when = (int64_t)rec->day * 86400 + rec->secs_of_day - sign * (oh * 3600 + om * 60);
	return true;
}

const char *rec_get(const struct hist_record *rec, const char *key)
{
	int id;

	init_tables();
	id = key_id(key);

	if (id >= 0)
		return rec->known[id];
	for (size_t i = 0; i < rec->nfields; i++)
		if (rec->fields[i].key[0] == key[0] && strcmp(rec->fields[i].key, key) == 0)
			return rec->fields[i].value;
	return NULL;
}

long rec_get_int(const struct hist_record *rec, enum hist_key key, long fallback)
{
	long v;

	if (!rec->known[key])
		return fallback;
	if (rec->checked & (UINT64_C(1) << key) && hist_key_spec[key].kind == KEY_INT)
		return rec->value[key];
	return parse_long(rec->known[key], -1000000000L, 1000000000L, &v) ? v : fallback;
}

int rec_get_enum(const struct hist_record *rec, enum hist_key key, int fallback)
{
	int v;

	if (!rec->known[key])
		return fallback;
	if (rec->checked & (UINT64_C(1) << key) && hist_key_spec[key].kind == KEY_ENUM)
		return (int)rec->value[key];
	v = key_enum_value(key, rec->known[key]);
	return v >= 0 ? v : fallback;
}

/* 1 to REC_NAME_MAX bytes, none of them a name_stop. */
static bool name_valid(const char *s)
{
	size_t n = 0;

	while (!name_stop[(unsigned char)s[n]])
		if (++n > REC_NAME_MAX)
			return false;
	return n > 0 && s[n] == '\0';
}

/* Checks one field of rec against the schema and keeps its number or word's index. */
static bool field_valid(const struct field_spec *f, struct hist_record *rec)
{
	const char *s = rec->known[f->key];
	long *v = &rec->value[f->key];

	if (!s)
		return !f->required;
	switch (hist_key_spec[f->key].kind) {
	case KEY_INT:
		if (!parse_long(s, f->min, f->max, v))
			return false;
		break;
	case KEY_ENUM:
		if ((*v = key_enum_value(f->key, s)) < 0)
			return false;
		break;
	case KEY_NAME:
		if (!name_valid(s))
			return false;
		break;
	case KEY_TEXT:
		break;
	}
	rec->checked |= UINT64_C(1) << f->key;
	return true;
}

/* What each record type must hold for its readers to trust it, as the schema says. */
static bool fields_valid(struct hist_record *rec)
{
	rec->checked = 0;
	for (unsigned f = type_first[rec->type]; f < type_first[rec->type + 1]; f++)
		if (!field_valid(&record_fields[f], rec))
			return false;
	return true;
}

/* Skips the plain bytes at p, eight at a time while a whole word lies before end: a
 * word with no byte below 0x20, none at 0x7f or above and no backslash is plain
 * throughout (the bit tests of "Bit Twiddling Hacks", hasless and haszero). */
#define ONES 0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL

static char *skip_plain(char *p, const char *end)
{
	while (end - p >= 8) {
		uint64_t x, bad;
		memcpy(&x, p, 8);
		bad = ((x - 0x20 * ONES) & ~x) | ((x + ONES) | x) | (((x ^ ('\\' * ONES)) - ONES) & ~(x ^ ('\\' * ONES)));
		if (bad & HIGHS)
			break;
		p += 8;
	}
	while (plain_byte[(unsigned char)*p])
		p++;
	return p;
}

/* Checks a value and undoes its escapes in place, from p up to end (a NUL). Most values
 * are plain ASCII and are only scanned. */
static bool clean_value(char *p, char *end)
{
	char *out;

	while (plain_byte[(unsigned char)*p])
		p++;
	for (out = p; p < end; p++) {
		unsigned char c = (unsigned char)*p;
		if (plain_byte[c]) {
			*out++ = (char)c;
		} else if (c >= 0x80) {
			int n = utf8_seq_len((unsigned char *)p);
			if (n == 0)
				return false;
			while (n-- > 1)
				*out++ = *p++;
			*out++ = *p;
		} else if (c == '\\') {
			switch (*++p) {
			case 't': *out++ = '\t'; break;
			case 'n': *out++ = '\n'; break;
			case 'r': *out++ = '\r'; break;
			case '\\': *out++ = '\\'; break;
			default: return false; /* an unknown escape, or one cut off */
			}
		} else {
			return false; /* a control character */
		}
	}
	*out = '\0';
	return true;
}

/* Splits the line at tabs and each field at its first '=', in place. A history is
 * mostly this function, so it leans on memchr and a table. */
bool history_parse_line(char *line, size_t len, struct hist_record *rec)
{
	char *p, *end = line + len, *type, *tab;

	init_tables();
	rec->type = 0; /* REC_TYPE_COUNT only for a well-formed line of an unknown type */
	*end = '\0';
	tab = memchr(line, '\t', len);
	if (!tab)
		return false;
	*tab = '\0';
	if (!parse_stamp(line, rec))
		return false;
	type = tab + 1;
	tab = memchr(type, '\t', (size_t)(end - type));
	p = tab ? tab + 1 : end;
	if (tab)
		*tab = '\0';
	for (rec->type = 0; rec->type < REC_TYPE_COUNT; rec->type++)
		if ((size_t)(p - type) - (tab != NULL) == type_name_len[rec->type] &&
		    memcmp(type, record_type_name[rec->type], type_name_len[rec->type]) == 0)
			break;
	if (rec->type == REC_TYPE_COUNT) {
		/* a type of a later version when it is a word of a-z, 0-9 and '-': rec->type
		 * says so; anything else is damage */
		size_t n = strspn(type, "abcdefghijklmnopqrstuvwxyz0123456789-");
		if (n == 0 || type[n] != '\0')
			rec->type = 0;
		return false;
	}
	rec->nfields = 0;
	memset(rec->known, 0, sizeof(rec->known));
	while (p < end) {
		char *key = p, *value, *fend;
		int id;

		while (key_byte[(unsigned char)*p])
			p++;
		if (*p != '=' || p == key || rec->nfields == REC_MAX_FIELDS)
			return false;
		id = key_id_len(key, (size_t)(p - key));
		*p++ = '\0';
		value = p;
		p = skip_plain(p, end);
		if (*p != '\t' && *p != '\0') { /* escapes or UTF-8: the careful path */
			fend = memchr(p, '\t', (size_t)(end - p));
			fend = fend ? fend : end;
			*fend = '\0';
			if (!clean_value(p, fend))
				return false;
			p = fend;
		}
		fend = p;
		*fend = '\0';
		rec->fields[rec->nfields].key = key;
		rec->fields[rec->nfields++].value = value;
		if (id >= 0 && !rec->known[id])
			rec->known[id] = value;
		p = fend + 1;
	}
	return fields_valid(rec);
}

