package app

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"tandem/app/questionnaire"
	"tandem/app/request"
	"tandem/db"
	"tandem/db/store"
)

// Request is a peer or mentor request as the UI sees it.
type Request struct {
	ID             int64  `json:"id"`
	ProgramID      int64  `json:"programId"`
	Kind           string `json:"kind"`
	Requester      Member `json:"requester"`
	Recipient      Member `json:"recipient"`
	Commitment     string `json:"commitment"`
	Topic          string `json:"topic"`
	Sessions       int    `json:"sessions"`
	Note           string `json:"note"`
	Status         string `json:"status"`
	InReview       bool   `json:"inReview"` // waiting for the admin before its summary is emailed
	SentAt         string `json:"sentAt"`
	ExpiresAt      string `json:"expiresAt"`
	Overdue        bool   `json:"overdue"`
	DeclineReason  string `json:"declineReason"`
	AnswerMessage  string `json:"answerMessage"`
	RelationshipID int64  `json:"relationshipId"`
	DecidedAt      string `json:"decidedAt"`
	CreatedAt      string `json:"createdAt"`
}

// RequestEvent is one step of a request's history.
type RequestEvent struct {
	From   string `json:"from"`
	To     string `json:"to"`
	Action string `json:"action"`
	Actor  string `json:"actor"`
	Note   string `json:"note"`
	At     string `json:"at"`
}

// RequestDetail is a request with its timeline.
type RequestDetail struct {
	Request Request        `json:"request"`
	Events  []RequestEvent `json:"events"`
}

// RequestInput is what the admin records when a participant asks someone.
type RequestInput struct {
	ProgramID   int64  `json:"programId"`
	Kind        string `json:"kind"` // "peer" or "mentor"
	RequesterID int64  `json:"requesterId"`
	RecipientID int64  `json:"recipientId"`
	Commitment  string `json:"commitment"` // "intro", "topic", "long_term"
	Topic       string `json:"topic"`
	Sessions    int    `json:"sessions"`
	Note        string `json:"note"`
}

// RequestAnswer is the recipient's answer, recorded by the admin.
type RequestAnswer struct {
	Decision string `json:"decision"` // "approve", "intro" or "decline"
	Reason   string `json:"reason"`   // for a decline: "no_time", "expertise", "better_fit", "other"
	Message  string `json:"message"`
}

// RequestPreview is exactly what the recipient and the requester will receive.
type RequestPreview struct {
	Subject             string `json:"subject"`
	Text                string `json:"text"`
	HTML                string `json:"html"`
	ConfirmationSubject string `json:"confirmationSubject"`
	ConfirmationText    string `json:"confirmationText"`
	InReview            bool   `json:"inReview"`
}

// Candidate is someone a participant could ask, with how well they fit and why.
type Candidate struct {
	Participant Participant `json:"participant"`
	Score       int         `json:"score"`
	Reasons     []string    `json:"reasons"`
}

// RequestCounts are the numbers on a program's overview.
type RequestCounts struct {
	Pending           int `json:"pending"`
	Overdue           int `json:"overdue"`
	InReview          int `json:"inReview"`
	ApprovedThisMonth int `json:"approvedThisMonth"`
}

// DeclineReasons are the short list offered with a decline.
var DeclineReasons = map[string]string{
	"no_time": "no time right now", "expertise": "not the right expertise", "better_fit": "someone else fits better", "other": "",
}

// Requests records peer and mentor requests and their answers, queuing every email they cause.
type Requests struct {
	db       *db.DB
	now      Clock
	settings *SettingsService
	tmpl     *Templates
	outbox   *Outbox
}

// NewRequests returns the requests service.
func NewRequests(d *db.DB, now Clock, settings *SettingsService, tmpl *Templates, outbox *Outbox) *Requests {
	return &Requests{db: d, now: now, settings: settings, tmpl: tmpl, outbox: outbox}
}

