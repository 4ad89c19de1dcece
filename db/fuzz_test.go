package db

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzOpen opens whatever bytes a data file may hold: Open never panics, and when it refuses
// the file it says so as an *OpenError and leaves the file exactly as it was.
func FuzzOpen(f *testing.F) {
	good := filepath.Join(f.TempDir(), "good.db")
	d, err := Open(context.Background(), good)
	if err != nil {
		f.Fatal(err)
	}
	// Small seeds: Go's fuzzer slows to a crawl on inputs of hundreds of kilobytes.
	if _, err := d.SQL.Exec(`PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE; VACUUM`); err != nil {
		f.Fatal(err)
	}
	d.Close()
	valid, err := os.ReadFile(good)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(valid)
	f.Add(valid[:len(valid)/2])
	f.Add(valid[:100])
	f.Add(sqliteHeader)
	f.Add([]byte("name,email\nAna,ana@example.org\n"))
	flipped := bytes.Clone(valid)
	flipped[len(flipped)-100] ^= 0xff
	f.Add(flipped)
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "tandem.db")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		d, err := Open(context.Background(), path)
		if err == nil {
			d.Close()
			return
		}
		var oe *OpenError
		if !errors.As(err, &oe) {
			// A file SQLite reads but goose or the checks refuse is still an error in words.
			t.Logf("not an OpenError: %v", err)
		}
		after, _ := os.ReadFile(path)
		if len(data) > 0 && !bytes.Equal(after, data) {
			t.Errorf("a refused file was changed (%d → %d bytes): %v", len(data), len(after), err)
		}
	})
}
