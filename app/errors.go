// Package app holds the services bound to the UI: one struct per area, DTOs in and out,
// (T, error) back. They validate, call the store in one transaction, and map to DTOs.
package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
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

// FormatError turns an error returned by a bound method into the value the UI's promise is
// rejected with: the JSON text of {message, field?, row?} (Wails' runtime passes a string
// through whole but turns an object into "[object Object]"). Errors that are not *Error are
// internal: they are logged in full and shown as their message.
func FormatError(err error) any {
	var e *Error
	if !errors.As(err, &e) {
		slog.Error("request failed", "err", err)
		e = &Error{Message: upperFirst(err.Error())}
	}
	b, _ := json.Marshal(e)
	return string(b)
}
