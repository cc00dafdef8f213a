/* libFuzzer: a file through the TCX parser (import_harness.h). */
#include "import_harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_import(tcx_parse, data, size);
}
