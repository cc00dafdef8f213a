/* Unit tests of the model, with Check. Each suite is one module. */
#include <stdlib.h>

#include "unit.h"

int main(void)
{
	SRunner *sr = srunner_create(util_suite());
	int failed;

	srunner_add_suite(sr, clock_suite());
	srunner_add_suite(sr, triage_suite());
	srunner_add_suite(sr, runs_suite());
	srunner_add_suite(sr, runs_chart_suite());
	srunner_add_suite(sr, fit_suite());
	srunner_add_suite(sr, import_suite());
	srunner_add_suite(sr, entry_test_suite());
	srunner_add_suite(sr, cli_suite());
	srunner_add_suite(sr, program_suite());
	srunner_add_suite(sr, program_levels_suite());
	srunner_add_suite(sr, pathways_suite());
	srunner_add_suite(sr, shipped_suite());
	srunner_add_suite(sr, config_suite());
	srunner_add_suite(sr, routine_suite());
	srunner_add_suite(sr, plan_suite());
	srunner_add_suite(sr, record_suite());
	srunner_add_suite(sr, history_suite());
	srunner_add_suite(sr, report_suite());
	srunner_add_suite(sr, engine_suite());
	srunner_add_suite(sr, cues_suite());
	srunner_add_suite(sr, voice_suite());
	srunner_add_suite(sr, keys_suite());
	srunner_add_suite(sr, scheduler_suite());
	srunner_add_suite(sr, redflag_suite());
	srunner_add_suite(sr, plan_moves_suite());
	srunner_add_suite(sr, intervals_suite());
	srunner_add_suite(sr, text_suite());
	srunner_add_suite(sr, visit_suite());
	srunner_add_suite(sr, status_suite());
	srunner_add_suite(sr, readme_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
