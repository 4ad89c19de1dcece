package match

import (
	"runtime"
	"sort"
	"sync"
)

// AllPairsUpTo is the most people for which the candidate builders keep every allowed pair;
// above it they keep capacity-aware top-k lists.
const AllPairsUpTo = 3000

// TopK is how many best partners each person keeps in a candidate list.
const TopK = 50

// Constraints are what the scorer does not know: pairs ruled out (a manager, a past pair, a
// pair the admin forbade, an "avoid" wish) and bonuses (a wish granted), both by profile index
// and listed from each side that has any. Oneself is always ruled out.
type Constraints struct {
	Forbidden map[int][]int       // a → the profiles a may not be paired with
	Bonus     map[int]map[int]int // a → b → extra points for the pair, whichever is first
}

// bonus is the extra points of the pair, counted once whichever side lists it.
func (c Constraints) bonus(a, b int) int {
	return c.Bonus[a][b] + c.Bonus[b][a]
}

// scoreRow fills one row's weights: w[j] for column j, with ok[j] false for a pair not allowed.
type rowScorer struct {
	cols    *Columns
	c       Constraints
	colOf   map[int]int // profile index → column
	blocked []bool      // columns closed to everyone (a mentor with no room)
	pts     []int32
	ok      []bool
}

func newRowScorer(s *Scorer, c Constraints, cols []int, blocked []bool) *rowScorer {
	colOf := make(map[int]int, len(cols))
	for j, b := range cols {
		colOf[b] = j
	}
	return &rowScorer{cols: s.Columns(cols), c: c.symmetric(), colOf: colOf, blocked: blocked}
}

// symmetric lists every rule and bonus from both sides, so a row needs only its own entries.
func (c Constraints) symmetric() Constraints {
	out := Constraints{Forbidden: map[int][]int{}, Bonus: map[int]map[int]int{}}
	for a, list := range c.Forbidden {
		for _, b := range list {
			out.Forbidden[a] = append(out.Forbidden[a], b)
			out.Forbidden[b] = append(out.Forbidden[b], a)
		}
	}
	for a, m := range c.Bonus {
		for b := range m {
			x := c.bonus(a, b)
			for _, p := range [][2]int{{a, b}, {b, a}} {
				if out.Bonus[p[0]] == nil {
					out.Bonus[p[0]] = map[int]int{}
				}
				out.Bonus[p[0]][p[1]] = x
			}
		}
	}
	return out
}

// maxWeight bounds every weight row gives: the most the rules can give plus the largest bonus.
func (r *rowScorer) maxWeight() int {
	most := 0
	for _, m := range r.c.Bonus {
		for _, x := range m {
			most = max(most, x)
		}
	}
	return r.cols.s.Most() + most
}

// clone gives a worker its own buffers over the shared, read-only parts.
func (r *rowScorer) clone() *rowScorer {
	n := len(r.cols.index)
	return &rowScorer{cols: r.cols, c: r.c, colOf: r.colOf, blocked: r.blocked, pts: make([]int32, n), ok: make([]bool, n)}
}

// row scores profile a against the columns from lo on.
func (r *rowScorer) row(a, lo int) ([]int32, []bool) {
	for j := lo; j < len(r.ok); j++ {
		r.ok[j] = r.blocked == nil || !r.blocked[j]
	}
	if j, ok := r.colOf[a]; ok {
		r.ok[j] = false // oneself
	}
	for _, b := range r.c.Forbidden[a] {
		if j, ok := r.colOf[b]; ok {
			r.ok[j] = false
		}
	}
	r.cols.RowFrom(a, lo, r.pts, r.ok)
	for b, x := range r.c.Bonus[a] {
		if j, ok := r.colOf[b]; ok {
			r.pts[j] += int32(x)
		}
	}
	return r.pts, r.ok
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
	blocked := make([]bool, len(mentors))
	for j := range mentors {
		blocked[j] = capacity[j] <= 0
	}
	rs := newRowScorer(s, c, mentors, blocked)
	colK := func(j int) int { return min(len(mentees), k*max(1, capacity[j])) }
	rows := parallelRows(len(mentees), len(mentors), rs, func(i int) int { return mentees[i] }, all, false, k, colK)
	for i, r := range rows {
		for _, e := range r {
			arcs = append(arcs, Arc{Mentee: i, Mentor: e.j, W: e.w})
		}
	}
	return arcs, !all
}

// PeerEdges lists the allowed pairs of peers (profile indices of the scorer; an Edge's U and V
// index peers). With more than AllPairsUpTo people it keeps each peer's best k partners (the
// union) and reports pruned.
func PeerEdges(s *Scorer, peers []int, c Constraints, k int) (edges []Edge, pruned bool) {
	return peerEdges(s, peers, c, k, len(peers) <= AllPairsUpTo)
}

func peerEdges(s *Scorer, peers []int, c Constraints, k int, all bool) (edges []Edge, pruned bool) {
	if k <= 0 {
		k = TopK
	}
	rs := newRowScorer(s, c, peers, nil)
	// A peer pair scores the same both ways, so each is scored once, from its lower index: a
	// row keeps its best partners above it, a column its best below, and the two together hold
	// every person's best k.
	rows := parallelRows(len(peers), len(peers), rs, func(i int) int { return peers[i] }, all, true, k, func(int) int { return k })
	for i, r := range rows {
		for _, e := range r {
			edges = append(edges, Edge{U: i, V: e.j, W: e.w})
		}
	}
	return edges, !all
}

