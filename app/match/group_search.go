package match

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
)

// groupSearch is the state of Group's local search. Circles are 0..groups-1; index groups is
// the pool of people left out (its weights always count 0, its size never changes).
type groupSearch struct {
	n, minSize, maxSize int
	covered, groups     int

	// Adjacency, both directions, sorted by neighbour: the edges of p are
	// to[start[p]:start[p+1]] with weights wt[...].
	start []int32
	to    []int32
	wt    []int64

	of      []int32   // circle of each person, groups = left out
	members [][]int32 // people of each circle and of the pool
	// in[p*stride+a] is the sum of the weights from p to the members of circle a; the column
	// of the pool stays 0.
	in     []int64
	stride int
	score  int64

	pw    []int64 // weights of the person being examined, by neighbour (scratch)
	queue []int32 // people to examine
	inQ   []bool
	undo  []groupChange // changes since the best grouping
}

// groupChange is a move of p from circle a to b, or a swap of p (in a) and q (in b) when q >= 0.
type groupChange struct {
	p, q int32
	a, b int32
}

func newGroupSearch(n int, edges []Edge, minSize, maxSize int) (*groupSearch, error) {
	if err := groupValidate(n, edges, minSize, maxSize); err != nil {
		return nil, err
	}
	g := &groupSearch{n: n, minSize: minSize, maxSize: maxSize}
	g.covered, g.groups = groupSizes(n, minSize, maxSize)
	// Adjacency in both directions, with the edge index to report duplicates.
	g.start = make([]int32, n+1)
	for _, e := range edges {
		g.start[e.U+1]++
		g.start[e.V+1]++
	}
	for p := range n {
		g.start[p+1] += g.start[p]
	}
	type half struct {
		to   int32
		edge int32
	}
	halves := make([]half, 2*len(edges))
	next := slices.Clone(g.start[:n])
	for x, e := range edges {
		halves[next[e.U]] = half{int32(e.V), int32(x)}
		next[e.U]++
		halves[next[e.V]] = half{int32(e.U), int32(x)}
		next[e.V]++
	}
	g.to = make([]int32, len(halves))
	g.wt = make([]int64, len(halves))
	for p := range n {
		hs := halves[g.start[p]:g.start[p+1]]
		slices.SortFunc(hs, func(a, b half) int {
			return cmp.Or(cmp.Compare(a.to, b.to), cmp.Compare(a.edge, b.edge))
		})
		for x, h := range hs {
			if x > 0 && hs[x-1].to == h.to {
				return nil, fmt.Errorf("match: edge %d duplicates edge %d (%d, %d)", h.edge, hs[x-1].edge, p, h.to)
			}
			g.to[int(g.start[p])+x] = h.to
			g.wt[int(g.start[p])+x] = edges[h.edge].W
		}
	}
	return g, nil
}

// weight is how much circle a gains from p: the sum of p's weights to its members.
func (g *groupSearch) weight(p int32, a int32) int64 { return g.in[int(p)*g.stride+int(a)] }

// seed builds the first grouping greedily: each circle in turn starts with the first person not
// yet placed and takes, one at a time, whoever adds the most to it (the lowest index among
// equals). Whoever is left when the circles are full is left out.
func (g *groupSearch) seed() {
	n, G := g.n, g.groups
	g.stride = G + 1
	g.in = make([]int64, n*g.stride)
	g.of = make([]int32, n)
	g.members = make([][]int32, G+1)
	g.pw = make([]int64, n)
	g.inQ = make([]bool, n)
	for p := range g.of {
		g.of[p] = -1
	}
	next := 0 // first person not placed yet
	for a := range G {
		size := g.covered / G
		if a < g.covered%G {
			size++
		}
		for g.of[next] >= 0 {
			next++
		}
		g.place(int32(next), int32(a))
		for len(g.members[a]) < size {
			best, bw := int32(-1), int64(0)
			for p := next; p < n; p++ {
				if g.of[p] < 0 {
					if w := g.weight(int32(p), int32(a)); best < 0 || w > bw {
						best, bw = int32(p), w
					}
				}
			}
			g.place(best, int32(a))
		}
	}
	for p := range g.of {
		if g.of[p] < 0 {
			g.of[p] = int32(G)
			g.members[G] = append(g.members[G], int32(p))
		}
	}
}

