package app

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"tandem/app/notify"
	"tandem/app/request"
	"tandem/app/status"
	"tandem/db/store"
)

// Preview renders the request summary and the requester's confirmation without saving anything.
func (s *Requests) Preview(in RequestInput) (RequestPreview, error) {
	ctx := s.ctx
	st, err := s.settings.Get()
	if err != nil {
		return RequestPreview{}, err
	}
	var out RequestPreview
	err = s.db.InTx(ctx, func(q *store.Queries) error {
		in, prog, req, rec, err := s.check(ctx, q, in)
		if err != nil {
			return err
		}
		fake := store.Request{Kind: in.Kind, Commitment: in.Commitment, Topic: in.Topic, Sessions: int64(in.Sessions), Note: in.Note}
		if exp, ok := request.ExpiresAt(in.Kind, s.now(), int(prog.MentorRequestExpiryDays)); ok {
			fake.ExpiresAt = sql.NullString{String: stamp(exp), Valid: true}
		}
		v, err := s.vars(ctx, q, st, prog, fake, req, rec, rec)
		if err != nil {
			return err
		}
		out.Subject, out.Text, out.HTML, err = notify.Render(ctx, q, "request_summary", v)
		if err != nil {
			return err
		}
		if v, err = s.vars(ctx, q, st, prog, fake, req, rec, req); err != nil {
			return err
		}
		out.ConfirmationSubject, out.ConfirmationText, _, err = notify.Render(ctx, q, "request_confirmation", v)
		out.InReview = prog.ReviewRequests
		return err
	})
	return out, mailErr(err)
}

// Create records a request. Unless the program asks the admin to review requests first, the
// summary is queued for the recipient and a confirmation for the requester, in the same transaction.
func (s *Requests) Create(in RequestInput) (Request, error) {
	ctx := s.ctx
	st, err := s.settings.Get()
	if err != nil {
		return Request{}, err
	}
	if st.AdminEmail == "" {
		return Request{}, fieldErr("adminEmail", "Set your sending address in Settings first: request summaries are sent from it")
	}
	var id int64
	var queued []int64
	err = s.db.InTx(ctx, func(q *store.Queries) error {
		in, prog, req, rec, err := s.check(ctx, q, in)
		if err != nil {
			return err
		}
		p := store.CreateRequestParams{ProgramID: prog.ID, Kind: in.Kind, RequesterID: req.ID, RecipientID: rec.ID, Commitment: in.Commitment,
			Topic: in.Topic, Sessions: int64(in.Sessions), Note: in.Note, Now: stamp(s.now())}
		r, err := q.CreateRequest(ctx, p)
		if err != nil {
			if strings.Contains(err.Error(), "UNIQUE") {
				return fieldErr("recipientId", "There is already a pending request between these two people")
			}
			return fmt.Errorf("create request: %w", err)
		}
		id = r.ID
		if err := s.event(ctx, q, st, r.ID, "", request.Pending, "create", in.Note); err != nil {
			return err
		}
		if prog.ReviewRequests {
			return nil // waits for the admin's review: Release sends it
		}
		queued, err = s.send(ctx, q, st, prog, r, req, rec)
		return err
	})
	if err != nil {
		return Request{}, err
	}
	s.outbox.autoSend(queued)
	return s.Get(id)
}

// Release sends a request that waited for the admin's review.
func (s *Requests) Release(id int64) (Request, error) {
	ctx := s.ctx
	st, err := s.settings.Get()
	if err != nil {
		return Request{}, err
	}
	var queued []int64
	err = s.db.InTx(ctx, func(q *store.Queries) error {
		r, err := q.GetRequest(ctx, id)
		if err != nil {
			return notFound(err, "request")
		}
		if r.SentAt.Valid || r.Status != request.Pending {
			return &Error{Message: "This request is not waiting for review"}
		}
		prog, req, rec, err := s.parties(ctx, q, r)
		if err != nil {
			return err
		}
		if err := s.event(ctx, q, st, r.ID, request.Pending, request.Pending, "release", "Reviewed and sent"); err != nil {
			return err
		}
		queued, err = s.send(ctx, q, st, prog, r, req, rec)
		return err
	})
	if err != nil {
		return Request{}, err
	}
	s.outbox.autoSend(queued)
	return s.Get(id)
}

