/* The measured entry test: single-leg heel rises to fatigue at a metronome, each side
 * (rehab.md: Hébert-Losier 2017; 30 a minute), timed by the coach as a session of its
 * own, and its pass: at least the program's number each side and the sore side at
 * least 90% of the other (*design*, rehab.md). */
#ifndef TALUS_ENTRY_TEST_H
#define TALUS_ENTRY_TEST_H

#include <stdbool.h>
#include <stddef.h>

#include "program.h"
#include "record.h"

#define HEEL_RISE_TEST "heel-rise-test" /* the test's name in the history */
#define HEEL_RISE_MAX 60                /* reps the metronome counts to at most */
#define HEEL_RISE_PASS 20               /* the default pass, each side */
#define SYMMETRY_PERCENT 90             /* the sore side against the other */

/* The test as a one-level program: one exercise, each side, paced 1 s up and 1 s down,
 * ended by the runner (Enter) when the beat cannot be kept. Free with program_free. */
void heel_rise_test_program(struct program *out, int get_ready);

/* Whether reps[SIDE_LEFT - 1], reps[SIDE_RIGHT - 1] pass: both at least pass, and the
 * sore side (or the weaker, when both or neither are sore) at least SYMMETRY_PERCENT
 * of the other. why says so in a line. */
bool heel_rise_passed(const int reps[2], int pass, enum sore_side sore, char *why, size_t len);

#endif
