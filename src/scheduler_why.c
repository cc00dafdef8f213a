/* The scheduler's one line of why the level is what it is and what moves it (the start
 * screen, the end of a session and --plan say it). */
#include "scheduler.h"

#include <stdio.h>

#include "util.h"

static void level_name(struct strbuf *sb, int level, int levels)
{
	if (level == 0)
		sb_puts(sb, "Protective level 0");
	else
		sb_printf(sb, "Level %d of %d", level, levels);
}

void progress_why(const struct progress *p, const struct progression_rules *rules,
		  const struct program *prog, char *buf, size_t len)
{
	char date[DATE_BUF], back[48];
	struct strbuf sb;
	int n = p->sessions_needed;

	date_format_day(p->day, date);
	sb_init(&sb);
	level_name(&sb, p->level, p->levels);
	/* at the first level a step back has nowhere to go: say so, not "from 1" */
	if (p->from_level > p->level)
		snprintf(back, sizeof(back), "stepped back from %d", p->from_level);
	else
		snprintf(back, sizeof(back), "kept at the %s level", p->level ? "first" : "protective");
	switch (p->reason) {
	case LR_PAIN:
		sb_printf(&sb, " (%s: pain %d on %s)", back, p->pain, date);
		break;
	case LR_MORNING:
		if (p->pain > rules->repeat_max_pain || p->baseline < 0)
			sb_printf(&sb, " (%s: morning pain %d on %s)", back, p->pain, date);
		else
			sb_printf(&sb, " (%s: morning pain %d on %s, your usual is %d)", back, p->pain,
				  date, p->baseline);
		break;
	case LR_SEVERE:
		sb_printf(&sb, " (the easiest level: pain %d on %s)", p->pain, date);
		break;
	case LR_RUN_PAIN:
		sb_printf(&sb, " (%s: pain %d on a run on %s)", back, p->pain, date);
		break;
	case LR_RUN_HOLD:
		sb_printf(&sb, ": repeating, pain %d on a run on %s; no step up before a settled "
			       "morning (at most %d)", p->pain, date, rules->advance_max_pain);
		goto done;
	case LR_DELOAD:
		sb_printf(&sb, " (%s: morning pain rose two weeks running)", back);
		break;
	case LR_LAYOFF:
		if (p->gap_days >= LAYOFF_RESTART * rules->layoff_days)
			sb_printf(&sb, " (back to the start after %d days without a session: re-test "
				       "before building up)", p->gap_days);
		else
			sb_printf(&sb, " (%s after %d days without a session)", back, p->gap_days);
		break;
	case LR_MANUAL:
		sb_printf(&sb, " (set by hand on %s)", date);
		break;
	case LR_REPEAT:
		sb_printf(&sb, ": repeating, pain was %d on %s", p->pain, date);
		goto done;
	case LR_MORNING_REPEAT:
		if (p->pain > rules->advance_max_pain || p->baseline < 0)
			sb_printf(&sb, ": repeating, the morning after was %d on %s", p->pain, date);
		else
			sb_printf(&sb, ": repeating, the morning after was %d on %s (your usual %d)",
				  p->pain, date, p->baseline);
		goto done;
	case LR_NO_MORNING:
		sb_printf(&sb, ": repeating, no morning rating after the session of %s", date);
		goto done;
	case LR_HOLD:
		sb_printf(&sb, ": holding, morning pain rose last week (%s)", date);
		goto done;
	case LR_UNRATED:
		sb_printf(&sb, ": repeating, the session on %s had no pain rating", date);
		goto done;
	case LR_BACK_TO_BACK:
		sb_printf(&sb, ": repeating, %s was the day after a run; leave a day between", date);
		goto done;
	case LR_LEVEL_WEEK:
		sb_printf(&sb, ": holding, two levels up in 7 days already (%s)", date);
		goto done;
	case LR_ADVANCED:
		sb_printf(&sb, " (up from %d on %s)", p->from_level, date);
		break;
	case LR_START:
	case LR_BUILDING:
		break;
	}
	if (p->ready_for_next)
		sb_printf(&sb, ": ready for the entry test of %s", program_next_title(prog));
	else if (p->level == p->levels && !prog->next)
		sb_puts(&sb, ", the last level");
	else if (n == 0 && p->awaiting_morning)
		sb_printf(&sb, ": %s next if tomorrow morning's pain is <= %d",
			  p->level == p->levels ? "the entry test" : "up", rules->advance_max_pain);
	else if (p->level == p->levels)
		sb_printf(&sb, ": %d more session%s with pain <= %d, settled by the next morning, "
			       "before the entry test of %s", n, n == 1 ? "" : "s",
			  rules->advance_max_pain, program_next_title(prog));
	else
		sb_printf(&sb, ": %d more session%s with pain <= %d, settled by the next morning, "
			       "to reach level %d", n, n == 1 ? "" : "s", rules->advance_max_pain,
			  p->level + 1);
done:
	copy_str(buf, len, sb.buf);
	sb_free(&sb);
}
