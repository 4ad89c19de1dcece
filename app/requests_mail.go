package app

import (
	"context"
	"errors"
	"tandem/app/notify"
	"tandem/app/request"
	"tandem/db/store"
)

// queue renders a request email of kind for one of the two parties and queues it.
func (s *Requests) queue(ctx context.Context, q *store.Queries, st AppSettings, prog store.Program, r store.Request,
	req, rec, to store.ListParticipantRowsRow, kind, reason string) (int64, error) {
	v, err := s.vars(ctx, q, st, prog, r, req, rec, to)
	if err != nil {
		return 0, err
	}
	v.Reason = reason
	id, err := notify.Queue(ctx, q, kind, v, notify.Message{ToName: to.Name, ToEmail: to.Email, RequestID: r.ID,
		RelationshipID: r.RelationshipID.Int64, ProgramID: prog.ID}, s.now())
	return id, mailErr(err)
}

// vars fills the template variables of a request email; a declined or expired request also
// suggests the requester's next best fits, read through the caller's transaction.
func (s *Requests) vars(ctx context.Context, q *store.Queries, st AppSettings, prog store.Program, r store.Request, req, rec, to store.ListParticipantRowsRow) (notify.Vars, error) {
	v, err := notify.RequestVars(ctx, q, sender(st), prog, r, req, rec, to)
	if err != nil {
		return v, err
	}
	if r.Status == request.Declined || r.Status == request.Expired {
		c, err := s.candidates(ctx, q, prog.ID, req.ID, r.Kind)
		var e *Error
		if err != nil && !errors.As(err, &e) {
			return v, err
		}
		if err == nil { // an *Error says there is no one to suggest (the requester left, say)
			var names []string
			for _, x := range c {
				if x.Participant.ID != rec.ID && len(names) < 3 {
					names = append(names, x.Participant.Name)
				}
			}
			v.Request.NextBest = notify.JoinNames(names)
		}
	}
	return v, nil
}
