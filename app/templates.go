package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"tandem/app/mail"
	"tandem/db"
	"tandem/db/store"
)

// MessageVars is what a message template can use: {{.Recipient.FirstName}}, {{.Program.Name}} …
type MessageVars struct {
	Recipient    VarPerson
	Others       []VarPerson // the other members of the relationship
	OthersNames  string      // "Jai Patel and Mei Chen"
	Organisation string
	Admin        VarPerson
	Program      VarProgram
	Session      VarSession
	Reason       string // why a relationship closed, or a session was cancelled
	Request      VarRequest
	Match        VarMatch
}

// VarMatch is why the engine paired people, for the introduction email.
type VarMatch struct {
	Score      int    // 0–100 %
	Highlights string // the other members' profiles in a few lines each
	Reasons    string // one reason per line: "both: Leadership, Public speaking (+6)"
}

// VarRequest is a peer or mentor request in a template.
type VarRequest struct {
	Kind       string // "peer" or "mentor"
	Requester  VarPerson
	RecipientP VarPerson
	Highlights string // the requester's profile in a few lines
	Commitment string // "an introduction session", "help with Python over 3 sessions", "long-term mentorship"
	Note       string
	Answer     string // "approved all 3 sessions", "approved an introductory session", "declined"
	Message    string // the recipient's message with the answer
	Expires    string // when a mentor request expires, in the reader's words
	NextBest   string // other people who could fit, for a declined or expired request
	Sessions   int
}

// VarPerson is a person in a template.
type VarPerson struct{ Name, FirstName, Email, Title, Department string }

// VarProgram is a program in a template.
type VarProgram struct{ Name string }

// VarSession is a session in a template, its time shown in the recipient's zone.
type VarSession struct {
	Title, When, Duration, Location, URL, Agenda, TimeZone string
}

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

var templateLabels = map[string]string{
	"invite": "Session invitation", "update": "Session update", "cancellation": "Session cancelled", "closing": "Relationship closed",
	"request_summary": "Request summary (to the person asked)", "request_confirmation": "Request sent (to the requester)",
	"request_answer": "Request answered (to both)", "request_declined": "Request declined (to the requester)",
	"request_reminder": "Request reminder (to the person asked)", "request_expired": "Request expired (to the requester)",
	"request_closed": "Request no longer needed (to the person asked)",
	"introduction":   "Introduction of a new pair or group (to each member)",
}

