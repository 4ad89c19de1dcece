package match

// pairHeapItem is an edge in a min-heap keyed by slack.
type pairHeapItem struct {
	key  int64
	edge int32
}

func pairHeapLess(a, b pairHeapItem) bool {
	return a.key < b.key || (a.key == b.key && a.edge < b.edge)
}

func pairHeapPush(h []pairHeapItem, it pairHeapItem) []pairHeapItem {
	h = append(h, it)
	i := len(h) - 1
	for i > 0 {
		parent := (i - 1) / 2
		if !pairHeapLess(it, h[parent]) {
			break
		}
		h[i] = h[parent]
		i = parent
	}
	h[i] = it
	return h
}

func pairHeapPop(h []pairHeapItem) []pairHeapItem {
	last := len(h) - 1
	it := h[last]
	h = h[:last]
	if last == 0 {
		return h
	}
	i := 0
	for {
		c := 2*i + 1
		if c >= last {
			break
		}
		if c+1 < last && pairHeapLess(h[c+1], h[c]) {
			c++
		}
		if !pairHeapLess(h[c], it) {
			break
		}
		h[i] = h[c]
		i = c
	}
	h[i] = it
	return h
}
