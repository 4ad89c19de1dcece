package app

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"tandem/app/notify"
	"tandem/app/pool"
	"tandem/app/status"
	"tandem/db/store"
)

// load turns a stored draft into what the UI shows: its items, who is left out and why, totals.
func (s *Pairing) load(ctx context.Context, q *store.Queries, d store.PairingDraft) (Draft, error) {
	out := Draft{ID: d.ID, ProgramID: d.ProgramID, Mode: d.Mode, Objective: d.Objective, Status: d.Status, CreatedAt: d.CreatedAt,
		UpdatedAt: d.UpdatedAt, Unmatched: []Unmatched{}}
	var sum draftSummary
	_ = json.Unmarshal([]byte(d.Summary), &sum)
	out.Run = sum.Run
	items, err := s.items(ctx, q, d.ID)
	if err != nil {
		return out, err
	}
	out.Items = items
	prog, err := q.GetProgram(ctx, d.ProgramID)
	if err != nil {
		return out, fmt.Errorf("pairing: %w", err)
	}
	rows, err := q.ListParticipantRows(ctx, d.ProgramID)
	if err != nil {
		return out, fmt.Errorf("pairing: %w", err)
	}
	loads, err := q.ListMentorLoads(ctx, d.ProgramID)
	if err != nil {
		return out, fmt.Errorf("pairing: %w", err)
	}
	load := map[int64]int{}
	for _, l := range loads {
		load[l.ParticipantID] = int(l.Load)
	}
	inItem := map[int64]int{} // participant → item index (as a mentee, peer or member)
	mentees := map[int64]int{}
	together := map[[2]int64]bool{} // two people in one pair or group (a mentor may be in several)
	for i, it := range items {
		for x, a := range it.Members {
			for _, b := range it.Members[x+1:] {
				together[pool.Key(a.ParticipantID, b.ParticipantID)] = true
			}
		}
		for _, m := range it.Members {
			if m.Role == "mentor" {
				mentees[m.ParticipantID]++
			} else {
				inItem[m.ParticipantID] = i
			}
		}
	}
	paired, err := pool.AlreadyPaired(ctx, q, d.ProgramID, modeKind[d.Mode])
	if err != nil {
		return out, err
	}
	active := map[int64]bool{}
	for _, r := range rows {
		if r.Status != status.ParticipantActive {
			continue
		}
		active[r.ID] = true
		if _, ok := inItem[r.ID]; paired[r.ID] && !ok {
			out.Totals.AlreadyPaired++
			continue
		}
		eligible := r.IsPeer
		role := "peer"
		switch d.Mode {
		case ModeMentoring:
			eligible, role = r.IsMentee, "mentee"
		case ModeGroups:
			eligible, role = true, "member"
		}
		if eligible {
			out.Totals.People++
			if _, ok := inItem[r.ID]; ok {
				out.Totals.Matched++
			} else {
				why := sum.Reasons[r.ID]
				if why == "" {
					why = "Not in any pair of the draft (removed, or new since the last run)"
				}
				out.Unmatched = append(out.Unmatched, Unmatched{ParticipantID: r.ID, Name: r.Name, Role: role, Reason: why})
			}
		}
		if d.Mode == ModeMentoring && r.IsMentor && mentees[r.ID] == 0 {
			if room := int(r.Capacity) - load[r.ID]; room > 0 {
				out.Unmatched = append(out.Unmatched, Unmatched{ParticipantID: r.ID, Name: r.Name, Role: "mentor",
					Reason: fmt.Sprintf("No mentee in the draft yet (room for %d)", room)})
			}
		}
	}
	if out.Totals.People > 0 {
		out.Totals.MatchedPercent = out.Totals.Matched * 100 / out.Totals.People
	}
	out.Totals.Items = len(items)
	total := 0
	for i := range out.Items {
		it := &out.Items[i]
		total += it.Score
		if i == 0 || it.Score < out.Totals.LowestScore {
			out.Totals.LowestScore = it.Score
		}
		it.NeedsOK = it.Wish && !it.Locked && prog.WishPairs == "review"
		if it.NeedsOK {
			out.NeedsOK++
		}
	}
	if len(items) > 0 {
		out.Totals.AverageScore = (total + len(items)/2) / len(items)
	}
	prefs, err := q.ListPairPreferences(ctx, d.ProgramID)
	if err != nil {
		return out, fmt.Errorf("pairing: %w", err)
	}
	for _, p := range prefs {
		if p.Kind != "wish" || !active[p.ParticipantID] || !active[p.OtherID] {
			continue
		}
		out.Totals.Wishes++
		if together[pool.Key(p.ParticipantID, p.OtherID)] {
			out.Totals.WishesGranted++
		}
	}
	return out, nil
}

