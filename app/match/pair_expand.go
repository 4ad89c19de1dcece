package match

// Expanding blossoms and flipping alternating paths, as in mwmatching.py.

// expandBlossom dissolves top-level blossom b into its children: at the end of a stage (S-blossoms
// whose dual is 0, recursively), or when T-blossom b's dual reaches 0, relabelling the children
// on the path through it.
func (s *blossomSolver) expandBlossom(b int, endstage bool) {
	ep := s.g.endpoint
	n := s.n
	for _, sub := range s.blossomchilds[b] {
		s.blossomparent[sub] = -1
		s.tree[sub], s.treeStage[sub] = s.tree[b], s.treeStage[b]
		if sub < n {
			s.inblossom[sub] = sub
		} else if endstage && s.dual[sub] == 0 {
			s.expandBlossom(sub, endstage)
		} else {
			s.leafBuf = s.leaves(s.leafBuf[:0], sub)
			for _, x := range s.leafBuf {
				s.inblossom[x] = sub
			}
		}
	}
	if !endstage && s.label[b] == 2 {
		childs := s.blossomchilds[b]
		endps := s.blossomendps[b]
		entrychild := s.inblossom[ep[s.labelend[b]^1]]
		j := pairIndex(childs, entrychild)
		var jstep, endptrick int
		if j&1 != 0 {
			j -= len(childs)
			jstep, endptrick = 1, 0
		} else {
			jstep, endptrick = -1, 1
		}
		at := func(a []int, i int) int {
			if i < 0 {
				i += len(a)
			}
			return a[i]
		}
		p := s.labelend[b]
		for j != 0 {
			s.label[ep[p^1]] = 0
			s.label[ep[at(endps, j-endptrick)^endptrick^1]] = 0
			s.assignLabel(int(ep[p^1]), 2, p)
			s.allow[at(endps, j-endptrick)/2] = s.stage
			j += jstep
			p = at(endps, j-endptrick) ^ endptrick
			s.allow[p/2] = s.stage
			j += jstep
		}
		bv := at(childs, j)
		s.label[ep[p^1]], s.label[bv] = 2, 2
		s.touch(bv)
		s.labelend[ep[p^1]], s.labelend[bv] = p, p
		s.bestedge[bv] = -1
		j += jstep
		for at(childs, j) != entrychild {
			bv = at(childs, j)
			if s.label[bv] == 1 {
				j += jstep
				continue
			}
			s.leafBuf = s.leaves(s.leafBuf[:0], bv)
			found := -1
			for _, x := range s.leafBuf {
				if s.label[x] != 0 {
					found = x
					break
				}
			}
			if found >= 0 {
				s.label[found] = 0
				s.label[ep[s.mate[s.blossombase[bv]]]] = 0
				s.assignLabel(found, 2, s.labelend[found])
			}
			j += jstep
		}
	}
	s.label[b], s.labelend[b] = -1, -1
	s.blossomchilds[b] = s.blossomchilds[b][:0]
	s.blossomendps[b] = s.blossomendps[b][:0]
	s.blossombase[b] = -1
	s.bestedge[b] = -1
	s.unused = append(s.unused, b)
}

// augmentBlossom swaps matched and unmatched edges inside blossom b so that v becomes its base.
func (s *blossomSolver) augmentBlossom(b, v int) {
	ep := s.g.endpoint
	n := s.n
	t := v
	for s.blossomparent[t] != b {
		t = s.blossomparent[t]
	}
	if t >= n {
		s.augmentBlossom(t, v)
	}
	childs := s.blossomchilds[b]
	endps := s.blossomendps[b]
	i := pairIndex(childs, t)
	j := i
	var jstep, endptrick int
	if i&1 != 0 {
		j -= len(childs)
		jstep, endptrick = 1, 0
	} else {
		jstep, endptrick = -1, 1
	}
	at := func(a []int, i int) int {
		if i < 0 {
			i += len(a)
		}
		return a[i]
	}
	for j != 0 {
		j += jstep
		t = at(childs, j)
		p := at(endps, j-endptrick) ^ endptrick
		if t >= n {
			s.augmentBlossom(t, int(ep[p]))
		}
		j += jstep
		t = at(childs, j)
		if t >= n {
			s.augmentBlossom(t, int(ep[p^1]))
		}
		s.mate[ep[p]] = p ^ 1
		s.mate[ep[p^1]] = p
	}
	s.blossomchilds[b] = pairRotate(childs, i)
	s.blossomendps[b] = pairRotate(endps, i)
	s.blossombase[b] = s.blossombase[s.blossomchilds[b][0]]
}

// pairRotate returns a[i:] + a[:i] in a's storage.
func pairRotate(a []int, i int) []int {
	if i == 0 {
		return a
	}
	tmp := append([]int(nil), a[:i]...)
	copy(a, a[i:])
	copy(a[len(a)-i:], tmp)
	return a
}

// augmentSide flips the alternating path from S-vertex x up to its tree's root and gives x
// the partner endpoint p (or none, p = -1).
func (s *blossomSolver) augmentSide(x, p int) {
	ep := s.g.endpoint
	for {
		bs := s.inblossom[x]
		if bs >= s.n {
			s.augmentBlossom(bs, x)
		}
		s.mate[x] = p
		if s.labelend[bs] == -1 {
			return
		}
		t := int(ep[s.labelend[bs]])
		bt := s.inblossom[t]
		x = int(ep[s.labelend[bt]])
		j := int(ep[s.labelend[bt]^1])
		if bt >= s.n {
			s.augmentBlossom(bt, j)
		}
		s.mate[j] = s.labelend[bt]
		p = s.labelend[bt] ^ 1
	}
}

// augmentFree matches S-vertex v (reaching the free, unlabelled w through endpoint p) to w.
func (s *blossomSolver) augmentFree(v, w, p int) {
	s.augmentSide(v, p)
	if bw := s.inblossom[w]; bw >= s.n {
		s.augmentBlossom(bw, w)
	}
	s.mate[w] = p ^ 1
}
