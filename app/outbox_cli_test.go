package app_test

import (
	"strings"
	"testing"

	"tandem/app"
	"tandem/app/mail/smtptest"
)

// `tandem outbox send` sends what is queued through a server named on the command line (not the
// saved one), one line per message, and counts a refusal as failed.
func TestSendQueuedFromTheCommandLine(t *testing.T) {
	f := newMailFixture(t, func(st *app.AppSettings) { st.SMTPHost, st.SMTPPort = "127.0.0.1", 1 }) // saved: nothing listens
	second := smtptest.Start(t)
	f.s.Settings.TLS = second.ClientTLS
	f.schedule(t, "2027-03-01T10:00")
	second.FailNext(kenjiEmail, 550, 1)
	var lines []string
	p, err := f.s.SendQueued(&app.SMTPServer{Host: second.Host, Port: second.Port, Username: "tandem", Security: "starttls"},
		func(l string) { lines = append(lines, l) })
	if err != nil {
		t.Fatal(err)
	}
	if p.Sent != 1 || p.Failed != 1 || p.Running {
		t.Errorf("progress = %+v", p)
	}
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "sent") || !strings.Contains(lines[0], anaEmail) ||
		!strings.HasPrefix(lines[1], "failed") || !strings.Contains(lines[1], kenjiEmail) || !strings.Contains(lines[1], "550") {
		t.Errorf("lines = %q", lines)
	}
	if n := len(second.Messages()); n != 1 {
		t.Errorf("the named server got %d messages, want 1", n)
	}
	if sent := f.messages(t, "sent"); len(sent) != 1 || sent[0].ToEmail != anaEmail {
		t.Errorf("outbox after: %s", summary(f.messages(t, "")))
	}
}

// With drafts as the saved delivery and no server named, the command says what to do instead.
func TestSendQueuedRefusesDraftsDelivery(t *testing.T) {
	f := newMailFixture(t, func(st *app.AppSettings) { st.Delivery, st.DraftsDir = "drafts", t.TempDir() })
	f.schedule(t, "2027-03-01T10:00")
	_, err := f.s.SendQueued(nil, func(string) {})
	if err == nil || !strings.Contains(err.Error(), "tandem outbox export") {
		t.Fatalf("err = %v", err)
	}
	if q := f.messages(t, "queued"); len(q) != 2 {
		t.Errorf("nothing may leave: %s", summary(f.messages(t, "")))
	}
}
