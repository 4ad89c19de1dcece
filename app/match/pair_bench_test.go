package match

import (
	"fmt"
	"math/rand"
	"os"
	"sort"
	"testing"
	"time"
)

// Benchmarks of Pair on the sizes of the speed goals (docs/benchmarks.md, "Matching: Pair"):
//
//	go test ./app/match/ -run '^$' -bench 'BenchmarkPair' -benchtime 1x
//
// With TANDEM_PAIR_NETWORKX=1 each benchmark also times networkx on the same instance (one
// run, in testdata/ref_pair.py) and reports it as networkx-s/op next to the speed-up; that
// takes minutes on the 2,000-person graph.

// pairCompleteGraph is everyone with everyone, integer scores 0–100.
func pairCompleteGraph(n int, seed int64) []Edge {
	rng := rand.New(rand.NewSource(seed))
	edges := make([]Edge, 0, n*(n-1)/2)
	for u := 0; u < n; u++ {
		for v := u + 1; v < n; v++ {
			edges = append(edges, Edge{U: u, V: v, W: rng.Int63n(101)})
		}
	}
	return edges
}

// pairTopKGraph is the union of everyone's k best candidates: each person draws 4k others
// at random, scores them 0–100 (a symmetric hash of the pair) and keeps the k best.
func pairTopKGraph(n, k int, seed int64) []Edge {
	rng := rand.New(rand.NewSource(seed))
	score := func(u, v int) int64 {
		if u > v {
			u, v = v, u
		}
		h := uint64(u)*0x9E3779B97F4A7C15 ^ uint64(v)*0xC2B2AE3D27D4EB4F ^ uint64(seed)
		h ^= h >> 31
		h *= 0xBF58476D1CE4E5B9
		h ^= h >> 29
		return int64(h % 101)
	}
	seen := make(map[[2]int]bool, n*k)
	var edges []Edge
	cand := make([]int, 0, 4*k)
	for u := 0; u < n; u++ {
		cand = cand[:0]
		for len(cand) < 4*k {
			v := rng.Intn(n)
			if v != u {
				cand = append(cand, v)
			}
		}
		sort.Slice(cand, func(i, j int) bool {
			si, sj := score(u, cand[i]), score(u, cand[j])
			if si != sj {
				return si > sj
			}
			return cand[i] < cand[j]
		})
		kept, prev := 0, -1
		for _, v := range cand {
			if kept == k {
				break
			}
			if v == prev {
				continue // drawn twice
			}
			prev = v
			kept++
			key := [2]int{min(u, v), max(u, v)}
			if !seen[key] {
				seen[key] = true
				edges = append(edges, Edge{U: u, V: v, W: score(u, v)})
			}
		}
	}
	return edges
}

func pairBench(b *testing.B, n int, edges []Edge, obj Objective) {
	b.ReportAllocs()
	var mate []int
	var err error
	start := time.Now()
	for b.Loop() {
		mate, err = Pair(n, edges, obj)
		if err != nil {
			b.Fatal(err)
		}
	}
	perOp := time.Since(start).Seconds() / float64(b.N)
	pairs := 0
	var weight int64
	for v, u := range mate {
		if u > v {
			pairs++
		}
	}
	w := make(map[[2]int]int64, len(edges))
	for _, e := range edges {
		w[[2]int{min(e.U, e.V), max(e.U, e.V)}] = e.W
	}
	for v, u := range mate {
		if u > v {
			weight += w[[2]int{v, u}]
		}
	}
	b.ReportMetric(float64(len(edges)), "edges")
	b.ReportMetric(float64(pairs), "pairs")
	if os.Getenv("TANDEM_PAIR_NETWORKX") == "1" {
		pairNeedNetworkx(b)
		ref := pairRunReference(b, []pairRefInstance{pairInstance(b.Name(), n, edges, obj)})[0]
		b.ReportMetric(ref.Seconds, "networkx-s/op")
		b.ReportMetric(ref.Seconds/perOp, "speedup")
		if ref.Weight != weight || (obj == MaxCardinality && ref.Pairs != pairs) {
			b.Errorf("networkx: %d pairs weighing %d; Pair: %d pairs weighing %d", ref.Pairs, ref.Weight, pairs, weight)
		}
		b.Logf("%s: Pair %.3fs, networkx %.1fs (%.0f× faster), %d pairs weighing %d", b.Name(), perOp, ref.Seconds, ref.Seconds/perOp, pairs, weight)
	}
}

func BenchmarkPairComplete(b *testing.B) {
	for _, n := range []int{500, 2000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			edges := pairCompleteGraph(n, int64(n))
			pairBench(b, n, edges, MaxWeight)
		})
	}
}

func BenchmarkPairTopK(b *testing.B) {
	for _, n := range []int{2000, 10000, 50000} {
		b.Run(fmt.Sprintf("n=%d/k=50", n), func(b *testing.B) {
			edges := pairTopKGraph(n, 50, int64(n))
			pairBench(b, n, edges, MaxWeight)
		})
	}
}

func BenchmarkPairTopKMaxCardinality(b *testing.B) {
	n := 10000
	edges := pairTopKGraph(n, 50, int64(n))
	pairBench(b, n, edges, MaxCardinality)
}
