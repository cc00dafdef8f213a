/* The user config through cfg_parse_buf, and that the shipped file equals the defaults. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "confdoc.h"
#include "unit.h"

START_TEST(shipped_file_equals_defaults)
{
	struct user_config def, shipped;
	char err[512] = "";
	const char *path = "config/talus.conf"; /* tests run from the source tree */
	char *buf;

	buf = conf_read_file(path, err, sizeof(err));
	ck_assert_msg(buf != NULL, "%s", err);
	config_defaults(&def);
	ck_assert_msg(config_parse(&shipped, path, buf, err, sizeof(err)), "%s", err);
	ck_assert_str_eq(shipped.program, def.program);
	ck_assert_uint_eq(shipped.days, def.days);
	ck_assert_int_eq(shipped.week_start, def.week_start);
	ck_assert_int_eq(shipped.sound, def.sound);
	ck_assert_int_eq(shipped.color, def.color);
	ck_assert_ptr_null(shipped.history_file);
	ck_assert_int_eq(shipped.voice, def.voice);
	ck_assert(!def.voice);
	ck_assert_ptr_null(shipped.voice_command);
	ck_assert_int_eq(memcmp(&shipped.rules, &def.rules, sizeof(def.rules)), 0);
	ck_assert_int_eq(shipped.nalso, def.nalso);
	ck_assert_uint_eq(shipped.run_days, def.run_days);
	ck_assert_int_eq(shipped.long_run_day, def.long_run_day);
	config_free(&def);
	config_free(&shipped);
	free(buf);
}
END_TEST

START_TEST(reads_values)
{
	struct user_config c;
	char err[512] = "";

	setenv("HOME", "/home/runner", 1);
	ck_assert_msg(config_parse(&c, "c.conf",
				   "program = \"rice\"\ndays = {tue, sat}\nweek-start = sun\n"
				   "sound = off\ncolor = never\nhistory-file = \"~/h.tsv\"\n"
				   "progression {\n  advance-max-pain = 2\n  layoff-days = 10\n}\n",
				   err, sizeof(err)), "%s", err);
	ck_assert_str_eq(c.program, "rice");
	ck_assert_int_eq(c.program_line, 1);
	ck_assert_uint_eq(c.days, (1u << 1) | (1u << 5));
	ck_assert_int_eq(c.week_start, 6);
	ck_assert_int_eq(c.sound, SOUND_OFF);
	ck_assert_int_eq(c.color, COLOR_NEVER);
	ck_assert_str_eq(c.history_file, "/home/runner/h.tsv");
	ck_assert_int_eq(c.rules.advance_max_pain, 2);
	ck_assert_int_eq(c.rules.layoff_days, 10);
	ck_assert_int_eq(c.rules.repeat_max_pain, 5);
	ck_assert(!c.voice);
	ck_assert_ptr_null(c.voice_command);
	ck_assert_int_eq(c.treadmill_speed, 0); /* none: walk/run off a treadmill */
	ck_assert_int_eq(c.treadmill_walk_speed, 5000); /* the walks on one: 5 km/h */
	config_free(&c);
	/* a bare speed is in the config's units, as a bare distance is */
	ck_assert_msg(config_parse(&c, "c.conf", "units = mi\ntreadmill-speed = 5\n", err,
				   sizeof(err)), "%s", err);
	ck_assert_int_eq(c.treadmill_speed, 8047);
	config_free(&c);
	/* alarm-pain one above repeat-max-pain is the lowest it may be */
	ck_assert_msg(config_parse(&c, "c.conf", "progression {\n  alarm-pain = 6\n}\n", err,
				   sizeof(err)), "%s", err);
	ck_assert_int_eq(c.rules.alarm_pain, 6);
	config_free(&c);
	ck_assert_msg(config_parse(&c, "c.conf", "treadmill-walk-speed = \"4.5kmh\"\n", err,
				   sizeof(err)), "%s", err);
	ck_assert_int_eq(c.treadmill_walk_speed, 4500);
	config_free(&c);
}
END_TEST

START_TEST(reads_voice)
{
	struct user_config c;
	char err[512] = "";

	ck_assert_msg(config_parse(&c, "c.conf", "voice = on\nvoice-command = \"spd-say -w\"\n",
				   err, sizeof(err)), "%s", err);
	ck_assert(c.voice);
	ck_assert_str_eq(c.voice_command, "spd-say -w");
	config_free(&c);
	ck_assert_msg(config_parse(&c, "c.conf", "voice = off\n", err, sizeof(err)), "%s", err);
	ck_assert(!c.voice);
	config_free(&c);
}
END_TEST

