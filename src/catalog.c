#include "catalog.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static int by_name(const void *a, const void *b)
{
	const struct catalog_entry *x = a, *y = b;

	return strcmp(x->name, y->name);
}

void catalog_scan(struct catalog *cat, const char *const *dirs, size_t ndirs)
{
	size_t cap = 8;

	cat->n = 0;
	cat->entries = xmalloc(cap * sizeof(*cat->entries));
	for (size_t d = 0; d < ndirs; d++) {
		DIR *dir = opendir(dirs[d]);
		struct dirent *de;

		if (!dir)
			continue;
		while ((de = readdir(dir))) {
			size_t len = strlen(de->d_name);
			char *name;

			if (de->d_name[0] == '.' || len <= 5 || strcmp(de->d_name + len - 5, ".conf") != 0)
				continue;
			name = xstrdup(de->d_name);
			name[len - 5] = '\0';
			if (catalog_find(cat, name)) {
				free(name);
				continue;
			}
			if (cat->n == cap)
				cat->entries = xrealloc(cat->entries, (cap *= 2) * sizeof(*cat->entries));
			cat->entries[cat->n].name = name;
			cat->entries[cat->n].path = xasprintf("%s/%s", dirs[d], de->d_name);
			cat->n++;
		}
		closedir(dir);
	}
	qsort(cat->entries, cat->n, sizeof(*cat->entries), by_name);
}

void catalog_free(struct catalog *cat)
{
	for (size_t i = 0; i < cat->n; i++) {
		free(cat->entries[i].name);
		free(cat->entries[i].path);
	}
	free(cat->entries);
	cat->entries = NULL;
	cat->n = 0;
}

const char *catalog_find(const struct catalog *cat, const char *name)
{
	for (size_t i = 0; i < cat->n; i++)
		if (strcmp(cat->entries[i].name, name) == 0)
			return cat->entries[i].path;
	return NULL;
}

/* Follows `next` from prog; true (the chain in *chain) when it comes back to prog.
 * A program on the way that does not load ends the walk: its own check reports it. */
static bool next_loops(const struct catalog *cat, const struct program *prog,
		       struct strbuf *chain)
{
	char *cur = xstrdup(prog->next);
	bool loops = false;

	sb_printf(chain, "%s -> %s", prog->name, cur);
	for (size_t hops = 0; hops < cat->n && !loops; hops++) {
		const char *path = catalog_find(cat, cur);
		struct program p;
		char err[512];

		if (strcmp(cur, prog->name) == 0) {
			loops = true;
			break;
		}
		if (!path || !program_load_file(&p, path, err, sizeof(err)))
			break;
		free(cur);
		cur = p.next ? xstrdup(p.next) : NULL;
		program_free(&p);
		if (!cur)
			break;
		sb_printf(chain, " -> %s", cur);
	}
	free(cur);
	return loops;
}

bool catalog_load(const struct catalog *cat, const char *name, struct program *prog, char *err,
		  size_t errlen)
{
	const char *path = catalog_find(cat, name);
	struct strbuf chain;

	if (!path) {
		snprintf(err, errlen, "no program named '%s' (talus --list shows them)", name);
		return false;
	}
	if (!program_load_file(prog, path, err, errlen))
		return false;
	if (prog->next && !catalog_find(cat, prog->next)) {
		snprintf(err, errlen, "%s:%d: next names no program '%s'", path, prog->next_line,
			 prog->next);
		program_free(prog);
		return false;
	}
	if (prog->next && strcmp(prog->next, prog->name) == 0) {
		snprintf(err, errlen, "%s:%d: next names the program itself", path, prog->next_line);
		program_free(prog);
		return false;
	}
	sb_init(&chain);
	if (prog->next && next_loops(cat, prog, &chain)) {
		snprintf(err, errlen, "%s:%d: next makes a loop: %s", path, prog->next_line,
			 chain.buf);
		program_free(prog);
		sb_free(&chain);
		return false;
	}
	sb_free(&chain);
	if (prog->next) { /* its title, for people; a broken file is reported when it loads */
		struct program next;
		char next_err[64];
		if (program_load_file(&next, catalog_find(cat, prog->next), next_err, sizeof(next_err))) {
			prog->next_title = xstrdup(next.title);
			program_free(&next);
		}
	}
	return true;
}

static const char *first_dorsiflexion(const struct program *p)
{
	for (size_t i = 0; i < p->nexercises; i++)
		if (p->exercises[i].dorsiflexion)
			return p->exercises[i].name;
	return NULL;
}

bool catalog_dorsiflexion_after(const struct catalog *cat, const struct program *prog, char *buf,
				size_t len)
{
	char *cur = prog->next ? xstrdup(prog->next) : NULL;
	bool found = false;

	if (!(prog->pathways & (1u << PATHWAY_INSERTIONAL_ACHILLES))) {
		free(cur);
		return false;
	}
	/* at most one step a program: a loop is reported on its own */
	for (size_t hops = 0; cur && hops < cat->n && !found; hops++) {
		const char *path = catalog_find(cat, cur);
		struct program p;
		char err[512];
		const char *ex;

		if (!path || !program_load_file(&p, path, err, sizeof(err)))
			break;
		if ((ex = first_dorsiflexion(&p))) {
			snprintf(buf, len, "%s's '%s'", p.name, ex);
			found = true;
		}
		free(cur);
		cur = p.next ? xstrdup(p.next) : NULL;
		program_free(&p);
	}
	free(cur);
	return found;
}
