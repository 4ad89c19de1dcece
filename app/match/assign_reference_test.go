package match

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"testing"
)

// The reference solver is scipy (Debian's python3-scipy), through /usr/bin/python3 and
// testdata/ref_assign.py. With TANDEM_REQUIRE_VALIDATORS=1 a missing validator fails the test
// instead of skipping it.

const assignPython = "/usr/bin/python3"

func assignRequireValidators() bool { return os.Getenv("TANDEM_REQUIRE_VALIDATORS") == "1" }

// assignReferenceAvailable says why scipy cannot run, or "" when it can.
func assignReferenceAvailable() string {
	if _, err := os.Stat(assignPython); err != nil {
		return assignPython + " is missing"
	}
	if out, err := exec.Command(assignPython, "-c", "import scipy.optimize, scipy.sparse.csgraph").CombinedOutput(); err != nil {
		return fmt.Sprintf("scipy is missing for %s: %v %s", assignPython, err, out)
	}
	return ""
}

func assignMissingValidator(tb testing.TB, msg string) {
	tb.Helper()
	if assignRequireValidators() {
		tb.Fatalf("TANDEM_REQUIRE_VALIDATORS=1 but %s", msg)
	}
	tb.Skip(msg)
}

// assignRefInstance is one instance for ref_assign.py.
type assignRefInstance struct {
	Mentees   int        `json:"mentees"`
	Capacity  []int      `json:"capacity"`
	Arcs      [][3]int64 `json:"arcs,omitempty"`
	ArcsFile  string     `json:"arcs_file,omitempty"`
	Objective string     `json:"objective"`
	Solver    string     `json:"solver,omitempty"`
}

type assignRefResult struct {
	Weight  int64   `json:"weight"`
	Matched int     `json:"matched"`
	Seconds float64 `json:"seconds"`
}

func assignRefArcs(arcs []Arc) [][3]int64 {
	out := make([][3]int64, len(arcs))
	for x, a := range arcs {
		out[x] = [3]int64{int64(a.Mentee), int64(a.Mentor), a.W}
	}
	return out
}

// assignReference runs all instances in one python process.
func assignReference(tb testing.TB, instances []assignRefInstance) []assignRefResult {
	tb.Helper()
	in, err := json.Marshal(map[string]any{"instances": instances})
	if err != nil {
		tb.Fatal(err)
	}
	cmd := exec.Command(assignPython, "testdata/ref_assign.py")
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		tb.Fatalf("ref_assign.py: %v\n%s", err, stderr.String())
	}
	var res struct {
		Results []assignRefResult `json:"results"`
	}
	if err := json.Unmarshal(out, &res); err != nil {
		tb.Fatalf("ref_assign.py output: %v\n%s", err, out)
	}
	if len(res.Results) != len(instances) {
		tb.Fatalf("ref_assign.py: %d results for %d instances", len(res.Results), len(instances))
	}
	return res.Results
}

type assignCase struct {
	name     string
	m        int
	capacity []int
	arcs     []Arc
	obj      Objective
}

