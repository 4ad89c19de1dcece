package notify

import (
	"context"
	"fmt"
	"strings"
	"time"

	"tandem/app/questionnaire"
	"tandem/app/request"
	"tandem/db/store"
)

// RequestVars fills the template variables of a request email to one of its two parties (to:
// the requester req or the recipient rec). NextBest is the caller's to fill: it knows the candidates.
func RequestVars(ctx context.Context, q *store.Queries, from Sender, prog store.Program, r store.Request, req, rec, to store.ListParticipantRowsRow) (Vars, error) {
	vp := func(p store.ListParticipantRowsRow) Person {
		return Person{Name: p.Name, FirstName: FirstName(p.Name), Email: p.Email, Title: p.Title, Department: p.Department}
	}
	v := Vars{Organisation: from.Organisation, Admin: from.admin(), Program: Program{Name: prog.Name}, Recipient: vp(to)}
	other := rec
	if to.ID == rec.ID {
		other = req
	}
	v.Others, v.OthersNames = []Person{vp(other)}, other.Name
	v.Request = Request{Kind: r.Kind, Requester: vp(req), RecipientP: vp(rec), Note: r.Note, Message: r.AnswerMessage,
		Sessions: int(r.Sessions), Commitment: commitmentWords(r.Commitment, r.Topic, int(r.Sessions))}
	switch r.Status {
	case request.Approved:
		v.Request.Answer = fmt.Sprintf("approved all %d requested sessions", r.Sessions)
		if r.Sessions == 1 {
			v.Request.Answer = "approved the session"
		}
	case request.IntroApproved:
		v.Request.Answer = "approved an introductory session to start"
	case request.Declined:
		v.Request.Answer = "declined"
	}
	if r.ExpiresAt.Valid {
		if t, err := time.Parse(time.RFC3339, r.ExpiresAt.String); err == nil {
			zone := to.TimeZone
			if zone == "" {
				zone = from.DefaultTimeZone
			}
			loc, err := time.LoadLocation(zone)
			if err != nil {
				loc = time.UTC
			}
			v.Request.Expires = t.In(loc).Format("Monday 2 January 2006")
		}
	}
	var err error
	v.Request.Highlights, err = profileHighlights(ctx, q, req)
	return v, err
}

// profileHighlights is a participant's profile in a few lines: role, department, place, and
// their answers to the choice questions.
func profileHighlights(ctx context.Context, q *store.Queries, p store.ListParticipantRowsRow) (string, error) {
	var lines []string
	head := strings.Join(nonEmpty(p.Title, p.Department, p.Location), ", ")
	if head != "" {
		lines = append(lines, head)
	}
	qs, err := q.ListQuestions(ctx, p.ProgramID)
	if err != nil {
		return "", fmt.Errorf("read the questionnaire: %w", err)
	}
	answers, err := q.ListParticipantAnswers(ctx, p.ID)
	if err != nil {
		return "", fmt.Errorf("read answers: %w", err)
	}
	byQ := map[int64]string{}
	for _, a := range answers {
		byQ[a.QuestionID] = a.Value
	}
	for _, qq := range qs {
		raw, ok := byQ[qq.ID]
		if !ok || qq.PersonField != "" || (qq.Kind != questionnaire.Multi && qq.Kind != questionnaire.Single) {
			continue
		}
		v := questionnaire.Decode(raw)
		val := v.Text
		if len(v.Choices) > 0 {
			val = strings.Join(v.Choices, ", ")
		}
		if val != "" && len(lines) < 6 {
			lines = append(lines, qq.Prompt+": "+val)
		}
	}
	return strings.Join(lines, "\n"), nil
}

func commitmentWords(c, topic string, n int) string {
	switch c {
	case "intro":
		return "an introduction session (a one-off networking conversation)"
	case "topic":
		return fmt.Sprintf("help with %s over %d sessions", topic, n)
	default:
		return "long-term mentorship"
	}
}
