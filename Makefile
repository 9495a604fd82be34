# The two commands the README opens with:
#   make demo   install what is missing, build, ingest the bundled corpus, print the report
#   make test   the same set-up, then every test through CTest
BUILD ?= build
SANITIZE_BUILD ?= build-sanitize
JOBS ?= 2
DB ?= $(BUILD)/demo.db
CORPUS ?= corpora/msft-openai-2026-04

.PHONY: all deps configure build demo test bench test-sanitize eval-parse eval-compare fuzz format clean

all: build

deps:
	@bash tools/install-deps.sh

$(BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j$(JOBS)

demo: build
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BUILD)/newsrecon ingest --db $(DB) $(CORPUS)
	$(BUILD)/newsrecon report --db $(DB)

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j$(JOBS)

test-sanitize: deps
	cmake -S . -B $(SANITIZE_BUILD) -DCMAKE_BUILD_TYPE=Debug -DNEWSRECON_SANITIZE=ON
	cmake --build $(SANITIZE_BUILD) -j$(JOBS)
	ASAN_OPTIONS=detect_leaks=0 ctest --test-dir $(SANITIZE_BUILD) --output-on-failure -j$(JOBS)

# GNU time measures the peak memory of a run in a fresh process (BM_Run10kPagesPeakMemory).
bench: build
	NEWSRECON_EXTRA_PACKAGES="time" bash tools/install-deps.sh
	cmake --build $(BUILD) -j$(JOBS) --target newsrecon_bench
	$(BUILD)/newsrecon_bench

SHARED ?= ../shared
# Scores the parse stage on the development sets in $(SHARED)/datasets.
eval-parse: build
	$(BUILD)/newsrecon_eval parse --datasets $(SHARED)/datasets

COMPARE := $(BUILD)/compare
# Runs two other main-text extractors on the same pages and scores them with
# the same command: Readability.js (Firefox's Reader View; npm packages pinned
# in tools/compare/package.json, fetched here only, never by build or test)
# and readability-lxml (Debian's python3-readability).
eval-compare: build
	@test -f $(SHARED)/datasets/html-main-text/annotations.json || \
	  { echo "eval-compare: no datasets at $(SHARED)/datasets (they come with ../shared)" >&2; exit 66; }
	NEWSRECON_EXTRA_PACKAGES="python3-readability python3-lxml" bash tools/install-deps.sh
	command -v node >/dev/null && command -v npm >/dev/null || \
	  NEWSRECON_EXTRA_PACKAGES="nodejs npm" bash tools/install-deps.sh
	mkdir -p $(COMPARE)
	cp tools/compare/package.json tools/compare/readability.mjs $(COMPARE)/
	cd $(COMPARE) && npm install --no-audit --no-fund --silent
	node --max-old-space-size=8192 $(COMPARE)/readability.mjs $(SHARED)/datasets $(COMPARE)/readability-js
	/usr/bin/python3 tools/compare/readability_lxml.py $(SHARED)/datasets $(COMPARE)/readability-lxml
	$(BUILD)/newsrecon_eval parse --datasets $(SHARED)/datasets --only text
	$(BUILD)/newsrecon_eval parse --datasets $(SHARED)/datasets --only text --text-from $(COMPARE)/readability-js
	$(BUILD)/newsrecon_eval parse --datasets $(SHARED)/datasets --only text --text-from $(COMPARE)/readability-lxml

FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
# Builds the libFuzzer targets with clang and runs each for FUZZ_SECONDS.
fuzz: deps
	CC=clang CXX=clang++ cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSRECON_FUZZ=ON
	cmake --build $(FUZZ_BUILD) -j$(JOBS) $$(cd fuzz 2>/dev/null && for f in *_fuzz.cc; do echo --target fuzz_$${f%_fuzz.cc}; done)
	@for f in fuzz/*_fuzz.cc; do n=$$(basename $$f _fuzz.cc); mkdir -p $(FUZZ_BUILD)/corpus-$$n; \
	  echo "== fuzz_$$n ($(FUZZ_SECONDS) s)"; \
	  $(FUZZ_BUILD)/fuzz_$$n -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 $(FUZZ_BUILD)/corpus-$$n fuzz/seeds/$$n 2>&1 | tail -15 || exit 1; done

format:
	clang-format -i $$(git ls-files '*.cc' '*.h')

clean:
	rm -rf $(BUILD) $(SANITIZE_BUILD)
