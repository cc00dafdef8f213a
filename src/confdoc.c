#include "confdoc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

char *conf_read_file(const char *path, char *err, size_t errlen)
{
	struct stat st;
	char *buf;
	size_t len = 0;
	int fd;

	/* O_NONBLOCK: opening a FIFO for reading would wait for a writer for ever; the
	 * type is checked before a byte is read */
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		snprintf(err, errlen, "%s: not a regular file", path);
		close(fd);
		return NULL;
	}
	if (st.st_size > CONF_MAX_BYTES) {
		snprintf(err, errlen, "%s: larger than %d bytes", path, CONF_MAX_BYTES);
		close(fd);
		return NULL;
	}
	buf = xmalloc((size_t)st.st_size + 1);
	for (;;) {
		ssize_t n = read(fd, buf + len, (size_t)st.st_size - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			snprintf(err, errlen, "%s: cannot read: %s", path, strerror(errno));
			free(buf);
			close(fd);
			return NULL;
		}
		if (n == 0 || (len += (size_t)n) == (size_t)st.st_size)
			break;
	}
	close(fd);
	buf[len] = '\0';
	if (strlen(buf) != len) {
		int line = 1;
		for (const char *p = buf; *p; p++)
			line += *p == '\n';
		snprintf(err, errlen, "%s:%d: NUL byte in the file", path, line);
		free(buf);
		return NULL;
	}
	return buf;
}

/* libconfuse reports through a callback with no user pointer; parsing is not
 * re-entrant anyway, so the document being parsed sits here. */
static struct conf_doc *current_doc;
static int current_error_line; /* the line libconfuse named, 0 for none */

static void on_cfg_error(cfg_t *cfg, const char *fmt, va_list ap)
{
	char msg[400];

	if (!current_doc || current_doc->err[0])
		return;
	vsnprintf(msg, sizeof(msg), fmt, ap);
	sanitize_text(msg);
	current_error_line = cfg ? cfg->line : 0;
	current_doc->err_line = current_error_line;
	snprintf(current_doc->err, sizeof(current_doc->err), "%s:%d: %s", current_doc->path,
		 current_error_line, msg);
}

bool conf_error(struct conf_doc *doc, int line, const char *fmt, ...)
{
	char msg[400];
	va_list ap;

	if (doc->err[0])
		return false;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	sanitize_text(msg);
	snprintf(doc->err, sizeof(doc->err), "%s:%d: %s", doc->path, line, msg);
	doc->err_line = line;
	return false;
}

enum token_kind { TOK_WORD, TOK_STRING, TOK_OPEN, TOK_CLOSE, TOK_ASSIGN, TOK_OTHER, TOK_END };

struct scanner {
	const char *p;
	int line;
	int tok_line;
	enum token_kind kind;
	char text[40];
};

/* Follows libconfuse's lexer closely enough for a file libconfuse already accepted:
 * comments (#, //, slash-star), quoted strings with backslash escapes, bare words. */
static void next_token(struct scanner *s)
{
	for (;;) {
		while (*s->p == ' ' || *s->p == '\t' || *s->p == '\r' || *s->p == '\n')
			s->line += *s->p++ == '\n';
		if (*s->p == '#' || (s->p[0] == '/' && s->p[1] == '/')) {
			while (*s->p && *s->p != '\n')
				s->p++;
		} else if (s->p[0] == '/' && s->p[1] == '*') {
			s->p += 2;
			while (*s->p && !(s->p[0] == '*' && s->p[1] == '/'))
				s->line += *s->p++ == '\n';
			if (*s->p)
				s->p += 2;
		} else {
			break;
		}
	}
	s->tok_line = s->line;
	s->text[0] = '\0';
	if (!*s->p) {
		s->kind = TOK_END;
	} else if (*s->p == '{' || *s->p == '}') {
		s->kind = *s->p++ == '{' ? TOK_OPEN : TOK_CLOSE;
	} else if (*s->p == '=' || (s->p[0] == '+' && s->p[1] == '=')) {
		s->p += *s->p == '+' ? 2 : 1;
		s->kind = TOK_ASSIGN;
	} else if (*s->p == '"' || *s->p == '\'') {
		char quote = *s->p++;
		size_t n = 0;
		while (*s->p && *s->p != quote) {
			if (*s->p == '\\' && s->p[1])
				s->p++;
			s->line += *s->p == '\n';
			if (n + 1 < sizeof(s->text))
				s->text[n++] = *s->p;
			s->p++;
		}
		s->text[n] = '\0';
		if (*s->p)
			s->p++;
		s->kind = TOK_STRING;
	} else if (strchr(",()", *s->p)) {
		s->p++;
		s->kind = TOK_OTHER;
	} else {
		size_t n = 0;
		while (*s->p && !strchr(" \t\r\n#={}(),\"'", *s->p) &&
		       !(s->p[0] == '+' && s->p[1] == '=') &&
		       !(s->p[0] == '/' && (s->p[1] == '/' || s->p[1] == '*'))) {
			if (n + 1 < sizeof(s->text))
				s->text[n++] = *s->p;
			s->p++;
		}
		s->text[n] = '\0';
		s->kind = TOK_WORD;
	}
}

