package notify

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"tandem/app/mail"
	"tandem/db"
	"tandem/db/store"
)

// The default templates, three files a kind: <kind>.subject.txt, <kind>.txt (the plain-text
// body) and, optionally, <kind>.html.
//
//go:embed templates
var files embed.FS

var defaults = mustLoad(files, "templates")

// Default is the template Tandem ships for a kind; false for a kind it does not know.
func Default(kind string) (mail.Template, bool) {
	t, ok := defaults[kind]
	return t, ok
}

// Template is the kind's template inside a transaction: the admin's saved version (custom),
// else the default; an error for a kind Tandem does not write.
func Template(ctx context.Context, q *store.Queries, kind string) (t mail.Template, custom bool, err error) {
	row, err := q.GetMessageTemplate(ctx, kind)
	if err == nil {
		return mail.Template{Subject: row.Subject, Text: row.TextBody, HTML: row.HtmlBody}, true, nil
	}
	if !errors.Is(db.NotFound(err), db.ErrNotFound) {
		return mail.Template{}, false, fmt.Errorf("template %s: %w", kind, err)
	}
	d, ok := defaults[kind]
	if !ok {
		return mail.Template{}, false, fmt.Errorf("template %s: not a kind of email Tandem writes", kind)
	}
	return d, false, nil
}

// RenderError is an email that could not be written for one recipient: its template fails
// with their data, or passes a limit (mail.MaxMessageSize, mail.MaxRenderTime). The limits
// stop it within a second, so a transaction that renders many is never held for long.
type RenderError struct {
	Kind string // the kind of email
	To   Person // its recipient
	Err  *mail.TemplateError
}

// Error says which email, to whom, and why.
func (e *RenderError) Error() string {
	return fmt.Sprintf("%s email to %s: %v", e.Kind, e.To.Email, e.Err)
}

// Unwrap returns the template's error.
func (e *RenderError) Unwrap() error { return e.Err }

// Render fills the kind's template (inside a transaction) for one recipient. A template that
// fails or passes a limit with their data is a *RenderError.
func Render(ctx context.Context, q *store.Queries, kind string, v Vars) (subject, text, html string, err error) {
	t, _, err := Template(ctx, q, kind)
	if err != nil {
		return "", "", "", err
	}
	subject, text, html, err = t.Render(v)
	var te *mail.TemplateError
	if errors.As(err, &te) {
		return "", "", "", &RenderError{Kind: kind, To: v.Recipient, Err: te}
	}
	return subject, text, html, err
}

func mustLoad(fsys fs.FS, dir string) map[string]mail.Template {
	t, err := load(fsys, dir)
	if err != nil {
		panic(err) // the files are embedded: TestDefaults catches this before a build ships
	}
	return t
}

// load reads the default templates from dir: a subject and a text for every kind, an HTML
// body where there is one, no file for a kind Tandem does not write, and each one renders with
// every one of the Samples. A subject or HTML file's final line break is not part of it; the text
// keeps its own.
func load(fsys fs.FS, dir string) (map[string]mail.Template, error) {
	known := map[string]bool{}
	for _, k := range Kinds {
		known[k] = true
	}
	out := map[string]mail.Template{}
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("default templates: %w", err)
	}
	for _, e := range entries {
		name := e.Name()
		kind, part, ok := splitName(name)
		if !ok || !known[kind] || e.IsDir() {
			return nil, fmt.Errorf("default templates: %s is not <kind>.subject.txt, <kind>.txt or <kind>.html of a kind Tandem writes", name)
		}
		b, err := fs.ReadFile(fsys, path.Join(dir, name))
		if err != nil {
			return nil, fmt.Errorf("default templates: %w", err)
		}
		t := out[kind]
		switch part {
		case "subject":
			t.Subject = strings.TrimSuffix(string(b), "\n")
		case "text":
			t.Text = string(b)
		case "html":
			t.HTML = strings.TrimSuffix(string(b), "\n")
		}
		out[kind] = t
	}
	for _, k := range Kinds {
		t := out[k]
		if strings.TrimSpace(t.Subject) == "" || strings.Contains(t.Subject, "\n") {
			return nil, fmt.Errorf("default templates: %s.subject.txt is missing, empty or more than one line", k)
		}
		if strings.TrimSpace(t.Text) == "" {
			return nil, fmt.Errorf("default templates: %s.txt is missing or empty", k)
		}
		if err := t.CheckAll(Samples()...); err != nil {
			return nil, fmt.Errorf("default templates: %s: %w", k, err)
		}
	}
	return out, nil
}

// splitName reads "invite.subject.txt" as (invite, subject), "invite.txt" as (invite, text)
// and "invite.html" as (invite, html).
func splitName(name string) (kind, part string, ok bool) {
	switch {
	case strings.HasSuffix(name, ".subject.txt"):
		kind, part = strings.TrimSuffix(name, ".subject.txt"), "subject"
	case strings.HasSuffix(name, ".txt"):
		kind, part = strings.TrimSuffix(name, ".txt"), "text"
	case strings.HasSuffix(name, ".html"):
		kind, part = strings.TrimSuffix(name, ".html"), "html"
	default:
		return "", "", false
	}
	return kind, part, kind != "" && !strings.Contains(kind, ".")
}

// Sample is what template previews and checks render with.
func Sample() Vars {
	return Vars{
		Recipient:   Person{Name: "Ana Silva", FirstName: "Ana", Email: "ana.silva@northwind.example", Title: "Account Executive", Department: "Sales"},
		Others:      []Person{{Name: "Jai Patel", FirstName: "Jai", Email: "jai.patel@northwind.example"}},
		OthersNames: "Jai Patel", Organisation: "Northwind", Admin: Person{Name: "Sam Admin", FirstName: "Sam", Email: "mentoring@northwind.example"},
		Program: Program{Name: "Peer Circles"},
		Session: Session{Title: "Peer session: Ana & Jai", When: "Tuesday 1 December 2026, 10:00 (Europe/Lisbon)", Duration: "45 minutes",
			Location: "Room 4.02", URL: "https://meet.example/abc", Agenda: "1. Introductions\n2. Goals", TimeZone: "Europe/Lisbon"},
		Reason: "Thank you both!",
		Request: Request{Kind: "peer", Requester: Person{Name: "Jai Patel", FirstName: "Jai"}, RecipientP: Person{Name: "Ana Silva", FirstName: "Ana"},
			Highlights: "Software Engineer, Engineering, Berlin\nWants to grow: Public speaking", Commitment: "help with public speaking over 3 sessions",
			Note: "Hi Ana, I'd love to learn from you.", Answer: "approved all 3 sessions", Message: "Happy to!", Expires: "Monday 7 December 2026",
			NextBest: "Mei Chen, Lukas Müller", Sessions: 3},
		Match: Match{Score: 82, Highlights: "Jai Patel (peer)\nSoftware Engineer, Engineering, Berlin\nGoals: Build confidence",
			Reasons: "both: Leadership, Public speaking (+6)\ntime zones 1 h apart (+3)"},
	}
}
