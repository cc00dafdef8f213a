/* The keys of a program file that change its levels and the pain rules it runs under:
 * `protective` exercises (the protective level 0), `impact` and `pain-limits { }`, and
 * their checks. program.c calls these while it loads a file. */
#ifndef TALUS_PROGRAM_LEVELS_H
#define TALUS_PROGRAM_LEVELS_H

#include <stdbool.h>

#include "confdoc.h"
#include "program.h"

/* The keys of the pain-limits section, named as in the config's progression section. */
extern cfg_opt_t pain_limits_opts[];

/* Checks the nth exercise section (file order), already read into ex, as a protective
 * exercise when it is one. */
bool check_protective_exercise(struct conf_doc *doc, int nth, const struct exercise *ex);
/* Reads impact and pain-limits, sets protective_level from the exercises, and checks
 * the program as a whole. */
bool load_program_levels(struct conf_doc *doc, struct program *prog);

#endif
