/* libFuzzer: a file through the GPX parser (import_harness.h). */
#include "import_harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_import(gpx_parse, data, size);
}
