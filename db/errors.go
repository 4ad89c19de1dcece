package db

import (
	"database/sql"
	"errors"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// ErrNotFound is returned when a row asked for does not exist. Errors that wrap it also wrap
// sql.ErrNoRows, so either test works.
var ErrNotFound = errors.New("not found")

// NotFound maps sql.ErrNoRows to ErrNotFound and leaves every other error as it is: a locked or
// damaged database must never read as a missing row.
func NotFound(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	return err
}

// IsNotFound reports whether err says a row does not exist (sql.ErrNoRows or ErrNotFound).
func IsNotFound(err error) bool {
	return errors.Is(err, sql.ErrNoRows) || errors.Is(err, ErrNotFound)
}

// code returns SQLite's extended result code carried by err, or 0.
func code(err error) int {
	var e *sqlite.Error
	if errors.As(err, &e) {
		return e.Code()
	}
	return 0
}

// IsUnique reports whether err is a violation of a UNIQUE constraint or primary key, read from
// SQLite's extended result code (never from the message's text).
func IsUnique(err error) bool {
	c := code(err)
	return c == sqlite3.SQLITE_CONSTRAINT_UNIQUE || c == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
}

// IsBusy reports whether err says the database was locked by another connection or process for
// longer than the busy timeout.
func IsBusy(err error) bool {
	c := code(err)
	return c&0xff == sqlite3.SQLITE_BUSY || c&0xff == sqlite3.SQLITE_LOCKED
}

// IsForeignKey reports whether err is a FOREIGN KEY constraint failure: a row others still refer to.
func IsForeignKey(err error) bool { return code(err) == sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY }
