/* The speech command as a child: found or said missing, cut off by the next cue,
 * reaped, its output never on the screen. Ordinary commands stand in for speech. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "clock.h"
#include "voice.h"
#include "unit.h"

static bool gone(pid_t pid)
{
	return kill(pid, 0) < 0 && errno == ESRCH;
}

START_TEST(a_missing_command_says_so)
{
	struct voice v;
	char why[200] = "";
	const char *path = getenv("PATH");
	char *saved = path ? strdup(path) : NULL;

	ck_assert(!voice_open(&v, "talus-no-such-speech -v en", why, sizeof(why)));
	ck_assert_str_eq(why, "Spoken cues: voice-command 'talus-no-such-speech' is not found; "
			      "the bell rings instead.");
	ck_assert(!voice_say(&v, "rest", TONE_PLAIN));
	setenv("PATH", "/nonexistent", 1);
	ck_assert(!voice_open(&v, NULL, why, sizeof(why)));
	ck_assert_str_eq(why, "Spoken cues: espeak-ng is not installed (apt-get install espeak-ng); "
			      "the bell rings instead.");
	ck_assert(!voice_open(&v, "/nonexistent/say", why, sizeof(why)));
	if (saved)
		setenv("PATH", saved, 1);
	free(saved);
}
END_TEST

/* A new cue ends the one before at once, and the child is reaped: no overlap, no
 * zombie, and the caller never waits for speech to finish. */
START_TEST(a_new_cue_cuts_the_one_before)
{
	struct voice v;
	char why[200] = "";
	int64_t t0;
	pid_t first;

	ck_assert_msg(voice_open(&v, "sleep", why, sizeof(why)), "%s", why);
	t0 = monotonic_ms();
	ck_assert(voice_say(&v, "30", TONE_PLAIN));
	ck_assert(voice_busy(&v));
	first = v.pid;
	ck_assert(voice_say(&v, "30", TONE_PLAIN));
	ck_assert(gone(first));
	ck_assert_int_ne(v.pid, first);
	ck_assert_int_lt(monotonic_ms() - t0, 100);
	first = v.pid;
	voice_close(&v);
	ck_assert(gone(first));
}
END_TEST

START_TEST(a_finished_cue_is_reaped)
{
	struct voice v;
	char why[200] = "";
	pid_t pid;

	ck_assert_msg(voice_open(&v, "true", why, sizeof(why)), "%s", why);
	ck_assert(voice_say(&v, "rest", TONE_PLAIN));
	pid = v.pid;
	for (int i = 0; i < 200 && voice_busy(&v); i++) {
		usleep(10000);
		voice_reap(&v);
	}
	ck_assert(!voice_busy(&v));
	ck_assert(gone(pid));
	ck_assert_int_eq(v.failed, 0);
	voice_close(&v);
}
END_TEST

/* What the command prints goes to /dev/null, never to the terminal the coach draws. */
START_TEST(its_output_never_reaches_the_screen)
{
	struct voice v;
	char why[200] = "", path[] = "/tmp/talus-voice-XXXXXX";
	int fd = mkstemp(path), out = dup(STDOUT_FILENO), err = dup(STDERR_FILENO);

	ck_assert_int_ge(fd, 0);
	dup2(fd, STDOUT_FILENO);
	dup2(fd, STDERR_FILENO);
	ck_assert(voice_open(&v, "ls /nonexistent-talus .", why, sizeof(why)));
	ck_assert(voice_say(&v, "left", TONE_PLAIN));
	for (int i = 0; i < 200 && voice_busy(&v); i++) {
		usleep(10000);
		voice_reap(&v);
	}
	voice_close(&v);
	dup2(out, STDOUT_FILENO);
	dup2(err, STDERR_FILENO);
	ck_assert_int_eq(lseek(fd, 0, SEEK_END), 0);
	close(fd);
	unlink(path);
}
END_TEST

/* What a stand-in called name was given: its arguments, then TALUS_CUE_TONE. */
static char *given(const char *name, const char *words, const char *text, enum cue_tone tone)
{
	char dir[] = "/tmp/talus-voice-XXXXXX", script[128], out[128], command[300], why[200];
	struct voice v;
	FILE *f;
	char *got;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(script, sizeof(script), "%s/%s", dir, name);
	snprintf(out, sizeof(out), "%s/args", dir);
	f = fopen(script, "w");
	ck_assert_ptr_nonnull(f);
	fprintf(f, "#!/bin/sh\necho \"$*|$TALUS_CUE_TONE\" >'%s'\n", out);
	fclose(f);
	chmod(script, 0755);
	snprintf(command, sizeof(command), "%s%s", script, words);
	ck_assert_msg(voice_open(&v, command, why, sizeof(why)), "%s", why);
	ck_assert(voice_say(&v, text, tone));
	for (int i = 0; i < 500 && voice_busy(&v); i++) {
		usleep(10000);
		voice_reap(&v);
	}
	voice_close(&v);
	got = read_whole_file(out, NULL);
	ck_assert_ptr_nonnull(got);
	unlink(out);
	unlink(script);
	rmdir(dir);
	return got;
}

/* espeak-ng hears a tone as its pitch; another command finds it in its environment.
 * Walk and run will be told apart by it. */
START_TEST(the_tone_reaches_the_command)
{
	char *got;

	got = given("espeak-ng", " -v en-us", "run", TONE_HIGH);
	ck_assert_str_eq(got, "-v en-us -p 70 run|high\n");
	free(got);
	got = given("espeak-ng", "", "walk", TONE_LOW);
	ck_assert_str_eq(got, "-p 30 walk|low\n");
	free(got);
	got = given("say-it", " --rate  2", "left", TONE_PLAIN);
	ck_assert_str_eq(got, "--rate 2 left|plain\n");
	free(got);
}
END_TEST

Suite *voice_suite(void)
{
	Suite *s = suite_create("voice");
	TCase *tc = tcase_create("voice");

	tcase_add_test(tc, a_missing_command_says_so);
	tcase_add_test(tc, a_new_cue_cuts_the_one_before);
	tcase_add_test(tc, a_finished_cue_is_reaped);
	tcase_add_test(tc, its_output_never_reaches_the_screen);
	tcase_add_test(tc, the_tone_reaches_the_command);
	suite_add_tcase(s, tc);
	return s;
}
