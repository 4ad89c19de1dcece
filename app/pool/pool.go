// Package pool is who may be paired with whom in a program, and how well: its active
// participants, their answers compiled into a scorer, the pairs the rules rule out (a manager,
// an open or past relationship, an "avoid", a pair the admin forbade), the wishes and the
// mentors' loads. Pairing runs and the candidates of a request read the same pool, so their
// scores and reasons agree.
package pool

import (
	"context"
	"fmt"
	"strings"
	"time"

	"tandem/app/match"
	"tandem/app/notify"
	"tandem/app/questionnaire"
	"tandem/app/status"
	"tandem/db/store"
)

// Pool is what one pairing run reads of a program: its active participants, their answers
// compiled into a scorer, and the pairs the rules rule out.
type Pool struct {
	Program store.Program
	Rows    []store.ListParticipantRowsRow // active participants
	Index   map[int64]int                  // participant id → row
	Scorer  *match.Scorer
	// forbid says why an unordered pair of participants may not be paired.
	forbid map[[2]int64]string
	// wishes holds who wished to meet whom (ordered: from, to), with the wish's rank (1 first).
	wishes map[[2]int64]int
	load   map[int64]int // a mentor's open mentorships
}

// Key is an unordered pair of participants as a map key.
func Key(a, b int64) [2]int64 {
	if a > b {
		a, b = b, a
	}
	return [2]int64{a, b}
}

