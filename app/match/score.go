package match

import (
	"fmt"
	"math"
	"math/bits"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"tandem/app/questionnaire"
)

// Rule is one matching rule of a program's questionnaire.
type Rule struct {
	QuestionID int64
	// ComplementID is, for an offers↔wants rule, the partner question: "Skills I can offer"
	// names "Skills I want to grow" and the other way round. The pair counts once.
	ComplementID int64
	Prompt       string
	Kind         string // "same", "different", "overlap", "complement", "closest", "within"
	Points       int    // the weight: high 5, medium 3, low 1, custom N; must rules earn none
	Must         bool   // a filter: a pair that breaks it is not allowed
	Hours        int    // "within": the most hours apart
	Span         float64
	// Span is, for "closest", the width of the answers' range (a scale's max − min); zero
	// means the range of the answers given.
}

// Profile is one participant's answers, keyed by question (answers from the person's record,
// such as the time zone, included).
type Profile struct {
	Answers map[int64]questionnaire.Value
}

// MaxShared is how many shared options of a multiple choice earn points: the rule's points
// per shared option, up to this many.
const MaxShared = 3

// Scorer scores pairs of one program's participants. Compile turns the answers into compact
// features once, so a pair's points cost a few integer operations; Explain gives the reasons.
type Scorer struct {
	rules    []compiled
	profiles []Profile
	peers    bool
	most     int
}

type compiled struct {
	Rule
	kind    int8  // the rule's kind as a number, for the hot path
	wantsID int64 // complement: the "wants" side of the pair; the other is the "offers" side
	// Per participant, one feature per rule.
	set  [][]uint64 // overlap / complement wants side: option bitsets
	set2 [][]uint64 // complement offers side
	code []int32    // same / different: interned answer, -1 when blank
	num  []float64  // closest: NaN when blank
	zone []int32    // within: UTC offset in minutes, math.MinInt32 when unknown
	span float64
	// inum holds closest's numbers when they are all whole (noZone when blank), for the fast path.
	inum []int32
	// w1, w2 are set and set2 as single words, when the options fit in 64 bits (the usual case).
	w1, w2 []uint64
	names  []string // option names by bit (same/different: answers by code), for reasons
}

const noZone = math.MinInt32

var wantsWord = regexp.MustCompile(`(?i)\b(want|wants|grow|learn|need|needs|seek|improve)\b`)