// Candidates lists who a participant may ask, best fit first: for a peer request, the active
// peers of a program with peer mentoring on; for a mentor request, active mentors with free
// capacity. People already asked (pending) or already in an open relationship with them are left out.
func (s *Requests) Candidates(programID, requesterID int64, kind string) ([]Candidate, error) {
	ctx := context.Background()
	// The same scorer and exclusions as the pairing engine, so the score and reasons match the
	// pairing draft's; the pool also knows the active participants and the mentors' loads.
	p, err := loadPool(ctx, s.db.Q, programID, kind == request.Peer, s.now())
	if err != nil {
		return nil, err
	}
	prog := p.prog
	if _, ok := p.index[requesterID]; !ok {
		return nil, fieldErr("requesterId", "Choose who is asking: an active participant of %s", prog.Name)
	}
	out := []Candidate{}
	for _, r := range p.rows {
		if r.ID == requesterID {
			continue
		}
		if kind == request.Peer && (!prog.PeerMentoring || !r.IsPeer) {
			continue
		}
		if kind == request.Mentor && (!r.IsMentor || p.roomLeft(r.ID) == 0) {
			continue
		}
		if n, _ := s.db.Q.CountPendingBetween(ctx, store.CountPendingBetweenParams{A: requesterID, B: r.ID}); n > 0 {
			continue
		}
		_, score, reasons, broken := p.pairScore(requesterID, r.ID)
		if len(broken) > 0 {
			continue // an open relationship together, a must rule, their manager, an "avoid", a pair ruled out
		}
		out = append(out, Candidate{Participant: Participant{ID: r.ID, ProgramID: programID, PersonID: r.PersonID, Name: r.Name, Email: r.Email,
			Department: r.Department, Title: r.Title, Location: r.Location, TimeZone: r.TimeZone, Mentor: r.IsMentor,
			Mentee: r.IsMentee, Peer: r.IsPeer, Capacity: int(r.Capacity), Status: r.Status}, Score: score, Reasons: reasons})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].Participant.Name < out[j].Participant.Name
	})
	return out, nil
}

// Preview renders the request summary and the requester's confirmation without saving anything.
func (s *Requests) Preview(in RequestInput) (RequestPreview, error) {
	ctx := context.Background()
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
		v := s.vars(ctx, q, st, prog, fake, req, rec, rec)
		out.Subject, out.Text, out.HTML, err = s.tmpl.render(ctx, q, "request_summary", v)
		if err != nil {
			return err
		}
		v = s.vars(ctx, q, st, prog, fake, req, rec, req)
		out.ConfirmationSubject, out.ConfirmationText, _, err = s.tmpl.render(ctx, q, "request_confirmation", v)
		out.InReview = prog.ReviewRequests
		return err
	})
	return out, err
}

