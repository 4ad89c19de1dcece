package match

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
)

// pairE builds edges from (u, v, w) triples.
func pairE(t ...int64) []Edge {
	out := make([]Edge, 0, len(t)/3)
	for i := 0; i+2 < len(t); i += 3 {
		out = append(out, Edge{U: int(t[i]), V: int(t[i+1]), W: t[i+2]})
	}
	return out
}

// The classic cases of van Rantwijk's mwmatching.py test suite (also networkx's
// test_matching.py); vertex 0 is isolated in most of them, as there.
var pairClassicCases = []struct {
	name  string
	edges []Edge
	obj   Objective
	want  []int
}{
	{"single edge", pairE(0, 1, 1), MaxWeight, []int{1, 0}},
	{"two edges, heavier wins", pairE(1, 2, 10, 2, 3, 11), MaxWeight, []int{-1, -1, 3, 2}},
	{"path of three", pairE(1, 2, 5, 2, 3, 11, 3, 4, 5), MaxWeight, []int{-1, -1, 3, 2, -1}},
	{"path of three, max cardinality", pairE(1, 2, 5, 2, 3, 11, 3, 4, 5), MaxCardinality, []int{-1, 2, 1, 4, 3}},
	{"negative weights", pairE(1, 2, 2, 1, 3, -2, 2, 3, 1, 2, 4, -1, 3, 4, -6), MaxWeight, []int{-1, 2, 1, -1, -1}},
	{"negative weights, max cardinality", pairE(1, 2, 2, 1, 3, -2, 2, 3, 1, 2, 4, -1, 3, 4, -6), MaxCardinality, []int{-1, 3, 4, 1, 2}},
	{"create S-blossom and use it for augmentation", pairE(1, 2, 8, 1, 3, 9, 2, 3, 10, 3, 4, 7), MaxWeight, []int{-1, 2, 1, 4, 3}},
	{"create S-blossom and use it for augmentation, 2", pairE(1, 2, 8, 1, 3, 9, 2, 3, 10, 3, 4, 7, 1, 6, 5, 4, 5, 6), MaxWeight, []int{-1, 6, 3, 2, 5, 4, 1}},
	{"create S-blossom, relabel as T-blossom, use for augmentation", pairE(1, 2, 9, 1, 3, 8, 2, 3, 10, 1, 4, 5, 4, 5, 4, 1, 6, 3), MaxWeight, []int{-1, 6, 3, 2, 5, 4, 1}},
	{"create S-blossom, relabel as T-blossom, use for augmentation, 2", pairE(1, 2, 9, 1, 3, 8, 2, 3, 10, 1, 4, 5, 4, 5, 3, 1, 6, 4), MaxWeight, []int{-1, 6, 3, 2, 5, 4, 1}},
	{"create S-blossom, relabel as T-blossom, use for augmentation, 3", pairE(1, 2, 9, 1, 3, 8, 2, 3, 10, 1, 4, 5, 4, 5, 3, 3, 6, 4), MaxWeight, []int{-1, 2, 1, 6, 5, 4, 3}},
	{"create nested S-blossom, use for augmentation", pairE(1, 2, 9, 1, 3, 9, 2, 3, 10, 2, 4, 8, 3, 5, 8, 4, 5, 10, 5, 6, 6), MaxWeight, []int{-1, 3, 4, 1, 2, 6, 5}},
	{"create S-blossom, relabel as S, include in nested S-blossom", pairE(1, 2, 10, 1, 7, 10, 2, 3, 12, 3, 4, 20, 3, 5, 20, 4, 5, 25, 5, 6, 10, 6, 7, 10, 7, 8, 8), MaxWeight, []int{-1, 2, 1, 4, 3, 6, 5, 8, 7}},
	{"create nested S-blossom, augment, expand recursively", pairE(1, 2, 8, 1, 3, 8, 2, 3, 10, 2, 4, 12, 3, 5, 12, 4, 5, 14, 4, 6, 12, 5, 7, 12, 6, 7, 14, 7, 8, 12), MaxWeight, []int{-1, 2, 1, 5, 6, 3, 4, 8, 7}},
	{"create S-blossom, relabel as T, expand", pairE(1, 2, 23, 1, 5, 22, 1, 6, 15, 2, 3, 25, 3, 4, 22, 4, 5, 25, 4, 8, 14, 5, 7, 13), MaxWeight, []int{-1, 6, 3, 2, 8, 7, 1, 5, 4}},
	{"create nested S-blossom, relabel as T, expand", pairE(1, 2, 19, 1, 3, 20, 1, 8, 8, 2, 3, 25, 2, 4, 18, 3, 5, 18, 4, 5, 13, 4, 7, 7, 5, 6, 7), MaxWeight, []int{-1, 8, 3, 2, 7, 6, 5, 4, 1}},
	{"create blossom, relabel as T in more than one way, expand, augment", pairE(1, 2, 45, 1, 5, 45, 2, 3, 50, 3, 4, 45, 4, 5, 50, 1, 6, 30, 3, 9, 35, 4, 8, 35, 5, 7, 26, 9, 10, 5), MaxWeight, []int{-1, 6, 3, 2, 8, 7, 1, 5, 4, 10, 9}},
	{"again but slightly different", pairE(1, 2, 45, 1, 5, 45, 2, 3, 50, 3, 4, 45, 4, 5, 50, 1, 6, 30, 3, 9, 35, 4, 8, 26, 5, 7, 40, 9, 10, 5), MaxWeight, []int{-1, 6, 3, 2, 8, 7, 1, 5, 4, 10, 9}},
	{"create blossom, relabel as T, expand such that a new least-slack S-to-free edge is produced, augment", pairE(1, 2, 45, 1, 5, 45, 2, 3, 50, 3, 4, 45, 4, 5, 50, 1, 6, 30, 3, 9, 35, 4, 8, 28, 5, 7, 26, 9, 10, 5), MaxWeight, []int{-1, 6, 3, 2, 8, 7, 1, 5, 4, 10, 9}},
	{"create nested blossom, relabel as T in more than one way, expand outer blossom such that inner blossom ends up on an augmenting path", pairE(1, 2, 45, 1, 7, 45, 2, 3, 50, 3, 4, 45, 4, 5, 95, 4, 6, 94, 5, 6, 94, 6, 7, 50, 1, 8, 30, 3, 11, 35, 5, 9, 36, 7, 10, 26, 11, 12, 5), MaxWeight, []int{-1, 8, 3, 2, 6, 9, 4, 10, 1, 5, 7, 12, 11}},
	{"create nested S-blossom, relabel as S, expand recursively", pairE(1, 2, 40, 1, 3, 40, 2, 3, 60, 2, 4, 55, 3, 5, 55, 4, 5, 50, 1, 8, 15, 5, 7, 30, 7, 6, 10, 8, 10, 10, 4, 9, 30), MaxWeight, []int{-1, 2, 1, 5, 9, 3, 7, 6, 10, 4, 8}},
	{"triangle", pairE(0, 1, 5, 1, 2, 6, 0, 2, 4), MaxWeight, []int{-1, 2, 1}},
	{"odd cycle of five with a tail", pairE(0, 1, 10, 1, 2, 10, 2, 3, 10, 3, 4, 10, 4, 0, 10, 4, 5, 1), MaxWeight, []int{1, 0, 3, 2, 5, 4}},
	{"zero and negative weights are never taken", pairE(0, 1, 0, 1, 2, -3, 2, 3, 0), MaxWeight, []int{-1, -1, -1, -1}},
	{"max cardinality takes a zero edge", pairE(0, 1, 0, 1, 2, 7, 2, 3, 0), MaxCardinality, []int{1, 0, 3, 2}},
}

