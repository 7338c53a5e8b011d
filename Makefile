# Attest: `make demo` runs the main job on the bundled corpus, `make test` runs every test.
# Both install the Debian packages they need when missing.
SHELL := /bin/bash
SWIFT ?= swift
ATTEST := .build/debug/attest
CORPUS := corpora/rare-earths
OUT := out

.PHONY: deps browser-deps build release demo test bench bench-linking screenshot clean

deps:
	@bash scripts/install-deps.sh

# Chromium for the HTML report checks; optional (the browser test is skipped without it).
browser-deps:
	@bash scripts/install-deps.sh --browser

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

test: build browser-deps
	$(SWIFT) test

# Renders the demo's HTML report to out/rare-earths.png with headless Chromium.
screenshot: demo browser-deps
	bash scripts/html-screenshot.sh $(OUT)/rare-earths.html $(OUT)/rare-earths.png

bench: release
	bash scripts/bench.sh

# Claim-linking time at 1x, 10x and 100x of the bundled corpus.
bench-linking: release
	bash scripts/bench-linking.sh

clean:
	rm -rf .build $(OUT) bench-data
