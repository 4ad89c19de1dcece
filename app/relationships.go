package app

import (
	"context"
	"fmt"
	"strings"

	"tandem/app/notify"
	"tandem/app/status"
	"tandem/app/validate"
	"tandem/db"
	"tandem/db/store"
)

// Member is one person in a relationship.
type Member struct {
	ParticipantID int64  `json:"participantId"`
	PersonID      int64  `json:"personId"`
	Name          string `json:"name"`
	Email         string `json:"email"`
	Role          string `json:"role"`
	TimeZone      string `json:"timeZone"`
	Title         string `json:"title"`
	Department    string `json:"department"`
}

// Relationship is a pairing or a group, with its members and a summary of its sessions.
type Relationship struct {
	ID              int64               `json:"id"`
	ProgramID       int64               `json:"programId"`
	Kind            string              `json:"kind"`
	Origin          string              `json:"origin"`
	Commitment      string              `json:"commitment"`
	Topic           string              `json:"topic"`
	PlannedSessions int                 `json:"plannedSessions"`
	StartsOn        string              `json:"startsOn"`
	EndsOn          string              `json:"endsOn"`
	Status          status.Relationship `json:"status"`
	ClosedAt        string              `json:"closedAt"`
	ClosedBy        string              `json:"closedBy"`
	CloseReason     string              `json:"closeReason"`
	Members         []Member            `json:"members"`
	Title           string              `json:"title"`
	SessionsHeld    int                 `json:"sessionsHeld"`
	SessionsAhead   int                 `json:"sessionsAhead"`
	NextSession     string              `json:"nextSession"`
	CreatedAt       string              `json:"createdAt"`
}

// MemberInput names a participant and their role in a new relationship.
type MemberInput struct {
	ParticipantID int64  `json:"participantId"`
	Role          string `json:"role"`
}

// RelationshipInput is what the "new relationship" form sends.
type RelationshipInput struct {
	ProgramID       int64         `json:"programId"`
	Kind            string        `json:"kind"`
	Commitment      string        `json:"commitment"`
	Topic           string        `json:"topic"`
	PlannedSessions int           `json:"plannedSessions"`
	StartsOn        string        `json:"startsOn"`
	EndsOn          string        `json:"endsOn"`
	Members         []MemberInput `json:"members"`
}

// CloseInput ends a relationship.
type CloseInput struct {
	Status   status.Relationship `json:"status"` // completed or cancelled
	Reason   string              `json:"reason"`
	ThankYou bool                `json:"thankYou"` // queue a closing email to every member
	Message  string              `json:"message"`  // added to the closing email
}

// Relationships creates, pauses and closes pairings and groups.
type Relationships struct {
	ctx      context.Context // the app's lifetime: every query runs under it
	db       *db.DB
	now      Clock
	settings *Settings
	outbox   *Outbox
}

// NewRelationships returns the relationships service.
func NewRelationships(ctx context.Context, d *db.DB, now Clock, settings *Settings, outbox *Outbox) *Relationships {
	return &Relationships{ctx: ctx, db: d, now: now, settings: settings, outbox: outbox}
}

// List returns a program's relationships, open ones first.
func (s *Relationships) List(programID int64) ([]Relationship, error) {
	ctx := s.ctx
	rows, err := s.db.Q.ListRelationships(ctx, programID)
	if err != nil {
		return nil, fmt.Errorf("list relationships: %w", err)
	}
	members, err := s.db.Q.ListProgramRelationshipMembers(ctx, programID)
	if err != nil {
		return nil, fmt.Errorf("list relationships: %w", err)
	}
	sessions, err := s.db.Q.ListProgramSessions(ctx, programID)
	if err != nil {
		return nil, fmt.Errorf("list relationships: %w", err)
	}
	byRel := map[int64][]Member{}
	for _, m := range members {
		byRel[m.RelationshipID] = append(byRel[m.RelationshipID], memberDTO(store.ListRelationshipMembersRow(m)))
	}
	now := stamp(s.now())
	out := make([]Relationship, 0, len(rows))
	idx := map[int64]int{}
	for _, r := range rows {
		idx[r.ID] = len(out)
		out = append(out, relationshipDTO(r, byRel[r.ID]))
	}
	for _, se := range sessions {
		i, ok := idx[se.RelationshipID]
		if !ok {
			continue
		}
		switch {
		case se.Status == status.SessionHeld:
			out[i].SessionsHeld++
		case se.Status == status.SessionScheduled && se.StartsAt >= now:
			out[i].SessionsAhead++
			if out[i].NextSession == "" {
				out[i].NextSession = se.StartsAt
			}
		}
	}
	return out, nil
}

