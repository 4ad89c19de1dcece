package match

import (
	"fmt"
	"math"
	"math/bits"
)

// Assign finds an exact best capacitated assignment of mentees to mentors.
//
// Mentees are 0..mentees-1 and mentors 0..len(capacity)-1; mentor j takes at most capacity[j]
// mentees and each mentee at most one mentor. Only the pairs listed in arcs are allowed. Under
// MaxWeight the total weight of the chosen arcs is maximised: a mentee may stay unmatched, and
// an arc with W <= 0 is never chosen (it cannot add to the total). Under MaxCardinality as many
// mentees as possible are matched, and among those assignments the total weight is maximised;
// there every arc counts, whatever its weight.
//
// mentorOf[i] is the mentor of mentee i, or -1 when the mentee is unmatched. The answer is the
// same for the same input. Invalid input (an index out of range, a negative capacity, the same
// pair listed twice, weights so large the totals could overflow int64) is an error naming the
// offending arc or mentor.
//
// The method is successive shortest augmenting paths with potentials (Hungarian style), one
// mentee at a time, on the mentors directly (a mentor's capacity is not expanded into slots);
// dense inputs use a weight matrix and a linear scan for the nearest mentor, sparse ones
// adjacency lists and a binary heap. Both are exact.
func Assign(mentees int, capacity []int, arcs []Arc, obj Objective) (mentorOf []int, err error) {
	p, err := assignBuild(mentees, capacity, arcs, obj)
	if err != nil {
		return nil, err
	}
	s := newAssignSolver(p)
	for i := 0; i < p.m; i++ {
		s.addMentee(int32(i))
	}
	mentorOf = make([]int, mentees)
	for i, j := range s.mentorOf {
		mentorOf[i] = int(j)
	}
	return mentorOf, nil
}

// AssignScore is the total weight and the number of matched mentees of an assignment made from
// arcs. A mentee matched along a pair missing from arcs counts as matched and adds nothing.
func AssignScore(mentorOf []int, arcs []Arc) (weight int64, matched int) {
	for _, a := range arcs {
		if a.Mentee >= 0 && a.Mentee < len(mentorOf) && mentorOf[a.Mentee] == a.Mentor {
			weight += a.W
		}
	}
	for _, j := range mentorOf {
		if j >= 0 {
			matched++
		}
	}
	return weight, matched
}

// assignForbidden marks an absent pair in the dense weight matrix.
const assignForbidden = math.MinInt64

// assignMaxIndex bounds the number of mentees and mentors (indices are stored as int32).
const assignMaxIndex = math.MaxInt32 - 1

// assignDenseCells is the largest weight matrix (mentees × mentors) the dense solver builds.
const assignDenseCells = 1 << 27

// assignProblem is a validated instance, ready for the solver: only the usable arcs (mentor
// with capacity, and under MaxWeight a positive weight), with weights already shifted by the
// MaxCardinality bonus.
type assignProblem struct {
	m, k  int
	cap   []int32 // capacity, clamped to m
	dense bool
	// dense: w[i*k+j] is the weight of mentee i with mentor j, or assignForbidden.
	w []int64
	// sparse: the arcs of mentee i are to[start[i]:start[i+1]] with weights wt[...].
	start []int32
	to    []int32
	wt    []int64
}

func assignBuild(m int, capacity []int, arcs []Arc, obj Objective) (*assignProblem, error) {
	if obj != MaxWeight && obj != MaxCardinality {
		return nil, fmt.Errorf("match: unknown objective %v", obj)
	}
	if m < 0 {
		return nil, fmt.Errorf("match: negative number of mentees %d", m)
	}
	k := len(capacity)
	if m > assignMaxIndex || k > assignMaxIndex {
		return nil, fmt.Errorf("match: too many mentees or mentors (%d, %d)", m, k)
	}
	p := &assignProblem{m: m, k: k, cap: make([]int32, k)}
	total := 0 // sum of capacities, clamped to m
	for j, c := range capacity {
		if c < 0 {
			return nil, fmt.Errorf("match: mentor %d has negative capacity %d", j, c)
		}
		p.cap[j] = int32(min(c, m))
		total = min(total+int(p.cap[j]), m)
	}
	usable := func(a Arc) bool {
		return p.cap[a.Mentor] > 0 && (obj == MaxCardinality || a.W > 0)
	}
	// Range checks, the weight range and the number of usable arcs per mentee.
	count := make([]int32, m+1)
	lo, hi := int64(0), int64(0)
	used := 0
	for x, a := range arcs {
		if a.Mentee < 0 || a.Mentee >= m {
			return nil, fmt.Errorf("match: arc %d: mentee %d out of range [0,%d)", x, a.Mentee, m)
		}
		if a.Mentor < 0 || a.Mentor >= k {
			return nil, fmt.Errorf("match: arc %d: mentor %d out of range [0,%d)", x, a.Mentor, k)
		}
		if usable(a) {
			lo, hi = min(lo, a.W), max(hi, a.W)
			count[a.Mentee+1]++
			used++
		}
	}
	bonus, err := assignBonus(obj, total, lo, hi)
	if err != nil {
		return nil, err
	}
	cells := m * k
	if k > 0 && cells/k != m {
		cells = math.MaxInt
	}
	p.dense = cells <= assignDenseCells && used > 0 && 3*used >= cells
	if p.dense {
		return p, p.fillDense(arcs, usable, bonus)
	}
	return p, p.fillSparse(arcs, usable, bonus, count, used)
}

