package invite

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// replyICS writes a METHOD:REPLY calendar: one VEVENT per uid, each with the attendee lines
// given ("PARTSTAT=DECLINED:mailto:ana@example.org").
func replyICS(method string, seq int, uids []string, attendees ...string) string {
	var b strings.Builder
	b.WriteString("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nMETHOD:" + method + "\r\n")
	for _, uid := range uids {
		fmt.Fprintf(&b, "BEGIN:VEVENT\r\nUID:%s\r\nSEQUENCE:%d\r\nDTSTAMP:20261120T093000Z\r\n", uid, seq)
		for _, a := range attendees {
			b.WriteString("ATTENDEE;" + a + "\r\n")
		}
		b.WriteString("END:VEVENT\r\n")
	}
	b.WriteString("END:VCALENDAR\r\n")
	return b.String()
}

// inEmail wraps a calendar in an email with the given From header ("" for none).
func inEmail(from, ics string) string {
	h := "Subject: Accepted\r\nMIME-Version: 1.0\r\nContent-Type: text/calendar; method=REPLY; charset=utf-8\r\n"
	if from != "" {
		h = "From: " + from + "\r\n" + h
	}
	return h + "\r\n" + ics
}

func TestReadReply(t *testing.T) {
	one := []string{"a@b"}
	ana := "PARTSTAT=ACCEPTED:mailto:ana@example.org"
	ok := replyICS("REPLY", 2, one, ana)
	want := RSVP{UID: "a@b", Sequence: 2, Email: "ana@example.org", PartStat: "ACCEPTED"}
	cases := []struct {
		name, file, data string
		from             string
		inEmail, byAtt   bool
	}{
		{"a calendar file", "reply.ics", ok, "", false, false},
		{"an email from the attendee", "reply.eml", inEmail("Ana <ana@example.org>", ok), "ana@example.org", true, true},
		{"the sender's address in other letter case", "reply.eml", inEmail("=?utf-8?q?Ana_L=C3=B3pez?= <ANA@Example.ORG>", ok), "ana@example.org", true, true},
		{"an email from someone else", "reply.eml", inEmail("Kenji <kenji@example.org>", ok), "kenji@example.org", true, false},
		{"an email without From", "reply.eml", inEmail("", ok), "", true, false},
		{"an email from two people", "reply.eml", inEmail("ana@example.org, kenji@example.org", ok), "", true, false},
		{"a sender with a zero-width space", "reply.eml", inEmail("ana\u200b@example.org", ok), "", true, false},
		{"a sender with a right-to-left override", "reply.eml", inEmail("ana@example.org\u202e", ok), "", true, false},
		{"the same line twice", "reply.ics", replyICS("REPLY", 2, one, ana, strings.ToUpper(ana)), "", false, false},
		{"the same answer in two events", "reply.ics", replyICS("REPLY", 2, []string{"a@b", "a@b"}, ana), "", false, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ReadReply(tc.file, []byte(tc.data))
			if err != nil {
				t.Fatal(err)
			}
			if !got.AnswersFor(want.Email) || got.UID != want.UID || got.Sequence != want.Sequence || got.PartStat != want.PartStat {
				t.Errorf("answer %+v, want %+v", got.RSVP, want)
			}
			if got.From != tc.from || got.InEmail != tc.inEmail || got.SentByAttendee() != tc.byAtt {
				t.Errorf("From %q, InEmail %v, SentByAttendee %v; want %q, %v, %v", got.From, got.InEmail, got.SentByAttendee(), tc.from, tc.inEmail, tc.byAtt)
			}
		})
	}

	// The samples from real clients read as one answer each, sent by the attendee, except the
	// forwarded one.
	for file, from := range map[string]string{"google_accepted.eml": "ana.lopez@gmail.com", "outlook_tentative.eml": "bram.devries@contoso.com",
		"apple_declined.eml": "chloe.martin@icloud.com", "outlook_cp1252.eml": "bram.devries@contoso.com", "forwarded.eml": "helper@example.org"} {
		got, err := ReadReply(file, readReply(t, file))
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if got.From != from || got.SentByAttendee() != (file != "forwarded.eml") {
			t.Errorf("%s: From %q, SentByAttendee %v", file, got.From, got.SentByAttendee())
		}
	}
}

func TestReadReplyCutsALongNote(t *testing.T) {
	ics := strings.Replace(replyICS("REPLY", 0, []string{"a@b"}, "PARTSTAT=ACCEPTED:mailto:ana@example.org"),
		"END:VEVENT", "COMMENT:"+strings.Repeat("é", 100_000)+"\r\nEND:VEVENT", 1)
	got, err := ReadReply("reply.ics", []byte(ics))
	if err != nil {
		t.Fatal(err)
	}
	if got.Comment != strings.Repeat("é", 2000)+"…" {
		t.Errorf("comment of %d characters", len([]rune(got.Comment)))
	}
}

