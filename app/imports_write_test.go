package app_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"testing"

	"tandem/app"
)

// peopleCSV is a registration file of n people.
func peopleCSV(n int) string {
	var b strings.Builder
	b.WriteString("Name,Email\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "Person %d,person%d@example.org\n", i, i)
	}
	return b.String()
}

func countPeople(t *testing.T, sqldb *sql.DB) int {
	t.Helper()
	var n int
	if err := sqldb.QueryRow(`SELECT COUNT(*) FROM people`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// A long import writes in chunks: between two, another connection that will not wait at all
// (busy timeout 0) can write, so the outbox and the admin's edits are never starved.
func TestImportLetsOtherWritesInBetweenChunks(t *testing.T) {
	s, d := mustOpen(t)
	prog := mustProgram(t, s, "evergreen")
	other, err := sql.Open("sqlite", "file:"+d.Path+"?_pragma=busy_timeout(0)")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	chunks := 0
	s.Imports.AfterChunk(func() {
		chunks++
		if _, err := other.ExecContext(context.Background(), `INSERT INTO settings (key, value) VALUES (?, 'x')`,
			fmt.Sprintf("between-%d", chunks)); err != nil {
			t.Errorf("a write between chunks %d and %d failed: %v", chunks, chunks+1, err)
		}
	})
	f := readFile(t, s, prog.ID, "people.csv", peopleCSV(2500))
	if _, err := s.Imports.Import(request(prog.ID, f)); err != nil {
		t.Fatal(err)
	}
	if chunks != 3 {
		t.Errorf("2,500 rows went in %d transactions, want 3", chunks)
	}
	if n := countPeople(t, d.SQL); n != 2500 {
		t.Errorf("%d people imported, want 2500", n)
	}
}

// An import that stops in its second chunk says which rows were saved; importing the same file
// again finishes it without adding anyone twice.
func TestAnImportThatStoppedFinishesWhenRunAgain(t *testing.T) {
	s, d := mustOpen(t)
	prog := mustProgram(t, s, "evergreen")
	broke := false
	s.Imports.AfterChunk(func() {
		if !broke { // the next chunk finds no table to write to
			broke = true
			if _, err := d.SQL.Exec(`ALTER TABLE participants RENAME TO participants_gone`); err != nil {
				t.Fatal(err)
			}
		}
	})
	f := readFile(t, s, prog.ID, "people.csv", peopleCSV(1500))
	_, err := s.Imports.Import(request(prog.ID, f))
	var e *app.Error
	if err == nil || !errors.As(err, &e) || !strings.Contains(e.Message, "stopped after 1000 of 1500 rows (file rows 2 to 1001 were saved)") ||
		strings.Contains(e.Message, "SQL") {
		t.Fatalf("import with a broken second chunk: %v", err)
	}
	if _, err := d.SQL.Exec(`ALTER TABLE participants_gone RENAME TO participants`); err != nil {
		t.Fatal(err)
	}
	if n := countPeople(t, d.SQL); n != 1000 {
		t.Fatalf("%d people after the stop, want the first chunk's 1000", n)
	}
	s.Imports.AfterChunk(nil)
	if _, err := s.Imports.Import(request(prog.ID, f)); err != nil {
		t.Fatal(err)
	}
	if n := countPeople(t, d.SQL); n != 1500 {
		t.Errorf("%d people after importing again, want 1500", n)
	}
}
