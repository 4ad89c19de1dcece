package db_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"tandem/db"
	"tandem/db/store"
)

func openTest(t *testing.T) *db.DB {
	t.Helper()
	d, err := db.Open(context.Background(), filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

const insertPerson = `INSERT INTO people (name, email, created_at, updated_at) VALUES (?, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`

func TestErrorKindsAreReadFromSQLiteCodes(t *testing.T) {
	d := openTest(t)
	ctx := context.Background()
	if _, err := d.SQL.ExecContext(ctx, insertPerson, "Ana", "ana@example.org"); err != nil {
		t.Fatal(err)
	}
	_, dup := d.SQL.ExecContext(ctx, insertPerson, "Ana again", "ANA@example.org")
	_, check := d.SQL.ExecContext(ctx, insertPerson, " ", "bo@example.org")
	_, missing := d.Q.GetPerson(ctx, 999)
	tests := []struct {
		name                string
		err                 error
		unique, found, busy bool
	}{
		{"duplicate email", dup, true, true, false},
		{"duplicate email, wrapped", fmt.Errorf("create person: %w", dup), true, true, false},
		{"check constraint", check, false, true, false},
		{"no such row", missing, false, false, false},
		{"no such row, mapped", db.NotFound(missing), false, false, false},
		{"plain error naming UNIQUE", errors.New("UNIQUE constraint failed: people.email"), false, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.err == nil {
				t.Fatal("the statement did not fail")
			}
			if got := db.IsUnique(tt.err); got != tt.unique {
				t.Errorf("IsUnique(%v) = %v", tt.err, got)
			}
			if got := !db.IsNotFound(tt.err); got != tt.found {
				t.Errorf("IsNotFound(%v) = %v", tt.err, !got)
			}
			if got := db.IsBusy(tt.err); got != tt.busy {
				t.Errorf("IsBusy(%v) = %v", tt.err, got)
			}
		})
	}
}

func TestBusyIsNotNotFound(t *testing.T) {
	d := openTest(t)
	ctx := context.Background()
	// Another process holds the write lock; this one waits 50 ms at most.
	other, err := sql.Open("sqlite", "file:"+d.Path+"?_pragma=busy_timeout(50)&_txlock=immediate")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	hold, err := d.SQL.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer hold.Rollback()
	if _, err := hold.ExecContext(ctx, insertPerson, "Ana", "ana@example.org"); err != nil {
		t.Fatal(err)
	}
	_, err = other.ExecContext(ctx, insertPerson, "Bo", "bo@example.org")
	if err == nil {
		t.Fatal("a second writer got in while the first held the lock")
	}
	if !db.IsBusy(err) || db.IsNotFound(err) || db.IsUnique(err) {
		t.Errorf("locked database: IsBusy=%v IsNotFound=%v IsUnique=%v (%v)", db.IsBusy(err), db.IsNotFound(err), db.IsUnique(err), err)
	}
}

func TestViewSeesOneSnapshot(t *testing.T) {
	d := openTest(t)
	ctx := context.Background()
	count := func(q *store.Queries) int {
		rows, err := q.ListPeople(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return len(rows)
	}
	if _, err := d.SQL.ExecContext(ctx, insertPerson, "Ana", "ana@example.org"); err != nil {
		t.Fatal(err)
	}
	var before, after int
	err := d.View(ctx, func(q *store.Queries) error {
		before = count(q)
		// A write commits between the view's two reads.
		if _, err := d.SQL.ExecContext(ctx, insertPerson, "Bo", "bo@example.org"); err != nil {
			return err
		}
		after = count(q)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if before != 1 || after != 1 {
		t.Errorf("inside the view: %d people, then %d; want 1 both times", before, after)
	}
	if n := count(d.Q); n != 2 {
		t.Errorf("after the view: %d people, want 2", n)
	}
}

// ReadThenWrite holds no write lock while it computes, and reads again inside the write when
// another connection committed meanwhile.
func TestReadThenWrite(t *testing.T) {
	d := openTest(t)
	ctx := context.Background()
	if _, err := d.SQL.ExecContext(ctx, insertPerson, "Ana", "ana@example.org"); err != nil {
		t.Fatal(err)
	}
	count := func(q *store.Queries) (int64, error) { return q.CountPeople(ctx) }
	for _, commitMeanwhile := range []bool{false, true} {
		reads, computes := 0, 0
		var seen int64
		err := d.ReadThenWrite(ctx, func(q *store.Queries) error {
			reads++
			n, err := count(q)
			seen = n
			return err
		}, func() error {
			computes++
			if computes == 1 {
				// The write lock is free while computing: another connection writes at once.
				other, err := sql.Open("sqlite", "file:"+d.Path+"?_pragma=busy_timeout(0)")
				if err != nil {
					return err
				}
				defer other.Close()
				if !commitMeanwhile {
					_, err = other.ExecContext(ctx, "BEGIN IMMEDIATE; ROLLBACK")
					return err
				}
				_, err = other.ExecContext(ctx, insertPerson, "Kenji", fmt.Sprintf("kenji%d@example.org", reads))
				return err
			}
			return nil
		}, func(q *store.Queries) error {
			n, err := count(q)
			if err == nil && n != seen {
				return fmt.Errorf("write sees %d people, read saw %d", n, seen)
			}
			return err
		})
		if err != nil {
			t.Fatalf("commit meanwhile %v: %v", commitMeanwhile, err)
		}
		if want := map[bool]int{false: 1, true: 2}[commitMeanwhile]; reads != want || computes != want {
			t.Errorf("commit meanwhile %v: %d reads, %d computes; want %d of each", commitMeanwhile, reads, computes, want)
		}
	}
}
