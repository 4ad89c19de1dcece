package app_test

import (
	"strings"
	"testing"

	"tandem/app"
)

func TestCreateRelationshipRefusesBadMembers(t *testing.T) {
	f := newMailFixture(t, nil) // Ana–Kenji peer relationship already open
	s := f.s
	enrol := func(name string, roles app.ParticipantInput) app.Participant {
		return mustEnrol(t, s, f.prog.ID, app.PersonInput{Name: name, Email: strings.ToLower(strings.ReplaceAll(name, " ", ".")) + "@northwind.example",
			TimeZone: "Europe/Berlin"}, roles)
	}
	mentor := enrol("Mia Mentor", app.ParticipantInput{Mentor: true, Capacity: 1})
	mentor2 := enrol("Max Mentor", app.ParticipantInput{Mentor: true, Capacity: 1})
	mentee := enrol("Lea Mentee", app.ParticipantInput{Mentee: true})
	mentee2 := enrol("Ole Mentee", app.ParticipantInput{Mentee: true})
	paused := enrol("Pia Paused", app.ParticipantInput{Mentee: true, Peer: true})
	if _, err := s.Participants.Update(paused.ID, app.ParticipantInput{Mentee: true, Peer: true, Status: "paused"}); err != nil {
		t.Fatal(err)
	}
	// Mia is at capacity once she mentors Lea.
	if _, err := s.Relationships.Create(app.RelationshipInput{ProgramID: f.prog.ID, Kind: "mentorship",
		Members: []app.MemberInput{{ParticipantID: mentor.ID, Role: "mentor"}, {ParticipantID: mentee.ID, Role: "mentee"}}}); err != nil {
		t.Fatal(err)
	}
	other := mustProgram(t, s, "cohort")
	stranger := mustEnrol(t, s, other.ID, app.PersonInput{Name: "Sol Stranger", Email: "sol@northwind.example"}, app.ParticipantInput{Mentee: true})

	m := func(id int64, role string) app.MemberInput { return app.MemberInput{ParticipantID: id, Role: role} }
	tests := []struct {
		name    string
		kind    string
		members []app.MemberInput
		field   string
		says    string
	}{
		{"two mentees", "mentorship", []app.MemberInput{m(mentee.ID, "mentee"), m(mentee2.ID, "mentee")}, "members", "one mentor and one mentee"},
		{"two mentors", "mentorship", []app.MemberInput{m(mentor2.ID, "mentor"), m(f.ken.ID, "mentor")}, "members", "one mentor and one mentee"},
		{"no roles", "mentorship", []app.MemberInput{m(mentor2.ID, ""), m(mentee2.ID, "")}, "members", "who is the mentor"},
		{"mentee as mentor", "mentorship", []app.MemberInput{m(mentee2.ID, "mentor"), m(mentee.ID, "mentee")}, "members", "is not a mentor"},
		{"one person", "mentorship", []app.MemberInput{m(mentor2.ID, "mentor")}, "members", "two people"},
		{"mentor at capacity", "mentorship", []app.MemberInput{m(mentor.ID, "mentor"), m(mentee2.ID, "mentee")}, "members", "capacity is 1"},
		{"pair already open", "peer", []app.MemberInput{m(f.ken.ID, ""), m(f.ana.ID, "")}, "members", "already have an open relationship"},
		{"paused participant", "peer", []app.MemberInput{m(f.ana.ID, ""), m(paused.ID, "")}, "members", "paused"},
		{"not a peer", "peer", []app.MemberInput{m(f.ana.ID, ""), m(mentee2.ID, "")}, "members", "not registered as a peer"},
		{"same person twice", "peer", []app.MemberInput{m(f.ana.ID, ""), m(f.ana.ID, "")}, "members", "twice"},
		{"another program's participant", "mentorship", []app.MemberInput{m(mentor2.ID, "mentor"), m(stranger.ID, "mentee")}, "members", "participants of"},
		{"a group of two", "group", []app.MemberInput{m(mentor2.ID, ""), m(mentee2.ID, "")}, "members", "have at least 3 people"},
		{"unknown kind", "trio", []app.MemberInput{m(mentor2.ID, "mentor"), m(mentee2.ID, "mentee")}, "kind", "Choose"},
	}
	before, _ := s.Relationships.List(f.prog.ID)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.Relationships.Create(app.RelationshipInput{ProgramID: f.prog.ID, Kind: tt.kind, Members: tt.members})
			if err == nil {
				t.Fatal("want an error")
			}
			if got := fieldOf(t, err); got != tt.field || !strings.Contains(err.Error(), tt.says) {
				t.Errorf("field %q %q, want %q saying %q", got, err, tt.field, tt.says)
			}
		})
	}
	after, _ := s.Relationships.List(f.prog.ID)
	if len(after) != len(before) {
		t.Errorf("refused relationships were created: %d, want %d", len(after), len(before))
	}

	// A second mentor with room is fine, and the relationship reads back with its members.
	r, err := s.Relationships.Create(app.RelationshipInput{ProgramID: f.prog.ID, Kind: "mentorship",
		Members: []app.MemberInput{m(mentor2.ID, "mentor"), m(mentee2.ID, "mentee")}})
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != "active" || r.Origin != "admin" || r.Commitment != "long_term" || r.PlannedSessions != 6 || len(r.Members) != 2 || r.Title != "Max Mentor and Ole Mentee" {
		t.Errorf("created %+v", r)
	}
}