// Create records a request. Unless the program asks the admin to review requests first, the
// summary is queued for the recipient and a confirmation for the requester, in the same transaction.
func (s *Requests) Create(in RequestInput) (Request, error) {
	ctx := context.Background()
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
	ctx := context.Background()
	st, err := s.settings.Get()
	if err != nil {
		return Request{}, err
	}
	var queued []int64
	err = s.db.InTx(ctx, func(q *store.Queries) error {
		r, err := q.GetRequest(ctx, id)
		if err != nil {
			return &Error{Message: "This request no longer exists"}
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
func (s *Requests) send(ctx context.Context, q *store.Queries, st Settings, prog store.Program, r store.Request, req, rec store.ListParticipantRowsRow) ([]int64, error) {
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
	ctx := context.Background()
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
			return &Error{Message: "This request no longer exists"}
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
	ctx := context.Background()
	st, err := s.settings.Get()
	if err != nil {
		return Request{}, err
	}
	var queued []int64
	err = s.db.InTx(ctx, func(q *store.Queries) error {
		r, err := q.GetRequest(ctx, id)
		if err != nil {
			return &Error{Message: "This request no longer exists"}
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
func (s *Requests) close(ctx context.Context, q *store.Queries, st Settings, r store.Request, action, note string) ([]int64, error) {
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
	if !r.SentAt.Valid {
		return nil, nil // it never left: nobody to tell
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

// Remind queues a reminder to the recipient of each pending request given.
func (s *Requests) Remind(ids []int64) (int, error) {
	ctx := context.Background()
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
	ctx := context.Background()
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

// List returns a program's requests, pending ones first and the ones waiting longest first.
// status, kind filter them; overdue keeps pending requests waiting more than a week.
func (s *Requests) List(programID int64, status, kind string, overdue bool) ([]Request, error) {
	ctx := context.Background()
	rows, err := s.db.Q.ListProgramRequests(ctx, programID)
	if err != nil {
		return nil, fmt.Errorf("list requests: %w", err)
	}
	people, err := s.members(ctx, programID)
	if err != nil {
		return nil, err
	}
	out := []Request{}
	for _, r := range rows {
		d := s.dto(r, people)
		if (status != "" && d.Status != status) || (kind != "" && d.Kind != kind) || (overdue && !d.Overdue) {
			continue
		}
		out = append(out, d)
	}
	return out, nil
}

// Get returns one request.
func (s *Requests) Get(id int64) (Request, error) {
	r, err := s.db.Q.GetRequest(context.Background(), id)
	if err != nil {
		return Request{}, &Error{Message: "This request no longer exists"}
	}
	people, err := s.members(context.Background(), r.ProgramID)
	if err != nil {
		return Request{}, err
	}
	return s.dto(r, people), nil
}

// Detail returns a request with its timeline.
func (s *Requests) Detail(id int64) (RequestDetail, error) {
	r, err := s.Get(id)
	if err != nil {
		return RequestDetail{}, err
	}
	evs, err := s.db.Q.ListRequestEvents(context.Background(), id)
	if err != nil {
		return RequestDetail{}, fmt.Errorf("request history: %w", err)
	}
	out := RequestDetail{Request: r, Events: []RequestEvent{}}
	for _, e := range evs {
		out.Events = append(out.Events, RequestEvent{From: e.FromStatus, To: e.ToStatus, Action: e.Action, Actor: e.Actor, Note: e.Note, At: e.At})
	}
	return out, nil
}

// Counts returns the numbers for a program's overview.
func (s *Requests) Counts(programID int64) (RequestCounts, error) {
	all, err := s.List(programID, "", "", false)
	if err != nil {
		return RequestCounts{}, err
	}
	var c RequestCounts
	month := s.now().UTC().Format("2006-01")
	for _, r := range all {
		switch {
		case r.Status == request.Pending && r.InReview:
			c.InReview++
		case r.Status == request.Pending:
			c.Pending++
			if r.Overdue {
				c.Overdue++
			}
		case (r.Status == request.Approved || r.Status == request.IntroApproved) && strings.HasPrefix(r.DecidedAt, month):
			c.ApprovedThisMonth++
		}
	}
	return c, nil
}

// check applies the rules of a new request and fills the defaults.
func (s *Requests) check(ctx context.Context, q *store.Queries, in RequestInput) (RequestInput, store.Program, store.ListParticipantRowsRow, store.ListParticipantRowsRow, error) {
	var zero store.ListParticipantRowsRow
	prog, err := q.GetProgram(ctx, in.ProgramID)
	if err != nil {
		return in, prog, zero, zero, &Error{Message: "This program no longer exists"}
	}
	if in.Kind != request.Peer && in.Kind != request.Mentor {
		return in, prog, zero, zero, fieldErr("kind", "Choose a peer request or a mentor request")
	}
	if in.RequesterID == in.RecipientID {
		return in, prog, zero, zero, fieldErr("recipientId", "Nobody can send a request to themselves")
	}
	req, err := participantRow(ctx, q, in.ProgramID, in.RequesterID)
	if err != nil {
		return in, prog, zero, zero, fieldErr("requesterId", "Choose who is asking: a participant of %s", prog.Name)
	}
	rec, err := participantRow(ctx, q, in.ProgramID, in.RecipientID)
	if err != nil {
		return in, prog, zero, zero, fieldErr("recipientId", "Choose who is asked: a participant of %s", prog.Name)
	}
	if req.Status != "active" {
		return in, prog, req, rec, fieldErr("requesterId", "%s is %s in this program, so cannot send requests", req.Name, req.Status)
	}
	if rec.Status != "active" {
		return in, prog, req, rec, fieldErr("recipientId", "%s is %s in this program, so cannot receive requests", rec.Name, rec.Status)
	}
	switch in.Kind {
	case request.Peer:
		if !prog.PeerMentoring {
			return in, prog, req, rec, fieldErr("kind", "Peer mentoring is off in %s", prog.Name)
		}
		if !req.IsPeer {
			return in, prog, req, rec, fieldErr("requesterId", "%s is not registered as a peer", req.Name)
		}
		if !rec.IsPeer {
			return in, prog, req, rec, fieldErr("recipientId", "%s is not registered as a peer", rec.Name)
		}
	case request.Mentor:
		if !req.IsMentee {
			return in, prog, req, rec, fieldErr("requesterId", "%s is not a mentee in this program", req.Name)
		}
		if !rec.IsMentor {
			return in, prog, req, rec, fieldErr("recipientId", "%s is not a mentor in this program", rec.Name)
		}
		load, err := q.CountMentorLoad(ctx, rec.ID)
		if err != nil {
			return in, prog, req, rec, err
		}
		if load >= rec.Capacity {
			return in, prog, req, rec, fieldErr("recipientId", "%s already mentors %d, their capacity: they cannot receive new mentor requests", rec.Name, load)
		}
	}
	if n, err := q.CountPendingBetween(ctx, store.CountPendingBetweenParams{A: req.ID, B: rec.ID}); err != nil {
		return in, prog, req, rec, err
	} else if n > 0 {
		return in, prog, req, rec, fieldErr("recipientId", "There is already a pending request between %s and %s", req.Name, rec.Name)
	}
	if n, err := q.CountActivePairRelationships(ctx, store.CountActivePairRelationshipsParams{A: req.ID, B: rec.ID}); err != nil {
		return in, prog, req, rec, err
	} else if n > 0 {
		return in, prog, req, rec, fieldErr("recipientId", "%s and %s already have an open relationship", req.Name, rec.Name)
	}
	if !commitments[in.Commitment] {
		return in, prog, req, rec, fieldErr("commitment", "Choose a commitment: an introduction, help on a topic, or long-term")
	}
	in.Topic, in.Note = strings.TrimSpace(in.Topic), strings.TrimSpace(in.Note)
	switch in.Commitment {
	case "intro":
		in.Sessions, in.Topic = 1, ""
	case "topic":
		if in.Topic == "" {
			return in, prog, req, rec, fieldErr("topic", "Name the topic the sessions are about")
		}
		if in.Sessions == 0 {
			in.Sessions = 3
		}
	case "long_term":
		in.Topic = ""
		if in.Sessions == 0 {
			in.Sessions = 6
		}
	}
	if in.Sessions < 1 || in.Sessions > 52 {
		return in, prog, req, rec, fieldErr("sessions", "Ask for 1 to 52 sessions")
	}
	if len([]rune(in.Topic)) > 200 {
		return in, prog, req, rec, fieldErr("topic", "The topic is longer than 200 characters")
	}
	if len([]rune(in.Note)) > 4000 {
		return in, prog, req, rec, fieldErr("note", "The note is longer than 4,000 characters")
	}
	return in, prog, req, rec, nil
}

func participantRow(ctx context.Context, q *store.Queries, programID, id int64) (store.ListParticipantRowsRow, error) {
	p, err := q.GetParticipant(ctx, id)
	if err != nil || p.ProgramID != programID {
		return store.ListParticipantRowsRow{}, db.ErrNotFound
	}
	pe, err := q.GetPerson(ctx, p.PersonID)
	if err != nil {
		return store.ListParticipantRowsRow{}, err
	}
	return store.ListParticipantRowsRow{ID: p.ID, ProgramID: p.ProgramID, PersonID: p.PersonID, IsMentor: p.IsMentor, IsMentee: p.IsMentee,
		IsPeer: p.IsPeer, Capacity: p.Capacity, Status: p.Status, EnrolledAt: p.EnrolledAt, Name: pe.Name, Email: pe.Email,
		Department: pe.Department, Title: pe.Title, Location: pe.Location, TimeZone: pe.TimeZone, ManagerEmail: pe.ManagerEmail, EmployeeID: pe.EmployeeID}, nil
}

func (s *Requests) parties(ctx context.Context, q *store.Queries, r store.Request) (store.Program, store.ListParticipantRowsRow, store.ListParticipantRowsRow, error) {
	prog, err := q.GetProgram(ctx, r.ProgramID)
	if err != nil {
		return prog, store.ListParticipantRowsRow{}, store.ListParticipantRowsRow{}, err
	}
	req, err := participantRow(ctx, q, r.ProgramID, r.RequesterID)
	if err != nil {
		return prog, req, store.ListParticipantRowsRow{}, err
	}
	rec, err := participantRow(ctx, q, r.ProgramID, r.RecipientID)
	return prog, req, rec, err
}

func (s *Requests) event(ctx context.Context, q *store.Queries, st Settings, id int64, from, to, action, note string) error {
	return q.AddRequestEvent(ctx, store.AddRequestEventParams{RequestID: id, FromStatus: from, ToStatus: to, Action: action,
		Actor: orDefault(st.AdminName, "the admin"), Note: note, Now: stamp(s.now())})
}

// queue renders a request email of kind for one of the two parties and queues it.
func (s *Requests) queue(ctx context.Context, q *store.Queries, st Settings, prog store.Program, r store.Request,
	req, rec, to store.ListParticipantRowsRow, kind, reason string) (int64, error) {
	v := s.vars(ctx, q, st, prog, r, req, rec, to)
	v.Reason = reason
	subj, text, html, err := s.tmpl.render(ctx, q, kind, v)
	if err != nil {
		return 0, fmt.Errorf("%s email: %w", kind, err)
	}
	id, err := q.QueueRequestMessage(ctx, store.QueueRequestMessageParams{Kind: kind, ToName: to.Name, ToEmail: to.Email, Subject: subj,
		TextBody: text, HtmlBody: html, RequestID: nullID(r.ID), RelationshipID: nullID(r.RelationshipID.Int64), ProgramID: nullID(prog.ID),
		Now: stamp(s.now())})
	if err != nil {
		return 0, fmt.Errorf("queue %s: %w", kind, err)
	}
	return id, nil
}

func (s *Requests) vars(ctx context.Context, q *store.Queries, st Settings, prog store.Program, r store.Request, req, rec, to store.ListParticipantRowsRow) MessageVars {
	vp := func(p store.ListParticipantRowsRow) VarPerson {
		return VarPerson{Name: p.Name, FirstName: firstName(p.Name), Email: p.Email, Title: p.Title, Department: p.Department}
	}
	v := MessageVars{Organisation: st.OrganisationName, Admin: VarPerson{Name: st.AdminName, FirstName: firstName(st.AdminName), Email: st.AdminEmail},
		Program: VarProgram{Name: prog.Name}, Recipient: vp(to)}
	other := rec
	if to.ID == rec.ID {
		other = req
	}
	v.Others, v.OthersNames = []VarPerson{vp(other)}, other.Name
	v.Request = VarRequest{Kind: r.Kind, Requester: vp(req), RecipientP: vp(rec), Note: r.Note, Message: r.AnswerMessage,
		Sessions: int(r.Sessions), Commitment: commitmentWords(r.Commitment, r.Topic, int(r.Sessions))}
	switch r.Status {
	case request.Approved:
		v.Request.Answer = fmt.Sprintf("approved all %d requested sessions", r.Sessions)
		if r.Sessions == 1 {
			v.Request.Answer = "approved the session"
		}
	case request.IntroApproved:
		v.Request.Answer = "approved an introductory session to start"
	case request.Declined:
		v.Request.Answer = "declined"
	}
	if r.ExpiresAt.Valid {
		if t, err := time.Parse(time.RFC3339, r.ExpiresAt.String); err == nil {
			zone := to.TimeZone
			if zone == "" {
				zone = st.DefaultTimeZone
			}
			loc, err := time.LoadLocation(zone)
			if err != nil {
				loc = time.UTC
			}
			v.Request.Expires = t.In(loc).Format("Monday 2 January 2006")
		}
	}
	v.Request.Highlights = profileHighlights(ctx, q, req)
	if r.Status == request.Declined || r.Status == request.Expired {
		if c, err := s.Candidates(prog.ID, req.ID, r.Kind); err == nil {
			var names []string
			for _, x := range c {
				if x.Participant.ID != rec.ID && len(names) < 3 {
					names = append(names, x.Participant.Name)
				}
			}
			v.Request.NextBest = joinNames(names)
		}
	}
	return v
}

// profileHighlights is a participant's profile in a few lines: role, department, place, and
// their answers to the choice questions.
func profileHighlights(ctx context.Context, q *store.Queries, p store.ListParticipantRowsRow) string {
	var lines []string
	head := strings.Join(nonEmpty(p.Title, p.Department, p.Location), ", ")
	if head != "" {
		lines = append(lines, head)
	}
	qs, _ := q.ListQuestions(ctx, p.ProgramID)
	answers, _ := q.ListParticipantAnswers(ctx, p.ID)
	byQ := map[int64]string{}
	for _, a := range answers {
		byQ[a.QuestionID] = a.Value
	}
	for _, qq := range qs {
		raw, ok := byQ[qq.ID]
		if !ok || qq.PersonField != "" || (qq.Kind != questionnaire.Multi && qq.Kind != questionnaire.Single) {
			continue
		}
		v := questionnaire.Decode(raw)
		val := v.Text
		if len(v.Choices) > 0 {
			val = strings.Join(v.Choices, ", ")
		}
		if val != "" && len(lines) < 6 {
			lines = append(lines, qq.Prompt+": "+val)
		}
	}
	return strings.Join(lines, "\n")
}

func commitmentWords(c, topic string, n int) string {
	switch c {
	case "intro":
		return "an introduction session (a one-off networking conversation)"
	case "topic":
		return fmt.Sprintf("help with %s over %d sessions", topic, n)
	default:
		return "long-term mentorship"
	}
}

func (s *Requests) members(ctx context.Context, programID int64) (map[int64]Member, error) {
	rows, err := s.db.Q.ListParticipantRows(ctx, programID)
	if err != nil {
		return nil, fmt.Errorf("requests: %w", err)
	}
	out := map[int64]Member{}
	for _, r := range rows {
		out[r.ID] = Member{ParticipantID: r.ID, PersonID: r.PersonID, Name: r.Name, Email: r.Email, TimeZone: r.TimeZone, Title: r.Title,
			Department: r.Department}
	}
	return out, nil
}

func (s *Requests) dto(r store.Request, people map[int64]Member) Request {
	d := Request{ID: r.ID, ProgramID: r.ProgramID, Kind: r.Kind, Requester: people[r.RequesterID], Recipient: people[r.RecipientID],
		Commitment: r.Commitment, Topic: r.Topic, Sessions: int(r.Sessions), Note: r.Note, Status: r.Status, InReview: !r.SentAt.Valid,
		SentAt: r.SentAt.String, ExpiresAt: r.ExpiresAt.String, DeclineReason: r.DeclineReason, AnswerMessage: r.AnswerMessage,
		RelationshipID: r.RelationshipID.Int64, DecidedAt: r.DecidedAt.String, CreatedAt: r.CreatedAt}
	d.Requester.Role, d.Recipient.Role = "requester", "recipient"
	if r.Status == request.Pending && r.SentAt.Valid {
		if t, err := time.Parse(time.RFC3339, r.SentAt.String); err == nil {
			d.Overdue = request.Overdue(t, s.now())
		}
	}
	return d
}