// Compile prepares a scorer for the given rules and participants. peers says whether pairs are
// of equals (offers↔wants counts both ways) rather than mentee→mentor. now fixes the time
// zones' offsets.
func Compile(rules []Rule, profiles []Profile, peers bool, now time.Time) *Scorer {
	s := &Scorer{profiles: profiles, peers: peers}
	done := map[int64]bool{}
	for _, r := range rules {
		if done[r.QuestionID] {
			continue
		}
		c := compiled{Rule: r}
		switch r.Kind {
		case "same", "different":
			intern := map[string]int32{}
			c.code = make([]int32, len(profiles))
			for i, p := range profiles {
				t := strings.ToLower(strings.TrimSpace(p.Answers[r.QuestionID].Text))
				if t == "" {
					c.code[i] = -1
					continue
				}
				id, ok := intern[t]
				if !ok {
					id = int32(len(intern))
					intern[t] = id
					c.names = append(c.names, strings.TrimSpace(p.Answers[r.QuestionID].Text))
				}
				c.code[i] = id
			}
		case "overlap":
			idx := optIndex{}
			c.set = make([][]uint64, len(profiles))
			for i, p := range profiles {
				c.set[i] = bitset(idx, &c.names, choices(p.Answers[r.QuestionID]))
			}
		case "complement":
			if r.ComplementID == 0 || r.ComplementID == r.QuestionID {
				continue
			}
			done[r.ComplementID] = true
			wants, offers := r.QuestionID, r.ComplementID
			if partner := findRule(rules, r.ComplementID); partner != nil &&
				wantsWord.MatchString(partner.Prompt) && !wantsWord.MatchString(r.Prompt) {
				wants, offers = offers, wants
			}
			c.wantsID = wants
			idx := optIndex{}
			c.set = make([][]uint64, len(profiles))
			c.set2 = make([][]uint64, len(profiles))
			for i, p := range profiles {
				c.set[i] = bitset(idx, &c.names, choices(p.Answers[wants]))
				c.set2[i] = bitset(idx, &c.names, choices(p.Answers[offers]))
			}
			// Both sides share one bit index, so the sets compare; pad them to one length.
			for i := range profiles {
				c.set[i] = pad(c.set[i], len(c.names))
				c.set2[i] = pad(c.set2[i], len(c.names))
			}
		case "closest":
			c.num = make([]float64, len(profiles))
			lo, hi := math.Inf(1), math.Inf(-1)
			for i, p := range profiles {
				v, err := strconv.ParseFloat(strings.TrimSpace(p.Answers[r.QuestionID].Text), 64)
				if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
					c.num[i] = math.NaN()
					continue
				}
				c.num[i] = v
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
			c.span = r.Span
			if c.span <= 0 && hi > lo {
				c.span = hi - lo
			}
			c.inum = make([]int32, len(profiles))
			for i, v := range c.num {
				switch {
				case math.IsNaN(v):
					c.inum[i] = noZone
				case v == math.Trunc(v) && math.Abs(v) < 1<<20:
					c.inum[i] = int32(v)
				default:
					c.inum = nil
				}
				if c.inum == nil {
					break
				}
			}
		case "within":
			c.zone = make([]int32, len(profiles))
			offsets := map[string]int32{}
			for i, p := range profiles {
				z := strings.TrimSpace(p.Answers[r.QuestionID].Text)
				off, ok := offsets[z]
				if !ok {
					off = noZone
					if loc, err := time.LoadLocation(z); z != "" && err == nil {
						_, sec := now.In(loc).Zone()
						off = int32(sec / 60)
					}
					offsets[z] = off
				}
				c.zone[i] = off
			}
		default:
			continue
		}
		done[r.QuestionID] = true
		c.kind = kindCodes[c.Kind]
		for i := range profiles {
			if c.set != nil {
				c.set[i] = pad(c.set[i], len(c.names))
			}
		}
		if c.set != nil && len(c.names) <= 64 {
			c.w1 = flatten(c.set)
			if c.set2 != nil {
				c.w2 = flatten(c.set2)
			}
		}
		s.rules = append(s.rules, c)
		if !r.Must {
			s.most += r.Points * maxUnits(c.Kind, peers)
		}
	}
	return s
}

const (
	kSame int8 = iota + 1
	kDifferent
	kOverlap
	kComplement
	kClosest
	kWithin
)

var kindCodes = map[string]int8{"same": kSame, "different": kDifferent, "overlap": kOverlap, "complement": kComplement,
	"closest": kClosest, "within": kWithin}

// flatten keeps the first word of each set.
func flatten(sets [][]uint64) []uint64 {
	out := make([]uint64, len(sets))
	for i, x := range sets {
		if len(x) > 0 {
			out[i] = x[0]
		}
	}
	return out
}

// maxUnits is how many times a rule can earn its points for one pair.
func maxUnits(kind string, peers bool) int {
	switch kind {
	case "overlap":
		return MaxShared
	case "complement":
		if peers {
			return 2 * MaxShared
		}
		return MaxShared
	}
	return 1
}

// Most is the most points the program's rules can give one pair: 100 %.
func (s *Scorer) Most() int { return s.most }

// Percent turns points into the 0–100 % the admin sees.
func (s *Scorer) Percent(points int) int {
	if s.most <= 0 || points <= 0 {
		return 0
	}
	return min(100, (points*100+s.most/2)/s.most)
}

// Points is the score of the pair (a, b) — for mentoring, a is the mentee and b the mentor —
// and false when a must rule rules the pair out.
func (s *Scorer) Points(a, b int) (int, bool) {
	total := 0
	for i := range s.rules {
		pts, ok := s.rules[i].points(a, b, s.peers)
		if !ok {
			return 0, false
		}
		total += pts
	}
	return total, true
}

// Explanation is a pair's score with the reasons that earned it.
type Explanation struct {
	Points  int      `json:"points"`
	Percent int      `json:"percent"`
	Reasons []string `json:"reasons"`
	// Broken names the must rules the pair breaks; such a pair is not allowed.
	Broken []string `json:"broken"`
}

