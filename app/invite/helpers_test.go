package invite

import (
	"bytes"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	ical "github.com/emersion/go-ical"
)

// Fixed clock for deterministic golden files.
var (
	t0      = time.Date(2026, 3, 10, 15, 0, 0, 0, time.UTC)
	stamp0  = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	created = time.Date(2026, 2, 27, 8, 30, 0, 0, time.UTC)
	amst    = mustLoc("Europe/Amsterdam")
)

func mustLoc(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		return time.FixedZone(name, 3600)
	}
	return loc
}

// hostile strings that must neither break the file nor add a line or a property.
var hostile = []string{
	"Ana\r\nATTENDEE:mailto:evil@x.org",
	"Bram \"The Boss\" de Vries",
	"O'Brien; Siobhán, PhD: \\ back\\slash",
	"Zoë 😀👩‍👩‍👧 日本語の名前",
	"line1\nline2\rline3\r\n\r\nEND:VEVENT\r\nBEGIN:VEVENT",
	"tab\there\x00nul\x1besc\x7fdel\u0085nel\u2028ls",
	"bad utf8 \xff\xfe end",
	"\u202Eevil\u202C right-to-left override",
	"a^nb ^' ^^ caret",
	strings.Repeat("Long name é ", 30),
	"",
	"   ",
}

// checkWellFormed asserts the invariants every calendar Build writes must hold.
func checkWellFormed(data []byte) error {
	if !utf8.Valid(data) {
		return fmt.Errorf("not valid UTF-8")
	}
	if !bytes.HasSuffix(data, []byte("\r\n")) {
		return fmt.Errorf("does not end with CRLF")
	}
	if bytes.Contains(data, []byte("TZID=")) {
		return fmt.Errorf("contains TZID=")
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\r\n"), "\r\n")
	for i, l := range lines {
		if strings.ContainsAny(l, "\r\n") {
			return fmt.Errorf("line %d has a bare CR or LF: %q", i+1, l)
		}
		if len(l) > 75 {
			return fmt.Errorf("line %d has %d octets: %q", i+1, len(l), l)
		}
		if l == "" {
			return fmt.Errorf("line %d is empty", i+1)
		}
		if strings.HasPrefix(l, "\t") {
			return fmt.Errorf("line %d starts with a tab (continuations start with one space)", i+1)
		}
		if !utf8.ValidString(l) {
			return fmt.Errorf("line %d is split inside a UTF-8 sequence", i+1)
		}
		for _, r := range l {
			if r != '\t' && unicode.IsControl(r) {
				return fmt.Errorf("line %d has control character %U", i+1, r)
			}
		}
	}
	if !strings.HasPrefix(lines[0], "BEGIN:VCALENDAR") || lines[len(lines)-1] != "END:VCALENDAR" {
		return fmt.Errorf("not framed by BEGIN/END:VCALENDAR")
	}
	for _, l := range unfold(data) {
		for _, name := range []string{"DTSTART", "DTEND", "DTSTAMP", "CREATED"} {
			if propName(l) == name && !strings.HasSuffix(l, "Z") {
				return fmt.Errorf("%s is not UTC: %q", name, l)
			}
		}
	}
	return nil
}

// unfold returns the logical content lines of a CRLF calendar.
func unfold(data []byte) []string {
	s := strings.ReplaceAll(string(data), "\r\n ", "")
	return strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n")
}

// propName is the property name of an unfolded content line.
func propName(line string) string {
	if i := strings.IndexAny(line, ";:"); i >= 0 {
		return line[:i]
	}
	return line
}

func countProps(data []byte, name string) int {
	n := 0
	for _, l := range unfold(data) {
		if propName(l) == name {
			n++
		}
	}
	return n
}

// decode reads a calendar with go-ical's decoder, turning its panics into errors.
func decode(data []byte) (cal *ical.Calendar, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("go-ical panicked: %v", r)
		}
	}()
	return ical.NewDecoder(bytes.NewReader(data)).Decode()
}

// wantText is what a TEXT value must read back as: CRLF/CR and line separators become
// LF, other control characters but tab vanish, each invalid byte becomes U+FFFD.
func wantText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\r' || r == '\u2028' || r == '\u2029' || r == '\u0085':
			b.WriteByte('\n')
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case unicode.IsControl(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// wantLine is what a one-line TEXT value (the title) must read back as: wantText with every
// line break — CRLF, CR, LF, VT, FF, NEL, U+2028, U+2029 — as one space.
func wantLine(s string) string {
	s = strings.ReplaceAll(s, "\r\n", " ")
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\r', '\n', '\v', '\f', '\u0085', '\u2028', '\u2029':
			return ' '
		}
		return r
	}, s)
	return wantText(s)
}

// sampleEvent is a realistic session invite.
func sampleEvent() Event {
	return Event{
		UID:      "3f2a9c1e8b7d4c6a9e0f1b2c3d4e5f60@tandem.local",
		Sequence: 0,
		Start:    time.Date(2026, 3, 10, 16, 0, 0, 0, amst), // planned in Amsterdam, written in UTC
		Duration: time.Hour,
		Summary:  "Mentoring: Ana & Bram",
		Description: "Agenda (first session):\n" +
			"1. Icebreaker — two truths and a lie\n" +
			"2. SMART goals; what does \"done\" look like, for each of you?\n" +
			"3. Next steps\n\nC:\\Shared\\Mentoring\\notes.docx",
		Location: "Room 4.12 (Kepler), Building B; 4th floor",
		URL:      "https://meet.example.com/abc-defg-hij?pwd=xyz;1",
		Organizer: Attendee{
			Name:  "Tandem Mentoring (People Team)",
			Email: "mentoring@example.org",
		},
		Attendees: []Attendee{
			{Name: "Ana López", Email: "ana.lopez@example.org"},
			{Name: "Bram de Vries", Email: "bram.devries@example.org", PartStat: "accepted"},
		},
		Stamp:   stamp0,
		Created: created,
	}
}