func TestPauseAndResumeRelationship(t *testing.T) {
	f := newMailFixture(t, nil)
	r, err := f.s.Relationships.Pause(f.rel.ID)
	if err != nil || r.Status != "on_hold" {
		t.Fatalf("pause: %+v %v", r, err)
	}
	if _, err := f.s.Relationships.Pause(f.rel.ID); err == nil {
		t.Error("paused twice")
	}
	if _, err := f.s.Sessions.Schedule(f.session("2026-12-01T10:00")); err == nil || !strings.Contains(err.Error(), "on hold") {
		t.Errorf("scheduled on a paused relationship: %v", err)
	}
	// On hold still counts as open: the pair cannot be created again.
	_, err = f.s.Relationships.Create(app.RelationshipInput{ProgramID: f.prog.ID, Kind: "peer",
		Members: []app.MemberInput{{ParticipantID: f.ana.ID}, {ParticipantID: f.ken.ID}}})
	if err == nil || fieldOf(t, err) != "members" {
		t.Errorf("a paused pair was created again: %v", err)
	}
	if r, err = f.s.Relationships.Resume(f.rel.ID); err != nil || r.Status != "active" {
		t.Fatalf("resume: %+v %v", r, err)
	}
	if _, err := f.s.Relationships.Resume(f.rel.ID); err == nil {
		t.Error("resumed an active relationship")
	}
	f.schedule(t, "2026-12-01T10:00")
}

