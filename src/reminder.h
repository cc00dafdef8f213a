/* The reminder: a systemd user timer and service that run talus --status on training
 * days at the config's reminder-time and show the line with notify-send. The texts of
 * the two units, from what they need; commands_status.c writes them. */
#ifndef TALUS_REMINDER_H
#define TALUS_REMINDER_H

#include <stdbool.h>
#include <stddef.h>

#include "clock.h"
#include "util.h"

#define REMINDER_UNIT "talus-reminder"
/* The first line of each unit: --remove-reminder removes only files that start so. */
#define REMINDER_MARK "# Written by talus --install-reminder; talus --remove-reminder removes it."

/* "Mon,Wed,Fri *-*-* 08:00:00"; "*-*-* 08:00:00" for every day. */
void reminder_calendar(day_set days, int minutes, char *buf, size_t len);

/* A word that can go into the service's command line as it is: a path or an option
 * without quotes, '$', '%', '\\', spaces or control characters. */
bool reminder_word_ok(const char *s);

/* The service: args (talus's absolute path, then its options, each reminder_word_ok). */
void reminder_service(struct strbuf *out, const char *const *args, size_t nargs);
void reminder_timer(struct strbuf *out, day_set days, int minutes);

#endif
