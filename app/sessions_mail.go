package app

import (
	"context"
	"fmt"
	"tandem/app/invite"
	"tandem/db/store"
	"time"
)

// queueSessionMail queues the message of a kind ("invite", "update", "cancellation") about a
// session for each attendee, with the calendar attached, inside the caller's transaction.
func queueSessionMail(ctx context.Context, q *store.Queries, tmpl *Templates, st AppSettings, se store.Session, kind, reason string, now time.Time) ([]int64, error) {
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
	ev := eventOf(se, st, atts, now)
	cal, err := invite.Build(method, ev)
	if err != nil {
		return nil, &Error{Message: "The invitation could not be written: " + err.Error()}
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
		v := varsFor(st, prog, members, a.PersonID)
		if v.Recipient.Email == "" {
			v.Recipient = VarPerson{Name: a.Name, FirstName: firstName(a.Name), Email: a.Email}
		}
		v.Reason = reason
		v.Session = sessionVars(se, a.TimeZone, st.DefaultTimeZone)
		subj, text, html, err := tmpl.render(ctx, q, k, v)
		if err != nil {
			return nil, fmt.Errorf("%s email: %w", k, err)
		}
		m, err := q.QueueMessage(ctx, store.QueueMessageParams{Kind: k, ToName: a.Name, ToEmail: a.Email, Subject: subj, TextBody: text,
			HtmlBody: html, Calendar: string(cal), Method: string(method), SessionID: nullID(se.ID), RelationshipID: nullID(rel.ID),
			ProgramID: nullID(prog.ID), Now: stamp(now)})
		if err != nil {
			return nil, fmt.Errorf("queue %s: %w", k, err)
		}
		ids = append(ids, m.ID)
	}
	return ids, nil
}

func eventOf(se store.Session, st AppSettings, atts []store.ListSessionAttendeesRow, now time.Time) invite.Event {
	start, _ := time.Parse(time.RFC3339, se.StartsAt)
	created, _ := time.Parse(time.RFC3339, se.CreatedAt)
	ev := invite.Event{UID: se.Uid, Sequence: int(se.Sequence), Start: start, Duration: time.Duration(se.DurationMinutes) * time.Minute,
		Summary: se.Title, Description: se.Agenda, Location: se.Location, URL: se.VideoUrl, Stamp: now, Created: created,
		Organizer: invite.Attendee{Name: invite.SanitizeName(orgName(st)), Email: st.AdminEmail}}
	if se.Status == "cancelled" {
		ev.Status = "CANCELLED"
	}
	for _, a := range atts {
		ev.Attendees = append(ev.Attendees, invite.Attendee{Name: invite.SanitizeName(a.Name), Email: a.Email, PartStat: a.Partstat})
	}
	return ev
}

func orgName(st AppSettings) string {
	if st.AdminName != "" {
		return st.AdminName
	}
	if st.OrganisationName != "" {
		return st.OrganisationName
	}
	return "Tandem"
}

// sessionVars shows a session in the reader's zone (their own, else the session's).
func sessionVars(se store.Session, zone, fallback string) VarSession {
	if zone == "" {
		zone = se.TimeZone
	}
	if zone == "" {
		zone = fallback
	}
	start, _ := time.Parse(time.RFC3339, se.StartsAt)
	return VarSession{Title: se.Title, When: formatWhen(start, zone), Duration: fmt.Sprintf("%d minutes", se.DurationMinutes),
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
