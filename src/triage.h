/* The first-run triage: five questions, one a screen, and the pathway their answers
 * point to (rehab.md "Who it is for, and the pathways"). No screen code here. */
#ifndef TALUS_TRIAGE_H
#define TALUS_TRIAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "record.h"

enum triage_question { TQ_SIDE, TQ_ONSET, TQ_SINCE, TQ_WHERE, TQ_GIVES_WAY, TQ_COUNT };

#define TRIAGE_OPTIONS_MAX 5

struct triage_question_text {
	const char *question;
	int noptions;
	const char *option[TRIAGE_OPTIONS_MAX]; /* as the runner reads them, in enum order */
};

extern const struct triage_question_text triage_questions[TQ_COUNT];

/* The answers so far: an option's index for each question, -1 until answered. */
struct triage_answers {
	int answer[TQ_COUNT];
};

void triage_answers_init(struct triage_answers *a);

/* The pathway the answers point to, and in why a short paragraph saying why and what
 * it means, with its source. All questions must be answered. */
enum pathway triage_propose(const struct triage_answers *a, char *why, size_t len);

/* A sprain older than 3 weeks: past the days of protecting it, so its pathway starts at
 * the program after the first. */
bool triage_past_protect(const struct triage_answers *a);

/* "Midportion Achilles tendon pain" */
const char *pathway_title(enum pathway p);

#endif
