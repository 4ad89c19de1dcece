package match

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"testing"
)

// cohort is a random program of mentees and mentors (capacity 1–3) with its scorer.
func cohort(seed uint64, menteesN, mentorsN int) (*Scorer, []int, []int, []int) {
	rng := rand.New(rand.NewPCG(seed, seed+1))
	rules, profiles := randomProgram(rng, menteesN+mentorsN)
	s := Compile(rules, profiles, false, scoreNow)
	mentees, mentors, capacity := make([]int, menteesN), make([]int, mentorsN), make([]int, mentorsN)
	for i := range mentees {
		mentees[i] = i
	}
	for j := range mentors {
		mentors[j] = menteesN + j
		capacity[j] = 1 + rng.IntN(3)
	}
	return s, mentees, mentors, capacity
}

// forbidSome rules out three partners of each person, as managers, past pairs and avoids do.
func forbidSome(n int) Constraints {
	rng := rand.New(rand.NewPCG(uint64(n), 3))
	c := Constraints{Forbidden: map[int][]int{}}
	for a := range n {
		for range 3 {
			c.Forbidden[a] = append(c.Forbidden[a], rng.IntN(n))
		}
	}
	return c
}

// TestCandidateListsLoseAlmostNothing compares the optimum over top-k candidate lists with the
// optimum over all pairs: under 0.2 % of the total lost, and no one extra left unmatched.
func TestCandidateListsLoseAlmostNothing(t *testing.T) {
	for _, tc := range []struct {
		mentees, mentors, k int
		obj                 Objective
	}{
		{600, 300, 20, MaxWeight},
		{600, 300, 20, MaxCardinality},
		{900, 300, 15, MaxCardinality}, // more mentees than places
	} {
		t.Run(fmt.Sprintf("%dx%d_k%d_%v", tc.mentees, tc.mentors, tc.k, tc.obj), func(t *testing.T) {
			s, mentees, mentors, capacity := cohort(11, tc.mentees, tc.mentors)
			all, _ := mentorArcs(s, mentees, mentors, capacity, forbidSome(tc.mentees+tc.mentors), tc.k, true)
			top, pruned := mentorArcs(s, mentees, mentors, capacity, forbidSome(tc.mentees+tc.mentors), tc.k, false)
			if !pruned || len(top) >= len(all) {
				t.Fatalf("top-k kept %d of %d arcs", len(top), len(all))
			}
			best, err := Assign(len(mentees), capacity, all, tc.obj)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Assign(len(mentees), capacity, top, tc.obj)
			if err != nil {
				t.Fatal(err)
			}
			wb, mb := AssignScore(best, all)
			wg, mg := AssignScore(got, top)
			if mg < mb {
				t.Fatalf("candidate lists left %d more unmatched", mb-mg)
			}
			if float64(wb-wg) > 0.002*float64(wb) {
				t.Fatalf("candidate lists lost %d of %d (%.3f %%)", wb-wg, wb, 100*float64(wb-wg)/float64(wb))
			}
			t.Logf("%d of %d arcs kept; total %d vs %d (%.4f %% lost); matched %d vs %d", len(top), len(all), wg, wb,
				100*float64(wb-wg)/float64(wb), mg, mb)
		})
	}
}

func TestPeerCandidateListsLoseAlmostNothing(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	rules, profiles := randomProgram(rng, 500)
	s := Compile(rules, profiles, true, scoreNow)
	peers := make([]int, len(profiles))
	for i := range peers {
		peers[i] = i
	}
	all, _ := peerEdges(s, peers, forbidSome(len(peers)), 15, true)
	top, pruned := peerEdges(s, peers, forbidSome(len(peers)), 15, false)
	if !pruned || len(top) >= len(all) {
		t.Fatalf("top-k kept %d of %d edges", len(top), len(all))
	}
	total := func(edges []Edge) (int64, int) {
		mate, err := Pair(len(peers), edges, MaxCardinality)
		if err != nil {
			t.Fatal(err)
		}
		w := map[[2]int]int64{}
		for _, e := range edges {
			w[[2]int{e.U, e.V}] = e.W
		}
		var sum int64
		n := 0
		for u, v := range mate {
			if v > u {
				sum += w[[2]int{u, v}]
				n++
			}
		}
		return sum, n
	}
	wb, nb := total(all)
	wg, ng := total(top)
	if ng < nb || float64(wb-wg) > 0.002*float64(wb) {
		t.Fatalf("peers: top-k %d pairs worth %d; all pairs %d worth %d", ng, wg, nb, wb)
	}
}

