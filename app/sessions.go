package app

import (
	"context"
	"database/sql"
	"encoding/base64"
	"fmt"
	"strings"
	"time"

	"tandem/app/invite"
	"tandem/app/validate"
	"tandem/db"
	"tandem/db/store"
)

// Attendee is one person invited to a session, with the session's time in their zone.
type Attendee struct {
	PersonID     int64  `json:"personId"`
	Name         string `json:"name"`
	Email        string `json:"email"`
	TimeZone     string `json:"timeZone"`
	PartStat     string `json:"partStat"`
	RespondedAt  string `json:"respondedAt"`
	LocalTime    string `json:"localTime"`
	OutsideHours bool   `json:"outsideHours"`
}

// Session is one meeting of a relationship.
type Session struct {
	ID               int64      `json:"id"`
	RelationshipID   int64      `json:"relationshipId"`
	UID              string     `json:"uid"`
	Sequence         int        `json:"sequence"`
	Title            string     `json:"title"`
	StartsAt         string     `json:"startsAt"`   // RFC 3339, UTC
	LocalStart       string     `json:"localStart"` // "2006-01-02T15:04" in TimeZone, for the form
	TimeZone         string     `json:"timeZone"`
	DurationMinutes  int        `json:"durationMinutes"`
	Location         string     `json:"location"`
	VideoURL         string     `json:"videoUrl"`
	Agenda           string     `json:"agenda"`
	AgendaTemplateID int64      `json:"agendaTemplateId"`
	SeriesID         string     `json:"seriesId"`
	Status           string     `json:"status"`
	Notes            string     `json:"notes"`
	Rating           int        `json:"rating"`
	Attendees        []Attendee `json:"attendees"`
	Warnings         []string   `json:"warnings"`
}

// SessionInput is what the scheduling form sends. Start is the wall-clock time in TimeZone
// ("2026-12-01T10:00"); Repeat and Count make a series of separate sessions.
type SessionInput struct {
	RelationshipID   int64  `json:"relationshipId"`
	Title            string `json:"title"`
	Start            string `json:"start"`
	TimeZone         string `json:"timeZone"`
	DurationMinutes  int    `json:"durationMinutes"`
	Location         string `json:"location"`
	VideoURL         string `json:"videoUrl"`
	Agenda           string `json:"agenda"`
	AgendaTemplateID int64  `json:"agendaTemplateId"`
	Repeat           string `json:"repeat"` // "none", "weekly", "biweekly", "monthly"
	Count            int    `json:"count"`
}

// OutcomeInput records how a session went; nothing is emailed.
type OutcomeInput struct {
	Status string `json:"status"` // "scheduled", "held" or "no_show"
	Notes  string `json:"notes"`
	Rating int    `json:"rating"` // 0 (none) or 1..4
}

// RSVPResult says what an imported reply changed.
type RSVPResult struct {
	Updated []string `json:"updated"` // "ana@example.org: accepted"
	Ignored []string `json:"ignored"` // answers that named no attendee of this session
}

// Sessions schedules, reschedules and cancels sessions, queuing their invites in the same
// transaction, exports calendars and imports replies.
type Sessions struct {
	ctx      context.Context // the app\'s lifetime: every query runs under it
	db       *db.DB
	now      Clock
	settings *SettingsService
	tmpl     *Templates
	outbox   *Outbox
	ui       UI
}

// NewSessions returns the sessions service.
func NewSessions(ctx context.Context, d *db.DB, now Clock, settings *SettingsService, tmpl *Templates, outbox *Outbox) *Sessions {
	return &Sessions{ctx: ctx, db: d, now: now, settings: settings, tmpl: tmpl, outbox: outbox, ui: noUI{}}
}

