package match

import (
	"math/rand/v2"
	"reflect"
	"strconv"
	"testing"
	"time"

	"tandem/app/questionnaire"
)

var scoreNow = time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)

func prof(answers map[int64]questionnaire.Value) Profile { return Profile{Answers: answers} }

func text(s string) questionnaire.Value           { return questionnaire.Value{Text: s} }
func multi(s ...string) questionnaire.Value       { return questionnaire.Value{Choices: s} }
func num(f float64) questionnaire.Value           { return text(strconv.FormatFloat(f, 'f', -1, 64)) }
func one(id int64, v questionnaire.Value) Profile { return prof(map[int64]questionnaire.Value{id: v}) }

func TestScoreRules(t *testing.T) {
	tests := []struct {
		name    string
		rule    Rule
		peers   bool
		a, b    Profile
		points  int
		ok      bool
		reasons []string
	}{
		{"same earns its points", Rule{QuestionID: 1, Prompt: "Location", Kind: "same", Points: 1},
			false, one(1, text("Berlin")), one(1, text("berlin")), 1, true, []string{"same location: Berlin (+1)"}},
		{"same: different answers earn nothing", Rule{QuestionID: 1, Prompt: "Location", Kind: "same", Points: 1},
			false, one(1, text("Berlin")), one(1, text("Lisbon")), 0, true, []string{}},
		{"same: a blank answer earns nothing", Rule{QuestionID: 1, Prompt: "Location", Kind: "same", Points: 1},
			false, one(1, text("")), one(1, text("Lisbon")), 0, true, []string{}},
		{"different earns its points", Rule{QuestionID: 1, Prompt: "Department", Kind: "different", Points: 3},
			false, one(1, text("Sales")), one(1, text("Finance")), 3, true, []string{"different department: Sales and Finance (+3)"}},
		{"different: same department earns nothing", Rule{QuestionID: 1, Prompt: "Department", Kind: "different", Points: 3},
			false, one(1, text("Sales")), one(1, text("sales")), 0, true, []string{}},
		{"overlap: points per shared option", Rule{QuestionID: 1, Prompt: "Goals", Kind: "overlap", Points: 3},
			false, one(1, multi("Leadership", "Public speaking", "Go")), one(1, multi("Public speaking", "Leadership")), 6, true,
			[]string{"both: Leadership, Public speaking (+6)"}},
		{"overlap: at most MaxShared options count", Rule{QuestionID: 1, Prompt: "Goals", Kind: "overlap", Points: 1},
			false, one(1, multi("a", "b", "c", "d", "e")), one(1, multi("e", "d", "c", "b", "a")), MaxShared, true,
			[]string{"both: a, b, c, d, e (+3)"}},
		{"within: close zones", Rule{QuestionID: 1, Prompt: "Time zone", Kind: "within", Points: 3, Hours: 3},
			false, one(1, text("Europe/Berlin")), one(1, text("Europe/London")), 3, true, []string{"time zones 1 h apart (+3)"}},
		{"within: far zones say how far and earn nothing", Rule{QuestionID: 1, Prompt: "Time zone", Kind: "within", Points: 3, Hours: 3},
			false, one(1, text("Europe/Berlin")), one(1, text("America/New_York")), 0, true, []string{"time zones 6 h apart"}},
		{"within: an unknown zone earns nothing", Rule{QuestionID: 1, Prompt: "Time zone", Kind: "within", Points: 3, Hours: 3},
			false, one(1, text("Mars/Olympus")), one(1, text("Europe/London")), 0, true, []string{}},
		{"closest: equal numbers earn all", Rule{QuestionID: 1, Prompt: "Years of experience", Kind: "closest", Points: 4, Span: 10},
			false, one(1, num(5)), one(1, num(5)), 4, true, []string{"same years of experience: 5 (+4)"}},
		{"closest: halfway earns half", Rule{QuestionID: 1, Prompt: "Years of experience", Kind: "closest", Points: 4, Span: 10},
			false, one(1, num(2)), one(1, num(7)), 2, true, []string{"years of experience 5 apart (+2)"}},
		{"must same: refused when different", Rule{QuestionID: 1, Prompt: "Language", Kind: "same", Must: true},
			false, one(1, text("German")), one(1, text("French")), 0, false, nil},
		{"must same: allowed and earns nothing", Rule{QuestionID: 1, Prompt: "Language", Kind: "same", Must: true},
			false, one(1, text("German")), one(1, text("German")), 0, true, []string{}},
		{"must within: refused when too far", Rule{QuestionID: 1, Prompt: "Time zone", Kind: "within", Must: true, Hours: 2},
			false, one(1, text("Asia/Tokyo")), one(1, text("Europe/London")), 0, false, nil},
		{"must overlap: refused with nothing in common", Rule{QuestionID: 1, Prompt: "Languages", Kind: "overlap", Must: true},
			false, one(1, multi("English")), one(1, multi("German")), 0, false, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := Compile([]Rule{tc.rule}, []Profile{tc.a, tc.b}, tc.peers, scoreNow)
			pts, ok := s.Points(0, 1)
			if pts != tc.points || ok != tc.ok {
				t.Fatalf("Points = %d, %v; want %d, %v", pts, ok, tc.points, tc.ok)
			}
			e := s.Explain(0, 1)
			if !tc.ok {
				if len(e.Broken) != 1 {
					t.Fatalf("Explain.Broken = %v, want the must rule named", e.Broken)
				}
				return
			}
			if e.Points != tc.points || !reflect.DeepEqual(e.Reasons, tc.reasons) {
				t.Fatalf("Explain = %+v; want %d points, reasons %q", e, tc.points, tc.reasons)
			}
		})
	}
}

