# The two commands a newcomer needs: `make run` and `make test`. Both install what they need on Debian.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES_BUILD := libmicrohttpd-dev libcurl4-openssl-dev
APT_PACKAGES_TEST := libmicrohttpd-dev libcurl4-openssl-dev curl util-linux openssl python3

# The SDK (this directory) and the packages that depend on it by path: the examples and the author tools. Each has
# its own Package.swift, so an author's package resolves only what the SDK itself needs.
HELLO := Examples/HelloPlugin
HELLO_CONTROLLER := Examples/HelloControllerPlugin
SLACK := Examples/SlackPlugin
BATCH := Examples/BatchPlugin
TOOLS := Tools
# The examples before the tools: the tools' tests run the example binaries they built (BatchPlugin under simulate).
PACKAGES := . $(HELLO) $(HELLO_CONTROLLER) $(SLACK) $(BATCH) $(TOOLS)

.PHONY: run run-controller test test-packages build release deps deps-test argo-plugin api bench instructions sidecar \
	docs clean help fuzz sanitize test-asan test-tsan soak leak-check

help:
	@echo "make run    build and start HelloPlugin in development mode (prints a curl to try)"
	@echo "make run-controller  build and start HelloControllerPlugin (controller hooks) in development mode"
	@echo "make test   install test dependencies and run the whole test suite (the SDK, the examples, the tools)"
	@echo "make argo-plugin  build the author tool (init, build, simulate, conform) in release; prints its path last"
	@echo "make api    count the public declarations; fail on an undocumented one or a standard library name"
	@echo "make bench  benchmark the release HelloPlugin against the peers in ../shared/bench"
	@echo "make instructions  instructions per call under callgrind, checked against a committed baseline"
	@echo "make sidecar  check the examples' ConfigMaps and Dockerfiles, then run them as Argo sidecars (root)"
	@echo "make docs   build the DocC archives (PluginSDK, PluginSDKTesting, ArgoModels, PluginHTTP, PluginKubernetes); any warning fails"
	@echo "make fuzz   libFuzzer over the request path for FUZZ_SECONDS (default 150)"
	@echo "make sanitize  the SDK's test suite under AddressSanitizer and ThreadSanitizer"
	@echo "make soak   1,000,000 calls at 16 connections with the server's RSS sampled every second"
	@echo "make leak-check  LeakSanitizer over every kind of reply and a drain"

# Installs a Debian package list only when something is missing.
define apt_install
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi
endef

deps:
	$(call apt_install,$(APT_PACKAGES_BUILD))

deps-test:
	$(call apt_install,$(APT_PACKAGES_TEST))

build: deps
	$(SWIFT) build --package-path $(HELLO) --product HelloPlugin

release: deps
	$(SWIFT) build -c release --package-path $(HELLO) --product HelloPlugin

run: build
	$$($(SWIFT) build --package-path $(HELLO) --show-bin-path)/HelloPlugin --dev $(ARGS)

run-controller: deps
	$(SWIFT) build --package-path $(HELLO_CONTROLLER) --product HelloControllerPlugin
	$$($(SWIFT) build --package-path $(HELLO_CONTROLLER) --show-bin-path)/HelloControllerPlugin --dev $(ARGS)

# Every package's tests, one package after the other (each builds with its own .build folder). The first failing
# package stops the run; its name is the last "== swift test" line printed.
test: deps-test
	@for p in $(PACKAGES); do \
	  echo "== swift test --package-path $$p"; \
	  $(SWIFT) build --package-path $$p --build-tests || exit 1; \
	  $(SWIFT) test --package-path $$p --skip-build --parallel --num-workers 2 || exit 1; \
	done

# The author tool, `argo-plugin`, in release. The last line printed is the binary's path.
argo-plugin: deps
	$(SWIFT) build -c release --package-path $(TOOLS) --product argo-plugin
	@echo "$$($(SWIFT) build -c release --package-path $(TOOLS) --show-bin-path)/argo-plugin"

