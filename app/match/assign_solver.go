package match

import "math"

// assignSolver adds mentees one at a time along shortest augmenting paths.
//
// It is the primal-dual (Hungarian) method on the residual graph of the assignment, in
// minimisation form with cost -w per arc. Every mentee also has a private "unmatched" column of
// cost 0, so each added mentee ends on a mentor or on its own unmatched column. Potentials: u[i]
// for mentees (>= 0), v[j] for mentors (<= 0, and 0 while the mentor has room). The reduced cost
// of arc i→j is u[i] - v[j] - w(i,j) >= 0, zero on matched arcs; of i→unmatched it is u[i].
// A path that ends on another mentee's unmatched column unmatches that mentee (which then never
// comes back: nothing leads to it any more). Mentors never lose load, so a mentor that is full
// stays full.
type assignSolver struct {
	p        *assignProblem
	mentorOf []int32   // mentor of each added mentee, -1 when unmatched
	members  [][]int32 // mentees of each mentor; len <= cap
	u, v     []int64

	// Scratch of one search.
	dist    []int64 // per mentor, math.MaxInt64 when not reached
	pred    []int32 // per mentor, the mentee it was reached from
	state   []uint8 // per mentor: assignUnseen, assignOpen, assignSettled
	touched []int32 // mentors with dist set, to reset
	open    []int32 // dense: reached, full, not settled
	heap    assignHeap
	settled []assignSettledMentee
	best    int64 // distance of the best end found so far
	endJ    int32 // the end: a mentor with room, or
	endI    int32 // the unmatched column of this mentee (when endJ < 0)
}

type assignSettledMentee struct {
	i int32
	d int64
}

const (
	assignUnseen uint8 = iota
	assignOpen
	assignSettled
)

func newAssignSolver(p *assignProblem) *assignSolver {
	s := &assignSolver{
		p:        p,
		mentorOf: make([]int32, p.m),
		members:  make([][]int32, p.k),
		u:        make([]int64, p.m),
		v:        make([]int64, p.k),
		dist:     make([]int64, p.k),
		pred:     make([]int32, p.k),
		state:    make([]uint8, p.k),
	}
	total := 0
	for _, c := range p.cap {
		total += int(c)
	}
	backing := make([]int32, min(total, p.m*2+p.k)) // never more than m are used at once
	for j, c := range p.cap {
		if int(c) <= len(backing) {
			s.members[j], backing = backing[:0:c], backing[c:]
		} else {
			s.members[j] = make([]int32, 0, min(int(c), 4))
		}
	}
	for i := range s.mentorOf {
		s.mentorOf[i] = -1
	}
	for j := range s.dist {
		s.dist[j] = math.MaxInt64
	}
	return s
}

func (s *assignSolver) full(j int32) bool {
	return len(s.members[j]) >= int(s.p.cap[j])
}

// addMentee places mentee i0 along a shortest augmenting path and updates the potentials.
func (s *assignSolver) addMentee(i0 int32) {
	// A potential that makes every arc out of i0 (and its unmatched column) non-negative.
	u0 := int64(0)
	s.eachArc(i0, func(j int32, w int64) {
		u0 = max(u0, w+s.v[j])
	})
	s.u[i0] = u0
	s.best, s.endJ, s.endI = u0, -1, i0
	s.settled = append(s.settled[:0], assignSettledMentee{i0, 0})
	s.relax(i0, 0)
	for {
		j, d, ok := s.popNearest()
		if !ok || d >= s.best {
			break
		}
		s.state[j] = assignSettled
		for _, i := range s.members[j] {
			// Matched arcs have reduced cost 0: the mentee is as near as its mentor.
			s.settled = append(s.settled, assignSettledMentee{i, d})
			if d+s.u[i] < s.best {
				s.best, s.endJ, s.endI = d+s.u[i], -1, i
			}
			s.relax(i, d)
		}
	}
	s.finish(i0)
}

// eachArc calls f for every usable arc of mentee i, in mentor order for dense inputs and in
// input order for sparse ones.
func (s *assignSolver) eachArc(i int32, f func(j int32, w int64)) {
	p := s.p
	if p.dense {
		row := p.w[int(i)*p.k : int(i+1)*p.k]
		for j, w := range row {
			if w != assignForbidden {
				f(int32(j), w)
			}
		}
		return
	}
	for x := p.start[i]; x < p.start[i+1]; x++ {
		f(p.to[x], p.wt[x])
	}
}

// relax lowers the distances of the mentors next to mentee i, settled at distance di.
func (s *assignSolver) relax(i int32, di int64) {
	p := s.p
	base := di + s.u[i]
	if p.dense {
		row := p.w[int(i)*p.k : int(i+1)*p.k]
		v, dist := s.v[:len(row)], s.dist[:len(row)]
		for jj, w := range row {
			// A settled mentor is never nearer than this (reduced costs are >= 0), so the
			// comparison alone filters almost everything.
			if d := base - v[jj] - w; d < dist[jj] && w != assignForbidden {
				s.reach(i, int32(jj), d)
			}
		}
		return
	}
	for x := p.start[i]; x < p.start[i+1]; x++ {
		j := p.to[x]
		s.reach(i, j, base-s.v[j]-p.wt[x])
	}
}