type cand struct {
	j int
	w int64
}

// topK keeps the best k candidates — highest weight, then lowest index — of those offered in
// rising index order (as the scans offer them).
type topK interface {
	// add keeps candidate j of weight w among the best k and returns the bar a later candidate
	// must pass: its weight must be higher (-1 while fewer than k are kept), for an equal one
	// comes later and ranks below everything kept.
	add(j, w int32, k int) int32
	// appendTo appends the kept candidates.
	appendTo(out []cand) []cand
	// reset empties it, keeping its memory.
	reset()
}

// candHeap is a topK for any weights: a min-heap on weight (ties: the larger index on top).
type candHeap []cand

// worse reports whether x ranks below y: a lower weight, or on equal weights a higher index.
func worse(x, y cand) bool { return x.w < y.w || (x.w == y.w && x.j > y.j) }

func (h *candHeap) add(j, w int32, k int) int32 {
	c := cand{int(j), int64(w)}
	x := *h
	if len(x) < k {
		x = append(x, c)
		for i := len(x) - 1; i > 0; {
			parent := (i - 1) / 2
			if !worse(x[i], x[parent]) {
				break
			}
			x[i], x[parent] = x[parent], x[i]
			i = parent
		}
		*h = x
	} else if k > 0 && worse(x[0], c) {
		x[0] = c
		for i, n := 0, len(x); ; {
			l := 2*i + 1
			if l >= n {
				break
			}
			m := l
			if r := l + 1; r < n && worse(x[r], x[l]) {
				m = r
			}
			if !worse(x[m], x[i]) {
				break
			}
			x[i], x[m] = x[m], x[i]
			i = m
		}
	}
	if len(x) < k || k == 0 {
		return -1
	}
	return int32(x[0].w)
}

func (h *candHeap) appendTo(out []cand) []cand { return append(out, *h...) }
func (h *candHeap) reset()                     { *h = (*h)[:0] }

// parallelRows scores every (row, column) pair on all cores — with triangular, where rows and
// columns are the same people, only the pairs with column > row. With all it keeps every allowed
// pair; otherwise each row's best k columns together with each column's best colK(j) rows.
// Each row's list comes back sorted by column.
func parallelRows(nRows, nCols int, rs *rowScorer, profileOf func(i int) int, all, triangular bool, k int, colK func(j int) int) [][]cand {
	workers := max(1, min(runtime.GOMAXPROCS(0), nRows))
	rows := make([][]cand, nRows)
	colKs := make([]int, nCols)
	for j := range colKs {
		colKs[j] = colK(j)
	}
	// Small whole weights (the usual case) are kept in buckets, others in heaps.
	newTop := func() topK { return &candHeap{} }
	if maxW := rs.maxWeight(); maxW <= bucketLimit {
		newTop = func() topK { b := newBucketTop(maxW); return &b }
	}
	colTops := make([][]topK, workers) // per worker, per column: best rows
	var wg sync.WaitGroup
	for wk := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rs := rs.clone()
			var cols []topK
			// Each column's bar in one small array, so that the usual answer — not good
			// enough — costs no visit to the column's keeper.
			var bar []int32
			var row topK
			if !all {
				cols, bar = make([]topK, nCols), make([]int32, nCols)
				for j := range cols {
					cols[j], bar[j] = newTop(), -1
				}
				colTops[wk] = cols
				row = newTop()
			}
			for i := wk; i < nRows; i += workers {
				lo := 0
				if triangular {
					lo = i + 1
				}
				pts, okay := rs.row(profileOf(i), lo)
				if all {
					var list []cand
					for j := lo; j < nCols; j++ {
						if okay[j] {
							list = append(list, cand{j, int64(pts[j])})
						}
					}
					rows[i] = list
					continue
				}
				row.reset()
				rowBar := int32(-1)
				for j := lo; j < nCols; j++ {
					if !okay[j] {
						continue
					}
					x := pts[j]
					if x > rowBar {
						rowBar = row.add(int32(j), x, k)
					}
					if x > bar[j] {
						bar[j] = cols[j].add(int32(i), x, colKs[j])
					}
				}
				rows[i] = row.appendTo(nil)
			}
		}()
	}
	wg.Wait()
	if all {
		return rows
	}
	// Merge the columns' picks (from every worker, keeping each column's best) into the rows.
	var picks []cand
	for j := range nCols {
		picks = picks[:0]
		for wk := range workers {
			picks = colTops[wk][j].appendTo(picks)
		}
		sort.Slice(picks, func(a, b int) bool {
			if picks[a].w != picks[b].w {
				return picks[a].w > picks[b].w
			}
			return picks[a].j < picks[b].j
		})
		for _, c := range picks[:min(len(picks), colKs[j])] {
			rows[c.j] = append(rows[c.j], cand{j, c.w})
		}
	}
	// Each row's list by column, with one of a pair kept by both its row and its column.
	for i := range rows {
		sort.Slice(rows[i], func(a, b int) bool { return rows[i][a].j < rows[i][b].j })
		out := rows[i][:0]
		for _, c := range rows[i] {
			if len(out) > 0 && c.j == out[len(out)-1].j {
				continue
			}
			out = append(out, c)
		}
		rows[i] = out
	}
	return rows
}
