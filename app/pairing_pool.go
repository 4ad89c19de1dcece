package app

import (
	"context"
	"fmt"
	"strings"
	"time"

	"tandem/app/match"
	"tandem/app/notify"
	"tandem/app/questionnaire"
	"tandem/db/store"
)

// pool is what one pairing run reads of a program: its active participants, their answers
// compiled into a scorer, and the pairs the rules rule out.
type pool struct {
	prog   store.Program
	rows   []store.ListParticipantRowsRow // active participants
	index  map[int64]int                  // participant id → row
	scorer *match.Scorer
	// forbid says why an unordered pair of participants may not be paired.
	forbid map[[2]int64]string
	// wishes holds who wished to meet whom (ordered: from, to).
	wishes map[[2]int64]bool
	load   map[int64]int // a mentor's open mentorships
}

func pairKey(a, b int64) [2]int64 {
	if a > b {
		a, b = b, a
	}
	return [2]int64{a, b}
}

// loadPool reads a program for pairing. peers scores pairs of equals (peers and groups).
func loadPool(ctx context.Context, q *store.Queries, programID int64, peers bool, now time.Time) (*pool, error) {
	prog, err := q.GetProgram(ctx, programID)
	if err != nil {
		return nil, notFound(err, "program")
	}
	all, err := q.ListParticipantRows(ctx, programID)
	if err != nil {
		return nil, fmt.Errorf("pairing: %w", err)
	}
	p := &pool{prog: prog, index: map[int64]int{}, forbid: map[[2]int64]string{}, wishes: map[[2]int64]bool{}, load: map[int64]int{}}
	for _, r := range all {
		if r.Status == "active" {
			p.index[r.ID] = len(p.rows)
			p.rows = append(p.rows, r)
		}
	}
	rules, profiles, err := scoringData(ctx, q, programID, p.rows)
	if err != nil {
		return nil, err
	}
	p.scorer = match.Compile(rules, profiles, peers, now)

	// A person and their manager, or their manager's manager.
	managers, err := q.ListManagers(ctx)
	if err != nil {
		return nil, fmt.Errorf("pairing: %w", err)
	}
	managerOf := map[string]string{}
	for _, m := range managers {
		managerOf[strings.ToLower(m.Email)] = strings.ToLower(m.ManagerEmail)
	}
	byEmail := map[string]int64{}
	for _, r := range p.rows {
		byEmail[strings.ToLower(r.Email)] = r.ID
	}
	for _, r := range p.rows {
		boss := managerOf[strings.ToLower(r.Email)]
		for level := 0; level < 2 && boss != ""; level++ {
			if id, ok := byEmail[boss]; ok && id != r.ID {
				word := "manager"
				if level == 1 {
					word = "manager's manager"
				}
				p.forbid[pairKey(r.ID, id)] = fmt.Sprintf("%s is %s's %s", p.name(id), p.name(r.ID), word)
			}
			boss = managerOf[boss]
		}
	}
	history, err := q.ListProgramPairHistory(ctx, programID)
	if err != nil {
		return nil, fmt.Errorf("pairing: %w", err)
	}
	for _, h := range history {
		switch {
		case h.Status == "active" || h.Status == "on_hold":
			p.forbid[pairKey(h.A, h.B)] = "already in a relationship together"
		case !prog.AllowPastPairs:
			if _, ok := p.forbid[pairKey(h.A, h.B)]; !ok {
				p.forbid[pairKey(h.A, h.B)] = "were paired before (the program does not pair people twice)"
			}
		}
	}
	prefs, err := q.ListPairPreferences(ctx, programID)
	if err != nil {
		return nil, fmt.Errorf("pairing: %w", err)
	}
	for _, pr := range prefs {
		switch pr.Kind {
		case "wish":
			p.wishes[[2]int64{pr.ParticipantID, pr.OtherID}] = true
		case "avoid":
			p.forbid[pairKey(pr.ParticipantID, pr.OtherID)] = fmt.Sprintf("%s asked not to be paired with %s", p.name(pr.ParticipantID), p.name(pr.OtherID))
		case "forbid":
			p.forbid[pairKey(pr.ParticipantID, pr.OtherID)] = "you ruled this pair out"
		}
	}
	loads, err := q.ListMentorLoads(ctx, programID)
	if err != nil {
		return nil, fmt.Errorf("pairing: %w", err)
	}
	for _, l := range loads {
		p.load[l.ParticipantID] = int(l.Load)
	}
	return p, nil
}

// row is an active participant's row.
func (p *pool) row(id int64) (store.ListParticipantRowsRow, bool) {
	i, ok := p.index[id]
	if !ok {
		return store.ListParticipantRowsRow{}, false
	}
	return p.rows[i], true
}

// name is a participant's name, or "someone" for one who is not active.
func (p *pool) name(id int64) string {
	if i, ok := p.index[id]; ok {
		return p.rows[i].Name
	}
	return "someone no longer active"
}

