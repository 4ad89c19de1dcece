package match

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// assignCheck fails unless mentorOf is a feasible assignment for the instance: the right
// length, only allowed arcs (and under MaxWeight only positive ones), every mentor within
// capacity. It returns the total weight and the number matched.
func assignCheck(t *testing.T, m int, capacity []int, arcs []Arc, obj Objective, mentorOf []int) (int64, int) {
	t.Helper()
	if len(mentorOf) != m {
		t.Fatalf("len(mentorOf) = %d, want %d", len(mentorOf), m)
	}
	w := map[[2]int]int64{}
	for _, a := range arcs {
		w[[2]int{a.Mentee, a.Mentor}] = a.W
	}
	load := make([]int, len(capacity))
	var total int64
	matched := 0
	for i, j := range mentorOf {
		if j == -1 {
			continue
		}
		if j < 0 || j >= len(capacity) {
			t.Fatalf("mentee %d: mentor %d out of range", i, j)
		}
		aw, ok := w[[2]int{i, j}]
		if !ok {
			t.Fatalf("mentee %d matched to mentor %d along a forbidden pair", i, j)
		}
		if obj == MaxWeight && aw <= 0 {
			t.Fatalf("mentee %d matched to mentor %d along an arc of weight %d under MaxWeight", i, j, aw)
		}
		load[j]++
		total += aw
		matched++
	}
	for j, l := range load {
		if l > capacity[j] {
			t.Fatalf("mentor %d has %d mentees, capacity %d", j, l, capacity[j])
		}
	}
	return total, matched
}

// assignBrute is an exhaustive search: the best (matched, weight) under obj.
func assignBrute(m int, capacity []int, arcs []Arc, obj Objective) (int64, int) {
	adj := make([][]Arc, m)
	for _, a := range arcs {
		adj[a.Mentee] = append(adj[a.Mentee], a)
	}
	load := make([]int, len(capacity))
	bestW, bestC := int64(math.MinInt64), -1
	var rec func(i int, w int64, c int)
	rec = func(i int, w int64, c int) {
		if i == m {
			better := w > bestW
			if obj == MaxCardinality {
				better = c > bestC || (c == bestC && w > bestW)
			}
			if better {
				bestW, bestC = w, c
			}
			return
		}
		rec(i+1, w, c)
		for _, a := range adj[i] {
			if load[a.Mentor] < capacity[a.Mentor] {
				load[a.Mentor]++
				rec(i+1, w+a.W, c+1)
				load[a.Mentor]--
			}
		}
	}
	rec(0, 0, 0)
	return bestW, bestC
}

// assignRandom is a random instance: density is the chance of each pair, weights lo..hi.
func assignRandom(r *rand.Rand, m, k int, density float64, maxCap int, lo, hi int64) ([]int, []Arc) {
	capacity := make([]int, k)
	for j := range capacity {
		capacity[j] = r.IntN(maxCap + 1)
	}
	var arcs []Arc
	for i := 0; i < m; i++ {
		for j := 0; j < k; j++ {
			if r.Float64() < density {
				arcs = append(arcs, Arc{i, j, lo + r.Int64N(hi-lo+1)})
			}
		}
	}
	r.Shuffle(len(arcs), func(a, b int) { arcs[a], arcs[b] = arcs[b], arcs[a] })
	return capacity, arcs
}

