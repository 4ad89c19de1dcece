package app_test

import (
	"strings"
	"testing"

	"tandem/app"
)

// sampleProgram loads the sample organisation and returns the program with that name.
func sampleProgram(t *testing.T, name string) (*app.Services, app.Program) {
	t.Helper()
	s, _ := mustOpen(t)
	if _, err := s.System.LoadSample(); err != nil {
		t.Fatal(err)
	}
	list, err := s.Programs.List()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range list {
		if p.Name == name {
			return s, p
		}
	}
	t.Fatalf("no sample program %q", name)
	return nil, app.Program{}
}

func memberIDs(it app.DraftItem) []int64 {
	var ids []int64
	for _, m := range it.Members {
		ids = append(ids, m.ParticipantID)
	}
	return ids
}

func TestPairingRunRespectsCapacityAndExplainsEveryPair(t *testing.T) {
	s, prog := sampleProgram(t, "Spring Leadership Cohort")
	d, err := s.Pairing.Run(app.RunInput{ProgramID: prog.ID, Mode: "mentoring", Objective: "max_weight"})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Items) == 0 {
		t.Fatal("the sample cohort should get pairs")
	}
	capacity := func(id int64) int {
		p, err := s.Participants.Get(id)
		if err != nil {
			t.Fatal(err)
		}
		return p.Capacity
	}
	rels, err := s.Relationships.List(prog.ID)
	if err != nil {
		t.Fatal(err)
	}
	load := map[int64]int{}
	hasMentor := map[int64]bool{}
	for _, r := range rels {
		if r.Status == "active" || r.Status == "on_hold" {
			for _, m := range r.Members {
				if m.Role == "mentor" {
					load[m.ParticipantID]++
				} else {
					hasMentor[m.ParticipantID] = true
				}
			}
		}
	}
	if len(hasMentor) == 0 || d.Totals.AlreadyPaired != len(hasMentor) {
		t.Fatalf("%d mentees already have a mentor; the draft says %d", len(hasMentor), d.Totals.AlreadyPaired)
	}
	mentees := map[int64]bool{}
	for _, it := range d.Items {
		if len(it.Members) != 2 {
			t.Fatalf("item %d has %d members", it.ID, len(it.Members))
		}
		var mentor, mentee int64
		for _, m := range it.Members {
			switch m.Role {
			case "mentor":
				mentor = m.ParticipantID
			case "mentee":
				mentee = m.ParticipantID
			}
		}
		if mentor == 0 || mentee == 0 {
			t.Fatalf("item %d is not one mentor and one mentee: %+v", it.ID, it.Members)
		}
		if mentees[mentee] || hasMentor[mentee] {
			t.Fatalf("mentee %d paired twice", mentee)
		}
		mentees[mentee] = true
		load[mentor]++
		if c := capacity(mentor); load[mentor] > c {
			t.Fatalf("mentor %d over capacity %d", mentor, c)
		}
		if it.Score < 0 || it.Score > 100 || len(it.Reasons) == 0 || len(it.Warnings) != 0 {
			t.Fatalf("item %d: score %d, reasons %q, warnings %q", it.ID, it.Score, it.Reasons, it.Warnings)
		}
	}
	if d.Totals.Matched != len(d.Items) || d.Totals.People < d.Totals.Matched || d.Totals.AverageScore < d.Totals.LowestScore {
		t.Fatalf("totals %+v with %d items", d.Totals, len(d.Items))
	}
	for _, u := range d.Unmatched {
		if u.Reason == "" {
			t.Fatalf("%s unmatched without a reason", u.Name)
		}
	}
	// Nothing is emailed while it is a draft.
	page, err := s.Outbox.List("queued")
	if err != nil {
		t.Fatal(err)
	}
	before := page.Counts["queued"]
	again, err := s.Pairing.Get(prog.ID)
	if err != nil || again == nil || len(again.Items) != len(d.Items) {
		t.Fatalf("the draft persists: %v %v", again, err)
	}
	// The sample's wishes: pairs made from them wait for the admin's OK, given by locking them.
	if d.NeedsOK == 0 || d.Totals.WishesGranted == 0 {
		t.Fatalf("the sample's wishes: %d granted, %d waiting", d.Totals.WishesGranted, d.NeedsOK)
	}
	for _, it := range d.Items {
		if it.NeedsOK {
			if _, err := s.Pairing.Lock(it.ID, true); err != nil {
				t.Fatal(err)
			}
		}
	}
	res, err := s.Pairing.Approve(d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if res.Relationships != len(d.Items) || res.Emails != 2*len(d.Items) {
		t.Fatalf("approve: %+v for %d pairs", res, len(d.Items))
	}
	// Approved pairs carry the cohort's dates: from its start (still ahead) to its end.
	rels, err = s.Relationships.List(prog.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rels {
		if r.Origin == "pairing" && (r.StartsOn != prog.StartsOn || r.EndsOn != prog.EndsOn) {
			t.Fatalf("an approved pair runs %s to %s, the cohort %s to %s", r.StartsOn, r.EndsOn, prog.StartsOn, prog.EndsOn)
		}
	}
	page, _ = s.Outbox.List("queued")
	intros := 0
	for _, m := range page.Messages {
		if m.Kind == "introduction" {
			intros++
			if !strings.Contains(m.Subject, "your Spring Leadership Cohort match") {
				t.Fatalf("subject %q", m.Subject)
			}
		}
	}
	if page.Counts["queued"] != before+res.Emails || intros != res.Emails {
		t.Fatalf("queued %d (%d introductions), want %d", page.Counts["queued"], intros, before+res.Emails)
	}
	if g, _ := s.Pairing.Get(prog.ID); g != nil {
		t.Fatal("an approved draft is no longer open")
	}
	// Pairs just made are not proposed again.
	d2, err := s.Pairing.Run(app.RunInput{ProgramID: prog.ID, Mode: "mentoring", Objective: "max_weight"})
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range d2.Items {
		for _, old := range d.Items {
			if ids := memberIDs(it); ids[0] == memberIDs(old)[0] && ids[1] == memberIDs(old)[1] {
				t.Fatalf("pair %v proposed again", ids)
			}
		}
	}
}

func TestPairingLockRemoveRerunSwapAddDiscard(t *testing.T) {
	s, prog := sampleProgram(t, "Peer Circles")
	d, err := s.Pairing.Run(app.RunInput{ProgramID: prog.ID, Mode: "peers", Objective: "max_cardinality"})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Items) < 3 {
		t.Fatalf("%d peer pairs", len(d.Items))
	}
	locked, removed := d.Items[0], d.Items[1]
	if d, err = s.Pairing.Lock(locked.ID, true); err != nil {
		t.Fatal(err)
	}
	if d, err = s.Pairing.Remove(removed.ID); err != nil {
		t.Fatal(err)
	}
	gone := map[int64]bool{}
	for _, id := range memberIDs(removed) {
		gone[id] = true
	}
	n := 0
	for _, u := range d.Unmatched {
		if gone[u.ParticipantID] {
			n++
			if u.Reason != "You removed their pair from the draft" {
				t.Fatalf("reason %q", u.Reason)
			}
		}
	}
	if n != 2 {
		t.Fatalf("%d of the removed pair listed as unmatched", n)
	}
	// Re-running keeps the locked pair and reconsiders the removed people.
	d, err = s.Pairing.Run(app.RunInput{ProgramID: prog.ID, Mode: "peers", Objective: "max_cardinality"})
	if err != nil {
		t.Fatal(err)
	}
	kept := false
	for _, it := range d.Items {
		if it.ID == locked.ID && it.Locked {
			kept = true
		}
	}
	if !kept {
		t.Fatal("the locked pair did not survive the re-run")
	}
	// Swap a person of an unlocked pair with a person of another: they trade places.
	var a, b app.DraftItem
	for _, it := range d.Items {
		if !it.Locked {
			if a.ID == 0 {
				a = it
			} else if b.ID == 0 {
				b = it
			}
		}
	}
	out, in := a.Members[0].ParticipantID, b.Members[0].ParticipantID
	if d, err = s.Pairing.Swap(app.SwapInput{ItemID: a.ID, Out: out, In: in}); err != nil {
		t.Fatal(err)
	}
	together := func(x, y int64) bool {
		for _, it := range d.Items {
			ids := memberIDs(it)
			if (ids[0] == x && ids[1] == y) || (ids[0] == y && ids[1] == x) {
				return true
			}
		}
		return false
	}
	if !together(in, a.Members[1].ParticipantID) || !together(out, b.Members[1].ParticipantID) {
		t.Fatal("the swap did not trade the two places")
	}
	// A hand-made pair of someone already paired is refused, naming them; nothing changes.
	before := len(d.Items)
	_, err = s.Pairing.Add(app.ManualInput{DraftID: d.ID, Members: []app.MemberInput{{ParticipantID: in}, {ParticipantID: out}}})
	if err == nil || fieldOf(t, err) != "members" || !strings.Contains(err.Error(), "already in the draft") {
		t.Fatalf("add of paired people: %v", err)
	}
	if g, _ := s.Pairing.Get(prog.ID); len(g.Items) != before {
		t.Fatal("a refused add changed the draft")
	}
	if err := s.Pairing.Discard(d.ID); err != nil {
		t.Fatal(err)
	}
	if g, _ := s.Pairing.Get(prog.ID); g != nil {
		t.Fatal("a discarded draft is no longer open")
	}
	if _, err := s.Pairing.Approve(d.ID); err == nil {
		t.Fatal("a discarded draft cannot be approved")
	}
}