// Get returns one relationship.
func (s *Relationships) Get(id int64) (Relationship, error) {
	r, err := s.db.Q.GetRelationship(s.ctx, id)
	if err != nil {
		return Relationship{}, notFound(err, "relationship")
	}
	all, err := s.List(r.ProgramID)
	if err != nil {
		return Relationship{}, err
	}
	for _, x := range all {
		if x.ID == id {
			return x, nil
		}
	}
	return Relationship{}, &Error{Message: "This relationship no longer exists"}
}

// Create makes a relationship by hand (later also from requests and pairing runs).
func (s *Relationships) Create(in RelationshipInput) (Relationship, error) {
	var id int64
	err := s.db.InTx(s.ctx, func(q *store.Queries) error {
		var err error
		id, err = createRelationship(s.ctx, q, in, "admin", stamp(s.now()))
		return err
	})
	if err != nil {
		return Relationship{}, err
	}
	return s.Get(id)
}

var commitments = map[string]bool{"intro": true, "topic": true, "long_term": true}

// createRelationship checks and writes a relationship inside the caller's transaction.
func createRelationship(ctx context.Context, q *store.Queries, in RelationshipInput, origin, now string) (int64, error) {
	prog, err := q.GetProgram(ctx, in.ProgramID)
	if err != nil {
		return 0, notFound(err, "program")
	}
	if in.Commitment == "" {
		in.Commitment = "long_term"
	}
	if !commitments[in.Commitment] {
		return 0, fieldErr("commitment", "Choose a commitment: an introduction, help on a topic, or long-term")
	}
	in.Topic = strings.TrimSpace(in.Topic)
	if in.Commitment == "topic" && in.Topic == "" {
		return 0, fieldErr("topic", "Name the topic the sessions are about")
	}
	if err := validate.Text(in.Topic, 200); err != nil {
		return 0, fieldErr("topic", "The topic %v", err)
	}
	if in.PlannedSessions == 0 {
		in.PlannedSessions = map[string]int{"intro": 1, "topic": 3, "long_term": 6}[in.Commitment]
	}
	if in.PlannedSessions < 1 || in.PlannedSessions > 100 {
		return 0, fieldErr("plannedSessions", "Plan from 1 to 100 sessions")
	}
	for _, d := range []struct{ f, v string }{{"startsOn", in.StartsOn}, {"endsOn", in.EndsOn}} {
		if err := validate.Date(d.v); err != nil {
			return 0, fieldErr(d.f, "%v", err)
		}
	}
	if in.StartsOn != "" && in.EndsOn != "" && in.EndsOn < in.StartsOn {
		return 0, fieldErr("endsOn", "The relationship ends before it starts")
	}
	if err := checkMembers(ctx, q, prog, &in); err != nil {
		return 0, err
	}
	r, err := q.CreateRelationship(ctx, store.CreateRelationshipParams{ProgramID: in.ProgramID, Kind: in.Kind, Origin: origin,
		Commitment: in.Commitment, Topic: in.Topic, PlannedSessions: int64(in.PlannedSessions), StartsOn: in.StartsOn,
		EndsOn: in.EndsOn, Now: now})
	if err != nil {
		return 0, fmt.Errorf("create relationship: %w", err)
	}
	for _, m := range in.Members {
		if err := q.AddRelationshipMember(ctx, store.AddRelationshipMemberParams{RelationshipID: r.ID, ParticipantID: m.ParticipantID, Role: m.Role}); err != nil {
			return 0, fmt.Errorf("add member: %w", err)
		}
	}
	return r.ID, nil
}