func TestPairClassicCases(t *testing.T) {
	for _, tc := range pairClassicCases {
		t.Run(tc.name, func(t *testing.T) {
			n := len(tc.want)
			got, err := Pair(n, tc.edges, tc.obj)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("Pair = %v, want %v", got, tc.want)
			}
			pairCheckOptimal(t, n, tc.edges, tc.obj, got)
		})
	}
}

func TestPairEmpty(t *testing.T) {
	got, err := Pair(0, nil, MaxWeight)
	if err != nil || len(got) != 0 {
		t.Fatalf("Pair(0) = %v, %v", got, err)
	}
	got, err = Pair(3, nil, MaxCardinality)
	if err != nil || !reflect.DeepEqual(got, []int{-1, -1, -1}) {
		t.Fatalf("Pair(3, no edges) = %v, %v", got, err)
	}
}

func TestPairObjectivesDiffer(t *testing.T) {
	// A heavy middle edge against two light outer ones.
	edges := pairE(0, 1, 1, 1, 2, 10, 2, 3, 1)
	mw, _ := Pair(4, edges, MaxWeight)
	mc, _ := Pair(4, edges, MaxCardinality)
	if !reflect.DeepEqual(mw, []int{-1, 2, 1, -1}) || !reflect.DeepEqual(mc, []int{1, 0, 3, 2}) {
		t.Fatalf("max weight %v, max cardinality %v", mw, mc)
	}
}

