// Package invite builds iTIP (RFC 5546) iCalendar objects for sessions — the invites,
// updates and cancellations that Gmail, Outlook and Apple Calendar show with their
// accept/decline buttons — and reads the RSVP replies that come back.
//
// It is pure: values in, bytes or values out; no database, no network, no clock except
// a DTSTAMP default when the caller passes none.
//
// Calendars are written by hand rather than with go-ical's encoder, because that encoder
// never folds lines, refuses names with a double quote, writes TZID without a VTIMEZONE
// for non-UTC times and sorts properties alphabetically. What is written here: UTC ("Z")
// times only, RFC 5545 TEXT escaping, sanitised CN parameters, lines folded at 75 octets
// on a UTF-8 boundary, CRLF line ends, valid UTF-8. Replies are read with go-ical's
// decoder, guarded against its panics and its worst-case inputs (see reply.go).
package invite

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"tandem/app/validate"
)

// Attendee is one invited person (or the organizer).
type Attendee struct {
	Name, Email string
	// PartStat is the participation status: "NEEDS-ACTION" (the default when empty),
	// "ACCEPTED", "DECLINED" or "TENTATIVE".
	PartStat string
}

// Event is one session as the calendar sees it.
type Event struct {
	UID         string        // stable for the session's whole life (e.g. "<random>@tandem.local")
	Sequence    int           // rises with every change that is sent (a cancellation is a change)
	Start       time.Time     // converted to UTC when written
	Duration    time.Duration // must be at least one second
	Summary     string        // the title; must not be blank
	Description string        // the agenda; may contain newlines, quotes, commas, semicolons, non-ASCII
	Location    string        // when empty and URL is set, the URL is written as the location too
	URL         string        // video link, optional; http or https
	Organizer   Attendee      // the admin's sending address
	Attendees   []Attendee
	Status      string    // "CONFIRMED" (default), "TENTATIVE" or "CANCELLED"
	Stamp       time.Time // DTSTAMP; injected for deterministic output (now when zero)
	Created     time.Time // optional
}

// Method is the iTIP method of a calendar object (RFC 5546 section 1.4).
type Method string

// The iTIP methods Build writes.
const (
	// Request invites the attendees, or updates an invite already sent (same UID, higher SEQUENCE).
	Request Method = "REQUEST"
	// Cancel withdraws an invite: same UID, higher SEQUENCE, STATUS:CANCELLED.
	Cancel Method = "CANCEL"
	// Publish is a plain calendar of events with no attendees (an export, a feed).
	Publish Method = "PUBLISH"
	// Reply is one attendee's answer to a Request (Tandem reads these; Build can write one for tests).
	Reply Method = "REPLY"
)

// ProdID is the PRODID of every calendar Build writes.
const ProdID = "-//Tandem//Tandem 1.0//EN"

const (
	maxLineOctets = 75 // RFC 5545 section 3.1, not counting the CRLF
	maxNameRunes  = 100
	utcFormat     = "20060102T150405Z"
)

// Build writes a VCALENDAR with METHOD m and the events: exactly one for Request, Cancel
// and Reply; one or more for Publish.
//
// Every VEVENT has UID, SEQUENCE, DTSTAMP, DTSTART and DTEND in UTC, SUMMARY (a blank
// title is an error), DESCRIPTION and LOCATION (left out when blank: libical drops empty
// TEXT properties; the video link stands in for a blank location), URL (when set), STATUS
// and ORGANIZER. Attendees are written per
// method, following RFC 5546 as libical's restriction check enforces it:
//   - Request: ATTENDEE;CN=..;ROLE=REQ-PARTICIPANT;PARTSTAT=..;RSVP=TRUE, at least one;
//     STATUS must be CONFIRMED or TENTATIVE (use Cancel to cancel).
//   - Cancel: STATUS:CANCELLED and the attendees (no RSVP), at least one.
//   - Publish: no ATTENDEE at all (libical rejects any in a PUBLISH).
//   - Reply: exactly one attendee with its PARTSTAT; no STATUS.
//
// Names are passed through SanitizeName; text is escaped as RFC 5545 TEXT (CRLF, CR, NEL
// and the line and paragraph separators become newlines — in the title, which is one line,
// spaces — other control characters are dropped, invalid UTF-8 becomes U+FFFD),
// so no input can add a line or a property. Errors are sentences for the admin.
func Build(m Method, events ...Event) ([]byte, error) {
	switch m {
	case Request, Cancel, Reply:
		if len(events) != 1 {
			return nil, fmt.Errorf("a calendar %s holds exactly one session, not %d", strings.ToLower(string(m)), len(events))
		}
	case Publish:
		if len(events) == 0 {
			return nil, fmt.Errorf("a published calendar needs at least one session")
		}
	default:
		return nil, fmt.Errorf("%q is not a calendar method Tandem writes", string(m))
	}

	w := &writer{}
	w.buf.Grow(512 + 900*len(events))
	w.raw("BEGIN:VCALENDAR")
	w.raw("PRODID:" + ProdID)
	w.raw("VERSION:2.0")
	w.raw("CALSCALE:GREGORIAN")
	w.raw("METHOD:" + string(m))
	seen := make(map[string]bool, len(events))
	for i := range events {
		e := &events[i]
		if seen[e.UID] {
			return nil, fmt.Errorf("two sessions have the same calendar UID %q", e.UID)
		}
		seen[e.UID] = true
		if err := w.event(m, e); err != nil {
			if len(events) > 1 {
				return nil, fmt.Errorf("session %d (%s): %w", i+1, SanitizeName(e.Summary), err)
			}
			return nil, err
		}
	}
	w.raw("END:VCALENDAR")
	return w.buf.Bytes(), nil
}

