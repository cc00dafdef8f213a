#ifndef TALUS_TEST_UNIT_H
#define TALUS_TEST_UNIT_H

#include <check.h>
#include <stddef.h>

/* The whole file, NUL-terminated (len may be NULL); NULL if it cannot be opened. */
char *read_whole_file(const char *path, size_t *len);
/* Case i of a table of bad programs: text is refused with exactly message. */
void assert_program_rejected(int i, const char *text, const char *message);

Suite *clock_suite(void);
Suite *cli_suite(void);
Suite *program_suite(void);
Suite *program_levels_suite(void);
Suite *pathways_suite(void);
Suite *shipped_suite(void);
Suite *config_suite(void);
Suite *routine_suite(void);
Suite *plan_suite(void);
Suite *util_suite(void);
Suite *history_suite(void);
Suite *report_suite(void);
Suite *engine_suite(void);
Suite *cues_suite(void);
Suite *voice_suite(void);
Suite *keys_suite(void);
Suite *scheduler_suite(void);
Suite *text_suite(void);
Suite *visit_suite(void);
Suite *readme_suite(void);
Suite *record_suite(void);
Suite *triage_suite(void);
Suite *runs_suite(void);
Suite *runs_chart_suite(void);
Suite *fit_suite(void);
Suite *entry_test_suite(void);
Suite *redflag_suite(void);
Suite *status_suite(void);
Suite *plan_moves_suite(void);
Suite *intervals_suite(void);
Suite *import_suite(void);

#endif