// reach offers distance d to mentor j, from mentee i.
func (s *assignSolver) reach(i, j int32, d int64) {
	if d >= s.dist[j] || s.state[j] == assignSettled {
		return
	}
	if s.dist[j] == math.MaxInt64 {
		s.touched = append(s.touched, j)
	}
	s.dist[j], s.pred[j] = d, i
	if !s.full(j) {
		if d < s.best {
			s.best, s.endJ, s.endI = d, j, -1
		}
		return
	}
	if s.p.dense {
		if s.state[j] == assignUnseen {
			s.state[j] = assignOpen
			s.open = append(s.open, j)
		}
		return
	}
	s.state[j] = assignOpen
	s.heap.push(d, j)
}

// popNearest takes the open (full, not settled) mentor nearest to the new mentee, the lowest
// index first among equals.
func (s *assignSolver) popNearest() (int32, int64, bool) {
	if s.p.dense {
		at := -1
		var bj int32
		bd := int64(math.MaxInt64)
		for x, j := range s.open {
			if d := s.dist[j]; d < bd || (d == bd && j < bj) {
				at, bj, bd = x, j, d
			}
		}
		if at < 0 {
			return 0, 0, false
		}
		last := len(s.open) - 1
		s.open[at] = s.open[last]
		s.open = s.open[:last]
		return bj, bd, true
	}
	for s.heap.len() > 0 {
		d, j := s.heap.pop()
		if s.state[j] == assignOpen && d == s.dist[j] {
			return j, d, true
		}
	}
	return 0, 0, false
}

// finish updates the potentials, moves the mentees along the path and clears the scratch.
func (s *assignSolver) finish(i0 int32) {
	D := s.best
	for _, e := range s.settled {
		s.u[e.i] += e.d - D
	}
	for _, j := range s.touched {
		if s.state[j] == assignSettled {
			s.v[j] += s.dist[j] - D
		}
	}
	s.augment(i0)
	for _, j := range s.touched {
		s.dist[j] = math.MaxInt64
		s.state[j] = assignUnseen
	}
	s.touched = s.touched[:0]
	s.open = s.open[:0]
	s.heap.reset()
}

// augment shifts every mentee on the path one step: the end (a mentor with room, or a mentee's
// unmatched column) takes the last one, each mentor on the way takes the mentee it was reached
// from, and i0 gets its first mentor.
func (s *assignSolver) augment(i0 int32) {
	var j int32
	if s.endJ >= 0 {
		j = s.endJ
	} else {
		if s.endI == i0 {
			return // i0 stays unmatched
		}
		j = s.mentorOf[s.endI]
		s.removeMember(j, s.endI)
		s.mentorOf[s.endI] = -1
	}
	for {
		i := s.pred[j]
		old := s.mentorOf[i]
		if old >= 0 {
			s.removeMember(old, i)
		}
		s.mentorOf[i] = j
		s.members[j] = append(s.members[j], i)
		if i == i0 {
			return
		}
		j = old
	}
}

func (s *assignSolver) removeMember(j, i int32) {
	ms := s.members[j]
	for x, y := range ms {
		if y == i {
			copy(ms[x:], ms[x+1:])
			s.members[j] = ms[:len(ms)-1]
			return
		}
	}
}

// assignHeap is a binary min-heap of (distance, mentor), ordered by distance then mentor.
type assignHeap struct {
	d []int64
	j []int32
}

func (h *assignHeap) len() int { return len(h.d) }

func (h *assignHeap) reset() { h.d, h.j = h.d[:0], h.j[:0] }

func (h *assignHeap) less(a, b int) bool {
	return h.d[a] < h.d[b] || (h.d[a] == h.d[b] && h.j[a] < h.j[b])
}

func (h *assignHeap) swap(a, b int) {
	h.d[a], h.d[b] = h.d[b], h.d[a]
	h.j[a], h.j[b] = h.j[b], h.j[a]
}

func (h *assignHeap) push(d int64, j int32) {
	h.d, h.j = append(h.d, d), append(h.j, j)
	for x := len(h.d) - 1; x > 0; {
		parent := (x - 1) / 2
		if !h.less(x, parent) {
			break
		}
		h.swap(x, parent)
		x = parent
	}
}

func (h *assignHeap) pop() (int64, int32) {
	d, j := h.d[0], h.j[0]
	last := len(h.d) - 1
	h.swap(0, last)
	h.d, h.j = h.d[:last], h.j[:last]
	for x := 0; ; {
		c := 2*x + 1
		if c >= last {
			break
		}
		if c+1 < last && h.less(c+1, c) {
			c++
		}
		if !h.less(c, x) {
			break
		}
		h.swap(x, c)
		x = c
	}
	return d, j
}
