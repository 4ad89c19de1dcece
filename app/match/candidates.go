package match

import (
	"container/heap"
	"runtime"
	"sort"
	"sync"
)

// AllPairsUpTo is the most people for which the candidate builders keep every allowed pair;
// above it they keep capacity-aware top-k lists.
const AllPairsUpTo = 3000

// TopK is how many best partners each person keeps in a candidate list.
const TopK = 50

// Constraints are what the scorer does not know: pairs ruled out (oneself, a manager, a past
// pair, a pair the admin forbade, an "avoid" wish) and bonuses (a wish granted). Both take
// profile indices, a as the mentee or first peer.
type Constraints struct {
	Forbidden func(a, b int) bool
	Bonus     func(a, b int) int
}

func (c Constraints) weight(s *Scorer, a, b int) (int64, bool) {
	if c.Forbidden != nil && c.Forbidden(a, b) {
		return 0, false
	}
	pts, ok := s.Points(a, b)
	if !ok {
		return 0, false
	}
	if c.Bonus != nil {
		pts += c.Bonus(a, b)
	}
	return int64(pts), true
}

// MentorArcs lists the allowed mentee→mentor arcs: mentees and mentors are profile indices of
// the scorer, and an Arc's Mentee and Mentor index these slices. Mentors with no capacity get
// none. With more than AllPairsUpTo people it keeps each mentee's best k mentors together with
// each mentor's best k·capacity mentees, and reports pruned.
func MentorArcs(s *Scorer, mentees, mentors []int, capacity []int, c Constraints, k int) (arcs []Arc, pruned bool) {
	return mentorArcs(s, mentees, mentors, capacity, c, k, len(mentees)+len(mentors) <= AllPairsUpTo)
}

func mentorArcs(s *Scorer, mentees, mentors []int, capacity []int, c Constraints, k int, all bool) (arcs []Arc, pruned bool) {
	if k <= 0 {
		k = TopK
	}
	colK := func(j int) int { return min(len(mentees), k*max(1, capacity[j])) }
	rows := parallelRows(len(mentees), len(mentors), func(i, j int) (int64, bool) {
		if capacity[j] <= 0 {
			return 0, false
		}
		return c.weight(s, mentees[i], mentors[j])
	}, all, k, colK)
	for i, r := range rows {
		for _, e := range r {
			arcs = append(arcs, Arc{Mentee: i, Mentor: e.j, W: e.w})
		}
	}
	return arcs, !all
}

// PeerEdges lists the allowed pairs of peers (profile indices of the scorer; an Edge's U and V
// index peers). A pair's weight is the better of its two directions' scores, which for peers
// are equal. With more than AllPairsUpTo people it keeps each peer's best k partners (the union)
// and reports pruned.
func PeerEdges(s *Scorer, peers []int, c Constraints, k int) (edges []Edge, pruned bool) {
	return peerEdges(s, peers, c, k, len(peers) <= AllPairsUpTo)
}

func peerEdges(s *Scorer, peers []int, c Constraints, k int, all bool) (edges []Edge, pruned bool) {
	if k <= 0 {
		k = TopK
	}
	rows := parallelRows(len(peers), len(peers), func(i, j int) (int64, bool) {
		if i == j {
			return 0, false
		}
		w1, ok1 := c.weight(s, peers[i], peers[j])
		w2, ok2 := c.weight(s, peers[j], peers[i])
		if !ok1 || !ok2 {
			return 0, false
		}
		return max(w1, w2), true
	}, all, k, func(int) int { return k })
	seen := map[[2]int]bool{}
	for i, r := range rows {
		for _, e := range r {
			u, v := min(i, e.j), max(i, e.j)
			if all && i > e.j {
				continue // every pair appears from both ends
			}
			if !all {
				if seen[[2]int{u, v}] {
					continue
				}
				seen[[2]int{u, v}] = true
			}
			edges = append(edges, Edge{U: u, V: v, W: e.w})
		}
	}
	sort.Slice(edges, func(a, b int) bool {
		if edges[a].U != edges[b].U {
			return edges[a].U < edges[b].U
		}
		return edges[a].V < edges[b].V
	})
	return edges, !all
}

type cand struct {
	j int
	w int64
}

// candHeap is a min-heap on weight (ties: the larger index first out), holding the best seen.
type candHeap []cand

func (h candHeap) Len() int { return len(h) }
func (h candHeap) Less(a, b int) bool {
	if h[a].w != h[b].w {
		return h[a].w < h[b].w
	}
	return h[a].j > h[b].j
}
func (h candHeap) Swap(a, b int) { h[a], h[b] = h[b], h[a] }
func (h *candHeap) Push(x any)   { *h = append(*h, x.(cand)) }
func (h *candHeap) Pop() any     { o := *h; x := o[len(o)-1]; *h = o[:len(o)-1]; return x }
func (h *candHeap) offer(c cand, k int) {
	if len(*h) < k {
		heap.Push(h, c)
		return
	}
	if k == 0 {
		return
	}
	top := (*h)[0]
	if c.w > top.w || (c.w == top.w && c.j < top.j) {
		(*h)[0] = c
		heap.Fix(h, 0)
	}
}

// parallelRows scores every (row, column) pair on all cores. With all it keeps every allowed
// pair; otherwise each row's best k columns together with each column's best colK(j) rows.
// Each row's list comes back sorted by column.
func parallelRows(nRows, nCols int, w func(i, j int) (int64, bool), all bool, k int, colK func(j int) int) [][]cand {
	workers := max(1, min(runtime.GOMAXPROCS(0), nRows))
	rows := make([][]cand, nRows)
	var colHeaps [][]candHeap // per worker, per column: best rows
	if !all {
		colHeaps = make([][]candHeap, workers)
	}
	var wg sync.WaitGroup
	for wk := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var cols []candHeap
			if !all {
				cols = make([]candHeap, nCols)
				colHeaps[wk] = cols
			}
			var rowHeap candHeap
			for i := wk; i < nRows; i += workers {
				rowHeap = rowHeap[:0]
				var list []cand
				for j := range nCols {
					x, ok := w(i, j)
					if !ok {
						continue
					}
					if all {
						list = append(list, cand{j, x})
						continue
					}
					rowHeap.offer(cand{j, x}, k)
					cols[j].offer(cand{i, x}, colK(j))
				}
				if !all {
					list = append([]cand(nil), rowHeap...)
				}
				rows[i] = list
			}
		}()
	}
	wg.Wait()
	if !all {
		// Merge the columns' picks (from every worker, keeping each column's best) into the rows.
		for j := range nCols {
			var best candHeap
			for wk := range workers {
				for _, c := range colHeaps[wk][j] {
					best.offer(c, colK(j))
				}
			}
			for _, c := range best {
				rows[c.j] = append(rows[c.j], cand{j, c.w})
			}
		}
		for i := range rows {
			sort.Slice(rows[i], func(a, b int) bool { return rows[i][a].j < rows[i][b].j })
			// A pair kept by both its row and its column appears twice: keep one.
			out := rows[i][:0]
			for _, c := range rows[i] {
				if len(out) > 0 && c.j == out[len(out)-1].j {
					continue
				}
				out = append(out, c)
			}
			rows[i] = out
		}
	}
	return rows
}
