package db

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// KeepBackups is how many backups Backup keeps; older ones are removed.
const KeepBackups = 10

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
	name := fmt.Sprintf("%s-%s.db", base, now.UTC().Format("20060102-150405.000"))
	final := filepath.Join(dir, name)
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
	if err := prune(dir, base); err != nil {
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

func prune(dir, base string) error {
	files, err := filepath.Glob(filepath.Join(dir, base+"-*.db"))
	if err != nil {
		return err
	}
	sort.Strings(files) // names carry a sortable UTC timestamp
	for len(files) > KeepBackups {
		if err := os.Remove(files[0]); err != nil {
			return err
		}
		files = files[1:]
	}
	return nil
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