func offersWants() []Rule {
	return []Rule{
		{QuestionID: 1, ComplementID: 2, Prompt: "Skills I can offer", Kind: "complement", Points: 5},
		{QuestionID: 2, ComplementID: 1, Prompt: "Skills I want to grow", Kind: "complement", Points: 5},
	}
}

func TestOffersWantsCountsOnceForMentoringAndBothWaysForPeers(t *testing.T) {
	mentee := prof(map[int64]questionnaire.Value{1: multi("Sales"), 2: multi("Python", "Go")})
	mentor := prof(map[int64]questionnaire.Value{1: multi("Python", "Finance"), 2: multi("Sales")})
	s := Compile(offersWants(), []Profile{mentee, mentor}, false, scoreNow)
	if s.Most() != 5*MaxShared {
		t.Fatalf("Most = %d, want %d: the pair of questions is one rule", s.Most(), 5*MaxShared)
	}
	e := s.Explain(0, 1)
	if e.Points != 5 || !reflect.DeepEqual(e.Reasons, []string{"offers what the mentee wants: Python (+5)"}) {
		t.Fatalf("mentoring: %+v", e)
	}
	// The other way round (the mentor wants Sales, which the mentee offers) does not count.
	if pts, _ := s.Points(1, 0); pts != 5 {
		t.Fatalf("mentor as mentee: %d points, want 5 (Sales)", pts)
	}
	p := Compile(offersWants(), []Profile{mentee, mentor}, true, scoreNow)
	if p.Most() != 2*5*MaxShared {
		t.Fatalf("peers: Most = %d", p.Most())
	}
	e = p.Explain(0, 1)
	if e.Points != 10 || !reflect.DeepEqual(e.Reasons, []string{"each offers what the other wants: Python; Sales (+10)"}) {
		t.Fatalf("peers: %+v", e)
	}
	if a, _ := p.Points(0, 1); a != 10 {
		t.Fatalf("peers are symmetric: %d", a)
	}
}

func TestWantsSideFoundByItsPromptWhicheverComesFirst(t *testing.T) {
	rules := offersWants()
	rules[0], rules[1] = rules[1], rules[0]
	mentee := prof(map[int64]questionnaire.Value{2: multi("Python")})
	mentor := prof(map[int64]questionnaire.Value{1: multi("Python")})
	s := Compile(rules, []Profile{mentee, mentor}, false, scoreNow)
	if pts, _ := s.Points(0, 1); pts != 5 {
		t.Fatalf("mentee wants Python, mentor offers it: %d points, want 5", pts)
	}
}

