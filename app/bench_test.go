package app_test

import (
	"context"
	"encoding/base64"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tandem/app"
	"tandem/app/questionnaire"
	"tandem/db"
)

// registrationsCSV builds an n-row registration export like a form tool writes: person fields,
// roles and multi-select answers.
func registrationsCSV(n int) string {
	var b strings.Builder
	b.WriteString("Timestamp,Full name,Email address,Team,Job title,Office,Time zone,Register as,Years of experience,Skills I can offer,Skills I want to grow,Goals,Interests,Languages\n")
	deps := []string{"Engineering", "Sales", "Design", "Finance", "People", "Marketing"}
	zones := []string{"Europe/Berlin", "America/New_York", "Asia/Tokyo", "Europe/London"}
	roles := []string{"Mentee; Peer", "Mentor; Peer", "Mentee", "Mentor"}
	sk := questionnaire.Skills
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "2026-11-01 10:00,Person %d,person%d@example.org,%s,Engineer,Office %d,%s,%s,%d,\"%s, %s\",\"%s, %s\",%s,%s,English\n",
			i, i, deps[i%len(deps)], i%9, zones[i%len(zones)], roles[i%len(roles)], i%25,
			sk[i%len(sk)], sk[(i+3)%len(sk)], sk[(i+5)%len(sk)], sk[(i+7)%len(sk)],
			questionnaire.Goals[i%len(questionnaire.Goals)], questionnaire.Interests[i%len(questionnaire.Interests)])
	}
	return b.String()
}

func importInto(tb testing.TB, s *app.Services, programID int64, csv string) app.ImportPreview {
	f, err := s.Imports.Read(programID, "registrations.csv", base64.StdEncoding.EncodeToString([]byte(csv)))
	if err != nil {
		tb.Fatal(err)
	}
	res, err := s.Imports.Import(app.ImportRequest{ProgramID: programID, Headers: f.Headers, Rows: f.Rows, RowNumbers: f.RowNumbers,
		Mapping: f.Mapping, DefaultRoles: app.ParticipantInput{Mentee: true}})
	if err != nil {
		tb.Fatal(err)
	}
	return res
}

// BenchmarkImport10k reads, validates and imports a 10,000-row CSV into a new program (goal: under 2 s).
func BenchmarkImport10k(b *testing.B) {
	csv := registrationsCSV(10000)
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s, _ := mustOpen(b)
		prog := mustProgram(b, s, "evergreen")
		b.StartTimer()
		if res := importInto(b, s, prog.ID, csv); res.NewParticipants != 10000 {
			b.Fatalf("imported %+v", res)
		}
	}
}

// BenchmarkDirectory10k queries the directory of a 10,000-participant program (goal: under 50 ms a query).
func BenchmarkDirectory10k(b *testing.B) {
	s, _ := mustOpen(b)
	prog := mustProgram(b, s, "evergreen")
	importInto(b, s, prog.ID, registrationsCSV(10000))
	queries := []struct {
		name string
		q    app.DirectoryQuery
	}{
		{"first-page", app.DirectoryQuery{}},
		{"search-name", app.DirectoryQuery{Search: "person 42"}},
		{"search-answer", app.DirectoryQuery{Search: "public speaking"}},
		{"peers-by-department", app.DirectoryQuery{Role: "peer", Department: "Design", Sort: "email", Desc: true}},
		{"last-page", app.DirectoryQuery{Offset: 9950, Sort: "location"}},
	}
	for _, tt := range queries {
		b.Run(tt.name, func(b *testing.B) {
			tt.q.ProgramID, tt.q.Limit = prog.ID, 50
			for i := 0; i < b.N; i++ {
				page, err := s.Directory.Query(tt.q)
				if err != nil || page.Total == 0 {
					b.Fatalf("%+v %v", page.Total, err)
				}
			}
		})
	}
}

// BenchmarkColdStart measures what happens between launch and the first screen's data: the
// start-up backup, opening and checking the database, and the first queries the UI makes.
func BenchmarkColdStart(b *testing.B) {
	path := filepath.Join(b.TempDir(), "tandem.db")
	d, err := db.Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := app.NewServices(context.Background(), d, time.Now, &app.KeyringSecrets{NoKeyring: true}).System.LoadSample(); err != nil {
		b.Fatal(err)
	}
	d.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := db.Backup(context.Background(), path, time.Now()); err != nil {
			b.Fatal(err)
		}
		d, err := db.Open(context.Background(), path)
		if err != nil {
			b.Fatal(err)
		}
		s := app.NewServices(context.Background(), d, time.Now, &app.KeyringSecrets{NoKeyring: true})
		if _, err := s.System.State(); err != nil {
			b.Fatal(err)
		}
		if progs, err := s.Programs.List(); err != nil || len(progs) != 2 {
			b.Fatal(err)
		}
		d.Close()
	}
}

// BenchmarkPairingRunSample is a whole pairing run of a sample program as the admin starts it:
// reading the program, scoring every pair, solving, and saving the draft.
func BenchmarkPairingRunSample(b *testing.B) {
	d, err := db.Open(context.Background(), filepath.Join(b.TempDir(), "tandem.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer d.Close()
	s := app.NewServices(context.Background(), d, time.Now, &app.KeyringSecrets{NoKeyring: true})
	if _, err := s.System.LoadSample(); err != nil {
		b.Fatal(err)
	}
	progs, err := s.Programs.List()
	if err != nil {
		b.Fatal(err)
	}
	for _, tc := range []struct{ program, mode string }{
		{"Spring Leadership Cohort", "mentoring"}, {"Peer Circles", "peers"}, {"Peer Circles", "groups"},
	} {
		var id int64
		for _, p := range progs {
			if p.Name == tc.program {
				id = p.ID
			}
		}
		b.Run(tc.mode, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				dr, err := s.Pairing.Run(app.RunInput{ProgramID: id, Mode: tc.mode, Objective: "max_weight"})
				if err != nil || len(dr.Items) == 0 {
					b.Fatalf("%v, %d items", err, len(dr.Items))
				}
			}
		})
	}
}