func TestAssignEdgeCases(t *testing.T) {
	type tc struct {
		name     string
		m        int
		capacity []int
		arcs     []Arc
		obj      Objective
		want     []int
	}
	cases := []tc{
		{"empty", 0, nil, nil, MaxWeight, []int{}},
		{"no mentors", 3, nil, nil, MaxWeight, []int{-1, -1, -1}},
		{"no arcs", 2, []int{1, 1}, nil, MaxCardinality, []int{-1, -1}},
		{"capacity 0", 2, []int{0, 1}, []Arc{{0, 0, 9}, {1, 0, 9}, {1, 1, 1}}, MaxWeight, []int{-1, 1}},
		{"all forbidden but one", 2, []int{2}, []Arc{{1, 0, 4}}, MaxWeight, []int{-1, 0}},
		{"non-positive weights skipped", 2, []int{2}, []Arc{{0, 0, 0}, {1, 0, -3}}, MaxWeight, []int{-1, -1}},
		{"non-positive weights count under cardinality", 2, []int{2}, []Arc{{0, 0, 0}, {1, 0, -3}}, MaxCardinality, []int{0, 0}},
		{"capacity shared", 3, []int{2}, []Arc{{0, 0, 1}, {1, 0, 5}, {2, 0, 3}}, MaxWeight, []int{-1, 0, 0}},
		// Weight 10+10 beats 11, but cardinality 2 beats 1 in both cases here.
		{"augmenting path", 2, []int{1, 1}, []Arc{{0, 0, 10}, {0, 1, 9}, {1, 0, 10}}, MaxWeight, []int{1, 0}},
		// One heavy pair (100) against two light ones (1+1): weight wants 1 match, cardinality 2.
		{"weight over cardinality", 2, []int{1, 1}, []Arc{{0, 0, 100}, {1, 0, 1}, {0, 1, 1}}, MaxWeight, []int{0, -1}},
		{"cardinality over weight", 2, []int{1, 1}, []Arc{{0, 0, 100}, {1, 0, 1}, {0, 1, 1}}, MaxCardinality, []int{1, 0}},
		{"cardinality with negative weights", 2, []int{1, 1}, []Arc{{0, 0, 5}, {0, 1, -7}, {1, 0, -1}}, MaxCardinality, []int{1, 0}},
		{"huge weights", 2, []int{1}, []Arc{{0, 0, math.MaxInt64 / 64}, {1, 0, 1}}, MaxWeight, []int{0, -1}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Assign(c.m, c.capacity, c.arcs, c.obj)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, c.want) {
				t.Fatalf("Assign = %v, want %v", got, c.want)
			}
			assignCheck(t, c.m, c.capacity, c.arcs, c.obj, got)
		})
	}
}

func TestAssignErrors(t *testing.T) {
	cases := []struct {
		name     string
		m        int
		capacity []int
		arcs     []Arc
		obj      Objective
		want     string
	}{
		{"negative mentees", -1, nil, nil, MaxWeight, "negative number of mentees"},
		{"negative capacity", 1, []int{1, -2}, nil, MaxWeight, "mentor 1 has negative capacity -2"},
		{"mentee out of range", 2, []int{1}, []Arc{{0, 0, 1}, {2, 0, 1}}, MaxWeight, "arc 1: mentee 2 out of range [0,2)"},
		{"negative mentee", 2, []int{1}, []Arc{{-1, 0, 1}}, MaxWeight, "arc 0: mentee -1 out of range"},
		{"mentor out of range", 2, []int{1}, []Arc{{0, 0, 1}, {1, 0, 1}, {1, 1, 1}}, MaxWeight, "arc 2: mentor 1 out of range [0,1)"},
		{"duplicate dense", 2, []int{1}, []Arc{{0, 0, 1}, {1, 0, 1}, {0, 0, 2}}, MaxWeight, "arc 2 duplicates arc 0 (mentee 0, mentor 0)"},
		{"duplicate sparse", 50, []int{1, 1, 1, 1}, []Arc{{7, 3, 1}, {8, 2, 1}, {7, 3, -5}}, MaxWeight, "arc 2 duplicates arc 0 (mentee 7, mentor 3)"},
		{"duplicate of unusable arc", 50, []int{0, 1}, []Arc{{7, 0, 1}, {7, 0, 1}}, MaxWeight, "arc 1 duplicates arc 0"},
		{"unknown objective", 1, nil, nil, Objective(7), "unknown objective"},
		{"overflow weight", 2, []int{2}, []Arc{{0, 0, math.MaxInt64 / 4}, {1, 0, 1}}, MaxWeight, "weights too large"},
		{"overflow cardinality", 2, []int{2}, []Arc{{0, 0, math.MaxInt64 / 64}, {1, 0, math.MinInt64}}, MaxCardinality, "weights too large"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Assign(c.m, c.capacity, c.arcs, c.obj)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("Assign = %v, %v; want an error containing %q", got, err, c.want)
			}
		})
	}
}

// Ties everywhere: the same input gives the same answer, and the optimum is still reached.
func TestAssignDeterministic(t *testing.T) {
	for _, density := range []float64{1, 0.2} {
		r := rand.New(rand.NewPCG(7, uint64(density*100)))
		capacity, arcs := assignRandom(r, 60, 40, density, 3, 1, 2)
		for _, obj := range []Objective{MaxWeight, MaxCardinality} {
			first, err := Assign(60, capacity, arcs, obj)
			if err != nil {
				t.Fatal(err)
			}
			for range 3 {
				again, _ := Assign(60, capacity, slices.Clone(arcs), obj)
				if !slices.Equal(first, again) {
					t.Fatalf("density %v %v: two runs differ:\n%v\n%v", density, obj, first, again)
				}
			}
		}
	}
}

