package app_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"tandem/app"
)

func TestErrorFormatterGivesTheUIFieldAndRow(t *testing.T) {
	const log = "/home/ana/.config/Tandem/tandem.log"
	tests := []struct {
		err  error
		want app.Error
	}{
		{&app.Error{Field: "email", Message: "Not an email"}, app.Error{Field: "email", Message: "Not an email"}},
		{fmt.Errorf("import: %w", &app.Error{Row: 7, Message: "Bad"}), app.Error{Row: 7, Message: "Bad"}},
		{fmt.Errorf("list programs: %w", errors.New("database is locked (5) (SQLITE_BUSY)")),
			app.Error{Message: "Something went wrong while trying to list programs; the details are in the log (" + log + ")"}},
		{errors.New("disk full"), app.Error{Message: "Something went wrong; the details are in the log (" + log + ")"}},
	}
	format := app.ErrorFormatter(log)
	for _, tt := range tests {
		s, ok := format(tt.err).(string)
		if !ok {
			t.Fatalf("format(%v) is not a string", tt.err)
		}
		var got app.Error
		if err := json.Unmarshal([]byte(s), &got); err != nil {
			t.Fatalf("format(%v) = %q: %v", tt.err, s, err)
		}
		if got != tt.want {
			t.Errorf("format(%v) = %+v, want %+v", tt.err, got, tt.want)
		}
	}
}

// A locked database is not a deleted row: a read that fails for another reason than a missing
// row must not say "no longer exists".
func TestFailedReadIsNotAMissingRow(t *testing.T) {
	s, d := mustOpen(t)
	if _, err := s.Outbox.Get(999); err == nil || !strings.Contains(err.Error(), "no longer exists") {
		t.Fatalf("a missing message: %v", err)
	}
	// Damage the table the read needs; the read now fails for a reason that is not "missing".
	if _, err := d.SQL.ExecContext(context.Background(), `ALTER TABLE outbox RENAME TO outbox_gone`); err != nil {
		t.Fatal(err)
	}
	_, err := s.Outbox.Get(999)
	var e *app.Error
	if err == nil || errors.As(err, &e) || strings.Contains(err.Error(), "no longer exists") {
		t.Fatalf("a failed read reads as %T %v, want an internal error", err, err)
	}
}

// A command-line verb prints words, never raw database text.
func TestCommandErrorWordsWhatFailed(t *testing.T) {
	raw := fmt.Errorf("export sessions: %w", errors.New("SQL logic error: no such table: sessions (1)"))
	got := app.CommandError(raw, "/data/tandem.log").Error()
	if strings.Contains(got, "SQL") || !strings.Contains(got, "while trying to export sessions") || !strings.Contains(got, "/data/tandem.log") {
		t.Errorf("got %q", got)
	}
	if got := app.CommandError(&app.Error{Message: "Choose a program"}, "").Error(); got != "Choose a program" {
		t.Errorf("an *Error should pass as it is, got %q", got)
	}
}
