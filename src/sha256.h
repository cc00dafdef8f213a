/* SHA-256 (FIPS 180-4), for the hash of an imported file: the same file imported twice
 * is known by it. */
#ifndef TALUS_SHA256_H
#define TALUS_SHA256_H

#include <stddef.h>

#define SHA256_HEX_LEN 64

/* The digest of buf as 64 lowercase hex digits and a NUL. */
void sha256_hex(const unsigned char *buf, size_t len, char hex[SHA256_HEX_LEN + 1]);

#endif
