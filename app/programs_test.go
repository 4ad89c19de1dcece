package app_test

import (
	"testing"

	"tandem/app"
)

func TestProgramDefaultsByKind(t *testing.T) {
	s, _ := mustOpen(t)
	tests := []struct {
		kind     string
		peer     bool
		groupMin int
	}{
		{"evergreen", true, 0},
		{"cohort", false, 0},
		{"group", false, 3},
	}
	for _, tt := range tests {
		t.Run(tt.kind, func(t *testing.T) {
			in := s.Programs.NewProgramDefaults(tt.kind)
			if in.PeerMentoring != tt.peer || in.GroupMin != tt.groupMin || in.MentorRequestExpiryDays != 14 || in.DefaultCapacity != 1 {
				t.Errorf("defaults for %s = %+v", tt.kind, in)
			}
		})
	}
}

func TestCreateProgramValidation(t *testing.T) {
	s, _ := mustOpen(t)
	base := func(kind string) app.ProgramInput {
		in := s.Programs.NewProgramDefaults(kind)
		in.Name = "Peer Circles"
		return in
	}
	tests := []struct {
		name  string
		edit  func(*app.ProgramInput)
		field string
	}{
		{"no name", func(p *app.ProgramInput) { p.Name = "  " }, "name"},
		{"bad kind", func(p *app.ProgramInput) { p.Kind = "weekly" }, "kind"},
		{"cohort without dates", func(p *app.ProgramInput) { p.Kind = "cohort" }, "startsOn"},
		{"cohort ends before start", func(p *app.ProgramInput) {
			p.Kind, p.StartsOn, p.EndsOn = "cohort", "2027-03-01", "2027-02-01"
		}, "endsOn"},
		{"bad date", func(p *app.ProgramInput) { p.Kind, p.StartsOn, p.EndsOn = "cohort", "2027-02-30", "2027-05-01" }, "startsOn"},
		{"registration window backwards", func(p *app.ProgramInput) {
			p.Kind, p.StartsOn, p.EndsOn, p.RegistrationOpens, p.RegistrationCloses = "cohort", "2027-03-01", "2027-06-01", "2027-02-10", "2027-02-01"
		}, "registrationCloses"},
		{"group too small", func(p *app.ProgramInput) { p.Kind, p.GroupMin, p.GroupMax = "group", 1, 4 }, "groupMin"},
		{"group max below min", func(p *app.ProgramInput) { p.Kind, p.GroupMin, p.GroupMax = "group", 4, 3 }, "groupMax"},
		{"group ends before start", func(p *app.ProgramInput) {
			p.Kind, p.GroupMin, p.GroupMax, p.StartsOn, p.EndsOn = "group", 3, 5, "2027-03-01", "2027-02-01"
		}, "endsOn"},
		{"capacity too big", func(p *app.ProgramInput) { p.DefaultCapacity = 99 }, "defaultCapacity"},
		{"expiry too long", func(p *app.ProgramInput) { p.MentorRequestExpiryDays = 400 }, "mentorRequestExpiryDays"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := base("evergreen")
			tt.edit(&in)
			_, err := s.Programs.Create(in)
			if err == nil {
				t.Fatal("want an error")
			}
			if got := fieldOf(t, err); got != tt.field {
				t.Errorf("field = %q, want %q (%v)", got, tt.field, err)
			}
		})
	}
	if all, _ := s.Programs.List(); len(all) != 0 {
		t.Errorf("a refused program was stored: %+v", all)
	}
}

func TestProgramLifecycleAndCounts(t *testing.T) {
	s, _ := mustOpen(t)
	p := mustProgram(t, s, "cohort")
	if p.PeerMentoring || p.Status != "open" || p.StartsOn != "2027-01-10" {
		t.Fatalf("created %+v", p)
	}
	in := s.Programs.NewProgramDefaults("cohort")
	in.Name, in.StartsOn, in.EndsOn, in.PeerMentoring = "Renamed", "2027-02-01", "2027-07-01", true
	in.MatchingOpens, in.MatchingCloses = "2027-01-10", "2027-01-20T00:00:00Z"
	p, err := s.Programs.Update(p.ID, in)
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "Renamed" || !p.PeerMentoring || p.MatchingCloses != "2027-01-20" {
		t.Errorf("updated %+v", p)
	}

	ana := mustPerson(t, s, "Ana Silva", "ana@example.org")
	jai := mustPerson(t, s, "Jai Patel", "jai@example.org")
	if _, err := s.Participants.Enrol(app.EnrolInput{ProgramID: p.ID, PersonID: ana.ID, Roles: app.ParticipantInput{Mentor: true, Peer: true}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Participants.Enrol(app.EnrolInput{ProgramID: p.ID, PersonID: jai.ID, Roles: app.ParticipantInput{Mentee: true}}); err != nil {
		t.Fatal(err)
	}
	p, _ = s.Programs.Get(p.ID)
	if want := (app.Counts{Participants: 2, Mentors: 1, Mentees: 1, Peers: 1}); p.Counts != want {
		t.Errorf("counts = %+v, want %+v", p.Counts, want)
	}

	in.Status = "active"
	if p, err = s.Programs.Update(p.ID, in); err != nil {
		t.Fatal(err)
	}
	p, err = s.Programs.Archive(p.ID)
	if err != nil || p.Status != "archived" {
		t.Fatalf("archive: %+v %v", p, err)
	}
	p, err = s.Programs.Unarchive(p.ID)
	if err != nil || p.Status != "active" {
		t.Fatalf("unarchive: %+v %v (want the status it had before: active)", p, err)
	}
	if _, err := s.Programs.Unarchive(p.ID); err == nil {
		t.Error("unarchiving a program that is not archived succeeded")
	}
	if _, err := s.Programs.Archive(999); err == nil {
		t.Error("archiving a missing program succeeded")
	}
}

// Groups are a cohort design (seed 003): they keep their dates, which are optional; an
// evergreen program has none.
func TestGroupsKeepTheirDates(t *testing.T) {
	s, _ := mustOpen(t)
	in := s.Programs.NewProgramDefaults("group")
	in.Name, in.StartsOn, in.EndsOn, in.MatchingOpens = "Circles", "2027-02-01", "2027-06-30", "2027-01-15"
	p, err := s.Programs.Create(in)
	if err != nil {
		t.Fatal(err)
	}
	if p.StartsOn != "2027-02-01" || p.EndsOn != "2027-06-30" || p.MatchingOpens != "2027-01-15" {
		t.Errorf("a group's dates were dropped: %+v", p)
	}
	in.Name, in.StartsOn, in.EndsOn, in.MatchingOpens = "Open circles", "", "", ""
	if _, err := s.Programs.Create(in); err != nil {
		t.Errorf("a group without dates: %v", err)
	}
	ev := s.Programs.NewProgramDefaults("evergreen")
	ev.Name, ev.StartsOn, ev.EndsOn = "Always on", "2027-02-01", "2027-06-30"
	e, err := s.Programs.Create(ev)
	if err != nil || e.StartsOn != "" || e.EndsOn != "" {
		t.Errorf("an evergreen program keeps no dates: %+v %v", e, err)
	}
}