// Load reads a program for pairing. peers scores pairs of equals (peers and groups). A program
// that is not there wraps sql.ErrNoRows; any other failure to read it is returned as it is.
func Load(ctx context.Context, q *store.Queries, programID int64, peers bool, now time.Time) (*Pool, error) {
	prog, err := q.GetProgram(ctx, programID)
	if err != nil {
		return nil, fmt.Errorf("read the program: %w", err)
	}
	all, err := q.ListParticipantRows(ctx, programID)
	if err != nil {
		return nil, fmt.Errorf("pairing: %w", err)
	}
	p := &Pool{Program: prog, Index: map[int64]int{}, forbid: map[[2]int64]string{}, wishes: map[[2]int64]int{}, load: map[int64]int{}}
	for _, r := range all {
		if r.Status == status.ParticipantActive {
			p.Index[r.ID] = len(p.Rows)
			p.Rows = append(p.Rows, r)
		}
	}
	rules, profiles, err := scoringData(ctx, q, programID, p.Rows)
	if err != nil {
		return nil, err
	}
	p.Scorer = match.Compile(rules, profiles, peers, now)

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
	for _, r := range p.Rows {
		byEmail[strings.ToLower(r.Email)] = r.ID
	}
	for _, r := range p.Rows {
		boss := managerOf[strings.ToLower(r.Email)]
		for level := 0; level < 2 && boss != ""; level++ {
			if id, ok := byEmail[boss]; ok && id != r.ID {
				word := "manager"
				if level == 1 {
					word = "manager's manager"
				}
				p.forbid[Key(r.ID, id)] = fmt.Sprintf("%s is %s's %s", p.Name(id), p.Name(r.ID), word)
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
		case h.Status == status.RelationshipActive || h.Status == status.RelationshipOnHold:
			p.forbid[Key(h.A, h.B)] = "already in a relationship together"
		case !prog.AllowPastPairs:
			if _, ok := p.forbid[Key(h.A, h.B)]; !ok {
				p.forbid[Key(h.A, h.B)] = "were paired before (the program does not pair people twice)"
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
			p.wishes[[2]int64{pr.ParticipantID, pr.OtherID}] = max(1, int(pr.Rank))
		case "avoid":
			p.forbid[Key(pr.ParticipantID, pr.OtherID)] = fmt.Sprintf("%s asked not to be paired with %s", p.Name(pr.ParticipantID), p.Name(pr.OtherID))
		case "forbid":
			p.forbid[Key(pr.ParticipantID, pr.OtherID)] = "you ruled this pair out"
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

// Row is an active participant's row; false for one who is not active.
func (p *Pool) Row(id int64) (store.ListParticipantRowsRow, bool) {
	i, ok := p.Index[id]
	if !ok {
		return store.ListParticipantRowsRow{}, false
	}
	return p.Rows[i], true
}

// Name is a participant's name, or "someone no longer active".
func (p *Pool) Name(id int64) string {
	if i, ok := p.Index[id]; ok {
		return p.Rows[i].Name
	}
	return "someone no longer active"
}

// Wished says whether participant from asked to meet participant to.
func (p *Pool) Wished(from, to int64) bool { return p.wishes[[2]int64{from, to}] > 0 }

// WishPoints is what a wish of that rank adds to a pair's score: the program's whole bonus for
// a first wish, two thirds for a second, a third for any later one (at least 1 point), so that
// the engine prefers granting a first wish to granting a third.
func WishPoints(bonus, rank int) int {
	if bonus <= 0 {
		return 0
	}
	return max(1, bonus*(4-min(max(rank, 1), 3))/3)
}

// ordinal writes 1 as "first", 2 as "second", 3 as "third", then "4th" and so on.
func ordinal(n int) string {
	switch n {
	case 1:
		return "first"
	case 2:
		return "second"
	case 3:
		return "third"
	}
	return fmt.Sprintf("%dth", n)
}

// Constraints are the pool's exclusions and wish bonuses, by the scorer's profile indices.
func (p *Pool) Constraints() match.Constraints {
	c := match.Constraints{Forbidden: map[int][]int{}, Bonus: map[int]map[int]int{}}
	for k := range p.forbid {
		a, okA := p.Index[k[0]]
		b, okB := p.Index[k[1]]
		if okA && okB {
			c.Forbidden[a] = append(c.Forbidden[a], b)
		}
	}
	for w, rank := range p.wishes {
		a, okA := p.Index[w[0]]
		b, okB := p.Index[w[1]]
		if okA && okB && p.Program.WishBonus > 0 {
			if c.Bonus[a] == nil {
				c.Bonus[a] = map[int]int{}
			}
			c.Bonus[a][b] = WishPoints(int(p.Program.WishBonus), rank)
		}
	}
	return c
}

// RoomLeft is how many more mentees a mentor can take, outside the draft.
func (p *Pool) RoomLeft(id int64) int {
	r := p.Rows[p.Index[id]]
	return max(0, int(r.Capacity)-p.load[id])
}

// Score scores a pair (for mentoring, a is the mentee) with its reasons, including the
// wishes it grants, and the rules it breaks.
func (p *Pool) Score(a, b int64) (points, percent int, reasons, broken []string) {
	ia, oka := p.Index[a]
	ib, okb := p.Index[b]
	if !oka || !okb {
		return 0, 0, []string{}, []string{"one of them is not active in the program"}
	}
	e := p.Scorer.Explain(ia, ib)
	points, reasons, broken = e.Points, e.Reasons, e.Broken
	if why, ok := p.forbid[Key(a, b)]; ok {
		broken = append(broken, why)
	}
	for _, w := range [][2]int64{{a, b}, {b, a}} {
		if rank := p.wishes[w]; rank > 0 {
			pts := WishPoints(int(p.Program.WishBonus), rank)
			points += pts
			reasons = append(reasons, fmt.Sprintf("%s asked to meet %s, as their %s wish (+%d)", notify.FirstName(p.Name(w[0])),
				notify.FirstName(p.Name(w[1])), ordinal(rank), pts))
		}
	}
	return points, min(100, p.Scorer.Percent(points)), reasons, broken
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
				profiles[i].Answers[x.ID] = questionnaire.Value{Text: PersonField(store.Person{Department: r.Department, Location: r.Location,
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

// AlreadyPaired lists who already is in an open relationship of a kind ("mentorship": as its
// mentee; "peer"; "group"): the kind a pairing run makes. A run leaves them out.
func AlreadyPaired(ctx context.Context, q *store.Queries, programID int64, kind string) (map[int64]bool, error) {
	rows, err := q.ListOpenMemberships(ctx, programID)
	if err != nil {
		return nil, fmt.Errorf("pairing: %w", err)
	}
	out := map[int64]bool{}
	for _, r := range rows {
		switch {
		case kind == "mentorship" && r.Kind == "mentorship" && r.Role == "mentee",
			kind == "peer" && r.Kind == "peer",
			kind == "group" && r.Kind == "group":
			out[r.ParticipantID] = true
		}
	}
	return out, nil
}

// NoPartner says why no one can be paired with row a: how many candidates (rows; capacity
// left for each, or nil) each rule ruled out. word names them: "mentor", "peer".
func (p *Pool) NoPartner(a int, candidates []int, capacity []int, word string) string {
	if len(candidates) == 0 || (len(candidates) == 1 && candidates[0] == a) {
		return fmt.Sprintf("No eligible %s: the program has no other active %s", word, word)
	}
	counts := map[string]int{}
	var order []string
	note := func(why string) {
		if counts[why] == 0 {
			order = append(order, why)
		}
		counts[why]++
	}
	for x, b := range candidates {
		if b == a {
			continue
		}
		switch {
		case capacity != nil && capacity[x] <= 0:
			note("at capacity")
		default:
			if why, ok := p.forbid[Key(p.Rows[a].ID, p.Rows[b].ID)]; ok {
				note(why)
				continue
			}
			e := p.Scorer.Explain(a, b)
			if len(e.Broken) > 0 {
				note("ruled out by a rule (" + e.Broken[0] + ")")
			} else {
				note("left out of the candidate lists")
			}
		}
	}
	var parts []string
	for _, why := range order {
		parts = append(parts, fmt.Sprintf("%d %s", counts[why], why))
	}
	return fmt.Sprintf("No eligible %s: %s", word, strings.Join(parts, "; "))
}

// PersonField is a person's record value that a question reads instead of an answer
// ("department", "location", "time_zone", "title"); "" for any other field.
func PersonField(p store.Person, field string) string {
	switch field {
	case "department":
		return p.Department
	case "location":
		return p.Location
	case "time_zone":
		return p.TimeZone
	case "title":
		return p.Title
	}
	return ""
}
