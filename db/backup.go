package db

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"modernc.org/sqlite"
)

// KeepBackups is how many backups Backup keeps, besides the newest one older than KeepWeekOld:
// older ones are removed.
const KeepBackups = 10

// KeepWeekOld is the age of the one older backup that rotation always keeps, so that many starts
// in a short time (or a damaged file opened again and again) never rotate out the last backup
// from before the trouble began.
const KeepWeekOld = 7 * 24 * time.Hour

// BackupDir is the folder beside the database where backups are written.
func BackupDir(dbPath string) string { return filepath.Join(filepath.Dir(dbPath), "backups") }

// Backup writes a consistent copy of the database at dbPath into BackupDir: VACUUM INTO a
// temporary file, fsync it (VACUUM INTO does not), then rename it into place, so a backup is
// whole or absent. It keeps the newest KeepBackups and returns the new file's path. A database
// file that does not exist yet needs no backup: Backup returns "" then.
func Backup(ctx context.Context, dbPath string, now time.Time) (string, error) {
	if st, err := os.Stat(dbPath); err != nil || st.Size() == 0 {
		return "", nil
	}
	dir := BackupDir(dbPath)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("backup: %w", err)
	}
	base := strings.TrimSuffix(filepath.Base(dbPath), filepath.Ext(dbPath))
	// The counter keeps two backups of the same millisecond apart; names sort by time.
	var final string
	for n := 0; ; n++ {
		final = filepath.Join(dir, fmt.Sprintf("%s-%s-%02d.db", base, now.UTC().Format("20060102-150405.000"), n))
		if _, err := os.Stat(final); os.IsNotExist(err) {
			break
		}
	}
	tmp := final + ".tmp"
	os.Remove(tmp)

	// A plain connection without migrations: the backup must not change the file it copies.
	sqldb, err := openRaw(dbPath)
	if err != nil {
		return "", fmt.Errorf("backup: %w", err)
	}
	defer sqldb.Close()
	if _, err := sqldb.ExecContext(ctx, "VACUUM INTO ?", tmp); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("backup %s: %w", dbPath, err)
	}
	if err := syncFile(tmp); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("backup: %w", err)
	}
	if err := os.Rename(tmp, final); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("backup: %w", err)
	}
	syncDir(dir)
	if err := prune(dir, base, now); err != nil {
		return final, fmt.Errorf("backup: %w", err)
	}
	return final, nil
}

// ListBackups returns the backups of dbPath, newest first.
func ListBackups(dbPath string) ([]string, error) {
	base := strings.TrimSuffix(filepath.Base(dbPath), filepath.Ext(dbPath))
	files, err := filepath.Glob(filepath.Join(BackupDir(dbPath), base+"-*.db"))
	if err != nil {
		return nil, err
	}
	sort.Sort(sort.Reverse(sort.StringSlice(files)))
	return files, nil
}

func prune(dir, base string, now time.Time) error {
	files, err := filepath.Glob(filepath.Join(dir, base+"-*.db"))
	if err != nil {
		return err
	}
	sort.Sort(sort.Reverse(sort.StringSlice(files))) // names carry a sortable UTC timestamp: newest first
	keptOld := false
	for i, f := range files {
		old := takenAt(f, base).Before(now.Add(-KeepWeekOld))
		switch {
		case i < KeepBackups:
			keptOld = keptOld || old
			continue
		case old && !keptOld:
			keptOld = true // the newest backup older than a week stays
			continue
		}
		if err := os.Remove(f); err != nil {
			return err
		}
	}
	return nil
}

// takenAt reads a backup's time from its name (base-20060102-150405.000-00.db); the zero time
// when the name does not carry one.
func takenAt(path, base string) time.Time {
	name := strings.TrimPrefix(filepath.Base(path), base+"-")
	if len(name) < len("20060102-150405.000") {
		return time.Time{}
	}
	t, err := time.Parse("20060102-150405.000", name[:len("20060102-150405.000")])
	if err != nil {
		return time.Time{}
	}
	return t
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

func syncDir(dir string) {
	if f, err := os.Open(dir); err == nil {
		f.Sync() //nolint:errcheck // best effort: not every OS can sync a folder
		f.Close()
	}
}

// Restore replaces the open database's content with the backup at path. The backup is checked
// first (whole, and a schema this Tandem knows); then the current state is itself backed up,
// so a restore can be undone; then SQLite's online backup API copies the pages in, as one
// step that other connections see complete or not at all; then migrations bring an older
// backup up to date. It returns the path of the backup taken before restoring.
func (d *DB) Restore(ctx context.Context, path string, now time.Time) (string, error) {
	if err := checkBackupFile(ctx, path, "quick_check"); err != nil {
		return "", err
	}
	before, err := Backup(ctx, d.Path, now)
	if err != nil {
		return "", fmt.Errorf("restore: back up the current data first: %w", err)
	}
	conn, err := d.SQL.Conn(ctx)
	if err != nil {
		return before, fmt.Errorf("restore: %w", err)
	}
	defer conn.Close()
	err = conn.Raw(func(driverConn any) error {
		r, ok := driverConn.(interface {
			NewRestore(string) (*sqlite.Backup, error)
		})
		if !ok {
			return fmt.Errorf("this SQLite driver cannot restore")
		}
		b, err := r.NewRestore(path)
		if err != nil {
			return err
		}
		for more := true; more; {
			if more, err = b.Step(-1); err != nil {
				b.Finish() //nolint:errcheck // the step's error is the one to report
				return err
			}
		}
		return b.Finish()
	})
	if err != nil {
		return before, fmt.Errorf("restore %s: %w", filepath.Base(path), err)
	}
	if err := d.migrate(ctx); err != nil {
		return before, fmt.Errorf("restore: %w", err)
	}
	return before, nil
}

// checkBackupFile opens a backup read-only and checks it is a whole Tandem database whose
// schema this binary knows; check is "quick_check" or the thorough "integrity_check".
func checkBackupFile(ctx context.Context, path, check string) error {
	sqldb, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		return fmt.Errorf("open backup: %w", err)
	}
	defer sqldb.Close()
	var res string
	if err := sqldb.QueryRowContext(ctx, "PRAGMA "+check).Scan(&res); err != nil {
		return fmt.Errorf("%s is not a Tandem database: %w", filepath.Base(path), err)
	}
	if res != "ok" {
		return fmt.Errorf("%s is damaged (%s)", filepath.Base(path), res)
	}
	var version int64
	if err := sqldb.QueryRowContext(ctx, "SELECT COALESCE(MAX(version_id), 0) FROM goose_db_version WHERE is_applied").Scan(&version); err != nil {
		return fmt.Errorf("%s is not a Tandem database", filepath.Base(path))
	}
	if version > LatestVersion() {
		return fmt.Errorf("%w: %s has schema version %d, this Tandem knows up to %d", ErrSchemaTooNew, filepath.Base(path), version, LatestVersion())
	}
	return nil
}
