package mail

import (
	"context"
	"net/mail"
	"strings"
	"testing"

	"tandem/app/mail/smtptest"
)

func isASCIIBytes(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// TestSendInternationalAddresses sends to and from internationalised addresses through the
// real test server, once without SMTPUTF8 and once with it: domains always travel in punycode
// (envelope and headers); a local part with non-ASCII letters goes only with SMTPUTF8, and
// without it that one message fails with a clear reason while the others go.
func TestSendInternationalAddresses(t *testing.T) {
	for _, utf8 := range []bool{false, true} {
		name := "without SMTPUTF8"
		if utf8 {
			name = "with SMTPUTF8"
		}
		t.Run(name, func(t *testing.T) {
			ts := startServerWith(t, modeSTARTTLS, func(o *smtptest.Options) { o.SMTPUTF8 = utf8 })
			s := ts.sender(t, nil)
			idn, local, sender, plain := sampleMessage(), sampleMessage(), sampleMessage(), sampleMessage()
			idn.ID, idn.ToEmail = 1, "ana@Bücher.example"
			local.ID, local.ToEmail = 2, "josé@example.org"
			sender.ID, sender.FromEmail, sender.ToEmail = 3, "ana.müller@bücher.example", "zoe@example.com"
			plain.ID = 4
			report, results := collect()
			if err := s.Send(context.Background(), []Message{idn, local, sender, plain}, report); err != nil {
				t.Fatal(err)
			}
			got := results()
			if len(got) != 4 {
				t.Fatalf("%d results, want 4: %+v", len(got), got)
			}
			if !got[0].Sent || !got[3].Sent {
				t.Errorf("ASCII-local messages not sent: %+v, %+v", got[0], got[3])
			}
			for i, addr := range map[int]string{1: "josé@example.org", 2: "ana.müller@bücher.example"} {
				r := got[i]
				if utf8 {
					if !r.Sent {
						t.Errorf("message %d (%s) not sent with SMTPUTF8: %+v", r.ID, addr, r)
					}
					continue
				}
				want := "The mail server does not accept addresses with non-ASCII letters (SMTPUTF8): " + addr
				if r.Sent || r.Temporary || r.Uncertain || !strings.HasPrefix(r.Reason, want) {
					t.Errorf("message %d (%s) = %+v, want failed with %q", r.ID, addr, r, want)
				}
			}
			if n := ts.be.rcptTries["josé@example.org"]; !utf8 && n != 0 {
				t.Errorf("RCPT TO:<josé@example.org> tried %d times on a server without SMTPUTF8", n)
			}

			recv := ts.be.messages()
			byID := map[string]received{}
			for _, r := range recv {
				msg, _ := parseMessage(t, r.Data)
				byID[msg.Header.Get(headerMessage)] = r
				if !utf8 && !isASCIIBytes(headerBytes(r.Data)) {
					t.Errorf("8-bit header sent to a server without SMTPUTF8:\n%s", headerBytes(r.Data))
				}
			}
			wantN := 2
			if utf8 {
				wantN = 4
			}
			if len(recv) != wantN {
				t.Fatalf("server received %d messages, want %d", len(recv), wantN)
			}
			check := func(id, from, to string, needUTF8 bool) {
				t.Helper()
				r, ok := byID[id]
				if !ok {
					t.Errorf("message %s not received", id)
					return
				}
				if r.From != from || len(r.To) != 1 || r.To[0] != to {
					t.Errorf("message %s envelope %s → %v, want %s → %s", id, r.From, r.To, from, to)
				}
				if needUTF8 && !r.UTF8 {
					t.Errorf("message %s sent without asking for SMTPUTF8", id)
				}
				msg, _ := parseMessage(t, r.Data)
				hTo, err1 := mail.ParseAddress(msg.Header.Get("To"))
				hFrom, err2 := mail.ParseAddress(msg.Header.Get("From"))
				if err1 != nil || err2 != nil || hTo.Address != to || hFrom.Address != from {
					t.Errorf("message %s headers From %q To %q, want %s and %s", id, msg.Header.Get("From"), msg.Header.Get("To"), from, to)
				}
				if !strings.HasSuffix(msg.Header.Get("Message-Id"), "@"+from[strings.IndexByte(from, '@')+1:]+">") {
					t.Errorf("message %s Message-ID %q is not on the sender's punycode domain", id, msg.Header.Get("Message-Id"))
				}
			}
			check("1", "admin@example.org", "ana@xn--bcher-kva.example", false)
			check("4", "admin@example.org", "zoe@example.com", false)
			if utf8 {
				check("2", "admin@example.org", "josé@example.org", true)
				check("3", "ana.müller@xn--bcher-kva.example", "zoe@example.com", true)
			}
		})
	}
}

// TestTestEmailNeedsSMTPUTF8: the settings' test email to a non-ASCII address says why it
// cannot go through a server without SMTPUTF8.
func TestTestEmailNeedsSMTPUTF8(t *testing.T) {
	ts := startServer(t, modeSTARTTLS)
	s := ts.sender(t, nil)
	sentence, err := s.Test(context.Background(), "josé@example.org", "josé@example.org")
	if err == nil || !strings.Contains(sentence, "does not accept addresses with non-ASCII letters (SMTPUTF8): josé@example.org") {
		t.Errorf("Test = %q, %v; want the SMTPUTF8 reason", sentence, err)
	}
	if n := len(ts.be.messages()); n != 0 {
		t.Errorf("%d messages received", n)
	}
}

// TestBuildRefusesHostileAddresses: the message builder (drafts and sending) applies the
// address rule to the sender, the recipient and the reply-to address.
func TestBuildRefusesHostileAddresses(t *testing.T) {
	for _, addr := range []string{
		"zoe\u200b@example.com", "\u202emoc.elpmaxe@eoz", "zoe\u200e@example.com", "zo\u00ade@example.com",
		"zoe\u00a0@example.com", "zoe\uff20example.com", "zoe#1@example.com", "zoe%x@example.com", "zoe?@example.com",
		"zoe@ｅｘａｍｐｌｅ.com", "zoe@example.com\r\nBcc: x@y.org", strings.Repeat("z", 65) + "@example.com",
	} {
		for _, field := range []string{"from", "to", "reply-to"} {
			m := sampleMessage()
			switch field {
			case "from":
				m.FromEmail = addr
			case "to":
				m.ToEmail = addr
			default:
				m.ReplyTo = addr
			}
			if _, err := Build(m); err == nil || !strings.Contains(err.Error(), "is not an email address") {
				t.Errorf("%s %q: err = %v, want refused", field, addr, err)
			}
		}
	}
}
