#include "pathways.h"

#include <string.h>

#include "util.h"

const char *const pathway_key[PATHWAY_COUNT] = {
	"acute-sprain", "midportion-achilles", "insertional-achilles",
	"chronic-instability", "peroneal", "bone-stress",
};

int pathway_from_key(const char *key)
{
	for (int i = 0; i < PATHWAY_COUNT; i++)
		if (strcmp(key, pathway_key[i]) == 0)
			return i;
	return -1;
}

bool load_pathways(struct conf_doc *doc, struct program *prog)
{
	unsigned n = cfg_size(doc->cfg, "pathways");
	int line = conf_key_line(doc, NULL, 0, "pathways");

	prog->pathways = 0;
	if (!conf_has_key(doc, NULL, 0, "pathways"))
		return true;
	if (n == 0)
		return conf_error(doc, line, "pathways is an empty list");
	for (unsigned i = 0; i < n; i++) {
		const char *key = cfg_getnstr(doc->cfg, "pathways", i);
		int p = pathway_from_key(key);
		if (p < 0)
			return conf_error(doc, line,
					  "unknown pathway '%s' (use acute-sprain, midportion-achilles, "
					  "insertional-achilles, chronic-instability, peroneal or "
					  "bone-stress)", key);
		if (prog->pathways & (1u << p))
			return conf_error(doc, line, "pathway '%s' is listed twice", key);
		prog->pathways |= 1u << p;
	}
	return true;
}

bool check_pathway_exercise(struct conf_doc *doc, int nth, const struct program *prog,
			    const struct exercise *ex)
{
	/* past neutral the tendon is pressed against the heel bone: step-edge drops help 32%
	 * of insertional cases against 89% midportion (Fahlström 2003) */
	if (ex->dorsiflexion && (prog->pathways & (1u << PATHWAY_INSERTIONAL_ACHILLES)))
		return conf_error(doc, conf_key_line(doc, "exercise", nth, "dorsiflexion"),
				  "'%s' goes into dorsiflexion; a program for insertional-achilles "
				  "keeps to the floor", ex->name);
	if (ex->calf_load.n > 0 && ex->reps.n == 0)
		return conf_error(doc, conf_key_line(doc, "exercise", nth, "calf-load"),
				  "calf-load counts reps; '%s' is a hold", ex->name);
	return true;
}