// assignBonus is the weight added to every arc under MaxCardinality: more than any total of
// weights can differ by, so one more match always wins. It also checks that the totals, and the
// solver's potentials (bounded by a few times the largest weight), fit in int64.
func assignBonus(obj Objective, total int, lo, hi int64) (int64, error) {
	const limit = math.MaxInt64 / 8
	tooLarge := fmt.Errorf("match: weights too large: totals could overflow int64 (weights %d..%d, up to %d matches)", lo, hi, total)
	fits := func(x uint64) bool { return x <= limit }
	n := uint64(max(total, 1))
	top := uint64(hi)
	var bonus uint64
	if obj == MaxCardinality {
		span := uint64(hi) + uint64(-(lo + 1)) + 1 // hi - lo without overflow
		h, l := bits.Mul64(n, span)
		if h != 0 || !fits(l) {
			return 0, tooLarge
		}
		bonus = l + 1
		top += bonus
	}
	h, l := bits.Mul64(n, top)
	if h != 0 || !fits(l) || !fits(top) {
		return 0, tooLarge
	}
	return int64(bonus), nil
}

func (p *assignProblem) fillDense(arcs []Arc, usable func(Arc) bool, bonus int64) error {
	m, k := p.m, p.k
	p.w = make([]int64, m*k)
	for x := range p.w {
		p.w[x] = assignForbidden
	}
	// A seen-matrix for duplicates among the unusable arcs too, one bit per cell.
	seen := make([]uint64, (m*k+63)/64)
	for x, a := range arcs {
		c := a.Mentee*k + a.Mentor
		if seen[c/64]&(1<<(c%64)) != 0 {
			return assignDuplicate(arcs, x)
		}
		seen[c/64] |= 1 << (c % 64)
		if usable(a) {
			p.w[c] = a.W + bonus
		}
	}
	return nil
}

func (p *assignProblem) fillSparse(arcs []Arc, usable func(Arc) bool, bonus int64, count []int32, used int) error {
	m := p.m
	for i := 0; i < m; i++ {
		count[i+1] += count[i]
	}
	p.start = count
	p.to = make([]int32, used)
	p.wt = make([]int64, used)
	next := make([]int32, m)
	copy(next, count[:m])
	for _, a := range arcs {
		if usable(a) {
			x := next[a.Mentee]
			next[a.Mentee]++
			p.to[x] = int32(a.Mentor)
			p.wt[x] = a.W + bonus
		}
	}
	// Duplicates, among all arcs: group arc indices by mentee, then stamp mentors.
	byMentee := make([]int32, m+1)
	for _, a := range arcs {
		byMentee[a.Mentee+1]++
	}
	for i := 0; i < m; i++ {
		byMentee[i+1] += byMentee[i]
	}
	order := make([]int32, len(arcs))
	for x, a := range arcs {
		order[byMentee[a.Mentee]] = int32(x)
		byMentee[a.Mentee]++
	}
	stamp := make([]int32, p.k)
	lastArc := make([]int32, p.k)
	for _, x := range order {
		a := arcs[x]
		if stamp[a.Mentor] == int32(a.Mentee)+1 {
			return fmt.Errorf("match: arc %d duplicates arc %d (mentee %d, mentor %d)", x, lastArc[a.Mentor], a.Mentee, a.Mentor)
		}
		stamp[a.Mentor] = int32(a.Mentee) + 1
		lastArc[a.Mentor] = x
	}
	return nil
}

// assignDuplicate is the error for arc x, which repeats the pair of an earlier arc.
func assignDuplicate(arcs []Arc, x int) error {
	a := arcs[x]
	for y := 0; y < x; y++ {
		if arcs[y].Mentee == a.Mentee && arcs[y].Mentor == a.Mentor {
			return fmt.Errorf("match: arc %d duplicates arc %d (mentee %d, mentor %d)", x, y, a.Mentee, a.Mentor)
		}
	}
	return fmt.Errorf("match: arc %d is a duplicate (mentee %d, mentor %d)", x, a.Mentee, a.Mentor)
}