func TestCloseRelationship(t *testing.T) {
	f := newMailFixture(t, nil)
	tests := []struct {
		name  string
		in    app.CloseInput
		field string
	}{
		{"no reason", app.CloseInput{Status: "completed", Reason: "  "}, "reason"},
		{"bad status", app.CloseInput{Status: "finished", Reason: "Done"}, "status"},
		{"reason too long", app.CloseInput{Status: "completed", Reason: strings.Repeat("x", 1001)}, "reason"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := f.s.Relationships.Close(f.rel.ID, tt.in)
			if err == nil {
				t.Fatal("want an error")
			}
			if got := fieldOf(t, err); got != tt.field {
				t.Errorf("field %q, want %q (%v)", got, tt.field, err)
			}
		})
	}
	if r, _ := f.s.Relationships.Get(f.rel.ID); r.Status != "active" {
		t.Fatalf("a refused close changed the status to %s", r.Status)
	}

	past := f.schedule(t, "2026-11-20T10:00") // before the test clock's now
	sent := f.schedule(t, "2026-12-01T10:00")
	f.send(t)
	unsent := f.schedule(t, "2026-12-08T10:00")
	unsentInvites := f.messages(t, "queued")

	r, err := f.s.Relationships.Close(f.rel.ID, app.CloseInput{Status: "completed", Reason: "Goals reached",
		ThankYou: true, Message: "Thank you both for a great year!"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != "completed" || r.CloseReason != "Goals reached" || r.ClosedBy != "Sam Admin" || r.ClosedAt != "2026-11-23T09:30:00Z" {
		t.Errorf("closed = %+v", r)
	}
	status := func(id int64) string {
		se, err := f.s.Sessions.Get(id)
		if err != nil {
			t.Fatal(err)
		}
		return string(se.Status)
	}
	if status(past.ID) != "scheduled" || status(sent.ID) != "cancelled" || status(unsent.ID) != "cancelled" {
		t.Errorf("sessions: past %s, sent %s, unsent %s", status(past.ID), status(sent.ID), status(unsent.ID))
	}
	for _, m := range unsentInvites {
		if got, _ := f.s.Outbox.Get(m.ID); got.Status != "cancelled" {
			t.Errorf("unsent invite %d is %s", m.ID, got.Status)
		}
	}

	queued := f.messages(t, "queued")
	var cancellations, closings []app.OutboxMessage
	for _, m := range queued {
		switch m.Kind {
		case "cancellation":
			cancellations = append(cancellations, m)
		case "closing":
			closings = append(closings, m)
		default:
			t.Errorf("unexpected %s message to %s", m.Kind, m.ToEmail)
		}
	}
	if len(cancellations) != 2 {
		t.Fatalf("cancellations %s, want one per attendee of the invited session", summary(cancellations))
	}
	for _, c := range cancellations {
		if c.SessionID != sent.ID || icsProp(t, c.Calendar, "METHOD") != "CANCEL" || !strings.Contains(c.Text, "The relationship has closed.") {
			t.Errorf("cancellation %+v", c)
		}
	}
	if len(closings) != 2 {
		t.Fatalf("closing emails %s, want one per member", summary(closings))
	}
	for _, email := range []string{anaEmail, kenjiEmail} {
		c := byRecipient(t, closings, email)
		if !strings.Contains(c.Text, "Thank you both for a great year!") || !strings.Contains(c.HTML, "Thank you both for a great year!") ||
			c.Calendar != "" || c.RelationshipID != f.rel.ID {
			t.Errorf("closing email to %s:\n%s", email, c.Text)
		}
	}
	if c := byRecipient(t, closings, kenjiEmail); !strings.Contains(c.Text, "Hello Kenji,") || !strings.Contains(c.Text, "with Ana Silva") {
		t.Errorf("Kenji's closing email:\n%s", c.Text)
	}

	if _, err := f.s.Relationships.Close(f.rel.ID, app.CloseInput{Status: "cancelled", Reason: "again"}); err == nil {
		t.Error("closed a closed relationship")
	}
	if _, err := f.s.Sessions.Schedule(f.session("2026-12-15T10:00")); err == nil {
		t.Error("scheduled a session of a closed relationship")
	}

	// Closed, the pair may start again.
	if _, err := f.s.Relationships.Create(app.RelationshipInput{ProgramID: f.prog.ID, Kind: "peer",
		Members: []app.MemberInput{{ParticipantID: f.ana.ID}, {ParticipantID: f.ken.ID}}}); err != nil {
		t.Errorf("a closed pair cannot start again: %v", err)
	}
}

func TestCloseWithoutThankYouQueuesNoClosingEmail(t *testing.T) {
	f := newMailFixture(t, nil)
	if _, err := f.s.Relationships.Close(f.rel.ID, app.CloseInput{Status: "cancelled", Reason: "Kenji left the company"}); err != nil {
		t.Fatal(err)
	}
	if all := f.messages(t, ""); len(all) != 0 {
		t.Errorf("outbox = %s", summary(all))
	}
	r, _ := f.s.Relationships.Get(f.rel.ID)
	if r.Status != "cancelled" || r.CloseReason != "Kenji left the company" {
		t.Errorf("closed = %+v", r)
	}
}