// Explain scores the pair (a, b) and says why, in the admin's words: "both: Leadership, Public
// speaking (+6)", "offers what the mentee wants: Python (+5)", "time zones 2 h apart".
func (s *Scorer) Explain(a, b int) Explanation {
	e := Explanation{Reasons: []string{}, Broken: []string{}}
	for i := range s.rules {
		c := &s.rules[i]
		pts, ok := c.points(a, b, s.peers)
		if !ok {
			e.Broken = append(e.Broken, fmt.Sprintf("must: %s", c.mustWords()))
			continue
		}
		e.Points += pts
		if r := c.reason(a, b, s.peers, pts); r != "" {
			e.Reasons = append(e.Reasons, r)
		}
	}
	e.Percent = s.Percent(e.Points)
	return e
}

func (c *compiled) points(a, b int, peers bool) (int, bool) {
	switch c.kind {
	case kSame, kDifferent:
		x, y := c.code[a], c.code[b]
		if x < 0 || y < 0 {
			return 0, true // an unanswered question can neither earn points nor break a must rule
		}
		if (x == y) == (c.kind == kSame) {
			return c.earn(1), true
		}
		return 0, !c.Must
	case kOverlap:
		var n int
		var empty bool
		if c.w1 != nil {
			n = bits.OnesCount64(c.w1[a] & c.w1[b])
			empty = c.w1[a] == 0 || c.w1[b] == 0
		} else {
			n = common(c.set[a], c.set[b])
			empty = !nonEmpty(c.set[a]) || !nonEmpty(c.set[b])
		}
		if n == 0 && c.Must && !empty {
			return 0, false
		}
		return c.earn(min(n, MaxShared)), true
	case kComplement:
		var n int
		var empty bool
		if c.w1 != nil {
			n = min(bits.OnesCount64(c.w1[a]&c.w2[b]), MaxShared)
			if peers {
				n += min(bits.OnesCount64(c.w1[b]&c.w2[a]), MaxShared)
			}
			empty = c.w1[a] == 0
		} else {
			n = min(common(c.set[a], c.set2[b]), MaxShared)
			if peers {
				n += min(common(c.set[b], c.set2[a]), MaxShared)
			}
			empty = !nonEmpty(c.set[a])
		}
		if n == 0 && c.Must && !empty {
			return 0, false
		}
		return c.earn(n), true
	case kClosest:
		x, y := c.num[a], c.num[b]
		if math.IsNaN(x) || math.IsNaN(y) {
			return 0, true
		}
		d := math.Abs(x - y)
		if c.Must && d > 1 {
			return 0, false
		}
		if c.span <= 0 {
			return c.earn(1), true
		}
		return int(math.Round(float64(c.earn(1)) * math.Max(0, 1-d/c.span))), true
	case kWithin:
		x, y := c.zone[a], c.zone[b]
		if x == noZone || y == noZone {
			return 0, true
		}
		if absInt(int(x-y)) <= c.Hours*60 {
			return c.earn(1), true
		}
		return 0, !c.Must
	}
	return 0, true
}

func (c *compiled) earn(units int) int {
	if c.Must {
		return 0
	}
	return c.Points * units
}

func (c *compiled) mustWords() string {
	switch c.Kind {
	case "same":
		return "same " + lowerPrompt(c.Prompt)
	case "different":
		return "different " + lowerPrompt(c.Prompt)
	case "overlap":
		return "something in common in " + lowerPrompt(c.Prompt)
	case "complement":
		return "offers what the other wants (" + lowerPrompt(c.Prompt) + ")"
	case "closest":
		return lowerPrompt(c.Prompt) + " at most 1 apart"
	case "within":
		return fmt.Sprintf("time zones at most %d h apart", c.Hours)
	}
	return lowerPrompt(c.Prompt)
}

