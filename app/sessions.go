package app

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"tandem/app/invite"
	"tandem/app/notify"
	"tandem/app/status"
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
	ID               int64          `json:"id"`
	RelationshipID   int64          `json:"relationshipId"`
	UID              string         `json:"uid"`
	Sequence         int            `json:"sequence"`
	Title            string         `json:"title"`
	StartsAt         string         `json:"startsAt"`   // RFC 3339, UTC
	LocalStart       string         `json:"localStart"` // "2006-01-02T15:04" in TimeZone, for the form
	TimeZone         string         `json:"timeZone"`
	DurationMinutes  int            `json:"durationMinutes"`
	Location         string         `json:"location"`
	VideoURL         string         `json:"videoUrl"`
	Agenda           string         `json:"agenda"`
	AgendaTemplateID int64          `json:"agendaTemplateId"`
	SeriesID         string         `json:"seriesId"`
	Status           status.Session `json:"status"`
	Notes            string         `json:"notes"`
	Rating           int            `json:"rating"`
	Attendees        []Attendee     `json:"attendees"`
	Warnings         []string       `json:"warnings"`
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
	Status status.Session `json:"status"` // scheduled, held or no_show
	Notes  string         `json:"notes"`
	Rating int            `json:"rating"` // 0 (none) or 1..4
}

// Sessions schedules, reschedules and cancels sessions, queuing their invites in the same
// transaction, exports calendars and imports replies.
type Sessions struct {
	ctx      context.Context // the app's lifetime: every query runs under it
	db       *db.DB
	now      Clock
	settings *Settings
	outbox   *Outbox
	ui       UI
}

// NewSessions returns the sessions service.
func NewSessions(ctx context.Context, d *db.DB, now Clock, settings *Settings, outbox *Outbox) *Sessions {
	return &Sessions{ctx: ctx, db: d, now: now, settings: settings, outbox: outbox, ui: noUI{}}
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
		return Session{}, notFound(err, "session")
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
			return notFound(err, "relationship")
		}
		if rel.Status != status.RelationshipActive {
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
			msgs, err := queueSessionMail(ctx, q, st, se, "invite", "", s.now())
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
			return notFound(err, "session")
		}
		if cur.Status == status.SessionCancelled {
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
		queued, err = queueSessionMail(ctx, q, st, se, "update", "", s.now())
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
		queued, err = cancelSession(ctx, q, st, id, strings.TrimSpace(reason), s.now())
		return err
	})
	if err != nil {
		return Session{}, err
	}
	s.outbox.autoSend(queued)
	return s.Get(id)
}

func cancelSession(ctx context.Context, q *store.Queries, st AppSettings, id int64, reason string, now time.Time) ([]int64, error) {
	cur, err := q.GetSession(ctx, id)
	if err != nil {
		return nil, notFound(err, "session")
	}
	if cur.Status == status.SessionCancelled {
		return nil, &Error{Message: "This session is already cancelled"}
	}
	se, err := q.CancelSession(ctx, store.CancelSessionParams{ID: id, Now: stamp(now)})
	if err != nil {
		return nil, fmt.Errorf("cancel session: %w", err)
	}
	return queueSessionMail(ctx, q, st, se, "cancellation", reason, now)
}

// RecordOutcome marks a session held or no-show (or back to scheduled), with notes and a 1-4 rating.
func (s *Sessions) RecordOutcome(id int64, in OutcomeInput) (Session, error) {
	if in.Status != status.SessionScheduled && in.Status != status.SessionHeld && in.Status != status.SessionNoShow {
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
			return notFound(err, "session")
		}
		if cur.Status == status.SessionCancelled {
			return &Error{Message: "This session was cancelled"}
		}
		if in.Status != status.SessionScheduled && cur.StartsAt > stamp(s.now()) {
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

// ExportSession returns one session as a calendar file (METHOD:PUBLISH).
func (s *Sessions) ExportSession(id int64) (string, error) {
	r, err := s.db.Q.GetSession(s.ctx, id)
	if err != nil {
		return "", notFound(err, "session")
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
		events = append(events, notify.Event(r, sender(st), nil, s.now()))
	}
	b, err := invite.Build(invite.Publish, events...)
	if err != nil {
		return "", fmt.Errorf("export: %w", err)
	}
	return string(b), nil
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
			if at.OutsideHours && r.Status == status.SessionScheduled {
				out.Warnings = append(out.Warnings, fmt.Sprintf("For %s it is %s–%s, outside 08:00–20:00", a.Name, ls.Format("15:04"), le.Format("15:04")))
			}
		}
		out.Attendees = append(out.Attendees, at)
	}
	return out, nil
}
