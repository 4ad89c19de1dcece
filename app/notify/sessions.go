package notify

import (
	"context"
	"fmt"
	"time"

	"tandem/app/invite"
	"tandem/app/status"
	"tandem/db/store"
)

// CalendarError is a session's calendar that could not be written, so no invite was queued.
type CalendarError struct{ Err error }

// Error says what went wrong writing the calendar.
func (e *CalendarError) Error() string { return "write calendar: " + e.Err.Error() }

// Unwrap returns the invite package's error.
func (e *CalendarError) Unwrap() error { return e.Err }

// QueueSession queues the message of a kind ("invite", "update", "cancellation") about a
// session for each attendee, with the calendar attached, inside the caller's transaction. An
// older message about the session still queued for them is cancelled; someone never sent
// anything about it gets an invitation instead of an update, and no cancellation.
func QueueSession(ctx context.Context, q *store.Queries, from Sender, se store.Session, kind, reason string, now time.Time) ([]int64, error) {
	rel, err := q.GetRelationship(ctx, se.RelationshipID)
	if err != nil {
		return nil, err
	}
	prog, err := q.GetProgram(ctx, rel.ProgramID)
	if err != nil {
		return nil, err
	}
	members, err := q.ListRelationshipMembers(ctx, rel.ID)
	if err != nil {
		return nil, err
	}
	atts, err := q.ListSessionAttendees(ctx, se.ID)
	if err != nil {
		return nil, err
	}
	method := invite.Request
	if kind == "cancellation" {
		method = invite.Cancel
	}
	ev := Event(se, from, atts, now)
	cal, err := invite.Build(method, ev)
	if err != nil {
		return nil, &CalendarError{Err: err}
	}
	var ids []int64
	for _, a := range atts {
		// Only the newest message about a session goes: an older one still queued is replaced.
		if _, err := q.CancelQueuedSessionMessages(ctx, store.CancelQueuedSessionMessagesParams{SessionID: nullID(se.ID), ToEmail: a.Email, Now: stamp(now)}); err != nil {
			return nil, err
		}
		sent, err := q.CountSentSessionMessages(ctx, store.CountSentSessionMessagesParams{SessionID: nullID(se.ID), ToEmail: a.Email})
		if err != nil {
			return nil, err
		}
		k := kind
		switch {
		case kind == "cancellation" && sent == 0:
			continue // nothing ever reached them: nothing to take back
		case kind == "update" && sent == 0:
			k = "invite" // their first message about it is an invitation
		}
		v := MemberVars(from, prog, members, a.PersonID)
		if v.Recipient.Email == "" {
			v.Recipient = Person{Name: a.Name, FirstName: FirstName(a.Name), Email: a.Email}
		}
		v.Reason = reason
		v.Session = sessionVars(se, a.TimeZone, from.DefaultTimeZone)
		m, err := Queue(ctx, q, k, v, Message{ToName: a.Name, ToEmail: a.Email, Calendar: string(cal), Method: string(method),
			SessionID: se.ID, RelationshipID: rel.ID, ProgramID: prog.ID}, now)
		if err != nil {
			return nil, err
		}
		ids = append(ids, m)
	}
	return ids, nil
}

// Event is a session as the calendar event its invites and exports carry, organised by the
// admin; atts are its attendees (none in an export).
func Event(se store.Session, from Sender, atts []store.ListSessionAttendeesRow, now time.Time) invite.Event {
	start, _ := time.Parse(time.RFC3339, se.StartsAt)
	created, _ := time.Parse(time.RFC3339, se.CreatedAt)
	ev := invite.Event{UID: se.Uid, Sequence: int(se.Sequence), Start: start, Duration: time.Duration(se.DurationMinutes) * time.Minute,
		Summary: se.Title, Description: se.Agenda, Location: se.Location, URL: se.VideoUrl, Stamp: now, Created: created,
		Organizer: invite.Attendee{Name: invite.SanitizeName(orgName(from)), Email: from.AdminEmail}}
	if se.Status == status.SessionCancelled {
		ev.Status = "CANCELLED"
	}
	for _, a := range atts {
		ev.Attendees = append(ev.Attendees, invite.Attendee{Name: invite.SanitizeName(a.Name), Email: a.Email, PartStat: a.Partstat})
	}
	return ev
}

func orgName(from Sender) string {
	if from.AdminName != "" {
		return from.AdminName
	}
	if from.Organisation != "" {
		return from.Organisation
	}
	return "Tandem"
}

// sessionVars shows a session in the reader's zone (their own, else the session's).
func sessionVars(se store.Session, zone, fallback string) Session {
	if zone == "" {
		zone = se.TimeZone
	}
	if zone == "" {
		zone = fallback
	}
	start, _ := time.Parse(time.RFC3339, se.StartsAt)
	return Session{Title: se.Title, When: formatWhen(start, zone), Duration: fmt.Sprintf("%d minutes", se.DurationMinutes),
		Location: se.Location, URL: se.VideoUrl, Agenda: se.Agenda, TimeZone: zone}
}

// formatWhen writes "Tuesday 1 December 2026, 10:00 (Europe/Lisbon)".
func formatWhen(t time.Time, zone string) string {
	loc, err := time.LoadLocation(zone)
	if err != nil || zone == "" {
		loc, zone = time.UTC, "UTC"
	}
	return t.In(loc).Format("Monday 2 January 2006, 15:04") + " (" + zone + ")"
}