static int count_sections(const struct conf_doc *doc, const char *name)
{
	int n = 0;

	for (size_t i = 0; i < doc->nsections; i++)
		n += strcmp(doc->sections[i].name, name) == 0;
	return n;
}

/* Walks the tokens once: records where each key and section is, and catches what
 * libconfuse lets through. Sections nest one deep in talus's files; lists are braces
 * after '='. */
static bool scan_structure(struct conf_doc *doc, const char *buf)
{
	struct scanner s = { .p = buf, .line = 1 };
	int section = -1, section_open_line = 0, list_open_line = 0;
	bool in_list = false;
	size_t cap_keys = 16, cap_sections = 8;
	char word[40];
	int word_line;

	doc->keys = xmalloc(cap_keys * sizeof(*doc->keys));
	doc->sections = xmalloc(cap_sections * sizeof(*doc->sections));
	next_token(&s);
	while (s.kind != TOK_END) {
		if (in_list) {
			if (s.kind == TOK_CLOSE)
				in_list = false;
			next_token(&s);
			continue;
		}
		if (s.kind == TOK_CLOSE && section >= 0) {
			section = -1;
			next_token(&s);
			continue;
		}
		if (s.kind != TOK_WORD) {
			next_token(&s);
			continue;
		}
		copy_str(word, sizeof(word), s.text);
		word_line = s.tok_line;
		next_token(&s);
		if (s.kind == TOK_ASSIGN) {
			for (size_t i = 0; i < doc->nkeys; i++)
				if (doc->keys[i].section == section && strcmp(doc->keys[i].name, word) == 0)
					return conf_error(doc, word_line, "%s is set twice (first at line %d)",
							  word, doc->keys[i].line);
			if (doc->nkeys == cap_keys)
				doc->keys = xrealloc(doc->keys, (cap_keys *= 2) * sizeof(*doc->keys));
			doc->keys[doc->nkeys].section = section;
			copy_str(doc->keys[doc->nkeys].name, sizeof(doc->keys[0].name), word);
			doc->keys[doc->nkeys++].line = word_line;
			next_token(&s);
			if (s.kind == TOK_OPEN) {
				in_list = true;
				list_open_line = s.tok_line;
			}
			next_token(&s);
		} else if (section < 0 && (s.kind == TOK_OPEN || s.kind == TOK_WORD || s.kind == TOK_STRING)) {
			if (s.kind != TOK_OPEN)
				next_token(&s);
			if (s.kind != TOK_OPEN)
				continue;
			if (doc->nsections == cap_sections)
				doc->sections = xrealloc(doc->sections, (cap_sections *= 2) * sizeof(*doc->sections));
			copy_str(doc->sections[doc->nsections].name, sizeof(doc->sections[0].name), word);
			doc->sections[doc->nsections].nth = count_sections(doc, word);
			doc->sections[doc->nsections].line = word_line;
			section = (int)doc->nsections++;
			section_open_line = s.tok_line;
			next_token(&s);
		}
	}
	if (in_list)
		return conf_error(doc, list_open_line, "'{' opened here is never closed");
	if (section >= 0)
		return conf_error(doc, section_open_line, "'{' opened here is never closed");
	return true;
}

/* A copy of buf with every comment blanked out: spaces, the newlines kept. libconfuse
 * counts two lines for each comment (3.3's lexer counts the newline that ends it, then
 * again), so its messages named a line further down for every comment above; without
 * comments its count is the file's. Strings are followed as libconfuse and
 * next_token follow them, so a '#' inside quotes stays. */
char *conf_blank_comments(const char *buf)
{
	char *out = xstrdup(buf), *p = out;

	while (*p) {
		if (*p == '"' || *p == '\'') {
			char quote = *p++;
			while (*p && *p != quote) {
				if (*p == '\\' && p[1])
					p++;
				p++;
			}
			if (*p)
				p++;
		} else if (*p == '#' || (p[0] == '/' && p[1] == '/')) {
			while (*p && *p != '\n')
				*p++ = ' ';
		} else if (p[0] == '/' && p[1] == '*') {
			*p++ = ' ';
			*p++ = ' ';
			while (*p && !(p[0] == '*' && p[1] == '/')) {
				if (*p != '\n')
					*p = ' ';
				p++;
			}
			if (*p) {
				*p++ = ' ';
				*p++ = ' ';
			}
		} else {
			p++;
		}
	}
	return out;
}

/* The first quoted string that runs over a line end: the line of its opening quote
 * into *open_line and of its closing one (0: never closed) into *close_line. False
 * when every string closes on its own line. */