func (c *compiled) reason(a, b int, peers bool, pts int) string {
	plus := ""
	if pts > 0 {
		plus = fmt.Sprintf(" (+%d)", pts)
	}
	switch c.Kind {
	case "same":
		if pts > 0 {
			return fmt.Sprintf("same %s: %s%s", lowerPrompt(c.Prompt), c.text(a), plus)
		}
	case "different":
		if pts > 0 {
			return fmt.Sprintf("different %s: %s and %s%s", lowerPrompt(c.Prompt), c.text(a), c.text(b), plus)
		}
	case "overlap":
		if shared := c.shared(c.set[a], c.set[b]); len(shared) > 0 {
			return fmt.Sprintf("both: %s%s", strings.Join(shared, ", "), plus)
		}
	case "complement":
		ab := c.shared(c.set[a], c.set2[b]) // what a wants and b offers
		if !peers {
			if len(ab) > 0 {
				return fmt.Sprintf("offers what the mentee wants: %s%s", strings.Join(ab, ", "), plus)
			}
			return ""
		}
		ba := c.shared(c.set[b], c.set2[a])
		switch {
		case len(ab) > 0 && len(ba) > 0:
			return fmt.Sprintf("each offers what the other wants: %s; %s%s", strings.Join(ab, ", "), strings.Join(ba, ", "), plus)
		case len(ab) > 0:
			return fmt.Sprintf("one offers what the other wants: %s%s", strings.Join(ab, ", "), plus)
		case len(ba) > 0:
			return fmt.Sprintf("one offers what the other wants: %s%s", strings.Join(ba, ", "), plus)
		}
	case "closest":
		x, y := c.num[a], c.num[b]
		if math.IsNaN(x) || math.IsNaN(y) || pts == 0 {
			return ""
		}
		d := math.Abs(x - y)
		if d == 0 {
			return fmt.Sprintf("same %s: %s%s", lowerPrompt(c.Prompt), trimNum(x), plus)
		}
		return fmt.Sprintf("%s %s apart%s", lowerPrompt(c.Prompt), trimNum(d), plus)
	case "within":
		x, y := c.zone[a], c.zone[b]
		if x == noZone || y == noZone {
			return ""
		}
		gap := (absInt(int(x-y)) + 30) / 60
		if gap == 0 {
			return "same time zone" + plus
		}
		return fmt.Sprintf("time zones %d h apart%s", gap, plus)
	}
	return ""
}

// text is a same/different answer as first written.
func (c *compiled) text(i int) string {
	if c.code[i] < 0 {
		return ""
	}
	return c.names[c.code[i]]
}

// shared lists the options both sets hold, in the order of the options' first appearance.
func (c *compiled) shared(x, y []uint64) []string {
	var out []string
	for w := range min(len(x), len(y)) {
		m := x[w] & y[w]
		for m != 0 {
			b := bits.TrailingZeros64(m)
			m &= m - 1
			out = append(out, c.names[w*64+b])
		}
	}
	sort.Strings(out)
	return out
}

func findRule(rules []Rule, id int64) *Rule {
	for i := range rules {
		if rules[i].QuestionID == id {
			return &rules[i]
		}
	}
	return nil
}

type optIndex map[string]int

// bitset sets one bit per chosen option, numbering options as they are first met (case-insensitively).
func bitset(idx optIndex, names *[]string, chosen []string) []uint64 {
	var out []uint64
	for _, o := range chosen {
		key := strings.ToLower(strings.TrimSpace(o))
		if key == "" {
			continue
		}
		i, ok := idx[key]
		if !ok {
			i = len(*names)
			idx[key] = i
			*names = append(*names, strings.TrimSpace(o))
		}
		for len(out) <= i/64 {
			out = append(out, 0)
		}
		out[i/64] |= 1 << (i % 64)
	}
	return out
}

func pad(s []uint64, n int) []uint64 {
	words := (n + 63) / 64
	for len(s) < words {
		s = append(s, 0)
	}
	return s
}

func common(x, y []uint64) int {
	n := 0
	for w := range min(len(x), len(y)) {
		n += bits.OnesCount64(x[w] & y[w])
	}
	return n
}

func nonEmpty(x []uint64) bool {
	for _, w := range x {
		if w != 0 {
			return true
		}
	}
	return false
}

func choices(v questionnaire.Value) []string {
	if len(v.Choices) > 0 {
		return v.Choices
	}
	if strings.TrimSpace(v.Text) != "" {
		return []string{v.Text}
	}
	return nil
}

func lowerPrompt(p string) string {
	if p == "" {
		return ""
	}
	return strings.ToLower(p[:1]) + p[1:]
}

func trimNum(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func absInt(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