// constraints are the pool's exclusions and wish bonuses, by the scorer's profile indices.
func (p *pool) constraints() match.Constraints {
	c := match.Constraints{Forbidden: map[int][]int{}, Bonus: map[int]map[int]int{}}
	for k := range p.forbid {
		a, okA := p.index[k[0]]
		b, okB := p.index[k[1]]
		if okA && okB {
			c.Forbidden[a] = append(c.Forbidden[a], b)
		}
	}
	for w := range p.wishes {
		a, okA := p.index[w[0]]
		b, okB := p.index[w[1]]
		if okA && okB && p.prog.WishBonus > 0 {
			if c.Bonus[a] == nil {
				c.Bonus[a] = map[int]int{}
			}
			c.Bonus[a][b] = int(p.prog.WishBonus)
		}
	}
	return c
}

// roomLeft is how many more mentees a mentor can take, outside the draft.
func (p *pool) roomLeft(id int64) int {
	r := p.rows[p.index[id]]
	return max(0, int(r.Capacity)-p.load[id])
}

// pairScore scores a pair (for mentoring, a is the mentee) with its reasons, including the
// wishes it grants, and the rules it breaks.
func (p *pool) pairScore(a, b int64) (points, percent int, reasons, broken []string) {
	ia, oka := p.index[a]
	ib, okb := p.index[b]
	if !oka || !okb {
		return 0, 0, []string{}, []string{"one of them is not active in the program"}
	}
	e := p.scorer.Explain(ia, ib)
	points, reasons, broken = e.Points, e.Reasons, e.Broken
	if why, ok := p.forbid[pairKey(a, b)]; ok {
		broken = append(broken, why)
	}
	for _, w := range [][2]int64{{a, b}, {b, a}} {
		if p.wishes[w] {
			points += int(p.prog.WishBonus)
			reasons = append(reasons, fmt.Sprintf("%s asked to meet %s (+%d)", notify.FirstName(p.name(w[0])), notify.FirstName(p.name(w[1])), p.prog.WishBonus))
		}
	}
	return points, min(100, p.scorer.Percent(points)), reasons, broken
}

// scoringData turns a program's questions into matching rules and its participants' answers
// (the person's record included) into profiles, in the order of rows.
func scoringData(ctx context.Context, q *store.Queries, programID int64, rows []store.ListParticipantRowsRow) ([]match.Rule, []match.Profile, error) {
	qs, err := q.ListQuestions(ctx, programID)
	if err != nil {
		return nil, nil, fmt.Errorf("pairing: %w", err)
	}
	var rules []match.Rule
	for _, x := range qs {
		if x.MatchRule == "none" {
			continue
		}
		pts := questionnaire.Points[x.MatchWeight]
		if x.MatchWeight == "custom" {
			pts = int(x.CustomWeight)
		}
		r := match.Rule{QuestionID: x.ID, ComplementID: x.ComplementID.Int64, Prompt: x.Prompt, Kind: x.MatchRule, Points: pts,
			Must: x.MatchWeight == "must", Hours: int(x.RuleHours)}
		if x.Kind == questionnaire.Scale {
			r.Span = float64(x.ScaleMax - x.ScaleMin)
		}
		rules = append(rules, r)
	}
	answers, err := q.ListProgramAnswers(ctx, programID)
	if err != nil {
		return nil, nil, fmt.Errorf("pairing: %w", err)
	}
	index := map[int64]int{}
	profiles := make([]match.Profile, len(rows))
	for i, r := range rows {
		index[r.ID] = i
		profiles[i] = match.Profile{Answers: map[int64]questionnaire.Value{}}
		for _, x := range qs {
			if x.PersonField != "" {
				profiles[i].Answers[x.ID] = questionnaire.Value{Text: personField(store.Person{Department: r.Department, Location: r.Location,
					TimeZone: r.TimeZone, Title: r.Title}, x.PersonField)}
			}
		}
	}
	for _, a := range answers {
		if i, ok := index[a.ParticipantID]; ok {
			profiles[i].Answers[a.QuestionID] = questionnaire.Decode(a.Value)
		}
	}
	return rules, profiles, nil
}

// alreadyPaired lists who already is in an open relationship of the kind a mode makes: a
// mentee with a mentor, a peer with a peer, a member of a group. A run leaves them out.
func alreadyPaired(ctx context.Context, q *store.Queries, programID int64, mode string) (map[int64]bool, error) {
	rows, err := q.ListOpenMemberships(ctx, programID)
	if err != nil {
		return nil, fmt.Errorf("pairing: %w", err)
	}
	out := map[int64]bool{}
	for _, r := range rows {
		switch {
		case mode == ModeMentoring && r.Kind == "mentorship" && r.Role == "mentee",
			mode == ModePeers && r.Kind == "peer",
			mode == ModeGroups && r.Kind == "group":
			out[r.ParticipantID] = true
		}
	}
	return out, nil
}
