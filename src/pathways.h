/* The `pathways` a program is the first program of, and what a pathway forbids in it:
 * no exercise into dorsiflexion for insertional Achilles pain (rehab.md). program.c
 * calls these while it loads a file. */
#ifndef TALUS_PATHWAYS_H
#define TALUS_PATHWAYS_H

#include <stdbool.h>

#include "confdoc.h"
#include "program.h"

/* Reads the pathways list into prog->pathways. */
bool load_pathways(struct conf_doc *doc, struct program *prog);
/* Checks the nth exercise section (file order), already read into ex, against the
 * program's pathways. */
bool check_pathway_exercise(struct conf_doc *doc, int nth, const struct program *prog,
			    const struct exercise *ex);
/* The first pathway named key, or -1. */
int pathway_from_key(const char *key);

#endif
