# Attest: `make demo` runs the main job on the bundled corpus, `make test` runs every test.
# Both install the Debian packages they need when missing.
SHELL := /bin/bash
SWIFT ?= swift
ATTEST := .build/debug/attest
CORPUS := corpora/rare-earths
OUT := out

.PHONY: deps build release demo test bench clean

deps:
	@bash scripts/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

demo: build
	@mkdir -p $(OUT)
	$(ATTEST) analyze $(CORPUS)
	$(ATTEST) analyze $(CORPUS) --format json -o $(OUT)/rare-earths.json
	$(ATTEST) analyze $(CORPUS) --format html -o $(OUT)/rare-earths.html
	$(ATTEST) analyze $(CORPUS) --format markdown
	@echo "JSON result: $(OUT)/rare-earths.json"
	@echo "HTML contradiction report: $(OUT)/rare-earths.html (open it in a browser)"

test: build
	$(SWIFT) test

bench: release
	bash scripts/bench.sh

clean:
	rm -rf .build $(OUT) bench-data
