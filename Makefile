# The two commands the README opens with:
#   make demo   install what is missing, build, ingest the bundled corpus, print the report
#   make test   the same set-up, then every test through CTest
BUILD ?= build
SANITIZE_BUILD ?= build-sanitize
JOBS ?= 2
DB ?= $(BUILD)/demo.db
CORPUS ?= corpora/msft-openai-2026-04

.PHONY: all deps configure build demo test bench test-sanitize eval-parse format clean

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

format:
	clang-format -i $$(git ls-files '*.cc' '*.h')

clean:
	rm -rf $(BUILD) $(SANITIZE_BUILD)
