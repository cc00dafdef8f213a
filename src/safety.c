#include "safety.h"

#include <string.h>

#include "redflag.h"
#include "text.h"
#include "util.h"

/* One paragraph an entry, wrapped to the screen by whoever shows it. */
const char *const safety_note[] = {
	"talus is a coach, not a diagnosis.",
	"",
	"Stop and get help if:",
	/* the catalogue's lines, most urgent first, as the questions are asked */
	"- " FLAG_NOTE_CRACK,
	"- " FLAG_NOTE_INFECTION,
	"- " FLAG_NOTE_RUPTURE,
	"- " FLAG_NOTE_FRACTURE,
	"- " FLAG_NOTE_CLOT,
	"- " FLAG_NOTE_BONE_STRESS,
	"- " FLAG_NOTE_NERVE,
	"- " FLAG_NOTE_MEDICINE,
	"- " FLAG_NOTE_REVIEW,
	"",
	"Pain up to 5 of 10 during exercise is acceptable if it settles by the next morning. "
	"The coach asks, and adjusts.",
};

const size_t safety_note_lines = ARRAY_SIZE(safety_note);

const char safety_help[] =
	"talus is a coach, not a diagnosis. If you cannot take four steps, heard a pop or\n"
	"a crack, or the ankle is hot, red, numb or misshapen, stop and see a clinician.\n";

/* A paragraph wrapped to width, its lines after the first at indent. */
static void put_paragraph(FILE *out, const char *text, int width, int indent)
{
	const char *line = text;

	do {
		const char *rest;
		size_t n = text_wrap(line, (line == text ? width : width - indent), &rest);
		fprintf(out, "%*s%.*s\n", line == text ? 0 : indent, "", (int)n, line);
		line = rest;
	} while (*line);
}

void safety_print(FILE *out, int width)
{
	if (width < 20)
		width = 20;
	for (size_t i = 0; i < safety_note_lines; i++)
		put_paragraph(out, safety_note[i], width, strncmp(safety_note[i], "- ", 2) == 0 ? 2 : 0);
}