// place puts p (not placed yet) in circle a.
func (g *groupSearch) place(p, a int32) {
	g.score += g.weight(p, a)
	g.of[p] = a
	g.members[a] = append(g.members[a], p)
	g.shift(p, -1, a)
}

// shift updates the circle weights of p's neighbours for p leaving a and joining b (-1: none;
// the pool's column is never updated).
func (g *groupSearch) shift(p, a, b int32) {
	pool := int32(g.groups)
	for x := g.start[p]; x < g.start[p+1]; x++ {
		row := int(g.to[x]) * g.stride
		if a >= 0 && a != pool {
			g.in[row+int(a)] -= g.wt[x]
		}
		if b >= 0 && b != pool {
			g.in[row+int(b)] += g.wt[x]
		}
	}
}

// apply makes a change and records it for undo.
func (g *groupSearch) apply(c groupChange, delta int64) {
	g.score += delta
	g.relocate(c.p, c.a, c.b)
	if c.q >= 0 {
		g.relocate(c.q, c.b, c.a)
	}
	g.undo = append(g.undo, c)
}

func (g *groupSearch) relocate(p, a, b int32) {
	g.of[p] = b
	ms := g.members[a]
	at := slices.Index(ms, p)
	ms[at] = ms[len(ms)-1]
	g.members[a] = ms[:len(ms)-1]
	g.members[b] = append(g.members[b], p)
	g.shift(p, a, b)
}

// revert undoes the changes since the best grouping.
func (g *groupSearch) revert(bestScore int64) {
	for x := len(g.undo) - 1; x >= 0; x-- {
		c := g.undo[x]
		g.relocate(c.p, c.b, c.a)
		if c.q >= 0 {
			g.relocate(c.q, c.a, c.b)
		}
	}
	g.undo = g.undo[:0]
	g.score = bestScore
}

func (g *groupSearch) push(p int32) {
	if !g.inQ[p] {
		g.inQ[p] = true
		g.queue = append(g.queue, p)
	}
}

// improve runs the local search until no move or swap improves the score.
func (g *groupSearch) improve() {
	for p := range g.n {
		g.push(int32(p))
	}
	g.drain()
}

// drain examines queued people, applying each one's best improving change, until the queue is
// empty. A change touches two circles; only changes involving them can have become improving,
// so their members, and whoever now gains by moving into them, are queued again.
func (g *groupSearch) drain() {
	for head := 0; head < len(g.queue); head++ {
		p := g.queue[head]
		g.inQ[p] = false
		c, delta, ok := g.bestChange(p)
		if !ok {
			continue
		}
		g.apply(c, delta)
		for _, a := range [2]int32{c.a, c.b} {
			for _, q := range g.members[a] {
				g.push(q)
			}
			if int(a) != g.groups && len(g.members[a]) < g.maxSize {
				for q := range g.n {
					if b := g.of[q]; int(b) != g.groups && b != a && len(g.members[b]) > g.minSize && g.weight(int32(q), a) > g.weight(int32(q), b) {
						g.push(int32(q))
					}
				}
			}
		}
		if head > 1<<16 && head*2 > len(g.queue) {
			g.queue = append(g.queue[:0], g.queue[head+1:]...)
			head = -1
		}
	}
	g.queue = g.queue[:0]
}

