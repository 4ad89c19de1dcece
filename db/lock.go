package db

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// ErrLocked is returned by Lock when another Tandem holds the database.
var ErrLocked = errors.New("the data is open in another Tandem")

// FileLock is the exclusive hold one Tandem has on a database: a lock on a file beside it
// (tandem.db.lock), which the operating system releases when the process ends however it ends,
// so a crash never leaves a stale lock.
type FileLock struct {
	f *os.File
}

// LockPath is the lock file of the database at dbPath.
func LockPath(dbPath string) string { return dbPath + ".lock" }

// Lock takes the database's lock without waiting. When another process holds it, the error
// wraps ErrLocked and names that process when the lock file says which it is.
func Lock(dbPath string) (*FileLock, error) {
	f, err := os.OpenFile(LockPath(dbPath), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("lock the data file: %w", err)
	}
	if err := lockFile(f); err != nil {
		f.Close()
		if errors.Is(err, errWouldBlock) {
			return nil, fmt.Errorf("%w (%s)%s", ErrLocked, dbPath, holder(LockPath(dbPath)))
		}
		return nil, fmt.Errorf("lock the data file: %w", err)
	}
	// Who holds it, for the message a second Tandem shows; the lock itself is the OS's.
	if err := f.Truncate(0); err == nil {
		f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0) //nolint:errcheck // informative only
	}
	return &FileLock{f: f}, nil
}

func holder(path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	if pid := strings.TrimSpace(string(b)); pid != "" {
		return ", process " + pid
	}
	return ""
}

// Release gives the lock back. The file stays: removing it could race another Tandem's Lock.
func (l *FileLock) Release() error {
	if l == nil || l.f == nil {
		return nil
	}
	err := unlockFile(l.f)
	if cerr := l.f.Close(); err == nil {
		err = cerr
	}
	l.f = nil
	return err
}
