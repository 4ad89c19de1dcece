package invite

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

const sampleUID = "3f2a9c1e8b7d4c6a9e0f1b2c3d4e5f60@tandem.local"

var (
	googleRSVP  = RSVP{UID: sampleUID, Sequence: 1, Email: "ana.lopez@gmail.com", PartStat: "ACCEPTED"}
	outlookRSVP = RSVP{UID: sampleUID, Sequence: 1, Email: "Bram.deVries@contoso.com", PartStat: "TENTATIVE",
		Comment: "Ik kom misschien iets later, sorry! Ik heb tot 16:00 een overleg; daarna ben ik vrij."}
	appleRSVP = RSVP{UID: sampleUID, Sequence: 2, Email: "chloe.martin@icloud.com", PartStat: "DECLINED",
		Comment: "Désolée, je suis en déplacement ce jour-là 🚆"}
)

func readReply(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "replies", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestParseReplySamples(t *testing.T) {
	cases := []struct {
		file string
		want []RSVP
	}{
		{"google_accepted.ics", []RSVP{googleRSVP}},
		{"outlook_tentative.ics", []RSVP{outlookRSVP}},
		{"apple_declined.ics", []RSVP{appleRSVP}},
	}
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			data := readReply(t, tc.file)
			variants := map[string][]byte{
				"as sent":      data,
				"LF endings":   bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")),
				"with a BOM":   append([]byte("\xef\xbb\xbf"), data...),
				"blank around": append(append([]byte("\r\n\r\n"), data...), "\r\n\r\n"...),
			}
			for name, v := range variants {
				got, err := ParseReply(v)
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				if !reflect.DeepEqual(got, tc.want) {
					t.Errorf("%s: got %+v\nwant %+v", name, got, tc.want)
				}
				// The same bytes named .ics go through ParseReplyFile too.
				got, err = ParseReplyFile(tc.file, v)
				if err != nil || !reflect.DeepEqual(got, tc.want) {
					t.Errorf("%s: ParseReplyFile = %+v, %v", name, got, err)
				}
			}
		})
	}
}

func TestParseReplyFileEmails(t *testing.T) {
	cp1252 := outlookRSVP
	cp1252.Comment = strings.Replace(outlookRSVP.Comment, "vrij.", "vrij – groetën!", 1)
	cases := []struct {
		file string
		want []RSVP
	}{
		// multipart/mixed > multipart/alternative > text/calendar (base64), plus the same
		// reply as an invite.ics attachment: answered once.
		{"google_accepted.eml", []RSVP{googleRSVP}},
		// multipart/alternative with text/plain, text/html (quoted-printable), text/calendar (base64).
		{"outlook_tentative.eml", []RSVP{outlookRSVP}},
		// multipart/mixed > alternative + an iCal-….ics attachment in quoted-printable.
		{"apple_declined.eml", []RSVP{appleRSVP}},
		// a forwarded message (message/rfc822) holding the Outlook email.
		{"forwarded.eml", []RSVP{outlookRSVP}},
		// a single-part text/calendar in windows-1252, quoted-printable.
		{"outlook_cp1252.eml", []RSVP{cp1252}},
	}
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			data := readReply(t, tc.file)
			for name, v := range map[string][]byte{"CRLF": data, "LF": bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))} {
				got, err := ParseReplyFile(tc.file, v)
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				if !reflect.DeepEqual(got, tc.want) {
					t.Errorf("%s: got %+v\nwant %+v", name, got, tc.want)
				}
				// The file name does not matter for an email.
				if again, err := ParseReplyFile("reply.bin", v); err != nil || !reflect.DeepEqual(again, got) {
					t.Errorf("%s: named reply.bin: %+v, %v", name, again, err)
				}
			}
		})
	}
}

func TestToUTF8(t *testing.T) {
	for _, tc := range []struct{ in, charset, want string }{
		{"Br\xe2m \x96 Vri\xebs", "windows-1252", "Brâm – Vriës"},
		{"Br\xe2m", "ISO-8859-1", "Brâm"},
		{"Brâm", "utf-8", "Brâm"},
		{"Brâm", "", "Brâm"},
		{"Brâm", "no-such-charset", "Brâm"},
	} {
		if got := string(toUTF8([]byte(tc.in), tc.charset)); got != tc.want {
			t.Errorf("toUTF8(%q, %q) = %q, want %q", tc.in, tc.charset, got, tc.want)
		}
	}
}