// bestChange is p's best improving move or swap (the first found among equals).
func (g *groupSearch) bestChange(p int32) (groupChange, int64, bool) {
	pool := int32(g.groups)
	a := g.of[p]
	best, bestDelta := groupChange{}, int64(0)
	// Moves to another circle.
	if a != pool && len(g.members[a]) > g.minSize {
		stay := g.weight(p, a)
		for b := range pool {
			if b != a && len(g.members[b]) < g.maxSize {
				if d := g.weight(p, b) - stay; d > bestDelta {
					best, bestDelta = groupChange{p, -1, a, b}, d
				}
			}
		}
	}
	// Swaps with anyone in another circle or the pool.
	for x := g.start[p]; x < g.start[p+1]; x++ {
		g.pw[g.to[x]] = g.wt[x]
	}
	pa, pool0 := g.weight(p, a), a == pool
	for q := range int32(g.n) {
		b := g.of[q]
		if b == a {
			continue
		}
		pair := 2 * g.pw[q]
		if pool0 || b == pool {
			pair = g.pw[q]
		}
		d := g.weight(p, b) - pa + g.weight(q, a) - g.weight(q, b) - pair
		if d > bestDelta {
			best, bestDelta = groupChange{p, q, a, b}, d
		}
	}
	for x := g.start[p]; x < g.start[p+1]; x++ {
		g.pw[g.to[x]] = 0
	}
	return best, bestDelta, bestDelta > 0
}

// groupPerturbRounds is the most perturbation rounds, fewer for big inputs (a round costs
// about n*n).
func groupPerturbRounds(n int) int {
	if n < 2 {
		return 0
	}
	return min(1000, 400_000_000/(n*n))
}

// groupStagnation is how many rounds in a row may fail to improve before the search stops.
const groupStagnation = 150

// perturbRounds kicks the best grouping found with a few random swaps (from a fixed seed, so
// the result is deterministic), runs the local search again, and keeps the result when it is
// better; it stops after groupStagnation rounds in a row without a better score.
func (g *groupSearch) perturbRounds(rounds int) {
	if g.groups == 0 || (g.groups == 1 && g.covered == g.n) {
		return
	}
	r := rand.New(rand.NewPCG(0x7a6d, uint64(g.n)))
	g.undo = g.undo[:0]
	best := g.score
	for stale := 0; rounds > 0 && stale < groupStagnation; rounds-- {
		stale++
		for range 1 + r.IntN(2) {
			p := int32(r.IntN(g.n))
			q := int32(r.IntN(g.n))
			a, b := g.of[p], g.of[q]
			if a == b {
				continue
			}
			g.apply(groupChange{p, q, a, b}, g.swapDelta(p, q))
			for _, c := range [2]int32{a, b} {
				for _, x := range g.members[c] {
					g.push(x)
				}
			}
		}
		g.drain()
		if g.score > best {
			best, stale = g.score, 0
			g.undo = g.undo[:0]
		} else { // back to the best, on equal scores too, so a plateau does not drift
			g.revert(best)
		}
	}
}

// swapDelta is the change of score when p and q (in different circles) swap.
func (g *groupSearch) swapDelta(p, q int32) int64 {
	a, b := g.of[p], g.of[q]
	var w int64
	for x := g.start[p]; x < g.start[p+1]; x++ {
		if g.to[x] == q {
			w = g.wt[x]
		}
	}
	pair := 2 * w
	if int(a) == g.groups || int(b) == g.groups {
		pair = w
	}
	return g.weight(p, b) - g.weight(p, a) + g.weight(q, a) - g.weight(q, b) - pair
}

// result is the circles, each sorted, sorted by first member.
func (g *groupSearch) result() [][]int {
	out := make([][]int, 0, g.groups)
	for a := range g.groups {
		c := make([]int, len(g.members[a]))
		for x, p := range g.members[a] {
			c[x] = int(p)
		}
		slices.Sort(c)
		out = append(out, c)
	}
	slices.SortFunc(out, func(x, y []int) int { return cmp.Compare(x[0], y[0]) })
	return out
}