// send marks a request sent (starting a mentor request's clock) and queues its two emails.
func (s *Requests) send(ctx context.Context, q *store.Queries, st AppSettings, prog store.Program, r store.Request, req, rec store.ListParticipantRowsRow) ([]int64, error) {
	var exp sql.NullString
	if t, ok := request.ExpiresAt(r.Kind, s.now(), int(prog.MentorRequestExpiryDays)); ok {
		exp = sql.NullString{String: stamp(t), Valid: true}
	}
	r, err := q.MarkRequestSent(ctx, store.MarkRequestSentParams{ID: r.ID, ExpiresAt: exp, Now: stamp(s.now())})
	if err != nil {
		return nil, fmt.Errorf("send request: %w", err)
	}
	a, err := s.queue(ctx, q, st, prog, r, req, rec, rec, "request_summary", "")
	if err != nil {
		return nil, err
	}
	b, err := s.queue(ctx, q, st, prog, r, req, rec, req, "request_confirmation", "")
	if err != nil {
		return nil, err
	}
	return []int64{a, b}, nil
}

// Answer records the recipient's answer. Approving creates the relationship (the requested
// commitment and sessions, or one introductory session) and tells both; a mentee's other
// pending mentor requests in the program are then invalidated and their recipients told.
// Declining tells the requester, with the message and the next best fits.
func (s *Requests) Answer(id int64, in RequestAnswer) (Request, error) {
	ctx := s.ctx
	st, err := s.settings.Get()
	if err != nil {
		return Request{}, err
	}
	action := map[string]string{"approve": request.Approve, "intro": request.ApproveIntro, "decline": request.Decline}[in.Decision]
	if action == "" {
		return Request{}, fieldErr("decision", "Record the answer: approve all sessions, approve an introduction only, or decline")
	}
	if _, ok := DeclineReasons[in.Reason]; in.Decision == "decline" && in.Reason != "" && !ok {
		return Request{}, fieldErr("reason", "Choose a reason from the list")
	}
	in.Message = strings.TrimSpace(in.Message)
	if len([]rune(in.Message)) > 4000 {
		return Request{}, fieldErr("message", "The message is longer than 4,000 characters")
	}
	var queued []int64
	err = s.db.InTx(ctx, func(q *store.Queries) error {
		r, err := q.GetRequest(ctx, id)
		if err != nil {
			return notFound(err, "request")
		}
		to, err := request.Next(r.Kind, r.Status, action)
		if err != nil {
			return &Error{Field: "decision", Message: upperFirst(err.Error())}
		}
		if !r.SentAt.Valid {
			return &Error{Field: "decision", Message: "This request is still waiting for your review: send it first"}
		}
		prog, req, rec, err := s.parties(ctx, q, r)
		if err != nil {
			return err
		}
		var relID sql.NullInt64
		if to != request.Declined {
			commitment, sessions := r.Commitment, int(r.Sessions)
			if to == request.IntroApproved {
				commitment, sessions = "intro", 1
			}
			kind, roles := "peer", [2]string{"peer", "peer"}
			if r.Kind == request.Mentor {
				kind, roles = "mentorship", [2]string{"mentee", "mentor"}
			}
			rid, err := createRelationship(ctx, q, RelationshipInput{ProgramID: prog.ID, Kind: kind, Commitment: commitment, Topic: r.Topic,
				PlannedSessions: sessions, Members: []MemberInput{{ParticipantID: req.ID, Role: roles[0]}, {ParticipantID: rec.ID, Role: roles[1]}}},
				"request", stamp(s.now()))
			if err != nil {
				var e *Error
				if errors.As(err, &e) {
					return &Error{Field: "decision", Message: "It cannot be approved: " + e.Message}
				}
				return err
			}
			relID = sql.NullInt64{Int64: rid, Valid: true}
		}
		reason := ""
		if in.Decision == "decline" {
			reason = in.Reason
		}
		r, err = q.SetRequestStatus(ctx, store.SetRequestStatusParams{ID: id, Status: to, DeclineReason: reason, AnswerMessage: in.Message,
			RelationshipID: relID, Now: stamp(s.now())})
		if err != nil {
			return fmt.Errorf("answer request: %w", err)
		}
		note := in.Message
		if reason != "" && DeclineReasons[reason] != "" {
			note = strings.TrimSpace(DeclineReasons[reason] + ". " + note)
		}
		if err := s.event(ctx, q, st, id, request.Pending, to, action, note); err != nil {
			return err
		}
		if _, err := s.supersede(ctx, q, st, r, to, "The request was answered"); err != nil {
			return err
		}
		if to == request.Declined {
			m, err := s.queue(ctx, q, st, prog, r, req, rec, req, "request_declined", DeclineReasons[reason])
			if err != nil {
				return err
			}
			queued = append(queued, m)
			return nil
		}
		for _, who := range []store.ListParticipantRowsRow{req, rec} {
			m, err := s.queue(ctx, q, st, prog, r, req, rec, who, "request_answer", "")
			if err != nil {
				return err
			}
			queued = append(queued, m)
		}
		if r.Kind == request.Mentor {
			others, err := q.ListOtherPendingMentorRequests(ctx, store.ListOtherPendingMentorRequestsParams{ProgramID: prog.ID, RequesterID: req.ID, ID: id})
			if err != nil {
				return err
			}
			for _, o := range others {
				ids, err := s.close(ctx, q, st, o, request.Invalidate, req.Name+" has found a mentor")
				if err != nil {
					return err
				}
				queued = append(queued, ids...)
			}
		}
		return nil
	})
	if err != nil {
		return Request{}, err
	}
	s.outbox.autoSend(queued)
	return s.Get(id)
}