// assignReferenceCases: random instances (dense and sparse, forbidden pairs, capacities 0..4,
// unbalanced sizes, ties) and adversarial ones.
func assignReferenceCases() []assignCase {
	r := rand.New(rand.NewPCG(2024, 11))
	var cases []assignCase
	add := func(name string, m int, capacity []int, arcs []Arc) {
		for _, obj := range []Objective{MaxWeight, MaxCardinality} {
			cases = append(cases, assignCase{name, m, capacity, arcs, obj})
		}
	}
	for n := range 200 {
		m, k := 1+r.IntN(40), 1+r.IntN(40)
		switch n % 4 {
		case 1: // unbalanced: many mentees
			m, k = 30+r.IntN(50), 1+r.IntN(8)
		case 2: // unbalanced: many mentors
			m, k = 1+r.IntN(8), 30+r.IntN(50)
		}
		density := []float64{1, 0.7, 0.3, 0.08}[(n/4)%4]
		var lo, hi int64
		switch (n / 16) % 4 {
		case 0:
			lo, hi = 0, 100
		case 1:
			lo, hi = 1, 3 // ties
		case 2:
			lo, hi = -50, 50
		default:
			lo, hi = 0, 1_000_000
		}
		capacity, arcs := assignRandom(r, m, k, density, 4, lo, hi)
		add(fmt.Sprintf("random %d", n), m, capacity, arcs)
	}
	// All equal weights, capacity short of the mentees.
	{
		capacity, arcs := assignRandom(r, 60, 20, 1, 2, 7, 7)
		add("all equal", 60, capacity, arcs)
	}
	// One huge weight among small ones.
	{
		capacity, arcs := assignRandom(r, 40, 30, 0.5, 2, 1, 10)
		arcs[len(arcs)/2].W = 1_000_000_000
		add("one huge", 40, capacity, arcs)
	}
	// Chains: mentee i fits mentors i and i+1, the heavier one is the one the next mentee needs,
	// so every augmenting path runs the length of the chain.
	for _, n := range []int{10, 50, 200} {
		var arcs []Arc
		for i := range n {
			arcs = append(arcs, Arc{i, i, 1}, Arc{i, i + 1, 2})
		}
		capacity := make([]int, n+1)
		for j := range capacity {
			capacity[j] = 1
		}
		add(fmt.Sprintf("chain %d", n), n, capacity, arcs)
		// The same chain with one mentor fewer: someone must stay out.
		add(fmt.Sprintf("short chain %d", n), n, capacity[:n], assignDropMentor(arcs, n))
	}
	// Mentees with no arcs, mentors with no capacity, a single mentor taking everyone.
	{
		capacity, arcs := assignRandom(r, 30, 10, 0.5, 0, 1, 9)
		add("no capacity", 30, capacity, arcs)
		add("one big mentor", 30, []int{30}, assignDropMentorsFrom(arcs, 1))
	}
	return cases
}

func assignDropMentor(arcs []Arc, j int) []Arc {
	var out []Arc
	for _, a := range arcs {
		if a.Mentor != j {
			out = append(out, a)
		}
	}
	return out
}

func assignDropMentorsFrom(arcs []Arc, j int) []Arc {
	var out []Arc
	for _, a := range arcs {
		if a.Mentor < j {
			out = append(out, a)
		}
	}
	return out
}

// Every Go optimum equals scipy's on the same instance, in one python call.
func TestAssignReferenceScipy(t *testing.T) {
	if why := assignReferenceAvailable(); why != "" {
		assignMissingValidator(t, why)
	}
	cases := assignReferenceCases()
	if len(cases) < 300 {
		t.Fatalf("only %d reference instances", len(cases))
	}
	instances := make([]assignRefInstance, len(cases))
	for x, c := range cases {
		instances[x] = assignRefInstance{Mentees: c.m, Capacity: c.capacity, Arcs: assignRefArcs(c.arcs), Objective: c.obj.String()}
	}
	// The sparse scipy method (used for the big benchmark) on the first instances too.
	const sparseToo = 60
	for x := range sparseToo {
		in := instances[x]
		in.Solver = "sparse"
		instances = append(instances, in)
	}
	ref := assignReference(t, instances)
	for x := range sparseToo {
		if a, b := ref[x], ref[len(cases)+x]; a.Weight != b.Weight || a.Matched != b.Matched {
			t.Errorf("%s %v: scipy dense %d/%d, sparse %d/%d", cases[x].name, cases[x].obj, a.Weight, a.Matched, b.Weight, b.Matched)
		}
	}
	for x, c := range cases {
		got, err := Assign(c.m, c.capacity, c.arcs, c.obj)
		if err != nil {
			t.Fatalf("%s %v: %v", c.name, c.obj, err)
		}
		w, n := assignCheck(t, c.m, c.capacity, c.arcs, c.obj, got)
		if w != ref[x].Weight || (c.obj == MaxCardinality && n != ref[x].Matched) {
			t.Errorf("%s %v: Go weight %d matched %d, scipy weight %d matched %d", c.name, c.obj, w, n, ref[x].Weight, ref[x].Matched)
		}
	}
}
