package db_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"tandem/db"
)

// An installed Tandem's data must open in every later one. testdata/schema-N.db is a database
// made by a released Tandem with schema version N (`make db-fixture` makes one of the current
// schema with the sample organisation): keep one for each released schema, and add one before
// a release whose schema is new.
var fixtureName = regexp.MustCompile(`^schema-(\d+)\.db$`)

func TestEveryReleasedSchemaOpensMigratedAndWhole(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "schema-*.db"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no testdata/schema-N.db: keep a database of each released schema")
	}
	for _, f := range files {
		m := fixtureName.FindStringSubmatch(filepath.Base(f))
		if m == nil {
			t.Errorf("%s: name it schema-N.db, N its schema version", f)
			continue
		}
		version, _ := strconv.ParseInt(m[1], 10, 64)
		t.Run(filepath.Base(f), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "tandem.db")
			copyFile(t, f, path)
			if got := schemaVersion(t, path); got != version {
				t.Fatalf("%s has schema version %d, not %d", f, got, version)
			}
			before := rowCounts(t, path)
			if before["people"] == 0 || before["programs"] == 0 {
				t.Fatalf("%s holds no people or programs: make it with the sample (make db-fixture)", f)
			}

			d, err := db.Open(context.Background(), path) // migrates, checks, prepares every query
			if err != nil {
				t.Fatalf("the current Tandem cannot open a version-%d database: %v", version, err)
			}
			if err := d.Close(); err != nil {
				t.Fatal(err)
			}

			if got := schemaVersion(t, path); got != db.LatestVersion() {
				t.Errorf("after opening: schema version %d, not %d", got, db.LatestVersion())
			}
			raw := openSQL(t, path)
			if v := column(t, raw, "PRAGMA integrity_check"); len(v) != 1 || v[0] != "ok" {
				t.Errorf("integrity_check: %q", v)
			}
			if v := column(t, raw, "PRAGMA foreign_key_check"); len(v) != 0 {
				t.Errorf("foreign_key_check: %q", v)
			}
			// Every row is still there. A migration meant to drop rows or tables says so here.
			after := rowCounts(t, path)
			for table, n := range before {
				if after[table] != n {
					t.Errorf("%s: %d rows before the upgrade, %d after", table, n, after[table])
				}
			}
		})
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

func openSQL(t *testing.T, path string) *sql.DB {
	t.Helper()
	raw, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.Close() })
	return raw
}

func schemaVersion(t *testing.T, path string) int64 {
	t.Helper()
	var v int64
	if err := openSQL(t, path).QueryRow(`SELECT MAX(version_id) FROM goose_db_version WHERE is_applied`).Scan(&v); err != nil {
		t.Fatalf("schema version of %s: %v", path, err)
	}
	return v
}

// rowCounts counts the rows of each of Tandem's tables (not goose's or SQLite's own).
func rowCounts(t *testing.T, path string) map[string]int {
	t.Helper()
	raw := openSQL(t, path)
	counts := map[string]int{}
	for _, table := range column(t, raw, `SELECT name FROM sqlite_master WHERE type = 'table'
		AND name NOT LIKE 'sqlite_%' AND name != 'goose_db_version' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'`) {
		var n int
		if err := raw.QueryRow(fmt.Sprintf(`SELECT COUNT(*) FROM %q`, table)).Scan(&n); err != nil {
			t.Fatalf("count %s: %v", table, err)
		}
		counts[table] = n
	}
	return counts
}

// column returns the first column of every row of query, as text.
func column(t *testing.T, raw *sql.DB, query string) []string {
	t.Helper()
	rows, err := raw.Query(query)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprint(vals[0]))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
