package match

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Cross-check of Pair against networkx's max_weight_matching (testdata/ref_pair.py), run with
// Debian's /usr/bin/python3 and python3-networkx. Without them the test is skipped, unless
// TANDEM_REQUIRE_VALIDATORS=1, which makes it fail.

const pairPython = "/usr/bin/python3"

// pairRefInstance is one graph for ref_pair.py.
type pairRefInstance struct {
	Name    string     `json:"name"`
	N       int        `json:"n"`
	Edges   [][3]int64 `json:"edges"`
	MaxCard bool       `json:"maxcard"`
}

// pairRefResult is networkx's answer for one instance.
type pairRefResult struct {
	Pairs   int     `json:"pairs"`
	Weight  int64   `json:"weight"`
	Seconds float64 `json:"seconds"`
}

func pairRequireValidators() bool { return os.Getenv("TANDEM_REQUIRE_VALIDATORS") == "1" }

// pairNeedNetworkx skips (or, with TANDEM_REQUIRE_VALIDATORS=1, fails) when the reference
// cannot run.
func pairNeedNetworkx(tb testing.TB) {
	tb.Helper()
	msg := ""
	if _, err := os.Stat(pairPython); err != nil {
		msg = pairPython + " is missing"
	} else if out, err := exec.Command(pairPython, "-c", "import networkx").CombinedOutput(); err != nil {
		msg = fmt.Sprintf("networkx is not importable by %s: %v %s", pairPython, err, out)
	}
	if msg == "" {
		return
	}
	if pairRequireValidators() {
		tb.Fatalf("TANDEM_REQUIRE_VALIDATORS=1 but %s", msg)
	}
	tb.Skip(msg)
}

// pairRunReference solves all instances with networkx in one process.
func pairRunReference(tb testing.TB, insts []pairRefInstance) []pairRefResult {
	tb.Helper()
	req, err := json.Marshal(map[string]any{"instances": insts})
	if err != nil {
		tb.Fatal(err)
	}
	cmd := exec.Command(pairPython, filepath.Join("testdata", "ref_pair.py"))
	cmd.Stdin = bytes.NewReader(req)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		tb.Fatalf("ref_pair.py: %v\n%s", err, stderr.String())
	}
	var res []pairRefResult
	if err := json.Unmarshal(out, &res); err != nil {
		tb.Fatalf("ref_pair.py output: %v", err)
	}
	if len(res) != len(insts) {
		tb.Fatalf("ref_pair.py answered %d instances of %d", len(res), len(insts))
	}
	return res
}

func pairInstance(name string, n int, edges []Edge, obj Objective) pairRefInstance {
	inst := pairRefInstance{Name: name, N: n, MaxCard: obj == MaxCardinality, Edges: make([][3]int64, len(edges))}
	for i, e := range edges {
		inst.Edges[i] = [3]int64{int64(e.U), int64(e.V), e.W}
	}
	return inst
}

func (inst pairRefInstance) edgeList() []Edge {
	edges := make([]Edge, len(inst.Edges))
	for i, e := range inst.Edges {
		edges[i] = Edge{U: int(e[0]), V: int(e[1]), W: e[2]}
	}
	return edges
}

func (inst pairRefInstance) objective() Objective {
	if inst.MaxCard {
		return MaxCardinality
	}
	return MaxWeight
}

