# talus: a terminal coach for ankle rehab.
# make          build ./talus
# make run      install the missing Debian packages it needs, build, start the coach
# make check    install the missing packages the tests need too, build, run every test
# make install  PREFIX=/usr/local DESTDIR= (the usual)
# V=1 shows the commands.

VERSION    = 0.1.0
PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
DATAROOT  ?= $(PREFIX)/share
DATADIR   ?= $(DATAROOT)/talus
DOCDIR    ?= $(DATAROOT)/doc/talus
MANDIR    ?= $(DATAROOT)/man
BASHCOMPDIR ?= $(DATAROOT)/bash-completion/completions
ZSHCOMPDIR  ?= $(DATAROOT)/zsh/vendor-completions
DESTDIR   ?=
PKG_CONFIG ?= pkg-config
INSTALL   ?= install

CURSES_PC := $(shell $(PKG_CONFIG) --exists ncursesw 2>/dev/null && echo ncursesw || echo ncurses)
CONFUSE_CFLAGS := $(shell $(PKG_CONFIG) --cflags libconfuse 2>/dev/null)
CONFUSE_LIBS   := $(shell $(PKG_CONFIG) --libs libconfuse 2>/dev/null || echo -lconfuse)
CURSES_CFLAGS  := $(shell $(PKG_CONFIG) --cflags $(CURSES_PC) 2>/dev/null)
CURSES_LIBS    := $(shell $(PKG_CONFIG) --libs $(CURSES_PC) 2>/dev/null || echo -lncursesw)
EXPAT_CFLAGS   := $(shell $(PKG_CONFIG) --cflags expat 2>/dev/null)
# expat reads GPX and TCX; libm measures a GPX track
EXPAT_LIBS     := $(shell $(PKG_CONFIG) --libs expat 2>/dev/null || echo -lexpat) -lm
CHECK_CFLAGS   := $(shell $(PKG_CONFIG) --cflags check 2>/dev/null)
CHECK_LIBS     := $(shell $(PKG_CONFIG) --libs check 2>/dev/null || echo -lcheck)

# What the build requires is added with `override`, so a CFLAGS or CPPFLAGS given on
# the command line adds to it and never removes it (make CFLAGS=-O0 keeps -std=c11).
CFLAGS   ?= -O2 -g
override CFLAGS   += -std=c11 -Wall -Wextra
override CPPFLAGS += -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -MMD -MP \
	    -DTALUS_VERSION='"$(VERSION)"' -DTALUS_DATADIR='"$(DATADIR)"'

# SAN=1 builds with AddressSanitizer and UndefinedBehaviorSanitizer into build/san.
ifeq ($(SAN),1)
BUILD    ?= build/san
override CFLAGS  += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
override LDFLAGS += -fsanitize=address,undefined
TALUS_BIN = $(BUILD)/talus
else
BUILD    ?= build
TALUS_BIN = talus
endif

# The model: no curses in here.
MODEL_SRCS = src/util.c src/text.c src/clock.c src/confdoc.c src/program.c src/program_levels.c src/pathways.c src/calf_load.c src/catalog.c \
	     src/config.c src/routine.c src/plan.c src/paths.c src/record.c src/record_write.c src/history.c src/history_read.c \
	     src/session_log.c src/session_log_notes.c src/triage.c src/entry_test.c src/runs.c src/runs_report.c src/runs_chart.c src/run_form.c src/activity.c src/fit.c src/report.c src/engine.c src/coach.c src/coach_triage.c src/coach_test.c src/coach_flags.c src/coach_runs.c src/visit.c src/safety.c \
	     src/scheduler.c src/scheduler_why.c src/scheduler_flags.c src/forecast.c src/redflag.c src/safefile.c \
	     src/status.c src/status_read.c src/reminder.c src/ics.c src/physio_report.c src/physio_levels.c src/physio_weeks.c \
	     src/intervals.c src/coach_run.c src/scheduler_run.c \
	     src/sha256.c src/import.c src/import_xml.c src/import_gpx.c src/import_tcx.c
