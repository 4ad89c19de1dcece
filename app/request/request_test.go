package request

import (
	"strings"
	"testing"
	"time"

	"tandem/app/questionnaire"
)

func TestNext(t *testing.T) {
	tests := []struct {
		kind, status, action string
		want                 string
		ok                   bool
	}{
		{Peer, Pending, Approve, Approved, true},
		{Peer, Pending, ApproveIntro, IntroApproved, true},
		{Peer, Pending, Decline, Declined, true},
		{Peer, Pending, Withdraw, Withdrawn, true},
		{Peer, Pending, Expire, "", false},
		{Peer, Pending, Invalidate, "", false},
		{Mentor, Pending, Expire, Expired, true},
		{Mentor, Pending, Invalidate, Invalidated, true},
		{Mentor, Pending, Approve, Approved, true},
		{Mentor, Approved, Decline, "", false},
		{Mentor, Declined, Approve, "", false},
		{Mentor, Expired, Approve, "", false},
		{Mentor, Withdrawn, Withdraw, "", false},
		{Peer, IntroApproved, Approve, "", false},
		{Mentor, Invalidated, Expire, "", false},
		{Peer, Pending, "shrug", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.kind+"/"+tt.status+"/"+tt.action, func(t *testing.T) {
			got, err := Next(tt.kind, tt.status, tt.action)
			if (err == nil) != tt.ok || got != tt.want {
				t.Errorf("Next = %q, %v; want %q ok=%v", got, err, tt.want, tt.ok)
			}
		})
	}
}

func TestExpiresAt(t *testing.T) {
	sent := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	if _, ok := ExpiresAt(Peer, sent, 14); ok {
		t.Error("a peer request expires")
	}
	if got, ok := ExpiresAt(Mentor, sent, 14); !ok || !got.Equal(sent.AddDate(0, 0, 14)) {
		t.Errorf("mentor request expires at %v %v", got, ok)
	}
}

func TestDue(t *testing.T) {
	sent := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	exp := sent.AddDate(0, 0, 14) // halfway: Nov 8 09:00; last: Nov 14 09:00
	at := func(d, h int) time.Time { return time.Date(2026, 11, d, h, 0, 0, 0, time.UTC) }
	tests := []struct {
		name       string
		now        time.Time
		half, last bool
		want       []Reminder
	}{
		{"just sent", at(1, 10), false, false, nil},
		{"before halfway", at(8, 8), false, false, nil},
		{"halfway", at(8, 9), false, false, []Reminder{Halfway}},
		{"halfway already sent", at(10, 9), true, false, nil},
		{"day before, halfway missed", at(14, 10), false, false, []Reminder{DayBeforeEnd}},
		{"day before", at(14, 9), true, false, []Reminder{DayBeforeEnd}},
		{"both sent", at(14, 20), true, true, nil},
		{"expired", at(15, 9), false, false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Due(sent, exp, tt.now, tt.half, tt.last)
			if len(got) != len(tt.want) || (len(got) > 0 && got[0] != tt.want[0]) {
				t.Errorf("Due = %v, want %v", got, tt.want)
			}
		})
	}
	// A two-day request gets one reminder, halfway.
	short := sent.AddDate(0, 0, 2)
	if got := Due(sent, short, sent.Add(25*time.Hour), false, false); len(got) != 1 || got[0] != Halfway {
		t.Errorf("two-day request: %v", got)
	}
}

func TestFit(t *testing.T) {
	rules := []Rule{
		{QuestionID: 1, ComplementID: 2, Prompt: "Skills I want to grow", Rule: "complement", Points: 5},
		{QuestionID: 2, ComplementID: 1, Prompt: "Skills I can offer", Rule: "complement", Points: 5},
		{QuestionID: 3, Prompt: "Interests", Rule: "overlap", Points: 1},
		{QuestionID: 4, Prompt: "Time zone", Rule: "within", Points: 3, Hours: 3},
	}
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	ana := Profile{Answers: map[int64]questionnaire.Value{1: {Choices: []string{"Python", "Leadership"}}, 3: {Choices: []string{"Books", "Running"}}, 4: {Text: "Europe/Lisbon"}}}
	jai := Profile{Answers: map[int64]questionnaire.Value{2: {Choices: []string{"Python", "Go"}}, 3: {Choices: []string{"Books"}}, 4: {Text: "Europe/Berlin"}}}
	kenji := Profile{Answers: map[int64]questionnaire.Value{2: {Choices: []string{"Sales"}}, 4: {Text: "Asia/Tokyo"}}}
	sj, rj := Fit(rules, ana, jai, now)
	sk, rk := Fit(rules, ana, kenji, now)
	if sj <= sk || sj <= 0 || sj > 100 {
		t.Errorf("scores jai %d kenji %d", sj, sk)
	}
	want := []string{"offers Python (+5)", "both: Books (+1)", "time zones 1 h apart"}
	if strings.Join(rj, "|") != strings.Join(want, "|") {
		t.Errorf("reasons for jai = %q, want %q", rj, want)
	}
	if len(rk) != 1 || rk[0] != "time zones 9 h apart" {
		t.Errorf("reasons for kenji = %q", rk)
	}
}