// pairReferenceInstances is the cross-check's batch: random graphs of every density and
// weight range, and blossom-heavy ones.
func pairReferenceInstances() []pairRefInstance {
	rng := rand.New(rand.NewSource(20240601))
	var insts []pairRefInstance
	add := func(name string, n int, edges []Edge) {
		for _, obj := range []Objective{MaxWeight, MaxCardinality} {
			insts = append(insts, pairInstance(name, n, edges, obj))
		}
	}
	ranges := [][2]int64{{1, 3}, {0, 1}, {-5, 5}, {1, 100}, {1, 1000000}, {50, 52}, {0, 100}}
	densities := []float64{0.04, 0.1, 0.3, 0.6, 1}
	for i := 0; i < 200; i++ {
		n := 2 + rng.Intn(59)
		d := densities[i%len(densities)]
		r := ranges[(i/len(densities))%len(ranges)]
		add(fmt.Sprintf("random n=%d density=%.2f w=%v", n, d, r), n, pairRandomEdges(rng, n, d, r[0], r[1]))
	}
	// Complete graphs on odd n, equal or nearly equal weights.
	for _, n := range []int{3, 5, 7, 9, 15, 21, 31, 45} {
		for _, r := range [][2]int64{{7, 7}, {1, 2}, {10, 12}} {
			add(fmt.Sprintf("complete odd n=%d w=%v", n, r), n, pairRandomEdges(rng, n, 1, r[0], r[1]))
		}
	}
	// Odd cycles, alone, with chords and with pendant edges.
	for _, k := range []int{3, 5, 7, 11, 21, 41} {
		var cycle []Edge
		for i := 0; i < k; i++ {
			cycle = append(cycle, Edge{U: i, V: (i + 1) % k, W: 10})
		}
		add(fmt.Sprintf("odd cycle %d", k), k, cycle)
		withTails := append([]Edge(nil), cycle...)
		for i := 0; i < k; i += 2 {
			withTails = append(withTails, Edge{U: i, V: k + i, W: int64(4 + rng.Intn(8))})
		}
		add(fmt.Sprintf("odd cycle %d with tails", k), 2*k, withTails)
		chords := append([]Edge(nil), cycle...)
		for i := 0; i+3 < k; i += 3 {
			chords = append(chords, Edge{U: i, V: i + 3, W: int64(9 + rng.Intn(3))})
		}
		add(fmt.Sprintf("odd cycle %d with chords", k), k, chords)
	}
	// Flowers: petals (odd cycles) sharing a centre, the centre on a stem.
	for _, petals := range []int{2, 3, 5, 8} {
		for _, size := range []int{3, 5} {
			var edges []Edge
			next := 1
			for p := 0; p < petals; p++ {
				first := next
				prev := 0
				for i := 0; i < size-1; i++ {
					edges = append(edges, Edge{U: prev, V: next, W: int64(5 + rng.Intn(2))})
					prev = next
					next++
				}
				edges = append(edges, Edge{U: prev, V: 0, W: 5})
				edges = append(edges, Edge{U: first, V: next, W: int64(1 + rng.Intn(6))}) // a leaf
				next++
			}
			edges = append(edges, Edge{U: 0, V: next, W: 3}, Edge{U: next, V: next + 1, W: 6})
			add(fmt.Sprintf("flower %d petals of %d", petals, size), next+2, edges)
		}
	}
	// Triangles of triangles (nested blossoms), equal weights and ties.
	for _, levels := range []int{2, 3} {
		edges, n := pairNestedTriangles(levels)
		add(fmt.Sprintf("nested triangles %d levels", levels), n, edges)
		for i := range edges {
			edges[i].W += int64(rng.Intn(3))
		}
		add(fmt.Sprintf("nested triangles %d levels, ties", levels), n, edges)
	}
	// The classic mwmatching cases.
	for _, tc := range pairClassicCases {
		insts = append(insts, pairInstance(tc.name, len(tc.want), tc.edges, tc.obj))
	}
	return insts
}

// pairNestedTriangles builds triangles whose corners are themselves triangles, levels deep:
// 3^levels vertices, all weights 10.
func pairNestedTriangles(levels int) ([]Edge, int) {
	var edges []Edge
	var build func(level, first int) (corner []int, size int)
	build = func(level, first int) ([]int, int) {
		if level == 0 {
			return []int{first}, 1
		}
		var corners [][]int
		size := 0
		for i := 0; i < 3; i++ {
			c, s := build(level-1, first+size)
			corners = append(corners, c)
			size += s
		}
		for i := 0; i < 3; i++ {
			a, b := corners[i], corners[(i+1)%3]
			edges = append(edges, Edge{U: a[len(a)-1], V: b[0], W: 10})
		}
		return []int{corners[0][0], corners[2][len(corners[2])-1]}, size
	}
	_, n := build(levels, 0)
	return edges, n
}

func TestPairAgainstNetworkx(t *testing.T) {
	pairNeedNetworkx(t)
	insts := pairReferenceInstances()
	if len(insts) < 300 {
		t.Fatalf("only %d instances", len(insts))
	}
	ref := pairRunReference(t, insts)
	for i, inst := range insts {
		edges := inst.edgeList()
		obj := inst.objective()
		check := func(variant string, mate []int) {
			t.Helper()
			pairs, weight := pairCheckValid(t, inst.N, edges, mate)
			if weight != ref[i].Weight || (inst.MaxCard && pairs != ref[i].Pairs) {
				t.Errorf("%s (%v) %s: %d pairs weighing %d; networkx: %d pairs weighing %d",
					inst.Name, obj, variant, pairs, weight, ref[i].Pairs, ref[i].Weight)
			}
		}
		mate, err := Pair(inst.N, edges, obj)
		if err != nil {
			t.Fatalf("%s: %v", inst.Name, err)
		}
		check("Pair", mate)
		// The variants Pair keeps for other inputs.
		if obj == MaxCardinality {
			check("native max-cardinality", newBlossomGraph(inst.N, edges).solve(blossomOptions{maxCard: true}))
		} else {
			var positive []Edge
			for _, e := range edges {
				if e.W > 0 {
					positive = append(positive, e)
				}
			}
			check("uniform duals", newBlossomGraph(inst.N, positive).solve(blossomOptions{}))
		}
	}
	t.Logf("%d instances agree with networkx", len(insts))
}