static const struct {
	const char *text;
	const char *message;
} bad_configs[] = {
	{ "sound = loud\n", "c.conf:1: sound must be bell, flash or off, got 'loud'" },
	{ "color = blue\n", "c.conf:1: color must be auto, always or never, got 'blue'" },
	{ "\nweek-start = monday\n", "c.conf:2: unknown day 'monday' (use mon, tue, wed, thu, fri, sat, sun)" },
	{ "days = {fri, fri}\n", "c.conf:1: day 'fri' is listed twice" },
	{ "program = \"a/b\"\n", "c.conf:1: program must be a program name, got 'a/b'" },
	{ "history-file = \"\"\n", "c.conf:1: history-file must be a path" },
	{ "progression {\n  alarm-pain = 11\n}\n", "c.conf:2: alarm-pain must be 1-10, got 11" },
	{ "progression {\n  advance-max-pain = 6\n}\n", "c.conf:2: advance-max-pain (6) is above repeat-max-pain (5)" },
	{ "progression {\n  layoff-days = 0\n", "c.conf:1: '{' opened here is never closed" },
	/* two bad keys: the first line's, not the first in the table of keys */
	{ "progression {\n  alarm-pain = 11\n  layoff-days = 0\n}\n", "c.conf:2: alarm-pain must be 1-10, got 11" },
	{ "progression {\n  layoff-days = 0\n  alarm-pain = 11\n}\n", "c.conf:2: layoff-days must be 1-365, got 0" },
	/* a progression error above a top-level one */
	{ "progression {\n  alarm-pain = 11\n}\nsound = loud\n", "c.conf:2: alarm-pain must be 1-10, got 11" },
	{ "sound = loud\nprogression {\n  alarm-pain = 11\n}\n", "c.conf:1: sound must be bell, flash or off, got 'loud'" },
	/* alarm pain at its edge: above repeat-max-pain (5 by default) */
	{ "progression {\n  alarm-pain = 3\n}\n", "c.conf:2: alarm-pain (3) must be above repeat-max-pain (5)" },
	{ "progression {\n  alarm-pain = 5\n}\n", "c.conf:2: alarm-pain (5) must be above repeat-max-pain (5)" },
	{ "progression {\n  repeat-max-pain = 8\n}\n", "c.conf:1: alarm-pain (8) must be above repeat-max-pain (8)" },
	{ "progression {\n  speed = 3\n}\n", "c.conf:2: no such option 'speed'" },
	{ "\ntreadmill-speed = \"fast\"\n",
	  "c.conf:2: treadmill-speed must be a speed like 8kmh or 5mph (1-30 km/h), got 'fast'" },
	{ "treadmill-speed = \"31kmh\"\n",
	  "c.conf:1: treadmill-speed must be a speed like 8kmh or 5mph (1-30 km/h), got '31kmh'" },
	{ "treadmill-walk-speed = \"0.5kmh\"\n",
	  "c.conf:1: treadmill-walk-speed must be a speed like 5kmh or 3mph (1-30 km/h), got '0.5kmh'" },
	{ "sound = bell\nsound = off\n", "c.conf:2: sound is set twice (first at line 1)" },
	{ "also \"a/b\" {\n}\n", "c.conf:1: also must name a program, got 'a/b'" },
	{ "program = \"rice\"\n\nalso \"rice\" {\n}\n", "c.conf:3: also \"rice\" is the program itself" },
	{ "also \"rice\" {\n}\nalso \"rice\" {\n  days = {tue}\n}\n",
	  "c.conf:3: found duplicate title 'rice'" },
	{ "also \"rice\" {\n  days = {tue, tue}\n}\n", "c.conf:2: day 'tue' is listed twice" },
	{ "also \"rice\" {\n  days = {}\n}\n", "c.conf:2: days is an empty list" },
	{ "also \"rice\" {\n  days = {tuesday}\n}\n",
	  "c.conf:2: unknown day 'tuesday' (use mon, tue, wed, thu, fri, sat, sun)" },
	{ "also \"rice\" {\n  speed = 3\n}\n", "c.conf:2: no such option 'speed'" },
	{ "also \"a\" {\n}\nalso \"b\" {\n}\nalso \"c\" {\n}\n",
	  "c.conf:5: at most 2 programs beside program, so that they fit side by side" },
	{ "run-days = {sat, sat}\n", "c.conf:1: day 'sat' is listed twice" },
	{ "run-days = {}\n", "c.conf:1: run-days is an empty list" },
	{ "\nlong-run-day = saturday\n",
	  "c.conf:2: unknown day 'saturday' (use mon, tue, wed, thu, fri, sat, sun)" },
	{ "run-days = {tue, thu}\nlong-run-day = sat\n",
	  "c.conf:2: long-run-day sat is not one of run-days" },
	{ "\nvoice = yes\n", "c.conf:2: voice must be on or off, got 'yes'" },
	{ "voice = \"\"\n", "c.conf:1: voice must be on or off, got ''" },
	{ "voice-command = \"\"\n",
	  "c.conf:1: voice-command must be a command and its words on one line, got ''" },
	{ "voice-command = \"   \"\n",
	  "c.conf:1: voice-command must be a command and its words on one line, got '   '" },
	{ "voice-command = \"say\\nit\"\n",
	  "c.conf:1: voice-command must be a command and its words on one line, got 'say?it'" },
	{ "voice-command = {\"say\"}\n", "c.conf:1: unexpected token '{'" },
	{ "\nhistory-file = \"${HOME}/h.tsv\"\n",
	  "c.conf:2: '${' would read the environment; talus does not expand variables "
	  "(write '\\${' or use single quotes for the text itself)" },
};