// writer accumulates folded content lines.
type writer struct {
	buf  bytes.Buffer
	line []byte // scratch for one unfolded content line
}

// raw writes a content line that is known to be short ASCII.
func (w *writer) raw(s string) {
	w.buf.WriteString(s)
	w.buf.WriteString("\r\n")
}

// flush folds the scratch line into the output.
func (w *writer) flush() {
	foldInto(&w.buf, w.line)
	w.line = w.line[:0]
}

func (w *writer) textProp(name, value string) {
	w.line = append(w.line[:0], name...)
	w.line = append(w.line, ':')
	w.line = appendText(w.line, value)
	w.flush()
}

func (w *writer) timeProp(name string, t time.Time) {
	w.line = append(w.line[:0], name...)
	w.line = append(w.line, ':')
	w.line = t.UTC().AppendFormat(w.line, utcFormat)
	w.flush()
}

// address writes ORGANIZER or ATTENDEE with its parameters (in the order given).
func (w *writer) address(name string, a *Attendee, params ...string) {
	w.line = append(w.line[:0], name...)
	if cn := SanitizeName(a.Name); cn != "" {
		w.line = append(w.line, ";CN="...)
		w.line = appendParamValue(w.line, cn)
	}
	for _, p := range params {
		w.line = append(w.line, ';')
		w.line = append(w.line, p...)
	}
	w.line = append(w.line, ":mailto:"...)
	w.line = append(w.line, strings.TrimSpace(a.Email)...)
	w.flush()
}

