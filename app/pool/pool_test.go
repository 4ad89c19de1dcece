package pool

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"tandem/db"
)

func TestLoadAProgramThatIsGone(t *testing.T) {
	d, err := db.Open(context.Background(), filepath.Join(t.TempDir(), "tandem.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	_, err = Load(context.Background(), d.Q, 42, true, time.Now())
	if !errors.Is(err, sql.ErrNoRows) {
		t.Errorf("%v does not keep the store's not-found", err)
	}
}

// A program table that cannot be read is not a missing program.
func TestLoadAProgramThatCannotBeRead(t *testing.T) {
	d, err := db.Open(context.Background(), filepath.Join(t.TempDir(), "tandem.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if _, err := d.SQL.Exec(`ALTER TABLE programs RENAME TO programs_gone`); err != nil {
		t.Fatal(err)
	}
	_, err = Load(context.Background(), d.Q, 42, true, time.Now())
	if err == nil || errors.Is(err, sql.ErrNoRows) || db.IsNotFound(err) {
		t.Fatalf("got %v, want a failure that is not 'not found'", err)
	}
}

func TestKeyIsUnordered(t *testing.T) {
	tests := []struct{ a, b int64 }{{1, 2}, {2, 1}, {7, 7}}
	for _, tt := range tests {
		k := Key(tt.a, tt.b)
		if k != Key(tt.b, tt.a) || k[0] > k[1] {
			t.Errorf("Key(%d, %d) = %v", tt.a, tt.b, k)
		}
	}
}