func TestPercentIsAgainstTheMostTheRulesCouldGive(t *testing.T) {
	rules := []Rule{
		{QuestionID: 1, Prompt: "Location", Kind: "same", Points: 1},
		{QuestionID: 2, Prompt: "Goals", Kind: "overlap", Points: 3},
		{QuestionID: 3, Prompt: "Language", Kind: "same", Must: true},
	}
	a := prof(map[int64]questionnaire.Value{1: text("Berlin"), 2: multi("x", "y", "z"), 3: text("de")})
	b := prof(map[int64]questionnaire.Value{1: text("Berlin"), 2: multi("x", "y", "z"), 3: text("de")})
	c := prof(map[int64]questionnaire.Value{1: text("Paris"), 2: multi("x"), 3: text("de")})
	s := Compile(rules, []Profile{a, b, c}, true, scoreNow)
	if s.Most() != 1+3*MaxShared {
		t.Fatalf("Most = %d", s.Most())
	}
	if e := s.Explain(0, 1); e.Percent != 100 {
		t.Fatalf("a perfect pair: %d %%", e.Percent)
	}
	if e := s.Explain(0, 2); e.Percent != 30 { // 3 of 10
		t.Fatalf("one shared goal: %d %%, want 30", e.Percent)
	}
}

// randomProgram is n participants answering a realistic questionnaire at random.
func randomProgram(rng *rand.Rand, n int) ([]Rule, []Profile) {
	rules := append(offersWants(),
		Rule{QuestionID: 3, Prompt: "Department", Kind: "different", Points: 1},
		Rule{QuestionID: 4, Prompt: "Time zone", Kind: "within", Points: 3, Hours: 3},
		Rule{QuestionID: 5, Prompt: "Goals", Kind: "overlap", Points: 3},
		Rule{QuestionID: 6, Prompt: "Years of experience", Kind: "closest", Points: 1},
	)
	skills := questionnaire.Skills
	zones := []string{"Europe/London", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Asia/Tokyo"}
	depts := []string{"Sales", "Finance", "Engineering", "People", "Design"}
	pick := func(list []string, k int) []string {
		var out []string
		for _, i := range rng.Perm(len(list))[:k] {
			out = append(out, list[i])
		}
		return out
	}
	profiles := make([]Profile, n)
	for i := range profiles {
		profiles[i] = prof(map[int64]questionnaire.Value{
			1: multi(pick(skills, 1+rng.IntN(4))...),
			2: multi(pick(skills, 1+rng.IntN(4))...),
			3: text(depts[rng.IntN(len(depts))]),
			4: text(zones[rng.IntN(len(zones))]),
			5: multi(pick(questionnaire.Goals, 1+rng.IntN(3))...),
			6: num(float64(rng.IntN(25))),
		})
	}
	return rules, profiles
}

func TestCandidateListsKeepEachRowsBestAndOnlyAllowedPairs(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	rules, profiles := randomProgram(rng, 400)
	s := Compile(rules, profiles, false, scoreNow)
	mentees, mentors := make([]int, 300), make([]int, 100)
	for i := range mentees {
		mentees[i] = i
	}
	capacity := make([]int, len(mentors))
	for j := range mentors {
		mentors[j] = 300 + j
		capacity[j] = j % 3
	}
	c := forbidSome(400)
	c.Bonus = map[int]map[int]int{5: {301: 7}, 302: {6: 4}}
	forbidden := map[[2]int]bool{}
	for a, list := range c.Forbidden {
		for _, b := range list {
			forbidden[[2]int{a, b}], forbidden[[2]int{b, a}] = true, true
		}
	}
	all, pruned := MentorArcs(s, mentees, mentors, capacity, c, 5)
	if pruned {
		t.Fatal("400 people: all pairs expected")
	}
	n := 0
	for i := range mentees {
		for j := range mentors {
			if _, ok := s.Points(mentees[i], mentors[j]); ok && capacity[j] > 0 && !forbidden[[2]int{mentees[i], mentors[j]}] {
				n++
			}
		}
	}
	if len(all) != n {
		t.Fatalf("%d arcs, want every allowed pair (%d)", len(all), n)
	}
	for _, a := range all {
		if capacity[a.Mentor] == 0 || forbidden[[2]int{mentees[a.Mentee], mentors[a.Mentor]}] {
			t.Fatalf("arc %+v not allowed", a)
		}
		pts, _ := s.Points(mentees[a.Mentee], mentors[a.Mentor])
		pts += c.bonus(mentees[a.Mentee], mentors[a.Mentor])
		if int64(pts) != a.W {
			t.Fatalf("arc %+v weight, want %d", a, pts)
		}
	}
	top, pruned := mentorArcs(s, mentees, mentors, capacity, c, 5, false)
	if !pruned {
		t.Fatal("top-k lists report pruned")
	}
	best, kept := map[int]int64{}, map[int]int64{}
	for _, a := range all {
		best[a.Mentee] = max(best[a.Mentee], a.W)
	}
	in := map[[2]int]int64{}
	for _, a := range all {
		in[[2]int{a.Mentee, a.Mentor}] = a.W
	}
	for x, a := range top {
		if w, ok := in[[2]int{a.Mentee, a.Mentor}]; !ok || w != a.W {
			t.Fatalf("top-k arc %+v is not an allowed pair with its weight", a)
		}
		if x > 0 && top[x-1].Mentee == a.Mentee && top[x-1].Mentor >= a.Mentor {
			t.Fatalf("row %d not sorted by mentor or has a duplicate", a.Mentee)
		}
		kept[a.Mentee] = max(kept[a.Mentee], a.W)
	}
	for i, b := range best {
		if kept[i] != b {
			t.Fatalf("mentee %d: best kept %d, best allowed %d", i, kept[i], b)
		}
	}
	if len(top) >= len(all) || len(top) < 5*len(mentees) {
		t.Fatalf("top-k kept %d of %d arcs", len(top), len(all))
	}
}

// TestRowsScoreAsPairsDo checks the fast path (a row against gathered columns) against the
// pair-by-pair scorer, for every rule kind, must rules, and options beyond one word.
func TestRowsScoreAsPairsDo(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	rules, profiles := randomProgram(rng, 120)
	many := make([]string, 90)
	for i := range many {
		many[i] = "option " + strconv.Itoa(i)
	}
	for i := range profiles {
		var pick []string
		for _, x := range rng.Perm(len(many))[:1+rng.IntN(6)] {
			pick = append(pick, many[x])
		}
		profiles[i].Answers[7] = multi(pick...)
		profiles[i].Answers[8] = text([]string{"de", "fr", "en"}[rng.IntN(3)])
		// Some questions left blank: a blank earns nothing and breaks no must rule.
		for q := range int64(9) {
			if rng.IntN(8) == 0 {
				delete(profiles[i].Answers, q)
			}
		}
	}
	rules = append(rules,
		Rule{QuestionID: 7, Prompt: "Many", Kind: "overlap", Points: 2},
		Rule{QuestionID: 8, Prompt: "Language", Kind: "same", Must: true},
		Rule{QuestionID: 4, Prompt: "Zone", Kind: "within", Must: true, Hours: 5},
	)
	for _, peers := range []bool{false, true} {
		s := Compile(rules, profiles, peers, scoreNow)
		cols := make([]int, 0, 60)
		for b := 60; b < 120; b++ {
			cols = append(cols, b)
		}
		cs := s.Columns(cols)
		pts, ok := make([]int32, len(cols)), make([]bool, len(cols))
		refused := 0
		for a := range 60 {
			for j := range ok {
				ok[j] = true
			}
			cs.Row(a, pts, ok)
			for j, b := range cols {
				want, wantOK := s.Points(a, b)
				if ok[j] != wantOK || (wantOK && int(pts[j]) != want) {
					t.Fatalf("peers=%v (%d,%d): row %d %v, pair %d %v", peers, a, b, pts[j], ok[j], want, wantOK)
				}
				if !wantOK {
					refused++
				}
			}
		}
		if refused == 0 || refused == 60*60 {
			t.Fatalf("the must rules refused %d of 3600 pairs: the test needs some of each", refused)
		}
	}
}

func TestPeerEdgesAreUniqueAndSymmetric(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 9))
	rules, profiles := randomProgram(rng, 60)
	s := Compile(rules, profiles, true, scoreNow)
	peers := make([]int, 60)
	for i := range peers {
		peers[i] = i
	}
	var everyone []int
	for i := 1; i < 60; i++ {
		everyone = append(everyone, i)
	}
	edges, pruned := PeerEdges(s, peers, Constraints{Forbidden: map[int][]int{0: everyone}}, 0)
	if pruned {
		t.Fatal("60 peers: all pairs expected")
	}
	if len(edges) != 59*58/2 {
		t.Fatalf("%d edges, want every pair of the 59 allowed peers once", len(edges))
	}
	for _, e := range edges {
		if e.U >= e.V || e.U == 0 {
			t.Fatalf("edge %+v", e)
		}
	}
}