func (w *writer) event(m Method, e *Event) error {
	if err := checkUID(e.UID); err != nil {
		return err
	}
	if e.Sequence < 0 {
		return fmt.Errorf("the session's sequence number is negative (%d)", e.Sequence)
	}
	if e.Start.IsZero() {
		return fmt.Errorf("the session has no start time")
	}
	start := e.Start.UTC().Truncate(time.Second)
	end := e.Start.Add(e.Duration).UTC().Truncate(time.Second)
	if !end.After(start) {
		return fmt.Errorf("the session must last at least one second (duration %s)", e.Duration)
	}
	if err := checkYear("start", start); err != nil {
		return err
	}
	if err := checkYear("end", end); err != nil {
		return err
	}
	stamp := e.Stamp
	if stamp.IsZero() {
		stamp = time.Now()
	}
	if err := checkYear("timestamp", stamp.UTC()); err != nil {
		return err
	}
	if !e.Created.IsZero() {
		if err := checkYear("creation time", e.Created.UTC()); err != nil {
			return err
		}
	}
	if err := checkEmail("the organizer", e.Organizer.Email); err != nil {
		return err
	}
	if isBlank(e.Summary) {
		return fmt.Errorf("the session has no title")
	}
	link := strings.TrimSpace(e.URL)
	if link != "" {
		if err := checkURL(link); err != nil {
			return err
		}
	}

	status := strings.ToUpper(strings.TrimSpace(e.Status))
	switch m {
	case Request:
		switch status {
		case "":
			status = "CONFIRMED"
		case "CONFIRMED", "TENTATIVE":
		case "CANCELLED":
			return fmt.Errorf("a cancelled session is sent as a cancellation, not as an invite")
		default:
			return fmt.Errorf("%q is not a session status (CONFIRMED, TENTATIVE or CANCELLED)", e.Status)
		}
	case Cancel:
		status = "CANCELLED"
	case Publish:
		switch status {
		case "":
			status = "CONFIRMED"
		case "CONFIRMED", "TENTATIVE", "CANCELLED":
		default:
			return fmt.Errorf("%q is not a session status (CONFIRMED, TENTATIVE or CANCELLED)", e.Status)
		}
	case Reply:
		status = ""
	}

	var partstats []string
	switch m {
	case Request, Cancel:
		if len(e.Attendees) == 0 {
			return fmt.Errorf("the session has no attendee to send the %s to", map[Method]string{Request: "invite", Cancel: "cancellation"}[m])
		}
	case Reply:
		if len(e.Attendees) != 1 {
			return fmt.Errorf("a calendar reply names exactly one attendee, not %d", len(e.Attendees))
		}
	}
	if m != Publish {
		partstats = make([]string, len(e.Attendees))
		emails := make(map[string]bool, len(e.Attendees))
		for i := range e.Attendees {
			a := &e.Attendees[i]
			who := fmt.Sprintf("attendee %d", i+1)
			if n := SanitizeName(a.Name); n != "" {
				who = fmt.Sprintf("attendee %d (%s)", i+1, n)
			}
			if err := checkEmail(who, a.Email); err != nil {
				return err
			}
			key := strings.ToLower(strings.TrimSpace(a.Email))
			if emails[key] {
				return fmt.Errorf("%s: %s is invited twice", who, strings.TrimSpace(a.Email))
			}
			emails[key] = true
			ps, err := normPartStat(a.PartStat)
			if err != nil {
				return fmt.Errorf("%s: %w", who, err)
			}
			partstats[i] = ps
		}
	}

	w.raw("BEGIN:VEVENT")
	w.textProp("UID", e.UID)
	w.raw("SEQUENCE:" + strconv.Itoa(e.Sequence))
	w.timeProp("DTSTAMP", stamp)
	if !e.Created.IsZero() {
		w.timeProp("CREATED", e.Created)
	}
	w.timeProp("DTSTART", start)
	w.timeProp("DTEND", end)
	// A title is one line: a line break in it (CR, LF, NEL, U+2028, U+2029 …) would show as
	// one in calendars, so it is written as a space.
	w.textProp("SUMMARY", oneLine(e.Summary))
	// libical drops a TEXT property whose value is empty or only blanks ("No value for …
	// property"), so a blank description or location is left out rather than written empty.
	if !isBlank(e.Description) {
		w.textProp("DESCRIPTION", e.Description)
	}
	location := e.Location
	if isBlank(location) {
		location = link
	}
	if location != "" {
		w.textProp("LOCATION", location)
	}
	if link != "" {
		w.line = append(w.line[:0], "URL:"...)
		w.line = append(w.line, link...)
		w.flush()
	}
	if status != "" {
		w.raw("STATUS:" + status)
	}
	w.address("ORGANIZER", &e.Organizer)
	switch m {
	case Request:
		for i := range e.Attendees {
			w.address("ATTENDEE", &e.Attendees[i], "ROLE=REQ-PARTICIPANT", "PARTSTAT="+partstats[i], "RSVP=TRUE")
		}
	case Cancel:
		for i := range e.Attendees {
			w.address("ATTENDEE", &e.Attendees[i], "ROLE=REQ-PARTICIPANT", "PARTSTAT="+partstats[i])
		}
	case Reply:
		w.address("ATTENDEE", &e.Attendees[0], "PARTSTAT="+partstats[0])
	}
	w.raw("END:VEVENT")
	return nil
}

// normPartStat returns the participation status in upper case, NEEDS-ACTION when empty.
func normPartStat(s string) (string, error) {
	ps := strings.ToUpper(strings.TrimSpace(s))
	switch ps {
	case "":
		return "NEEDS-ACTION", nil
	case "NEEDS-ACTION", "ACCEPTED", "DECLINED", "TENTATIVE":
		return ps, nil
	}
	return "", fmt.Errorf("%q is not an answer to an invite (NEEDS-ACTION, ACCEPTED, DECLINED or TENTATIVE)", s)
}

func checkYear(what string, t time.Time) error {
	if y := t.Year(); y < 1 || y > 9999 {
		return fmt.Errorf("the session's %s is out of range (year %d)", what, y)
	}
	return nil
}

// isBlank reports whether s holds nothing but white space and control characters, i.e.
// nothing a calendar would show.
func isBlank(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) && !unicode.IsControl(r) {
			return false
		}
	}
	return true
}

// checkUID accepts printable ASCII without space, backslash, semicolon, comma and double
// quote: a UID every client compares byte for byte, with nothing to escape.
func checkUID(uid string) error {
	if uid == "" {
		return fmt.Errorf("the session has no calendar UID")
	}
	if len(uid) > 255 {
		return fmt.Errorf("the session's calendar UID is too long (%d characters, at most 255)", len(uid))
	}
	for i := 0; i < len(uid); i++ {
		c := uid[i]
		if c <= ' ' || c >= 0x7f || c == '\\' || c == ';' || c == ',' || c == '"' {
			return fmt.Errorf("the session's calendar UID %q has a character calendars mishandle", uid)
		}
	}
	return nil
}

