package db

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"syscall"

	sqlite3 "modernc.org/sqlite/lib"
)

// Kinds of OpenError: what stands between Tandem and its data.
const (
	Damaged  = "damaged"  // not a whole SQLite database: restore a backup
	ReadOnly = "readOnly" // the file or its folder cannot be written
	Full     = "full"     // the disk has too little room
	TooNew   = "tooNew"   // written by a newer Tandem
	Locked   = "locked"   // another Tandem has it open
)

// OpenError says why the database could not be opened, in words for the admin, with the kind
// the start-up window acts on. Nothing was changed in the file.
type OpenError struct {
	Kind string
	Path string
	// Message is one sentence for the admin; Need is the room needed when Kind is Full.
	Message string
	Need    int64
	Err     error
}

func (e *OpenError) Error() string { return e.Message }
func (e *OpenError) Unwrap() error { return e.Err }

// sqliteHeader is how every SQLite database file begins.
var sqliteHeader = []byte("SQLite format 3\x00")

// preflight looks at the file before SQLite does: SQLite would silently turn an empty file into
// a new database, and fails on a read-only one only at the first write.
func preflight(path string) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return classify(path, fmt.Errorf("create data folder: %w", err))
	}
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return writableDir(path, dir)
	case err != nil:
		return classify(path, err)
	case st.IsDir():
		return &OpenError{Kind: Damaged, Path: path, Message: fmt.Sprintf("%s is a folder, not Tandem's data file.", path)}
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return classify(path, err)
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	n, err := io.ReadFull(f, head)
	switch {
	case n == 0 && st.Size() == 0:
		// An empty file is a new database only when there is nothing it could have been.
		if backups, _ := ListBackups(path); len(backups) > 0 {
			return &OpenError{Kind: Damaged, Path: path,
				Message: fmt.Sprintf("Tandem's data file %s is empty, but there are backups of it: something emptied it.", path)}
		}
	case err != nil || !bytes.Equal(head, sqliteHeader):
		return &OpenError{Kind: Damaged, Path: path,
			Message: fmt.Sprintf("%s is not a Tandem data file (it is not an SQLite database), or it is badly damaged.", path)}
	}
	return writableDir(path, dir)
}

// writableDir checks SQLite can create its journal files beside the database.
func writableDir(path, dir string) error {
	f, err := os.CreateTemp(dir, ".tandem-write-check-*")
	if err != nil {
		return classify(path, err)
	}
	name := f.Name()
	f.Close()
	os.Remove(name)
	return nil
}

// classify turns an error met while opening into an OpenError when it is one the admin can act
// on; any other error is returned as it is.
func classify(path string, err error) error {
	var oe *OpenError
	switch c := code(err) & 0xff; {
	case err == nil:
		return nil
	case errors.As(err, &oe):
		return err
	case errors.Is(err, ErrSchemaTooNew):
		return &OpenError{Kind: TooNew, Path: path, Err: err,
			Message: "This data was saved by a newer version of Tandem. Install that version to open it; nothing was changed."}
	case errors.Is(err, ErrLocked):
		return &OpenError{Kind: Locked, Path: path, Err: err,
			Message: fmt.Sprintf("Tandem is already open with this data (%s). Switch to that window, or close it and start Tandem again.", path)}
	case c == sqlite3.SQLITE_CORRUPT || c == sqlite3.SQLITE_NOTADB:
		return &OpenError{Kind: Damaged, Path: path, Err: err,
			Message: fmt.Sprintf("Tandem's data file %s is damaged.", path)}
	case c == sqlite3.SQLITE_FULL || errors.Is(err, syscall.ENOSPC):
		return &OpenError{Kind: Full, Path: path, Err: err, Need: need(path),
			Message: fmt.Sprintf("The disk that holds %s is full.", filepath.Dir(path))}
	case c == sqlite3.SQLITE_READONLY || c == sqlite3.SQLITE_CANTOPEN || c == sqlite3.SQLITE_PERM ||
		errors.Is(err, os.ErrPermission) || errors.Is(err, syscall.EROFS):
		return &OpenError{Kind: ReadOnly, Path: path, Err: err,
			Message: fmt.Sprintf("Tandem cannot write to %s: %s.", path, readOnlyWhy(err))}
	}
	return err
}

func readOnlyWhy(err error) string {
	switch {
	case errors.Is(err, syscall.EROFS):
		return "the disk it is on is read-only"
	case errors.Is(err, os.ErrPermission):
		return "your account is not allowed to change the file or its folder"
	}
	return "the file or its folder is read-only"
}

// need is the room a start needs beside the database: a backup (as large as the file) and the
// write-ahead log a migration may grow, with a margin.
func need(path string) int64 {
	var size int64
	if st, err := os.Stat(path); err == nil {
		size = st.Size()
	}
	return 2*size + 16<<20
}

// checkRoom refuses to start when the disk cannot take what a start writes (see need).
func checkRoom(path string) error {
	free, err := freeSpace(filepath.Dir(path))
	if err != nil {
		return nil // unknown: SQLite will say if it runs out
	}
	if n := need(path); free < n {
		return &OpenError{Kind: Full, Path: path, Need: n,
			Message: fmt.Sprintf("The disk that holds %s has %s free; Tandem needs %s to start safely.",
				filepath.Dir(path), megabytes(free), megabytes(n))}
	}
	return nil
}

func megabytes(n int64) string { return fmt.Sprintf("%.0f MB", float64(n)/(1<<20)) }