START_TEST(rejects_bad_config)
{
	struct user_config c;
	char err[512] = "";

	ck_assert_msg(!config_parse(&c, "c.conf", bad_configs[_i].text, err, sizeof(err)),
		      "case %d loaded", _i);
	ck_assert_msg(strcmp(err, bad_configs[_i].message) == 0, "case %d: got \"%s\"", _i, err);
	config_free(&c);
}
END_TEST

/* Several programs at once: each of its own days (which may overlap); the run days
 * with the long run among them. */
START_TEST(reads_programs_side_by_side_and_run_days)
{
	struct user_config c;
	char err[512] = "";

	ck_assert_msg(config_parse(&c, "c.conf",
				   "program = \"ankle-strength\"\ndays = {mon, wed, fri}\n"
				   "also \"return-to-run\" {\n  days = {tue, fri, sat}\n}\n"
				   "also maintenance {\n}\n"
				   "run-days = {tue, thu, sat}\nlong-run-day = sat\n",
				   err, sizeof(err)), "%s", err);
	ck_assert_str_eq(c.program, "ankle-strength");
	ck_assert_int_eq(c.nalso, 2);
	ck_assert_str_eq(c.also[0].name, "return-to-run");
	ck_assert_uint_eq(c.also[0].days, (1u << 1) | (1u << 4) | (1u << 5));
	ck_assert_int_eq(c.also[0].line, 3);
	ck_assert_str_eq(c.also[1].name, "maintenance");
	ck_assert_uint_eq(c.also[1].days, 0); /* the program's own */
	ck_assert_uint_eq(c.run_days, (1u << 1) | (1u << 3) | (1u << 5));
	ck_assert_int_eq(c.long_run_day, 5);
	config_free(&c);

	/* a long run alone is a run day; none said: none */
	ck_assert_msg(config_parse(&c, "c.conf", "long-run-day = sun\n", err, sizeof(err)), "%s", err);
	ck_assert_uint_eq(c.run_days, 1u << 6);
	ck_assert_int_eq(c.long_run_day, 6);
	ck_assert_int_eq(c.nalso, 0);
	config_free(&c);
	ck_assert_msg(config_parse(&c, "c.conf", "", err, sizeof(err)), "%s", err);
	ck_assert_uint_eq(c.run_days, 0);
	ck_assert_int_eq(c.long_run_day, -1);
	config_free(&c);
}
END_TEST

/* A relative history-file is the config's neighbour wherever talus is started; ~/
 * needs HOME. */
START_TEST(history_file_from_the_config_folder)
{
	struct user_config c;
	char err[512] = "", cwd[4096], want[4200];
	const char *home = getenv("HOME");
	char *saved = home ? strdup(home) : NULL;

	ck_assert_msg(config_parse(&c, "/home/runner/.config/talus/talus.conf",
				   "history-file = \"data/h.tsv\"\n", err, sizeof(err)), "%s", err);
	ck_assert_str_eq(c.history_file, "/home/runner/.config/talus/data/h.tsv");
	config_free(&c);
	ck_assert_msg(config_parse(&c, "/etc/talus.conf", "history-file = \"/srv/h.tsv\"\n", err,
				   sizeof(err)), "%s", err);
	ck_assert_str_eq(c.history_file, "/srv/h.tsv");
	config_free(&c);
	ck_assert(getcwd(cwd, sizeof(cwd)));
	ck_assert_msg(config_parse(&c, "conf/c.conf", "history-file = \"h.tsv\"\n", err,
				   sizeof(err)), "%s", err);
	snprintf(want, sizeof(want), "%s/conf/h.tsv", cwd);
	ck_assert_str_eq(c.history_file, want);
	config_free(&c);

	unsetenv("HOME");
	ck_assert(!config_parse(&c, "c.conf", "\nhistory-file = \"~/h.tsv\"\n", err, sizeof(err)));
	ck_assert_str_eq(err, "c.conf:2: history-file starts with ~/ but HOME is not set");
	config_free(&c);
	if (saved)
		setenv("HOME", saved, 1);
	free(saved);
	ck_assert(!config_parse(&c, "c.conf", "history-file = \"~bob/h.tsv\"\n", err, sizeof(err)));
	ck_assert_str_eq(err, "c.conf:1: history-file may start with ~/ (your home), not '~bob/h.tsv'");
	config_free(&c);
}
END_TEST

Suite *config_suite(void)
{
	Suite *s = suite_create("config");
	TCase *tc = tcase_create("config");

	tcase_add_test(tc, shipped_file_equals_defaults);
	tcase_add_test(tc, reads_values);
	tcase_add_test(tc, reads_voice);
	tcase_add_test(tc, history_file_from_the_config_folder);
	tcase_add_test(tc, reads_programs_side_by_side_and_run_days);
	tcase_add_loop_test(tc, rejects_bad_config, 0, (int)(sizeof(bad_configs) / sizeof(bad_configs[0])));
	suite_add_tcase(s, tc);
	return s;
}