func TestPairDeterministic(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	edges := pairRandomEdges(rng, 40, 0.5, 0, 3) // many ties
	first, err := Pair(40, edges, MaxWeight)
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		again, _ := Pair(40, edges, MaxWeight)
		if !reflect.DeepEqual(first, again) {
			t.Fatalf("different answers for the same input:\n%v\n%v", first, again)
		}
	}
}

func TestPairInputErrors(t *testing.T) {
	cases := []struct {
		n     int
		edges []Edge
		obj   Objective
		want  string
	}{
		{-1, nil, MaxWeight, "negative"},
		{3, pairE(0, 1, 1, 1, 3, 1), MaxWeight, "edge 1 (1–3): endpoint out of range"},
		{3, pairE(0, 1, 1, -1, 2, 1), MaxWeight, "edge 1 (-1–2): endpoint out of range"},
		{3, pairE(0, 1, 1, 2, 2, 1), MaxWeight, "edge 1 joins 2 to itself"},
		{3, pairE(0, 1, 1, 1, 2, 1, 1, 0, 5), MaxWeight, "edge 2 (1–0) duplicates edge 0 (0–1)"},
		{3, pairE(0, 1, 1, 0, 2, 1<<41), MaxWeight, "edge 1 (0–2): weight"},
		{3, pairE(0, 1, 1), Objective(9), "unknown objective"},
	}
	for _, tc := range cases {
		_, err := Pair(tc.n, tc.edges, tc.obj)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Pair(%d, %v) error = %v, want %q", tc.n, tc.edges, err, tc.want)
		}
	}
}

// TestPairBruteForce compares Pair with exhaustive search on tiny random graphs.
func TestPairBruteForce(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for iter := 0; iter < 3000; iter++ {
		n := 1 + rng.Intn(9)
		density := []float64{0.3, 0.6, 1}[iter%3]
		lo, hi := []int64{-5, 0, 1, 1}[iter%4], []int64{5, 3, 2, 100}[iter%4]
		edges := pairRandomEdges(rng, n, density, lo, hi)
		for _, obj := range []Objective{MaxWeight, MaxCardinality} {
			got, err := Pair(n, edges, obj)
			if err != nil {
				t.Fatal(err)
			}
			pairCheckOptimal(t, n, edges, obj, got)
			if t.Failed() {
				t.Fatalf("n=%d obj=%v edges=%v", n, obj, edges)
			}
		}
	}
}

// TestPairVariantsBruteForce runs the solver variants Pair does not always pick (uniform
// initial duals, the native max-cardinality mode) against exhaustive search.
func TestPairVariantsBruteForce(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	for iter := 0; iter < 2000; iter++ {
		n := 2 + rng.Intn(8)
		edges := pairRandomEdges(rng, n, []float64{0.4, 0.8}[iter%2], -3, 6)
		var positive []Edge
		for _, e := range edges {
			if e.W > 0 {
				positive = append(positive, e)
			}
		}
		for _, v := range []struct {
			obj   Objective
			opts  blossomOptions
			edges []Edge
		}{
			{MaxWeight, blossomOptions{}, positive},
			{MaxWeight, blossomOptions{greedy: true}, positive},
			{MaxCardinality, blossomOptions{maxCard: true}, edges},
		} {
			if len(v.edges) == 0 {
				continue
			}
			got := newBlossomGraph(n, v.edges).solve(v.opts)
			pairCheckOptimal(t, n, edges, v.obj, got)
			if t.Failed() {
				t.Fatalf("opts=%+v n=%d edges=%v", v.opts, n, edges)
			}
		}
	}
}

