/* A small FIT writer for the tests and build/mkfit: headers, definitions (either byte
 * order, developer fields), data messages with normal or compressed-timestamp headers,
 * and the CRCs, computed bit by bit apart from the decoder's table. */
#ifndef TALUS_TEST_FIT_WRITER_H
#define TALUS_TEST_FIT_WRITER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FITW_FIELDS_MAX 16

struct fitw_field {
	uint8_t num, size, base;     /* base: 0x00 enum, 0x84 uint16, 0x86 uint32, 0x85 sint32 */
};

struct fit_writer {
	unsigned char *buf;
	size_t len, cap;
	size_t start;                /* the header of the file being written */
	size_t hsize;
	bool oom;
	struct {
		bool big;
		int n, devsize;
		struct fitw_field f[FITW_FIELDS_MAX];
	} defs[16];
};

/* The FIT CRC-16 of n bytes, bit by bit. */
uint16_t fitw_crc(const unsigned char *p, size_t n);

/* A file starts with a header of 12 or 14 bytes; fitw_end fills in its data size and
 * CRCs. Several files one after another make a chained file. */
void fitw_begin(struct fit_writer *w, size_t header_size);
void fitw_end(struct fit_writer *w);
/* ndev developer fields of devsizes[] bytes each (skipped by size when read). */
void fitw_define(struct fit_writer *w, int local, unsigned global, bool big,
		 const struct fitw_field *f, int n, const uint8_t *devsizes, int ndev);
/* One value a field, in the definition's order; the developer bytes are filler. */
void fitw_data(struct fit_writer *w, int local, const uint64_t *values);
/* A compressed-timestamp header: local 0-3 and the time's low 5 bits. */
void fitw_compressed(struct fit_writer *w, int local, uint32_t fit_time,
		     const uint64_t *values);
void fitw_bytes(struct fit_writer *w, const void *p, size_t n);
void fitw_free(struct fit_writer *w);

/* A whole activity file: file_id, records (unless treadmill), one session a leg and
 * the activity message. */
struct fitw_leg {
	unsigned sport, sub_sport;   /* FIT profile numbers: 1 running, 2 cycling; 1 treadmill */
	int64_t start;               /* Unix time */
	long metres, moving, elapsed;/* elapsed 0: as moving */
	bool positions;              /* record messages with positions */
};

struct fitw_options {
	size_t header_size;          /* 12 or 14; 0 means 14 */
	bool big;                    /* big-endian definitions */
	bool compressed;             /* records and activity with compressed timestamps */
	bool dev;                    /* a developer field in the records and sessions */
	bool have_offset;            /* the activity's local_timestamp */
	int offset;                  /* local minus UTC, seconds */
};

void fitw_activity(struct fit_writer *w, const struct fitw_leg *legs, int n,
		   const struct fitw_options *o);

#endif
