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

type columnRule struct {
	c      *compiled
	pts    int32 // points per unit (0 for must rules)
	code   []int32
	w1, w2 []uint64
	num    []float64
	inum   []int32
	table  []int32 // closest, whole numbers: the points for a difference of d
	zone   []int32
}

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
			r.inum = gather(c.inum, profiles)
			if c.span > 0 {
				r.table = make([]int32, int(c.span)+1)
				for d := range r.table {
					r.table[d] = int32(math.Round(float64(r.pts) * math.Max(0, 1-float64(d)/c.span)))
				}
			}
		case c.num != nil:
			r.num = gather(c.num, profiles)
		case c.zone != nil:
			r.zone = gather(c.zone, profiles)
		}
		cols.rules = append(cols.rules, r)
	}
	return cols
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
	clear(pts[lo:])
	peers := cs.s.peers
	for ri := range cs.rules {
		r := &cs.rules[ri]
		c := r.c
		p := r.pts
		must := c.Must
		switch {
		case r.code != nil:
			xa := c.code[a]
			if xa < 0 {
				continue
			}
			same := c.kind == kSame
			for j := lo; j < len(r.code); j++ {
				y := r.code[j]
				if y < 0 {
					continue
				}
				if (y == xa) == same {
					pts[j] += p
				} else if must {
					ok[j] = false
				}
			}
		case r.w1 != nil && c.kind == kOverlap:
			wa := c.w1[a]
			for j := lo; j < len(r.w1); j++ {
				wb := r.w1[j]
				n := int32(bits.OnesCount64(wa & wb))
				if n > MaxShared {
					n = MaxShared
				}
				pts[j] += p * n
				if must && n == 0 && wa != 0 && wb != 0 {
					ok[j] = false
				}
			}
		case r.w1 != nil && c.kind == kComplement:
			wants, offers := c.w1[a], c.w2[a]
			for j := lo; j < len(r.w1); j++ {
				n := int32(bits.OnesCount64(wants & r.w2[j]))
				if n > MaxShared {
					n = MaxShared
				}
				if peers {
					m := int32(bits.OnesCount64(r.w1[j] & offers))
					if m > MaxShared {
						m = MaxShared
					}
					n += m
				}
				pts[j] += p * n
				if must && n == 0 && wants != 0 {
					ok[j] = false
				}
			}
		case r.inum != nil:
			xa := c.inum[a]
			if xa == noZone {
				continue
			}
			for j := lo; j < len(r.inum); j++ {
				y := r.inum[j]
				if y == noZone {
					continue
				}
				d := xa - y
				if d < 0 {
					d = -d
				}
				if must && d > 1 {
					ok[j] = false
				}
				switch {
				case r.table == nil:
					pts[j] += p
				case int(d) < len(r.table):
					pts[j] += r.table[d]
				}
			}
		case r.num != nil:
			xa := c.num[a]
			if math.IsNaN(xa) {
				continue
			}
			for j := lo; j < len(r.num); j++ {
				y := r.num[j]
				if math.IsNaN(y) {
					continue
				}
				d := math.Abs(xa - y)
				if must && d > 1 {
					ok[j] = false
				}
				if c.span <= 0 {
					pts[j] += p
				} else {
					pts[j] += int32(math.Round(float64(p) * math.Max(0, 1-d/c.span)))
				}
			}
		case r.zone != nil:
			za := c.zone[a]
			if za == noZone {
				continue
			}
			lim := int32(c.Hours * 60)
			for j := lo; j < len(r.zone); j++ {
				zb := r.zone[j]
				if zb == noZone {
					continue
				}
				d := za - zb
				if d < 0 {
					d = -d
				}
				if d <= lim {
					pts[j] += p
				} else if must {
					ok[j] = false
				}
			}
		default:
			// Options beyond 64: the general path, pair by pair.
			for j := lo; j < len(cs.index); j++ {
				b := cs.index[j]
				x, good := c.points(a, b, peers)
				pts[j] += int32(x)
				if !good {
					ok[j] = false
				}
			}
		}
	}
}
