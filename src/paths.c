#include "paths.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

/* $VAR/rest if VAR is an absolute path, else $HOME/fallback/rest. */
static char *xdg_path(const char *var, const char *fallback, const char *rest)
{
	const char *base = getenv(var);
	const char *home = getenv("HOME");

	if (base && base[0] == '/')
		return xasprintf("%s/%s", base, rest);
	if (home && *home)
		return xasprintf("%s/%s/%s", home, fallback, rest);
	return NULL;
}

char *default_config_path(void)
{
	return xdg_path("XDG_CONFIG_HOME", ".config", "talus/talus.conf");
}

char *default_history_path(void)
{
	return xdg_path("XDG_DATA_HOME", ".local/share", "talus/history.tsv");
}

char *default_systemd_user_dir(void)
{
	return xdg_path("XDG_CONFIG_HOME", ".config", "systemd/user");
}

size_t default_program_dirs(char **dirs, size_t max)
{
	char exe[PATH_MAX];
	ssize_t n;
	size_t count = 0;
	char *user = xdg_path("XDG_CONFIG_HOME", ".config", "talus/programs");

	if (user && count < max)
		dirs[count++] = user;
	else
		free(user);
	if (count < max)
		dirs[count++] = xstrdup(TALUS_DATADIR "/programs");
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0 && count < max) {
		char *slash;
		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			dirs[count++] = xasprintf("%s/programs", exe);
		}
	}
	return count;
}
