package notify

import (
	"context"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"tandem/db"
	"tandem/db/store"
)

func TestDefaults(t *testing.T) {
	if len(defaults) != len(Kinds) {
		t.Fatalf("%d default templates, want one per kind (%d)", len(defaults), len(Kinds))
	}
	for _, k := range Kinds {
		t.Run(k, func(t *testing.T) {
			d, ok := Default(k)
			if !ok {
				t.Fatal("no default template")
			}
			if Label(k) == "" {
				t.Error("no label for the template editor")
			}
			subj, text, html, err := d.Render(Sample())
			if err != nil {
				t.Fatal(err)
			}
			if subj == "" || strings.Contains(subj, "{{") {
				t.Errorf("subject %q", subj)
			}
			// Every email greets the reader and is signed by the admin.
			for _, want := range []string{"Hello Ana,", "Sam Admin, Northwind"} {
				if !strings.Contains(text, want) {
					t.Errorf("text has no %q:\n%s", want, text)
				}
				if d.HTML != "" && !strings.Contains(html, want) {
					t.Errorf("html has no %q:\n%s", want, html)
				}
			}
			if !strings.HasSuffix(text, "\n") || strings.HasSuffix(text, "\n\n") {
				t.Errorf("text should end with one line break: %q", text[max(0, len(text)-20):])
			}
		})
	}
}

