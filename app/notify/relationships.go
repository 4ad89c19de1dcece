package notify

import (
	"context"
	"strings"
	"time"

	"tandem/db/store"
)

// MemberVars fills the template variables for one member (personID) of a relationship.
func MemberVars(from Sender, prog store.Program, members []store.ListRelationshipMembersRow, personID int64) Vars {
	v := Vars{Organisation: from.Organisation, Admin: from.admin(), Program: Program{Name: prog.Name}}
	var others []string
	for _, m := range members {
		p := Person{Name: m.Name, FirstName: FirstName(m.Name), Email: m.Email, Title: m.Title, Department: m.Department}
		if m.PersonID == personID {
			v.Recipient = p
			continue
		}
		v.Others = append(v.Others, p)
		others = append(others, m.Name)
	}
	v.OthersNames = JoinNames(others)
	return v
}

// QueueClosing queues the thank-you email to every member of a relationship that closed, with
// the admin's message, inside the caller's transaction.
func QueueClosing(ctx context.Context, q *store.Queries, from Sender, prog store.Program, relID int64, message string, now time.Time) ([]int64, error) {
	members, err := q.ListRelationshipMembers(ctx, relID)
	if err != nil {
		return nil, err
	}
	var ids []int64
	for _, m := range members {
		v := MemberVars(from, prog, members, m.PersonID)
		v.Reason = strings.TrimSpace(message)
		id, err := Queue(ctx, q, "closing", v, Message{ToName: m.Name, ToEmail: m.Email, RelationshipID: relID, ProgramID: prog.ID}, now)
		if err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// QueueIntroduction queues the introduction email to each member of a new relationship: who the
// others are, their profile highlights, and why they were paired (score, reasons). profile finds
// a member's participant row among the people the pairing run read.
func QueueIntroduction(ctx context.Context, q *store.Queries, from Sender, prog store.Program, relID int64,
	profile func(participantID int64) (store.ListParticipantRowsRow, bool), score int, reasons []string, now time.Time) ([]int64, error) {
	members, err := q.ListRelationshipMembers(ctx, relID)
	if err != nil {
		return nil, err
	}
	var ids []int64
	for _, m := range members {
		v := MemberVars(from, prog, members, m.PersonID)
		var highlights []string
		for _, o := range members {
			if o.PersonID == m.PersonID {
				continue
			}
			if row, ok := profile(o.ParticipantID); ok {
				h, err := profileHighlights(ctx, q, row)
				if err != nil {
					return nil, err
				}
				highlights = append(highlights, o.Name+" ("+o.Role+")\n"+h)
			}
		}
		v.Match = Match{Score: score, Highlights: strings.Join(highlights, "\n\n"), Reasons: strings.Join(reasons, "\n")}
		id, err := Queue(ctx, q, "introduction", v, Message{ToName: m.Name, ToEmail: m.Email, RelationshipID: relID, ProgramID: prog.ID}, now)
		if err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}
