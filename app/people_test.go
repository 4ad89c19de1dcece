package app_test

import (
	"testing"

	"tandem/app"
)

func TestPersonValidation(t *testing.T) {
	s, _ := mustOpen(t)
	tests := []struct {
		name  string
		in    app.PersonInput
		field string
	}{
		{"no name", app.PersonInput{Email: "a@example.org"}, "name"},
		{"bad email", app.PersonInput{Name: "Ana", Email: "ana@"}, "email"},
		{"email without dot", app.PersonInput{Name: "Ana", Email: "ana@localhost"}, "email"},
		{"display name", app.PersonInput{Name: "Ana", Email: "Ana <ana@example.org>"}, "email"},
		{"bad zone", app.PersonInput{Name: "Ana", Email: "ana@example.org", TimeZone: "Mars/Olympus"}, "timeZone"},
		{"abbreviation zone", app.PersonInput{Name: "Ana", Email: "ana@example.org", TimeZone: "EST"}, "timeZone"},
		{"own manager", app.PersonInput{Name: "Ana", Email: "ana@example.org", ManagerEmail: "ANA@example.org"}, "managerEmail"},
		{"line break in title", app.PersonInput{Name: "Ana", Email: "ana@example.org", Title: "Lead\nEngineer"}, "title"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.People.Create(tt.in)
			if err == nil {
				t.Fatal("want an error")
			}
			if got := fieldOf(t, err); got != tt.field {
				t.Errorf("field = %q, want %q (%v)", got, tt.field, err)
			}
		})
	}
	if all, _ := s.People.List(); len(all) != 0 {
		t.Errorf("refused people were stored: %+v", all)
	}
}

func TestPersonEmailIsUniqueWithoutCase(t *testing.T) {
	s, _ := mustOpen(t)
	ana := mustPerson(t, s, "Ana Silva", "Ana.Silva@Example.org")
	_, err := s.People.Create(app.PersonInput{Name: "Other Ana", Email: "ana.silva@example.ORG"})
	if err == nil || fieldOf(t, err) != "email" {
		t.Fatalf("duplicate email accepted: %v", err)
	}
	jai := mustPerson(t, s, "Jai Patel", "jai@example.org")
	_, err = s.People.Update(jai.ID, app.PersonInput{Name: "Jai Patel", Email: "ANA.SILVA@example.org"})
	if err == nil || fieldOf(t, err) != "email" {
		t.Fatalf("update to another's email accepted: %v", err)
	}
	got, err := s.People.Update(ana.ID, app.PersonInput{Name: "Ana Silva", Email: "ana.silva@example.org", Title: "Lead"})
	if err != nil || got.Title != "Lead" || got.Email != "ana.silva@example.org" {
		t.Fatalf("update own email case: %+v %v", got, err)
	}
}

func TestRemovePerson(t *testing.T) {
	s, _ := mustOpen(t)
	prog := mustProgram(t, s, "evergreen")
	loner := mustPerson(t, s, "No History", "loner@example.org")
	ana := mustPerson(t, s, "Ana Silva", "ana@example.org")
	part, err := s.Participants.Enrol(app.EnrolInput{ProgramID: prog.ID, PersonID: ana.ID, Roles: app.ParticipantInput{Mentee: true}})
	if err != nil {
		t.Fatal(err)
	}

	impact, err := s.People.RemovalImpact(loner.ID)
	if err != nil || impact.Kept || impact.Programs != 0 {
		t.Fatalf("impact without history = %+v %v", impact, err)
	}
	impact, _ = s.People.RemovalImpact(ana.ID)
	if !impact.Kept || impact.Programs != 1 {
		t.Fatalf("impact with history = %+v", impact)
	}

	if r, err := s.People.Remove(loner.ID); err != nil || r.Kept {
		t.Fatalf("remove loner: %+v %v", r, err)
	}
	if r, err := s.People.Remove(ana.ID); err != nil || !r.Kept {
		t.Fatalf("remove ana: %+v %v", r, err)
	}
	people, _ := s.People.List()
	if len(people) != 0 {
		t.Errorf("removed people still listed: %+v", people)
	}
	// Ana's history is kept: her participation is there, withdrawn.
	got, err := s.Participants.Get(part.ID)
	if err != nil || got.Status != "withdrawn" || got.Email != "ana@example.org" {
		t.Fatalf("history after removal: %+v %v", got, err)
	}
	// Adding her again brings the same person back, history joined up.
	back, err := s.People.Create(app.PersonInput{Name: "Ana Silva", Email: "ANA@example.org"})
	if err != nil || back.ID != ana.ID {
		t.Fatalf("re-adding a removed person: %+v %v (want id %d)", back, err, ana.ID)
	}
}