// Withdraw takes back a pending request on the requester's behalf; the recipient is told if it reached them.
func (s *Requests) Withdraw(id int64, note string) (Request, error) {
	ctx := s.ctx
	st, err := s.settings.Get()
	if err != nil {
		return Request{}, err
	}
	var queued []int64
	err = s.db.InTx(ctx, func(q *store.Queries) error {
		r, err := q.GetRequest(ctx, id)
		if err != nil {
			return notFound(err, "request")
		}
		queued, err = s.close(ctx, q, st, r, request.Withdraw, strings.TrimSpace(note))
		return err
	})
	if err != nil {
		return Request{}, err
	}
	s.outbox.autoSend(queued)
	return s.Get(id)
}

// close ends a pending request by withdrawal, invalidation or expiry, and tells who needs to know.
func (s *Requests) close(ctx context.Context, q *store.Queries, st AppSettings, r store.Request, action, note string) ([]int64, error) {
	to, err := request.Next(r.Kind, r.Status, action)
	if err != nil {
		return nil, &Error{Message: upperFirst(err.Error())}
	}
	r2, err := q.SetRequestStatus(ctx, store.SetRequestStatusParams{ID: r.ID, Status: to, Now: stamp(s.now())})
	if err != nil {
		return nil, fmt.Errorf("close request: %w", err)
	}
	actor := ""
	if action == request.Expire {
		actor = "Tandem"
	}
	if err := q.AddRequestEvent(ctx, store.AddRequestEventParams{RequestID: r.ID, FromStatus: r.Status, ToStatus: to, Action: action,
		Actor: orDefault(actor, orDefault(st.AdminName, "the admin")), Note: note, Now: stamp(s.now())}); err != nil {
		return nil, err
	}
	reached, err := s.supersede(ctx, q, st, r2, to, "The request "+request.Words(to))
	if err != nil {
		return nil, err
	}
	if !r.SentAt.Valid || (!reached && action != request.Expire) {
		return nil, nil // its summary never left: the recipient has nothing to be told
	}
	prog, req, rec, err := s.parties(ctx, q, r2)
	if err != nil {
		return nil, err
	}
	var id int64
	switch action {
	case request.Expire:
		id, err = s.queue(ctx, q, st, prog, r2, req, rec, req, "request_expired", "")
	default:
		id, err = s.queue(ctx, q, st, prog, r2, req, rec, rec, "request_closed", note)
	}
	if err != nil {
		return nil, err
	}
	return []int64{id}, nil
}

// supersede cancels the request's emails still waiting that its new status makes wrong (the
// summary asking for an answer, reminders, the "on its way" confirmation), notes it in the
// request's timeline, and says whether its summary may have reached the recipient.
func (s *Requests) supersede(ctx context.Context, q *store.Queries, st AppSettings, r store.Request, to status.Request, why string) (reached bool, err error) {
	n, err := q.CancelStaleRequestMessages(ctx, store.CancelStaleRequestMessagesParams{RequestID: sql.NullInt64{Int64: r.ID, Valid: true},
		Reason: why + ": this email would have been out of date", Now: stamp(s.now())})
	if err != nil {
		return false, fmt.Errorf("cancel out-of-date emails: %w", err)
	}
	if n > 0 {
		note := fmt.Sprintf("%d queued %s cancelled: %s would have been out of date", n, plural(int(n), "email", "emails"),
			plural(int(n), "it", "they"))
		if err := s.event(ctx, q, st, r.ID, to, to, "supersede", note); err != nil {
			return false, err
		}
	}
	d, err := q.CountDeliveredRequestSummaries(ctx, sql.NullInt64{Int64: r.ID, Valid: true})
	if err != nil {
		return false, fmt.Errorf("cancel out-of-date emails: %w", err)
	}
	return d > 0, nil
}
