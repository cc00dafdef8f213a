/* Until the FIT decoder (fit.c) lands: a FIT file is refused with a reason. */
#include <stdio.h>

#include "import.h"

bool fit_parse(const unsigned char *buf, size_t len, struct activity_list *out, char *err,
	       size_t errlen)
{
	(void)buf, (void)len, (void)out;
	snprintf(err, errlen, "FIT not yet supported");
	return false;
}
