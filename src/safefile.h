/* Paths checked before anything opens them. --trace FILE: checked before the session,
 * opened when it starts, never truncating a file it did not write (the history, a
 * link, a FIFO or other non-regular file, another user's file, a file that is not an
 * old trace). */
#ifndef TALUS_SAFEFILE_H
#define TALUS_SAFEFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Checks path; false with the reason in err ("PATH: ..."). An old trace is kept open
 * in *fd_out (else -1) so the file checked is the file written. */
bool trace_check(const char *path, const char *history_path, int *fd_out, char *err,
		 size_t errlen);

/* Opens the checked trace for writing: the old one (*fd_io) emptied, or a new file
 * made with O_EXCL. Takes *fd_io (sets it to -1); NULL with the reason in err. */
FILE *trace_attach(const char *path, int *fd_io, char *err, size_t errlen);

/* A FIFO, a socket or a device at the history path would block the reader or be
 * written into: false with the reason in err. A path that does not exist yet is fine
 * (the first record creates it); a folder is the history reader's to report. */
bool history_path_check(const char *path, char *err, size_t errlen);

/* Replaces path with text, whole or not at all: false with the reason in err. */
bool file_replace(const char *path, const char *text, size_t len, char *err, size_t errlen);

#endif