// checkEmail applies Tandem's one address rule (validate.Address) to an organizer's or
// attendee's address, so that what the forms and the import accept can be invited: it also
// keeps out everything a mailto: URI or a content line cannot carry unescaped (# % ?, spaces,
// controls, delimiters, invisible and text-direction characters).
func checkEmail(who, email string) error {
	e := strings.TrimSpace(email)
	if e == "" {
		return fmt.Errorf("%s has no email address", who)
	}
	if _, err := validate.Address(e); err != nil {
		return fmt.Errorf("%s: %w, so a calendar invite cannot use it", who, err)
	}
	return nil
}

// checkURL accepts an absolute http(s) URL without spaces, control, invisible or
// text-direction characters (validate.WebLink).
func checkURL(s string) error {
	if err := validate.WebLink(s); err != nil {
		return fmt.Errorf("the video link %w", err)
	}
	return nil
}

// appendText appends s as an RFC 5545 TEXT value: backslash, semicolon and comma escaped,
// CRLF, CR and LF written as \n, other control characters (but tab) dropped, invalid
// UTF-8 replaced by U+FFFD.
func appendText(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == '\\' || c == ';' || c == ',':
				dst = append(dst, '\\', c)
			case c == '\r':
				if i < len(s) && s[i] == '\n' {
					i++
				}
				dst = append(dst, '\\', 'n')
			case c == '\n':
				dst = append(dst, '\\', 'n')
			case c == '\t' || (c >= ' ' && c != 0x7f):
				dst = append(dst, c)
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = utf8.AppendRune(dst, utf8.RuneError)
		case r == '\u2028' || r == '\u2029' || r == '\u0085': // line separators some clients break on
			dst = append(dst, '\\', 'n')
		case unicode.IsControl(r):
		default:
			dst = append(dst, s[i:i+size]...)
		}
		i += size
	}
	return dst
}

// lineBreaks turns every line break a calendar or mail program may break a line on into
// one space: CRLF, CR, LF, vertical tab, form feed, NEL (U+0085) and the line and paragraph
// separators (U+2028, U+2029).
var lineBreaks = strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ", "\v", " ", "\f", " ",
	"\u0085", " ", "\u2028", " ", "\u2029", " ")

// oneLine returns s with its line breaks written as spaces (see lineBreaks).
func oneLine(s string) string { return lineBreaks.Replace(s) }

// appendParamValue appends an already sanitised parameter value: a caret is written "^^"
// (RFC 6868, so that readers which decode "^n" and "^'" cannot be handed a line break or
// a quote), and the value is quoted when it holds a character that delimits parameters
// (RFC 5545 section 3.2).
func appendParamValue(dst []byte, v string) []byte {
	quote := strings.ContainsAny(v, ";:,")
	if quote {
		dst = append(dst, '"')
	}
	for i := 0; i < len(v); i++ {
		if v[i] == '^' {
			dst = append(dst, '^')
		}
		dst = append(dst, v[i])
	}
	if quote {
		dst = append(dst, '"')
	}
	return dst
}

// SanitizeName makes a display name safe for a CN parameter: control characters (CR, LF,
// tab, NEL, line and paragraph separators) become spaces, runs of spaces collapse, double
// quotes become ', bidirectional overrides and invalid UTF-8 are dropped, the result is
// trimmed and cut to at most 100 runes. (Build also writes a caret as "^^", RFC 6868.)
func SanitizeName(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	runes := 0
	space := false
	for i := 0; i < len(s) && runes < maxNameRunes; {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			continue
		case r == '"':
			r = '\''
		case unicode.IsControl(r) || unicode.IsSpace(r) || r == '\u2028' || r == '\u2029':
			space = true
			continue
		case isBidiControl(r):
			continue
		}
		if space && runes > 0 {
			b.WriteByte(' ')
			runes++
			if runes == maxNameRunes {
				break
			}
		}
		space = false
		b.WriteRune(r)
		runes++
	}
	return strings.TrimSpace(b.String())
}

// isBidiControl reports the explicit directional formatting characters, which can make a
// name display as something it is not.
func isBidiControl(r rune) bool {
	return (r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069') || r == '\u200E' || r == '\u200F' || r == '\u061C'
}

// foldInto writes one content line to dst folded at 75 octets (RFC 5545 section 3.1):
// never inside a UTF-8 sequence, continuation lines starting with one space, every line
// (continuations included) at most 75 octets before its CRLF.
func foldInto(dst *bytes.Buffer, line []byte) {
	limit := maxLineOctets
	for len(line) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		dst.Write(line[:cut])
		dst.WriteString("\r\n ")
		line = line[cut:]
		limit = maxLineOctets - 1
	}
	dst.Write(line)
	dst.WriteString("\r\n")
}

// NewUID returns a random UID ("<32 hex digits>@tandem.local") from crypto/rand.
func NewUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // never fails (Go 1.24+): it crashes the program instead
	return hex.EncodeToString(b[:]) + "@tandem.local"
}
