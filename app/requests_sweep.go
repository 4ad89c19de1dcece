package app

import (
	"tandem/app/request"
	"tandem/db/store"
	"time"
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
func (s *Requests) Sweep() (int, error) {
	ctx := s.ctx
	st, err := s.settings.Get()
	if err != nil {
		return 0, err
	}
	n := 0
	var queued []int64
	err = s.db.InTx(ctx, func(q *store.Queries) error {
		rows, err := q.ListPendingMentorRequests(ctx)
		if err != nil {
			return err
		}
		now := s.now()
		for _, r := range rows {
			sent, err1 := time.Parse(time.RFC3339, r.SentAt.String)
			exp, err2 := time.Parse(time.RFC3339, r.ExpiresAt.String)
			if err1 != nil || err2 != nil {
				continue
			}
			if !now.Before(exp) {
				ids, err := s.close(ctx, q, st, r, request.Expire, "Not answered in time")
				if err != nil {
					return err
				}
				queued = append(queued, ids...)
				n++
				continue
			}
			due := request.Due(sent, exp, now, r.RemindedHalf, r.RemindedLast)
			if len(due) == 0 {
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
			queued = append(queued, m)
			var half, last bool
			for _, d := range due {
				if d == request.Halfway {
					half = true
				} else {
					last = true
				}
			}
			if err := q.MarkRequestReminded(ctx, store.MarkRequestRemindedParams{ID: r.ID, Half: half, Last: last, Now: stamp(now)}); err != nil {
				return err
			}
			if err := q.AddRequestEvent(ctx, store.AddRequestEventParams{RequestID: r.ID, FromStatus: r.Status, ToStatus: r.Status,
				Action: "remind", Actor: "Tandem", Note: "Automatic reminder queued", Now: stamp(now)}); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	s.outbox.autoSend(queued)
	return n, nil
}