// edit runs one change to a draft and returns the draft as it then is.
func (s *Pairing) edit(draftID int64, change func(ctx context.Context, q *store.Queries, d store.PairingDraft) error) (Draft, error) {
	ctx := s.ctx
	var out Draft
	err := s.db.InTx(ctx, func(q *store.Queries) error {
		d, err := q.GetDraft(ctx, draftID)
		if err != nil {
			return notFound(err, "draft")
		}
		if d.Status != status.DraftOpen {
			return &Error{Message: "This draft was already " + string(d.Status)}
		}
		if err := change(ctx, q, d); err != nil {
			return err
		}
		if err := q.TouchDraft(ctx, store.TouchDraftParams{ID: d.ID, Now: stamp(s.now())}); err != nil {
			return err
		}
		// The change may have rewritten the draft's summary: answer with the draft as it now is.
		if d, err = q.GetDraft(ctx, d.ID); err != nil {
			return err
		}
		out, err = s.load(ctx, q, d)
		return err
	})
	return out, err
}

// Lock keeps a pair through re-runs (and, for a pair made from a wish, gives the admin's OK);
// unlocking lets the next run change it.
func (s *Pairing) Lock(itemID int64, locked bool) (Draft, error) {
	it, err := s.db.Q.GetDraftItem(s.ctx, itemID)
	if err != nil {
		return Draft{}, &Error{Message: "This pair is no longer in the draft: reload it"}
	}
	return s.edit(it.DraftID, func(ctx context.Context, q *store.Queries, d store.PairingDraft) error {
		return q.SetDraftItemLocked(ctx, store.SetDraftItemLockedParams{ID: itemID, Locked: locked})
	})
}

// Remove takes a pair or group out of the draft; its people are left unmatched until the next run.
func (s *Pairing) Remove(itemID int64) (Draft, error) {
	it, err := s.db.Q.GetDraftItem(s.ctx, itemID)
	if err != nil {
		return Draft{}, &Error{Message: "This pair is no longer in the draft: reload it"}
	}
	return s.edit(it.DraftID, func(ctx context.Context, q *store.Queries, d store.PairingDraft) error {
		members, err := q.ListDraftMembers(ctx, d.ID)
		if err != nil {
			return err
		}
		var sum draftSummary
		_ = json.Unmarshal([]byte(d.Summary), &sum)
		if sum.Reasons == nil {
			sum.Reasons = map[int64]string{}
		}
		for _, m := range members {
			if m.ItemID == itemID && m.Role != "mentor" {
				sum.Reasons[m.ParticipantID] = "You removed their pair from the draft"
			}
		}
		raw, _ := json.Marshal(sum)
		if err := q.UpdateDraftRun(ctx, store.UpdateDraftRunParams{ID: d.ID, Mode: d.Mode, Objective: d.Objective, Summary: string(raw),
			Now: stamp(s.now())}); err != nil {
			return err
		}
		return q.DeleteDraftItem(ctx, itemID)
	})
}

// SwapInput replaces one person of a pair or group with another; when the other is in another
// unlocked pair of the draft, the two trade places.
type SwapInput struct {
	ItemID int64 `json:"itemId"`
	Out    int64 `json:"out"` // the participant leaving the pair
	In     int64 `json:"in"`  // the participant taking their place
}

