package db_test

import (
	"context"
	"crypto/sha256"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"tandem/db"
)

func TestPragmasOnEveryConnection(t *testing.T) {
	d, err := db.Open(context.Background(), filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	d.SQL.SetMaxOpenConns(4)
	// Hold several connections at once so the pool must open new ones.
	ctx := context.Background()
	var conns []interface{ Close() error }
	for i := 0; i < 4; i++ {
		c, err := d.SQL.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
		var fk, sync int
		var mode string
		if err := c.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk); err != nil {
			t.Fatal(err)
		}
		if err := c.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
			t.Fatal(err)
		}
		if err := c.QueryRowContext(ctx, "PRAGMA synchronous").Scan(&sync); err != nil {
			t.Fatal(err)
		}
		if fk != 1 || mode != "wal" || sync != 2 {
			t.Errorf("connection %d: foreign_keys=%d journal_mode=%s synchronous=%d", i, fk, mode, sync)
		}
	}
	for _, c := range conns {
		c.Close()
	}
}

func TestNewerSchemaIsRefusedAndUntouched(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.db")
	d, err := db.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.SQL.Exec(`INSERT INTO goose_db_version (version_id, is_applied) VALUES (?, 1)`, db.LatestVersion()+5); err != nil {
		t.Fatal(err)
	}
	if _, err := d.SQL.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		t.Fatal(err)
	}
	d.Close()
	before := hashFile(t, path)
	_, err = db.Open(context.Background(), path)
	if !errors.Is(err, db.ErrSchemaTooNew) {
		t.Fatalf("opening a newer schema: %v", err)
	}
	if hashFile(t, path) != before {
		t.Error("the newer database file was changed")
	}
}

func TestBackupKeepsNewestTen(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "tandem.db")
	if got, err := db.Backup(context.Background(), path, time.Now()); err != nil || got != "" {
		t.Fatalf("backup of a missing file: %q %v", got, err)
	}
	d, err := db.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.SQL.Exec(`INSERT INTO settings (key, value) VALUES ('k', 'v')`); err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var last string
	for i := 0; i < 13; i++ {
		last, err = db.Backup(context.Background(), path, start.Add(time.Duration(i)*time.Minute))
		if err != nil {
			t.Fatal(err)
		}
	}
	d.Close()
	files, err := db.ListBackups(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != db.KeepBackups || files[0] != last {
		t.Fatalf("backups = %d, newest %q; want %d, newest %q", len(files), files[0], db.KeepBackups, last)
	}
	leftovers, _ := filepath.Glob(filepath.Join(db.BackupDir(path), "*.tmp"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
	// A backup is a whole database holding the data.
	b, err := db.Open(context.Background(), last)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	var v string
	if err := b.SQL.QueryRow(`SELECT value FROM settings WHERE key = 'k'`).Scan(&v); err != nil || v != "v" {
		t.Errorf("backup content: %q %v", v, err)
	}
}

func TestConcurrentWritesAreSerialised(t *testing.T) {
	d, err := db.Open(context.Background(), filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for j := 0; j < 20; j++ {
				if _, err := d.SQL.Exec(`INSERT INTO settings (key, value) VALUES (?, 'x')`, string(rune('a'+i))+string(rune('a'+j))); err != nil {
					errs <- err
					return
				}
			}
		}(i)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	var n int
	d.SQL.QueryRow(`SELECT COUNT(*) FROM settings`).Scan(&n)
	if n != 160 {
		t.Errorf("rows = %d, want 160", n)
	}
}

func hashFile(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestRestoreReplacesTheDataAndCanBeUndone(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "tandem.db")
	d, err := db.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	put := func(v string) {
		if _, err := d.SQL.Exec(`INSERT INTO settings (key, value) VALUES ('k', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, v); err != nil {
			t.Fatal(err)
		}
	}
	get := func() string {
		var v string
		if err := d.SQL.QueryRow(`SELECT value FROM settings WHERE key = 'k'`).Scan(&v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	put("monday")
	monday, err := db.Backup(ctx, path, time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	put("tuesday")
	before, err := d.Restore(ctx, monday, time.Date(2026, 11, 24, 8, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	// Every pooled connection sees the restored data.
	d.SQL.SetMaxOpenConns(3)
	for i := 0; i < 3; i++ {
		if got := get(); got != "monday" {
			t.Fatalf("after restore: %q", got)
		}
	}
	// The state before the restore was kept: restoring it undoes the restore.
	if _, err := d.Restore(ctx, before, time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if got := get(); got != "tuesday" {
		t.Fatalf("after undo: %q", got)
	}

	// A damaged or foreign file is refused and nothing changes.
	junk := filepath.Join(t.TempDir(), "junk.db")
	os.WriteFile(junk, []byte("this is not a database, just text that is long enough to look like a page"), 0o600)
	if _, err := d.Restore(ctx, junk, time.Now()); err == nil {
		t.Error("restored from a file that is not a database")
	}
	if got := get(); got != "tuesday" {
		t.Fatalf("a refused restore changed the data: %q", got)
	}
}
