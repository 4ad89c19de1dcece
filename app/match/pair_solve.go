package match

// blossomSolver holds the state of one run; names follow mwmatching.py. Blossoms are
// numbered n..2n-1 (vertices are the trivial blossoms 0..n-1).
type blossomSolver struct {
	g    *blossomGraph
	opts blossomOptions
	n    int

	mate          []int // endpoint index of the partner, or -1
	label         []int // per vertex and blossom: 0, 1 (S), 2 (T); 5 marks scanBlossom's path
	labelend      []int // endpoint through which the blossom got its label, or -1
	inblossom     []int // top-level blossom of each vertex
	blossomparent []int
	blossomchilds [][]int
	blossombase   []int
	blossomendps  [][]int
	bestedge      []int
	unused        []int
	dual          []int64
	allow         []int32 // allow[k] == stage: edge k is known tight (usable) in this stage
	stage         int32
	tree          []int // tree[b]: root vertex of top-level blossom b's tree, valid if treeStage[b] == stage
	treeStage     []int32
	deadStage     []int32 // deadStage[r] == stage: r's tree augmented this stage
	queue         []int
	leafBuf       []int
	cum           int64          // sum of this stage's dual changes
	sVerts        []int          // vertices labelled S in this stage
	beVerts       []int          // vertices given a bestedge in this stage
	items         []int          // blossoms (and vertices) labelled in this stage, once each
	itemStage     []int32        // itemStage[b] == stage: b is in items
	ssHeap        []pairHeapItem // S–S edges by slack + 2·cum (lazy: stale when both ends share a blossom)
}

func (g *blossomGraph) solve(opts blossomOptions) []int {
	n := g.n
	s := &blossomSolver{g: g, opts: opts, n: n}
	s.mate = make([]int, n)
	s.label = make([]int, 2*n)
	s.labelend = make([]int, 2*n)
	s.inblossom = make([]int, n)
	s.blossomparent = make([]int, 2*n)
	s.blossomchilds = make([][]int, 2*n)
	s.blossombase = make([]int, 2*n)
	s.blossomendps = make([][]int, 2*n)
	s.bestedge = make([]int, 2*n)
	s.dual = make([]int64, 2*n)
	s.allow = make([]int32, len(g.weight))
	s.tree = make([]int, 2*n)
	s.itemStage = make([]int32, 2*n)
	s.treeStage = make([]int32, 2*n)
	s.deadStage = make([]int32, n)
	for v := 0; v < n; v++ {
		s.mate[v] = -1
		s.inblossom[v] = v
		s.blossombase[v] = v
		s.blossombase[n+v] = -1
		s.blossomparent[v] = -1
		s.blossomparent[n+v] = -1
		s.labelend[v], s.labelend[n+v] = -1, -1
	}
	for b := 2*n - 1; b >= n; b-- {
		s.unused = append(s.unused, b)
	}
	if opts.greedy {
		s.greedyInit()
	} else {
		var top int64
		for _, w := range g.weight {
			top = max(top, w)
		}
		for v := 0; v < n; v++ {
			s.dual[v] = top
		}
	}
	s.run()
	out := make([]int, n)
	for v := 0; v < n; v++ {
		if s.mate[v] >= 0 {
			out[v] = int(g.endpoint[s.mate[v]])
		} else {
			out[v] = -1
		}
	}
	return out
}

// greedyInit sets dual[v] (= 2·y_v) to the largest incident doubled weight, then, vertex by
// vertex, lowers it as far as feasibility allows and matches a tight edge to a free vertex.
// Every dual stays even because weights are doubled.
func (s *blossomSolver) greedyInit() {
	g := s.g
	for v := 0; v < s.n; v++ {
		var d int64
		for _, p := range g.adj[g.adjStart[v]:g.adjStart[v+1]] {
			d = max(d, g.weight[p/2])
		}
		s.dual[v] = d
	}
	for v := 0; v < s.n; v++ {
		if s.mate[v] >= 0 {
			continue
		}
		var need int64
		for _, p := range g.adj[g.adjStart[v]:g.adjStart[v+1]] {
			need = max(need, 2*g.weight[p/2]-s.dual[g.endpoint[p]])
		}
		s.dual[v] = need
		for _, p := range g.adj[g.adjStart[v]:g.adjStart[v+1]] {
			u := g.endpoint[p]
			if s.mate[u] < 0 && 2*g.weight[p/2]-s.dual[u] == need {
				s.mate[v] = int(p)
				s.mate[u] = int(p ^ 1)
				break
			}
		}
	}
}

