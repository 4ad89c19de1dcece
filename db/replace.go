package db

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// NewestGoodBackup returns the newest backup of dbPath that passes integrity_check and has a
// schema this Tandem knows, or "" when there is none.
func NewestGoodBackup(ctx context.Context, dbPath string) (string, error) {
	files, err := ListBackups(dbPath)
	if err != nil {
		return "", err
	}
	for _, f := range files {
		if err := checkBackupFile(ctx, f, "integrity_check"); err == nil {
			return f, nil
		}
	}
	return "", nil
}

// BackupTime is when a backup was taken, read from its name; the zero time if it cannot be.
func BackupTime(dbPath, backup string) time.Time {
	return takenAt(backup, strings.TrimSuffix(filepath.Base(dbPath), filepath.Ext(dbPath)))
}

// ReplaceWithBackup puts a backup in place of a damaged database file that is not open. The
// damaged file, with its -wal and -shm, is moved aside beside it (<base>-damaged-<time>.db),
// never deleted; then the backup is copied in whole: a temporary file, synced, renamed into
// place. It returns where the damaged file went ("" when there was none).
func ReplaceWithBackup(ctx context.Context, dbPath, backup string, now time.Time) (string, error) {
	if err := checkBackupFile(ctx, backup, "integrity_check"); err != nil {
		return "", err
	}
	base := strings.TrimSuffix(dbPath, filepath.Ext(dbPath))
	aside := fmt.Sprintf("%s-damaged-%s.db", base, now.UTC().Format("20060102-150405"))
	moved := ""
	if _, err := os.Stat(dbPath); err == nil {
		if err := os.Rename(dbPath, aside); err != nil {
			return "", fmt.Errorf("move the damaged file aside: %w", err)
		}
		moved = aside
	}
	for _, ext := range []string{"-wal", "-shm"} {
		if err := os.Rename(dbPath+ext, aside+ext); err != nil && !errors.Is(err, os.ErrNotExist) {
			return moved, fmt.Errorf("move the damaged file aside: %w", err)
		}
	}
	tmp := dbPath + ".restore.tmp"
	if err := copyFile(backup, tmp); err != nil {
		os.Remove(tmp)
		return moved, fmt.Errorf("copy the backup: %w", err)
	}
	if err := os.Rename(tmp, dbPath); err != nil {
		os.Remove(tmp)
		return moved, fmt.Errorf("copy the backup: %w", err)
	}
	syncDir(filepath.Dir(dbPath))
	return moved, nil
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