// embeddedCopy is the embedded templates directory as a map the cases below can break.
func embeddedCopy(t *testing.T) fstest.MapFS {
	t.Helper()
	out := fstest.MapFS{}
	err := fs.WalkDir(files, "templates", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := fs.ReadFile(files, p)
		out[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestLoadRefusesBrokenFiles(t *testing.T) {
	if _, err := load(embeddedCopy(t), "templates"); err != nil {
		t.Fatalf("the embedded templates do not load: %v", err)
	}
	tests := []struct {
		name   string
		break_ func(fstest.MapFS)
		says   string
	}{
		{"subject missing", func(m fstest.MapFS) { delete(m, "templates/invite.subject.txt") }, "invite.subject.txt"},
		{"text missing", func(m fstest.MapFS) { delete(m, "templates/closing.txt") }, "closing.txt"},
		{"empty text", func(m fstest.MapFS) { m["templates/update.txt"] = &fstest.MapFile{Data: []byte("\n")} }, "update.txt"},
		{"subject on two lines", func(m fstest.MapFS) {
			m["templates/invite.subject.txt"] = &fstest.MapFile{Data: []byte("Invitation\n{{.Session.Title}}\n")}
		}, "more than one line"},
		{"bad syntax", func(m fstest.MapFS) {
			m["templates/request_summary.txt"] = &fstest.MapFile{Data: []byte("Hello {{.Recipient.FirstName\n")}
		}, "request_summary: text"},
		{"unknown variable", func(m fstest.MapFS) {
			m["templates/introduction.html"] = &fstest.MapFile{Data: []byte("<p>{{.Match.Percent}}</p>\n")}
		}, "introduction: html"},
		{"a file for no kind", func(m fstest.MapFS) { m["templates/survey.txt"] = &fstest.MapFile{Data: []byte("Hello\n")} }, "survey.txt"},
		{"a misnamed part", func(m fstest.MapFS) { m["templates/invite.body.txt"] = &fstest.MapFile{Data: []byte("Hello\n")} }, "invite.body.txt"},
		{"no directory", func(m fstest.MapFS) {
			for k := range m {
				delete(m, k)
			}
		}, "default templates"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := embeddedCopy(t)
			tt.break_(m)
			_, err := load(m, "templates")
			if err == nil || !strings.Contains(err.Error(), tt.says) {
				t.Fatalf("got %v, want an error saying %q", err, tt.says)
			}
		})
	}
}

func mustQueries(t *testing.T) *store.Queries {
	t.Helper()
	d, err := db.Open(context.Background(), filepath.Join(t.TempDir(), "tandem.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d.Q
}

// A template an admin saved before the variables moved to this package still renders: the
// names it uses are the ones Vars keeps.
func TestSavedTemplateKeepsItsVariables(t *testing.T) {
	q := mustQueries(t)
	ctx := context.Background()
	saved := store.PutMessageTemplateParams{Kind: "invite",
		Subject: "{{.Program.Name}}: {{.Session.Title}} with {{.OthersNames}}",
		TextBody: `{{.Recipient.Name}} {{.Recipient.FirstName}} {{.Recipient.Email}} {{.Recipient.Title}} {{.Recipient.Department}}
{{range .Others}}{{.FirstName}} <{{.Email}}>{{end}} | {{.Organisation}} | {{.Admin.Name}} {{.Admin.FirstName}} {{.Admin.Email}}
{{.Session.When}} {{.Session.Duration}} {{.Session.Location}} {{.Session.URL}} {{.Session.TimeZone}} {{.Session.Agenda}}
{{.Reason}} {{.Request.Kind}} {{.Request.Requester.Name}} {{.Request.RecipientP.FirstName}} {{.Request.Commitment}} {{.Request.Note}}
{{.Request.Answer}} {{.Request.Message}} {{.Request.Expires}} {{.Request.NextBest}} {{.Request.Sessions}} {{.Request.Highlights}}
{{.Match.Score}} % {{.Match.Highlights}} {{.Match.Reasons}}
`,
		HtmlBody: `<p>{{.Recipient.FirstName}}: <a href="{{.Session.URL}}">{{.Session.Title}}</a></p>`,
		Now:      "2026-11-23T09:30:00Z"}
	if err := q.PutMessageTemplate(ctx, saved); err != nil {
		t.Fatal(err)
	}
	tmpl, custom, err := Template(ctx, q, "invite")
	if err != nil || !custom || tmpl.Subject != saved.Subject {
		t.Fatalf("Template: %+v custom %v, %v; want the saved one", tmpl, custom, err)
	}
	subj, text, html, err := Render(ctx, q, "invite", Sample())
	if err != nil {
		t.Fatalf("a saved template with the old variable names does not render: %v", err)
	}
	if subj != "Peer Circles: Peer session: Ana & Jai with Jai Patel" {
		t.Errorf("subject %q", subj)
	}
	for _, want := range []string{"Ana Silva Ana ana.silva@northwind.example Account Executive Sales", "Jai <jai.patel@northwind.example> | Northwind | Sam Admin Sam",
		"45 minutes Room 4.02", "peer Jai Patel Ana help with public speaking", "Mei Chen, Lukas Müller 3", "82 % Jai Patel (peer)"} {
		if !strings.Contains(text, want) {
			t.Errorf("text has no %q:\n%s", want, text)
		}
	}
	if html != `<p>Ana: <a href="https://meet.example/abc">Peer session: Ana &amp; Jai</a></p>` {
		t.Errorf("html %q", html)
	}
	// The other kinds, not saved, are the defaults.
	if _, custom, err := Template(ctx, q, "update"); err != nil || custom {
		t.Errorf("update: custom %v, %v; want the default", custom, err)
	}
}

func TestQueueWritesTheOutboxRow(t *testing.T) {
	q := mustQueries(t)
	ctx := context.Background()
	now := time.Date(2026, 11, 23, 9, 30, 0, 0, time.FixedZone("CET", 3600))
	v := Sample()
	id, err := Queue(ctx, q, "closing", v, Message{ToName: "Ana Silva", ToEmail: "ana.silva@northwind.example", Calendar: "BEGIN:VCALENDAR", Method: "REQUEST"}, now)
	if err != nil {
		t.Fatal(err)
	}
	m, err := q.GetMessage(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if m.Kind != "closing" || m.Status != "queued" || m.ToEmail != "ana.silva@northwind.example" || m.Subject != "Thank you for your Peer Circles partnership" ||
		!strings.Contains(m.TextBody, "Thank you both!") || !strings.Contains(m.HtmlBody, "<p>Hello Ana,</p>") || m.Calendar != "BEGIN:VCALENDAR" ||
		m.Method != "REQUEST" || m.CreatedAt != "2026-11-23T08:30:00Z" || m.SessionID.Valid || m.RelationshipID.Valid {
		t.Errorf("outbox row %+v", m)
	}
	if _, err := Enqueue(ctx, q, Message{Kind: "request_summary", ToEmail: "a@b.example", RequestID: 7, Calendar: "BEGIN:VCALENDAR"}, now); err == nil {
		t.Error("a request message with a calendar was queued")
	}
	if _, err := Queue(ctx, q, "survey", v, Message{ToEmail: "a@b.example"}, now); err == nil || !strings.Contains(err.Error(), "survey") {
		t.Errorf("a kind with no template: %v", err)
	}
}
