package match

import (
	"fmt"
	"math"
)

// pairMaxAbsWeight bounds |W| so that doubled weights, duals and slacks never overflow int64.
const pairMaxAbsWeight = int64(1) << 40

// pairMaxShifted bounds the weights after the MaxCardinality shift (see Pair); past it the
// solver runs the max-cardinality mode of the blossom algorithm itself instead.
const pairMaxShifted = int64(1) << 58

// Pair finds a maximum-weight matching of n peers (0..n-1) on a general graph: mate[i] is
// i's partner, or -1 when i stays unpaired. Only the given edges may be used; a pair without
// an edge is forbidden.
//
// Under MaxWeight the total weight of the pairs is the largest there is; an edge with W <= 0
// is never worth taking and is not used. Under MaxCardinality as many people as possible are
// paired and, among all such pairings, the total weight is the largest (the semantics of
// networkx's max_weight_matching with maxcardinality=True); every edge may be used,
// negative ones too.
//
// The answer is exact: it is Edmonds' blossom algorithm with dual variables (the O(n³)
// formulation of Galil as written by van Rantwijk), in integer arithmetic. For the same input
// it returns the same matching.
//
// Errors name the offending edge: an endpoint out of range, a loop (U == V), a duplicate pair
// (in either orientation), or |W| > 2^40.
func Pair(n int, edges []Edge, obj Objective) (mate []int, err error) {
	if n < 0 {
		return nil, fmt.Errorf("pair: n = %d is negative", n)
	}
	if n > math.MaxInt32/2 {
		return nil, fmt.Errorf("pair: n = %d is too large", n)
	}
	if obj != MaxWeight && obj != MaxCardinality {
		return nil, fmt.Errorf("pair: unknown objective %v", obj)
	}
	if err := pairValidate(n, edges); err != nil {
		return nil, err
	}
	mate = make([]int, n)
	for i := range mate {
		mate[i] = -1
	}
	if len(edges) == 0 {
		return mate, nil
	}

	var kept []Edge
	opts := blossomOptions{greedy: true}
	switch obj {
	case MaxWeight:
		kept = make([]Edge, 0, len(edges))
		for _, e := range edges {
			if e.W > 0 {
				kept = append(kept, e)
			}
		}
	case MaxCardinality:
		shift, ok := pairCardinalityShift(n, edges)
		kept = make([]Edge, len(edges))
		copy(kept, edges)
		if ok {
			for i := range kept {
				kept[i].W += shift
			}
		} else {
			opts = blossomOptions{maxCard: true}
		}
	}
	if len(kept) == 0 {
		return mate, nil
	}
	g := newBlossomGraph(n, kept)
	return g.solve(opts), nil
}

// pairCardinalityShift returns C such that adding C to every weight makes each maximum-weight
// matching a maximum-cardinality one of the largest original weight: with all weights in
// [lo, hi], C + lo > (n/2)·(hi−lo) means one more pair outweighs any weight difference.
// ok is false when the shifted weights would pass pairMaxShifted.
func pairCardinalityShift(n int, edges []Edge) (shift int64, ok bool) {
	lo, hi := edges[0].W, edges[0].W
	for _, e := range edges {
		lo = min(lo, e.W)
		hi = max(hi, e.W)
	}
	span := hi - lo // <= 2^41
	half := int64(n / 2)
	if span > 0 && half > (pairMaxShifted/4)/span {
		return 0, false
	}
	shift = half*span - lo + 1
	if shift+hi > pairMaxShifted {
		return 0, false
	}
	return shift, true
}

// pairValidate checks the edges against n and reports the first problem by edge index.
func pairValidate(n int, edges []Edge) error {
	deg := make([]int32, n+1)
	for k, e := range edges {
		if e.U < 0 || e.U >= n || e.V < 0 || e.V >= n {
			return fmt.Errorf("pair: edge %d (%d–%d): endpoint out of range 0..%d", k, e.U, e.V, n-1)
		}
		if e.U == e.V {
			return fmt.Errorf("pair: edge %d joins %d to itself", k, e.U)
		}
		if e.W > pairMaxAbsWeight || e.W < -pairMaxAbsWeight {
			return fmt.Errorf("pair: edge %d (%d–%d): weight %d is outside ±2^40", k, e.U, e.V, e.W)
		}
		deg[min(e.U, e.V)]++
	}
	// Duplicates: bucket each edge under its smaller endpoint, then mark the larger ones.
	start := make([]int32, n+1)
	for v := 0; v < n; v++ {
		start[v+1] = start[v] + deg[v]
	}
	fill := make([]int32, n)
	copy(fill, start[:n])
	byLow := make([]int32, len(edges))
	for k, e := range edges {
		lo := min(e.U, e.V)
		byLow[fill[lo]] = int32(k)
		fill[lo]++
	}
	seenBy := fill // reuse: seenBy[hi] = low endpoint + 1 that last saw hi
	for i := range seenBy {
		seenBy[i] = 0
	}
	seenEdge := deg[:n]
	for lo := 0; lo < n; lo++ {
		for _, k := range byLow[start[lo]:start[lo+1]] {
			e := edges[k]
			hi := max(e.U, e.V)
			if seenBy[hi] == int32(lo)+1 {
				first := edges[seenEdge[hi]]
				return fmt.Errorf("pair: edge %d (%d–%d) duplicates edge %d (%d–%d)", k, e.U, e.V, seenEdge[hi], first.U, first.V)
			}
			seenBy[hi] = int32(lo) + 1
			seenEdge[hi] = k
		}
	}
	return nil
}
