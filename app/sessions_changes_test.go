package app_test

import (
	"encoding/base64"
	"strings"
	"testing"
	"time"

	"tandem/app"
	"tandem/app/invite"
)

// A new time needs new answers, and a late answer to the old time does not count.
func TestRescheduleResetsAnswersAndStaleRepliesAreIgnored(t *testing.T) {
	f := newMailFixture(t, nil)
	se := f.schedule(t, "2026-12-01T10:00")
	reply := func(seq int) string {
		b, err := invite.Build(invite.Reply, invite.Event{UID: se.UID, Sequence: seq, Start: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC),
			Duration: 45 * time.Minute, Summary: "Peer session", Organizer: invite.Attendee{Email: adminEmail},
			Attendees: []invite.Attendee{{Name: "Kenji Sato", Email: kenjiEmail, PartStat: "ACCEPTED"}}})
		if err != nil {
			t.Fatal(err)
		}
		return base64.StdEncoding.EncodeToString(b)
	}
	partStat := func() string {
		got, _ := f.s.Sessions.Get(se.ID)
		for _, a := range got.Attendees {
			if a.Email == kenjiEmail {
				return a.PartStat
			}
		}
		return ""
	}
	if _, err := f.s.Sessions.ImportRSVP(se.ID, "reply.ics", reply(0)); err != nil || partStat() != "ACCEPTED" {
		t.Fatalf("accept: %v %q", err, partStat())
	}
	// Same time, new place: the acceptance stands.
	in := f.session("2026-12-01T10:00")
	in.Location = "Room 5.01"
	if _, err := f.s.Sessions.Reschedule(se.ID, in); err != nil || partStat() != "ACCEPTED" {
		t.Fatalf("new place: %v %q", err, partStat())
	}
	// New time: everyone is asked again.
	if _, err := f.s.Sessions.Reschedule(se.ID, f.session("2026-12-02T10:00")); err != nil || partStat() != "NEEDS-ACTION" {
		t.Fatalf("new time: %v %q", err, partStat())
	}
	res, err := f.s.Sessions.ImportRSVP(se.ID, "late.ics", reply(1))
	if err == nil || !strings.Contains(err.Error(), "older version") || fieldOf(t, err) != "file" || res.Recorded || partStat() != "NEEDS-ACTION" {
		t.Errorf("a reply to SEQUENCE 1 after SEQUENCE 2: %+v %v %q", res, err, partStat())
	}
	if _, err := f.s.Sessions.ImportRSVP(se.ID, "current.ics", reply(2)); err != nil || partStat() != "ACCEPTED" {
		t.Errorf("a reply to the current version: %v %q", err, partStat())
	}
}

// An outdated message can never leave: rescheduling replaces held and failed ones too, and a
// replaced message cannot be requeued.
func TestOutdatedMessagesCannotBeSentLater(t *testing.T) {
	f := newMailFixture(t, nil)
	se := f.schedule(t, "2026-12-01T10:00")
	first := f.messages(t, "queued")
	if len(first) != 2 {
		t.Fatalf("queued %d", len(first))
	}
	// One invite failed, one is held (as after a crash).
	if _, err := f.d.SQL.Exec(`UPDATE outbox SET status = 'failed' WHERE id = ?`, first[0].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.d.SQL.Exec(`UPDATE outbox SET status = 'held' WHERE id = ?`, first[1].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Sessions.Reschedule(se.ID, f.session("2026-12-03T10:00")); err != nil {
		t.Fatal(err)
	}
	for _, m := range first {
		got, _ := f.s.Outbox.Get(m.ID)
		if got.Status != "cancelled" {
			t.Errorf("outdated message %d is %s, want cancelled", m.ID, got.Status)
		}
	}
	n, err := f.s.Outbox.Requeue([]int64{first[0].ID, first[1].ID})
	if err != nil || n != 0 {
		t.Errorf("requeued %d outdated messages (%v)", n, err)
	}
	if q := f.messages(t, "queued"); len(q) != 2 || !strings.Contains(q[0].Calendar, "SEQUENCE:1") {
		t.Errorf("queued after reschedule: %s", summary(q))
	}
}

func TestDeleteMissingAgendaTemplate(t *testing.T) {
	s, _ := mustOpen(t)
	if err := s.Agendas.Delete(9999); err == nil {
		t.Error("deleting a template that does not exist succeeded")
	}
}

func TestOutcomeOnlyAfterTheSessionStarted(t *testing.T) {
	f := newMailFixture(t, nil)
	se := f.schedule(t, "2026-12-01T10:00") // after the test clock's today
	if _, err := f.s.Sessions.RecordOutcome(se.ID, app.OutcomeInput{Status: "held", Rating: 4}); err == nil || fieldOf(t, err) != "status" {
		t.Errorf("a future session was marked held: %v", err)
	}
	past := f.schedule(t, "2026-11-20T10:00")
	got, err := f.s.Sessions.RecordOutcome(past.ID, app.OutcomeInput{Status: "held", Notes: "Good start", Rating: 4})
	if err != nil || got.Status != "held" || got.Rating != 4 || got.Notes != "Good start" {
		t.Errorf("outcome of a past session: %+v %v", got, err)
	}
	if _, err := f.s.Sessions.RecordOutcome(past.ID, app.OutcomeInput{Status: "held", Rating: 5}); err == nil || fieldOf(t, err) != "rating" {
		t.Errorf("rating 5 accepted: %v", err)
	}
}
