# The two commands the README opens with:
#   make demo   install what is missing, build, ingest the bundled corpus, print the report
#   make test   the same set-up, then every test through CTest
BUILD ?= build
SANITIZE_BUILD ?= build-sanitize
JOBS ?= 2
DB ?= $(BUILD)/demo.db
CORPUS ?= corpora/msft-openai-2026-04

.PHONY: all deps configure build demo test bench test-sanitize eval-parse fuzz format clean

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

bench: build
	cmake --build $(BUILD) -j$(JOBS) --target newsrecon_bench
	$(BUILD)/newsrecon_bench

SHARED ?= ../shared
# Scores the parse stage on the development sets in $(SHARED)/datasets.
eval-parse: build
	$(BUILD)/newsrecon_eval parse --datasets $(SHARED)/datasets

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