func (s *blossomSolver) slack(k int) int64 {
	g := s.g
	return s.dual[g.endpoint[2*k]] + s.dual[g.endpoint[2*k+1]] - 2*g.weight[k]
}

// leaves appends the vertices of blossom b to dst.
func (s *blossomSolver) leaves(dst []int, b int) []int {
	if b < s.n {
		return append(dst, b)
	}
	for _, t := range s.blossomchilds[b] {
		if t < s.n {
			dst = append(dst, t)
		} else {
			dst = s.leaves(dst, t)
		}
	}
	return dst
}

func (s *blossomSolver) assignLabel(w, t, p int) {
	b := s.inblossom[w]
	s.label[w], s.label[b] = t, t
	s.labelend[w], s.labelend[b] = p, p
	s.bestedge[w], s.bestedge[b] = -1, -1
	s.treeStage[b] = s.stage
	s.touch(b)
	if p == -1 {
		s.tree[b] = w
	} else {
		s.tree[b] = s.tree[s.inblossom[s.g.endpoint[p]]]
	}
	if t == 1 {
		start := len(s.queue)
		s.queue = s.leaves(s.queue, b)
		s.sVerts = append(s.sVerts, s.queue[start:]...)
	} else {
		base := s.blossombase[b]
		mb := s.mate[base]
		s.assignLabel(int(s.g.endpoint[mb]), 1, mb^1)
	}
}

// scanBlossom traces back from v and w to find a new blossom's base, or -1 when the two
// trees differ (an augmenting path).
func (s *blossomSolver) scanBlossom(v, w int) int {
	ep := s.g.endpoint
	var path []int
	base := -1
	for v != -1 || w != -1 {
		b := s.inblossom[v]
		if s.label[b]&4 != 0 {
			base = s.blossombase[b]
			break
		}
		path = append(path, b)
		s.label[b] = 5
		if s.labelend[b] == -1 {
			v = -1
		} else {
			v = int(ep[s.labelend[b]])
			b = s.inblossom[v]
			v = int(ep[s.labelend[b]])
		}
		if w != -1 {
			v, w = w, v
		}
	}
	for _, b := range path {
		s.label[b] = 1
	}
	return base
}

func (s *blossomSolver) addBlossom(base, k int) {
	g := s.g
	ep := g.endpoint
	v, w := int(ep[2*k]), int(ep[2*k+1])
	bb, bv, bw := s.inblossom[base], s.inblossom[v], s.inblossom[w]
	b := s.unused[len(s.unused)-1]
	s.unused = s.unused[:len(s.unused)-1]
	s.blossombase[b] = base
	s.blossomparent[b] = -1
	s.blossomparent[bb] = b
	path := s.blossomchilds[b][:0]
	endps := s.blossomendps[b][:0]
	for bv != bb {
		s.blossomparent[bv] = b
		path = append(path, bv)
		endps = append(endps, s.labelend[bv])
		v = int(ep[s.labelend[bv]])
		bv = s.inblossom[v]
	}
	path = append(path, bb)
	pairReverse(path)
	pairReverse(endps)
	endps = append(endps, 2*k)
	for bw != bb {
		s.blossomparent[bw] = b
		path = append(path, bw)
		endps = append(endps, s.labelend[bw]^1)
		w = int(ep[s.labelend[bw]])
		bw = s.inblossom[w]
	}
	s.blossomchilds[b] = path
	s.blossomendps[b] = endps
	s.label[b] = 1
	s.labelend[b] = s.labelend[bb]
	s.tree[b], s.treeStage[b] = s.tree[bb], s.stage
	s.touch(b)
	s.dual[b] = 0
	s.leafBuf = s.leaves(s.leafBuf[:0], b)
	for _, x := range s.leafBuf {
		if s.label[s.inblossom[x]] == 2 {
			s.queue = append(s.queue, x)
			s.sVerts = append(s.sVerts, x)
		}
		s.inblossom[x] = b
	}
	for _, sub := range path {
		s.bestedge[sub] = -1
	}
}

