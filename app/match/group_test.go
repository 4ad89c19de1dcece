package match

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// groupCheck fails unless groups is a valid grouping of n people: sizes within bounds, nobody
// twice, indices in range, exactly as many people grouped as groupSizes allows, sorted output.
func groupCheck(t *testing.T, n int, minSize, maxSize int, groups [][]int) {
	t.Helper()
	seen := make([]bool, n)
	grouped := 0
	for gi, g := range groups {
		if len(g) < minSize || len(g) > maxSize {
			t.Fatalf("group %d %v has size %d, want %d..%d", gi, g, len(g), minSize, maxSize)
		}
		if !slices.IsSorted(g) {
			t.Fatalf("group %d %v is not sorted", gi, g)
		}
		if gi > 0 && groups[gi-1][0] > g[0] {
			t.Fatalf("groups are not sorted by first member: %v", groups)
		}
		for _, p := range g {
			if p < 0 || p >= n {
				t.Fatalf("group %d has person %d out of range", gi, p)
			}
			if seen[p] {
				t.Fatalf("person %d is in two groups", p)
			}
			seen[p] = true
			grouped++
		}
	}
	if want, _ := groupSizes(n, minSize, maxSize); grouped != want {
		t.Fatalf("%d people grouped, want %d (n=%d, sizes %d..%d)", grouped, want, n, minSize, maxSize)
	}
}

// groupRandomEdges: each pair with probability density, weights lo..hi.
func groupRandomEdges(r *rand.Rand, n int, density float64, lo, hi int64) []Edge {
	var edges []Edge
	for u := range n {
		for v := u + 1; v < n; v++ {
			if r.Float64() < density {
				e := Edge{u, v, lo + r.Int64N(hi-lo+1)}
				if r.IntN(2) == 0 {
					e.U, e.V = e.V, e.U
				}
				edges = append(edges, e)
			}
		}
	}
	r.Shuffle(len(edges), func(a, b int) { edges[a], edges[b] = edges[b], edges[a] })
	return edges
}

// groupBrute is the best score over all groupings with the sizes Group uses (the most people
// grouped, in the fewest circles), by exhaustive search.
func groupBrute(n int, edges []Edge, minSize, maxSize int) int64 {
	w := make([][]int64, n)
	for p := range w {
		w[p] = make([]int64, n)
	}
	for _, e := range edges {
		w[e.U][e.V], w[e.V][e.U] = e.W, e.W
	}
	covered, groups := groupSizes(n, minSize, maxSize)
	of := make([]int, n)
	size := make([]int, groups)
	best := int64(-1 << 62)
	var rec func(p, left int, score int64)
	rec = func(p, left int, score int64) {
		if p == n {
			for _, s := range size {
				if s < minSize {
					return
				}
			}
			best = max(best, score)
			return
		}
		if left > 0 { // p left out
			of[p] = -1
			rec(p+1, left-1, score)
		}
		for a := range groups {
			if size[a] == maxSize {
				continue
			}
			add := int64(0)
			for q := range p {
				if of[q] == a {
					add += w[p][q]
				}
			}
			of[p] = a
			size[a]++
			rec(p+1, left, score+add)
			size[a]--
			if size[a] == 0 {
				break // circles are interchangeable: open only the first empty one
			}
		}
	}
	rec(0, n-covered, 0)
	return best
}

