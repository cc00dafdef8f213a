#include "voice.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util.h"

extern char **environ;

static bool runnable(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, X_OK) == 0;
}

/* name as the shell finds it: a path when it has a '/', else the first in PATH. */
static char *find_command(const char *name)
{
	const char *p = getenv("PATH");

	if (strchr(name, '/'))
		return runnable(name) ? xstrdup(name) : NULL;
	if (!p || !*p)
		p = "/usr/local/bin:/usr/bin:/bin";
	for (;;) {
		size_t n = strcspn(p, ":");
		/* an empty entry is the working folder, as for the shell */
		char *full = n ? xasprintf("%.*s/%s", (int)n, p, name) : xasprintf("./%s", name);
		if (runnable(full))
			return full;
		free(full);
		if (!p[n])
			return NULL;
		p += n + 1;
	}
}

bool voice_open(struct voice *v, const char *command, char *why, size_t len)
{
	char *copy = xstrdup(command ? command : "espeak-ng"), *save = NULL, *w;
	const char *base;

	memset(v, 0, sizeof(*v));
	/* the words, then -p and its value, the text, and NULL */
	v->words = xcalloc(strlen(copy) / 2 + 6, sizeof(*v->words));
	for (w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save))
		v->words[v->nwords++] = xstrdup(w);
	free(copy);
	if (v->nwords > 0)
		v->path = find_command(v->words[0]);
	if (!v->path) {
		if (!command)
			snprintf(why, len, "Spoken cues: espeak-ng is not installed "
					   "(apt-get install espeak-ng); the bell rings instead.");
		else
			snprintf(why, len, "Spoken cues: voice-command '%s' is not found; the bell "
					   "rings instead.", v->nwords ? v->words[0] : "");
		sanitize_text(why);
		voice_close(v);
		return false;
	}
	base = strrchr(v->words[0], '/') ? strrchr(v->words[0], '/') + 1 : v->words[0];
	v->espeak = strcmp(base, "espeak-ng") == 0 || strcmp(base, "espeak") == 0;
	return true;
}

static const char *const tone_name[] = { "plain", "low", "high" };
static const char *const tone_pitch[] = { "50", "30", "70" }; /* espeak-ng -p, 0-99 */

/* The environment with TALUS_CUE_TONE set, for a voice-command that wants the tone. */
static char **environment(enum cue_tone tone, char *entry, size_t len)
{
	size_t n = 0, k = 0;
	char **env;

	while (environ[n])
		n++;
	env = xcalloc(n + 2, sizeof(*env));
	for (size_t i = 0; i < n; i++)
		if (strncmp(environ[i], "TALUS_CUE_TONE=", 15) != 0)
			env[k++] = environ[i];
	snprintf(entry, len, "TALUS_CUE_TONE=%s", tone_name[tone]);
	env[k] = entry;
	return env;
}

bool voice_say(struct voice *v, const char *text, enum cue_tone tone)
{
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t attr;
	sigset_t none, dflt;
	char entry[32], **env;
	size_t n = v->nwords;
	pid_t pid;
	int rc;

	voice_cut(v);
	if (!v->path)
		return false;
	if (v->espeak) {
		v->words[n++] = (char *)"-p";
		v->words[n++] = (char *)tone_pitch[tone];
	}
	v->words[n++] = (char *)text;
	v->words[n] = NULL;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, STDOUT_FILENO, STDERR_FILENO);
	posix_spawnattr_init(&attr);
	/* a group of its own: a cut ends the command's own children too, and keys typed
	 * at the terminal never reach it */
	sigemptyset(&none);
	sigfillset(&dflt);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK |
						POSIX_SPAWN_SETSIGDEF);
	posix_spawnattr_setpgroup(&attr, 0);
	posix_spawnattr_setsigmask(&attr, &none);
	posix_spawnattr_setsigdefault(&attr, &dflt);
	env = environment(tone, entry, sizeof(entry));
	rc = posix_spawn(&pid, v->path, &fa, &attr, v->words, env);
	free(env);
	posix_spawnattr_destroy(&attr);
	posix_spawn_file_actions_destroy(&fa);
	v->words[v->nwords] = NULL;
	if (rc != 0)
		return false;
	v->pid = pid;
	return true;
}

static void reaped(struct voice *v, int status)
{
	if (WIFEXITED(status) && (WEXITSTATUS(status) == 126 || WEXITSTATUS(status) == 127))
		v->failed = WEXITSTATUS(status);
	v->pid = 0;
}

void voice_reap(struct voice *v)
{
	int status;
	pid_t r;

	if (!v->pid)
		return;
	do
		r = waitpid(v->pid, &status, WNOHANG);
	while (r < 0 && errno == EINTR);
	if (r == v->pid)
		reaped(v, status);
	else if (r < 0) /* not ours any more (SIGCHLD ignored by someone): gone */
		v->pid = 0;
}

void voice_cut(struct voice *v)
{
	int status;

	voice_reap(v);
	if (!v->pid)
		return;
	/* SIGKILL, which no command can put off, to its group (the group's id is the
	 * child's pid, ours until it is reaped); then the wait is only the kernel's */
	kill(-v->pid, SIGKILL);
	while (waitpid(v->pid, &status, 0) < 0 && errno == EINTR)
		;
	v->pid = 0;
}

bool voice_busy(const struct voice *v)
{
	return v->pid != 0;
}

void voice_close(struct voice *v)
{
	voice_cut(v);
	for (size_t i = 0; i < v->nwords; i++)
		free(v->words[i]);
	free(v->words);
	free(v->path);
	memset(v, 0, sizeof(*v));
}
