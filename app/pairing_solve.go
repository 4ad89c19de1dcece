package app

import (
	"fmt"

	"tandem/app/match"
	"tandem/app/pool"
)

// solveResult is what one engine run proposes.
type solveResult struct {
	groups  [][]memberRef
	reasons map[int64]string // why someone is left out
	info    RunInfo
}

// solve runs the engine over the pool, around the pairs the admin locked.
func solve(p *pool.Pool, mode string, obj match.Objective, locked []DraftItem, paired map[int64]bool) (solveResult, error) {
	res := solveResult{reasons: map[int64]string{}}
	taken := map[int64]bool{}
	for id := range paired {
		taken[id] = true
	}
	mentoring := map[int64]int{} // mentees a mentor already has in locked pairs
	for _, it := range locked {
		for _, m := range it.Members {
			if m.Role == "mentor" {
				mentoring[m.ParticipantID]++
			} else {
				taken[m.ParticipantID] = true
			}
		}
	}
	cons := p.Constraints()
	switch mode {
	case ModeMentoring:
		var mentees, mentors, capacity []int
		for i, r := range p.Rows {
			if r.IsMentee && !taken[r.ID] {
				mentees = append(mentees, i)
			}
			if r.IsMentor {
				mentors = append(mentors, i)
				capacity = append(capacity, max(0, p.RoomLeft(r.ID)-mentoring[r.ID]))
			}
		}
		arcs, pruned := match.MentorArcs(p.Scorer, mentees, mentors, capacity, cons, match.TopK)
		res.info.Pairs, res.info.Pruned = len(arcs), pruned
		mentorOf, err := match.Assign(len(mentees), capacity, arcs, obj)
		if err != nil {
			return res, fmt.Errorf("pairing: %w", err)
		}
		best := make([]int64, len(mentees))
		has := make([]bool, len(mentees))
		for _, a := range arcs {
			if !has[a.Mentee] || a.W > best[a.Mentee] {
				best[a.Mentee], has[a.Mentee] = a.W, true
			}
		}
		for i, j := range mentorOf {
			mentee := p.Rows[mentees[i]]
			if j >= 0 {
				res.groups = append(res.groups, []memberRef{{mentee.ID, "mentee"}, {p.Rows[mentors[j]].ID, "mentor"}})
				continue
			}
			switch {
			case !has[i]:
				res.reasons[mentee.ID] = p.NoPartner(mentees[i], mentors, capacity, "mentor")
			case best[i] <= 0 && obj == match.MaxWeight:
				res.reasons[mentee.ID] = "Every mentor allowed scores 0 % with them: run for the most people matched to pair them anyway"
			default:
				res.reasons[mentee.ID] = "The mentors who fit them had no room left: they went to mentees who fit them better"
			}
		}
	case ModePeers, ModeGroups:
		var people []int
		for i, r := range p.Rows {
			if taken[r.ID] {
				continue
			}
			if mode == ModePeers && !r.IsPeer {
				continue
			}
			people = append(people, i)
		}
		edges, pruned := match.PeerEdges(p.Scorer, people, cons, match.TopK)
		res.info.Pairs, res.info.Pruned = len(edges), pruned
		degree := make([]int, len(people))
		for _, e := range edges {
			degree[e.U]++
			degree[e.V]++
		}
		role := "peer"
		if mode == ModeGroups {
			role = "member"
			lo, hi := max(MinGroupSize, int(p.Program.GroupMin)), int(p.Program.GroupMax)
			if hi < lo {
				hi = max(lo, 5)
			}
			groups, err := match.Group(len(people), edges, lo, hi)
			if err != nil {
				return res, fmt.Errorf("pairing: %w", err)
			}
			in := map[int]bool{}
			for _, g := range groups {
				var refs []memberRef
				for _, x := range g {
					in[x] = true
					refs = append(refs, memberRef{p.Rows[people[x]].ID, role})
				}
				res.groups = append(res.groups, refs)
			}
			if bound := match.GroupBound(len(people), edges, lo, hi); bound > 0 {
				res.info.BoundPercent = int(match.GroupScore(groups, edges) * 100 / bound)
			}
			for x := range people {
				if !in[x] {
					res.reasons[p.Rows[people[x]].ID] = fmt.Sprintf("No room in a circle of %d–%d: too few people left to form another", lo, hi)
				}
			}
			break
		}
		mate, err := match.Pair(len(people), edges, obj)
		if err != nil {
			return res, fmt.Errorf("pairing: %w", err)
		}
		for x, y := range mate {
			if y > x {
				res.groups = append(res.groups, []memberRef{{p.Rows[people[x]].ID, role}, {p.Rows[people[y]].ID, role}})
			}
			if y >= 0 {
				continue
			}
			id := p.Rows[people[x]].ID
			if degree[x] == 0 {
				res.reasons[id] = p.NoPartner(people[x], people, nil, "peer")
			} else {
				res.reasons[id] = "Everyone who fits them was paired with someone who fits better (or the number left is odd)"
			}
		}
	}
	if res.info.Pruned {
		res.info.CandidateK = match.TopK
	}
	return res, nil
}
