/* Program files through cfg_parse_buf: what loads, and one exact message per bad input. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "program.h"
#include "unit.h"

static const char good[] =
	"title = \"Test\"\n"
	"levels = 3\n"
	"days = {mon, thu}\n"
	"exercise stretch {\n"
	"  phase = cooldown\n"
	"  sides = each\n"
	"  hold = 30\n"
	"}\n"
	"exercise raise {\n"
	"  title = \"Calf raise\"\n"
	"  sets = {2, 3}\n"
	"  reps = {10, 12, 15}\n"
	"  tempo = {2, 1, 2}\n"
	"  load = \"light band\"\n"
	"}\n"
	"exercise circles {\n"
	"  phase = warmup\n"
	"  reps = 10\n"
	"}\n";

START_TEST(loads_a_good_program)
{
	struct program p;
	char err[512] = "";

	ck_assert_msg(program_parse(&p, "t", "t.conf", good, err, sizeof(err)), "%s", err);
	ck_assert_str_eq(p.title, "Test");
	ck_assert_int_eq(p.levels, 3);
	ck_assert_uint_eq(p.days, (1u << 0) | (1u << 3));
	ck_assert_uint_eq(p.nexercises, 3);
	/* warm-up, main, cool-down; file order within a phase */
	ck_assert_str_eq(p.exercises[0].name, "circles");
	ck_assert_str_eq(p.exercises[1].name, "raise");
	ck_assert_str_eq(p.exercises[2].name, "stretch");
	ck_assert_str_eq(p.exercises[2].title, "stretch"); /* title defaults to the name */
	ck_assert(p.exercises[2].each_side);
	ck_assert(p.exercises[1].paced);
	ck_assert_int_eq(p.exercises[1].tempo[BEAT_DOWN], 2);
	program_free(&p);
}
END_TEST

START_TEST(per_level_values_repeat_the_last)
{
	struct program p;
	char err[512] = "";
	const struct exercise *raise;

	ck_assert_msg(program_parse(&p, "t", "t.conf", good, err, sizeof(err)), "%s", err);
	raise = &p.exercises[1];
	ck_assert_int_eq(level_value(&raise->sets, 1), 2);
	ck_assert_int_eq(level_value(&raise->sets, 2), 3);
	ck_assert_int_eq(level_value(&raise->sets, 3), 3);
	ck_assert_int_eq(level_value(&raise->reps, 3), 15);
	ck_assert_int_eq(level_value(&raise->rest, 2), 30); /* default */
	ck_assert_str_eq(level_text(&raise->load, 3), "light band");
	ck_assert_ptr_null(level_text(&raise->cue, 1));
	ck_assert_int_eq(p.exercises[0].sets.v[0], 1);      /* default */
	program_free(&p);
}
END_TEST

START_TEST(defaults_when_unset)
{
	struct program p;
	char err[512] = "";

	ck_assert_msg(program_parse(&p, "mini", "m.conf", "exercise a { hold = 5 }", err, sizeof(err)),
		      "%s", err);
	ck_assert_str_eq(p.title, "mini");
	ck_assert_int_eq(p.levels, 1);
	ck_assert_uint_eq(p.days, 0x15); /* mon, wed, fri */
	ck_assert_int_eq(p.get_ready, 5);
	ck_assert_ptr_null(p.next);
	program_free(&p);
}
END_TEST

struct bad_case {
	const char *text;
	const char *message;
};

