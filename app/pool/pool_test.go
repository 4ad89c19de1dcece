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

// A first wish weighs the whole bonus, a second two thirds, a third and later ones a third, and
// never nothing while there is a bonus.
func TestWishPointsFallWithRank(t *testing.T) {
	tests := []struct{ bonus, rank, want int }{
		{30, 1, 30}, {30, 2, 20}, {30, 3, 10}, {30, 7, 10}, {30, 0, 30},
		{3, 1, 3}, {3, 2, 2}, {3, 3, 1}, {1, 3, 1}, {0, 1, 0}, {-5, 1, 0},
	}
	for _, tt := range tests {
		if got := WishPoints(tt.bonus, tt.rank); got != tt.want {
			t.Errorf("WishPoints(%d, %d) = %d, want %d", tt.bonus, tt.rank, got, tt.want)
		}
	}
}
