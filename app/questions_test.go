package app_test

import (
	"testing"

	"tandem/app"
)

func TestDefaultQuestionnaire(t *testing.T) {
	s, _ := mustOpen(t)
	prog := mustProgram(t, s, "evergreen")
	qs, err := s.Questions.List(prog.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Department", "Location", "Time zone", "Years of experience", "Skills I can offer",
		"Skills I want to grow", "Goals", "Interests", "Languages", "Preferred commitment"}
	if len(qs) != len(want) {
		t.Fatalf("questions = %d, want %d", len(qs), len(want))
	}
	byID := map[int64]app.Question{}
	for i, q := range qs {
		byID[q.ID] = q
		if q.Prompt != want[i] || q.Position != i+1 {
			t.Errorf("question %d = %q at %d, want %q", i, q.Prompt, q.Position, want[i])
		}
	}
	offer, grow := qs[4], qs[5]
	if offer.Rule != "complement" || offer.ComplementID != grow.ID || grow.ComplementID != offer.ID {
		t.Errorf("offers/wants not linked both ways: %+v / %+v", offer, grow)
	}
	if qs[2].PersonField != "time_zone" || qs[2].Rule != "within" || qs[2].RuleHours != 3 {
		t.Errorf("time zone question = %+v", qs[2])
	}
}

func TestEditQuestions(t *testing.T) {
	s, _ := mustOpen(t)
	prog := mustProgram(t, s, "evergreen")
	bad := []struct {
		name  string
		in    app.QuestionInput
		field string
	}{
		{"no prompt", app.QuestionInput{Kind: "text"}, "prompt"},
		{"duplicate prompt", app.QuestionInput{Prompt: "goals", Kind: "text"}, "prompt"},
		{"one option", app.QuestionInput{Prompt: "Team size", Kind: "single", Options: []string{"Small"}}, "options"},
		{"repeated option", app.QuestionInput{Prompt: "Team size", Kind: "single", Options: []string{"Small", "small"}}, "options"},
		{"closest on text", app.QuestionInput{Prompt: "Motto", Kind: "text", Rule: "closest"}, "rule"},
		{"custom weight 0", app.QuestionInput{Prompt: "Motto", Kind: "text", Rule: "same", Weight: "custom"}, "customWeight"},
		{"scale backwards", app.QuestionInput{Prompt: "Energy", Kind: "scale", ScaleMin: 5, ScaleMax: 1}, "scaleMax"},
		{"bad kind", app.QuestionInput{Prompt: "Energy", Kind: "slider"}, "kind"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.Questions.Create(prog.ID, tt.in)
			if err == nil {
				t.Fatal("want an error")
			}
			if got := fieldOf(t, err); got != tt.field {
				t.Errorf("field = %q, want %q (%v)", got, tt.field, err)
			}
		})
	}

	q, err := s.Questions.Create(prog.ID, app.QuestionInput{Prompt: "Team size", Kind: "single", Options: []string{"Small", "Large"},
		Audience: "mentors", Rule: "same", Weight: "custom", CustomWeight: 7})
	if err != nil {
		t.Fatal(err)
	}
	if q.Position != 11 || q.CustomWeight != 7 || q.Audience != "mentors" {
		t.Errorf("created %+v", q)
	}

	// Answer it, then try changes that would orphan the answer.
	ana := mustPerson(t, s, "Ana", "ana@example.org")
	part, err := s.Participants.Enrol(app.EnrolInput{ProgramID: prog.ID, PersonID: ana.ID, Roles: app.ParticipantInput{Mentor: true}})
	if err != nil {
		t.Fatal(err)
	}
	qs, _ := s.Questions.List(prog.ID)
	goals := qs[6]
	if _, err := s.Participants.SaveAnswers(part.ID, []app.AnswerValue{{QuestionID: q.ID, Text: "Large"},
		{QuestionID: goals.ID, Choices: []string{"Learn a new skill"}}}); err != nil {
		t.Fatal(err)
	}
	in := app.QuestionInput{Prompt: "Team size", Kind: "text", Audience: "mentors"}
	if _, err := s.Questions.Update(q.ID, in); err == nil || fieldOf(t, err) != "kind" {
		t.Errorf("kind change of an answered question: %v", err)
	}
	in = app.QuestionInput{Prompt: "Team size", Kind: "single", Options: []string{"Small", "Medium"}, Audience: "mentors"}
	if _, err := s.Questions.Update(q.ID, in); err == nil || fieldOf(t, err) != "options" {
		t.Errorf("removing a chosen option: %v", err)
	}
	in.Options = []string{"Small", "Medium", "Large"}
	q, err = s.Questions.Update(q.ID, in)
	if err != nil || len(q.Options) != 3 || q.Answers != 1 {
		t.Fatalf("adding an option: %+v %v", q, err)
	}

	// Reorder: the new question first.
	ids := []int64{q.ID}
	for _, x := range qs {
		if x.ID != q.ID {
			ids = append(ids, x.ID)
		}
	}
	// Person-record questions count the participants whose record has the field.
	zoneCount := func(zone string) int {
		if _, err := s.People.Update(ana.ID, app.PersonInput{Name: "Ana", Email: "ana@example.org", TimeZone: zone}); err != nil {
			t.Fatal(err)
		}
		qs, _ = s.Questions.List(prog.ID)
		for _, x := range qs {
			if x.Prompt == "Time zone" {
				return x.Answers
			}
		}
		return -1
	}
	if n := zoneCount(""); n != 0 {
		t.Errorf("time zone answered by %d with no zone on record", n)
	}
	if n := zoneCount("Europe/Lisbon"); n != 1 {
		t.Errorf("time zone answered by %d, want 1", n)
	}
	qs, err = s.Questions.Reorder(prog.ID, ids)
	if err != nil || qs[0].ID != q.ID || qs[0].Position != 1 || qs[1].Prompt != "Department" {
		t.Fatalf("reorder: %v", err)
	}
	if _, err := s.Questions.Reorder(prog.ID, ids[1:]); err == nil {
		t.Error("a reorder that leaves a question out was accepted")
	}

	// Delete: the answers go with it and the others close the gap.
	if err := s.Questions.Delete(q.ID); err != nil {
		t.Fatal(err)
	}
	qs, _ = s.Questions.List(prog.ID)
	if len(qs) != 10 || qs[0].Position != 1 || qs[9].Position != 10 {
		t.Errorf("after delete: %d questions", len(qs))
	}
}