func TestGroupEdgeCases(t *testing.T) {
	tri := []Edge{{0, 1, 5}, {1, 2, 5}, {0, 2, 5}, {3, 4, 9}}
	cases := []struct {
		name             string
		n                int
		edges            []Edge
		minSize, maxSize int
		want             [][]int
	}{
		{"empty", 0, nil, 3, 5, [][]int{}},
		{"fewer than minSize", 2, []Edge{{0, 1, 3}}, 3, 5, [][]int{}},
		{"one group", 4, nil, 3, 5, [][]int{{0, 1, 2, 3}}},
		{"no edges", 6, nil, 3, 3, [][]int{{0, 1, 2}, {3, 4, 5}}},
		{"triangle and pair", 6, tri, 2, 3, [][]int{{0, 1, 2}, {3, 4, 5}}},
		{"pairs", 6, tri, 2, 2, nil}, // checked by score below
		{"seven in fours", 7, []Edge{{0, 6, 10}, {6, 5, 10}, {5, 0, 10}, {1, 2, 1}}, 4, 4, nil},
		{"negative weights split", 4, []Edge{{0, 1, -10}, {2, 3, -10}, {0, 2, 1}, {1, 3, 1}}, 2, 2, [][]int{{0, 2}, {1, 3}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Group(c.n, c.edges, c.minSize, c.maxSize)
			if err != nil {
				t.Fatal(err)
			}
			groupCheck(t, c.n, c.minSize, c.maxSize, got)
			if c.want != nil && !reflect.DeepEqual(got, c.want) {
				t.Fatalf("Group = %v, want %v", got, c.want)
			}
			if bf := groupBrute(c.n, c.edges, c.minSize, c.maxSize); c.n > 0 && GroupScore(got, c.edges) != bf {
				t.Fatalf("Group = %v scores %d, the best is %d", got, GroupScore(got, c.edges), bf)
			}
		})
	}
}

func TestGroupErrors(t *testing.T) {
	cases := []struct {
		name             string
		n                int
		edges            []Edge
		minSize, maxSize int
		want             string
	}{
		{"negative n", -1, nil, 2, 3, "negative number of people"},
		{"min 0", 4, nil, 0, 3, "need 1 <= minSize <= maxSize"},
		{"max below min", 4, nil, 3, 2, "need 1 <= minSize <= maxSize"},
		{"out of range", 3, []Edge{{0, 1, 1}, {1, 3, 1}}, 2, 3, "edge 1: (1, 3) out of range [0,3)"},
		{"negative index", 3, []Edge{{-1, 1, 1}}, 2, 3, "edge 0: (-1, 1) out of range"},
		{"self", 3, []Edge{{2, 2, 1}}, 2, 3, "edge 0 joins person 2 to itself"},
		{"duplicate", 3, []Edge{{0, 1, 1}, {1, 2, 1}, {0, 1, 4}}, 2, 3, "edge 2 duplicates edge 0"},
		{"duplicate reversed", 3, []Edge{{0, 1, 1}, {1, 0, 1}}, 2, 3, "edge 1 duplicates edge 0"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Group(c.n, c.edges, c.minSize, c.maxSize)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("Group = %v, %v; want an error containing %q", got, err, c.want)
			}
			if b := GroupBound(c.n, c.edges, c.minSize, c.maxSize); b != 0 {
				t.Fatalf("GroupBound of invalid input = %d, want 0", b)
			}
		})
	}
}

// Random instances: valid groupings, score <= bound, the bound >= the true optimum (tiny
// instances, exhaustive), deterministic.
func TestGroupProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	sizes := [][2]int{{3, 5}, {4, 4}, {2, 3}, {3, 3}, {2, 2}, {1, 2}}
	for x := range 300 {
		n := r.IntN(10)
		if x%4 == 0 {
			n = 10 + r.IntN(60)
		}
		sz := sizes[x%len(sizes)]
		lo := []int64{0, -20, 1}[x%3]
		edges := groupRandomEdges(r, n, []float64{1, 0.5, 0.1}[(x/3)%3], lo, 20)
		got, err := Group(n, edges, sz[0], sz[1])
		if err != nil {
			t.Fatal(err)
		}
		groupCheck(t, n, sz[0], sz[1], got)
		score, bound := GroupScore(got, edges), GroupBound(n, edges, sz[0], sz[1])
		if score > bound {
			t.Fatalf("instance %d: score %d above bound %d", x, score, bound)
		}
		if n <= 9 {
			if bf := groupBrute(n, edges, sz[0], sz[1]); bf > bound || score > bf {
				t.Fatalf("instance %d (n=%d, %v, %v): score %d, optimum %d, bound %d", x, n, sz, edges, score, bf, bound)
			}
		}
		again, _ := Group(n, slices.Clone(edges), sz[0], sz[1])
		if !reflect.DeepEqual(got, again) {
			t.Fatalf("instance %d: two runs differ:\n%v\n%v", x, got, again)
		}
	}
}

