#ifndef TALUS_TEST_UNIT_H
#define TALUS_TEST_UNIT_H

#include <check.h>

Suite *clock_suite(void);
Suite *program_suite(void);
Suite *config_suite(void);
Suite *routine_suite(void);
Suite *plan_suite(void);
Suite *util_suite(void);
Suite *history_suite(void);
Suite *report_suite(void);
Suite *session_suite(void);
Suite *keys_suite(void);

#endif
