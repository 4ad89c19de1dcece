package app_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"tandem/app/sample"
	"tandem/db"
)

func TestSampleIsDeterministicAndRealistic(t *testing.T) {
	day := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	a, b := sample.Generate(day), sample.Generate(day)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two runs gave different sample data")
	}
	if len(a.People) < 70 || len(a.People) > 90 {
		t.Errorf("people = %d, want about 80", len(a.People))
	}
	zones, deps := map[string]bool{}, map[string]bool{}
	for _, p := range a.People {
		zones[p.TimeZone], deps[p.Department] = true, true
	}
	if len(zones) < 5 || len(deps) < 6 {
		t.Errorf("zones %d departments %d: not varied enough", len(zones), len(deps))
	}
}

func TestLoadSample(t *testing.T) {
	s, _ := mustOpen(t)
	st, err := s.System.State()
	if err != nil || !st.Empty {
		t.Fatalf("new database not empty: %+v %v", st, err)
	}
	res, err := s.System.LoadSample()
	if err != nil {
		t.Fatal(err)
	}
	progs, _ := s.Programs.List()
	if res.People != 80 || len(progs) != 2 {
		t.Fatalf("sample: %+v, programs %d", res, len(progs))
	}
	kinds := map[string]bool{}
	for _, p := range progs {
		kinds[p.Kind] = true
		if p.Counts.Participants < 20 || p.Counts.Mentors == 0 || p.Counts.Mentees == 0 {
			t.Errorf("%s counts %+v", p.Name, p.Counts)
		}
		if p.Kind == "evergreen" && (!p.PeerMentoring || p.Counts.Peers == 0) {
			t.Errorf("peer program: %+v", p)
		}
		if p.Kind == "cohort" && (p.RegistrationOpens == "" || p.StartsOn == "" || p.MatchingCloses == "") {
			t.Errorf("cohort without windows: %+v", p)
		}
	}
	if !kinds["evergreen"] || !kinds["cohort"] {
		t.Errorf("kinds = %v", kinds)
	}
	// Every participant answered the required questions.
	page, _ := s.Directory.Query(appQuery(progs[0].ID))
	prof, err := s.Participants.Profile(page.Rows[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range prof.Answers {
		if a.Question.Required && !a.Answered {
			t.Errorf("required %q unanswered", a.Question.Prompt)
		}
	}
	// The sessions' history: held and upcoming sessions, and today's messages in the outbox.
	box, err := s.Outbox.List("")
	if err != nil {
		t.Fatal(err)
	}
	msgKinds := map[string]int{}
	for _, m := range box.Messages {
		msgKinds[string(m.Status)+"/"+m.Kind]++
	}
	for _, want := range []string{"sent/invite", "queued/invite", "queued/update", "queued/cancellation"} {
		if msgKinds[want] == 0 {
			t.Errorf("no %s message in the sample outbox: %v", want, msgKinds)
		}
	}
	held, cancelled := 0, 0
	for _, p := range progs {
		rels, err := s.Relationships.List(p.ID)
		if err != nil || len(rels) == 0 {
			t.Fatalf("%s relationships: %d %v", p.Name, len(rels), err)
		}
		for _, r := range rels {
			held += r.SessionsHeld
			ss, _ := s.Sessions.ForRelationship(r.ID)
			for _, se := range ss {
				if se.Status == "cancelled" {
					cancelled++
				}
			}
		}
	}
	// Requests in every state.
	states := map[string]bool{}
	for _, p := range progs {
		rs, err := s.Requests.List(p.ID, "", "", false)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rs {
			states[string(r.Status)] = true
		}
	}
	for _, want := range []string{"pending", "approved", "intro_approved", "declined", "withdrawn", "expired"} {
		if !states[want] {
			t.Errorf("no %s request in the sample: %v", want, states)
		}
	}
	if len(msgKinds) == 0 {
		t.Error("no messages")
	}
	box2, _ := s.Outbox.List("queued")
	reqMail := map[string]bool{}
	for _, m := range box2.Messages {
		reqMail[m.Kind] = true
	}
	for _, want := range []string{"request_summary", "request_answer", "request_declined", "request_expired", "request_closed"} {
		if !reqMail[want] {
			t.Errorf("no queued %s email in the sample outbox", want)
		}
	}
	if held == 0 || cancelled == 0 {
		t.Errorf("held %d cancelled %d", held, cancelled)
	}
	if st, _ := s.System.State(); st.Empty {
		t.Error("state still empty after the sample")
	}
	if _, err := s.System.LoadSample(); err == nil {
		t.Error("the sample went into a database that is not empty")
	}
}

func TestRestoreBackup(t *testing.T) {
	s, d := mustOpen(t)
	mustProgram(t, s, "evergreen")
	if _, err := db.Backup(context.Background(), d.Path, testNow); err != nil {
		t.Fatal(err)
	}
	mustProgram(t, s, "cohort")
	st, err := s.System.State()
	if err != nil || len(st.Backups) != 1 {
		t.Fatalf("state: %+v %v", st, err)
	}
	if _, err := s.System.RestoreBackup("/etc/passwd"); err == nil {
		t.Error("restored from a file outside the backups folder")
	}
	st, err = s.System.RestoreBackup(st.Backups[0].Path)
	if err != nil {
		t.Fatal(err)
	}
	progs, _ := s.Programs.List()
	if len(progs) != 1 || progs[0].Kind != "evergreen" {
		t.Errorf("after restore: %+v", progs)
	}
	if len(st.Backups) != 2 {
		t.Errorf("the state before the restore was not kept: %d backups", len(st.Backups))
	}
}
