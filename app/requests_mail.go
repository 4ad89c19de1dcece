package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"tandem/app/questionnaire"
	"tandem/app/request"
	"tandem/db/store"
	"time"
)

// queue renders a request email of kind for one of the two parties and queues it.
func (s *Requests) queue(ctx context.Context, q *store.Queries, st AppSettings, prog store.Program, r store.Request,
	req, rec, to store.ListParticipantRowsRow, kind, reason string) (int64, error) {
	v, err := s.vars(ctx, q, st, prog, r, req, rec, to)
	if err != nil {
		return 0, err
	}
	v.Reason = reason
	subj, text, html, err := s.tmpl.render(ctx, q, kind, v)
	if err != nil {
		return 0, fmt.Errorf("%s email: %w", kind, err)
	}
	id, err := q.QueueRequestMessage(ctx, store.QueueRequestMessageParams{Kind: kind, ToName: to.Name, ToEmail: to.Email, Subject: subj,
		TextBody: text, HtmlBody: html, RequestID: nullID(r.ID), RelationshipID: nullID(r.RelationshipID.Int64), ProgramID: nullID(prog.ID),
		Now: stamp(s.now())})
	if err != nil {
		return 0, fmt.Errorf("queue %s: %w", kind, err)
	}
	return id, nil
}

func (s *Requests) vars(ctx context.Context, q *store.Queries, st AppSettings, prog store.Program, r store.Request, req, rec, to store.ListParticipantRowsRow) (MessageVars, error) {
	vp := func(p store.ListParticipantRowsRow) VarPerson {
		return VarPerson{Name: p.Name, FirstName: firstName(p.Name), Email: p.Email, Title: p.Title, Department: p.Department}
	}
	v := MessageVars{Organisation: st.OrganisationName, Admin: VarPerson{Name: st.AdminName, FirstName: firstName(st.AdminName), Email: st.AdminEmail},
		Program: VarProgram{Name: prog.Name}, Recipient: vp(to)}
	other := rec
	if to.ID == rec.ID {
		other = req
	}
	v.Others, v.OthersNames = []VarPerson{vp(other)}, other.Name
	v.Request = VarRequest{Kind: r.Kind, Requester: vp(req), RecipientP: vp(rec), Note: r.Note, Message: r.AnswerMessage,
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
				zone = st.DefaultTimeZone
			}
			loc, err := time.LoadLocation(zone)
			if err != nil {
				loc = time.UTC
			}
			v.Request.Expires = t.In(loc).Format("Monday 2 January 2006")
		}
	}
	var err error
	if v.Request.Highlights, err = profileHighlights(ctx, q, req); err != nil {
		return v, err
	}
	if r.Status == request.Declined || r.Status == request.Expired {
		c, err := s.candidates(ctx, q, prog.ID, req.ID, r.Kind)
		var e *Error
		if err != nil && !errors.As(err, &e) {
			return v, err
		}
		if err == nil { // an *Error says there is no one to suggest (the requester left, say)
			var names []string
			for _, x := range c {
				if x.Participant.ID != rec.ID && len(names) < 3 {
					names = append(names, x.Participant.Name)
				}
			}
			v.Request.NextBest = joinNames(names)
		}
	}
	return v, nil
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
