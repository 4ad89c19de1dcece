# Tandem — two commands: `make run` and `make test`. Both first install what is missing.
.PHONY: run test setup generate check-generated build build-dev frontend-build vet go-test frontend-test e2e smoke bench sample package package-test db-fixture clean

GO_TAGS_LINUX := webkit2_41
BIN := build/bin/tandem
DEV_BIN := build/bin/tandem-dev
# From the git tag: 0.3.0, 0.3.0-5-gabc1234, 0.0.0-N-gabc1234 before any tag, -dirty (build/version.sh).
VERSION := $(shell build/version.sh)

run: setup build build-dev
	@.ci/run-app.sh

test: setup check-generated vet go-test frontend-test e2e smoke
	@echo "make test: all checks passed"

setup:
	@.ci/setup.sh

# Regenerate sqlc output and the Wails TypeScript bindings.
generate:
	go tool sqlc generate
	go tool wails generate module

# Generated code is committed: fail when it is stale.
check-generated: generate
	@git add -N db/store frontend/wailsjs >/dev/null 2>&1 || true
	@if ! git -c core.fileMode=false diff --quiet -- db/store frontend/wailsjs; then \
		echo "Generated code is stale: run 'make generate' and commit the result:"; \
		git -c core.fileMode=false --no-pager diff --stat -- db/store frontend/wailsjs; exit 1; fi
	@if grep -nE '^export namespace (store|sql) ' frontend/wailsjs/go/models.ts; then \
		echo "A store or sql type reaches the UI's models: bound methods take and return DTOs of package app only."; exit 1; fi

# The production binary: bindings, frontend build, go build with the Linux tags (setup installed
# the npm packages, so Wails' own frontend steps are skipped).
build: frontend-build
	go tool wails build -s -ldflags "-X tandem/app.Version=$(VERSION)"

# A development build: under a display it also serves the UI with its real bindings on
# http://localhost:34115, which the end-to-end tests (and `make run` without a display) use.
build-dev: frontend-build
	go build -tags dev,$(GO_TAGS_LINUX) -o $(DEV_BIN) .

frontend-build:
	cd frontend && npm run build

vet:
	go vet ./...
	go tool staticcheck ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { echo "gofmt would change:"; gofmt -l $$(git ls-files '*.go'); exit 1; }

# Every Go test runs under the race detector (main only wires and has none: the smoke test starts
# it), except the crash drill: 200 child processes killed mid-write, each opening the database
# twice, take 4 minutes under -race and 30 s without; it tests crashes, not goroutines.
go-test:
	TANDEM_REQUIRE_VALIDATORS=1 go test -race -count=1 -skip '^TestCrashDrill$$' ./app/... ./db/...
	go test -count=1 -run '^TestCrashDrill$$' ./app/

frontend-test:
	cd frontend && npx tsc --noEmit && npx eslint src && npx vitest run

e2e: build-dev
	.ci/e2e.sh

smoke: build
	.ci/smoke.sh

bench:
	go test -run '^$$' -bench . -benchmem ./...

# The installers, in dist/: the .deb, tandem.exe and its NSIS installer (build/package.sh).
package: setup build
	VERSION=$(VERSION) build/package.sh

# Installs the .deb into a throwaway root and runs it; checks the Windows files (.ci/package-test.sh).
package-test: package
	.ci/package-test.sh

# A database of the current schema, with the sample, for db's upgrade test: make one before each
# release whose schema is new, and keep them all (db/testdata/schema-N.db).
db-fixture: build
	@n=$$(ls db/migrations | sed -n 's/^0*\([0-9][0-9]*\)_.*/\1/p' | sort -n | tail -1); d=$$(mktemp -d); \
	$(BIN) sample --db $$d/tandem.db >/dev/null && cp $$d/tandem.db db/testdata/schema-$$n.db && rm -rf $$d && \
	echo "db/testdata/schema-$$n.db"

sample: build
	$(BIN) sample

clean:
	rm -rf build/bin build/stage dist frontend/dist/assets frontend/dist/index.html
