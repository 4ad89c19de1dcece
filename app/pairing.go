package app

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"time"

	"tandem/app/match"
	"tandem/app/notify"
	"tandem/app/pool"
	"tandem/app/status"
	"tandem/db"
	"tandem/db/store"
)

// Pairing runs the matching engine over a program and keeps its result as a draft the admin
// edits — lock, remove, swap, add by hand — and approves; nothing is emailed while it is a draft.
type Pairing struct {
	ctx      context.Context // the app's lifetime: every query runs under it
	db       *db.DB
	now      Clock
	settings *Settings
	outbox   *Outbox

	whileSolving func() // tests: runs while a run solves, between its read and its write
}

// NewPairing returns the pairing service.
func NewPairing(ctx context.Context, d *db.DB, now Clock, settings *Settings, outbox *Outbox) *Pairing {
	return &Pairing{ctx: ctx, db: d, now: now, settings: settings, outbox: outbox}
}

// Pairing modes: what a run pairs.
const (
	ModeMentoring = "mentoring" // mentees with mentors, within each mentor's capacity
	ModePeers     = "peers"     // peers in pairs
	ModeGroups    = "groups"    // circles of the program's group size
)

// modeKind is the kind of relationship a mode makes.
var modeKind = map[string]string{ModeMentoring: "mentorship", ModePeers: "peer", ModeGroups: "group"}

// loadPool reads a program for pairing (pool.Load); a program that is gone is the admin's message.
func loadPool(ctx context.Context, q *store.Queries, programID int64, peers bool, now time.Time) (*pool.Pool, error) {
	p, err := pool.Load(ctx, q, programID, peers, now)
	if err != nil {
		return nil, notFound(err, "program")
	}
	return p, nil
}

// RunInput starts a pairing run.
type RunInput struct {
	ProgramID int64  `json:"programId"`
	Mode      string `json:"mode"`      // "mentoring", "peers" or "groups"
	Objective string `json:"objective"` // "max_weight" (highest total score) or "max_cardinality" (most people matched)
}

// DraftMember is one person in a proposed pair or group.
type DraftMember struct {
	ParticipantID int64  `json:"participantId"`
	PersonID      int64  `json:"personId"`
	Name          string `json:"name"`
	Email         string `json:"email"`
	Role          string `json:"role"`
	Title         string `json:"title"`
	Department    string `json:"department"`
	Location      string `json:"location"`
	TimeZone      string `json:"timeZone"`
}

// DraftItem is a proposed pair or group with its score and the reasons for it.
type DraftItem struct {
	ID       int64         `json:"id"`
	Members  []DraftMember `json:"members"`
	Points   int           `json:"points"`
	Score    int           `json:"score"` // 0–100 %
	Reasons  []string      `json:"reasons"`
	Warnings []string      `json:"warnings"` // rules a hand-made pair breaks
	Locked   bool          `json:"locked"`
	Manual   bool          `json:"manual"`
	// Wish says a participant asked for this pair; in a program that reviews such pairs it
	// needs the admin's OK (locking it) before the draft is approved.
	Wish         bool  `json:"wish"`
	NeedsOK      bool  `json:"needsOk"`
	Relationship int64 `json:"relationshipId"`
}

// Unmatched is a participant the draft leaves out, and why.
type Unmatched struct {
	ParticipantID int64  `json:"participantId"`
	Name          string `json:"name"`
	Role          string `json:"role"`
	Reason        string `json:"reason"`
}

// DraftTotals sum a draft up.
type DraftTotals struct {
	People         int `json:"people"`  // who could be paired: mentees (mentoring), peers, or everyone (groups)
	Matched        int `json:"matched"` // of them, in a pair or group
	MatchedPercent int `json:"matchedPercent"`
	Items          int `json:"items"`
	AverageScore   int `json:"averageScore"`
	LowestScore    int `json:"lowestScore"`
	Wishes         int `json:"wishes"`        // wishes recorded between the program's active participants
	WishesGranted  int `json:"wishesGranted"` // of them, granted by the draft
	// AlreadyPaired counts who is left out because they already are in an open relationship of
	// this kind (a mentee with a mentor, a peer with a peer, a group member).
	AlreadyPaired int `json:"alreadyPaired"`
}

// RunInfo is what the last run reports about itself.
type RunInfo struct {
	Pruned     bool  `json:"pruned"`     // candidate lists were used instead of all pairs
	CandidateK int   `json:"candidateK"` // each person's best k partners, when pruned
	Pairs      int   `json:"pairs"`      // allowed pairs the solver considered
	Millis     int64 `json:"millis"`     // how long the run took, scoring included
	// BoundPercent is, for groups, the draft's total score against an upper bound of the best.
	BoundPercent int    `json:"boundPercent"`
	RanAt        string `json:"ranAt"`
}

