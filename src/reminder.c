/* The reminder's two systemd user units, as text. */
#include "reminder.h"

#include <stdio.h>
#include <string.h>

void reminder_calendar(day_set days, int minutes, char *buf, size_t len)
{
	struct strbuf sb;

	sb_init(&sb);
	for (int wd = day_set_next(days, -1); wd >= 0 && days != 0x7f; wd = day_set_next(days, wd))
		sb_printf(&sb, "%s%s", sb.len ? "," : "", weekday_title[wd]);
	sb_printf(&sb, "%s*-*-* %02d:%02d:00", sb.len ? " " : "", minutes / 60, minutes % 60);
	copy_str(buf, len, sb.buf);
	sb_free(&sb);
}

bool reminder_word_ok(const char *s)
{
	if (!*s)
		return false;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p <= ' ' || *p == 0x7f || strchr("'\"$%\\`;&|<>(){}*?[]~#!", *p))
			return false;
	return true;
}

void reminder_service(struct strbuf *out, const char *const *args, size_t nargs)
{
	sb_printf(out, "%s\n[Unit]\nDescription=talus: what is due today in ankle rehab\n\n", REMINDER_MARK);
	sb_puts(out, "[Service]\nType=oneshot\n");
	/* $$ is a $ to the shell (systemd expands $ itself); the line is shown only when
	 * there is one and notify-send is there, and the unit never fails for want of it */
	sb_puts(out, "ExecStart=/bin/sh -c 'line=$$(");
	for (size_t i = 0; i < nargs; i++)
		sb_printf(out, "%s%s", i ? " " : "", args[i]);
	sb_puts(out, " --status 2>&1); [ -n \"$$line\" ] || exit 0; echo \"$$line\"; "
		     "command -v notify-send >/dev/null && notify-send talus \"$$line\"; exit 0'\n");
}

void reminder_timer(struct strbuf *out, day_set days, int minutes)
{
	char when[64];

	reminder_calendar(days, minutes, when, sizeof(when));
	sb_printf(out, "%s\n[Unit]\nDescription=talus: the reminder on training days\n\n", REMINDER_MARK);
	/* Persistent: a morning the machine was off reminds at the next start */
	sb_printf(out, "[Timer]\nOnCalendar=%s\nPersistent=true\nUnit=%s.service\n\n", when,
		  REMINDER_UNIT);
	sb_puts(out, "[Install]\nWantedBy=timers.target\n");
}
