/* The list the import parsers fill (import.h). */
#include <stdlib.h>

#include "import.h"

bool activity_push(struct activity_list *list, const struct activity *a)
{
	if (list->n == list->cap) {
		size_t cap = list->cap ? list->cap * 2 : 8;
		struct activity *items = realloc(list->items, cap * sizeof(*items));

		if (!items)
			return false;
		list->items = items;
		list->cap = cap;
	}
	list->items[list->n++] = *a;
	return true;
}

void activity_list_free(struct activity_list *list)
{
	free(list->items);
	list->items = NULL;
	list->n = list->cap = 0;
}
