package notify

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"tandem/db/store"
)

// Message is one email for the outbox. An ID is 0 when the message is not about one; a message
// about a request carries no calendar.
type Message struct {
	Kind             string
	ToName, ToEmail  string
	Subject          string
	Text, HTML       string
	Calendar, Method string // an iCalendar attachment and its METHOD (REQUEST, CANCEL)

	SessionID, RequestID, RelationshipID, ProgramID int64
}

// Enqueue writes a message into the outbox as queued, inside the caller's transaction, and
// returns its id. Nothing leaves until the admin sends it (or sends that kind automatically).
func Enqueue(ctx context.Context, q *store.Queries, m Message, now time.Time) (int64, error) {
	if m.RequestID == 0 {
		row, err := q.QueueMessage(ctx, store.QueueMessageParams{Kind: m.Kind, ToName: m.ToName, ToEmail: m.ToEmail, Subject: m.Subject,
			TextBody: m.Text, HtmlBody: m.HTML, Calendar: m.Calendar, Method: m.Method, SessionID: nullID(m.SessionID),
			RelationshipID: nullID(m.RelationshipID), ProgramID: nullID(m.ProgramID), Now: stamp(now)})
		return row.ID, err
	}
	if m.Calendar != "" || m.SessionID != 0 {
		return 0, errors.New("a message about a request carries no calendar")
	}
	return q.QueueRequestMessage(ctx, store.QueueRequestMessageParams{Kind: m.Kind, ToName: m.ToName, ToEmail: m.ToEmail, Subject: m.Subject,
		TextBody: m.Text, HtmlBody: m.HTML, RequestID: nullID(m.RequestID), RelationshipID: nullID(m.RelationshipID),
		ProgramID: nullID(m.ProgramID), Now: stamp(now)})
}

// Queue renders the kind's template (the admin's, else the default) with v and enqueues it to
// m's recipient, inside the caller's transaction. A template that fails for this recipient is
// a *RenderError, and nothing is queued: the caller refuses its whole act with the reason.
func Queue(ctx context.Context, q *store.Queries, kind string, v Vars, m Message, now time.Time) (int64, error) {
	subj, text, html, err := Render(ctx, q, kind, v)
	var re *RenderError
	if errors.As(err, &re) {
		return 0, err
	}
	if err != nil {
		return 0, fmt.Errorf("%s email: %w", kind, err)
	}
	m.Kind, m.Subject, m.Text, m.HTML = kind, subj, text, html
	id, err := Enqueue(ctx, q, m, now)
	if err != nil {
		return 0, fmt.Errorf("queue %s: %w", kind, err)
	}
	return id, nil
}

// stamp is how the outbox stores a time: RFC 3339 in UTC, like every table.
func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339) }

func nullID(id int64) sql.NullInt64 { return sql.NullInt64{Int64: id, Valid: id != 0} }
