# vntext — build, run, test. Plain GNU make; no configure step.
#   make            build/libvntext.a, build/libvntext.so, build/vntext
#   make run        build and run the main job on the bundled sample
#   make check      every test, again under ASan+UBSan, then fuzzer corpus replay
#   make bench      benchmarks (bench/)
#   make install PREFIX=/usr/local

CC      ?= cc
BUILD   ?= build
PREFIX  ?= /usr/local
OPT     ?= -O2
CFLAGS  ?= $(OPT) -g
WARN     = -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wno-unused-parameter
CPPFLAGS += -Iinclude -Isrc -Itests -D_POSIX_C_SOURCE=200809L
LDLIBS  += -lm -lpthread
ifeq ($(SAN),1)
  CFLAGS  = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
  LDFLAGS += -fsanitize=address,undefined
endif
ALL_CFLAGS = $(WARN) $(CFLAGS) -fPIC -MMD -MP

LIB_SRC   := $(sort $(wildcard src/*.c src/*/*.c))
LIB_OBJ   := $(LIB_SRC:%.c=$(BUILD)/obj/%.o)
CLI_SRC   := $(sort $(wildcard cli/*.c))
CLI_OBJ   := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
TEST_SRC  := $(sort $(wildcard tests/unit/test_*.c))
TEST_BIN  := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
SHELL_TESTS := $(sort $(wildcard tests/cli/test_*.sh))
FUZZ_SRC  := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BIN  := $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/fuzz/%)
BENCH_SRC := $(sort $(wildcard bench/bench_*.c))
BENCH_BIN := $(BENCH_SRC:bench/%.c=$(BUILD)/bench/%)
TOOL_SRC  := $(sort $(wildcard tools/*.c))
TOOL_BIN  := $(TOOL_SRC:tools/%.c=$(BUILD)/tools/%)

# keep intermediate objects (bench/test/tool .o files are otherwise deleted after linking)
.SECONDARY:
.PHONY: all run check test fuzz-replay fuzzers bench install clean gen gen-check format tools model clusters
all: $(BUILD)/libvntext.a $(BUILD)/libvntext.so $(BUILD)/vntext

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/libvntext.a: $(LIB_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/libvntext.so: $(LIB_OBJ)
	$(CC) -shared -Wl,-soname,libvntext.so.0 $(LDFLAGS) $^ -o $@ $(LDLIBS)

$(BUILD)/vntext: $(CLI_OBJ) $(BUILD)/libvntext.a
	$(CC) $(LDFLAGS) $^ -o $@ $(LDLIBS)

$(BUILD)/tests/%: $(BUILD)/obj/tests/unit/%.o $(BUILD)/libvntext.a
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) $^ -o $@ $(LDLIBS)

$(BUILD)/fuzz/%: $(BUILD)/obj/tests/fuzz/%.o $(BUILD)/obj/tests/fuzz/replay.o $(BUILD)/libvntext.a
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) $^ -o $@ $(LDLIBS)

$(BUILD)/bench/%: $(BUILD)/obj/bench/%.o $(BUILD)/libvntext.a
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) $^ -o $@ $(LDLIBS)

$(BUILD)/tools/%: $(BUILD)/obj/tools/%.o $(BUILD)/libvntext.a
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) $^ -o $@ $(LDLIBS)

tools: $(TOOL_BIN)

# The main jobs on bundled samples the team wrote: detect + normalize a TCVN3
# text, then analyze a news article (structure, entities, values, keywords).
run: all
	@echo '$$ build/vntext detect samples/ban-tin-tcvn3.txt'
	@$(BUILD)/vntext detect samples/ban-tin-tcvn3.txt
	@echo '$$ build/vntext normalize -v --tones=modern samples/ban-tin-tcvn3.txt'
	@$(BUILD)/vntext normalize -v --tones=modern samples/ban-tin-tcvn3.txt
	@echo '$$ build/vntext analyze --pretty --no-tokens samples/bai-bao.txt'
	@$(BUILD)/vntext analyze --pretty --no-tokens samples/bai-bao.txt

test: all $(TEST_BIN) $(FUZZ_BIN)
	@VNTEXT=$(BUILD)/vntext VNTEXT_MODEL=models/vntext.model tests/run.sh "$(BUILD)" $(TEST_BIN) $(SHELL_TESTS)

fuzz-replay: $(FUZZ_BIN)
	@tests/fuzz/replay-all.sh $(BUILD)

check:
	@sh tests/check.sh

# libFuzzer builds for long runs by hand (clang): build/fuzz-lf/fuzz_X CORPUS_DIR
fuzzers:
	@mkdir -p $(BUILD)/fuzz-lf
	for f in $(FUZZ_SRC); do n=$$(basename $$f .c); \
	  clang $(CPPFLAGS) -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined $$f $(LIB_SRC) -o $(BUILD)/fuzz-lf/$$n $(LDLIBS) || exit 1; done

bench: all $(BENCH_BIN)
	@for b in $(BENCH_BIN); do echo "== $$b"; $$b || exit 1; done

install: all
	install -d $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/bin
	install -m 644 include/vntext.h $(DESTDIR)$(PREFIX)/include/
	install -m 644 $(BUILD)/libvntext.a $(DESTDIR)$(PREFIX)/lib/
	install -m 755 $(BUILD)/libvntext.so $(DESTDIR)$(PREFIX)/lib/libvntext.so.0
	ln -sf libvntext.so.0 $(DESTDIR)$(PREFIX)/lib/libvntext.so
	install -m 755 $(BUILD)/vntext $(DESTDIR)$(PREFIX)/bin/
	install -d $(DESTDIR)$(PREFIX)/share/vntext
	install -m 644 models/vntext.model models/news-idf.tsv models/news-orgs.tsv models/MODEL_CARD.md \
	  $(DESTDIR)$(PREFIX)/share/vntext/
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(shell sed -n 's/.*VNT_VERSION_STRING "\(.*\)"/\1/p' include/vntext.h)|' \
	  vntext.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/vntext.pc

# The default model, rebuilt reproducibly (fixed seed) from ../shared: UD VTB
# train + dev (dev only after tuning; never test), the lexicons, names and
# places. Test sets are scored into the model metadata, not trained on.
SHARED ?= ../shared
VTB = $(SHARED)/data/ud-vi-vtb/vi_vtb-ud
model: $(BUILD)/vntext
	$(BUILD)/vntext train all --shared $(SHARED) --seed 1 \
	  --train $(VTB)-train.conllu --train $(VTB)-dev.conllu \
	  --lexicon cluster:models/vntext-clusters.tsv \
	  --evaluate $(VTB)-test.conllu --evaluate $(SHARED)/data/ud-vi-tuecl/vi_tuecl-ud-test.conllu \
	  --meta "name=vntext default model (segmenter + UPOS tagger)" \
	  --meta "licence=GPL-3.0-or-later (trained on UD VTB, CC BY-SA 4.0; lexicon includes the GPL Ho Ngoc Duc word list; clusters from Vietnamese Wikipedia, CC BY-SA 3.0, and GPL news text)" \
	  -o models/vntext.model
	$(BUILD)/vntext train entities --model models/vntext.model --epochs 20 --seed 1 \
	  --gold tests/gold/ner-train.tsv --gold tests/gold/analyze-dev.tsv \
	  --gold tests/gold/analyze-heldout.tsv --gold tests/gold/analyze-heldout2.tsv \
	  --gold tests/gold/analyze-heldout3.tsv --gold tests/gold/analyze-heldout4.tsv \
	  --gold tests/gold/analyze-heldout5.tsv --gold tests/gold/analyze-heldout6.tsv \
	  --gold tests/gold/analyze-heldout7.tsv --gold tests/gold/analyze-heldout8.tsv \
	  --gold tests/gold/analyze-heldout9.tsv \
	  -o models/vntext.model

# Word clusters for the tagger (models/vntext-clusters.tsv), from unlabeled
# wiki and news text segmented by a segmenter-only model (same data and seed
# as `make model`). Deterministic; takes about a minute.
clusters: $(BUILD)/vntext $(BUILD)/tools/gen_clusters
	$(BUILD)/vntext train segment --shared $(SHARED) --seed 1 -q \
	  --train $(VTB)-train.conllu --train $(VTB)-dev.conllu -o $(BUILD)/segment-only.model
	$(BUILD)/tools/gen_clusters $(BUILD)/segment-only.model \
	  $(SHARED)/data/news/unc_dantri_2020_2021.txt $(SHARED)/data/wiki/viwiki-7878.txt \
	  > models/vntext-clusters.tsv.tmp && mv models/vntext-clusters.tsv.tmp models/vntext-clusters.tsv

# Generated tables: regenerate, or check that the committed ones are current.
gen:
	python3 tools/gen_letters.py > src/letters_table.h
	python3 tools/gen_charsets.py > src/charset_tables.h
	python3 tools/gen_abbrev.py > src/abbrev_table.h
	python3 tools/gen_gazetteer.py > src/gazetteer_table.h
	python3 tools/gen_orgs.py > models/news-orgs.tsv
	$(MAKE) $(BUILD)/tools/gen_idf && $(BUILD)/tools/gen_idf models/vntext.model ../shared/data/news/unc_dantri_2020_2021.txt > models/news-idf.tsv
	$(MAKE) $(BUILD)/tools/gen_detect_table && $(BUILD)/tools/gen_detect_table ../shared/data/wiki/viwiki-7878.txt > src/detect_table.h.tmp && mv src/detect_table.h.tmp src/detect_table.h

gen-check:
	@if command -v python3 >/dev/null 2>&1; then \
	  python3 tools/gen_letters.py | cmp -s - src/letters_table.h && echo "PASS gen-check letters_table.h" \
	  || echo "FAIL gen-check: src/letters_table.h differs from tools/gen_letters.py output"; \
	  python3 tools/gen_charsets.py | cmp -s - src/charset_tables.h && echo "PASS gen-check charset_tables.h" \
	  || echo "FAIL gen-check: src/charset_tables.h differs from tools/gen_charsets.py output"; \
	else echo "SKIP gen-check: python3 not installed"; fi
	@# tables computed from ../shared data: checked when it is present
	@if [ -f ../shared/data/lexicon/abbreviations.txt ] && command -v python3 >/dev/null 2>&1; then \
	  python3 tools/gen_abbrev.py | cmp -s - src/abbrev_table.h && echo "PASS gen-check abbrev_table.h" \
	  || echo "FAIL gen-check: src/abbrev_table.h differs from tools/gen_abbrev.py output"; \
	else echo "SKIP gen-check abbrev_table.h: ../shared/data/lexicon or python3 absent"; fi
	@if [ -d ../shared/data/places ] && command -v python3 >/dev/null 2>&1; then \
	  python3 tools/gen_gazetteer.py | cmp -s - src/gazetteer_table.h && echo "PASS gen-check gazetteer_table.h" \
	  || echo "FAIL gen-check: src/gazetteer_table.h differs from tools/gen_gazetteer.py output"; \
	  python3 tools/gen_orgs.py 2>/dev/null | cmp -s - models/news-orgs.tsv && echo "PASS gen-check news-orgs.tsv" \
	  || echo "FAIL gen-check: models/news-orgs.tsv differs from tools/gen_orgs.py output"; \
	else echo "SKIP gen-check gazetteer_table.h, news-orgs.tsv: ../shared/data or python3 absent"; fi
	@if [ -f ../shared/data/wiki/viwiki-7878.txt ]; then $(MAKE) -s $(BUILD)/tools/gen_detect_table && \
	  $(BUILD)/tools/gen_detect_table ../shared/data/wiki/viwiki-7878.txt | cmp -s - src/detect_table.h && echo "PASS gen-check detect_table.h" \
	  || echo "FAIL gen-check: src/detect_table.h differs from tools/gen_detect_table output"; \
	else echo "SKIP gen-check detect_table.h: ../shared/data/wiki absent"; fi
	@if [ -f ../shared/data/news/unc_dantri_2020_2021.txt ]; then $(MAKE) -s $(BUILD)/tools/gen_idf && \
	  $(BUILD)/tools/gen_idf models/vntext.model ../shared/data/news/unc_dantri_2020_2021.txt | cmp -s - models/news-idf.tsv \
	  && echo "PASS gen-check news-idf.tsv" || echo "FAIL gen-check: models/news-idf.tsv differs from tools/gen_idf output"; \
	else echo "SKIP gen-check news-idf.tsv: ../shared/data/news absent"; fi

format:
	clang-format -i $$(git ls-files '*.c' '*.h' | grep -v _table.h)

clean:
	rm -rf build

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)

# ---------------------------------------------------------------------------
# Search extensions (issue 5, docs/search.md): SQLite FTS5 tokenizer and
# PostgreSQL text search. Built when their headers are installed
# (tools/install-deps.sh); otherwise tests/cli/test_sqlite.sh and
# test_postgres.sh SKIP with the reason. Nothing above depends on this block
# except `test`, which builds `ext` first.
HAVE_SQLITE := $(shell printf '\043include <sqlite3ext.h>\n' | $(CC) -E - >/dev/null 2>&1 && echo 1)
PG_CONFIG ?= $(firstword $(wildcard /usr/lib/postgresql/15/bin/pg_config) pg_config)
HAVE_PGXS := $(shell d=$$($(PG_CONFIG) --includedir-server 2>/dev/null) && test -f "$$d/postgres.h" && echo 1)
EXT_BIN :=
ifeq ($(HAVE_SQLITE),1)
  EXT_BIN += $(BUILD)/ext/test_fts5
  ifneq ($(SAN),1)
    EXT_BIN += $(BUILD)/vntext_sqlite.so $(BUILD)/ext/search_eval
  endif
endif
# The server cannot load sanitizer-built code: PostgreSQL only in plain builds.
ifeq ($(HAVE_PGXS)$(SAN),1)
  EXT_BIN += ext-postgres
endif
.PHONY: ext ext-postgres
ext: $(EXT_BIN)
test: ext

$(BUILD)/vntext_sqlite.so: $(BUILD)/obj/ext/sqlite/vntext_fts5.o $(BUILD)/libvntext.a
	$(CC) -shared $(LDFLAGS) $^ -Wl,--exclude-libs,ALL -o $@ $(LDLIBS)

# the same tokenizer compiled for static registration (SQLITE_CORE)
$(BUILD)/obj/ext/sqlite/vntext_fts5_static.o: ext/sqlite/vntext_fts5.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -DSQLITE_CORE $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/obj/tests/search/%.o $(BUILD)/obj/bench/search_sqlite.o: CPPFLAGS += -Iext/sqlite
$(BUILD)/ext/%: $(BUILD)/obj/tests/search/%.o $(BUILD)/obj/ext/sqlite/vntext_fts5_static.o $(BUILD)/libvntext.a
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) $^ -o $@ $(LDLIBS) -lsqlite3 -ldl

$(BUILD)/bench/search_sqlite: $(BUILD)/obj/bench/search_sqlite.o $(BUILD)/obj/ext/sqlite/vntext_fts5_static.o $(BUILD)/libvntext.a
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) $^ -o $@ $(LDLIBS) -lsqlite3 -ldl

# PGXS out of tree: objects in $(BUILD)/pg, the library linked statically.
ext-postgres: $(BUILD)/libvntext.a
	@mkdir -p $(BUILD)/pg
	@$(MAKE) -s --no-print-directory -C $(BUILD)/pg -f $(CURDIR)/ext/postgres/Makefile \
	  VPATH=$(CURDIR)/ext/postgres PG_CONFIG=$(PG_CONFIG) VNTEXT_ROOT=$(CURDIR) \
	  VNTEXT_LIB=$(CURDIR)/$(BUILD)/libvntext.a with_llvm=no

# Search benchmarks (docs/search.md): SQLite index build and query latency
# beside unicode61 remove_diacritics 2 (news + 20 MB of Wikipedia), then
# PostgreSQL beside simple + unaccent; SKIP when ../shared is absent.
.PHONY: bench-search
# every benchmark program compiles (make check; they are run by hand)
bench-build: $(BENCH_BIN) $(if $(filter 1,$(HAVE_SQLITE)),$(BUILD)/bench/search_sqlite)
.PHONY: bench-build

bench-search: all ext $(BUILD)/bench/search_sqlite
	$(BUILD)/bench/search_sqlite
	VNTEXT=$(BUILD)/vntext sh bench/search_postgres.sh