// Random tiny instances against the exhaustive search, dense and sparse.
func TestAssignBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 600 {
		m := 1 + r.IntN(7)
		k := 1 + r.IntN(4)
		density := []float64{0.3, 0.6, 1}[n%3]
		lo := []int64{-5, 0, 1}[n%3]
		hi := []int64{3, 10, 1000}[(n/3)%3]
		capacity, arcs := assignRandom(r, m, k, density, 3, lo, hi)
		for _, obj := range []Objective{MaxWeight, MaxCardinality} {
			got, err := Assign(m, capacity, arcs, obj)
			if err != nil {
				t.Fatal(err)
			}
			w, c := assignCheck(t, m, capacity, arcs, obj, got)
			bw, bc := assignBrute(m, capacity, arcs, obj)
			if w != bw || (obj == MaxCardinality && c != bc) {
				t.Fatalf("instance %d %v: m=%d cap=%v arcs=%v\ngot %v: weight %d matched %d; brute force weight %d matched %d",
					n, obj, m, capacity, arcs, got, w, c, bw, bc)
			}
		}
	}
}

// The dense and sparse solvers agree on the same instances (large enough to force both).
func TestAssignDenseSparseAgree(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for n := range 40 {
		m, k := 20+r.IntN(60), 10+r.IntN(50)
		capacity, arcs := assignRandom(r, m, k, 0.5, 4, -3, 20)
		for _, obj := range []Objective{MaxWeight, MaxCardinality} {
			var totals [2]int64
			var counts [2]int
			for x, dense := range []bool{true, false} {
				p, err := assignBuild(m, capacity, arcs, obj)
				if err != nil {
					t.Fatal(err)
				}
				if p.dense != dense {
					p = assignForce(t, m, capacity, arcs, obj, dense)
				}
				s := newAssignSolver(p)
				for i := range m {
					s.addMentee(int32(i))
				}
				got := make([]int, m)
				for i, j := range s.mentorOf {
					got[i] = int(j)
				}
				totals[x], counts[x] = assignCheck(t, m, capacity, arcs, obj, got)
			}
			if totals[0] != totals[1] || counts[0] != counts[1] {
				t.Fatalf("instance %d %v: dense %d/%d, sparse %d/%d", n, obj, totals[0], counts[0], totals[1], counts[1])
			}
		}
	}
}

// assignForce builds the instance with the dense or the sparse representation.
func assignForce(t *testing.T, m int, capacity []int, arcs []Arc, obj Objective, dense bool) *assignProblem {
	t.Helper()
	p, err := assignBuild(m, capacity, arcs, obj)
	if err != nil {
		t.Fatal(err)
	}
	if p.dense == dense {
		return p
	}
	// Rebuild by hand in the other representation.
	q := &assignProblem{m: p.m, k: p.k, cap: p.cap, dense: dense}
	if dense {
		q.w = make([]int64, m*p.k)
		for x := range q.w {
			q.w[x] = assignForbidden
		}
		for i := range m {
			for x := p.start[i]; x < p.start[i+1]; x++ {
				q.w[i*p.k+int(p.to[x])] = p.wt[x]
			}
		}
		return q
	}
	q.start = make([]int32, m+1)
	for i := range m {
		for j := range p.k {
			if w := p.w[i*p.k+j]; w != assignForbidden {
				q.to, q.wt = append(q.to, int32(j)), append(q.wt, w)
			}
		}
		q.start[i+1] = int32(len(q.to))
	}
	return q
}

func ExampleAssign() {
	// Two mentors with one place each; mentee 1 only fits mentor 0.
	arcs := []Arc{{Mentee: 0, Mentor: 0, W: 10}, {Mentee: 0, Mentor: 1, W: 9}, {Mentee: 1, Mentor: 0, W: 8}}
	mentorOf, err := Assign(2, []int{1, 1}, arcs, MaxWeight)
	fmt.Println(mentorOf, err)
	// Output: [1 0] <nil>
}
