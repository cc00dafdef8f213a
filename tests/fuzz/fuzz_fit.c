/* libFuzzer: bytes through the FIT decoder, as they are and again with every header's
 * CRC and file CRC of a chain made right, so mutations reach the messages behind the
 * CRC. Whatever it reads must be within the bounds it promises. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fit.h"
#include "import.h"

static void check(const uint8_t *data, size_t size)
{
	struct activity_list list = {0};
	char err[IMPORT_ERR_MAX];

	err[0] = '\0';
	if (fit_parse(data, size, &list, err, sizeof(err))) {
		if (list.n > FIT_SESSIONS_MAX || list.n > size)
			abort();
		for (size_t i = 0; i < list.n; i++) {
			const struct activity *a = &list.items[i];

			if (!memchr(a->sport, '\0', sizeof(a->sport)) || a->metres < 0 ||
			    a->moving_secs < -1 || a->elapsed_secs < -1 ||
			    (a->have_offset && (a->offset < -FIT_OFFSET_MAX ||
						a->offset > FIT_OFFSET_MAX)))
				abort();
		}
	} else if (!err[0] || !memchr(err, '\0', sizeof(err))) {
		abort();                       /* a refusal always says why */
	}
	activity_list_free(&list);
}

/* Each file of the chain: its header CRC (when 14 bytes) and its CRC set right. */
static void fix_crcs(uint8_t *p, size_t size)
{
	size_t at = 0;

	while (size - at >= 12) {
		size_t h = p[at];
		uint32_t data = (uint32_t)p[at + 4] | (uint32_t)p[at + 5] << 8 |
				(uint32_t)p[at + 6] << 16 | (uint32_t)p[at + 7] << 24;
		uint16_t crc;

		if ((h != 12 && h != 14) || size - at < h || data > size - at - h ||
		    size - at - h - data < 2)
			return;
		if (h == 14) {
			crc = fit_crc16(0, p + at, 12);
			p[at + 12] = (uint8_t)crc;
			p[at + 13] = (uint8_t)(crc >> 8);
		}
		crc = fit_crc16(0, p + at, h + data);
		p[at + h + data] = (uint8_t)crc;
		p[at + h + data + 1] = (uint8_t)(crc >> 8);
		at += h + data + 2;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t *copy;

	check(data, size);
	copy = malloc(size ? size : 1);
	if (!copy)
		return 0;
	memcpy(copy, data, size);
	fix_crcs(copy, size);
	check(copy, size);
	free(copy);
	return 0;
}