// BenchmarkScoreAllPairs scores every mentee against every mentor of a 2,000-person program.
func BenchmarkScoreAllPairs2k(b *testing.B) {
	s, mentees, mentors, capacity := cohort(1, 1000, 1000)
	c := forbidSome(2000)
	b.ResetTimer()
	for range b.N {
		arcs, _ := mentorArcs(s, mentees, mentors, capacity, c, TopK, true)
		if len(arcs) == 0 {
			b.Fatal("no arcs")
		}
	}
}

// BenchmarkCandidateLists builds capacity-aware top-50 lists from every pair of the program.
func BenchmarkCandidateLists(b *testing.B) {
	for _, n := range []int{10_000, 50_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			s, mentees, mentors, capacity := cohort(2, n/2, n/2)
			c := forbidSome(n)
			b.ResetTimer()
			for range b.N {
				arcs, pruned := mentorArcs(s, mentees, mentors, capacity, c, TopK, false)
				if !pruned || len(arcs) == 0 {
					b.Fatal("no lists")
				}
				b.ReportMetric(float64(len(arcs))/float64(len(mentees)), "arcs/mentee")
			}
		})
	}
}

// BenchmarkPeerCandidateLists builds top-50 lists for 10,000 peers and pairs them.
func BenchmarkPeerPipeline10k(b *testing.B) {
	rng := rand.New(rand.NewPCG(9, 9))
	rules, profiles := randomProgram(rng, 10_000)
	s := Compile(rules, profiles, true, scoreNow)
	peers := make([]int, len(profiles))
	for i := range peers {
		peers[i] = i
	}
	c := forbidSome(len(peers))
	b.ResetTimer()
	for range b.N {
		edges, _ := peerEdges(s, peers, c, TopK, false)
		if _, err := Pair(len(peers), edges, MaxWeight); err != nil {
			b.Fatal(err)
		}
	}
}

// TestBucketsKeepWhatHeapsKeep builds the same top-k lists both ways — buckets for small whole
// weights, heaps otherwise — and wants them equal, ties included.
func TestBucketsKeepWhatHeapsKeep(t *testing.T) {
	s, mentees, mentors, capacity := cohort(21, 700, 400)
	c := forbidSome(1100)
	c.Bonus = map[int]map[int]int{3: {705: 9}, 710: {8: 4}}
	buckets, _ := mentorArcs(s, mentees, mentors, capacity, c, 7, false)
	rng := rand.New(rand.NewPCG(4, 4))
	rules, profiles := randomProgram(rng, 900)
	ps := Compile(rules, profiles, true, scoreNow)
	peers := make([]int, 900)
	for i := range peers {
		peers[i] = i
	}
	peerBuckets, _ := peerEdges(ps, peers, forbidSome(900), 6, false)

	bucketLimit = -1
	defer func() { bucketLimit = maxBucketWeight }()
	heaps, _ := mentorArcs(s, mentees, mentors, capacity, c, 7, false)
	peerHeaps, _ := peerEdges(ps, peers, forbidSome(900), 6, false)
	if len(buckets) == 0 || fmt.Sprint(buckets) != fmt.Sprint(heaps) {
		t.Fatalf("mentoring: buckets kept %d arcs, heaps %d, or they differ", len(buckets), len(heaps))
	}
	if len(peerBuckets) == 0 || fmt.Sprint(peerBuckets) != fmt.Sprint(peerHeaps) {
		t.Fatalf("peers: buckets kept %d edges, heaps %d, or they differ", len(peerBuckets), len(peerHeaps))
	}
}

func TestBucketTopKeepsTheBestInOrder(t *testing.T) {
	bt := newBucketTop(10)
	var h candHeap
	offers := []struct{ j, w int32 }{{0, 3}, {1, 7}, {2, 3}, {3, 9}, {4, 7}, {5, 1}, {6, 9}, {7, 7}}
	bar := int32(-1)
	for _, o := range offers {
		b1, b2 := bt.add(o.j, o.w, 4), h.add(o.j, o.w, 4)
		if b1 != b2 {
			t.Fatalf("after %v the buckets' bar is %d, the heap's %d", o, b1, b2)
		}
		bar = b1
	}
	got := fmt.Sprint(bt.appendTo(nil))
	if want := "[{3 9} {6 9} {1 7} {4 7}]"; got != want {
		t.Fatalf("kept %s, want %s", got, want)
	}
	kept := h.appendTo(nil)
	sort.Slice(kept, func(a, b int) bool { return better(kept[a], kept[b]) })
	if fmt.Sprint(kept) != got || bar != 7 {
		t.Fatalf("the heap kept %v (bar %d), the buckets %s", kept, bar, got)
	}
}

func better(x, y cand) bool { return worse(y, x) }
