package app

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
)

// maxLogSize is when the log is rotated at start: the previous one is kept as tandem.log.1.
const maxLogSize = 5 << 20

// OpenLog opens the log beside the database (tandem.log, appended to) and makes it, together
// with stderr, the destination of slog's default logger. It returns the log's path, which error
// messages name, and a function that closes it.
func OpenLog(dbPath string) (string, func(), error) {
	path := filepath.Join(filepath.Dir(dbPath), "tandem.log")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return "", nil, fmt.Errorf("create the log's folder: %w", err)
	}
	if fi, err := os.Stat(path); err == nil && fi.Size() > maxLogSize {
		_ = os.Rename(path, path+".1") // losing the old log is better than not starting
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return "", nil, fmt.Errorf("open the log: %w", err)
	}
	slog.SetDefault(slog.New(slog.NewTextHandler(io.MultiWriter(os.Stderr, f), nil)))
	return path, func() { f.Close() }, nil
}
