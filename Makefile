# Thin wrapper over CMake for the README's two commands.
#   make graphs   install missing Debian packages, build, run actornet on
#                 examples/ and write every graph format into graphs/
#   make check    build and run the whole test suite (CTest)
#   make check-asan  the suite under AddressSanitizer + UBSan
#   make fuzz     libFuzzer harnesses (clang), FUZZ_SECONDS each (default 60)
#   make check-valgrind  the suite under Valgrind memcheck (slow; not in CI)
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=

.PHONY: all deps build check check-asan check-valgrind graphs install clean fuzz
FUZZ_SECONDS ?= 60
all: build

deps:
	@sh scripts/install-deps.sh

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

check: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

check-asan: deps
	cmake -S . -B $(BUILD)-asan -DAN_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
	cmake --build $(BUILD)-asan -j $(JOBS)
	cd $(BUILD)-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j $(JOBS)

check-valgrind: deps
	BUILD=$(BUILD)-valgrind JOBS=$(JOBS) sh scripts/check-valgrind.sh

graphs: build
	sh scripts/make-graphs.sh $(BUILD)/actornet

fuzz: deps
	sh scripts/fuzz.sh $(FUZZ_SECONDS)

install: build
	cmake --install $(BUILD)

clean:
	rm -rf $(BUILD) $(BUILD)-asan $(BUILD)-valgrind