func TestWishesAddABonusAndAvoidsForbid(t *testing.T) {
	s, prog := sampleProgram(t, "Peer Circles")
	d, err := s.Pairing.Run(app.RunInput{ProgramID: prog.ID, Mode: "peers", Objective: "max_weight"})
	if err != nil {
		t.Fatal(err)
	}
	// Take two people the engine did not pair together; one wishes to meet the other.
	x, y := d.Items[0].Members[0], d.Items[1].Members[0]
	if _, err := s.Pairing.SavePreferences(app.Preferences{ParticipantID: x.ParticipantID,
		Wishes: []app.PreferencePerson{{ParticipantID: y.ParticipantID}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Pairing.SaveOptions(prog.ID, app.PairingOptions{WishBonus: 100, WishPairs: "review"}); err != nil {
		t.Fatal(err)
	}
	d, err = s.Pairing.Run(app.RunInput{ProgramID: prog.ID, Mode: "peers", Objective: "max_weight"})
	if err != nil {
		t.Fatal(err)
	}
	var wish *app.DraftItem
	for i, it := range d.Items {
		ids := memberIDs(it)
		if (ids[0] == x.ParticipantID && ids[1] == y.ParticipantID) || (ids[1] == x.ParticipantID && ids[0] == y.ParticipantID) {
			wish = &d.Items[i]
		}
	}
	if wish == nil || !wish.Wish || !wish.NeedsOK || d.Totals.WishesGranted != 1 || d.NeedsOK != 1 {
		t.Fatalf("a wish worth 100 points is granted and waits for the OK: %+v, totals %+v", wish, d.Totals)
	}
	if !strings.Contains(strings.Join(wish.Reasons, "\n"), "asked to meet "+strings.Fields(y.Name)[0]+", as their first wish (+100)") {
		t.Fatalf("reasons %q", wish.Reasons)
	}
	if _, err := s.Pairing.Approve(d.ID); err == nil || !strings.Contains(err.Error(), "your OK") {
		t.Fatalf("approve with a wish waiting: %v", err)
	}
	// An avoid forbids the pair.
	if _, err := s.Pairing.SavePreferences(app.Preferences{ParticipantID: x.ParticipantID,
		Avoid: []app.PreferencePerson{{ParticipantID: y.ParticipantID}}}); err != nil {
		t.Fatal(err)
	}
	d, err = s.Pairing.Run(app.RunInput{ProgramID: prog.ID, Mode: "peers", Objective: "max_weight"})
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range d.Items {
		ids := memberIDs(it)
		if (ids[0] == x.ParticipantID && ids[1] == y.ParticipantID) || (ids[1] == x.ParticipantID && ids[0] == y.ParticipantID) {
			t.Fatal("an avoided pair was proposed")
		}
	}
	// A hand-made avoided pair is allowed with a warning (once both are free).
	for _, it := range d.Items {
		for _, id := range memberIDs(it) {
			if id == x.ParticipantID || id == y.ParticipantID {
				if d, err = s.Pairing.Remove(it.ID); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	chk, err := s.Pairing.Check(app.ManualInput{DraftID: d.ID, Members: []app.MemberInput{{ParticipantID: x.ParticipantID}, {ParticipantID: y.ParticipantID}}})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(chk.Warnings, "\n"), "asked not to be paired") {
		t.Fatalf("warnings %q", chk.Warnings)
	}
	// Bad preferences name the row and change nothing.
	_, err = s.Pairing.SavePreferences(app.Preferences{ParticipantID: x.ParticipantID,
		Wishes: []app.PreferencePerson{{ParticipantID: y.ParticipantID}, {ParticipantID: x.ParticipantID}}})
	if err == nil || fieldOf(t, err) != "wishes" || !strings.Contains(err.Error(), "Row 2") {
		t.Fatalf("self wish: %v", err)
	}
	p, _ := s.Pairing.Preferences(x.ParticipantID)
	if len(p.Avoid) != 1 || len(p.Wishes) != 0 {
		t.Fatalf("a refused save changed the preferences: %+v", p)
	}
}

func TestGroupsOfTheProgramsSize(t *testing.T) {
	s, prog := sampleProgram(t, "Peer Circles")
	d, err := s.Pairing.Run(app.RunInput{ProgramID: prog.ID, Mode: "groups", Objective: "max_weight"})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Items) == 0 || d.Run.BoundPercent <= 0 || d.Run.BoundPercent > 100 {
		t.Fatalf("%d groups at %d %% of the bound", len(d.Items), d.Run.BoundPercent)
	}
	people := 0
	for _, it := range d.Items {
		if len(it.Members) < 3 || len(it.Members) > 5 {
			t.Fatalf("a group of %d", len(it.Members))
		}
		people += len(it.Members)
	}
	// A hand-made group of one is refused.
	_, err = s.Pairing.Add(app.ManualInput{DraftID: d.ID, Members: []app.MemberInput{{ParticipantID: d.Items[0].Members[0].ParticipantID}}})
	if err == nil || fieldOf(t, err) != "members" {
		t.Fatalf("a group of one: %v", err)
	}
	res, err := s.Pairing.Approve(d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if res.Relationships != len(d.Items) || res.Emails != people {
		t.Fatalf("approve: %+v for %d groups of %d people", res, len(d.Items), people)
	}
	rels, err := s.Relationships.List(prog.ID)
	if err != nil {
		t.Fatal(err)
	}
	groups := 0
	for _, r := range rels {
		if r.Kind == "group" && r.Origin == "pairing" {
			groups++
		}
	}
	if groups != len(d.Items) {
		t.Fatalf("%d group relationships from pairing, want %d", groups, len(d.Items))
	}
}

func TestManagersAreNeverPairedAndTheDraftSaysWhy(t *testing.T) {
	s, _ := mustOpen(t)
	prog := mustProgram(t, s, "evergreen")
	enrol := func(name, email, manager string) app.Participant {
		p, err := s.People.Create(app.PersonInput{Name: name, Email: email, ManagerEmail: manager, TimeZone: "Europe/Berlin"})
		if err != nil {
			t.Fatal(err)
		}
		pa, err := s.Participants.Enrol(app.EnrolInput{ProgramID: prog.ID, PersonID: p.ID,
			Roles: app.ParticipantInput{Mentee: true, Peer: true, Status: "active"}})
		if err != nil {
			t.Fatal(err)
		}
		return pa
	}
	enrol("Bea Boss", "bea@example.org", "ceo@example.org")
	enrol("Ray Report", "ray@example.org", "bea@example.org")
	d, err := s.Pairing.Run(app.RunInput{ProgramID: prog.ID, Mode: "peers", Objective: "max_cardinality"})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Items) != 0 || len(d.Unmatched) != 2 {
		t.Fatalf("a person and their manager: %d pairs, %d unmatched", len(d.Items), len(d.Unmatched))
	}
	if !strings.Contains(d.Unmatched[0].Reason, "Bea Boss is Ray Report's manager") {
		t.Fatalf("reason %q", d.Unmatched[0].Reason)
	}
	// The manager's manager too.
	enrol("Cleo Chief", "ceo@example.org", "")
	d, err = s.Pairing.Run(app.RunInput{ProgramID: prog.ID, Mode: "peers", Objective: "max_cardinality"})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Items) != 0 {
		t.Fatalf("%d pairs among a chain of managers", len(d.Items))
	}
	// A colleague from elsewhere pairs with the boss's report or chief, never the boss's own line.
	enrol("Dev Other", "dev@example.org", "")
	d, err = s.Pairing.Run(app.RunInput{ProgramID: prog.ID, Mode: "peers", Objective: "max_cardinality"})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Items) != 1 {
		t.Fatalf("%d pairs, want Dev with one of the three", len(d.Items))
	}
}

func TestAWishForAMentorWithSeveralMenteesCountsWhenGranted(t *testing.T) {
	s, prog := sampleProgram(t, "Spring Leadership Cohort")
	d, err := s.Pairing.Run(app.RunInput{ProgramID: prog.ID, Mode: "mentoring", Objective: "max_weight"})
	if err != nil {
		t.Fatal(err)
	}
	// A mentor with two mentees in the draft; the mentee of their second pair wishes for them.
	seen := map[int64]bool{}
	var mentee, mentor int64
	for _, it := range d.Items {
		var me, mo int64
		for _, m := range it.Members {
			if m.Role == "mentor" {
				mo = m.ParticipantID
			} else {
				me = m.ParticipantID
			}
		}
		if seen[mo] && mentee == 0 {
			mentee, mentor = me, mo
		}
		seen[mo] = true
	}
	if mentee == 0 {
		t.Fatal("the sample draft should give some mentor two mentees")
	}
	before := d.Totals.WishesGranted
	if _, err := s.Pairing.SavePreferences(app.Preferences{ParticipantID: mentee,
		Wishes: []app.PreferencePerson{{ParticipantID: mentor}}}); err != nil {
		t.Fatal(err)
	}
	g, err := s.Pairing.Get(prog.ID)
	if err != nil {
		t.Fatal(err)
	}
	if g.Totals.Wishes != d.Totals.Wishes+1 || g.Totals.WishesGranted != before+1 {
		t.Fatalf("wishes %d → %d, granted %d → %d", d.Totals.Wishes, g.Totals.Wishes, before, g.Totals.WishesGranted)
	}
}
