package match

import (
	"math/rand/v2"
	"testing"
	"time"
)

// Speed goal (docs/benchmarks.md): circles of 4 for 1,000 people, all pairs scored (integer
// weights 0–100, uniform), within 5 s at >= 90 % of GroupBound.

// groupAllPairs is n people, every pair an edge of weight 0..100.
func groupAllPairs(seed uint64, n int) []Edge {
	r := rand.New(rand.NewPCG(seed, 3))
	edges := make([]Edge, 0, n*(n-1)/2)
	for u := range n {
		for v := u + 1; v < n; v++ {
			edges = append(edges, Edge{u, v, r.Int64N(101)})
		}
	}
	return edges
}

func groupBench(b *testing.B, n int, edges []Edge, minSize, maxSize int) {
	var groups [][]int
	var err error
	b.ResetTimer()
	start := time.Now()
	for range b.N {
		if groups, err = Group(n, edges, minSize, maxSize); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	elapsed := time.Since(start) / time.Duration(b.N)
	score, bound := GroupScore(groups, edges), GroupBound(n, edges, minSize, maxSize)
	b.ReportMetric(float64(score), "score")
	b.ReportMetric(float64(bound), "bound")
	b.ReportMetric(100*float64(score)/float64(bound), "%bound")
	b.Logf("%.3f s, score %d of bound %d (%.1f %%)", elapsed.Seconds(), score, bound, 100*float64(score)/float64(bound))
}

func BenchmarkGroup1000(b *testing.B) {
	edges := groupAllPairs(1, 1000)
	groupBench(b, 1000, edges, 4, 4)
}

func BenchmarkGroup1000Sizes3to5(b *testing.B) {
	edges := groupAllPairs(2, 1000)
	groupBench(b, 1000, edges, 3, 5)
}
