package app

import (
	"database/sql"
	"encoding/base64"
	"fmt"
	"strings"
	"time"

	"tandem/app/invite"
	"tandem/app/status"
	"tandem/db"
	"tandem/db/store"
)

// RSVPResult says what an imported reply did. Either its answer was recorded, or — when it
// came in an email from someone other than the attendee it answers for — nothing changed and
// the admin is asked whether to apply it anyway (ConfirmRSVP does).
type RSVPResult struct {
	Recorded bool   `json:"recorded"` // false: it waits for the admin's confirmation
	Name     string `json:"name"`     // the attendee the reply answers for
	Email    string `json:"email"`    // their address, as Tandem has it
	PartStat string `json:"partStat"` // their answer: ACCEPTED, DECLINED, TENTATIVE, DELEGATED or NEEDS-ACTION
	Comment  string `json:"comment"`  // their note, if their calendar sent one
	From     string `json:"from"`     // the sender of the email it came in; "" for a calendar file or none readable
	Message  string `json:"message"`  // what happened, or the question to confirm, in one sentence
}

// ImportRSVP reads a calendar reply (.ics, or an .eml containing one; base64 bytes) and
// records its answer on the session. A reply answers for exactly one attendee of this
// session, to the session's current invite; anything else is refused and changes nothing.
// A reply in an email whose sender is not that attendee is not recorded: the result asks the
// admin to confirm, and ConfirmRSVP with the same file records it.
func (s *Sessions) ImportRSVP(sessionID int64, fileName, data string) (RSVPResult, error) {
	return s.importRSVP(sessionID, fileName, data, false)
}

// ConfirmRSVP records a reply ImportRSVP held back because the email came from someone other
// than the attendee it answers for: the admin has seen who sent it and for whom, and applies
// it. Every other check still holds.
func (s *Sessions) ConfirmRSVP(sessionID int64, fileName, data string) (RSVPResult, error) {
	return s.importRSVP(sessionID, fileName, data, true)
}

// importRSVP checks the reply against the session and records it, in one transaction: the
// session's UID, the attendee, the invite's version, then (unless confirmed) the sender.
func (s *Sessions) importRSVP(sessionID int64, fileName, data string, confirmed bool) (RSVPResult, error) {
	raw, err := base64.StdEncoding.DecodeString(data)
	if err != nil {
		return RSVPResult{}, &Error{Field: "file", Message: "The file could not be read"}
	}
	ans, err := invite.ReadReply(fileName, raw)
	if err != nil {
		return RSVPResult{}, refusedReply(fileName, "%s.", upperFirst(err.Error()))
	}
	ctx := s.ctx
	var res RSVPResult
	err = s.db.InTx(ctx, func(q *store.Queries) error {
		se, err := q.GetSession(ctx, sessionID)
		if err != nil {
			return notFound(err, "session")
		}
		if ans.UID != se.Uid {
			return s.otherEvent(q, fileName, ans.UID, se)
		}
		atts, err := q.ListSessionAttendees(ctx, se.ID)
		if err != nil {
			return fmt.Errorf("record reply: %w", err)
		}
		var att *store.ListSessionAttendeesRow
		for i := range atts {
			if ans.AnswersFor(atts[i].Email) {
				att = &atts[i]
				break
			}
		}
		if att == nil {
			return refusedReply(fileName, "It answers for %s, who is not invited to this session.", ans.Email)
		}
		if se.Status == status.SessionCancelled {
			return refusedReply(fileName, "This session was cancelled, so its replies are no longer recorded.")
		}
		if ans.Sequence < int(se.Sequence) {
			return refusedReply(fileName, "This answers an older version of the invite; the session has changed since (%s needs to answer the latest invite).", att.Name)
		}
		if ans.Sequence > int(se.Sequence) {
			return refusedReply(fileName, "This answers version %d of the invite, but Tandem has only sent up to version %d: it was not made from Tandem's invite.",
				ans.Sequence, se.Sequence)
		}
		res = RSVPResult{Name: att.Name, Email: att.Email, PartStat: ans.PartStat, Comment: ans.Comment, From: ans.From}
		if ans.InEmail && !ans.SentByAttendee() && !confirmed {
			sender := "came in an email with no readable sender"
			if ans.From != "" {
				sender = "came from " + ans.From
			}
			res.Message = fmt.Sprintf("This reply %s but answers for %s — apply it anyway?", sender, att.Email)
			return nil
		}
		n, err := q.SetAttendeePartstat(ctx, store.SetAttendeePartstatParams{SessionID: se.ID, Email: att.Email,
			Partstat: ans.PartStat, Now: sql.NullString{String: stamp(s.now()), Valid: true}})
		if err != nil {
			return fmt.Errorf("record reply: %w", err)
		}
		if n != 1 {
			return fmt.Errorf("record reply: %d attendee rows for %s", n, att.Email)
		}
		res.Recorded = true
		res.Message = fmt.Sprintf("%s (%s): %s", att.Name, att.Email, answerWords(ans.PartStat))
		return nil
	})
	if err != nil {
		return RSVPResult{}, err
	}
	return res, nil
}

// otherEvent is the refusal of a reply whose UID is not the session's: it names the session
// it does answer, when Tandem has it.
func (s *Sessions) otherEvent(q *store.Queries, fileName, uid string, se store.Session) error {
	other, err := q.GetSessionByUID(s.ctx, uid)
	switch {
	case err == nil:
		return refusedReply(fileName, "It answers another session (“%s”, %s), not this one.", other.Title, sessionWhen(other))
	case db.IsNotFound(err):
		return refusedReply(fileName, "It answers an invite Tandem did not send, not “%s”.", se.Title)
	default:
		return fmt.Errorf("record reply: %w", err)
	}
}

// refusedReply is the error for a reply that is not recorded: the file, why, and that nothing
// changed.
func refusedReply(fileName, format string, args ...any) *Error {
	return &Error{Field: "file", Message: fileName + ": " + fmt.Sprintf(format, args...) + " Nothing was changed."}
}

// answerWords is an answer as the admin reads it: "accepted", "needs action".
func answerWords(partStat string) string {
	return strings.ToLower(strings.ReplaceAll(partStat, "-", " "))
}

// sessionWhen is a session's start in its own zone: "Tue 8 Dec 2026, 10:00 Europe/Berlin".
func sessionWhen(se store.Session) string {
	start, err := time.Parse(time.RFC3339, se.StartsAt)
	if err != nil {
		return se.StartsAt
	}
	if loc, err := time.LoadLocation(se.TimeZone); err == nil {
		return start.In(loc).Format("Mon 2 Jan 2006, 15:04") + " " + se.TimeZone
	}
	return start.Format("Mon 2 Jan 2006, 15:04") + " UTC"
}
