/* Where talus looks for its files, after the XDG base directory rules. */
#ifndef TALUS_PATHS_H
#define TALUS_PATHS_H

#include <stddef.h>

#ifndef TALUS_DATADIR
#define TALUS_DATADIR "/usr/local/share/talus"
#endif

/* $XDG_CONFIG_HOME/talus/talus.conf, or ~/.config/talus/talus.conf; NULL without HOME. */
char *default_config_path(void);
/* $XDG_DATA_HOME/talus/history.tsv, or ~/.local/share/talus/history.tsv. */
char *default_history_path(void);
/* $XDG_CONFIG_HOME/systemd/user, or ~/.config/systemd/user: the runner's own units. */
char *default_systemd_user_dir(void);

/* The program folders in search order: the user's, the installed share folder, and
 * programs/ beside the binary (so ./talus works from a source tree). */
size_t default_program_dirs(char **dirs, size_t max);

#endif
