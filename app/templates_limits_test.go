package app_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"tandem/app"
	"tandem/db"
	"tandem/db/store"
)

// TestSaveTemplateRefusesHostileTemplates: Save checks a template against the sample
// recipient, a group of 20 with the longest names and texts Tandem accepts, and a recipient
// with no optional details, within 1 MB and 1 s a message; it refuses, quickly and with the
// field and the reason, what would run for seconds or write megabytes, and saves nothing.
func TestSaveTemplateRefusesHostileTemplates(t *testing.T) {
	s, _ := mustOpen(t)
	base := app.MessageTemplate{Kind: "invite", Subject: "Invitation: {{.Session.Title}}", Text: "Hello {{.Recipient.FirstName}}",
		HTML: "<p>Hello {{.Recipient.FirstName}}</p>"}
	tests := []struct {
		name  string
		edit  func(*app.MessageTemplate)
		field string
		says  string
	}{
		{"range over a huge number", func(m *app.MessageTemplate) { m.Text = "{{range 1000000000}}{{end}}" }, "text",
			"Text: line 1: the template uses range over a number ({{range 1000000000}}), which Tandem does not allow"},
		{"nested ranges", func(m *app.MessageTemplate) {
			m.HTML = "{{range .Others}}{{range $.Others}}<p>{{$.Session.Agenda}}</p>{{end}}{{end}}"
		}, "html", "a {{range}} inside another {{range}} is not allowed"},
		{"recursion", func(m *app.MessageTemplate) { m.Text = `{{define "x"}}{{template "x" .}}{{end}}{{template "x" .}}` }, "text",
			"{{define}} and {{block}} are not allowed"},
		{"huge printf width", func(m *app.MessageTemplate) { m.Subject = `{{printf "%999999999d" 1}}` }, "subject", "pads to 999999999 characters; at most 100"},
		{"long for a group of 20", func(m *app.MessageTemplate) { m.Text = strings.Repeat("{{.Session.Agenda}}\n", 25) }, "text",
			"Text: the message would be longer than 1 MB for a group of 20 with the longest names and texts Tandem accepts"},
		{"long for each other member", func(m *app.MessageTemplate) {
			m.HTML = "{{range .Others}}<p>" + strings.Repeat("{{$.Reason}}", 12) + "</p>{{end}}"
		}, "html",
			"longer than 1 MB for a group of 20"},
		{"fails for a recipient with no agenda", func(m *app.MessageTemplate) { m.Text = "{{slice .Session.Agenda 0 3}}" }, "text",
			"for a recipient whose optional details"},
		{"long subject for the sample", func(m *app.MessageTemplate) { m.Subject = strings.Repeat("{{.Recipient.Name}} ", 30) }, "subject",
			"the subject would be 299 characters long; at most 250"},
		{"template longer than 64 KB", func(m *app.MessageTemplate) { m.Text = strings.Repeat("Hello. ", 10000) }, "text", "at most 65536"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := base
			tt.edit(&in)
			start := time.Now()
			_, err := s.Templates.Save(in)
			if took := time.Since(start); took > time.Second {
				t.Errorf("Save took %v", took) // 36 s for {{range 1000000000}} before the limits
			}
			if err == nil {
				t.Fatal("want an error")
			}
			if got := fieldOf(t, err); got != tt.field || !strings.Contains(err.Error(), tt.says) {
				t.Errorf("field %q %q\nwant %q saying %q", got, err, tt.field, tt.says)
			}
		})
	}
	list, err := s.Templates.List()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range list {
		if m.Custom {
			t.Errorf("a refused template was saved: %+v", m)
		}
	}
	// What Tandem's own templates need is still allowed, ranges over the members included.
	ok := base
	ok.Text = "Hello {{.Recipient.FirstName}}, meet {{range $i, $o := .Others}}{{if $i}}, {{end}}{{$o.FirstName}}{{end}}.\n{{printf \"%-12s\" .Program.Name}}|"
	if _, err := s.Templates.Save(ok); err != nil {
		t.Errorf("Save of a template within the rules: %v", err)
	}
}

// putTemplate stores a template as one saved before the limits would have been: straight into
// the database, past Save's checks.
func putTemplate(t *testing.T, d *db.DB, kind, subject, text string) {
	t.Helper()
	if err := d.Q.PutMessageTemplate(context.Background(), store.PutMessageTemplateParams{Kind: kind, Subject: subject, TextBody: text,
		Now: "2026-11-01T09:00:00Z"}); err != nil {
		t.Fatal(err)
	}
}