func TestReadReplyRefusesWhatIsNotOneAnswer(t *testing.T) {
	one := []string{"a@b"}
	ana := "PARTSTAT=DECLINED:mailto:ana@example.org"
	kenji := "PARTSTAT=ACCEPTED:mailto:kenji@example.org"
	many := make([]string, 1000)
	for i := range many {
		many[i] = fmt.Sprintf("PARTSTAT=DECLINED:mailto:p%d@example.org", i)
	}
	cases := []struct {
		name, data, want string
		kind             error
	}{
		{"two attendees", replyICS("REPLY", 0, one, ana, kenji), "a calendar reply answers for one person; this file has 2 attendees", ErrNotOneAnswer},
		{"1,000 attendees", replyICS("REPLY", 0, one, many...), "a calendar reply answers for one person; this file has 1,000 attendees", ErrNotOneAnswer},
		{"no attendee", replyICS("REPLY", 0, one), "the reply names no attendee", ErrNoAnswer},
		{"two people in two events", replyICS("REPLY", 0, one, ana) + replyICS("REPLY", 0, one, kenji), "this file has 2 attendees", ErrNotOneAnswer},
		{"two events", replyICS("REPLY", 0, []string{"a@b", "c@d"}, ana), "a calendar reply answers one invite; this file answers 2 different events", ErrNotOneAnswer},
		{"two different answers", replyICS("REPLY", 0, one, ana, strings.Replace(ana, "DECLINED", "ACCEPTED", 1)),
			"the reply answers twice for ana@example.org, differently (declined (version 0), then accepted (version 0))", ErrNotOneAnswer},
		{"a request", replyICS("REQUEST", 0, one, ana), "this file is not a calendar reply (METHOD is REQUEST)", ErrNotReply},
		{"an x-name answer", replyICS("REPLY", 0, one, "PARTSTAT=X-MAYBE:mailto:ana@example.org"), `the reply answers "X-MAYBE", which is not an answer Tandem records`, ErrUnknownAnswer},
		{"a long garbage answer", replyICS("REPLY", 0, one, "PARTSTAT="+strings.Repeat("Z", 5000)+":mailto:ana@example.org"), `"ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ…", which is not`, ErrUnknownAnswer},
		{"two answers in one", replyICS("REPLY", 0, one, "PARTSTAT=ACCEPTED,DECLINED:mailto:ana@example.org"), `the reply answers "ACCEPTED,DECLINED", which is not`, ErrUnknownAnswer},
		{"the answer twice", replyICS("REPLY", 0, one, "PARTSTAT=ACCEPTED;PARTSTAT=DECLINED:mailto:ana@example.org"), `the reply answers "ACCEPTED,DECLINED", which is not`, ErrUnknownAnswer},
		{"an answer with a control character", replyICS("REPLY", 0, one, "PARTSTAT=\"ACC\x01EPTED\":mailto:ana@example.org"), `the reply answers "ACC\x01EPTED", which is not`, ErrUnknownAnswer},
		{"an attendee with a zero-width space", replyICS("REPLY", 0, one, "PARTSTAT=DECLINED:mailto:ana\u200b@example.org"), "which is not an email address", ErrUnknownAnswer},
		{"an attendee with a bidi override", replyICS("REPLY", 0, one, "PARTSTAT=DECLINED:mailto:\u202egro.elpmaxe@ana"), "which is not an email address", ErrUnknownAnswer},
		{"an attendee address too long", replyICS("REPLY", 0, one, "PARTSTAT=DECLINED:mailto:"+strings.Repeat("a", 300)+"@example.org"), "which is not an email address", ErrUnknownAnswer},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for _, v := range []struct{ file, data string }{{"reply.ics", tc.data}, {"reply.eml", inEmail("ana@example.org", tc.data)}} {
				got, err := ReadReply(v.file, []byte(v.data))
				if err == nil {
					t.Fatalf("%s: no error; got %+v", v.file, got)
				}
				if !strings.Contains(err.Error(), tc.want) {
					t.Errorf("%s: error %q does not contain %q", v.file, err, tc.want)
				}
				if !errors.Is(err, tc.kind) {
					t.Errorf("%s: error %q is not %v", v.file, err, tc.kind)
				}
				if got != (Answer{}) {
					t.Errorf("%s: an answer came with the error: %+v", v.file, got)
				}
			}
		})
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 7: "7", 999: "999", 1000: "1,000", 123456: "123,456", 1234567: "1,234,567"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}
