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

enum measure { MEASURE_NONE, MEASURE_HEEL_RISE, MEASURE_STANCE, MEASURE_POGO, MEASURE_COUNT };
extern const char *const measure_key[MEASURE_COUNT]; /* "heel-rise" ... as in the files */

#define HEEL_RISE_TEST "heel-rise-test" /* the test's name in the history */
#define STANCE_TEST "single-leg-stance-test"
#define POGO_TEST "pogo-hop-test"
#define POGO_SETS 3                     /* 3 x 20 pain-free pogo hops (rehab.md) */
#define POGO_REPS 20
#define POGO_PAIN_MAX 2
#define HEEL_RISE_MAX 60                /* reps the metronome counts to at most */
#define HEEL_RISE_PASS 20               /* the default pass, each side */
#define SYMMETRY_PERCENT 90             /* the sore side against the other */

/* The test as a one-level program: heel rises each side paced 1 s up and 1 s down,
 * ended by the runner (Enter) when the beat cannot be kept; a stance held each side up
 * to pass seconds, ended early when the foot touches down; or 3 x 20 pogo hops at the
 * beat. Free with program_free. */
void entry_test_program(struct program *out, enum measure m, int pass, int get_ready);
void heel_rise_test_program(struct program *out, int get_ready);

/* The stance: both sides held pass seconds. The hops: all 60 done with pain during at
 * most POGO_PAIN_MAX. why says so in a line. */
bool stance_passed(const int secs[2], int pass, char *why, size_t len);
bool pogo_passed(int hops, int pain, char *why, size_t len);

/* Whether reps[SIDE_LEFT - 1], reps[SIDE_RIGHT - 1] pass: both at least pass, and the
 * sore side (or the weaker, when both or neither are sore) at least SYMMETRY_PERCENT
 * of the other. why says so in a line. */
bool heel_rise_passed(const int reps[2], int pass, enum sore_side sore, char *why, size_t len);

#endif
