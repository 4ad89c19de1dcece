package match

import (
	"math"
	"math/bits"
)

// Columns are the features of a set of partners (mentors, or peers) laid out rule by rule in
// contiguous arrays, so that one person's scores against all of them are tight loops: the
// fast path of the candidate builders, which score every pair of a large program.
type Columns struct {
	s     *Scorer
	index []int // profile index of each column
	rules []columnRule
}

// columnRule is one rule's features of the columns, as the branch-free loops of rules that are
// not must rules read them; must rules (rare) and what those loops do not cover go pair by pair.
type columnRule struct {
	c      *compiled
	pts    int32 // points per unit
	code   []int32
	w1, w2 []uint64
	table  []int32 // closest, whole numbers: the points for a difference of d
	// ns and zs are whole-number answers and zone offsets with blanks moved far away, so that a
	// blank earns nothing without a branch.
	ns, zs []int32
}

// far is where blanks go in ns and zs: further from any answer than any rule reaches.
const far = -1 << 24

// Columns gathers the features of the given profiles (by profile index).
func (s *Scorer) Columns(profiles []int) *Columns {
	cols := &Columns{s: s, index: profiles}
	for i := range s.rules {
		c := &s.rules[i]
		r := columnRule{c: c, pts: int32(c.earn(1))}
		switch {
		case c.code != nil:
			r.code = gather(c.code, profiles)
		case c.w1 != nil:
			r.w1 = gather(c.w1, profiles)
			if c.w2 != nil {
				r.w2 = gather(c.w2, profiles)
			}
		case c.inum != nil:
			r.ns = sentinel(gather(c.inum, profiles))
			if c.span > 0 {
				// One entry more than the span, worth nothing: every larger difference lands there.
				r.table = make([]int32, int(c.span)+2)
				for d := range r.table {
					r.table[d] = int32(math.Round(float64(r.pts) * math.Max(0, 1-float64(d)/c.span)))
				}
			}
		case c.zone != nil:
			r.zs = sentinel(gather(c.zone, profiles))
		}
		cols.rules = append(cols.rules, r)
	}
	return cols
}

// sentinel copies whole numbers with their blanks (noZone) moved to far.
func sentinel(src []int32) []int32 {
	out := make([]int32, len(src))
	for i, v := range src {
		if v == noZone {
			v = far
		}
		out[i] = v
	}
	return out
}

func gather[T any](src []T, index []int) []T {
	out := make([]T, len(index))
	for j, i := range index {
		out[j] = src[i]
	}
	return out
}

// Row scores profile a against every column: pts[j] gets the points and ok[j] is false where a
// must rule rules the pair out. Both slices have one entry per column; ok must come in true
// for the columns to score.
func (cs *Columns) Row(a int, pts []int32, ok []bool) { cs.RowFrom(a, 0, pts, ok) }

// RowFrom is Row for the columns from lo on; the entries before lo are left as they are.
func (cs *Columns) RowFrom(a, lo int, pts []int32, ok []bool) {
	hi := len(pts)
	clear(pts[lo:hi])
	peers := cs.s.peers
	for ri := range cs.rules {
		r := &cs.rules[ri]
		if !r.c.Must && fastRule(r, r.c, a, lo, hi, pts, peers) {
			continue
		}
		// A must rule, a fractional "closest", options beyond 64: pair by pair.
		for j := lo; j < hi; j++ {
			x, good := r.c.points(a, cs.index[j], peers)
			pts[j] += int32(x)
			if !good {
				ok[j] = false
			}
		}
	}
}

// fastRule adds a rule that is not a must rule to the block's sums with loops free of
// unpredictable branches (random answers make such branches guess wrong half the time). It
// reports false for the kinds it leaves to the general loops.
func fastRule(r *columnRule, c *compiled, a, lo, hi int, pts []int32, peers bool) bool {
	p := r.pts
	pts = pts[lo:hi]
	switch {
	case r.code != nil:
		xa := c.code[a]
		if xa < 0 {
			return true
		}
		code := r.code[lo:hi]
		if c.kind == kSame {
			for j, y := range code {
				var v int32
				if y == xa {
					v = p
				}
				pts[j] += v
			}
			return true
		}
		for j, y := range code {
			var v int32
			if y != xa {
				v = p
			}
			if y < 0 {
				v = 0
			}
			pts[j] += v
		}
		return true
	case r.w1 != nil && c.kind == kOverlap:
		wa := c.w1[a]
		for j, wb := range r.w1[lo:hi] {
			pts[j] += p * int32(min(bits.OnesCount64(wa&wb), MaxShared))
		}
		return true
	case r.w1 != nil && c.kind == kComplement:
		wants, offers := c.w1[a], c.w2[a]
		w2 := r.w2[lo:hi]
		if !peers {
			for j, x := range w2 {
				pts[j] += p * int32(min(bits.OnesCount64(wants&x), MaxShared))
			}
			return true
		}
		w1 := r.w1[lo:hi]
		for j, x := range w2 {
			n := min(bits.OnesCount64(wants&x), MaxShared) + min(bits.OnesCount64(w1[j]&offers), MaxShared)
			pts[j] += p * int32(n)
		}
		return true
	case r.ns != nil:
		xa := c.inum[a]
		if xa == noZone {
			return true
		}
		if r.table == nil {
			for j, y := range r.ns[lo:hi] {
				var v int32
				if y != far {
					v = p
				}
				pts[j] += v
			}
			return true
		}
		top := int32(len(r.table) - 1)
		for j, y := range r.ns[lo:hi] {
			d := xa - y
			m := d >> 31
			d = (d ^ m) - m
			pts[j] += r.table[min(d, top)]
		}
		return true
	case r.zs != nil:
		za := c.zone[a]
		if za == noZone {
			return true
		}
		lim := int32(c.Hours * 60)
		for j, zb := range r.zs[lo:hi] {
			d := za - zb
			m := d >> 31
			d = (d ^ m) - m
			var v int32
			if d <= lim {
				v = p
			}
			pts[j] += v
		}
		return true
	}
	return false
}
