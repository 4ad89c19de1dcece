package app

import (
	"context"
	"fmt"
	"strings"
	"time"

	"tandem/app/request"
	"tandem/app/status"
	"tandem/db"
	"tandem/db/store"
)

// Request is a peer or mentor request as the UI sees it.
type Request struct {
	ID             int64          `json:"id"`
	ProgramID      int64          `json:"programId"`
	Kind           string         `json:"kind"`
	Requester      Member         `json:"requester"`
	Recipient      Member         `json:"recipient"`
	Commitment     string         `json:"commitment"`
	Topic          string         `json:"topic"`
	Sessions       int            `json:"sessions"`
	Note           string         `json:"note"`
	Status         status.Request `json:"status"`
	InReview       bool           `json:"inReview"` // waiting for the admin before its summary is emailed
	SentAt         string         `json:"sentAt"`
	ExpiresAt      string         `json:"expiresAt"`
	Overdue        bool           `json:"overdue"`
	DeclineReason  string         `json:"declineReason"`
	AnswerMessage  string         `json:"answerMessage"`
	RelationshipID int64          `json:"relationshipId"`
	DecidedAt      string         `json:"decidedAt"`
	CreatedAt      string         `json:"createdAt"`
}

// RequestEvent is one step of a request's history.
type RequestEvent struct {
	From   status.Request `json:"from"`
	To     status.Request `json:"to"`
	Action string         `json:"action"`
	Actor  string         `json:"actor"`
	Note   string         `json:"note"`
	At     string         `json:"at"`
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
	ctx      context.Context // the app's lifetime: every query runs under it
	db       *db.DB
	now      Clock
	settings *Settings
	outbox   *Outbox
}

// NewRequests returns the requests service.
func NewRequests(ctx context.Context, d *db.DB, now Clock, settings *Settings, outbox *Outbox) *Requests {
	return &Requests{ctx: ctx, db: d, now: now, settings: settings, outbox: outbox}
}

// List returns a program's requests, pending ones first and the ones waiting longest first.
// status, kind filter them; overdue keeps pending requests waiting more than a week.
func (s *Requests) List(programID int64, st, kind string, overdue bool) ([]Request, error) {
	ctx := s.ctx
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
		if (st != "" && string(d.Status) != st) || (kind != "" && d.Kind != kind) || (overdue && !d.Overdue) {
			continue
		}
		out = append(out, d)
	}
	return out, nil
}

// Get returns one request.
func (s *Requests) Get(id int64) (Request, error) {
	r, err := s.db.Q.GetRequest(s.ctx, id)
	if err != nil {
		return Request{}, notFound(err, "request")
	}
	people, err := s.members(s.ctx, r.ProgramID)
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
	evs, err := s.db.Q.ListRequestEvents(s.ctx, id)
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