// TestScheduleRefusedWhenAnInviteCannotBeWritten: an invitation that fails at render time — a
// template saved before the limits, or one that passes 1 MB with this session's agenda — stops
// within a second; Schedule is refused whole with which email, to whom and why, and nothing is
// saved (no session, no email), so no attendee gets half of it. After the template is reset the
// same session schedules.
func TestScheduleRefusedWhenAnInviteCannotBeWritten(t *testing.T) {
	f := newMailFixture(t, nil)
	tests := []struct {
		name, text, agenda, says string
	}{
		{"range over a huge number", "{{range 1000000000}}{{end}}", "Goals",
			"The “Session invitation” email to Ana Silva could not be written: its plain text: line 1: the template uses range over a number ({{range 1000000000}}), which Tandem does not allow"},
		{"longer than 1 MB with this agenda", strings.Repeat("{{.Session.Agenda}}", 60), strings.Repeat("é", 20000),
			"The “Session invitation” email to Ana Silva could not be written: its plain text: the message would be longer than 1 MB."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			putTemplate(t, f.d, "invite", "Invitation", tt.text)
			in := f.session("2026-12-01T10:00")
			in.Agenda = tt.agenda
			start := time.Now()
			_, err := f.s.Sessions.Schedule(in)
			if took := time.Since(start); took > time.Second {
				t.Errorf("Schedule took %v, holding the write lock", took)
			}
			if err == nil || fieldOf(t, err) != "" || !strings.Contains(err.Error(), tt.says) ||
				!strings.Contains(err.Error(), "Nothing was saved: change that template in Settings → Message templates, then try again.") {
				t.Fatalf("Schedule = %v\nwant %q", err, tt.says)
			}
			if got, err := f.s.Sessions.ForRelationship(f.rel.ID); err != nil || len(got) != 0 {
				t.Errorf("sessions %+v, %v; want none", got, err)
			}
			if m := f.messages(t, ""); len(m) != 0 {
				t.Errorf("outbox %+v; want nothing", m)
			}
		})
	}
	if _, err := f.s.Templates.Reset("invite"); err != nil {
		t.Fatal(err)
	}
	f.schedule(t, "2026-12-01T10:00")
	if m := f.messages(t, "queued"); len(m) != 2 {
		t.Errorf("%d invites queued after the reset, want 2", len(m))
	}
}

// TestSweepLeavesARequestWhoseEmailCannotBeWritten: the hourly sweep (and the one at start)
// has no admin to refuse: a request whose reminder cannot be written for its recipient is left
// as it was (and logged), and the others go on.
func TestSweepLeavesARequestWhoseEmailCannotBeWritten(t *testing.T) {
	f := newReqFixture(t)
	sent := f.now
	short, err := f.s.Requests.Create(app.RequestInput{ProgramID: f.cohor.ID, Kind: "mentor", RequesterID: f.c["Ana"].ID, RecipientID: f.c["Max"].ID,
		Commitment: "intro", Note: "Hi Max"})
	if err != nil {
		t.Fatal(err)
	}
	long, err := f.s.Requests.Create(app.RequestInput{ProgramID: f.cohor.ID, Kind: "mentor", RequesterID: f.c["Ole"].ID, RecipientID: f.c["Rita"].ID,
		Commitment: "intro", Note: strings.Repeat("é", 4000)})
	if err != nil {
		t.Fatal(err)
	}
	// 150 notes: 1.2 MB for Rita, 900 bytes for Max.
	putTemplate(t, f.d, "request_reminder", "Reminder", strings.Repeat("{{.Request.Note}}", 150))
	f.now = sent.Add(7 * 24 * time.Hour) // halfway: both reminders are due
	n, err := f.s.Requests.Sweep()
	if err != nil || n != 1 {
		t.Fatalf("Sweep = %d, %v; want 1 request reminded and no error", n, err)
	}
	reminders := f.outbox(t, "request_reminder")
	if len(reminders) != 1 || reminders[0].ToEmail != "max@example.org" {
		t.Errorf("reminders %+v; want one, to Max", reminders)
	}
	if d, _ := f.s.Requests.Detail(long.ID); len(d.Events) != 1 {
		t.Errorf("the request Rita could not be reminded of has events %+v", d.Events)
	}
	if _, err := f.s.Templates.Reset("request_reminder"); err != nil {
		t.Fatal(err)
	}
	if n, err := f.s.Requests.Sweep(); err != nil || n != 1 {
		t.Errorf("Sweep after the reset = %d, %v; want Rita's request reminded", n, err)
	}
	if got := f.outbox(t, "request_reminder"); len(got) != 2 {
		t.Errorf("%d reminders after the reset, want 2", len(got))
	}
	_ = short
}

// TestCloseRefusedWhenTheThankYouCannotBeWritten: the admin's 4,000-character message makes a
// closing template saved before the limits pass 1 MB: Close is refused with the reason, and
// the relationship, its sessions and the outbox are as they were.
func TestCloseRefusedWhenTheThankYouCannotBeWritten(t *testing.T) {
	f := newMailFixture(t, nil)
	se := f.schedule(t, "2026-12-01T10:00")
	putTemplate(t, f.d, "closing", "Thank you", strings.Repeat("{{.Reason}}", 100))
	_, err := f.s.Relationships.Close(f.rel.ID, app.CloseInput{Status: "completed", Reason: "Goals reached", ThankYou: true,
		Message: strings.Repeat("😀", 4000)})
	if err == nil || !strings.Contains(err.Error(), "The “Relationship closed” email to Ana Silva could not be written: its plain text: the message would be longer than 1 MB") {
		t.Fatalf("Close = %v", err)
	}
	if r, _ := f.s.Relationships.Get(f.rel.ID); r.Status != "active" {
		t.Errorf("relationship %s, want active", r.Status)
	}
	if got, _ := f.s.Sessions.Get(se.ID); got.Status != "scheduled" {
		t.Errorf("session %s, want scheduled", got.Status)
	}
	if m := f.messages(t, "queued"); len(m) != 2 {
		t.Errorf("%d queued, want the 2 invites only", len(m))
	}
	if _, err := f.s.Relationships.Close(f.rel.ID, app.CloseInput{Status: "completed", Reason: "Goals reached", ThankYou: true,
		Message: "Thank you both!"}); err != nil {
		t.Errorf("Close with a short message: %v", err)
	}
}