// Draft is a program's pairing draft.
type Draft struct {
	ID        int64        `json:"id"`
	ProgramID int64        `json:"programId"`
	Mode      string       `json:"mode"`
	Objective string       `json:"objective"`
	Status    status.Draft `json:"status"`
	Items     []DraftItem  `json:"items"`
	Unmatched []Unmatched  `json:"unmatched"`
	Totals    DraftTotals  `json:"totals"`
	Run       RunInfo      `json:"run"`
	NeedsOK   int          `json:"needsOk"` // wish pairs waiting for the admin's OK
	CreatedAt string       `json:"createdAt"`
	UpdatedAt string       `json:"updatedAt"`
}

// draftSummary is what a draft keeps of its last run, as JSON.
type draftSummary struct {
	Run     RunInfo          `json:"run"`
	Reasons map[int64]string `json:"reasons"` // why a participant was left out
}

// Get returns the program's open draft, or nil when there is none.
func (s *Pairing) Get(programID int64) (*Draft, error) {
	ctx := s.ctx
	d, err := s.db.Q.GetOpenDraft(ctx, programID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("pairing: %w", err)
	}
	out, err := s.load(ctx, s.db.Q, d)
	return &out, err
}

// Run runs the engine and saves its result as the program's draft: pairs the admin locked
// stay, the rest is replaced.
func (s *Pairing) Run(in RunInput) (Draft, error) {
	ctx := s.ctx
	obj, err := match.ParseObjective(in.Objective)
	if err != nil {
		return Draft{}, fieldErr("objective", "Choose the highest total score or the most people matched")
	}
	if in.Mode != ModeMentoring && in.Mode != ModePeers && in.Mode != ModeGroups {
		return Draft{}, fieldErr("mode", "Choose what to pair: mentors with mentees, peers, or groups")
	}
	// Read, then solve with no write lock held (a large program's solving takes a while), then
	// write: what the engine saw is what the draft replaces (db.ReadThenWrite).
	var (
		out    Draft
		prog   store.Program
		draft  *store.PairingDraft // nil: the program has none open
		p      *pool.Pool
		kept   []DraftItem // locked items of the same mode: they stay
		paired map[int64]bool
		res    solveResult
		took   time.Duration
	)
	read := func(q *store.Queries) error {
		var err error
		if prog, err = q.GetProgram(ctx, in.ProgramID); err != nil {
			return notFound(err, "program")
		}
		if prog.Status == status.ProgramArchived {
			return &Error{Message: fmt.Sprintf("%s is archived: restore it to pair its participants", prog.Name)}
		}
		if in.Mode == ModePeers && !prog.PeerMentoring {
			return fieldErr("mode", "Peer mentoring is off in %s: turn it on in the program's settings to pair peers", prog.Name)
		}
		draft, kept = nil, nil
		d, err := q.GetOpenDraft(ctx, in.ProgramID)
		switch {
		case errors.Is(err, sql.ErrNoRows):
		case err != nil:
			return fmt.Errorf("pairing: %w", err)
		default:
			draft = &d
			items, err := s.items(ctx, q, d.ID)
			if err != nil {
				return err
			}
			for _, it := range items {
				// Another mode's pairs make no sense in this one: it starts afresh, locks included.
				if it.Locked && d.Mode == in.Mode {
					kept = append(kept, it)
				}
			}
		}
		if p, err = loadPool(ctx, q, in.ProgramID, in.Mode != ModeMentoring, s.now()); err != nil {
			return err
		}
		paired, err = pool.AlreadyPaired(ctx, q, in.ProgramID, modeKind[in.Mode])
		return err
	}
	compute := func() error {
		start := time.Now()
		var err error
		res, err = solve(p, in.Mode, obj, kept, paired)
		took = time.Since(start)
		if s.whileSolving != nil {
			s.whileSolving()
		}
		return err
	}
	write := func(q *store.Queries) error {
		var d store.PairingDraft
		var err error
		if draft == nil {
			d, err = q.CreateDraft(ctx, store.CreateDraftParams{ProgramID: in.ProgramID, Mode: in.Mode, Objective: obj.String(),
				Summary: "{}", Now: stamp(s.now())})
			if err != nil {
				return fmt.Errorf("pairing: %w", err)
			}
		} else {
			d = *draft
			if d.Mode != in.Mode {
				items, err := q.ListDraftItems(ctx, d.ID)
				if err != nil {
					return err
				}
				for _, it := range items {
					if err := q.DeleteDraftItem(ctx, it.ID); err != nil {
						return err
					}
				}
			}
			if err := q.DeleteUnlockedDraftItems(ctx, d.ID); err != nil {
				return fmt.Errorf("pairing: %w", err)
			}
		}
		for _, g := range res.groups {
			if _, err := s.saveItem(ctx, q, p, d.ID, in.Mode, g, false, false, p.Program.WishPairs == "auto", nil); err != nil {
				return err
			}
		}
		res.info.Millis = took.Milliseconds()
		res.info.RanAt = stamp(s.now())
		sum, _ := json.Marshal(draftSummary{Run: res.info, Reasons: res.reasons})
		if err := q.UpdateDraftRun(ctx, store.UpdateDraftRunParams{ID: d.ID, Mode: in.Mode, Objective: obj.String(), Summary: string(sum),
			Now: stamp(s.now())}); err != nil {
			return fmt.Errorf("pairing: %w", err)
		}
		if d, err = q.GetDraft(ctx, d.ID); err != nil {
			return err
		}
		out, err = s.load(ctx, q, d)
		return err
	}
	err = s.db.ReadThenWrite(ctx, read, compute, write)
	return out, err
}