func TestParseReplyErrors(t *testing.T) {
	request := readReply(t, "request.ics")
	google := readReply(t, "google_accepted.ics")
	cases := []struct {
		name string
		data []byte
		want string
		kind error
	}{
		{"nil", nil, "the file is empty", ErrNotCalendar},
		{"empty", []byte(""), "the file is empty", ErrNotCalendar},
		{"blank", []byte(" \r\n\t\n"), "the file is empty", ErrNotCalendar},
		{"binary", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), "the file is not a calendar file", ErrNotCalendar},
		{"text", []byte("Hello, I will come.\r\n"), "the file is not a calendar file", ErrNotCalendar},
		{"vcard", []byte("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana\r\nEND:VCARD\r\n"), "the file is not a calendar file", ErrNotCalendar},
		{"request", request, "this file is not a calendar reply (METHOD is REQUEST)", ErrNotReply},
		{"no method", bytes.Replace(google, []byte("METHOD:REPLY\r\n"), nil, 1), "this file is not a calendar reply (it has no METHOD)", ErrNotReply},
		{"truncated", google[:len(google)/2], "incomplete", ErrNotCalendar},
		{"truncated mid line", google[:bytes.Index(google, []byte("PARTSTAT"))+4], "not a calendar file", ErrNotCalendar},
		{"no END", bytes.TrimSuffix(google, []byte("END:VCALENDAR\r\n")), "incomplete", ErrNotCalendar},
		{"panicking quote", []byte("BEGIN:VCALENDAR\r\nX;A=\"b\"c:d\r\nEND:VCALENDAR\r\n"), "not a calendar file that can be read", ErrNotCalendar},
		{"param without colon", []byte("BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nX;A=b\r\nEND:VCALENDAR\r\n"), "not a calendar file that can be read", ErrNotCalendar},
		{"param without colon at the end", []byte("BEGIN:VCALENDAR\r\nX;A=b"), "not a calendar file", ErrNotCalendar},
		{"line without colon", []byte("BEGIN:VCALENDAR\r\nMETHOD\r\nEND:VCALENDAR\r\n"), "missing colon", ErrNotCalendar},
		{"mismatched END", []byte("BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nEND:VTODO\r\nEND:VCALENDAR\r\n"), "not a calendar file that can be read", ErrNotCalendar},
		{"no attendee", bytes.Replace(google, []byte("ATTENDEE;"), []byte("X-NOT-ATTENDEE;"), 1), "the reply names no attendee", ErrNoAnswer},
		{"no event", []byte("BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nPRODID:x\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"), "the reply contains no event", ErrNoAnswer},
		{"no UID", bytes.Replace(google, []byte("UID:"), []byte("X-UID:"), 1), "without a UID", ErrNoAnswer},
		{"attendee without address", []byte("BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:a\r\nATTENDEE;PARTSTAT=ACCEPTED:mailto:\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"), "without an email address", ErrNoAnswer},
		{"nested too deep", []byte("BEGIN:VCALENDAR\r\n" + strings.Repeat("BEGIN:X\r\n", 10000) + strings.Repeat("END:X\r\n", 10000) + "END:VCALENDAR\r\n"), "nested", ErrNotCalendar},
		{"huge parameter", []byte("BEGIN:VCALENDAR\r\nX;A=\"" + strings.Repeat("a", 1<<20) + "\":b\r\nEND:VCALENDAR\r\n"), "malformed", ErrNotCalendar},
		{"many long parameters", []byte("BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\n" + strings.Repeat("X;A=\""+strings.Repeat("a", 8000)+"\":b\r\n", 2000) + "END:VCALENDAR\r\n"), "parameters are too long", ErrNotCalendar},
		{"top level not VCALENDAR after one", append(append([]byte{}, google...), "BEGIN:VTODO\r\nEND:VTODO\r\n"...), "not a calendar file that can be read", ErrNotCalendar},
		{"second calendar is a request", append(append([]byte{}, google...), request...), "METHOD is REQUEST", ErrNotReply},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			got, err := ParseReply(tc.data)
			if err == nil {
				t.Fatalf("no error; got %+v", got)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not contain %q", err, tc.want)
			}
			if !errors.Is(err, tc.kind) {
				t.Errorf("error %q is not %v", err, tc.kind)
			}
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

func TestParseReplyFileErrors(t *testing.T) {
	cases := []struct {
		name, file string
		data       []byte
		want       string
		kind       error
	}{
		{"empty", "reply.eml", nil, "the file is empty", ErrNotCalendar},
		{"binary", "reply.eml", []byte("\x00\x01\x02\xff\xfe"), "neither a calendar file nor an email", ErrNotCalendar},
		{"text file", "notes.txt", []byte("Dear admin,\nI accept.\n"), "neither a calendar file nor an email", ErrNotCalendar},
		{"binary named .ics", "reply.ics", []byte("\x00\x01\x02\xff\xfe"), "the file is not a calendar file", ErrNotCalendar},
		{"email with an invite, not a reply", "request.eml", readReply(t, "request.eml"), "this file is not a calendar reply (METHOD is REQUEST)", ErrNotReply},
		{"email without calendar", "hello.eml", []byte("From: a@b.c\r\nTo: d@e.f\r\nSubject: hi\r\nContent-Type: text/plain\r\n\r\nSee you!\r\n"), "the email contains no calendar reply", ErrNotReply},
		{"multipart without boundary", "x.eml", []byte("From: a@b.c\r\nContent-Type: multipart/mixed\r\n\r\nbody\r\n"), "no calendar reply", ErrNotReply},
		{"broken calendar part", "x.eml", []byte("From: a@b.c\r\nContent-Type: text/calendar; method=REPLY\r\n\r\nBEGIN:VCALENDAR\r\nX;A=\"b\"c:d\r\nEND:VCALENDAR\r\n"), "not a calendar file that can be read", ErrNotCalendar},
		{"truncated base64 part", "x.eml", []byte("From: a@b.c\r\nContent-Type: text/calendar\r\nContent-Transfer-Encoding: base64\r\n\r\nQkVHSU46VkNBTEVOREFSDQpNRVRIT0Q6UkVQTFkNCkJFR0lOOlZFVkVOVA0KVUlEOmE"), "incomplete", ErrNotCalendar},
		{"deep nesting", "x.eml", deepMultipart(40), "nested too deeply", ErrNotCalendar},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseReplyFile(tc.file, tc.data)
			if err == nil {
				t.Fatalf("no error; got %+v", got)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not contain %q", err, tc.want)
			}
			if !errors.Is(err, tc.kind) {
				t.Errorf("error %q is not %v", err, tc.kind)
			}
		})
	}
}

