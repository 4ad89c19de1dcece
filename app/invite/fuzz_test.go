package invite

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// FuzzBuild feeds arbitrary names, descriptions and locations to Build: it must never
// fail on them, and what it writes must be folded, CRLF, valid UTF-8, have exactly one
// ATTENDEE line per attendee, and decode back to the same (normalised) text.
func FuzzBuild(f *testing.F) {
	for _, h := range hostile {
		f.Add(h, h, h, h)
	}
	f.Add("Ana López", "Agenda:\n1. Hello", "Room 1", "Bram")
	f.Add(strings.Repeat("é", 80), strings.Repeat("😀,;\\", 50), strings.Repeat("日", 40), "x")
	f.Add("\"", "\r", "\\", "^")
	f.Fuzz(func(t *testing.T, name, description, location, other string) {
		e := sampleEvent()
		e.Summary = other
		if isBlank(other) {
			if _, err := Build(Request, e); err == nil || err.Error() != "the session has no title" {
				t.Fatalf("blank title %q gave %v", other, err)
			}
			e.Summary = "Session " + other
		}
		e.Description = description
		e.Location = location
		e.Organizer.Name = other
		e.Attendees = []Attendee{
			{Name: name, Email: "ana@example.org"},
			{Name: other, Email: "bram@example.org", PartStat: "ACCEPTED"},
			{Name: description, Email: "chloe@example.org"},
		}
		for _, m := range []Method{Request, Cancel} {
			data, err := Build(m, e)
			if err != nil {
				t.Fatalf("Build(%s): %v", m, err)
			}
			if err := checkWellFormed(data); err != nil {
				t.Fatalf("Build(%s): %v\n%q", m, err, data)
			}
			if n := countProps(data, "ATTENDEE"); n != len(e.Attendees) {
				t.Fatalf("Build(%s): %d ATTENDEE lines, want %d\n%s", m, n, len(e.Attendees), data)
			}
			checkSemantics(t, m, []Event{e}, data)
		}
		pub := e
		pub.Attendees = nil
		data, err := Build(Publish, pub)
		if err != nil {
			t.Fatalf("Build(PUBLISH): %v", err)
		}
		if err := checkWellFormed(data); err != nil {
			t.Fatalf("Build(PUBLISH): %v", err)
		}
		if countProps(data, "ATTENDEE") != 0 {
			t.Fatal("PUBLISH has an ATTENDEE")
		}
		// SanitizeName's promises, on any input.
		s := SanitizeName(name)
		if strings.ContainsAny(s, "\"\r\n") || len([]rune(s)) > 100 || SanitizeName(s) != s {
			t.Fatalf("SanitizeName(%q) = %q", name, s)
		}
	})
}

// FuzzParseReply feeds arbitrary bytes to ParseReply and ParseReplyFile: they must never
// panic, never take long, and return either answers or an error.
func FuzzParseReply(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "replies", "*"))
	golden, _ := filepath.Glob(filepath.Join("testdata", "*.ics"))
	for _, p := range append(files, golden...) {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{
		"", "BEGIN:VCALENDAR", "BEGIN:VCALENDAR\r\nX;A=\"b\"c:d\r\nEND:VCALENDAR\r\n",
		"BEGIN:VCALENDAR\r\nX;A=b\r\nEND:VCALENDAR\r\n", "BEGIN:VCALENDAR\r\nX;A\r\n",
		"BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:a\r\nATTENDEE;PARTSTAT=\"x\":mailto:a@b\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
		"From: a@b\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\nContent-Type: text/calendar\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!\r\n--x--\r\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		rsvps, err := ParseReply(data)
		if err == nil && len(rsvps) == 0 {
			t.Fatal("ParseReply returned neither answers nor an error")
		}
		for _, r := range rsvps {
			if r.UID == "" || r.Email == "" || r.PartStat == "" {
				t.Fatalf("incomplete answer %+v", r)
			}
		}
		rsvps, err = ParseReplyFile("reply.eml", data)
		if err == nil && len(rsvps) == 0 {
			t.Fatal("ParseReplyFile returned neither answers nor an error")
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Fatalf("took %v on %d bytes", d, len(data))
		}
	})
}

// FuzzReadReply feeds arbitrary files to ReadReply: it must never panic, and either refuse
// the file or return one answer, for one readable address, with an answer the database
// records, agreeing with every answer ParseReplyFile finds in the same file.
func FuzzReadReply(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "replies", "*"))
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(filepath.Base(p), data)
		}
	}
	ana := "PARTSTAT=DECLINED:mailto:ana@example.org"
	for _, s := range []string{
		replyICS("REPLY", 1, []string{"a@b"}, ana),
		replyICS("REPLY", 1, []string{"a@b"}, ana, "PARTSTAT=ACCEPTED:mailto:kenji@example.org"),
		replyICS("REPLY", 1, []string{"a@b", "c@d"}, ana),
		replyICS("REPLY", 1, []string{"a@b"}, "PARTSTAT=X-MAYBE;PARTSTAT=ACCEPTED:mailto:ANA@example.org"),
		inEmail("Kenji <kenji@example.org>", replyICS("REPLY", 1, []string{"a@b"}, ana)),
		inEmail("ana@example.org, kenji@example.org", replyICS("REPLY", 1, []string{"a@b"}, ana)),
	} {
		f.Add("reply.eml", []byte(s))
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		got, err := ReadReply(name, data)
		if err != nil {
			if got != (Answer{}) {
				t.Fatalf("an answer came with the error %q: %+v", err, got)
			}
			return
		}
		if got.UID == "" || !readable(got.Email) || len(got.Email) > 254 || !eventAnswers[got.PartStat] || len([]rune(got.Comment)) > maxComment+1 {
			t.Fatalf("an answer that should have been refused: %+v", got)
		}
		if (!got.InEmail && got.From != "") || got.From != strings.ToLower(got.From) || !readable(got.From) {
			t.Fatalf("sender %q (in an email: %v)", got.From, got.InEmail)
		}
		if got.SentByAttendee() && (!got.InEmail || !got.AnswersFor(got.From)) {
			t.Fatalf("sent by the attendee without an email from them: %+v", got)
		}
		all, err := ParseReplyFile(name, data)
		if err != nil {
			t.Fatalf("ReadReply accepted what ParseReplyFile refuses: %v", err)
		}
		for _, r := range all {
			if r.UID != got.UID || !got.AnswersFor(r.Email) || r.PartStat != got.PartStat || r.Sequence != got.Sequence {
				t.Fatalf("ReadReply returned %+v, but the file also answers %+v", got.RSVP, r)
			}
		}
	})
}
