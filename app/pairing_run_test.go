package app_test

import (
	"context"
	"database/sql"
	"slices"
	"strings"
	"testing"

	"tandem/app"
)

// A pairing run solves with no write lock held: another connection that will not wait at all
// can write meanwhile. When it does, the run reads again inside its write, so a participant
// withdrawn while it solved is not in the draft.
func TestPairingRunSolvesWithoutTheWriteLock(t *testing.T) {
	s, d := mustOpen(t)
	if _, err := s.System.LoadSample(); err != nil {
		t.Fatal(err)
	}
	list, err := s.Programs.List()
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(list, func(p app.Program) bool { return p.Name == "Spring Leadership Cohort" })
	prog := list[i]
	first, err := s.Pairing.Run(app.RunInput{ProgramID: prog.ID, Mode: "mentoring", Objective: "max_weight"})
	if err != nil || len(first.Items) == 0 {
		t.Fatalf("first run: %d items, %v", len(first.Items), err)
	}
	gone := first.Items[0].Members[0].ParticipantID

	other, err := sql.Open("sqlite", "file:"+d.Path+"?_pragma=busy_timeout(0)")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	calls := 0
	s.Pairing.WhileSolving(func() {
		calls++
		if calls == 1 {
			if _, err := other.ExecContext(context.Background(), `UPDATE participants SET status = 'withdrawn' WHERE id = ?`, gone); err != nil {
				t.Errorf("a write while the run solved failed: %v", err)
			}
		}
	})
	again, err := s.Pairing.Run(app.RunInput{ProgramID: prog.ID, Mode: "mentoring", Objective: "max_weight"})
	if err != nil {
		t.Fatal(err)
	}
	if calls != 2 {
		t.Errorf("the run solved %d times; after a change meanwhile it should solve again once", calls)
	}
	for _, it := range again.Items {
		if slices.Contains(memberIDs(it), gone) {
			t.Errorf("participant %d was withdrawn while the run solved, yet is paired in %v", gone, memberIDs(it))
		}
	}
}

// Wish ranks count: a first wish adds the whole bonus, a second two thirds, a third one third.
func TestWishRanksCount(t *testing.T) {
	s, prog := sampleProgram(t, "Peer Circles")
	d, err := s.Pairing.Run(app.RunInput{ProgramID: prog.ID, Mode: "peers", Objective: "max_weight"})
	if err != nil {
		t.Fatal(err)
	}
	x := d.Items[0].Members[0]
	wished := []app.DraftMember{d.Items[1].Members[0], d.Items[2].Members[0], d.Items[3].Members[0]}
	var wishes []app.PreferencePerson
	for _, w := range wished {
		wishes = append(wishes, app.PreferencePerson{ParticipantID: w.ParticipantID})
	}
	for _, it := range d.Items[:4] { // free them, to check the pairs by hand
		if _, err := s.Pairing.Remove(it.ID); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Pairing.SavePreferences(app.Preferences{ParticipantID: x.ParticipantID, Wishes: wishes}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Pairing.SaveOptions(prog.ID, app.PairingOptions{WishBonus: 90, WishPairs: "review"}); err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"as their first wish (+90)", "as their second wish (+60)", "as their third wish (+30)"} {
		c, err := s.Pairing.Check(app.ManualInput{DraftID: d.ID, Members: []app.MemberInput{{ParticipantID: x.ParticipantID}, {ParticipantID: wished[i].ParticipantID}}})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(strings.Join(c.Reasons, "\n"), want) {
			t.Errorf("wish %d: reasons %q, want %q", i+1, c.Reasons, want)
		}
	}
}

// A forbid and a wish are separate: forbidding a pair never erases a participant's wish for it,
// lifting the forbid leaves the wish, and saving wishes never lifts the forbid.
func TestForbidAndWishAreSeparate(t *testing.T) {
	s, prog := sampleProgram(t, "Peer Circles")
	parts, err := s.Directory.Query(app.DirectoryQuery{ProgramID: prog.ID, Role: "peer", Limit: 2})
	if err != nil || len(parts.Rows) < 2 {
		t.Fatalf("peers: %v", err)
	}
	// The admin's forbid is kept under the lower id first: the wisher has it, so the rows meet.
	x, y := min(parts.Rows[0].ID, parts.Rows[1].ID), max(parts.Rows[0].ID, parts.Rows[1].ID)
	wish := app.Preferences{ParticipantID: x, Wishes: []app.PreferencePerson{{ParticipantID: y}}}
	if _, err := s.Pairing.SavePreferences(wish); err != nil {
		t.Fatal(err)
	}
	wishes := func() int {
		p, err := s.Pairing.Preferences(x)
		if err != nil {
			t.Fatal(err)
		}
		return len(p.Wishes)
	}
	forbidden := func() int {
		f, err := s.Pairing.Forbidden(prog.ID)
		if err != nil {
			t.Fatal(err)
		}
		return len(f)
	}
	if err := s.Pairing.Forbid(x, y, true); err != nil {
		t.Fatal(err)
	}
	if wishes() != 1 || forbidden() != 1 {
		t.Fatalf("after forbidding: %d wishes, %d forbidden; want 1 and 1", wishes(), forbidden())
	}
	if _, err := s.Pairing.SavePreferences(wish); err != nil {
		t.Fatal(err)
	}
	if forbidden() != 1 {
		t.Error("saving the wishes lifted the forbid")
	}
	if err := s.Pairing.Forbid(x, y, false); err != nil {
		t.Fatal(err)
	}
	if wishes() != 1 || forbidden() != 0 {
		t.Errorf("after lifting the forbid: %d wishes, %d forbidden; want 1 and 0", wishes(), forbidden())
	}
}

// A hand-added pair that would take a mentor past their capacity is refused when it is added,
// not by Approve failing the whole draft later.
func TestAddingAPairPastAMentorsCapacityIsRefused(t *testing.T) {
	s, prog := sampleProgram(t, "Spring Leadership Cohort")
	d, err := s.Pairing.Run(app.RunInput{ProgramID: prog.ID, Mode: "mentoring", Objective: "max_weight"})
	if err != nil || len(d.Items) < 2 {
		t.Fatalf("run: %d items, %v", len(d.Items), err)
	}
	role := func(it app.DraftItem, r string) int64 {
		for _, m := range it.Members {
			if m.Role == r {
				return m.ParticipantID
			}
		}
		t.Fatalf("item %d has no %s", it.ID, r)
		return 0
	}
	mentor := role(d.Items[0], "mentor")
	var free int64 // a mentee of another mentor, freed from the draft
	for _, it := range d.Items[1:] {
		if role(it, "mentor") != mentor {
			free = role(it, "mentee")
			if _, err := s.Pairing.Remove(it.ID); err != nil {
				t.Fatal(err)
			}
			break
		}
	}
	inDraft := 0
	for _, it := range d.Items {
		if role(it, "mentor") == mentor {
			inDraft++
		}
	}
	p, err := s.Participants.Get(mentor)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Participants.Update(mentor, app.ParticipantInput{Mentor: true, Mentee: p.Mentee, Peer: p.Peer, Capacity: inDraft, Status: p.Status}); err != nil {
		t.Fatal(err)
	}
	_, err = s.Pairing.Add(app.ManualInput{DraftID: d.ID, Members: []app.MemberInput{{ParticipantID: mentor, Role: "mentor"}, {ParticipantID: free, Role: "mentee"}}})
	if err == nil || !strings.Contains(err.Error(), "has no room for another mentee") {
		t.Fatalf("adding a pair past the mentor's capacity: %v", err)
	}
}
