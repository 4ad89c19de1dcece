// Package app holds the services bound to the UI: one struct per area, DTOs in and out,
// (T, error) back. They validate, call the store in one transaction, and map to DTOs.
package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"

	"tandem/db"
)

// Error is a problem the admin can act on: a sentence, and where it is (a form field, a file row).
// The UI receives it as {message, field, row} and shows it next to the field it concerns.
type Error struct {
	Field   string `json:"field,omitempty"`
	Row     int    `json:"row,omitempty"`
	Message string `json:"message"`
}

// Error returns the message, prefixed with the row when there is one.
func (e *Error) Error() string {
	if e.Row > 0 {
		return fmt.Sprintf("Row %d: %s", e.Row, e.Message)
	}
	return e.Message
}

// fieldErr builds an *Error for one field of a form.
func fieldErr(field, format string, args ...any) *Error {
	return &Error{Field: field, Message: fmt.Sprintf(format, args...)}
}

// notFound maps a failed read of the row a request names. Only a missing row becomes "This
// <what> no longer exists"; any other failure — a locked or damaged database — stays
// an internal error wrapped with what was being read, so it is logged and never reads as a
// deleted row.
func notFound(err error, what string) error {
	if db.IsNotFound(err) {
		return &Error{Message: "This " + what + " no longer exists"}
	}
	return fmt.Errorf("read the %s: %w", what, err)
}

// unique maps a failed write: a UNIQUE violation (by SQLite's extended code) becomes a field error
// with msg; anything else stays an internal error wrapped with op.
func unique(err error, op, field, msg string) error {
	if db.IsUnique(err) {
		return &Error{Field: field, Message: msg}
	}
	return fmt.Errorf("%s: %w", op, err)
}

// ErrorFormatter returns the function Wails passes every bound method's error through: the UI's
// promise is rejected with the JSON text of {message, field?, row?} (Wails' runtime passes a
// string through whole but turns an object into "[object Object]"). An *Error is the admin's to
// act on and goes as it is. Anything else is internal: it is logged with its cause, and the
// admin reads what failed and where the log is, never a raw database message.
func ErrorFormatter(logPath string) func(error) any {
	return func(err error) any {
		var e *Error
		if !errors.As(err, &e) {
			slog.Error("request failed", "err", err)
			e = &Error{Message: internalMessage(err, logPath)}
			if db.IsBusy(err) {
				e.Message = busyMessage
			}
		}
		b, _ := json.Marshal(e)
		return string(b)
	}
}

// CommandError is what a command-line verb prints for err, worded as the window words it: the
// admin's *Error and a start-up problem as they are; anything else logged with its cause and
// told as what failed and where the log is, never raw database text.
func CommandError(err error, logPath string) error {
	var e *Error
	var oe *db.OpenError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &e):
		return e
	case errors.As(err, &oe):
		return oe
	case db.IsBusy(err):
		slog.Error("command failed", "err", err)
		return &Error{Message: busyMessage}
	}
	slog.Error("command failed", "err", err)
	return &Error{Message: internalMessage(err, logPath)}
}

// busyMessage is what a write that waited out the busy timeout tells the admin: nothing changed.
const busyMessage = "Tandem is busy saving a long change (an import, a pairing run); nothing was changed. Try again in a moment."

// dbReason says in words why a database write failed, for messages that carry the reason.
func dbReason(err error) string {
	if db.IsBusy(err) {
		return "The data file was busy with a long change; try again in a moment."
	}
	return "The details are in the log."
}

// internalMessage says what failed, from the wrapping's first words ("list programs: …"), and
// where the details are.
func internalMessage(err error, logPath string) string {
	msg := "Something went wrong"
	if op, _, ok := strings.Cut(err.Error(), ": "); ok && op != "" && strings.ToLower(op) == op && !strings.ContainsAny(op, "()\"'") {
		msg += " while trying to " + op
	}
	if logPath == "" {
		return msg + "; the details are in the log"
	}
	return msg + "; the details are in the log (" + logPath + ")"
}
