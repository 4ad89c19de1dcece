package app

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"tandem/app/request"
	"tandem/app/status"
	"tandem/db"
	"tandem/db/store"
)

// Candidates lists who a participant may ask, best fit first: for a peer request, the active
// peers of a program with peer mentoring on; for a mentor request, active mentors with free
// capacity. People already asked (pending) or already in an open relationship with them are left out.
func (s *Requests) Candidates(programID, requesterID int64, kind string) ([]Candidate, error) {
	var out []Candidate
	err := s.db.View(s.ctx, func(q *store.Queries) error {
		var err error
		out, err = s.candidates(s.ctx, q, programID, requesterID, kind)
		return err
	})
	return out, err
}

// candidates ranks the candidates through q: the caller's transaction, so a request being
// answered and the people it suggests instead are read from one snapshot.
func (s *Requests) candidates(ctx context.Context, q *store.Queries, programID, requesterID int64, kind string) ([]Candidate, error) {
	// The same scorer and exclusions as the pairing engine, so the score and reasons match the
	// pairing draft's; the pool also knows the active participants and the mentors' loads.
	p, err := loadPool(ctx, q, programID, kind == request.Peer, s.now())
	if err != nil {
		return nil, err
	}
	prog := p.Program
	if _, ok := p.Index[requesterID]; !ok {
		return nil, fieldErr("requesterId", "Choose who is asking: an active participant of %s", prog.Name)
	}
	out := []Candidate{}
	for _, r := range p.Rows {
		if r.ID == requesterID {
			continue
		}
		if kind == request.Peer && (!prog.PeerMentoring || !r.IsPeer) {
			continue
		}
		if kind == request.Mentor && (!r.IsMentor || p.RoomLeft(r.ID) == 0) {
			continue
		}
		n, err := q.CountPendingBetween(ctx, store.CountPendingBetweenParams{A: requesterID, B: r.ID})
		if err != nil {
			return nil, fmt.Errorf("find candidates: %w", err)
		}
		if n > 0 {
			continue
		}
		_, score, reasons, broken := p.Score(requesterID, r.ID)
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

// check applies the rules of a new request and fills the defaults.
func (s *Requests) check(ctx context.Context, q *store.Queries, in RequestInput) (RequestInput, store.Program, store.ListParticipantRowsRow, store.ListParticipantRowsRow, error) {
	var zero store.ListParticipantRowsRow
	prog, err := q.GetProgram(ctx, in.ProgramID)
	if err != nil {
		return in, prog, zero, zero, notFound(err, "program")
	}
	if in.Kind != request.Peer && in.Kind != request.Mentor {
		return in, prog, zero, zero, fieldErr("kind", "Choose a peer request or a mentor request")
	}
	if in.RequesterID == in.RecipientID {
		return in, prog, zero, zero, fieldErr("recipientId", "Nobody can send a request to themselves")
	}
	req, err := participantRow(ctx, q, in.ProgramID, in.RequesterID)
	if err != nil && !db.IsNotFound(err) {
		return in, prog, zero, zero, err
	} else if err != nil {
		return in, prog, zero, zero, fieldErr("requesterId", "Choose who is asking: a participant of %s", prog.Name)
	}
	rec, err := participantRow(ctx, q, in.ProgramID, in.RecipientID)
	if err != nil && !db.IsNotFound(err) {
		return in, prog, zero, zero, err
	} else if err != nil {
		return in, prog, zero, zero, fieldErr("recipientId", "Choose who is asked: a participant of %s", prog.Name)
	}
	if req.Status != status.ParticipantActive {
		return in, prog, req, rec, fieldErr("requesterId", "%s is %s in this program, so cannot send requests", req.Name, req.Status)
	}
	if rec.Status != status.ParticipantActive {
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
	if prog.MaxOpenRequests > 0 {
		n, err := q.CountPendingRequestsBy(ctx, req.ID)
		if err != nil {
			return in, prog, req, rec, err
		}
		if n >= prog.MaxOpenRequests {
			return in, prog, req, rec, fieldErr("requesterId", "%s already has %d open %s, the most %s allows: wait for an answer or withdraw one first",
				req.Name, n, plural(int(n), "request", "requests"), prog.Name)
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
	if err != nil && !db.IsNotFound(err) {
		return store.ListParticipantRowsRow{}, fmt.Errorf("read participant: %w", err)
	}
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

func (s *Requests) event(ctx context.Context, q *store.Queries, st AppSettings, id int64, from, to status.Request, action, note string) error {
	return q.AddRequestEvent(ctx, store.AddRequestEventParams{RequestID: id, FromStatus: from, ToStatus: to, Action: action,
		Actor: orDefault(st.AdminName, "the admin"), Note: note, Now: stamp(s.now())})
}