// checkMembers applies the membership rules: the kind fits the roles and the program, members
// are active participants of the program, a mentor has room, and no open relationship
// already joins the same two people.
func checkMembers(ctx context.Context, q *store.Queries, prog store.Program, in *RelationshipInput) error {
	if in.Kind == "" {
		in.Kind = "mentorship"
	}
	switch in.Kind {
	case "mentorship", "peer":
		if len(in.Members) != 2 {
			return fieldErr("members", "A pairing has two people")
		}
	case "group":
		if lo := max(MinGroupSize, int(prog.GroupMin)); len(in.Members) < lo {
			return fieldErr("members", "Groups in %s have at least %d people", prog.Name, lo)
		}
		if prog.GroupMax > 0 && len(in.Members) > int(prog.GroupMax) {
			return fieldErr("members", "Groups in %s have at most %d people", prog.Name, prog.GroupMax)
		}
	default:
		return fieldErr("kind", "Choose mentorship, peer or group")
	}
	if in.Kind == "peer" && !prog.PeerMentoring {
		return fieldErr("kind", "Peer mentoring is off in %s", prog.Name)
	}
	seen := map[int64]bool{}
	mentors, mentees := 0, 0
	for i := range in.Members {
		m := &in.Members[i]
		if seen[m.ParticipantID] {
			return fieldErr("members", "The same person is chosen twice")
		}
		seen[m.ParticipantID] = true
		p, err := q.GetParticipant(ctx, m.ParticipantID)
		if err != nil || p.ProgramID != prog.ID {
			return fieldErr("members", "Choose participants of %s", prog.Name)
		}
		pe, err := q.GetPerson(ctx, p.PersonID)
		if err != nil {
			return fmt.Errorf("check members: %w", err)
		}
		if p.Status != status.ParticipantActive {
			return fieldErr("members", "%s is %s in this program: make them active first", pe.Name, p.Status)
		}
		switch in.Kind {
		case "peer":
			m.Role = "peer"
			if !p.IsPeer {
				return fieldErr("members", "%s is not registered as a peer", pe.Name)
			}
		case "group":
			if m.Role == "" {
				m.Role = "member"
			}
		case "mentorship":
			switch m.Role {
			case "mentor":
				mentors++
				if !p.IsMentor {
					return fieldErr("members", "%s is not a mentor in this program", pe.Name)
				}
				load, err := q.CountMentorLoad(ctx, p.ID)
				if err != nil {
					return fmt.Errorf("check capacity: %w", err)
				}
				if load >= p.Capacity {
					return fieldErr("members", "%s already mentors %d (their capacity is %d)", pe.Name, load, p.Capacity)
				}
			case "mentee":
				mentees++
				if !p.IsMentee {
					return fieldErr("members", "%s is not a mentee in this program", pe.Name)
				}
			default:
				return fieldErr("members", "Choose who is the mentor and who is the mentee")
			}
		}
	}
	if in.Kind == "mentorship" && (mentors != 1 || mentees != 1) {
		return fieldErr("members", "A mentorship has one mentor and one mentee")
	}
	if in.Kind != "group" {
		n, err := q.CountActivePairRelationships(ctx, store.CountActivePairRelationshipsParams{A: in.Members[0].ParticipantID, B: in.Members[1].ParticipantID})
		if err != nil {
			return fmt.Errorf("check members: %w", err)
		}
		if n > 0 {
			return fieldErr("members", "These two already have an open relationship in this program")
		}
	}
	return nil
}

// Pause puts an active relationship on hold.
func (s *Relationships) Pause(id int64) (Relationship, error) {
	return s.setStatus(id, status.RelationshipActive, status.RelationshipOnHold)
}

// Resume makes a relationship on hold active again.
func (s *Relationships) Resume(id int64) (Relationship, error) {
	return s.setStatus(id, status.RelationshipOnHold, status.RelationshipActive)
}

