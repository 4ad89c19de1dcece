package match

// The blossom algorithm behind Pair: Edmonds' maximum-weight matching with dual variables,
// in the O(n³) formulation of Galil as van Rantwijk wrote it (mwmatching.py, which networkx
// ports), with two changes:
//
//   - weights are doubled, and the search starts from a greedy matching with feasible duals
//     (y_v = the largest incident weight, lowered until an edge is tight, as Blossom V's greedy
//     initialisation does), so few stages remain;
//   - because those duals differ, a free vertex whose dual is 0 is done (it needs no partner)
//     and is not a root, and when the dual of an S-vertex x reaches 0 the alternating path from
//     its root to x is flipped, leaving x free with dual 0 and the root matched.
//
// and for speed: an augmentation does not end the stage at once (the other trees keep growing
// on tight edges, see run), the least-slack S–S edge comes from a lazy heap instead of
// per-blossom edge lists, and dual updates visit only what the stage labelled.
//
// Variables follow mwmatching.py: an edge k has endpoints 2k and 2k+1; mate[v] is the endpoint
// index of v's partner; labels are 1 (S), 2 (T), 0 (none); dual holds 2·y_v for vertices and
// 2·z_B for blossoms (slack(k) = dual[u] + dual[v] − 2·w_k). All duals stay even, so δ₃ (half
// an S–S slack) is an integer: every root's dual has the same parity at the start of a stage.

// blossomGraph is the input in arrays: edge k joins endpoint[2k] and endpoint[2k+1] with
// doubled weight weight[k]; adj[adjStart[v]:adjStart[v+1]] lists the endpoint indices p of
// v's neighbours (endpoint[p] is the neighbour, p/2 the edge).
type blossomGraph struct {
	n        int
	endpoint []int32
	weight   []int64
	adjStart []int32
	adj      []int32
}

// blossomOptions selects the variant: greedy initialisation (otherwise every dual starts at
// the largest weight, as in mwmatching.py), and the native maximum-cardinality mode
// (mwmatching.py's maxcardinality=True, used only with uniform duals).
type blossomOptions struct {
	greedy  bool
	maxCard bool
}

func newBlossomGraph(n int, edges []Edge) *blossomGraph {
	m := len(edges)
	g := &blossomGraph{
		n:        n,
		endpoint: make([]int32, 2*m),
		weight:   make([]int64, m),
		adjStart: make([]int32, n+1),
		adj:      make([]int32, 2*m),
	}
	for k, e := range edges {
		g.endpoint[2*k] = int32(e.U)
		g.endpoint[2*k+1] = int32(e.V)
		g.weight[k] = 2 * e.W
		g.adjStart[e.U+1]++
		g.adjStart[e.V+1]++
	}
	for v := 0; v < n; v++ {
		g.adjStart[v+1] += g.adjStart[v]
	}
	fill := make([]int32, n)
	copy(fill, g.adjStart[:n])
	for k, e := range edges {
		g.adj[fill[e.U]] = int32(2*k + 1)
		fill[e.U]++
		g.adj[fill[e.V]] = int32(2 * k)
		fill[e.V]++
	}
	return g
}
