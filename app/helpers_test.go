package app_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"tandem/app"
	"tandem/db"
)

// testNow is the fixed clock of the service tests.
var testNow = time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)

// mustOpen returns the services over a new, migrated SQLite file in t.TempDir().
func mustOpen(tb testing.TB, opts ...db.Option) (*app.Services, *db.DB) {
	tb.Helper()
	d, err := db.Open(context.Background(), filepath.Join(tb.TempDir(), "tandem.db"), opts...)
	if err != nil {
		tb.Fatalf("open: %v", err)
	}
	tb.Cleanup(func() { d.Close() })
	return app.NewServices(context.Background(), d, func() time.Time { return testNow }, &app.KeyringSecrets{NoKeyring: true}), d
}

// fieldOf returns the field an *app.Error names, or fails the test when err is not one.
func fieldOf(t *testing.T, err error) string {
	t.Helper()
	var e *app.Error
	if !errors.As(err, &e) {
		t.Fatalf("want an *app.Error, got %T %v", err, err)
	}
	return e.Field
}

func mustProgram(t testing.TB, s *app.Services, kind string) app.Program {
	t.Helper()
	in := s.Programs.NewProgramDefaults(kind)
	in.Name = "Test " + kind
	if kind == "cohort" {
		in.StartsOn, in.EndsOn = "2027-01-10", "2027-06-30"
	}
	p, err := s.Programs.Create(in)
	if err != nil {
		t.Fatalf("create program: %v", err)
	}
	return p
}

func mustPerson(t testing.TB, s *app.Services, name, email string) app.Person {
	t.Helper()
	p, err := s.People.Create(app.PersonInput{Name: name, Email: email, Department: "Sales", TimeZone: "Europe/Berlin"})
	if err != nil {
		t.Fatalf("create person: %v", err)
	}
	return p
}

func appQuery(programID int64) app.DirectoryQuery {
	return app.DirectoryQuery{ProgramID: programID, Limit: 5}
}
