package app_test

import (
	"strings"
	"testing"

	"tandem/app"
)

func TestSaveTemplateRefusesWhatCannotRender(t *testing.T) {
	s, _ := mustOpen(t)
	base := app.MessageTemplate{Kind: "invite", Subject: "Invitation: {{.Session.Title}}", Text: "Hello {{.Recipient.FirstName}}",
		HTML: "<p>Hello {{.Recipient.FirstName}}</p>"}
	tests := []struct {
		name  string
		edit  func(*app.MessageTemplate)
		field string
		says  string
	}{
		{"bad syntax in the subject", func(m *app.MessageTemplate) { m.Subject = "Invitation: {{.Session.Title" }, "subject", "syntax error"},
		{"unknown variable in the text", func(m *app.MessageTemplate) { m.Text = "Hello {{.Nope}}" }, "text", "unknown variable {{.Nope}}"},
		{"unknown nested variable in the text", func(m *app.MessageTemplate) { m.Text = "{{.Session.Room}}" }, "text", ".Session.Room"},
		{"unknown variable in the html", func(m *app.MessageTemplate) { m.HTML = "<p>{{.Nope}}</p>" }, "html", "unknown variable {{.Nope}}"},
		{"unclosed tag in the html", func(m *app.MessageTemplate) { m.HTML = `<p title="{{.Program.Name}}` }, "html", "ends inside"},
		{"unknown function", func(m *app.MessageTemplate) { m.Subject = "{{shout .Program.Name}}" }, "subject", "shout"},
		{"no subject", func(m *app.MessageTemplate) { m.Subject = " " }, "subject", "subject"},
		{"no text", func(m *app.MessageTemplate) { m.Text = "" }, "text", "plain-text"},
		{"unknown kind", func(m *app.MessageTemplate) { m.Kind = "survey" }, "kind", "survey"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := base
			tt.edit(&in)
			_, err := s.Templates.Save(in)
			if err == nil {
				t.Fatal("want an error")
			}
			if got := fieldOf(t, err); got != tt.field || !strings.Contains(err.Error(), tt.says) {
				t.Errorf("field %q %q, want %q saying %q", got, err, tt.field, tt.says)
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
	if len(list) != len(app.MessageKinds) {
		t.Errorf("%d templates, want one per kind of message (%d)", len(list), len(app.MessageKinds))
	}
	// Every default template renders with the sample data.
	for _, m := range list {
		if _, err := s.Templates.Preview(m); err != nil {
			t.Errorf("default %s template: %v", m.Kind, err)
		}
	}
}

func TestCustomTemplateIsUsedForTheNextInviteAndResetRestoresTheDefault(t *testing.T) {
	f := newMailFixture(t, nil)
	saved, err := f.s.Templates.Save(app.MessageTemplate{Kind: "invite",
		Subject: "{{.Program.Name}}: you meet {{.OthersNames}}",
		Text:    "Hi {{.Recipient.FirstName}}, see you {{.Session.When}}.\n",
		HTML:    "<p>Hi {{.Recipient.FirstName}} &amp; welcome</p>"})
	if err != nil {
		t.Fatal(err)
	}
	if !saved.Custom || saved.Label != "Session invitation" {
		t.Errorf("saved %+v", saved)
	}
	first := f.schedule(t, "2026-12-01T10:00")
	m := byRecipient(t, f.messages(t, "queued"), kenjiEmail)
	if m.Subject != "Test evergreen: you meet Ana Silva" || m.Text != "Hi Kenji, see you Tuesday 1 December 2026, 18:00 (Asia/Tokyo).\n" ||
		m.HTML != "<p>Hi Kenji &amp; welcome</p>" {
		t.Errorf("custom invite:\n%q\n%q\n%q", m.Subject, m.Text, m.HTML)
	}
	list, _ := f.s.Templates.List()
	if list[0].Kind != "invite" || !list[0].Custom || list[1].Custom {
		t.Errorf("list %+v", list[:2])
	}

	def, err := f.s.Templates.Reset("invite")
	if err != nil {
		t.Fatal(err)
	}
	if def.Custom || !strings.HasPrefix(def.Subject, "Invitation: ") {
		t.Errorf("reset returned %+v", def)
	}
	f.schedule(t, "2026-12-08T10:00")
	for _, q := range f.messages(t, "queued") {
		if q.SessionID == first.ID {
			if !strings.HasPrefix(q.Subject, "Test evergreen: you meet") {
				t.Errorf("an invite already queued was rewritten: %q", q.Subject)
			}
			continue
		}
		if !strings.HasPrefix(q.Subject, "Invitation: Peer session: Ana & Kenji — Tuesday 8 December 2026") ||
			!strings.Contains(q.Text, "Accept or decline with your calendar") {
			t.Errorf("default invite:\n%s\n%s", q.Subject, q.Text)
		}
	}
	if list, _ := f.s.Templates.List(); list[0].Custom {
		t.Error("the invite template is still custom after Reset")
	}
}

func TestTemplatePreviewUsesSampleData(t *testing.T) {
	s, _ := mustOpen(t)
	p, err := s.Templates.Preview(app.MessageTemplate{Kind: "closing", Subject: "Bye {{.Recipient.FirstName}}", Text: "{{.Reason}}"})
	if err != nil {
		t.Fatal(err)
	}
	if p.Subject != "Bye Ana" || p.Text != "Thank you both!" || p.HTML != "" {
		t.Errorf("preview %+v", p)
	}
	if _, err := s.Templates.Preview(app.MessageTemplate{Subject: "x", Text: "{{.Nope}}"}); err == nil || fieldOf(t, err) != "text" {
		t.Errorf("preview of a bad template: %v", err)
	}
}
