package app_test

import (
	"slices"
	"strings"
	"testing"

	"tandem/app"
)

// Withdrawing a participant first says what it does besides, then does all of it in one go:
// their pair closes with the reason, its upcoming session is cancelled (cancellations queued),
// the request they received is declined and the requester told.
func TestWithdrawingClosesWhatTheParticipantLeaves(t *testing.T) {
	f := newMailFixture(t, nil)
	se := f.schedule(t, "2027-03-01T10:00")
	lena := mustEnrol(t, f.s, f.prog.ID, app.PersonInput{Name: "Lena Berg", Email: "lena.berg@northwind.example", TimeZone: "Europe/Berlin"},
		app.ParticipantInput{Mentee: true, Peer: true})
	req, err := f.s.Requests.Create(app.RequestInput{ProgramID: f.prog.ID, Kind: "peer", RequesterID: lena.ID, RecipientID: f.ana.ID,
		Commitment: "intro", Sessions: 1})
	if err != nil {
		t.Fatal(err)
	}
	f.send(t) // the invites and the request's emails have left

	impact, err := f.s.Participants.LeavingImpact(f.ana.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(impact.Closes, []string{"Ana Silva and Kenji Sato"}) || impact.Sessions != 1 || impact.Requests != 1 || len(impact.Stays) != 0 {
		t.Fatalf("impact = %+v", impact)
	}
	if rel, _ := f.s.Relationships.Get(f.rel.ID); rel.Status != "active" {
		t.Fatal("the impact changed something")
	}

	roles := app.ParticipantInput{Mentee: true, Peer: true, Status: "withdrawn"}
	if _, err := f.s.Participants.Update(f.ana.ID, roles); err != nil {
		t.Fatal(err)
	}
	rel, err := f.s.Relationships.Get(f.rel.ID)
	if err != nil {
		t.Fatal(err)
	}
	if rel.Status != "cancelled" || rel.CloseReason != "Ana Silva left the program" {
		t.Errorf("relationship = %s (%q)", rel.Status, rel.CloseReason)
	}
	got, err := f.s.Sessions.Get(se.ID)
	if err != nil || got.Status != "cancelled" {
		t.Errorf("session = %+v, %v", got.Status, err)
	}
	cancels := 0
	for _, m := range f.messages(t, "queued") {
		if m.SessionID == se.ID && m.Method == "CANCEL" {
			cancels++
		}
	}
	if cancels != 2 {
		t.Errorf("%d cancellations queued, want one to each attendee: %s", cancels, summary(f.messages(t, "")))
	}
	r, err := f.s.Requests.Get(req.ID)
	if err != nil || r.Status != "declined" {
		t.Fatalf("request = %+v, %v", r.Status, err)
	}
	told := false
	for _, m := range f.messages(t, "queued") {
		if m.ToEmail == "lena.berg@northwind.example" && m.Kind == "request_declined" && strings.Contains(m.Text, "left the program") {
			told = true
		}
	}
	if !told {
		t.Errorf("Lena was not told that Ana left: %s", summary(f.messages(t, "")))
	}
	// Withdrawing again does nothing more.
	before := len(f.messages(t, ""))
	if _, err := f.s.Participants.Update(f.ana.ID, roles); err != nil {
		t.Fatal(err)
	}
	if after := len(f.messages(t, "")); after != before {
		t.Errorf("withdrawing twice queued %d more messages", after-before)
	}
}

// Removing a person says, program by program, what their leaving does, and does it.
func TestRemovingAPersonLeavesEveryProgram(t *testing.T) {
	f := newMailFixture(t, nil)
	f.schedule(t, "2027-03-01T10:00")
	impact, err := f.s.People.RemovalImpact(f.ana.PersonID)
	if err != nil {
		t.Fatal(err)
	}
	if !impact.Kept || len(impact.Leaving) != 1 || impact.Leaving[0].Program != f.prog.Name || impact.Leaving[0].Sessions != 1 {
		t.Fatalf("impact = %+v", impact)
	}
	if _, err := f.s.People.Remove(f.ana.PersonID); err != nil {
		t.Fatal(err)
	}
	if rel, _ := f.s.Relationships.Get(f.rel.ID); rel.Status != "cancelled" {
		t.Errorf("relationship = %s after removing Ana", rel.Status)
	}
}
