package request

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"tandem/app/questionnaire"
)

// Rule is one matching rule of a program's questionnaire, as the fit score needs it.
type Rule struct {
	QuestionID   int64
	ComplementID int64 // for "complement": the question holding what the other offers/wants
	Prompt       string
	Rule         string // "same", "different", "overlap", "complement", "closest", "within"
	Points       int    // the weight; "must" rules count as 0 points here
	Hours        int    // for "within"
	PersonField  string // "time_zone", "department", "location" for questions answered by the record
}

// Profile is what the fit score reads of one participant.
type Profile struct {
	Answers map[int64]questionnaire.Value
}

// Fit scores how well b fits a, from 0 to 100, with the reasons that earned points. It is a
// simple overlap score until the matching engine takes over: complement and overlap rules earn
// their points once per shared option, the others their points once.
func Fit(rules []Rule, a, b Profile, now time.Time) (int, []string) {
	score, most := 0, 0
	var reasons []string
	for _, r := range rules {
		va, vb := a.Answers[r.QuestionID], b.Answers[r.QuestionID]
		switch r.Rule {
		case "complement":
			// a wants what b offers: a's answer to this question against b's answer to the partner.
			if r.ComplementID == 0 || !strings.Contains(strings.ToLower(r.Prompt), "want") {
				continue
			}
			most += r.Points * 3
			shared := intersect(va.Choices, b.Answers[r.ComplementID].Choices)
			if len(shared) > 0 {
				pts := r.Points * min(len(shared), 3)
				score += pts
				reasons = append(reasons, fmt.Sprintf("offers %s (+%d)", strings.Join(shared, ", "), pts))
			}
		case "overlap":
			most += r.Points * 2
			shared := intersect(choicesOf(va), choicesOf(vb))
			if len(shared) > 0 {
				pts := r.Points * min(len(shared), 2)
				score += pts
				reasons = append(reasons, fmt.Sprintf("both: %s (+%d)", strings.Join(shared, ", "), pts))
			}
		case "same":
			most += r.Points
			if va.Text != "" && strings.EqualFold(va.Text, vb.Text) {
				score += r.Points
				reasons = append(reasons, fmt.Sprintf("same %s: %s (+%d)", strings.ToLower(r.Prompt), vb.Text, r.Points))
			}
		case "different":
			most += r.Points
			if va.Text != "" && vb.Text != "" && !strings.EqualFold(va.Text, vb.Text) {
				score += r.Points
				reasons = append(reasons, fmt.Sprintf("different %s: %s (+%d)", strings.ToLower(r.Prompt), vb.Text, r.Points))
			}
		case "within":
			most += r.Points
			if gap, ok := hoursApart(va.Text, vb.Text, now); ok {
				if gap <= r.Hours {
					score += r.Points
				}
				if gap == 0 {
					reasons = append(reasons, "same time zone")
				} else {
					reasons = append(reasons, fmt.Sprintf("time zones %d h apart", gap))
				}
			}
		}
	}
	if most == 0 {
		return 0, reasons
	}
	return min(100, score*100/most), reasons
}

func choicesOf(v questionnaire.Value) []string {
	if len(v.Choices) > 0 {
		return v.Choices
	}
	if v.Text != "" {
		return []string{v.Text}
	}
	return nil
}

func intersect(a, b []string) []string {
	set := map[string]bool{}
	for _, x := range b {
		set[strings.ToLower(x)] = true
	}
	var out []string
	for _, x := range a {
		if set[strings.ToLower(x)] {
			out = append(out, x)
		}
	}
	sort.Strings(out)
	return out
}

// hoursApart is the difference of two zones' UTC offsets at now, in whole hours.
func hoursApart(za, zb string, now time.Time) (int, bool) {
	la, err1 := time.LoadLocation(za)
	lb, err2 := time.LoadLocation(zb)
	if za == "" || zb == "" || err1 != nil || err2 != nil {
		return 0, false
	}
	_, oa := now.In(la).Zone()
	_, ob := now.In(lb).Zone()
	d := oa - ob
	if d < 0 {
		d = -d
	}
	return (d + 1800) / 3600, true
}