// memberRef is a member of a draft item as the engine handles it.
type memberRef struct {
	id   int64
	role string
}

// saveItem scores a pair or group and writes it into the draft.
func (s *Pairing) saveItem(ctx context.Context, q *store.Queries, p *pool.Pool, draftID int64, mode string, members []memberRef,
	manual, locked, autoWish bool, extra []string) (int64, error) {
	sc := scoreItem(p, mode, members)
	sc.warnings = append(sc.warnings, extra...)
	wish := false
	for _, a := range members {
		for _, b := range members {
			wish = wish || p.Wished(a.id, b.id)
		}
	}
	if wish && autoWish {
		locked = true
	}
	reasons, _ := json.Marshal(sc.reasons)
	warnings, _ := json.Marshal(sc.warnings)
	it, err := q.CreateDraftItem(ctx, store.CreateDraftItemParams{DraftID: draftID, Locked: locked, Manual: manual, Wish: wish,
		Points: int64(sc.points), Percent: int64(sc.percent), Reasons: string(reasons), Warnings: string(warnings), Now: stamp(s.now())})
	if err != nil {
		return 0, fmt.Errorf("pairing: %w", err)
	}
	for i, m := range members {
		if err := q.AddDraftMember(ctx, store.AddDraftMemberParams{ItemID: it.ID, ParticipantID: m.id, Role: m.role, Position: int64(i)}); err != nil {
			return 0, fmt.Errorf("pairing: %w", err)
		}
	}
	return it.ID, nil
}

type itemScore struct {
	points, percent   int
	reasons, warnings []string
}

// scoreItem scores a pair (the mentee first in mentoring) or a group (the mean of its pairs).
func scoreItem(p *pool.Pool, mode string, members []memberRef) itemScore {
	if len(members) == 2 {
		a, b := members[0], members[1]
		if a.role == "mentor" {
			a, b = b, a
		}
		pts, pct, reasons, broken := p.Score(a.id, b.id)
		return itemScore{points: pts, percent: pct, reasons: reasons, warnings: broken}
	}
	out := itemScore{reasons: []string{}, warnings: []string{}}
	pairs, sum := 0, 0
	type best struct {
		pct  int
		line string
	}
	var tops []best
	for i := range members {
		for j := i + 1; j < len(members); j++ {
			pts, pct, reasons, broken := p.Score(members[i].id, members[j].id)
			out.points += pts
			sum += pct
			pairs++
			names := notify.FirstName(p.Name(members[i].id)) + " & " + notify.FirstName(p.Name(members[j].id))
			for _, b := range broken {
				out.warnings = append(out.warnings, names+": "+b)
			}
			if len(reasons) > 0 {
				tops = append(tops, best{pct, names + ": " + reasons[0]})
			}
		}
	}
	if pairs > 0 {
		out.percent = (sum + pairs/2) / pairs
	}
	sort.SliceStable(tops, func(i, j int) bool { return tops[i].pct > tops[j].pct })
	for i := 0; i < len(tops) && i < 4; i++ {
		out.reasons = append(out.reasons, tops[i].line)
	}
	return out
}

// items reads a draft's items with their members.
func (s *Pairing) items(ctx context.Context, q *store.Queries, draftID int64) ([]DraftItem, error) {
	rows, err := q.ListDraftItems(ctx, draftID)
	if err != nil {
		return nil, fmt.Errorf("pairing: %w", err)
	}
	members, err := q.ListDraftMembers(ctx, draftID)
	if err != nil {
		return nil, fmt.Errorf("pairing: %w", err)
	}
	byItem := map[int64][]DraftMember{}
	for _, m := range members {
		byItem[m.ItemID] = append(byItem[m.ItemID], DraftMember{ParticipantID: m.ParticipantID, PersonID: m.PersonID, Name: m.Name,
			Email: m.Email, Role: m.Role, Title: m.Title, Department: m.Department, Location: m.Location, TimeZone: m.TimeZone})
	}
	out := make([]DraftItem, 0, len(rows))
	for _, r := range rows {
		it := DraftItem{ID: r.ID, Members: byItem[r.ID], Points: int(r.Points), Score: int(r.Percent), Locked: r.Locked,
			Manual: r.Manual, Wish: r.Wish, Relationship: r.RelationshipID.Int64, Reasons: []string{}, Warnings: []string{}}
		_ = json.Unmarshal([]byte(r.Reasons), &it.Reasons)
		_ = json.Unmarshal([]byte(r.Warnings), &it.Warnings)
		if it.Members == nil {
			it.Members = []DraftMember{}
		}
		out = append(out, it)
	}
	return out, nil
}
