package request

import (
	"testing"
	"time"

	"tandem/app/status"
)

func TestNext(t *testing.T) {
	tests := []struct {
		kind   string
		status status.Request
		action string
		want   status.Request
		ok     bool
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
		t.Run(tt.kind+"/"+string(tt.status)+"/"+tt.action, func(t *testing.T) {
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