#define EX "exercise a {\n"
static const struct bad_case bad_cases[] = {
	{ "=\n", "t.conf:1: unexpected token '='" },
	{ "levels = 2\nexercise a {\n  reps = 5\n", "t.conf:2: '{' opened here is never closed" },
	{ "exercise a {\n  reps = {5,\n", "t.conf:3: premature end of file" },
	{ "colour = 1\n", "t.conf:1: no such option 'colour'" },
	{ EX "  reps = 5\n  weight = 3\n}\n", "t.conf:3: no such option 'weight'" },
	{ EX "  sets = 2\n}\n", "t.conf:1: exercise 'a' needs reps, hold or intervals" },
	{ EX "  reps = 5\n  hold = 30\n}\n", "t.conf:3: exercise 'a' has both reps and hold; give one" },
	{ EX "  sets = 0\n  reps = 5\n}\n", "t.conf:2: sets must be 1-10, got 0" },
	{ EX "  sets = 11\n  reps = 5\n}\n", "t.conf:2: sets must be 1-10, got 11" },
	{ EX "  reps = -3\n}\n", "t.conf:2: reps must be 1-100, got -3" },
	{ EX "  reps = 101\n}\n", "t.conf:2: reps must be 1-100, got 101" },
	{ EX "  hold = 3601\n}\n", "t.conf:2: hold must be 0-3600 s, got 3601" },
	{ EX "  reps = 5\n  word = \"WALK\"\n}\n", "t.conf:3: word names a hold; 'a' has none" },
	{ EX "  hold = 5\n  word = \"WALK SLOWLY NOW\"\n}\n", "t.conf:3: word is longer than 12 characters" },
	{ EX "  hold = 10\n  rest = -1\n}\n", "t.conf:3: rest must be 0-3600 s, got -1" },
	{ "levels = 0\n" EX "reps = 1\n}\n", "t.conf:1: levels must be 1-20, got 0" },
	{ "levels = 21\n" EX "reps = 1\n}\n", "t.conf:1: levels must be 1-20, got 21" },
	{ "levels = 2\n" EX "  reps = {1, 2, 3}\n}\n", "t.conf:3: reps has 3 values but levels is 2" },
	{ EX "  reps = 1\n  cue = {\"a\", \"b\"}\n}\n", "t.conf:3: cue has 2 values but levels is 1" },
	{ EX "  reps = 1\n}\n" EX "  hold = 1\n}\n", "t.conf:4: found duplicate title 'a'" },
	{ "days = {mon, mnday}\n", "t.conf:1: unknown day 'mnday' (use mon, tue, wed, thu, fri, sat, sun)" },
	{ "days = {mon, wed, mon}\n" EX "reps = 1\n}\n", "t.conf:1: day 'mon' is listed twice" },
	{ "days = {}\n" EX "reps = 1\n}\n", "t.conf:1: days is an empty list" },
	{ EX "  phase = main2\n  reps = 1\n}\n", "t.conf:2: unknown phase 'main2' (use warmup, main or cooldown)" },
	{ EX "  sides = both\n  reps = 1\n}\n", "t.conf:2: sides must be none or each, got 'both'" },
	{ EX "  reps = 5\n  tempo = {2, 1}\n}\n", "t.conf:3: tempo needs 3 values (seconds up, hold, down), got 2" },
	{ EX "  hold = 5\n  tempo = {2, 1, 2}\n}\n", "t.conf:3: tempo paces reps; 'a' is a hold" },
	{ EX "  reps = 5\n  tempo = {2, 31, 2}\n}\n", "t.conf:3: tempo values must be 0-30 s, got 31" },
	{ EX "  reps = 5\n  tempo = {0, 0, 0}\n}\n", "t.conf:3: tempo adds up to 0 s" },
	{ EX "  reps = abc\n}\n", "t.conf:2: invalid integer value for option 'reps'" },
	{ EX "  reps = 1.5\n}\n", "t.conf:2: invalid integer value for option 'reps'" },
	{ EX "  reps = {}\n}\n", "t.conf:2: reps is an empty list" },
	{ "title = \"a\"\ntitle = \"b\"\n", "t.conf:2: title is set twice (first at line 1)" },
	{ EX "  reps = 1\n  reps = 2\n}\n", "t.conf:3: reps is set twice (first at line 2)" },
	{ "title = \"Nothing\"\n", "t.conf:1: the program has no exercises" },
	{ "exercise \"a b\" {\n  reps = 1\n}\n",
	  "t.conf:1: exercise name 'a b' may use only letters, digits, '-' and '_' (at most 32)" },
	{ "exercise {\n  reps = 1\n}\n", "t.conf:1: missing title for section 'exercise'" },
	{ "title = \"12345678901234567890123456789012345678901\"\n",
	  "t.conf:1: title is longer than 40 characters" },
	{ "title = \"bad \xff\"\n",
	  "t.conf:1: title must be one line of UTF-8 text without control characters" },
	{ "\n" EX "  reps = 1\n  cue = \"one\\ntwo\"\n}\n",
	  "t.conf:4: cue must be one line of UTF-8 text without control characters" },
	{ "next = \"../etc\"\n", "t.conf:1: next must be a program name, got '../etc'" },
	{ "get-ready = 61\n", "t.conf:1: get-ready must be 0-60 s, got 61" },
	{ "max-days = 8\n", "t.conf:1: max-days must be 0-7, got 8" },
	{ "levels = 99999999999999999999\n", "t.conf:1: integer value for option 'levels' is out of range" },
	{ "\xc3\xa9t\xc3\xa9 = 1\n", "t.conf:1: no such option '\xc3\xa9t\xc3\xa9'" },
	{ "\x80\x81 = 1\n", "t.conf:1: no such option '?\?'" },
	{ "title = \"unterminated\n", "t.conf:1: the quote opened here is not closed on its line" },
	{ "title = \"${HOME}\"\n" EX "  reps = 1\n}\n",
	  "t.conf:1: '${' would read the environment; talus does not expand variables "
	  "(write '\\${' or use single quotes for the text itself)" },
	{ "# ${HOME} in a comment is fine\n" EX "  reps = 1\n  cue = x${USER}\n}\n",
	  "t.conf:4: '${' would read the environment; talus does not expand variables "
	  "(write '\\${' or use single quotes for the text itself)" },
};

