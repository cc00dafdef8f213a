/* FIT, the binary format of most watches (running.md): what the decoder (fit.c) shares
 * with the tests' writer and build/mkfit. The parser itself is fit_parse in import.h. */
#ifndef TALUS_FIT_H
#define TALUS_FIT_H

#include <stddef.h>
#include <stdint.h>

#define FIT_EPOCH 631065600      /* 1989-12-31T00:00:00Z in Unix time (running.md) */
#define FIT_RELATIVE 0x10000000u /* times below it count from power-on (running.md) */
#define FIT_SESSIONS_MAX 1000    /* one buffer's sessions (*design*: a day of legs) */
#define FIT_OFFSET_MAX (18 * 3600) /* a local offset further out is not one (*design*) */

/* Global message numbers and the session's fields (FIT profile). */
enum {
	FIT_MSG_FILE_ID = 0, FIT_MSG_SESSION = 18, FIT_MSG_LAP = 19, FIT_MSG_RECORD = 20,
	FIT_MSG_ACTIVITY = 34, FIT_MSG_DEVELOPER_DATA_ID = 207,
	FIT_FIELD_TIMESTAMP = 253,
	FIT_SPORT_RUNNING = 1,
};

/* The FIT CRC-16 of n bytes, carried on from crc (0 to start). */
uint16_t fit_crc16(uint16_t crc, const unsigned char *p, size_t n);
/* The FIT profile's sport number as a word ("running", "cycling"); NULL if unnamed. */
const char *fit_sport_name(unsigned sport);

#endif