// pairRandomEdges draws each pair with probability density and a weight in [lo, hi].
func pairRandomEdges(rng *rand.Rand, n int, density float64, lo, hi int64) []Edge {
	var edges []Edge
	for u := 0; u < n; u++ {
		for v := u + 1; v < n; v++ {
			if rng.Float64() < density {
				e := Edge{U: u, V: v, W: lo + rng.Int63n(hi-lo+1)}
				if rng.Intn(2) == 0 {
					e.U, e.V = e.V, e.U
				}
				edges = append(edges, e)
			}
		}
	}
	rng.Shuffle(len(edges), func(i, j int) { edges[i], edges[j] = edges[j], edges[i] })
	return edges
}

// pairCheckValid fails unless mate is a matching of n vertices over the given edges, and
// returns its size and weight.
func pairCheckValid(t *testing.T, n int, edges []Edge, mate []int) (pairs int, weight int64) {
	t.Helper()
	if len(mate) != n {
		t.Fatalf("len(mate) = %d, want %d", len(mate), n)
	}
	w := map[[2]int]int64{}
	for _, e := range edges {
		w[[2]int{e.U, e.V}] = e.W
		w[[2]int{e.V, e.U}] = e.W
	}
	for v, u := range mate {
		if u == -1 {
			continue
		}
		if u < 0 || u >= n || mate[u] != v {
			t.Fatalf("mate[%d] = %d but mate[%d] = %v", v, u, u, mate[u])
		}
		ew, ok := w[[2]int{v, u}]
		if !ok {
			t.Fatalf("%d–%d is paired without an edge", v, u)
		}
		if v < u {
			pairs++
			weight += ew
		}
	}
	return pairs, weight
}

// pairCheckOptimal fails unless mate is valid and as good as the brute-force optimum.
func pairCheckOptimal(t *testing.T, n int, edges []Edge, obj Objective, mate []int) {
	t.Helper()
	pairs, weight := pairCheckValid(t, n, edges, mate)
	wantPairs, wantWeight := pairBruteForce(n, edges, obj)
	if obj == MaxCardinality && pairs != wantPairs {
		t.Fatalf("%d pairs, brute force finds %d", pairs, wantPairs)
	}
	if weight != wantWeight {
		t.Fatalf("weight %d (%d pairs), brute force finds %d (%d pairs)", weight, pairs, wantWeight, wantPairs)
	}
}

// pairBruteForce returns the best (pairs, weight) by trying every matching: the lowest
// unmatched vertex either stays single or pairs with a higher neighbour.
func pairBruteForce(n int, edges []Edge, obj Objective) (int, int64) {
	w := make([][]int64, n)
	has := make([][]bool, n)
	for i := range w {
		w[i] = make([]int64, n)
		has[i] = make([]bool, n)
	}
	for _, e := range edges {
		w[e.U][e.V], w[e.V][e.U] = e.W, e.W
		has[e.U][e.V], has[e.V][e.U] = true, true
	}
	used := make([]bool, n)
	better := func(p1 int, w1 int64, p2 int, w2 int64) bool {
		if obj == MaxCardinality && p1 != p2 {
			return p1 > p2
		}
		return w1 > w2
	}
	var rec func(v int) (int, int64)
	rec = func(v int) (int, int64) {
		for v < n && used[v] {
			v++
		}
		if v >= n {
			return 0, 0
		}
		used[v] = true
		bp, bw := rec(v + 1)
		for u := v + 1; u < n; u++ {
			if used[u] || !has[v][u] || (obj == MaxWeight && w[v][u] <= 0) {
				continue
			}
			used[u] = true
			p, ww := rec(v + 1)
			p, ww = p+1, ww+w[v][u]
			if better(p, ww, bp, bw) {
				bp, bw = p, ww
			}
			used[u] = false
		}
		used[v] = false
		return bp, bw
	}
	return rec(0)
}
