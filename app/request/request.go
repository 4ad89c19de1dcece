// Package request holds the rules of peer and mentor requests: which status changes are
// allowed, when a mentor request expires and when its reminders are due. It is pure: the
// clock is a value passed in.
package request

import (
	"fmt"
	"time"

	"tandem/app/status"
)

// Statuses of a request, named here for the rules below to read plainly.
const (
	Pending       = status.RequestPending
	Approved      = status.RequestApproved
	IntroApproved = status.RequestIntroApproved
	Declined      = status.RequestDeclined
	Withdrawn     = status.RequestWithdrawn
	Expired       = status.RequestExpired
	Invalidated   = status.RequestInvalidated
)

// Actions that change a request.
const (
	Approve      = "approve"       // the recipient approves all the requested sessions
	ApproveIntro = "approve_intro" // the recipient approves an introductory session only
	Decline      = "decline"
	Withdraw     = "withdraw"   // the requester takes it back
	Expire       = "expire"     // a mentor request's time ran out
	Invalidate   = "invalidate" // the mentee's other mentor request was approved
)

// Kinds of request.
const (
	Peer   = "peer"
	Mentor = "mentor"
)

var transitions = map[string]status.Request{
	Approve: Approved, ApproveIntro: IntroApproved, Decline: Declined, Withdraw: Withdrawn, Expire: Expired, Invalidate: Invalidated,
}

// Next returns the status an action leads to from a status, or an error saying why it cannot
// happen. Only a pending request changes; expiry applies to mentor requests only.
func Next(kind string, from status.Request, action string) (status.Request, error) {
	to, ok := transitions[action]
	if !ok {
		return "", fmt.Errorf("%q is not something that can happen to a request", action)
	}
	if from != Pending {
		return "", fmt.Errorf("this request is already %s", Words(from))
	}
	if action == Expire && kind != Mentor {
		return "", fmt.Errorf("peer requests never expire")
	}
	if action == Invalidate && kind != Mentor {
		return "", fmt.Errorf("only mentor requests are invalidated")
	}
	return to, nil
}

// Words names a status for people: "intro approved".
func Words(st status.Request) string {
	switch st {
	case IntroApproved:
		return "approved for an introduction only"
	default:
		return string(st)
	}
}

// ExpiresAt is when a request sent at sent expires: mentor requests after days, peer requests never.
func ExpiresAt(kind string, sent time.Time, days int) (time.Time, bool) {
	if kind != Mentor || days <= 0 {
		return time.Time{}, false
	}
	return sent.Add(time.Duration(days) * 24 * time.Hour), true
}

// Reminder is a reminder due for a pending mentor request.
type Reminder string

// The two reminders of a mentor request.
const (
	Halfway      Reminder = "halfway"
	DayBeforeEnd Reminder = "day_before"
)

// Due says which reminders are due at now for a request sent at sent that expires at expires,
// given which were already sent. The halfway reminder falls at the midpoint, the last one a day
// before expiry (when the request lasts more than two days, so they do not coincide). Once the
// request has expired, no reminder is due.
func Due(sent, expires, now time.Time, halfSent, lastSent bool) []Reminder {
	if !now.Before(expires) {
		return nil
	}
	var out []Reminder
	life := expires.Sub(sent)
	half := sent.Add(life / 2)
	last := expires.Add(-24 * time.Hour)
	if !halfSent && !now.Before(half) && (life <= 48*time.Hour || now.Before(last)) {
		out = append(out, Halfway)
	}
	if !lastSent && life > 48*time.Hour && !now.Before(last) {
		out = append(out, DayBeforeEnd)
	}
	return out
}

// Overdue reports whether a pending request has waited longer than a week for an answer: the
// Requests page shows these first.
func Overdue(sent, now time.Time) bool { return now.Sub(sent) > 7*24*time.Hour }
