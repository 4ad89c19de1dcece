package app

import (
	"context"
	"fmt"

	"tandem/app/notify"
	"tandem/app/request"
	"tandem/app/status"
	"tandem/db/store"
)

// Leaving is what happens besides when a participant leaves a program (withdrawn, or their person
// removed): shown to the admin first, then done in the same transaction as the withdrawal.
type Leaving struct {
	Name    string `json:"name"`
	Program string `json:"program"`
	// Closes are the relationships that close, cancelled with the reason "<name> left the program".
	Closes []string `json:"closes"`
	// Stays are the groups of three or more that go on without them; they stay listed as members.
	Stays []string `json:"stays"`
	// Sessions is how many upcoming sessions of the closing relationships are cancelled, each
	// with a cancellation queued to its attendees.
	Sessions int `json:"sessions"`
	// Requests is how many pending requests they made or received end: theirs withdrawn, those
	// they received declined; the other side is told when the request had reached them.
	Requests int `json:"requests"`
}

// Empty says whether leaving changes nothing else.
func (l Leaving) Empty() bool {
	return len(l.Closes) == 0 && len(l.Stays) == 0 && l.Sessions == 0 && l.Requests == 0
}

// leaver does what a participant's leaving does; Participants and People share it.
type leaver struct {
	now      Clock
	settings *Settings
	requests *Requests
	outbox   *Outbox
}

// leave says (do false) or does (do true) what participant id's leaving does, through the
// caller's transaction; it returns the messages it queued.
func (l *leaver) leave(ctx context.Context, q *store.Queries, st AppSettings, id int64, do bool) (Leaving, []int64, error) {
	pa, err := q.GetParticipant(ctx, id)
	if err != nil {
		return Leaving{}, nil, notFound(err, "participant")
	}
	pe, err := q.GetPerson(ctx, pa.PersonID)
	if err != nil {
		return Leaving{}, nil, fmt.Errorf("leaving: %w", err)
	}
	prog, err := q.GetProgram(ctx, pa.ProgramID)
	if err != nil {
		return Leaving{}, nil, fmt.Errorf("leaving: %w", err)
	}
	out := Leaving{Name: pe.Name, Program: prog.Name, Closes: []string{}, Stays: []string{}}
	why := pe.Name + " left the program"
	now := stamp(l.now())
	var queued []int64
	rels, err := q.ListOpenRelationshipsOf(ctx, id)
	if err != nil {
		return out, nil, fmt.Errorf("leaving: %w", err)
	}
	for _, r := range rels {
		members, err := q.ListRelationshipMembers(ctx, r.ID)
		if err != nil {
			return out, nil, fmt.Errorf("leaving: %w", err)
		}
		names := make([]string, 0, len(members))
		for _, m := range members {
			names = append(names, m.Name)
		}
		title := notify.JoinNames(names)
		if r.Members > 2 {
			out.Stays = append(out.Stays, title)
			continue
		}
		out.Closes = append(out.Closes, title)
		sessions, err := q.ListRelationshipSessions(ctx, r.ID)
		if err != nil {
			return out, nil, fmt.Errorf("leaving: %w", err)
		}
		if do {
			if _, err := q.CloseRelationship(ctx, store.CloseRelationshipParams{ID: r.ID, Status: status.RelationshipCancelled,
				ClosedBy: orDefault(st.AdminName, "the admin"), CloseReason: why, Now: now}); err != nil {
				return out, nil, fmt.Errorf("leaving: close relationship: %w", err)
			}
		}
		for _, se := range sessions {
			if se.Status != status.SessionScheduled || se.StartsAt < now {
				continue
			}
			out.Sessions++
			if do {
				ids, err := cancelSession(ctx, q, st, se.ID, why+".", l.now())
				if err != nil {
					return out, nil, err
				}
				queued = append(queued, ids...)
			}
		}
	}
	reqs, err := q.ListPendingRequestsOf(ctx, id)
	if err != nil {
		return out, nil, fmt.Errorf("leaving: %w", err)
	}
	out.Requests = len(reqs)
	if !do {
		return out, nil, nil
	}
	for _, r := range reqs {
		var ids []int64
		if r.RequesterID == id {
			ids, err = l.requests.close(ctx, q, st, r, request.Withdraw, why)
		} else {
			ids, err = l.requests.declineFor(ctx, q, st, r, why, "they have left the program")
		}
		if err != nil {
			return out, nil, err
		}
		queued = append(queued, ids...)
	}
	return out, queued, nil
}

// declineFor ends a pending request on the recipient's side when they cannot answer it any
// more (they left the program, they have no room left): declined with why in its timeline,
// and the requester told, with reason and their next best fits, when the request had reached
// the recipient.
func (s *Requests) declineFor(ctx context.Context, q *store.Queries, st AppSettings, r store.Request, why, reason string) ([]int64, error) {
	to, err := request.Next(r.Kind, r.Status, request.Decline)
	if err != nil {
		return nil, &Error{Message: upperFirst(err.Error())}
	}
	r2, err := q.SetRequestStatus(ctx, store.SetRequestStatusParams{ID: r.ID, Status: to, AnswerMessage: why, Now: stamp(s.now())})
	if err != nil {
		return nil, fmt.Errorf("decline request: %w", err)
	}
	if err := s.event(ctx, q, st, r.ID, r.Status, to, request.Decline, why); err != nil {
		return nil, err
	}
	if _, err := s.supersede(ctx, q, st, r2, to, "The request ended"); err != nil {
		return nil, err
	}
	if !r.SentAt.Valid {
		return nil, nil // it never left: nobody to tell
	}
	prog, req, rec, err := s.parties(ctx, q, r2)
	if err != nil {
		return nil, err
	}
	id, err := s.queue(ctx, q, st, prog, r2, req, rec, req, "request_declined", reason)
	if err != nil {
		return nil, err
	}
	return []int64{id}, nil
}