static bool find_runaway_string(const char *bare, int *open_line, int *close_line)
{
	int line = 1;

	for (const char *p = bare; *p; p++) {
		if (*p == '\n') {
			line++;
		} else if (*p == '"' || *p == '\'') {
			char quote = *p;
			int from = line;
			for (p++; *p && *p != quote; p++) {
				if (*p == '\\' && p[1])
					p++;
				line += *p == '\n';
			}
			if (line != from) {
				*open_line = from;
				*close_line = *p ? line : 0;
				return true;
			}
			if (!*p)
				break;
		}
	}
	return false;
}

/* The line of the first "${" that libconfuse would replace with an environment
 * variable (in a bare word or a double-quoted string), or 0. Comments and single-quoted
 * strings keep "${" as it is; a backslash keeps the next character as it is. */
static int env_ref_line(const char *p)
{
	int line = 1;
	char quote = 0;

	for (; *p; p++) {
		if (*p == '\n')
			line++;
		if (quote) {
			if (*p == '\\' && p[1])
				line += *++p == '\n';
			else if (*p == quote)
				quote = 0;
			else if (quote == '"' && p[0] == '$' && p[1] == '{')
				return line;
		} else if (*p == '#' || (p[0] == '/' && p[1] == '/')) {
			while (p[1] && p[1] != '\n')
				p++;
		} else if (p[0] == '/' && p[1] == '*') {
			for (p += 2; *p && !(p[0] == '*' && p[1] == '/'); p++)
				line += *p == '\n';
			if (!*p)
				break;
			p++;
		} else if (*p == '"' || *p == '\'') {
			quote = *p;
		} else if (p[0] == '$' && p[1] == '{') {
			return line;
		}
	}
	return 0;
}

bool conf_doc_parse(struct conf_doc *doc, cfg_opt_t *opts, const char *path, const char *buf)
{
	char *bare;
	int rc, env_line;

	memset(doc, 0, sizeof(*doc));
	doc->path = xstrdup(path);
	/* libconfuse has no switch for its ${VAR} expansion: a shared program file could
	 * print a secret from the environment into --plan, so such a file is refused */
	if ((env_line = env_ref_line(buf)))
		return conf_error(doc, env_line,
				  "'${' would read the environment; talus does not expand variables "
				  "(write '\\${' or use single quotes for the text itself)");
	doc->cfg = cfg_init(opts, CFGF_NONE);
	if (!doc->cfg)
		return conf_error(doc, 0, "cannot set up the parser");
	cfg_set_error_function(doc->cfg, on_cfg_error);
	current_doc = doc;
	bare = conf_blank_comments(buf);
	current_error_line = 0;
	rc = cfg_parse_buf(doc->cfg, bare);
	current_doc = NULL;
	if (rc != CFG_SUCCESS) {
		int open_line, close_line, line = current_error_line ? current_error_line : doc->cfg->line;
		/* a missing closing quote shows where the string ran to; name where it began */
		if (find_runaway_string(bare, &open_line, &close_line) &&
		    (close_line == 0 || close_line >= line) && open_line < line) {
			doc->err[0] = '\0';
			conf_error(doc, open_line, "the quote opened here is not closed on its line");
		}
		if (!doc->err[0])
			conf_error(doc, doc->cfg->line, "cannot parse the file");
		free(bare);
		return false;
	}
	free(bare);
	return scan_structure(doc, buf);
}

void conf_doc_free(struct conf_doc *doc)
{
	if (doc->cfg)
		cfg_free(doc->cfg);
	free(doc->path);
	free(doc->keys);
	free(doc->sections);
	memset(doc, 0, sizeof(*doc));
}

static int find_section(const struct conf_doc *doc, const char *name, int nth)
{
	for (size_t i = 0; i < doc->nsections; i++)
		if (strcmp(doc->sections[i].name, name) == 0 && doc->sections[i].nth == nth)
			return (int)i;
	return -2;
}

int conf_section_line(const struct conf_doc *doc, const char *section_name, int nth)
{
	int sec = find_section(doc, section_name, nth);

	return sec >= 0 ? doc->sections[sec].line : 1;
}

static const struct conf_key *find_key(const struct conf_doc *doc, const char *section_name,
				       int nth, const char *key)
{
	int sec = section_name ? find_section(doc, section_name, nth) : -1;

	if (sec == -2)
		return NULL;
	for (size_t i = 0; i < doc->nkeys; i++)
		if (doc->keys[i].section == sec && strcmp(doc->keys[i].name, key) == 0)
			return &doc->keys[i];
	return NULL;
}

bool conf_has_key(const struct conf_doc *doc, const char *section_name, int nth, const char *key)
{
	return find_key(doc, section_name, nth, key) != NULL;
}

int conf_key_line(const struct conf_doc *doc, const char *section_name, int nth, const char *key)
{
	const struct conf_key *k = find_key(doc, section_name, nth, key);

	if (k)
		return k->line;
	return section_name ? conf_section_line(doc, section_name, nth) : 1;
}
