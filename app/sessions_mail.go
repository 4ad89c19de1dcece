package app

import (
	"context"
	"errors"
	"time"

	"tandem/app/notify"
	"tandem/db/store"
)

// queueSessionMail queues the message of a kind ("invite", "update", "cancellation") about a
// session for each attendee, with the calendar attached, inside the caller's transaction.
func queueSessionMail(ctx context.Context, q *store.Queries, st AppSettings, se store.Session, kind, reason string, now time.Time) ([]int64, error) {
	ids, err := notify.QueueSession(ctx, q, sender(st), se, kind, reason, now)
	var ce *notify.CalendarError
	if errors.As(err, &ce) {
		return nil, &Error{Message: "The invitation could not be written: " + ce.Err.Error()}
	}
	return ids, mailErr(err)
}
