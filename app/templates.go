package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"tandem/app/mail"
	"tandem/app/notify"
	"tandem/db"
	"tandem/db/store"
)

// MessageTemplate is an editable template of one kind of message.
type MessageTemplate struct {
	Kind    string `json:"kind"`
	Label   string `json:"label"`
	Subject string `json:"subject"`
	Text    string `json:"text"`
	HTML    string `json:"html"`
	Custom  bool   `json:"custom"`
}

// TemplatePreview is a template rendered with sample data.
type TemplatePreview struct {
	Subject string `json:"subject"`
	Text    string `json:"text"`
	HTML    string `json:"html"`
}

// Templates edits the message templates; package notify renders them.
type Templates struct {
	ctx context.Context // the app's lifetime: every query runs under it
	db  *db.DB
	now Clock
}

// NewTemplates returns the message templates service.
func NewTemplates(ctx context.Context, d *db.DB, now Clock) *Templates {
	return &Templates{ctx: ctx, db: d, now: now}
}

// List returns every kind's template: the admin's version, or the default.
func (s *Templates) List() ([]MessageTemplate, error) {
	out := []MessageTemplate{}
	for _, k := range MessageKinds {
		t, custom, err := notify.Template(s.ctx, s.db.Q, k)
		if err != nil {
			return nil, err
		}
		out = append(out, MessageTemplate{Kind: k, Label: notify.Label(k), Subject: t.Subject, Text: t.Text, HTML: t.HTML, Custom: custom})
	}
	return out, nil
}

// Save checks the template by rendering it for each of notify.Samples (the sample recipient,
// a group of 20 with the longest names and texts Tandem accepts, a recipient with no optional
// details) within mail's limits (1 MB and 1 s a message, the constructs
// package mail allows), and stores it; a template that fails for any of them is refused
// with the part, the reason and the sample.
func (s *Templates) Save(t MessageTemplate) (MessageTemplate, error) {
	if _, ok := notify.Default(t.Kind); !ok {
		return t, fieldErr("kind", "%q is not a kind of message", t.Kind)
	}
	mt := mail.Template{Subject: t.Subject, Text: t.Text, HTML: t.HTML}
	if strings.TrimSpace(t.Subject) == "" {
		return t, fieldErr("subject", "A message needs a subject")
	}
	if strings.TrimSpace(t.Text) == "" {
		return t, fieldErr("text", "A message needs a plain-text body")
	}
	if err := mt.CheckAll(notify.Samples()...); err != nil {
		var te *mail.TemplateError
		if errors.As(err, &te) {
			return t, fieldErr(te.Part, "%s", upperFirst(te.Error()))
		}
		return t, fieldErr("text", "%s", upperFirst(err.Error()))
	}
	if err := s.db.Q.PutMessageTemplate(s.ctx, store.PutMessageTemplateParams{Kind: t.Kind, Subject: t.Subject,
		TextBody: t.Text, HtmlBody: t.HTML, Now: stamp(s.now())}); err != nil {
		return t, fmt.Errorf("save template: %w", err)
	}
	t.Custom, t.Label = true, notify.Label(t.Kind)
	return t, nil
}

// Reset goes back to the default template of a kind.
func (s *Templates) Reset(kind string) (MessageTemplate, error) {
	if err := s.db.Q.DeleteMessageTemplate(s.ctx, kind); err != nil {
		return MessageTemplate{}, fmt.Errorf("reset template: %w", err)
	}
	d, _ := notify.Default(kind)
	return MessageTemplate{Kind: kind, Label: notify.Label(kind), Subject: d.Subject, Text: d.Text, HTML: d.HTML}, nil
}

// Preview renders a template (saved or not) with sample data.
func (s *Templates) Preview(t MessageTemplate) (TemplatePreview, error) {
	subj, text, html, err := mail.Template{Subject: t.Subject, Text: t.Text, HTML: t.HTML}.Render(notify.Sample())
	if err != nil {
		var te *mail.TemplateError
		if errors.As(err, &te) {
			return TemplatePreview{}, fieldErr(te.Part, "%s", upperFirst(te.Error()))
		}
		return TemplatePreview{}, err
	}
	return TemplatePreview{Subject: subj, Text: text, HTML: html}, nil
}

// partWords name a template's parts in a sentence.
var partWords = map[string]string{"subject": "its subject", "text": "its plain text", "html": "its HTML"}

// mailErr turns an email that could not be written for one recipient (its template fails, or
// passes a limit, with their data) into the admin's error: which email, to whom, why, and what
// to do. The act that queued it is refused whole — its transaction rolls back, so nothing of
// it is saved and no one gets half of it — and the limits make that fail within a second, so
// the write lock is never held for long. Other errors are returned as they are.
func mailErr(err error) error {
	var re *notify.RenderError
	if !errors.As(err, &re) {
		return err
	}
	to := re.To.Name
	if to == "" {
		to = re.To.Email
	}
	return &Error{Message: fmt.Sprintf("The “%s” email to %s could not be written: %s: %s. Nothing was saved: change that template in "+
		"Settings → Message templates, then try again.", notify.Label(re.Kind), to, partWords[re.Err.Part], re.Err.Reason)}
}

// sender is who the emails are from, for package notify.
func sender(st AppSettings) notify.Sender {
	return notify.Sender{Organisation: st.OrganisationName, AdminName: st.AdminName, AdminEmail: st.AdminEmail,
		DefaultTimeZone: st.DefaultTimeZone}
}