var defaultTemplates = map[string]mail.Template{
	"introduction": {
		Subject: "Meet {{.OthersNames}}: your {{.Program.Name}} match",
		Text: `Hello {{.Recipient.FirstName}},

You have been paired with {{.OthersNames}} in {{.Program.Name}}.

{{.Match.Highlights}}
{{if .Match.Reasons}}
Why you were paired
{{.Match.Reasons}}
{{end}}
Say hello and find a first time to meet; I will send a calendar invitation once you have a date.

{{.Admin.Name}}{{if .Organisation}}, {{.Organisation}}{{end}}
`,
		HTML: `<p>Hello {{.Recipient.FirstName}},</p>
<p>You have been paired with <b>{{.OthersNames}}</b> in <b>{{.Program.Name}}</b>.</p>
<pre style="font-family:inherit;white-space:pre-wrap">{{.Match.Highlights}}</pre>
{{if .Match.Reasons}}<p><b>Why you were paired</b></p><pre style="font-family:inherit;white-space:pre-wrap">{{.Match.Reasons}}</pre>{{end}}
<p>Say hello and find a first time to meet; I will send a calendar invitation once you have a date.</p>
<p>{{.Admin.Name}}{{if .Organisation}}, {{.Organisation}}{{end}}</p>`,
	},
	"invite": {
		Subject: "Invitation: {{.Session.Title}} — {{.Session.When}}",
		Text: `Hello {{.Recipient.FirstName}},

You are invited to a {{.Program.Name}} session with {{.OthersNames}}.

When: {{.Session.When}} ({{.Session.Duration}})
{{if .Session.Location}}Where: {{.Session.Location}}
{{end}}{{if .Session.URL}}Join: {{.Session.URL}}
{{end}}{{if .Session.Agenda}}
Agenda
{{.Session.Agenda}}
{{end}}
Accept or decline with your calendar; the invitation is attached.

{{.Admin.Name}}{{if .Organisation}}, {{.Organisation}}{{end}}
`,
		HTML: `<p>Hello {{.Recipient.FirstName}},</p>
<p>You are invited to a <b>{{.Program.Name}}</b> session with {{.OthersNames}}.</p>
<p><b>When:</b> {{.Session.When}} ({{.Session.Duration}})<br>
{{if .Session.Location}}<b>Where:</b> {{.Session.Location}}<br>{{end}}
{{if .Session.URL}}<b>Join:</b> <a href="{{.Session.URL}}">{{.Session.URL}}</a>{{end}}</p>
{{if .Session.Agenda}}<p><b>Agenda</b></p><pre style="font-family:inherit;white-space:pre-wrap">{{.Session.Agenda}}</pre>{{end}}
<p>Accept or decline with your calendar; the invitation is attached.</p>
<p>{{.Admin.Name}}{{if .Organisation}}, {{.Organisation}}{{end}}</p>`,
	},
	"update": {
		Subject: "Updated: {{.Session.Title}} — {{.Session.When}}",
		Text: `Hello {{.Recipient.FirstName}},

Your {{.Program.Name}} session with {{.OthersNames}} has changed.

When: {{.Session.When}} ({{.Session.Duration}})
{{if .Session.Location}}Where: {{.Session.Location}}
{{end}}{{if .Session.URL}}Join: {{.Session.URL}}
{{end}}
Your calendar will update the event when you open the attached invitation.

{{.Admin.Name}}{{if .Organisation}}, {{.Organisation}}{{end}}
`,
		HTML: `<p>Hello {{.Recipient.FirstName}},</p>
<p>Your <b>{{.Program.Name}}</b> session with {{.OthersNames}} has changed.</p>
<p><b>When:</b> {{.Session.When}} ({{.Session.Duration}})<br>
{{if .Session.Location}}<b>Where:</b> {{.Session.Location}}<br>{{end}}
{{if .Session.URL}}<b>Join:</b> <a href="{{.Session.URL}}">{{.Session.URL}}</a>{{end}}</p>
<p>Your calendar will update the event when you open the attached invitation.</p>
<p>{{.Admin.Name}}{{if .Organisation}}, {{.Organisation}}{{end}}</p>`,
	},
	"cancellation": {
		Subject: "Cancelled: {{.Session.Title}} — {{.Session.When}}",
		Text: `Hello {{.Recipient.FirstName}},

Your {{.Program.Name}} session with {{.OthersNames}} on {{.Session.When}} is cancelled.
{{if .Reason}}
{{.Reason}}
{{end}}
Your calendar will remove the event when you open the attached notice.

{{.Admin.Name}}{{if .Organisation}}, {{.Organisation}}{{end}}
`,
		HTML: `<p>Hello {{.Recipient.FirstName}},</p>
<p>Your <b>{{.Program.Name}}</b> session with {{.OthersNames}} on {{.Session.When}} is cancelled.</p>
{{if .Reason}}<p>{{.Reason}}</p>{{end}}
<p>Your calendar will remove the event when you open the attached notice.</p>
<p>{{.Admin.Name}}{{if .Organisation}}, {{.Organisation}}{{end}}</p>`,
	},
	"request_summary": {
		Subject: "{{.Request.Requester.Name}} would like you as their {{.Request.Kind}} — {{.Program.Name}}",
		Text: `Hello {{.Recipient.FirstName}},

{{.Request.Requester.Name}} would like you as their {{.Request.Kind}} in {{.Program.Name}}.

What they ask for: {{.Request.Commitment}}
{{if .Request.Note}}
Their note:
{{.Request.Note}}
{{end}}
About {{.Request.Requester.FirstName}}:
{{.Request.Highlights}}
{{if .Request.Expires}}
Please answer by {{.Request.Expires}}.
{{end}}
To answer, reply to this email with one of:
  yes         — all the requested sessions
  intro only  — an introductory session to start
  no          — not now (a short message is welcome)

{{.Admin.Name}}{{if .Organisation}}, {{.Organisation}}{{end}}
`,
		HTML: `<p>Hello {{.Recipient.FirstName}},</p>
<p><b>{{.Request.Requester.Name}}</b> would like you as their {{.Request.Kind}} in <b>{{.Program.Name}}</b>.</p>
<p><b>What they ask for:</b> {{.Request.Commitment}}</p>
{{if .Request.Note}}<p><b>Their note:</b></p><blockquote style="white-space:pre-wrap">{{.Request.Note}}</blockquote>{{end}}
<p><b>About {{.Request.Requester.FirstName}}:</b></p><pre style="font-family:inherit;white-space:pre-wrap">{{.Request.Highlights}}</pre>
{{if .Request.Expires}}<p>Please answer by {{.Request.Expires}}.</p>{{end}}
<p>To answer, reply to this email with <b>yes</b> (all the requested sessions), <b>intro only</b> (an introductory session to start) or <b>no</b> (a short message is welcome).</p>
<p>{{.Admin.Name}}{{if .Organisation}}, {{.Organisation}}{{end}}</p>`,
	},
	"request_confirmation": {
		Subject: "Your request to {{.Request.RecipientP.Name}} is on its way",
		Text: `Hello {{.Recipient.FirstName}},

Your request to {{.Request.RecipientP.Name}} ({{.Request.Commitment}}) has been sent. You will hear from us when they answer.{{if .Request.Expires}} Mentor requests stay open until {{.Request.Expires}}.{{end}}

{{.Admin.Name}}{{if .Organisation}}, {{.Organisation}}{{end}}
`,
	},
	"request_answer": {
		Subject: "{{.Program.Name}}: {{.Request.Requester.Name}} and {{.Request.RecipientP.Name}} are matched",
		Text: `Hello {{.Recipient.FirstName}},

{{.Request.RecipientP.Name}} {{.Request.Answer}} for {{.Request.Requester.Name}}'s request.
{{if .Request.Message}}
{{.Request.Message}}
{{end}}
Next: we will send you both an invitation for your first session.

{{.Admin.Name}}{{if .Organisation}}, {{.Organisation}}{{end}}
`,
	},
	"request_declined": {
		Subject: "About your request to {{.Request.RecipientP.Name}}",
		Text: `Hello {{.Recipient.FirstName}},

Thank you for reaching out to {{.Request.RecipientP.Name}}. They cannot take this on right now{{if .Reason}} ({{.Reason}}){{end}}.
{{if .Request.Message}}
Their message:
{{.Request.Message}}
{{end}}{{if .Request.NextBest}}
Others in {{.Program.Name}} who could be a good fit: {{.Request.NextBest}}. Reply to this email and we will send a new request for you.
{{end}}
{{.Admin.Name}}{{if .Organisation}}, {{.Organisation}}{{end}}
`,
	},
	"request_reminder": {
		Subject: "Reminder: {{.Request.Requester.Name}} is waiting for your answer",
		Text: `Hello {{.Recipient.FirstName}},

{{.Request.Requester.Name}} asked you to be their {{.Request.Kind}} in {{.Program.Name}} ({{.Request.Commitment}}).{{if .Request.Expires}} The request stays open until {{.Request.Expires}}.{{end}}

Reply to this email with "yes", "intro only" or "no".

{{.Admin.Name}}{{if .Organisation}}, {{.Organisation}}{{end}}
`,
	},
	"request_expired": {
		Subject: "Your request to {{.Request.RecipientP.Name}} has expired",
		Text: `Hello {{.Recipient.FirstName}},

Your mentor request to {{.Request.RecipientP.Name}} was not answered in time and has expired.
{{if .Request.NextBest}}
Others in {{.Program.Name}} who could be a good fit: {{.Request.NextBest}}. Reply to this email and we will send a new request for you.
{{end}}
{{.Admin.Name}}{{if .Organisation}}, {{.Organisation}}{{end}}
`,
	},
	"request_closed": {
		Subject: "{{.Request.Requester.Name}}'s request is no longer open",
		Text: `Hello {{.Recipient.FirstName}},

{{.Request.Requester.Name}}'s request to you in {{.Program.Name}} is no longer open{{if .Reason}}: {{.Reason}}{{end}}. No need to answer it.

{{.Admin.Name}}{{if .Organisation}}, {{.Organisation}}{{end}}
`,
	},
	"closing": {
		Subject: "Thank you for your {{.Program.Name}} partnership",
		Text: `Hello {{.Recipient.FirstName}},

Your {{.Program.Name}} partnership with {{.OthersNames}} has come to a close. Thank you for the time and care you gave it.
{{if .Reason}}
{{.Reason}}
{{end}}
If you would like to stay involved — a new partner, or becoming a mentor — just reply to this email.

{{.Admin.Name}}{{if .Organisation}}, {{.Organisation}}{{end}}
`,
		HTML: `<p>Hello {{.Recipient.FirstName}},</p>
<p>Your <b>{{.Program.Name}}</b> partnership with {{.OthersNames}} has come to a close. Thank you for the time and care you gave it.</p>
{{if .Reason}}<p>{{.Reason}}</p>{{end}}
<p>If you would like to stay involved — a new partner, or becoming a mentor — just reply to this email.</p>
<p>{{.Admin.Name}}{{if .Organisation}}, {{.Organisation}}{{end}}</p>`,
	},
}

