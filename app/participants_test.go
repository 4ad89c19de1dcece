package app_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"tandem/app"
)

func TestEnrolRoles(t *testing.T) {
	s, d := mustOpen(t)
	peerProg := mustProgram(t, s, "evergreen")
	cohort := mustProgram(t, s, "cohort")
	ana := mustPerson(t, s, "Ana Silva", "ana@example.org")
	tests := []struct {
		name  string
		prog  int64
		roles app.ParticipantInput
		field string
	}{
		{"peer alone", peerProg.ID, app.ParticipantInput{Peer: true}, "roles"},
		{"no role", peerProg.ID, app.ParticipantInput{}, "roles"},
		{"peer where peer mentoring is off", cohort.ID, app.ParticipantInput{Mentee: true, Peer: true}, "roles"},
		{"bad status", peerProg.ID, app.ParticipantInput{Mentee: true, Status: "asleep"}, "status"},
		{"capacity too big", peerProg.ID, app.ParticipantInput{Mentor: true, Capacity: 51}, "capacity"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.Participants.Enrol(app.EnrolInput{ProgramID: tt.prog, PersonID: ana.ID, Roles: tt.roles})
			if err == nil {
				t.Fatal("want an error")
			}
			if got := fieldOf(t, err); got != tt.field {
				t.Errorf("field = %q, want %q (%v)", got, tt.field, err)
			}
		})
	}

	// The database itself refuses a peer who is neither mentor nor mentee.
	_, err := d.SQL.ExecContext(context.Background(),
		`INSERT INTO participants (program_id, person_id, is_peer, enrolled_at, updated_at) VALUES (?, ?, 1, 'x', 'x')`, peerProg.ID, ana.ID)
	if err == nil || !strings.Contains(err.Error(), "CHECK") {
		t.Errorf("database accepted a peer-only participant: %v", err)
	}

	p, err := s.Participants.Enrol(app.EnrolInput{ProgramID: peerProg.ID, PersonID: ana.ID, Roles: app.ParticipantInput{Mentor: true, Peer: true}})
	if err != nil {
		t.Fatal(err)
	}
	if !p.Mentor || !p.Peer || p.Mentee || p.Capacity != 1 || p.Status != "active" {
		t.Errorf("enrolled %+v (capacity should default to the program's 1)", p)
	}
	if _, err := s.Participants.Enrol(app.EnrolInput{ProgramID: peerProg.ID, PersonID: ana.ID, Roles: app.ParticipantInput{Mentee: true}}); err == nil {
		t.Error("enrolled the same person twice")
	}
	p, err = s.Participants.Update(p.ID, app.ParticipantInput{Mentee: true, Status: "paused", Capacity: 3})
	if err != nil || p.Mentor || p.Capacity != 0 || p.Status != "paused" {
		t.Errorf("update: %+v %v (a non-mentor has no capacity)", p, err)
	}
}

func TestEnrolNewPerson(t *testing.T) {
	s, _ := mustOpen(t)
	prog := mustProgram(t, s, "evergreen")
	_, err := s.Participants.Enrol(app.EnrolInput{ProgramID: prog.ID, NewPerson: &app.PersonInput{Name: "Mei", Email: "mei@"},
		Roles: app.ParticipantInput{Mentee: true}})
	if err == nil || fieldOf(t, err) != "email" {
		t.Fatalf("bad new person accepted: %v", err)
	}
	if people, _ := s.People.List(); len(people) != 0 {
		t.Fatalf("a refused enrolment left a person behind: %+v", people)
	}
	p, err := s.Participants.Enrol(app.EnrolInput{ProgramID: prog.ID, NewPerson: &app.PersonInput{Name: "Mei Chen", Email: "mei@example.org"},
		Roles: app.ParticipantInput{Mentee: true, Peer: true}})
	if err != nil || p.Name != "Mei Chen" {
		t.Fatalf("enrol new person: %+v %v", p, err)
	}
}

func TestSaveAnswers(t *testing.T) {
	s, _ := mustOpen(t)
	prog := mustProgram(t, s, "evergreen")
	ana := mustPerson(t, s, "Ana Silva", "ana@example.org")
	part, err := s.Participants.Enrol(app.EnrolInput{ProgramID: prog.ID, PersonID: ana.ID, Roles: app.ParticipantInput{Mentee: true, Peer: true}})
	if err != nil {
		t.Fatal(err)
	}
	qs, _ := s.Questions.List(prog.ID)
	byPrompt := map[string]app.Question{}
	for _, q := range qs {
		byPrompt[q.Prompt] = q
	}
	want := byPrompt["Skills I want to grow"]
	years := byPrompt["Years of experience"]
	zone := byPrompt["Time zone"]
	goals := byPrompt["Goals"]

	good := []app.AnswerValue{
		{QuestionID: want.ID, Choices: []string{"python", "Leadership"}},
		{QuestionID: years.ID, Text: "7"},
		{QuestionID: zone.ID, Text: "Asia/Tokyo"},
		{QuestionID: goals.ID, Choices: []string{"Build confidence"}},
	}
	prof, err := s.Participants.SaveAnswers(part.ID, good)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]app.AnswerValue{}
	for _, a := range prof.Answers {
		got[a.Question.Prompt] = a.Value
	}
	if c := got["Skills I want to grow"].Choices; len(c) != 2 || c[0] != "Python" || c[1] != "Leadership" {
		t.Errorf("choices = %v (want the options' spelling)", c)
	}
	if got["Years of experience"].Text != "7" || got["Time zone"].Text != "Asia/Tokyo" || prof.Person.TimeZone != "Asia/Tokyo" {
		t.Errorf("answers = %+v person = %+v", got, prof.Person)
	}

	tests := []struct {
		name string
		in   []app.AnswerValue
		q    app.Question
	}{
		{"unknown option", []app.AnswerValue{{QuestionID: want.ID, Choices: []string{"Juggling"}}}, want},
		{"required left empty", []app.AnswerValue{{QuestionID: goals.ID}}, goals},
		{"not a number", []app.AnswerValue{{QuestionID: years.ID, Text: "seven"}}, years},
		{"bad zone", []app.AnswerValue{{QuestionID: years.ID, Text: "3"}, {QuestionID: zone.ID, Text: "Berlin"}}, zone},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.Participants.SaveAnswers(part.ID, tt.in)
			if err == nil {
				t.Fatal("want an error")
			}
			if f := fieldOf(t, err); f != "q:"+strconv.FormatInt(tt.q.ID, 10) {
				t.Errorf("field = %q, want the question %d (%v)", f, tt.q.ID, err)
			}
			if !strings.Contains(err.Error(), tt.q.Prompt) {
				t.Errorf("message %q does not name the question", err)
			}
			after, _ := s.Participants.Profile(part.ID)
			for _, a := range after.Answers {
				if a.Question.Prompt == "Years of experience" && a.Value.Text != "7" {
					t.Errorf("a refused save changed an answer: %+v", a.Value)
				}
			}
		})
	}
}