func pairReverse(a []int) {
	for i, j := 0, len(a)-1; i < j; i, j = i+1, j-1 {
		a[i], a[j] = a[j], a[i]
	}
}

func pairIndex(a []int, x int) int {
	for i, y := range a {
		if y == x {
			return i
		}
	}
	panic("pair: blossom child not found")
}

// touch records that blossom (or vertex) b got a label in this stage.
func (s *blossomSolver) touch(b int) {
	if s.itemStage[b] != s.stage {
		s.itemStage[b] = s.stage
		s.items = append(s.items, b)
	}
}

// dead reports whether top-level blossom b belongs to a tree augmented in this stage.
func (s *blossomSolver) dead(b int) bool {
	return s.treeStage[b] == s.stage && s.deadStage[s.tree[b]] == s.stage
}

// kill marks the tree of top-level blossom b as augmented in this stage.
func (s *blossomSolver) kill(b int) {
	s.deadStage[s.tree[b]] = s.stage
}

// scanEdge looks at edge p (endpoint[p] = w) from S-vertex v: a tight edge grows the tree,
// makes a blossom or augments (then it returns true); a loose one is remembered for δ₂/δ₃.
func (s *blossomSolver) scanEdge(v, p int) (augmented bool) {
	k := p / 2
	w := int(s.g.endpoint[p])
	bv, bw := s.inblossom[v], s.inblossom[w]
	if bv == bw || s.dead(bw) {
		return false
	}
	var kslack int64
	if s.allow[k] != s.stage {
		kslack = s.slack(k)
		if kslack <= 0 {
			s.allow[k] = s.stage
		}
	}
	if s.allow[k] == s.stage {
		switch {
		case s.label[bw] == 0:
			if s.mate[s.blossombase[bw]] == -1 {
				s.kill(bv)
				s.tree[bw], s.treeStage[bw] = s.tree[bv], s.stage
				s.augmentFree(v, w, p)
				return true
			}
			s.assignLabel(w, 2, p^1)
		case s.label[bw] == 1:
			if base := s.scanBlossom(v, w); base >= 0 {
				s.addBlossom(base, k)
			} else {
				s.kill(bv)
				s.kill(bw)
				s.augmentSide(v, p)
				s.augmentSide(w, p^1)
				return true
			}
		case s.label[w] == 0:
			s.label[w] = 2
			s.labelend[w] = p ^ 1
		}
	} else if s.label[bw] == 1 {
		s.ssHeap = pairHeapPush(s.ssHeap, pairHeapItem{key: kslack + 2*s.cum, edge: int32(k)})
	} else if s.label[w] == 0 {
		if s.bestedge[w] == -1 || kslack < s.slack(s.bestedge[w]) {
			if s.bestedge[w] == -1 {
				s.beVerts = append(s.beVerts, w)
			}
			s.bestedge[w] = k
		}
	}
	return false
}