# What `import PluginSDK` shows: public declarations per module and in total, from the symbol graphs. Fails when one
# has no doc comment or a type takes a name of the standard library or Foundation (see scripts/public-api.sh).
api: deps
	$(call apt_install,jq)
	scripts/public-api.sh

# Benchmarks our release plugins against the peers in ../shared/bench (wrk, Go, C). BENCH_ARGS="--quick" for a
# short run. Results: bench-results/<time>/summary.md.
bench: deps
	scripts/bench.sh $(BENCH_ARGS)

# Instructions per call (callgrind), stable under load where wall time is not; fails on a regression of more than
# 10 % against Benchmarks/CallInstructions/baseline.tsv. INSTRUCTIONS_ARGS=--update rewrites the baseline.
instructions: deps
	scripts/call-instructions.sh $(INSTRUCTIONS_ARGS)

# Packaging checks for Examples/*: each generated ConfigMap matches its plugin.yaml, each Dockerfile's runtime stage
# provides every shared library its release binary links (scripts/check-image-deps.sh), and the release sidecars
# serve Argo's calls as uid 8737 against a staged token (scripts/sidecar-staging.sh, needs root for setpriv).
SIDECAR_EXAMPLES ?= $(HELLO) $(SLACK) $(BATCH)
# Examples whose release binary is built as its Dockerfile does and checked with ldd against the runtime image.
IMAGE_EXAMPLES ?= $(SIDECAR_EXAMPLES)
# Empty: the staging builds SlackPlugin in release, as its Dockerfile does. CI sets it to the debug binary.
SLACK_BINARY ?=
sidecar: deps-test
	$(SWIFT) build --package-path $(TOOLS) --product argo-plugin
	@for d in $(SIDECAR_EXAMPLES); do $$($(SWIFT) build --package-path $(TOOLS) --show-bin-path)/argo-plugin build $$d --check || exit 1; done
	scripts/check-image-deps.sh $(IMAGE_EXAMPLES)
	$(SUDO) SLACK_BINARY=$(SLACK_BINARY) scripts/sidecar-staging.sh

# DocC archives land in .build/plugins/Swift-DocC/outputs; --warnings-as-errors keeps the catalogs clean.
# ARGO_PLUGIN_DOCS=1 declares swift-docc-plugin, which authors' packages never resolve.
docs: deps
	for target in PluginSDK PluginSDKTesting ArgoModels PluginHTTP PluginKubernetes; do \
	  ARGO_PLUGIN_DOCS=1 $(SWIFT) package generate-documentation --target $$target --warnings-as-errors || exit 1; \
	done
# Reliability (see SECURITY.md): fuzzing, the test suite under sanitizers, a soak and a leak check.
FUZZ_SECONDS ?= 150
# Sanitized code runs 5-15 times slower: the tests' time bounds are stretched tenfold (Tests/.../TimeAllowance.swift).
SANITIZER_TEST = ARGO_PLUGIN_TEST_TIME_SCALE=10 $(SWIFT) test --skip-build --parallel --num-workers 2

fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz.sh

sanitize: test-asan test-tsan

test-asan: deps-test
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build-asan
	# Leaks are `make leak-check`'s job: tests park never-resumed tasks on purpose (handlers that never return).
	ASAN_OPTIONS=detect_leaks=0 SWIFT_BACKTRACE=enable=no $(SANITIZER_TEST) --sanitize=address --scratch-path .build-asan

test-tsan: deps-test
	$(SWIFT) build --build-tests --sanitize=thread --scratch-path .build-tsan
	TSAN_OPTIONS="suppressions=$(CURDIR)/scripts/tsan.supp" SWIFT_BACKTRACE=enable=no \
	  $(SANITIZER_TEST) --sanitize=thread --scratch-path .build-tsan

soak: deps-test
	$(call apt_install,wrk)
	scripts/soak.sh

leak-check: deps-test
	$(call apt_install,wrk)
	scripts/leak-check.sh

clean:
	rm -rf .build .build-fuzz .build-asan .build-tsan .build-image .build-init-test fuzz-artifacts
	for p in $(HELLO) $(HELLO_CONTROLLER) $(SLACK) $(BATCH) $(TOOLS); do rm -rf $$p/.build; done
