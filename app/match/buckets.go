package match

// bucketTop is a topK for small whole weights: one bucket of indices per weight, so keeping a
// candidate is an append rather than a walk down a heap.
type bucketTop struct {
	b    [][]int32 // indices by weight, each in rising order
	n    int       // how many are kept
	t    int       // once full: the lowest weight kept
	full bool
}

// maxBucketWeight is the largest weight range bucketTop handles; above it the heaps are used.
const maxBucketWeight = 1024

// bucketLimit is maxBucketWeight, a variable so that the tests can force the heaps.
var bucketLimit = maxBucketWeight

func newBucketTop(maxW int) bucketTop { return bucketTop{b: make([][]int32, maxW+1)} }

// add keeps candidate j of weight w among the best k; see topK.
func (t *bucketTop) add(j, w int32, k int) int32 {
	if k <= 0 {
		return -1
	}
	if t.full && int(w) <= t.t {
		return int32(t.t)
	}
	t.b[w] = append(t.b[w], j)
	t.n++
	if !t.full {
		if t.n < k {
			return -1
		}
		t.full = true
		t.t = 0
		for len(t.b[t.t]) == 0 {
			t.t++
		}
	}
	for t.n > k {
		low := t.b[t.t]
		t.b[t.t] = low[:len(low)-1] // the last in the lowest bucket ranks lowest
		t.n--
		for len(t.b[t.t]) == 0 {
			t.t++
		}
	}
	return int32(t.t)
}

// appendTo appends the kept candidates, best first.
func (t *bucketTop) appendTo(out []cand) []cand {
	for w := len(t.b) - 1; w >= 0; w-- {
		for _, j := range t.b[w] {
			out = append(out, cand{int(j), int64(w)})
		}
	}
	return out
}

// reset empties the buckets, keeping their memory.
func (t *bucketTop) reset() {
	for w := range t.b {
		t.b[w] = t.b[w][:0]
	}
	t.n, t.t, t.full = 0, 0, false
}