// run is the main loop, stage after stage until no root is left. A stage grows alternating
// trees from every root, changing duals when no tight edge is left, until an augmentation.
// Augmentations end the stage, but not at once: the trees they went through are dead for
// the rest of it, and the others keep growing on tight edges, so several augmentations can
// share one stage. Duals change only before the first one.
func (s *blossomSolver) run() {
	g := s.g
	n := s.n
	ep := g.endpoint
	for {
		for i := range s.label {
			s.label[i] = 0
			s.bestedge[i] = -1
		}
		s.stage++
		s.cum = 0
		s.ssHeap = s.ssHeap[:0]
		s.queue = s.queue[:0]
		s.sVerts, s.beVerts, s.items = s.sVerts[:0], s.beVerts[:0], s.items[:0]
		roots := 0
		for v := 0; v < n; v++ {
			if s.mate[v] == -1 && s.label[s.inblossom[v]] == 0 && (s.opts.maxCard || s.dual[v] > 0) {
				s.assignLabel(v, 1, -1)
				roots++
			}
		}
		if roots == 0 {
			return
		}
		augmented := false
		for {
			for len(s.queue) > 0 {
				v := s.queue[len(s.queue)-1]
				s.queue = s.queue[:len(s.queue)-1]
				if s.dead(s.inblossom[v]) {
					continue
				}
				for _, p := range g.adj[g.adjStart[v]:g.adjStart[v+1]] {
					if s.scanEdge(v, int(p)) {
						augmented = true
						break
					}
				}
			}
			if augmented {
				break
			}
			deltatype := -1
			var delta int64
			deltaedge, deltablossom, deltavertex := -1, -1, -1
			if !s.opts.maxCard {
				for _, v := range s.sVerts {
					if deltatype == -1 || s.dual[v] < delta || (s.dual[v] == delta && v < deltavertex) {
						deltatype, delta, deltavertex = 1, s.dual[v], v
					}
				}
			}
			for _, v := range s.beVerts {
				if s.label[s.inblossom[v]] == 0 {
					d := s.slack(s.bestedge[v])
					if deltatype == -1 || d < delta {
						deltatype, delta, deltaedge = 2, d, s.bestedge[v]
					}
				}
			}
			for len(s.ssHeap) > 0 {
				top := s.ssHeap[0]
				k := int(top.edge)
				if s.inblossom[ep[2*k]] == s.inblossom[ep[2*k+1]] {
					s.ssHeap = pairHeapPop(s.ssHeap)
					continue
				}
				d := (top.key - 2*s.cum) / 2
				if deltatype == -1 || d < delta {
					deltatype, delta, deltaedge = 3, d, k
				}
				break
			}
			for _, b := range s.items {
				if b >= n && s.blossombase[b] >= 0 && s.blossomparent[b] == -1 && s.label[b] == 2 && (deltatype == -1 || s.dual[b] < delta) {
					deltatype, delta, deltablossom = 4, s.dual[b], b
				}
			}
			if deltatype == -1 {
				// Max-cardinality mode: no augmenting path is left.
				return
			}
			s.cum += delta
			for _, v := range s.sVerts {
				s.dual[v] -= delta
			}
			for _, b := range s.items {
				if s.blossomparent[b] != -1 || (b >= n && s.blossombase[b] < 0) {
					continue
				}
				switch s.label[b] {
				case 1:
					if b >= n {
						s.dual[b] += delta
					}
				case 2:
					if b >= n {
						s.dual[b] -= delta
					}
					s.leafBuf = s.leaves(s.leafBuf[:0], b)
					for _, v := range s.leafBuf {
						s.dual[v] += delta
					}
				}
			}
			switch deltatype {
			case 1:
				s.kill(s.inblossom[deltavertex])
				s.augmentSide(deltavertex, -1)
				augmented = true
			case 2, 3:
				s.allow[deltaedge] = s.stage
				p := 2*deltaedge + 1 // from endpoint[2k] to endpoint[2k+1]
				if s.label[s.inblossom[ep[p^1]]] != 1 {
					p ^= 1
				}
				augmented = s.scanEdge(int(ep[p^1]), p)
			case 4:
				s.expandBlossom(deltablossom, false)
			}
			if augmented {
				break
			}
		}
		for b := n; b < 2*n; b++ {
			if s.blossomparent[b] == -1 && s.blossombase[b] >= 0 && s.label[b] == 1 && s.dual[b] == 0 {
				s.expandBlossom(b, true)
			}
		}
	}
}
