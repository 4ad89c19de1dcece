package validate_test

import (
	"context"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"tandem/app/invite"
	"tandem/app/mail"
	"tandem/app/mail/smtptest"
	"tandem/app/validate"
)

// FuzzAddress checks the promise of the one address rule: whatever validate.Address accepts,
// the calendar invite accepts (as organizer and attendee) and the SMTP sender delivers through
// the real test server — with SMTPUTF8 always, without it exactly when the local part is ASCII
// (else with the clear reason); whatever it refuses, the invite and the message builder refuse.
func FuzzAddress(f *testing.F) {
	for _, s := range []string{
		"ana@example.org", "Ana.Silva+x@Example.ORG", "o'brien/x=y^z`{|}~!$&*@example.ie",
		"ana#1@example.org", "ana%x@example.org", "ana?@example.org", "ana\u200b@example.org",
		"\u202egro.elpmaxe@ana", "ana\u200e@example.org", "an\u00ada@example.org", "ana\u00a0@example.org",
		"ana\uff20example.org", "ana@ｅｘａｍｐｌｅ.org", "ana@bücher.example", "ana@bu\u0308cher.example",
		"ana@xn--bcher-kva.example", "josé@example.org", "ana.müller@bücher.example", "अजय@example.in",
		"ana@例え.テスト", strings.Repeat("a", 64) + "@example.org", strings.Repeat("a", 65) + "@example.org",
		"a@" + strings.Repeat("b", 63) + ".org", "a@" + strings.Repeat("b", 64) + ".org",
		"ana@example.org\r\nRCPT TO:<x@y.org>", "ana@exa\nmple.org", "ana\xff@example.org", "ana@ab--cd.org",
		"ana@xn--zz.org", "ana@example.123", "\"ana\"@example.org", "ana@[127.0.0.1]", "ana@example.org.",
	} {
		f.Add(s)
	}
	withUTF8 := newSender(f, true)
	without := newSender(f, false)
	f.Fuzz(func(t *testing.T, s string) {
		a, err := validate.Address(s)
		if err != nil {
			if validate.Email(s) == nil {
				t.Fatalf("Email accepts %q, Address refuses it: %v", s, err)
			}
			if s != strings.TrimSpace(s) {
				return // the invite and the builder trim first; the forms and the import too
			}
			if _, ierr := invite.Build(invite.Request, event(s)); ierr == nil {
				t.Fatalf("the invite accepts %q, which the rule refuses (%v)", s, err)
			}
			m := message(s)
			if _, merr := mail.Build(m); merr == nil {
				t.Fatalf("the message builder accepts %q, which the rule refuses (%v)", s, err)
			}
			return
		}
		if validate.Email(s) != nil {
			t.Fatalf("Address accepts %q, Email refuses it", s)
		}

		// The parts and the forms of the address.
		wire := a.Wire()
		if len(wire) > 254 || len(a.String()) > 254 || len(a.Local) > 64 || !utf8.ValidString(wire) {
			t.Fatalf("%q accepted with lengths %d/%d/%d", s, len(wire), len(a.String()), len(a.Local))
		}
		for i := 0; i < len(a.ASCIIDomain); i++ {
			if a.ASCIIDomain[i] >= utf8.RuneSelf {
				t.Fatalf("%q: domain %q is not ASCII", s, a.ASCIIDomain)
			}
		}
		if strings.ContainsAny(wire, " \t\r\n\"(),:;<>[\\]?#%") {
			t.Fatalf("%q: %q holds a delimiter", s, wire)
		}
		for _, form := range []string{a.String(), wire} {
			b, err := validate.Address(form)
			if err != nil || b.ASCIIDomain != a.ASCIIDomain || b.Local != a.Local {
				t.Fatalf("%q: its form %q is not the same address (%+v, %v)", s, form, b, err)
			}
		}

		// The invite accepts it, as organizer and attendee, and writes it as mailto:.
		cal, err := invite.Build(invite.Request, event(s))
		if err != nil {
			t.Fatalf("the rule accepts %q, the invite refuses it: %v", s, err)
		}
		if n := strings.Count(unfold(cal), ":mailto:"+s+"\r\n"); n != 2 {
			t.Fatalf("%q written %d times as mailto:, want 2:\n%s", s, n, cal)
		}

		// The sender delivers it, the domain in punycode; without SMTPUTF8 only an ASCII
		// local part goes, and the other fails with the reason.
		for _, srv := range []*testSender{withUTF8, without} {
			r := srv.send(t, message(s))
			switch {
			case srv.utf8 || !a.NeedsSMTPUTF8():
				if !r.Sent {
					t.Fatalf("SMTPUTF8 %v: %q not sent: %+v", srv.utf8, s, r)
				}
				got := srv.srv.Messages()
				last := got[len(got)-1]
				if last.From != wire || len(last.To) != 1 || last.To[0] != wire {
					t.Fatalf("SMTPUTF8 %v: %q travelled as %s → %v, want %s", srv.utf8, s, last.From, last.To, wire)
				}
			default:
				if r.Sent || r.Temporary || !strings.Contains(r.Reason, "non-ASCII letters (SMTPUTF8)") {
					t.Fatalf("without SMTPUTF8: %q gave %+v", s, r)
				}
			}
		}
	})
}

// event is an invite from addr to addr and one other attendee.
func event(addr string) invite.Event {
	other := "zz-other@example.net"
	if strings.EqualFold(strings.TrimSpace(addr), other) {
		other = "zz-another@example.net"
	}
	return invite.Event{UID: "fuzz@tandem.local", Start: time.Date(2026, 3, 10, 15, 0, 0, 0, time.UTC), Duration: time.Hour,
		Summary: "Session", Stamp: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC),
		Organizer: invite.Attendee{Name: "Admin", Email: addr},
		Attendees: []invite.Attendee{{Name: "Ana", Email: addr}, {Name: "Other", Email: other}}}
}

// message is an email from addr to addr, replies to addr.
func message(addr string) mail.Message {
	return mail.Message{ID: 1, FromName: "Admin", FromEmail: addr, ToName: "Ana", ToEmail: addr, ReplyTo: addr,
		Subject: "Hello", Text: "Hello\r\n", Date: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)}
}

func unfold(cal []byte) string { return strings.ReplaceAll(string(cal), "\r\n ", "") }

// testSender is a Sender on one connection to a real test server.
type testSender struct {
	srv    *smtptest.Server
	sender *mail.Sender
	utf8   bool
}

func newSender(tb testing.TB, utf8 bool) *testSender {
	srv := smtptest.StartWith(tb, smtptest.Options{SMTPUTF8: utf8})
	s, err := mail.NewSender(mail.Config{Host: srv.Host, Port: srv.Port, Username: "tandem", Password: smtptest.Password,
		PerMinute: -1, Retries: -1, TLSConfig: srv.ClientTLS, HelloName: "tandem.test"})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { _ = s.Close() })
	return &testSender{srv: srv, sender: s, utf8: utf8}
}

func (ts *testSender) send(t *testing.T, m mail.Message) mail.Result {
	t.Helper()
	var got []mail.Result
	if err := ts.sender.Send(context.Background(), []mail.Message{m}, func(r mail.Result) { got = append(got, r) }); err != nil {
		t.Fatalf("send: %v", err)
	}
	if len(got) != 1 {
		t.Fatalf("%d results", len(got))
	}
	return got[0]
}