// deepMultipart nests n multipart/mixed levels around a reply.
func deepMultipart(n int) []byte {
	var b strings.Builder
	b.WriteString("From: a@b.c\r\nMIME-Version: 1.0\r\n")
	for i := 0; i < n; i++ {
		b.WriteString("Content-Type: multipart/mixed; boundary=\"b" + string(rune('A'+i%26)) + strings.Repeat("x", i) + "\"\r\n\r\n--b" + string(rune('A'+i%26)) + strings.Repeat("x", i) + "\r\n")
	}
	b.WriteString("Content-Type: text/plain\r\n\r\nhi\r\n")
	return []byte(b.String())
}

func TestReplyRoundTrip(t *testing.T) {
	// A reply written by Build reads back through ParseReply, also inside an email.
	e := sampleEvent()
	e.Sequence = 4
	e.Attendees = []Attendee{{Name: "Ana \"A\" López", Email: "ana.lopez@example.org", PartStat: "tentative"}}
	data, err := Build(Reply, e)
	if err != nil {
		t.Fatal(err)
	}
	want := []RSVP{{UID: e.UID, Sequence: 4, Email: "ana.lopez@example.org", PartStat: "TENTATIVE"}}
	got, err := ParseReply(data)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("ParseReply = %+v, %v; want %+v", got, err, want)
	}
	eml := "From: ana.lopez@example.org\r\nSubject: Tentative\r\nMIME-Version: 1.0\r\nContent-Type: text/calendar; method=REPLY; charset=utf-8\r\n\r\n" + string(data)
	got, err = ParseReplyFile("answer.eml", []byte(eml))
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("ParseReplyFile = %+v, %v; want %+v", got, err, want)
	}
	// A REQUEST built by Build is refused as a reply.
	req, _ := Build(Request, sampleEvent())
	if _, err := ParseReply(req); err == nil || err.Error() != "this file is not a calendar reply (METHOD is REQUEST)" {
		t.Errorf("ParseReply(REQUEST) error = %v", err)
	}
}

func TestParseReplyDetails(t *testing.T) {
	// Several attendees, a missing PARTSTAT, a bad SEQUENCE, several COMMENTs, MAILTO in
	// capitals, a lowercase method, and two calendars in one file.
	data := []byte("BEGIN:VCALENDAR\r\nMETHOD:reply\r\nBEGIN:VEVENT\r\nUID:a@b\r\nSEQUENCE:x\r\n" +
		"COMMENT:first\\, line\r\nCOMMENT:second\\nline \\q\r\n" +
		"ATTENDEE;PARTSTAT=accepted:MAILTO:One@Example.org\r\nATTENDEE:mailto:two@example.org\r\n" +
		"END:VEVENT\r\nEND:VCALENDAR\r\n" +
		"BEGIN:VCALENDAR\nMETHOD:REPLY\nBEGIN:VEVENT\nUID:c@d\nSEQUENCE:7\nATTENDEE;PARTSTAT=DECLINED:three@example.org\nEND:VEVENT\nEND:VCALENDAR\n")
	got, err := ParseReply(data)
	if err != nil {
		t.Fatal(err)
	}
	want := []RSVP{
		{UID: "a@b", Sequence: 0, Email: "One@Example.org", PartStat: "ACCEPTED", Comment: "first, line\nsecond\nline q"},
		{UID: "a@b", Sequence: 0, Email: "two@example.org", PartStat: "NEEDS-ACTION", Comment: "first, line\nsecond\nline q"},
		{UID: "c@d", Sequence: 7, Email: "three@example.org", PartStat: "DECLINED"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

func TestDedupe(t *testing.T) {
	in := []RSVP{googleRSVP, outlookRSVP, googleRSVP, {UID: googleRSVP.UID, Sequence: 1, Email: "ANA.LOPEZ@gmail.com", PartStat: "ACCEPTED"}}
	got := dedupe(in)
	if !reflect.DeepEqual(got, []RSVP{googleRSVP, outlookRSVP}) {
		t.Errorf("dedupe = %+v", got)
	}
}
