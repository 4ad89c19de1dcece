package notify

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"tandem/app/mail"
	"tandem/db/store"
)

// The samples are at the limits they claim: a group of MaxGroup, names of 200 characters, an
// agenda of 20,000; every default template renders for each within mail's limits (load checks
// it at start; this says how close the largest comes).
func TestSamples(t *testing.T) {
	s := Samples()
	if len(s) != 3 || s[0].Data.(Vars).Recipient.FirstName != "Ana" {
		t.Fatalf("samples %v", s)
	}
	l := s[1].Data.(Vars)
	if len(l.Others) != MaxGroup-1 || len([]rune(l.Recipient.Name)) != 200 || len([]rune(l.Session.Agenda)) != 20000 || len([]rune(l.Reason)) != 4000 {
		t.Errorf("longest sample: %d others, name %d, agenda %d", len(l.Others), len([]rune(l.Recipient.Name)), len([]rune(l.Session.Agenda)))
	}
	for _, k := range Kinds {
		d, _ := Default(k)
		for _, sm := range s {
			subj, text, html, err := d.Render(sm.Data)
			if err != nil {
				t.Errorf("%s for %s: %v", k, sm.Name, err)
			}
			if n := len(subj) + len(text) + len(html); n > mail.MaxMessageSize/2 {
				t.Errorf("%s for %s is %d bytes: the default leaves less than half of the 1 MB", k, sm.Name, n)
			}
		}
	}
}

// A saved template that passes a limit for one recipient (saved before the limits, or with
// data longer than the samples) stops that email within the limit, with a *RenderError that
// says which email, to whom and why; nothing is queued.
func TestQueueStopsAMessagePastTheLimits(t *testing.T) {
	q := mustQueries(t)
	ctx := context.Background()
	tests := []struct {
		name, text string
		want       string
		limit      error
	}{
		{"too long", strings.Repeat("{{.Session.Agenda}}", 60), "the message would be longer than 1 MB", mail.ErrTooLong},
		{"range over a number", "{{range 1000000000}}{{end}}", "range over a number", nil},
		{"nested ranges", "{{range .Others}}{{range $.Others}}{{$.Session.Agenda}}{{end}}{{end}}", "inside another {{range}}", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := q.PutMessageTemplate(ctx, store.PutMessageTemplateParams{Kind: "invite", Subject: "Hi", TextBody: tt.text, Now: "2026-11-23T09:30:00Z"}); err != nil {
				t.Fatal(err)
			}
			v := Sample()
			v.Session.Agenda = strings.Repeat("é", 10000) // 20 KB: 60 of them pass 1 MB
			start := time.Now()
			id, err := Queue(ctx, q, "invite", v, Message{ToName: "Ana Silva", ToEmail: "ana.silva@northwind.example"}, time.Now())
			took := time.Since(start)
			var re *RenderError
			if !errors.As(err, &re) || re.Kind != "invite" || re.To.Email != "ana.silva@northwind.example" || re.Err.Part != "text" ||
				!strings.Contains(re.Err.Reason, tt.want) {
				t.Fatalf("Queue = %d, %v; want a *RenderError for the text saying %q", id, err, tt.want)
			}
			if tt.limit != nil && !errors.Is(err, tt.limit) {
				t.Errorf("error %v is not %v", err, tt.limit)
			}
			if took > mail.MaxRenderTime {
				t.Errorf("took %v", took)
			}
			if rows, err := q.ListMessages(ctx, store.ListMessagesParams{Lim: 10}); err != nil || len(rows) != 0 {
				t.Errorf("outbox %v, %v; want nothing queued", rows, err)
			}
		})
	}
}