// On tiny instances the search finds the optimum almost always.
func TestGroupOptimalOnTiny(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 9))
	const total = 200
	hits := 0
	for range total {
		n := 6 + r.IntN(4)
		edges := groupRandomEdges(r, n, 0.8, -5, 30)
		got, err := Group(n, edges, 3, 4)
		if err != nil {
			t.Fatal(err)
		}
		if GroupScore(got, edges) == groupBrute(n, edges, 3, 4) {
			hits++
		}
	}
	if hits < total*95/100 {
		t.Fatalf("optimal on %d of %d tiny instances, want >= 95 %%", hits, total)
	}
}

// The local search never loses against the greedy seed, keeps its running score right, ends in
// a local optimum (no single move or swap improves), and the perturbation rounds never lose
// against the local search.
func TestGroupLocalSearchBeatsSeed(t *testing.T) {
	r := rand.New(rand.NewPCG(10, 11))
	better := 0
	for x := range 30 {
		n := 20 + r.IntN(80)
		edges := groupRandomEdges(r, n, 0.6, -10, 50)
		minSize, maxSize := 3, 3+x%3
		g, err := newGroupSearch(n, edges, minSize, maxSize)
		if err != nil {
			t.Fatal(err)
		}
		g.seed()
		seed := g.score
		if s := GroupScore(g.result(), edges); s != seed {
			t.Fatalf("instance %d: seed keeps score %d, really %d", x, seed, s)
		}
		g.improve()
		local := g.score
		if s := GroupScore(g.result(), edges); s != local {
			t.Fatalf("instance %d: local search keeps score %d, really %d", x, local, s)
		}
		if local < seed {
			t.Fatalf("instance %d: local search %d below seed %d", x, local, seed)
		}
		if local > seed {
			better++
		}
		if n <= 50 {
			groupCheckLocalOptimum(t, g, edges)
		}
		g.perturbRounds(200)
		if s := GroupScore(g.result(), edges); s != g.score || s < local {
			t.Fatalf("instance %d: after perturbation score %d (kept %d), local search had %d", x, s, g.score, local)
		}
		groupCheck(t, n, minSize, maxSize, g.result())
	}
	if better == 0 {
		t.Fatal("the local search never improved on the seed")
	}
}

// groupCheckLocalOptimum tries every move and swap by recomputing the score from scratch.
func groupCheckLocalOptimum(t *testing.T, g *groupSearch, edges []Edge) {
	t.Helper()
	groups := g.result()
	base := GroupScore(groups, edges)
	of := map[int]int{}
	for gi, gr := range groups {
		for _, p := range gr {
			of[p] = gi
		}
	}
	out := -1
	try := func(assign func(p int) int) {
		next := make([][]int, len(groups))
		for p := range g.n {
			if a := assign(p); a >= 0 {
				next[a] = append(next[a], p)
			}
		}
		for _, gr := range next {
			if len(gr) < g.minSize || len(gr) > g.maxSize {
				return
			}
		}
		if s := GroupScore(next, edges); s > base {
			t.Fatalf("not a local optimum: %v scores %d > %d", next, s, base)
		}
	}
	groupOf := func(p int) int {
		if a, ok := of[p]; ok {
			return a
		}
		return out
	}
	for p := range g.n {
		for b := range groups {
			try(func(x int) int {
				if x == p && groupOf(p) != out {
					return b
				}
				return groupOf(x)
			})
		}
		for q := p + 1; q < g.n; q++ {
			if groupOf(p) == groupOf(q) {
				continue
			}
			try(func(x int) int {
				switch x {
				case p:
					return groupOf(q)
				case q:
					return groupOf(p)
				}
				return groupOf(x)
			})
		}
	}
}
