package match

import (
	"encoding/binary"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// Speed goals (docs/benchmarks.md): 1,000 × 1,000 all pairs < 0.25 s; 5,000 × 5,000 all pairs
// (25M arcs) < 10 s; 25,000 mentees × 25,000 mentors with 50–100 candidates each < 5 s. Each
// benchmark also times scipy on the same instance once (metric scipy-s) and checks that both
// find the same optimum. Set TANDEM_BENCH_NO_SCIPY=1 to leave scipy out.

// assignDenseInstance is m mentees × k mentors, all pairs, capacity 1–3, weights 0–100.
func assignDenseInstance(seed uint64, m, k int) ([]int, []Arc) {
	r := rand.New(rand.NewPCG(seed, 1))
	capacity := make([]int, k)
	for j := range capacity {
		capacity[j] = 1 + r.IntN(3)
	}
	arcs := make([]Arc, 0, m*k)
	for i := range m {
		for j := range k {
			arcs = append(arcs, Arc{i, j, r.Int64N(101)})
		}
	}
	return capacity, arcs
}

// assignSparseInstance is m mentees × k mentors, each mentee with 50–100 distinct random
// candidates, capacity 1–3, weights 0–100.
func assignSparseInstance(seed uint64, m, k int) ([]int, []Arc) {
	r := rand.New(rand.NewPCG(seed, 2))
	capacity := make([]int, k)
	for j := range capacity {
		capacity[j] = 1 + r.IntN(3)
	}
	var arcs []Arc
	seen := make([]int, k)
	for i := range m {
		for n := 50 + r.IntN(51); n > 0; {
			j := r.IntN(k)
			if seen[j] == i+1 {
				continue
			}
			seen[j] = i + 1
			arcs = append(arcs, Arc{i, j, r.Int64N(101)})
			n--
		}
	}
	return capacity, arcs
}

func assignBench(b *testing.B, m int, capacity []int, arcs []Arc, solver string) {
	var got []int
	var err error
	b.ResetTimer()
	start := time.Now()
	for range b.N {
		if got, err = Assign(m, capacity, arcs, MaxWeight); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	elapsed := time.Since(start) / time.Duration(b.N)
	w, n := AssignScore(got, arcs)
	b.ReportMetric(float64(w), "weight")
	b.ReportMetric(float64(n), "matched")
	if os.Getenv("TANDEM_BENCH_NO_SCIPY") == "1" {
		return
	}
	if why := assignReferenceAvailable(); why != "" {
		if assignRequireValidators() {
			b.Fatal(why)
		}
		b.Log("no scipy timing: " + why)
		return
	}
	ref := assignReferenceTimed(b, m, capacity, arcs, solver)
	b.ReportMetric(ref.Seconds, "scipy-s")
	b.Logf("Go %.3f s vs scipy (%s) %.3f s; weight %d, matched %d", elapsed.Seconds(), solver, ref.Seconds, w, n)
	if ref.Weight != w {
		b.Fatalf("Go weight %d, scipy weight %d", w, ref.Weight)
	}
}

// assignReferenceTimed writes the arcs to a binary file and runs scipy on it once.
func assignReferenceTimed(b *testing.B, m int, capacity []int, arcs []Arc, solver string) assignRefResult {
	path := filepath.Join(b.TempDir(), "arcs.bin")
	buf := make([]byte, 0, len(arcs)*24)
	for _, a := range arcs {
		buf = binary.LittleEndian.AppendUint64(buf, uint64(a.Mentee))
		buf = binary.LittleEndian.AppendUint64(buf, uint64(a.Mentor))
		buf = binary.LittleEndian.AppendUint64(buf, uint64(a.W))
	}
	if err := os.WriteFile(path, buf, 0o600); err != nil {
		b.Fatal(err)
	}
	return assignReference(b, []assignRefInstance{{
		Mentees: m, Capacity: capacity, ArcsFile: path, Objective: MaxWeight.String(), Solver: solver,
	}})[0]
}

func BenchmarkAssignDense2k(b *testing.B) {
	capacity, arcs := assignDenseInstance(1, 1000, 1000)
	assignBench(b, 1000, capacity, arcs, "dense")
}

func BenchmarkAssignDense10k(b *testing.B) {
	capacity, arcs := assignDenseInstance(2, 5000, 5000)
	assignBench(b, 5000, capacity, arcs, "dense")
}

func BenchmarkAssignSparse50k(b *testing.B) {
	capacity, arcs := assignSparseInstance(3, 25000, 25000)
	assignBench(b, 25000, capacity, arcs, "sparse")
}

// assignTightInstance is m mentees × m mentors of capacity 1, all pairs, weights 0..maxW: every
// mentee competes for the same places, so augmenting paths are long (harder than the goals).
func assignTightInstance(seed uint64, m int, maxW int64) ([]int, []Arc) {
	r := rand.New(rand.NewPCG(seed, 4))
	capacity := make([]int, m)
	arcs := make([]Arc, 0, m*m)
	for j := range capacity {
		capacity[j] = 1
	}
	for i := range m {
		for j := range m {
			arcs = append(arcs, Arc{i, j, r.Int64N(maxW + 1)})
		}
	}
	return capacity, arcs
}

func BenchmarkAssignTight2k(b *testing.B) {
	capacity, arcs := assignTightInstance(5, 1000, 1_000_000)
	assignBench(b, 1000, capacity, arcs, "dense")
}
