/* Spoken cues on the coach screen: each pass asks the model (cues.c) which cue is
 * due, speaks it through the voice or rings the bell, and writes it to --trace. The
 * speech runs on its own; the loop never waits for it. */
#include <stdio.h>

#include "ui_screen.h"

/* design: while a cue is sounding the loop wakes this often to reap it, even on a
 * screen that otherwise waits for a key */
#define REAP_MS 200

void ui_voice_pass(struct ui *ui, int64_t now)
{
	const struct ui_options *o = ui->opt;
	struct coach *c = ui->c;
	struct cue cue;

	if (!o->cues)
		return;
	if (o->voice)
		voice_reap(o->voice);
	/* the session's cues, and after its last step the one that tells its end */
	if (!c->started || (ui->visit->screen != VS_SESSION && !c->engine.finished))
		return;
	while (cues_next(&ui->cues, &c->engine, now, &cue)) {
		char what[CUE_TEXT_MAX + 16];
		/* a command that could not run (126, 127) is left for the bell */
		if (cue.kind == CUE_SAY && o->voice && !o->voice->failed &&
		    voice_say(o->voice, cue.text, cue.tone)) {
			snprintf(what, sizeof(what), "cue\tsay\t%s", cue.text);
		} else {
			/* the 3-2-1 are the bell whatever `sound` says: the voice asked for sound */
			beep();
			snprintf(what, sizeof(what), cue.kind == CUE_SAY ? "cue\tbell\t%s" : "cue\tbeep",
				 cue.text);
		}
		coach_trace_event(c, now, what);
	}
}

/* The visit's on_step: the cue goes out before the set is written to the disk. */
static void on_step(void *ctx, int64_t now)
{
	ui_voice_pass(ctx, now);
}

void ui_voice_attach(struct ui *ui)
{
	if (!ui->opt->cues)
		return;
	ui->visit->on_step = on_step;
	ui->visit->on_step_ctx = ui;
}

int64_t ui_voice_wait_ms(const struct ui *ui, int64_t now)
{
	int64_t wait = -1;

	if (!ui->opt->cues)
		return -1;
	if (ui->visit->screen == VS_SESSION && ui->c->started)
		wait = cues_wait_ms(&ui->cues, &ui->c->engine, now);
	if (ui->opt->voice && voice_busy(ui->opt->voice) && (wait < 0 || wait > REAP_MS))
		wait = REAP_MS;
	return wait;
}