// Swap exchanges a person of a pair for another, and rescores what changed.
func (s *Pairing) Swap(in SwapInput) (Draft, error) {
	it, err := s.db.Q.GetDraftItem(s.ctx, in.ItemID)
	if err != nil {
		return Draft{}, &Error{Message: "This pair is no longer in the draft: reload it"}
	}
	return s.edit(it.DraftID, func(ctx context.Context, q *store.Queries, d store.PairingDraft) error {
		if in.Out == in.In {
			return fieldErr("in", "Choose someone else to take their place")
		}
		items, err := s.items(ctx, q, d.ID)
		if err != nil {
			return err
		}
		var mine, theirs *DraftItem
		role := ""
		for i := range items {
			for _, m := range items[i].Members {
				if items[i].ID == in.ItemID && m.ParticipantID == in.Out {
					mine, role = &items[i], m.Role
				}
			}
		}
		if mine == nil {
			return fieldErr("out", "That person is not in this pair any more: reload the draft")
		}
		for i := range items {
			if items[i].ID == in.ItemID {
				continue
			}
			for _, m := range items[i].Members {
				if m.ParticipantID == in.In && m.Role == role {
					theirs = &items[i]
				}
			}
		}
		p, err := loadPool(ctx, q, d.ProgramID, d.Mode != ModeMentoring, s.now())
		if err != nil {
			return err
		}
		r, ok := p.Index[in.In]
		if !ok {
			return fieldErr("in", "Choose an active participant of %s", p.Program.Name)
		}
		if msg := roleProblem(p.Rows[r], role); msg != "" {
			return fieldErr("in", "%s %s", p.Rows[r].Name, msg)
		}
		for _, m := range mine.Members {
			if m.ParticipantID == in.In {
				return fieldErr("in", "%s is already in this pair", p.Rows[r].Name)
			}
		}
		if theirs != nil && theirs.Locked {
			return fieldErr("in", "%s is in a locked pair: unlock it first", p.Rows[r].Name)
		}
		replace := func(it *DraftItem, from, to int64) []memberRef {
			var refs []memberRef
			for _, m := range it.Members {
				id := m.ParticipantID
				if id == from {
					id = to
				}
				refs = append(refs, memberRef{id, m.Role})
			}
			return refs
		}
		rewrite := func(it *DraftItem, refs []memberRef) error {
			if err := q.DeleteDraftItem(ctx, it.ID); err != nil {
				return err
			}
			_, err := s.saveItem(ctx, q, p, d.ID, d.Mode, refs, true, it.Locked, false, nil)
			return err
		}
		if err := rewrite(mine, replace(mine, in.Out, in.In)); err != nil {
			return err
		}
		if theirs != nil {
			return rewrite(theirs, replace(theirs, in.In, in.Out))
		}
		return nil
	})
}

// roleProblem says why a participant cannot take a role in a pair, or "".
func roleProblem(r store.ListParticipantRowsRow, role string) string {
	switch {
	case role == "mentor" && !r.IsMentor:
		return "is not a mentor in this program"
	case role == "mentee" && !r.IsMentee:
		return "is not a mentee in this program"
	case role == "peer" && !r.IsPeer:
		return "is not registered as a peer"
	}
	return ""
}

// PairCheck is the score of a pair the admin is about to add by hand, and the rules it breaks.
type PairCheck struct {
	Score    int      `json:"score"`
	Points   int      `json:"points"`
	Reasons  []string `json:"reasons"`
	Warnings []string `json:"warnings"`
}

// ManualInput adds a pair or group by hand.
type ManualInput struct {
	DraftID int64         `json:"draftId"`
	Members []MemberInput `json:"members"`
}

// Check scores a pair or group before it is added, with a warning for each rule it breaks.
func (s *Pairing) Check(in ManualInput) (PairCheck, error) {
	ctx := s.ctx
	d, err := s.db.Q.GetDraft(ctx, in.DraftID)
	if err != nil {
		return PairCheck{}, notFound(err, "draft")
	}
	p, err := loadPool(ctx, s.db.Q, d.ProgramID, d.Mode != ModeMentoring, s.now())
	if err != nil {
		return PairCheck{}, err
	}
	items, err := s.items(ctx, s.db.Q, d.ID)
	if err != nil {
		return PairCheck{}, err
	}
	refs, warnings, err := manualMembers(p, d.Mode, in.Members, items)
	if err != nil {
		return PairCheck{}, err
	}
	sc := scoreItem(p, d.Mode, refs)
	return PairCheck{Score: sc.percent, Points: sc.points, Reasons: sc.reasons, Warnings: append(sc.warnings, warnings...)}, nil
}

