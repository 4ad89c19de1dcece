package app

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"tandem/app/request"
	"tandem/db/store"
)

// Remind queues a reminder to the recipient of each pending request given.
func (s *Requests) Remind(ids []int64) (int, error) {
	ctx := s.ctx
	st, err := s.settings.Get()
	if err != nil {
		return 0, err
	}
	var queued []int64
	err = s.db.InTx(ctx, func(q *store.Queries) error {
		for _, id := range ids {
			r, err := q.GetRequest(ctx, id)
			if err != nil || r.Status != request.Pending || !r.SentAt.Valid {
				continue
			}
			prog, req, rec, err := s.parties(ctx, q, r)
			if err != nil {
				return err
			}
			m, err := s.queue(ctx, q, st, prog, r, req, rec, rec, "request_reminder", "")
			if err != nil {
				return err
			}
			if err := s.event(ctx, q, st, r.ID, r.Status, r.Status, "remind", "Reminder queued"); err != nil {
				return err
			}
			queued = append(queued, m)
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	s.outbox.autoSend(queued)
	return len(queued), nil
}

// Sweep applies the clock: mentor requests past their expiry become expired (the requester is
// told, with the next best fits), and reminders that fell due are queued — halfway, and a day
// before expiry. Tandem runs it at start and every hour. It returns how many requests it changed.
//
// Each request is swept in its own transaction, so one whose email cannot be written (its
// template fails or passes a limit for that recipient) is left as it was, with the reason in
// the log, and the others go on — the sweep runs with no admin to read an error, and at start.
func (s *Requests) Sweep() (int, error) {
	ctx := s.ctx
	st, err := s.settings.Get()
	if err != nil {
		return 0, err
	}
	rows, err := s.db.Q.ListPendingMentorRequests(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	var queued []int64
	for _, r := range rows {
		var ids []int64
		var changed bool
		err := s.db.InTx(ctx, func(q *store.Queries) error {
			var err error
			ids, changed, err = s.sweepOne(ctx, q, st, r.ID)
			return err
		})
		var e *Error // one request's problem, such as an email that cannot be written (mailErr)
		if errors.As(err, &e) {
			slog.Warn("request left as it was", "request", r.ID, "reason", e.Message)
			continue
		}
		if err != nil {
			return n, err
		}
		queued = append(queued, ids...)
		if changed {
			n++
		}
	}
	s.outbox.autoSend(queued)
	return n, nil
}

// sweepOne applies the clock to one request, read again inside the transaction; it returns
// the messages it queued and whether it changed the request.
func (s *Requests) sweepOne(ctx context.Context, q *store.Queries, st AppSettings, id int64) ([]int64, bool, error) {
	r, err := q.GetRequest(ctx, id)
	if err != nil || r.Status != request.Pending || r.Kind != "mentor" || !r.SentAt.Valid {
		return nil, false, err
	}
	now := s.now()
	sent, err1 := time.Parse(time.RFC3339, r.SentAt.String)
	exp, err2 := time.Parse(time.RFC3339, r.ExpiresAt.String)
	if err1 != nil || err2 != nil {
		return nil, false, nil
	}
	if !now.Before(exp) {
		ids, err := s.close(ctx, q, st, r, request.Expire, "Not answered in time")
		return ids, err == nil, err
	}
	due := request.Due(sent, exp, now, r.RemindedHalf, r.RemindedLast)
	if len(due) == 0 {
		return nil, false, nil
	}
	prog, req, rec, err := s.parties(ctx, q, r)
	if err != nil {
		return nil, false, err
	}
	m, err := s.queue(ctx, q, st, prog, r, req, rec, rec, "request_reminder", "")
	if err != nil {
		return nil, false, err
	}
	var half, last bool
	for _, d := range due {
		if d == request.Halfway {
			half = true
		} else {
			last = true
		}
	}
	if err := q.MarkRequestReminded(ctx, store.MarkRequestRemindedParams{ID: r.ID, Half: half, Last: last, Now: stamp(now)}); err != nil {
		return nil, false, err
	}
	if err := q.AddRequestEvent(ctx, store.AddRequestEventParams{RequestID: r.ID, FromStatus: r.Status, ToStatus: r.Status,
		Action: "remind", Actor: "Tandem", Note: "Automatic reminder queued", Now: stamp(now)}); err != nil {
		return nil, false, err
	}
	return []int64{m}, true, nil
}
