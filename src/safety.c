#include "safety.h"

#include "util.h"

/* One paragraph an entry, wrapped to the screen by whoever shows it. */
const char *const safety_note[] = {
	"talus is a coach, not a diagnosis.",
	"",
	"Stop and see a clinician if:",
	"- you cannot take four steps, or the ankle bones, the outer edge of the foot or the "
	"top of the midfoot are tender to press (an X-ray may be needed);",
	"- you felt a pop or a kick in the calf and cannot rise on tiptoe: emergency;",
	"- you heard a crack, the ankle looks misshapen, the foot is numb or cold;",
	"- the joint is hot, red and swollen, you have a fever, or the calf is swollen, warm "
	"or tender: urgent care;",
	"- pain at one spot on a bone, when hopping, or at night;",
	"- pain past a week, severe pain or swelling, giving way twice in 6 months.",
	"",
	"Pain up to 5 of 10 during exercise is acceptable if it settles by the next morning. "
	"The coach asks, and adjusts.",
};

const size_t safety_note_lines = ARRAY_SIZE(safety_note);

const char safety_help[] =
	"talus is a coach, not a diagnosis. If you cannot take four steps, heard a pop or\n"
	"a crack, or the ankle is hot, red, numb or misshapen, stop and see a clinician.\n";