// ForRelationship lists a relationship's sessions in time order.
func (s *Sessions) ForRelationship(relationshipID int64) ([]Session, error) {
	ctx := s.ctx
	rows, err := s.db.Q.ListRelationshipSessions(ctx, relationshipID)
	if err != nil {
		return nil, fmt.Errorf("list sessions: %w", err)
	}
	out := make([]Session, 0, len(rows))
	for _, r := range rows {
		se, err := s.dto(ctx, s.db.Q, r)
		if err != nil {
			return nil, err
		}
		out = append(out, se)
	}
	return out, nil
}

// Get returns one session with its attendees.
func (s *Sessions) Get(id int64) (Session, error) {
	r, err := s.db.Q.GetSession(s.ctx, id)
	if err != nil {
		return Session{}, &Error{Message: "This session no longer exists"}
	}
	return s.dto(s.ctx, s.db.Q, r)
}

// Schedule creates a session, or a series of separate sessions, and queues one invite per
// attendee in the same transaction.
func (s *Sessions) Schedule(in SessionInput) ([]Session, error) {
	st, err := s.settings.Get()
	if err != nil {
		return nil, err
	}
	if st.AdminEmail == "" {
		return nil, fieldErr("adminEmail", "Set your sending address in Settings first: invites are sent from it")
	}
	starts, in, err := checkSession(in, st.DefaultTimeZone)
	if err != nil {
		return nil, err
	}
	ctx := s.ctx
	var ids, queued []int64
	err = s.db.InTx(ctx, func(q *store.Queries) error {
		rel, err := q.GetRelationship(ctx, in.RelationshipID)
		if err != nil {
			return &Error{Message: "This relationship no longer exists"}
		}
		if rel.Status != "active" {
			return &Error{Message: fmt.Sprintf("This relationship is %s: resume it to schedule sessions", words(rel.Status))}
		}
		members, err := q.ListRelationshipMembers(ctx, rel.ID)
		if err != nil {
			return err
		}
		series := ""
		if len(starts) > 1 {
			series = invite.NewUID()
		}
		for _, start := range starts {
			se, err := q.CreateSession(ctx, store.CreateSessionParams{RelationshipID: rel.ID, Uid: invite.NewUID(), Title: in.Title,
				StartsAt: stamp(start), TimeZone: in.TimeZone, DurationMinutes: int64(in.DurationMinutes), Location: in.Location,
				VideoUrl: in.VideoURL, Agenda: in.Agenda, AgendaTemplateID: nullID(in.AgendaTemplateID), SeriesID: series, Now: stamp(s.now())})
			if err != nil {
				return fmt.Errorf("schedule: %w", err)
			}
			for _, m := range members {
				if err := q.AddSessionAttendee(ctx, store.AddSessionAttendeeParams{SessionID: se.ID, PersonID: m.PersonID}); err != nil {
					return fmt.Errorf("schedule: %w", err)
				}
			}
			ids = append(ids, se.ID)
			msgs, err := queueSessionMail(ctx, q, s.tmpl, st, se, "invite", "", s.now())
			if err != nil {
				return err
			}
			queued = append(queued, msgs...)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	s.outbox.autoSend(queued)
	out := make([]Session, 0, len(ids))
	for _, id := range ids {
		se, err := s.Get(id)
		if err != nil {
			return nil, err
		}
		out = append(out, se)
	}
	return out, nil
}

// Reschedule changes a session's time, place or agenda. Its SEQUENCE rises and an update
// (same UID) is queued for every attendee, in the same transaction; an older invite that has
// not left yet is cancelled so only the newest goes.
func (s *Sessions) Reschedule(id int64, in SessionInput) (Session, error) {
	st, err := s.settings.Get()
	if err != nil {
		return Session{}, err
	}
	if st.AdminEmail == "" {
		return Session{}, fieldErr("adminEmail", "Set your sending address in Settings first: updates are sent from it")
	}
	in.Repeat, in.Count = "none", 1
	starts, in, err := checkSession(in, st.DefaultTimeZone)
	if err != nil {
		return Session{}, err
	}
	ctx := s.ctx
	var queued []int64
	err = s.db.InTx(ctx, func(q *store.Queries) error {
		cur, err := q.GetSession(ctx, id)
		if err != nil {
			return &Error{Message: "This session no longer exists"}
		}
		if cur.Status == "cancelled" {
			return &Error{Message: "This session is cancelled: schedule a new one instead"}
		}
		se, err := q.RescheduleSession(ctx, store.RescheduleSessionParams{ID: id, Title: in.Title, StartsAt: stamp(starts[0]),
			TimeZone: in.TimeZone, DurationMinutes: int64(in.DurationMinutes), Location: in.Location, VideoUrl: in.VideoURL,
			Agenda: in.Agenda, AgendaTemplateID: nullID(in.AgendaTemplateID), Now: stamp(s.now())})
		if err != nil {
			return fmt.Errorf("reschedule: %w", err)
		}
		if se.StartsAt != cur.StartsAt || se.DurationMinutes != cur.DurationMinutes {
			if err := q.ResetAttendeeAnswers(ctx, se.ID); err != nil {
				return fmt.Errorf("reschedule: %w", err)
			}
		}
		queued, err = queueSessionMail(ctx, q, s.tmpl, st, se, "update", "", s.now())
		return err
	})
	if err != nil {
		return Session{}, err
	}
	s.outbox.autoSend(queued)
	return s.Get(id)
}

// Cancel cancels a session: SEQUENCE rises, STATUS:CANCELLED, and a METHOD:CANCEL notice is
// queued for every attendee who was already sent something about it (an invite still in the
// outbox is simply cancelled).
func (s *Sessions) Cancel(id int64, reason string) (Session, error) {
	st, err := s.settings.Get()
	if err != nil {
		return Session{}, err
	}
	if len([]rune(reason)) > 1000 {
		return Session{}, fieldErr("reason", "The reason is longer than 1,000 characters")
	}
	ctx := s.ctx
	var queued []int64
	err = s.db.InTx(ctx, func(q *store.Queries) error {
		queued, err = cancelSession(ctx, q, s.tmpl, st, id, strings.TrimSpace(reason), s.now())
		return err
	})
	if err != nil {
		return Session{}, err
	}
	s.outbox.autoSend(queued)
	return s.Get(id)
}

func cancelSession(ctx context.Context, q *store.Queries, tmpl *Templates, st Settings, id int64, reason string, now time.Time) ([]int64, error) {
	cur, err := q.GetSession(ctx, id)
	if err != nil {
		return nil, &Error{Message: "This session no longer exists"}
	}
	if cur.Status == "cancelled" {
		return nil, &Error{Message: "This session is already cancelled"}
	}
	se, err := q.CancelSession(ctx, store.CancelSessionParams{ID: id, Now: stamp(now)})
	if err != nil {
		return nil, fmt.Errorf("cancel session: %w", err)
	}
	return queueSessionMail(ctx, q, tmpl, st, se, "cancellation", reason, now)
}

// RecordOutcome marks a session held or no-show (or back to scheduled), with notes and a 1-4 rating.
func (s *Sessions) RecordOutcome(id int64, in OutcomeInput) (Session, error) {
	if in.Status != "scheduled" && in.Status != "held" && in.Status != "no_show" {
		return Session{}, fieldErr("status", "Mark the session held, no-show or scheduled")
	}
	if in.Rating < 0 || in.Rating > 4 {
		return Session{}, fieldErr("rating", "A rating is from 1 to 4")
	}
	if len([]rune(in.Notes)) > 10000 {
		return Session{}, fieldErr("notes", "The notes are longer than 10,000 characters")
	}
	ctx := s.ctx
	err := s.db.InTx(ctx, func(q *store.Queries) error {
		cur, err := q.GetSession(ctx, id)
		if err != nil {
			return &Error{Message: "This session no longer exists"}
		}
		if cur.Status == "cancelled" {
			return &Error{Message: "This session was cancelled"}
		}
		if in.Status != "scheduled" && cur.StartsAt > stamp(s.now()) {
			return fieldErr("status", "This session has not started yet: record how it went afterwards")
		}
		_, err = q.RecordSessionOutcome(ctx, store.RecordSessionOutcomeParams{ID: id, Status: in.Status, Notes: strings.TrimSpace(in.Notes),
			Rating: sql.NullInt64{Int64: int64(in.Rating), Valid: in.Rating > 0}, Now: stamp(s.now())})
		return err
	})
	if err != nil {
		return Session{}, err
	}
	return s.Get(id)
}

// ImportRSVP reads a calendar reply (.ics, or an .eml containing one; base64 bytes) and records
// each attendee's answer on the session. A file that is not a reply for this session changes nothing.
func (s *Sessions) ImportRSVP(sessionID int64, fileName, data string) (RSVPResult, error) {
	raw, err := base64.StdEncoding.DecodeString(data)
	if err != nil {
		return RSVPResult{}, &Error{Field: "file", Message: "The file could not be read"}
	}
	answers, err := invite.ParseReplyFile(fileName, raw)
	if err != nil {
		return RSVPResult{}, &Error{Field: "file", Message: fmt.Sprintf("%s: %s", fileName, upperFirst(err.Error()))}
	}
	ctx := s.ctx
	res := RSVPResult{Updated: []string{}, Ignored: []string{}}
	err = s.db.InTx(ctx, func(q *store.Queries) error {
		se, err := q.GetSession(ctx, sessionID)
		if err != nil {
			return &Error{Message: "This session no longer exists"}
		}
		for _, a := range answers {
			if a.UID != se.Uid {
				return &Error{Field: "file", Message: fmt.Sprintf("%s answers another event, not %q: nothing was changed", fileName, se.Title)}
			}
		}
		for _, a := range answers {
			if a.Sequence < int(se.Sequence) {
				res.Ignored = append(res.Ignored, fmt.Sprintf("%s answered an older version of this session (before it changed)", a.Email))
				continue
			}
			if !recordedPartStats[a.PartStat] {
				// RFC 5545 allows any x-name here; the database keeps only these five.
				res.Ignored = append(res.Ignored, fmt.Sprintf("%s answered %q, which Tandem does not record", a.Email, a.PartStat))
				continue
			}
			n, err := q.SetAttendeePartstat(ctx, store.SetAttendeePartstatParams{SessionID: se.ID, Email: a.Email,
				Partstat: a.PartStat, Now: sql.NullString{String: stamp(s.now()), Valid: true}})
			if err != nil {
				return fmt.Errorf("record reply: %w", err)
			}
			if n == 0 {
				res.Ignored = append(res.Ignored, a.Email+" is not invited to this session")
				continue
			}
			res.Updated = append(res.Updated, a.Email+": "+strings.ToLower(strings.ReplaceAll(a.PartStat, "-", " ")))
		}
		return nil
	})
	return res, err
}

// recordedPartStats are the answers session_attendees.partstat accepts.
var recordedPartStats = map[string]bool{"NEEDS-ACTION": true, "ACCEPTED": true, "DECLINED": true, "TENTATIVE": true, "DELEGATED": true}

// ExportSession returns one session as a calendar file (METHOD:PUBLISH).
func (s *Sessions) ExportSession(id int64) (string, error) {
	r, err := s.db.Q.GetSession(s.ctx, id)
	if err != nil {
		return "", &Error{Message: "This session no longer exists"}
	}
	return s.publish([]store.Session{r})
}

// ExportRelationship returns a relationship's sessions as one calendar file.
func (s *Sessions) ExportRelationship(id int64) (string, error) {
	rows, err := s.db.Q.ListRelationshipSessions(s.ctx, id)
	if err != nil {
		return "", fmt.Errorf("export: %w", err)
	}
	return s.publish(rows)
}

// ExportProgram returns every session of a program (all programs when id is 0) as one calendar file.
func (s *Sessions) ExportProgram(id int64) (string, error) {
	var rows []store.Session
	var err error
	if id == 0 {
		rows, err = s.db.Q.ListAllSessions(s.ctx)
	} else {
		rows, err = s.db.Q.ListProgramSessions(s.ctx, id)
	}
	if err != nil {
		return "", fmt.Errorf("export: %w", err)
	}
	return s.publish(rows)
}

// SaveCalendar asks where to save a calendar export (desktop window only) and writes it.
func (s *Sessions) SaveCalendar(content, defaultName string) (string, error) {
	path, err := s.ui.SaveFile(defaultName, "Calendar files (*.ics)", "*.ics")
	if err != nil || path == "" {
		return "", err
	}
	if err := writeFileAtomic(path, []byte(content)); err != nil {
		return "", fmt.Errorf("save calendar: %w", err)
	}
	return path, nil
}

func (s *Sessions) publish(rows []store.Session) (string, error) {
	if len(rows) == 0 {
		return "", &Error{Message: "There are no sessions to export"}
	}
	st, err := s.settings.Get()
	if err != nil {
		return "", err
	}
	events := make([]invite.Event, 0, len(rows))
	for _, r := range rows {
		events = append(events, eventOf(r, st, nil, s.now()))
	}
	b, err := invite.Build(invite.Publish, events...)
	if err != nil {
		return "", fmt.Errorf("export: %w", err)
	}
	return string(b), nil
}

// queueSessionMail queues the message of a kind ("invite", "update", "cancellation") about a
// session for each attendee, with the calendar attached, inside the caller's transaction.
func queueSessionMail(ctx context.Context, q *store.Queries, tmpl *Templates, st Settings, se store.Session, kind, reason string, now time.Time) ([]int64, error) {
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

func eventOf(se store.Session, st Settings, atts []store.ListSessionAttendeesRow, now time.Time) invite.Event {
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

func orgName(st Settings) string {
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

func (s *Sessions) dto(ctx context.Context, q *store.Queries, r store.Session) (Session, error) {
	atts, err := q.ListSessionAttendees(ctx, r.ID)
	if err != nil {
		return Session{}, fmt.Errorf("session: %w", err)
	}
	start, _ := time.Parse(time.RFC3339, r.StartsAt)
	out := Session{ID: r.ID, RelationshipID: r.RelationshipID, UID: r.Uid, Sequence: int(r.Sequence), Title: r.Title, StartsAt: r.StartsAt,
		TimeZone: r.TimeZone, DurationMinutes: int(r.DurationMinutes), Location: r.Location, VideoURL: r.VideoUrl, Agenda: r.Agenda,
		AgendaTemplateID: r.AgendaTemplateID.Int64, SeriesID: r.SeriesID, Status: r.Status, Notes: r.Notes, Rating: int(r.Rating.Int64),
		Attendees: []Attendee{}, Warnings: []string{}}
	if loc, err := time.LoadLocation(r.TimeZone); err == nil {
		out.LocalStart = start.In(loc).Format("2006-01-02T15:04")
	}
	end := start.Add(time.Duration(r.DurationMinutes) * time.Minute)
	for _, a := range atts {
		at := Attendee{PersonID: a.PersonID, Name: a.Name, Email: a.Email, TimeZone: a.TimeZone, PartStat: a.Partstat, RespondedAt: a.RespondedAt.String}
		zone := a.TimeZone
		if zone == "" {
			zone = r.TimeZone
		}
		if loc, err := time.LoadLocation(zone); err == nil {
			ls, le := start.In(loc), end.In(loc)
			at.LocalTime = ls.Format("Mon 2 Jan 15:04") + "–" + le.Format("15:04") + " " + zone
			at.OutsideHours = outsideHours(ls, le)
			if at.OutsideHours && r.Status == "scheduled" {
				out.Warnings = append(out.Warnings, fmt.Sprintf("For %s it is %s–%s, outside 08:00–20:00", a.Name, ls.Format("15:04"), le.Format("15:04")))
			}
		}
		out.Attendees = append(out.Attendees, at)
	}
	return out, nil
}

// outsideHours reports whether a meeting from start to end (local times) leaves 08:00–20:00.
func outsideHours(start, end time.Time) bool {
	mins := func(t time.Time) int { return t.Hour()*60 + t.Minute() }
	if start.YearDay() != end.YearDay() {
		return true
	}
	return mins(start) < 8*60 || mins(end) > 20*60
}

// checkSession validates the form and returns the start times in UTC (several for a series).
func checkSession(in SessionInput, defaultZone string) ([]time.Time, SessionInput, error) {
	in.Title = strings.TrimSpace(in.Title)
	in.Location = strings.TrimSpace(in.Location)
	in.VideoURL = strings.TrimSpace(in.VideoURL)
	if in.Title == "" {
		return nil, in, fieldErr("title", "A session needs a title")
	}
	if err := validate.Text(in.Title, 200); err != nil {
		return nil, in, fieldErr("title", "The title %v", err)
	}
	if err := validate.Text(in.Location, 300); err != nil {
		return nil, in, fieldErr("location", "The location %v", err)
	}
	if in.VideoURL != "" && !(strings.HasPrefix(in.VideoURL, "https://") || strings.HasPrefix(in.VideoURL, "http://")) || strings.ContainsAny(in.VideoURL, " \r\n\"") {
		return nil, in, fieldErr("videoUrl", "A video link starts with https://")
	}
	if len([]rune(in.Agenda)) > 20000 {
		return nil, in, fieldErr("agenda", "The agenda is longer than 20,000 characters")
	}
	if in.TimeZone == "" {
		in.TimeZone = defaultZone
	}
	if err := validate.TimeZone(in.TimeZone); err != nil || in.TimeZone == "" {
		return nil, in, fieldErr("timeZone", "Choose the time zone the time is in")
	}
	loc, _ := time.LoadLocation(in.TimeZone)
	start, err := time.ParseInLocation("2006-01-02T15:04", strings.TrimSpace(in.Start), loc)
	if err != nil {
		if t, err2 := time.Parse(time.RFC3339, in.Start); err2 == nil {
			start = t
		} else {
			return nil, in, fieldErr("start", "Choose a date and time")
		}
	}
	if start.Year() < 2000 || start.Year() > 2100 {
		return nil, in, fieldErr("start", "Choose a date between 2000 and 2100")
	}
	if in.DurationMinutes == 0 {
		in.DurationMinutes = 45
	}
	if in.DurationMinutes < 5 || in.DurationMinutes > 600 {
		return nil, in, fieldErr("durationMinutes", "A session lasts from 5 minutes to 10 hours")
	}
	if in.Repeat == "" {
		in.Repeat = "none"
	}
	if in.Count == 0 {
		in.Count = 1
	}
	step := map[string]func(time.Time, int) time.Time{
		"none":     func(t time.Time, i int) time.Time { return t },
		"weekly":   func(t time.Time, i int) time.Time { return t.AddDate(0, 0, 7*i) },
		"biweekly": func(t time.Time, i int) time.Time { return t.AddDate(0, 0, 14*i) },
		"monthly":  func(t time.Time, i int) time.Time { return t.AddDate(0, i, 0) },
	}[in.Repeat]
	if step == nil {
		return nil, in, fieldErr("repeat", "Repeat weekly, every two weeks, monthly, or not at all")
	}
	if in.Repeat == "none" {
		in.Count = 1
	}
	if in.Count < 1 || in.Count > 52 {
		return nil, in, fieldErr("count", "A series has from 1 to 52 sessions")
	}
	starts := make([]time.Time, 0, in.Count)
	for i := 0; i < in.Count; i++ {
		// Added in the planning zone, so 10:00 stays 10:00 across daylight-saving changes.
		starts = append(starts, step(start.In(loc), i).UTC())
	}
	return starts, in, nil
}
