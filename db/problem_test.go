package db

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

var day0 = time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)

// newFile creates a migrated database with one backup, and returns its path.
func newFile(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "tandem.db")
	d, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	d.Close()
	if _, err := Backup(context.Background(), path, day0); err != nil {
		t.Fatal(err)
	}
	return path
}

func kindOf(t *testing.T, err error) *OpenError {
	t.Helper()
	var oe *OpenError
	if !errors.As(err, &oe) {
		t.Fatalf("want an *OpenError, got %T %v", err, err)
	}
	if strings.Contains(oe.Message, "SQLITE") || strings.Contains(oe.Message, "(5)") {
		t.Errorf("raw SQLite text in %q", oe.Message)
	}
	return oe
}

func backupsOf(t *testing.T, path string) []string {
	t.Helper()
	b, err := ListBackups(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Whatever is wrong with the file, Open says so in words, writes no backup of it and leaves it
// as it was.
func TestOpenSaysWhatIsWrongAndChangesNothing(t *testing.T) {
	tests := []struct {
		name  string
		spoil func(t *testing.T, path string)
		kind  string
		says  string
	}{
		{"empty with backups", func(t *testing.T, p string) { os.WriteFile(p, nil, 0o600) }, Damaged, "is empty"},
		{"not SQLite", func(t *testing.T, p string) { os.WriteFile(p, []byte("name,email\nAna,ana@x\n"), 0o600) }, Damaged, "not a Tandem data file"},
		{"damaged pages", func(t *testing.T, p string) {
			b, _ := os.ReadFile(p)
			for i := 4096; i < len(b); i++ {
				b[i] = 0xA5
			}
			os.WriteFile(p, b, 0o600)
		}, Damaged, "is damaged"},
		{"a folder", func(t *testing.T, p string) { os.Remove(p); os.Mkdir(p, 0o700) }, Damaged, "is a folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := newFile(t)
			tt.spoil(t, path)
			os.Remove(path + "-wal")
			os.Remove(path + "-shm")
			before, _ := os.ReadFile(path)
			n := len(backupsOf(t, path))
			_, err := Open(context.Background(), path, WithBackup(day0.Add(time.Hour)))
			oe := kindOf(t, err)
			if oe.Kind != tt.kind || !strings.Contains(oe.Message, tt.says) {
				t.Errorf("got %s %q; want %s saying %q", oe.Kind, oe.Message, tt.kind, tt.says)
			}
			if after, _ := os.ReadFile(path); string(after) != string(before) {
				t.Error("the file was changed")
			}
			if got := len(backupsOf(t, path)); got != n {
				t.Errorf("backups went from %d to %d: a file that failed its check must not be backed up", n, got)
			}
		})
	}
}

// An empty file with nothing it could have been is a new database, as before.
func TestAnEmptyFileWithoutBackupsIsNew(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tandem.db")
	os.WriteFile(path, nil, 0o600)
	d, err := Open(context.Background(), path, WithBackup(day0))
	if err != nil {
		t.Fatal(err)
	}
	d.Close()
}

// A disk without room for a start's backup and migration stops the start, saying how much is needed.
func TestOpenOnAFullDiskSaysHowMuchIsNeeded(t *testing.T) {
	path := newFile(t)
	was := freeSpace
	freeSpace = func(string) (int64, error) { return 1 << 20, nil }
	defer func() { freeSpace = was }()
	n := len(backupsOf(t, path))
	_, err := Open(context.Background(), path, WithBackup(day0.Add(time.Hour)))
	oe := kindOf(t, err)
	if oe.Kind != Full || oe.Need <= 1<<20 || !strings.Contains(oe.Message, "MB") {
		t.Errorf("got %+v", oe)
	}
	if got := len(backupsOf(t, path)); got != n {
		t.Errorf("a backup was attempted on a full disk: %d → %d", n, got)
	}
}

// Rotation keeps the newest ten and, besides, the newest backup older than a week: many starts
// in a day never rotate out the last backup from before the trouble.
func TestRotationKeepsTheLastBackupOlderThanAWeek(t *testing.T) {
	path := newFile(t) // one backup at day0
	old := day0.Add(-20 * 24 * time.Hour)
	if _, err := Backup(context.Background(), path, old); err != nil {
		t.Fatal(err)
	}
	now := day0.Add(10 * 24 * time.Hour)
	for i := 0; i < 12; i++ {
		if _, err := Backup(context.Background(), path, now.Add(time.Duration(i)*time.Minute)); err != nil {
			t.Fatal(err)
		}
	}
	files := backupsOf(t, path)
	if len(files) != KeepBackups+1 {
		t.Fatalf("want %d backups, got %d: %v", KeepBackups+1, len(files), files)
	}
	if got := takenAt(files[len(files)-1], "tandem"); !got.Equal(day0) {
		t.Errorf("the kept old backup is from %v, want the newest older than a week (%v)", got, day0)
	}
}

// One Tandem per database: a second lock is refused while the first is held, and the lock
// goes with its holder.
func TestLockIsExclusive(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tandem.db")
	l, err := Lock(path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Lock(path)
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), strconv.Itoa(os.Getpid())) {
		t.Fatalf("second lock: %v", err)
	}
	if oe := kindOf(t, classify(path, err)); oe.Kind != Locked || !strings.Contains(oe.Message, "already open") {
		t.Errorf("classified as %+v", oe)
	}
	if err := l.Release(); err != nil {
		t.Fatal(err)
	}
	l2, err := Lock(path)
	if err != nil {
		t.Fatalf("lock after release: %v", err)
	}
	l2.Release()
}

// A damaged file is replaced by the newest backup that passes integrity_check; the damaged
// file is kept aside, and the restored database opens with its data.
func TestReplaceWithTheNewestGoodBackup(t *testing.T) {
	path := newFile(t)
	d, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.SQL.Exec(`INSERT INTO settings (key, value) VALUES ('k', 'kept')`); err != nil {
		t.Fatal(err)
	}
	d.Close()
	good, err := Backup(context.Background(), path, day0.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	// A newer backup that is itself damaged is passed over.
	bad := filepath.Join(BackupDir(path), "tandem-20261201-110000.000-00.db")
	if err := os.WriteFile(bad, []byte("SQLite format 3\x00 but nothing else"), 0o600); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(path, nil, 0o600)
	got, err := NewestGoodBackup(context.Background(), path)
	if err != nil || got != good {
		t.Fatalf("newest good backup = %q, %v; want %q", got, err, good)
	}
	aside, err := ReplaceWithBackup(context.Background(), path, got, day0.Add(2*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(aside); err != nil || st.Size() != 0 {
		t.Errorf("the damaged file should be kept aside as it was: %v", err)
	}
	d, err = Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	var v string
	if err := d.SQL.QueryRow(`SELECT value FROM settings WHERE key = 'k'`).Scan(&v); err != nil || v != "kept" {
		t.Errorf("restored data: %q %v", v, err)
	}
}
