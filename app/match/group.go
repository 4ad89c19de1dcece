package match

import (
	"fmt"
	"slices"
)

// Group splits people 0..n-1 into circles of minSize..maxSize people, maximising the sum of
// the weights of the edges inside the circles.
//
// An edge absent from edges contributes 0: two people without an edge may share a circle
// (they are not forbidden, just not rewarded); a negative weight discourages it. The number of
// circles is the fewest that hold everyone, ceil(n/maxSize) when n allows it, with sizes
// between minSize and maxSize. When no choice of sizes covers everyone (n < minSize, or say n = 7
// with circles of exactly 4), as many people as possible are grouped and the others are left
// out: they are in no circle. That happens only when it is impossible to do otherwise.
//
// The problem is NP-hard, so Group is a heuristic: a greedy seed, then local search (moving one
// person to another circle, swapping two people, swapping someone in with someone left out)
// until no move improves the score, then rounds of small deterministic perturbations followed
// by local search again, keeping the best. The answer is the same for the same input; compare
// GroupScore of it with GroupBound to report its quality.
//
// Each circle is sorted, and the circles are sorted by their first member.
func Group(n int, edges []Edge, minSize, maxSize int) (groups [][]int, err error) {
	g, err := newGroupSearch(n, edges, minSize, maxSize)
	if err != nil {
		return nil, err
	}
	g.seed()
	g.improve()
	g.perturbRounds(groupPerturbRounds(n))
	return g.result(), nil
}

// GroupBound is an upper bound on the score of any grouping with circles of at most maxSize:
// each person's maxSize-1 best positive edge weights, summed over everyone and halved. It is 0
// when no circle can be formed.
func GroupBound(n int, edges []Edge, minSize, maxSize int) int64 {
	gs, err := newGroupSearch(n, edges, minSize, maxSize)
	if err != nil || gs.groups == 0 {
		return 0
	}
	size := min(maxSize, gs.covered) // the largest circle there can be
	var total int64
	best := make([]int64, 0, size)
	for p := range n {
		best = best[:0]
		for x := gs.start[p]; x < gs.start[p+1]; x++ {
			if w := gs.wt[x]; w > 0 {
				best = append(best, w)
			}
		}
		slices.Sort(best)
		for x := len(best) - 1; x >= 0 && x >= len(best)-(size-1); x-- {
			total += best[x]
		}
	}
	return total / 2
}

// GroupScore is the sum of the weights of the edges inside the groups. People in no group,
// indices out of range and a person listed twice add nothing.
func GroupScore(groups [][]int, edges []Edge) int64 {
	of := map[int]int{}
	for gi, g := range groups {
		for _, p := range g {
			if _, twice := of[p]; !twice {
				of[p] = gi
			}
		}
	}
	var total int64
	for _, e := range edges {
		a, okA := of[e.U]
		b, okB := of[e.V]
		if okA && okB && a == b && e.U != e.V {
			total += e.W
		}
	}
	return total
}

// groupValidate checks the input of Group and GroupBound.
func groupValidate(n int, edges []Edge, minSize, maxSize int) error {
	if n < 0 {
		return fmt.Errorf("match: negative number of people %d", n)
	}
	if minSize < 1 || maxSize < minSize {
		return fmt.Errorf("match: circle sizes %d..%d: need 1 <= minSize <= maxSize", minSize, maxSize)
	}
	if n > assignMaxIndex {
		return fmt.Errorf("match: too many people (%d)", n)
	}
	for x, e := range edges {
		if e.U < 0 || e.U >= n || e.V < 0 || e.V >= n {
			return fmt.Errorf("match: edge %d: (%d, %d) out of range [0,%d)", x, e.U, e.V, n)
		}
		if e.U == e.V {
			return fmt.Errorf("match: edge %d joins person %d to itself", x, e.U)
		}
	}
	return nil
}

// groupSizes is how many people can be grouped and in how many circles: the most people, in
// the fewest circles.
func groupSizes(n, minSize, maxSize int) (covered, groups int) {
	for c := n; c > 0; c-- {
		lo := (c + maxSize - 1) / maxSize
		if lo*minSize <= c {
			return c, lo
		}
	}
	return 0, 0
}