MODEL_SRCS += src/plan_moves.c src/plan_side.c src/coach_next.c
# Spoken cues: which is due (the model), and the speech command run as a child.
MODEL_SRCS += src/cues.c src/voice.c
# The screen: the only files that include curses.
UI_SRCS    = src/ui.c src/ui_frame.c src/ui_session.c src/ui_ask.c src/ui_pages.c src/ui_triage.c \
	     src/ui_draw.c src/ui_keys.c src/ui_flags.c src/ui_runs.c \
	     src/ui_walkrun.c
UI_SRCS   += src/ui_voice.c
MAIN_SRCS  = src/main.c src/cli.c src/cli_options.c src/commands.c src/commands_log.c src/state.c \
	     src/commands_status.c src/commands_report.c \
	     src/commands_import.c
MAIN_SRCS += src/state_side.c
TEST_SRCS  = $(wildcard tests/unit/*.c)

MODEL_OBJS = $(MODEL_SRCS:%.c=$(BUILD)/%.o)
MAIN_OBJS  = $(MAIN_SRCS:%.c=$(BUILD)/%.o)
UI_OBJS    = $(UI_SRCS:%.c=$(BUILD)/%.o)
TEST_OBJS  = $(TEST_SRCS:%.c=$(BUILD)/%.o)
UNIT_BIN   = $(BUILD)/unit-tests
FAULT_LIB  = build/fault-inject.so

ifeq ($(V),1)
Q =
msg = @true
else
Q = @
msg = @printf '  %-6s %s\n' $(1) $(2)
endif

.PHONY: all run check test test-offline dist deps deps-run install uninstall clean fuzz fuzz-bins bench

all: $(TALUS_BIN)

$(TALUS_BIN): $(MAIN_OBJS) $(UI_OBJS) $(MODEL_OBJS)
	$(call msg,LINK,$@)
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(CONFUSE_LIBS) $(EXPAT_LIBS) $(CURSES_LIBS) $(LDLIBS)

$(UNIT_BIN): $(TEST_OBJS) $(MODEL_OBJS) $(BUILD)/src/ui_keys.o $(BUILD)/src/cli.o $(BUILD)/src/cli_options.o
	$(call msg,LINK,$@)
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(CHECK_LIBS) $(CONFUSE_LIBS) $(EXPAT_LIBS) $(CURSES_LIBS) $(LDLIBS)

# Writes a FIT file from its arguments, for the import tests (tests/tools/mkfit.c).
MKFIT = $(BUILD)/mkfit

$(MKFIT): $(BUILD)/tests/tools/mkfit.o $(BUILD)/tests/unit/fit_writer.o $(BUILD)/src/fit.o \
		  $(BUILD)/src/activity.o
	$(call msg,LINK,$@)
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# Draws a screen of the coach as text, for the golden-screen tests.
SCREEN_DUMP = $(BUILD)/screen-dump

$(SCREEN_DUMP): $(BUILD)/tests/screens/screen_dump.o $(UI_OBJS) $(MODEL_OBJS)
	$(call msg,LINK,$@)
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(CONFUSE_LIBS) $(EXPAT_LIBS) $(CURSES_LIBS) $(LDLIBS)

$(BUILD)/src/%.o: src/%.c
	$(call msg,CC,$<)
	@mkdir -p $(@D)
	$(Q)$(CC) $(CPPFLAGS) $(CONFUSE_CFLAGS) $(EXPAT_CFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/src/ui%.o: src/ui%.c
	$(call msg,CC,$<)
	@mkdir -p $(@D)
	$(Q)$(CC) $(CPPFLAGS) $(CURSES_CFLAGS) $(CONFUSE_CFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/tests/%.o: tests/%.c
	$(call msg,CC,$<)
	@mkdir -p $(@D)
	$(Q)$(CC) $(CPPFLAGS) -Isrc $(CONFUSE_CFLAGS) $(CURSES_CFLAGS) $(CHECK_CFLAGS) $(CFLAGS) -c -o $@ $<

# The share folder is compiled in: rebuild paths.o when DATADIR (or PREFIX) changes,
# so `make install PREFIX=/usr` installs a binary that looks in /usr/share/talus.
$(BUILD)/datadir.stamp: FORCE
	@mkdir -p $(@D)
	@echo '$(DATADIR)' | cmp -s - $@ || echo '$(DATADIR)' >$@

$(BUILD)/src/paths.o: $(BUILD)/datadir.stamp

.PHONY: FORCE
FORCE:

# Never sanitized: it is preloaded into either build.
$(FAULT_LIB): tests/fault/inject.c
	$(call msg,CC,$<)
	@mkdir -p $(@D)
	$(Q)$(CC) -O1 -g -Wall -Wextra -shared -fPIC -o $@ $< -ldl

# libFuzzer harnesses (clang, ASan, UBSan) over the model, in build/fuzz.
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZERS       = program config history fit gpx tcx
FUZZ_DIR      = build/fuzz
FUZZ_CFLAGS   = -g -O1 -std=c11 -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_OBJS     = $(MODEL_SRCS:%.c=$(FUZZ_DIR)/%.o)
FUZZ_BINS     = $(FUZZERS:%=$(FUZZ_DIR)/fuzz_%)

$(FUZZ_DIR)/src/%.o: src/%.c
	$(call msg,FUZZCC,$<)
	@mkdir -p $(@D)
	$(Q)$(FUZZ_CC) $(CPPFLAGS) $(CONFUSE_CFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_OBJS) tests/fuzz/import_harness.h
	$(call msg,FUZZLD,$@)
	$(Q)$(FUZZ_CC) $(CPPFLAGS) -Isrc $(CONFUSE_CFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $(filter %.c %.o,$^) \
		$(CONFUSE_LIBS) $(EXPAT_LIBS)

.SECONDARY: $(FUZZ_OBJS)

fuzz-bins: $(FUZZ_BINS)

# Each harness for FUZZ_SECONDS, growing its corpus in build/fuzz; a crash is saved
# there as crash-*: copy it to tests/fuzz/regressions/<harness>/ so make check replays it.
fuzz: $(FUZZ_BINS)
	@for f in $(FUZZERS); do \
		mkdir -p $(FUZZ_DIR)/corpus-$$f; \
		echo "fuzz_$$f: $(FUZZ_SECONDS) s"; \
		$(FUZZ_DIR)/fuzz_$$f -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
			-artifact_prefix=$(FUZZ_DIR)/crash-$$f- $(FUZZ_DIR)/corpus-$$f \
			tests/fuzz/corpus/$$f || exit 1; \
	done

# Benchmarks of an optimised build; they report and never fail the build.
build/bench/benchtool: tests/bench/benchtool.c
	$(call msg,CC,$<)
	@mkdir -p $(@D)
	$(Q)$(CC) -O2 -Wall -Wextra -o $@ $<

bench: deps
	@$(MAKE) --no-print-directory BUILD=build/bench TALUS_BIN=build/bench/talus \
		CFLAGS="-O2 -DNDEBUG" build/bench/talus build/bench/benchtool
	@bash tests/bench.sh

# Installs only the Debian packages that are missing, and says which (tools/deps.sh):
# deps-run what building and running needs, deps that and what the tests need.
deps:
	@sh tools/deps.sh check

deps-run:
	@sh tools/deps.sh run

# Sub-makes, so the pkg-config flags are read after deps has installed the packages.
run: deps-run
	@$(MAKE) --no-print-directory all
	./talus

check: deps
	@$(MAKE) --no-print-directory test

test: $(TALUS_BIN) $(UNIT_BIN) $(SCREEN_DUMP) $(MKFIT) $(FAULT_LIB) $(FUZZ_BINS)
	@$(MAKE) --no-print-directory SAN=1 build/san/talus build/san/unit-tests build/san/screen-dump
	@FAULT_LIB=$(CURDIR)/$(FAULT_LIB) FUZZ_DIR=$(CURDIR)/$(FUZZ_DIR) \
		sh tests/run.sh $(TALUS_BIN) $(UNIT_BIN) build/san/talus build/san/unit-tests

# What a package build runs (debian/rules): the unit, CLI, history, man page and
# completion tests, with no sudo, no network, no terminal and nothing installed.
test-offline: $(TALUS_BIN) $(UNIT_BIN) $(FAULT_LIB)
	@OFFLINE=1 FAULT_LIB=$(CURDIR)/$(FAULT_LIB) sh tests/run.sh $(TALUS_BIN) $(UNIT_BIN)

# The source of the commit checked out (HEAD), the same bytes for the same commit:
# git archive sorts the names, owns them by root, dates them at the commit and (umask
# 022) gives each 644 or 755, whatever the local config says; gzip -n
# stores no name or time. debian/ is left out (.gitattributes): it is the packager's.
DIST     = talus-$(VERSION)
DIST_OUT ?= $(DIST).tar.gz
dist:
	$(call msg,DIST,$(DIST_OUT))
	$(Q)git -c tar.umask=022 archive --format=tar --prefix=$(DIST)/ HEAD | gzip -n -9 >$(DIST_OUT).tmp
	$(Q)mv $(DIST_OUT).tmp $(DIST_OUT)

install: $(TALUS_BIN)
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/programs $(DESTDIR)$(DOCDIR)
	$(INSTALL) -m 755 $(TALUS_BIN) $(DESTDIR)$(BINDIR)/talus
	$(INSTALL) -m 644 programs/*.conf $(DESTDIR)$(DATADIR)/programs/
	$(INSTALL) -m 644 config/talus.conf $(DESTDIR)$(DOCDIR)/talus.conf.example
	$(INSTALL) -m 644 README.md $(DESTDIR)$(DOCDIR)/README.md
	$(INSTALL) -d $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	$(INSTALL) -m 644 man/talus.1 $(DESTDIR)$(MANDIR)/man1/talus.1
	$(INSTALL) -m 644 man/talus.conf.5 man/talus-program.5 $(DESTDIR)$(MANDIR)/man5/
	$(INSTALL) -d $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR)
	$(INSTALL) -m 644 completion/talus.bash $(DESTDIR)$(BASHCOMPDIR)/talus
	$(INSTALL) -m 644 completion/_talus $(DESTDIR)$(ZSHCOMPDIR)/_talus

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/talus
	rm -f $(addprefix $(DESTDIR)$(DATADIR)/programs/,$(notdir $(wildcard programs/*.conf)))
	-rmdir $(DESTDIR)$(DATADIR)/programs $(DESTDIR)$(DATADIR) 2>/dev/null
	rm -f $(DESTDIR)$(DOCDIR)/talus.conf.example $(DESTDIR)$(DOCDIR)/README.md
	-rmdir $(DESTDIR)$(DOCDIR) 2>/dev/null
	rm -f $(DESTDIR)$(MANDIR)/man1/talus.1 $(DESTDIR)$(MANDIR)/man5/talus.conf.5 \
		$(DESTDIR)$(MANDIR)/man5/talus-program.5
	rm -f $(DESTDIR)$(BASHCOMPDIR)/talus $(DESTDIR)$(ZSHCOMPDIR)/_talus

clean:
	rm -rf build talus $(DIST).tar.gz

-include $(MODEL_OBJS:.o=.d) $(MAIN_OBJS:.o=.d) $(UI_OBJS:.o=.d) $(TEST_OBJS:.o=.d) \
	$(BUILD)/tests/screens/screen_dump.d $(BUILD)/tests/tools/mkfit.d