START_TEST(rejects_bad_input)
{
	assert_program_rejected(_i, bad_cases[_i].text, bad_cases[_i].message);
}
END_TEST

START_TEST(deep_nesting_fails_fast)
{
	size_t n = 10000;
	char *text = malloc(n + 16);
	struct program p;
	char err[512] = "";

	strcpy(text, "exercise a ");
	memset(text + 11, '{', n);
	text[11 + n] = '\0';
	ck_assert(!program_parse(&p, "t", "t.conf", text, err, sizeof(err)));
	ck_assert_str_eq(err, "t.conf:1: unexpected token '{'");
	program_free(&p);
	free(text);
}
END_TEST

START_TEST(rejects_bad_program_name)
{
	struct program p;
	char err[512] = "";

	ck_assert(!program_parse(&p, "my program", "my program.conf", good, err, sizeof(err)));
	ck_assert_str_eq(err, "my program.conf: program name 'my program' may use only letters, "
			      "digits, '-' and '_' (at most 32)");
	program_free(&p);
}
END_TEST

START_TEST(file_with_nul_byte)
{
	char path[] = "/tmp/talus-test-XXXXXX";
	int fd = mkstemp(path);
	struct program p;
	char err[512] = "", want[600];

	ck_assert(fd >= 0);
	ck_assert_int_eq(write(fd, "title = \"x\"\n\nle\0vels = 1\n", 25), 25);
	close(fd);
	ck_assert(!program_load_file(&p, path, err, sizeof(err)));
	snprintf(want, sizeof(want), "%s:3: NUL byte in the file", path);
	ck_assert_str_eq(err, want);
	program_free(&p);
	unlink(path);
}
END_TEST

/* libconfuse would put $HOME into the title; talus keeps the text as written */
START_TEST(environment_is_not_expanded)
{
	struct program p;
	char err[512] = "";

	setenv("TALUS_TEST_SECRET", "s3cret", 1);
	ck_assert_msg(program_parse(&p, "t", "t.conf",
				    "title = '${TALUS_TEST_SECRET}'\n"
				    "summary = \"\\${TALUS_TEST_SECRET}\" # ${TALUS_TEST_SECRET}\n"
				    "/* ${TALUS_TEST_SECRET} */\n" EX "  reps = 1\n}\n",
				    err, sizeof(err)), "%s", err);
	ck_assert_str_eq(p.title, "${TALUS_TEST_SECRET}");
	ck_assert_str_eq(p.summary, "${TALUS_TEST_SECRET}");
	program_free(&p);
	unsetenv("TALUS_TEST_SECRET");
}
END_TEST

START_TEST(missing_file_and_directory)
{
	struct program p;
	char err[512] = "";

	ck_assert(!program_load_file(&p, "/nonexistent/x.conf", err, sizeof(err)));
	ck_assert_str_eq(err, "/nonexistent/x.conf: cannot open: No such file or directory");
	program_free(&p);
	ck_assert(!program_load_file(&p, "/tmp", err, sizeof(err)));
	ck_assert_str_eq(err, "/tmp: not a regular file");
	program_free(&p);
}
END_TEST

Suite *program_suite(void)
{
	Suite *s = suite_create("program");
	TCase *tc = tcase_create("load");
	TCase *bad = tcase_create("bad input");

	tcase_add_test(tc, loads_a_good_program);
	tcase_add_test(tc, per_level_values_repeat_the_last);
	tcase_add_test(tc, defaults_when_unset);
	tcase_add_test(tc, rejects_bad_program_name);
	tcase_add_test(tc, file_with_nul_byte);
	tcase_add_test(tc, missing_file_and_directory);
	tcase_add_test(tc, environment_is_not_expanded);
	tcase_add_loop_test(bad, rejects_bad_input, 0, (int)(sizeof(bad_cases) / sizeof(bad_cases[0])));
	tcase_add_test(bad, deep_nesting_fails_fast);
	suite_add_tcase(s, tc);
	suite_add_tcase(s, bad);
	return s;
}
