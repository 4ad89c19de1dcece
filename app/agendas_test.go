package app_test

import (
	"strings"
	"testing"

	"tandem/app"
)

func TestAgendaLibraryIsSeeded(t *testing.T) {
	s, _ := mustOpen(t)
	list, err := s.Agendas.List()
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 14 {
		t.Fatalf("%d agenda templates, want 14", len(list))
	}
	if list[0].Name != "First session: getting started" || list[13].Name != "Closing session" {
		t.Errorf("first %q, last %q", list[0].Name, list[13].Name)
	}
	for _, a := range list {
		if !a.Builtin || a.Summary == "" || !strings.Contains(a.Body, "\n") || len(a.Body) < 100 {
			t.Errorf("template %q: builtin %v, summary %q, body %q", a.Name, a.Builtin, a.Summary, a.Body)
		}
	}
	for _, i := range []int{0, 13} {
		if b := list[i].Body; !strings.HasPrefix(b, "1. ") || !strings.Contains(b, "\n2. ") || !strings.Contains(b, "\n5. ") {
			t.Errorf("%q is not a numbered agenda:\n%s", list[i].Name, b)
		}
	}
}

func TestAgendaTemplatesCreateUpdateDelete(t *testing.T) {
	s, _ := mustOpen(t)
	in := app.AgendaTemplateInput{Name: "  Mock interview ", Summary: "Practise for a real one.", Body: "1. Pick a role.\n2. Ask five questions.\n3. Give feedback.\n"}
	a, err := s.Agendas.Create(in)
	if err != nil {
		t.Fatal(err)
	}
	if a.ID == 0 || a.Name != "Mock interview" || a.Builtin || a.Body != "1. Pick a role.\n2. Ask five questions.\n3. Give feedback." {
		t.Errorf("created %+v", a)
	}
	list, _ := s.Agendas.List()
	if len(list) != 15 || list[14].ID != a.ID {
		t.Errorf("the new template is not last of %d", len(list))
	}

	tests := []struct {
		name  string
		in    app.AgendaTemplateInput
		field string
	}{
		{"name of a built-in", app.AgendaTemplateInput{Name: "Closing session", Body: "1. x"}, "name"},
		{"same name in other case", app.AgendaTemplateInput{Name: "MOCK INTERVIEW", Body: "1. x"}, "name"},
		{"no name", app.AgendaTemplateInput{Name: " ", Body: "1. x"}, "name"},
		{"no body", app.AgendaTemplateInput{Name: "Empty", Body: "\n"}, "body"},
		{"name with a line break", app.AgendaTemplateInput{Name: "Two\nlines", Body: "1. x"}, "name"},
		{"body too long", app.AgendaTemplateInput{Name: "Long", Body: strings.Repeat("x", 20001)}, "body"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.Agendas.Create(tt.in)
			if err == nil {
				t.Fatal("want an error")
			}
			if got := fieldOf(t, err); got != tt.field {
				t.Errorf("field %q, want %q (%v)", got, tt.field, err)
			}
		})
	}
	if list, _ := s.Agendas.List(); len(list) != 15 {
		t.Errorf("%d templates after refused creates, want 15", len(list))
	}

	u, err := s.Agendas.Update(a.ID, app.AgendaTemplateInput{Name: "Mock interview (45 min)", Summary: "", Body: "1. Ask.\n2. Listen."})
	if err != nil {
		t.Fatal(err)
	}
	if u.ID != a.ID || u.Name != "Mock interview (45 min)" || u.Body != "1. Ask.\n2. Listen." || u.Summary != "" {
		t.Errorf("updated %+v", u)
	}
	if _, err := s.Agendas.Update(a.ID, app.AgendaTemplateInput{Name: "first session: GETTING STARTED", Body: "1. x"}); err == nil || fieldOf(t, err) != "name" {
		t.Errorf("renamed to a taken name: %v", err)
	}
	if _, err := s.Agendas.Update(9999, app.AgendaTemplateInput{Name: "Ghost", Body: "1. x"}); err == nil {
		t.Error("updated a template that does not exist")
	}

	if err := s.Agendas.Delete(a.ID); err != nil {
		t.Fatal(err)
	}
	list, _ = s.Agendas.List()
	if len(list) != 14 {
		t.Errorf("%d templates after delete, want 14", len(list))
	}
	for _, x := range list {
		if x.ID == a.ID {
			t.Error("the deleted template is still listed")
		}
	}
}

func TestDeletingAnAgendaTemplateKeepsTheSessionsAgenda(t *testing.T) {
	f := newMailFixture(t, nil)
	a, err := f.s.Agendas.Create(app.AgendaTemplateInput{Name: "Walk and talk", Body: "1. Walk.\n2. Talk."})
	if err != nil {
		t.Fatal(err)
	}
	in := f.session("2026-12-01T10:00")
	in.Agenda, in.AgendaTemplateID = a.Body, a.ID
	got, err := f.s.Sessions.Schedule(in)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.s.Agendas.Delete(a.ID); err != nil {
		t.Fatal(err)
	}
	se, err := f.s.Sessions.Get(got[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if se.Agenda != "1. Walk.\n2. Talk." || se.AgendaTemplateID != 0 {
		t.Errorf("after deleting its template the session has agenda %q, template %d", se.Agenda, se.AgendaTemplateID)
	}
	m := byRecipient(t, f.messages(t, "queued"), anaEmail)
	if !strings.Contains(m.Text, "Agenda\n1. Walk.\n2. Talk.") || icsProp(t, m.Calendar, "DESCRIPTION") != `1. Walk.\n2. Talk.` {
		t.Errorf("invite agenda:\n%s\n%s", m.Text, m.Calendar)
	}
}