// sampleVars is what template previews and checks render with.
func sampleVars() MessageVars {
	return MessageVars{
		Recipient:   VarPerson{Name: "Ana Silva", FirstName: "Ana", Email: "ana.silva@northwind.example", Title: "Account Executive", Department: "Sales"},
		Others:      []VarPerson{{Name: "Jai Patel", FirstName: "Jai", Email: "jai.patel@northwind.example"}},
		OthersNames: "Jai Patel", Organisation: "Northwind", Admin: VarPerson{Name: "Sam Admin", FirstName: "Sam", Email: "mentoring@northwind.example"},
		Program: VarProgram{Name: "Peer Circles"},
		Session: VarSession{Title: "Peer session: Ana & Jai", When: "Tuesday 1 December 2026, 10:00 (Europe/Lisbon)", Duration: "45 minutes",
			Location: "Room 4.02", URL: "https://meet.example/abc", Agenda: "1. Introductions\n2. Goals", TimeZone: "Europe/Lisbon"},
		Reason: "Thank you both!",
		Request: VarRequest{Kind: "peer", Requester: VarPerson{Name: "Jai Patel", FirstName: "Jai"}, RecipientP: VarPerson{Name: "Ana Silva", FirstName: "Ana"},
			Highlights: "Software Engineer, Engineering, Berlin\nWants to grow: Public speaking", Commitment: "help with public speaking over 3 sessions",
			Note: "Hi Ana, I'd love to learn from you.", Answer: "approved all 3 sessions", Message: "Happy to!", Expires: "Monday 7 December 2026",
			NextBest: "Mei Chen, Lukas Müller", Sessions: 3},
		Match: VarMatch{Score: 82, Highlights: "Jai Patel (peer)\nSoftware Engineer, Engineering, Berlin\nGoals: Build confidence",
			Reasons: "both: Leadership, Public speaking (+6)\ntime zones 1 h apart (+3)"},
	}
}

