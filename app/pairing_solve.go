package app

import (
	"fmt"
	"strings"

	"tandem/app/match"
)

// solveResult is what one engine run proposes.
type solveResult struct {
	groups  [][]memberRef
	reasons map[int64]string // why someone is left out
	info    RunInfo
}

// solve runs the engine over the pool, around the pairs the admin locked.
func solve(p *pool, mode string, obj match.Objective, locked []DraftItem, paired map[int64]bool) (solveResult, error) {
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
	cons := p.constraints()
	switch mode {
	case ModeMentoring:
		var mentees, mentors, capacity []int
		for i, r := range p.rows {
			if r.IsMentee && !taken[r.ID] {
				mentees = append(mentees, i)
			}
			if r.IsMentor {
				mentors = append(mentors, i)
				capacity = append(capacity, max(0, p.roomLeft(r.ID)-mentoring[r.ID]))
			}
		}
		arcs, pruned := match.MentorArcs(p.scorer, mentees, mentors, capacity, cons, match.TopK)
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
			mentee := p.rows[mentees[i]]
			if j >= 0 {
				res.groups = append(res.groups, []memberRef{{mentee.ID, "mentee"}, {p.rows[mentors[j]].ID, "mentor"}})
				continue
			}
			switch {
			case !has[i]:
				res.reasons[mentee.ID] = p.noPartner(mentees[i], mentors, capacity, "mentor")
			case best[i] <= 0 && obj == match.MaxWeight:
				res.reasons[mentee.ID] = "Every mentor allowed scores 0 % with them: run for the most people matched to pair them anyway"
			default:
				res.reasons[mentee.ID] = "The mentors who fit them had no room left: they went to mentees who fit them better"
			}
		}
	case ModePeers, ModeGroups:
		var people []int
		for i, r := range p.rows {
			if taken[r.ID] {
				continue
			}
			if mode == ModePeers && !r.IsPeer {
				continue
			}
			people = append(people, i)
		}
		edges, pruned := match.PeerEdges(p.scorer, people, cons, match.TopK)
		res.info.Pairs, res.info.Pruned = len(edges), pruned
		degree := make([]int, len(people))
		for _, e := range edges {
			degree[e.U]++
			degree[e.V]++
		}
		role := "peer"
		if mode == ModeGroups {
			role = "member"
			// A group relationship has at least three people.
			lo, hi := max(3, int(p.prog.GroupMin)), int(p.prog.GroupMax)
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
					refs = append(refs, memberRef{p.rows[people[x]].ID, role})
				}
				res.groups = append(res.groups, refs)
			}
			if bound := match.GroupBound(len(people), edges, lo, hi); bound > 0 {
				res.info.BoundPercent = int(match.GroupScore(groups, edges) * 100 / bound)
			}
			for x := range people {
				if !in[x] {
					res.reasons[p.rows[people[x]].ID] = fmt.Sprintf("No room in a circle of %d–%d: too few people left to form another", lo, hi)
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
				res.groups = append(res.groups, []memberRef{{p.rows[people[x]].ID, role}, {p.rows[people[y]].ID, role}})
			}
			if y >= 0 {
				continue
			}
			id := p.rows[people[x]].ID
			if degree[x] == 0 {
				res.reasons[id] = p.noPartner(people[x], people, nil, "peer")
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

// noPartner says why no one can be paired with row a: how many candidates each rule ruled out.
func (p *pool) noPartner(a int, candidates []int, capacity []int, word string) string {
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
			if why, ok := p.forbid[pairKey(p.rows[a].ID, p.rows[b].ID)]; ok {
				note(why)
				continue
			}
			e := p.scorer.Explain(a, b)
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