// Add puts a hand-made pair or group into the draft, locked, with its score and warnings.
func (s *Pairing) Add(in ManualInput) (Draft, error) {
	return s.edit(in.DraftID, func(ctx context.Context, q *store.Queries, d store.PairingDraft) error {
		p, err := loadPool(ctx, q, d.ProgramID, d.Mode != ModeMentoring, s.now())
		if err != nil {
			return err
		}
		items, err := s.items(ctx, q, d.ID)
		if err != nil {
			return err
		}
		refs, warnings, err := manualMembers(p, d.Mode, in.Members, items)
		if err != nil {
			return err
		}
		_, err = s.saveItem(ctx, q, p, d.ID, d.Mode, refs, true, true, false, warnings)
		return err
	})
}

// manualMembers checks a hand-made pair: the right roles for the mode, active participants not
// already paired, a mentor with room left (counting the draft), a group of the program's size.
func manualMembers(p *pool.Pool, mode string, members []MemberInput, items []DraftItem) ([]memberRef, []string, error) {
	var refs []memberRef
	var warnings []string
	seen := map[int64]bool{}
	busy := map[int64]string{}
	mentorIn := map[int64]int{}
	for _, it := range items {
		var names []string
		for _, m := range it.Members {
			names = append(names, notify.FirstName(m.Name))
		}
		for _, m := range it.Members {
			if m.Role == "mentor" {
				mentorIn[m.ParticipantID]++
			} else {
				busy[m.ParticipantID] = strings.Join(names, " & ")
			}
		}
	}
	for i, m := range members {
		r, ok := p.Index[m.ParticipantID]
		if !ok {
			return nil, nil, fieldErr("members", "Person %d: choose an active participant of %s", i+1, p.Program.Name)
		}
		row := p.Rows[r]
		if seen[row.ID] {
			return nil, nil, fieldErr("members", "%s is chosen twice", row.Name)
		}
		seen[row.ID] = true
		role := m.Role
		switch mode {
		case ModePeers:
			role = "peer"
		case ModeGroups:
			role = "member"
		}
		if msg := roleProblem(row, role); msg != "" {
			return nil, nil, fieldErr("members", "%s %s", row.Name, msg)
		}
		if role == "mentor" {
			// Refused here, not by Approve failing the whole draft later.
			if left := p.RoomLeft(row.ID) - mentorIn[row.ID]; left < 1 {
				return nil, nil, fieldErr("members", "%s has no room for another mentee (capacity %d, counting this draft): raise their capacity on their profile, or choose another mentor",
					row.Name, row.Capacity)
			}
		} else if pair, ok := busy[row.ID]; ok {
			return nil, nil, fieldErr("members", "%s is already in the draft (%s): remove that pair first", row.Name, pair)
		}
		refs = append(refs, memberRef{row.ID, role})
	}
	switch mode {
	case ModeMentoring:
		if len(refs) != 2 || refs[0].role == refs[1].role || (refs[0].role != "mentor" && refs[1].role != "mentor") {
			return nil, nil, fieldErr("members", "Choose one mentee and one mentor")
		}
	case ModePeers:
		if len(refs) != 2 {
			return nil, nil, fieldErr("members", "Choose two peers")
		}
	case ModeGroups:
		if lo := max(MinGroupSize, int(p.Program.GroupMin)); len(refs) < lo {
			return nil, nil, fieldErr("members", "Choose at least %d people for a group", lo)
		}
		if p.Program.GroupMax > 0 && len(refs) > int(p.Program.GroupMax) {
			return nil, nil, fieldErr("members", "Groups in %s have at most %d people", p.Program.Name, p.Program.GroupMax)
		}
	}
	return refs, warnings, nil
}

// Discard drops the draft: nothing happens and nothing is sent.
func (s *Pairing) Discard(draftID int64) error {
	n, err := s.db.Q.DecideDraft(s.ctx, store.DecideDraftParams{ID: draftID, Status: status.DraftDiscarded, Now: sql.NullString{String: stamp(s.now()), Valid: true}})
	if err != nil {
		return fmt.Errorf("pairing: %w", err)
	}
	if n == 0 {
		return &Error{Message: "This draft is no longer open"}
	}
	return nil
}