// Templates edits the message templates.
type Templates struct {
	ctx context.Context // the app\'s lifetime: every query runs under it
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
		t, custom, err := s.get(s.ctx, s.db.Q, k)
		if err != nil {
			return nil, err
		}
		out = append(out, MessageTemplate{Kind: k, Label: templateLabels[k], Subject: t.Subject, Text: t.Text, HTML: t.HTML, Custom: custom})
	}
	return out, nil
}

// Save checks the template by rendering it with sample data and stores it; a template that
// fails to render is refused with the part and the reason.
func (s *Templates) Save(t MessageTemplate) (MessageTemplate, error) {
	if _, ok := defaultTemplates[t.Kind]; !ok {
		return t, fieldErr("kind", "%q is not a kind of message", t.Kind)
	}
	mt := mail.Template{Subject: t.Subject, Text: t.Text, HTML: t.HTML}
	if strings.TrimSpace(t.Subject) == "" {
		return t, fieldErr("subject", "A message needs a subject")
	}
	if strings.TrimSpace(t.Text) == "" {
		return t, fieldErr("text", "A message needs a plain-text body")
	}
	if err := mt.Check(sampleVars()); err != nil {
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
	t.Custom, t.Label = true, templateLabels[t.Kind]
	return t, nil
}

// Reset goes back to the default template of a kind.
func (s *Templates) Reset(kind string) (MessageTemplate, error) {
	if err := s.db.Q.DeleteMessageTemplate(s.ctx, kind); err != nil {
		return MessageTemplate{}, fmt.Errorf("reset template: %w", err)
	}
	d := defaultTemplates[kind]
	return MessageTemplate{Kind: kind, Label: templateLabels[kind], Subject: d.Subject, Text: d.Text, HTML: d.HTML}, nil
}

// Preview renders a template (saved or not) with sample data.
func (s *Templates) Preview(t MessageTemplate) (TemplatePreview, error) {
	subj, text, html, err := mail.Template{Subject: t.Subject, Text: t.Text, HTML: t.HTML}.Render(sampleVars())
	if err != nil {
		var te *mail.TemplateError
		if errors.As(err, &te) {
			return TemplatePreview{}, fieldErr(te.Part, "%s", upperFirst(te.Error()))
		}
		return TemplatePreview{}, err
	}
	return TemplatePreview{Subject: subj, Text: text, HTML: html}, nil
}

func (s *Templates) get(ctx context.Context, q *store.Queries, kind string) (mail.Template, bool, error) {
	row, err := q.GetMessageTemplate(ctx, kind)
	if err == nil {
		return mail.Template{Subject: row.Subject, Text: row.TextBody, HTML: row.HtmlBody}, true, nil
	}
	if !db.IsNotFound(err) {
		return mail.Template{}, false, fmt.Errorf("template %s: %w", kind, err)
	}
	return defaultTemplates[kind], false, nil
}

// render fills the kind's template (inside a transaction) for one recipient.
func (s *Templates) render(ctx context.Context, q *store.Queries, kind string, v MessageVars) (subject, text, html string, err error) {
	t, _, err := s.get(ctx, q, kind)
	if err != nil {
		return "", "", "", err
	}
	return t.Render(v)
}