func (s *Relationships) setStatus(id int64, from, to status.Relationship) (Relationship, error) {
	err := s.db.InTx(s.ctx, func(q *store.Queries) error {
		r, err := q.GetRelationship(s.ctx, id)
		if err != nil {
			return notFound(err, "relationship")
		}
		if r.Status != from {
			return &Error{Message: fmt.Sprintf("This relationship is %s, not %s", words(r.Status), words(from))}
		}
		_, err = q.SetRelationshipStatus(s.ctx, store.SetRelationshipStatusParams{ID: id, Status: to, Now: stamp(s.now())})
		return err
	})
	if err != nil {
		return Relationship{}, err
	}
	return s.Get(id)
}

// Close ends a relationship as completed or cancelled, with who and why; optionally a thank-you
// email to every member is queued in the same transaction. Its upcoming sessions are cancelled
// and their cancellations queued.
func (s *Relationships) Close(id int64, in CloseInput) (Relationship, error) {
	if !in.Status.Closed() {
		return Relationship{}, fieldErr("status", "Close as completed or as cancelled")
	}
	in.Reason = strings.TrimSpace(in.Reason)
	if in.Reason == "" {
		return Relationship{}, fieldErr("reason", "Say why it closes: it stays in the relationship's history")
	}
	if len([]rune(in.Reason)) > 1000 || len([]rune(in.Message)) > 4000 {
		return Relationship{}, fieldErr("reason", "The reason or message is too long")
	}
	st, err := s.settings.Get()
	if err != nil {
		return Relationship{}, err
	}
	if in.ThankYou && st.AdminEmail == "" {
		return Relationship{}, fieldErr("thankYou", "Set your sending address in Settings to send a thank-you email")
	}
	ctx := s.ctx
	var queued []int64
	err = s.db.InTx(ctx, func(q *store.Queries) error {
		r, err := q.GetRelationship(ctx, id)
		if err != nil {
			return notFound(err, "relationship")
		}
		if r.Status.Closed() {
			return &Error{Message: "This relationship is already closed"}
		}
		by := st.AdminName
		if by == "" {
			by = "the admin"
		}
		if _, err := q.CloseRelationship(ctx, store.CloseRelationshipParams{ID: id, Status: in.Status, ClosedBy: by,
			CloseReason: in.Reason, Now: stamp(s.now())}); err != nil {
			return fmt.Errorf("close relationship: %w", err)
		}
		sessions, err := q.ListRelationshipSessions(ctx, id)
		if err != nil {
			return err
		}
		for _, se := range sessions {
			if se.Status == status.SessionScheduled && se.StartsAt >= stamp(s.now()) {
				ids, err := cancelSession(ctx, q, st, se.ID, "The relationship has closed.", s.now())
				if err != nil {
					return err
				}
				queued = append(queued, ids...)
			}
		}
		if !in.ThankYou {
			return nil
		}
		prog, err := q.GetProgram(ctx, r.ProgramID)
		if err != nil {
			return err
		}
		ids, err := notify.QueueClosing(ctx, q, sender(st), prog, id, in.Message, s.now())
		queued = append(queued, ids...)
		return mailErr(err)
	})
	if err != nil {
		return Relationship{}, err
	}
	s.outbox.autoSend(queued)
	return s.Get(id)
}

func memberDTO(m store.ListRelationshipMembersRow) Member {
	return Member{ParticipantID: m.ParticipantID, PersonID: m.PersonID, Name: m.Name, Email: m.Email, Role: m.Role,
		TimeZone: m.TimeZone, Title: m.Title, Department: m.Department}
}

func relationshipDTO(r store.Relationship, members []Member) Relationship {
	if members == nil {
		members = []Member{}
	}
	names := make([]string, 0, len(members))
	for _, m := range members {
		names = append(names, m.Name)
	}
	return Relationship{ID: r.ID, ProgramID: r.ProgramID, Kind: r.Kind, Origin: r.Origin, Commitment: r.Commitment, Topic: r.Topic,
		PlannedSessions: int(r.PlannedSessions), StartsOn: r.StartsOn, EndsOn: r.EndsOn, Status: r.Status, ClosedAt: r.ClosedAt.String,
		ClosedBy: r.ClosedBy, CloseReason: r.CloseReason, Members: members, Title: notify.JoinNames(names), CreatedAt: r.CreatedAt}
}
