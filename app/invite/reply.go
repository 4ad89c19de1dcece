package invite

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"net/textproto"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	ical "github.com/emersion/go-ical"
	"golang.org/x/text/encoding/htmlindex"
)

// RSVP is one attendee's answer found in a reply.
type RSVP struct {
	UID      string // the session's calendar UID
	Sequence int    // the SEQUENCE the attendee answered (0 when the reply has none)
	Email    string // the attendee's address, as written (without "mailto:")
	PartStat string // upper case: ACCEPTED, DECLINED, TENTATIVE, NEEDS-ACTION, DELEGATED …
	Comment  string // the attendee's note, if the client sent one (COMMENT or X-RESPONSE-COMMENT)
}

// Kinds of failure, for errors.Is; the errors themselves carry a sentence for the admin.
var (
	// ErrNotCalendar is the kind of error for bytes that are not a (readable) iCalendar object.
	ErrNotCalendar = errors.New("not a calendar file")
	// ErrNotReply is the kind of error for a calendar (or email) that holds no METHOD:REPLY.
	ErrNotReply = errors.New("not a calendar reply")
	// ErrNoAnswer is the kind of error for a reply without an event, a UID or an attendee.
	ErrNoAnswer = errors.New("no answer in the reply")
)

// replyError is a sentence for the admin that also answers errors.Is for its kind.
type replyError struct {
	msg  string
	kind error
}

func (e *replyError) Error() string { return e.msg }
func (e *replyError) Unwrap() error { return e.kind }

func errorf(kind error, format string, args ...any) error {
	return &replyError{msg: fmt.Sprintf(format, args...), kind: kind}
}

// Limits that keep hostile files from exhausting memory or time: go-ical's decoder
// recurses once per BEGIN and builds parameter values byte by byte (quadratic).
const (
	maxFileSize    = 25 << 20 // a whole .eml with attachments
	maxNesting     = 16       // VCALENDAR > VEVENT > VALARM is 3
	maxParamOctets = 8 << 10  // name and parameters of one content line
	maxParamCost   = 1 << 30  // sum of squared parameter lengths (the decoder's work), ≈0.1 s
	maxMIMEDepth   = 20
	maxMIMEParts   = 500
)

// ParseReply reads a METHOD:REPLY calendar (.ics bytes) and returns the answers, one per
// attendee per event. It never panics: malformed input gives an error whose text an admin
// understands ("the file is not a calendar file", "this file is not a calendar reply
// (METHOD is REQUEST)", "the reply names no attendee"). Several VCALENDAR objects one
// after another are read in turn.
func ParseReply(data []byte) (rsvps []RSVP, err error) {
	defer recoverAs(&rsvps, &err)
	if len(data) > maxFileSize {
		return nil, errorf(ErrNotCalendar, "the file is too large to be a calendar reply (%d MB)", len(data)>>20)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errorf(ErrNotCalendar, "the file is empty: it is not a calendar file")
	}
	if !looksLikeCalendar(data) {
		return nil, errorf(ErrNotCalendar, "the file is not a calendar file")
	}
	if !utf8.Valid(data) {
		data = bytes.ToValidUTF8(data, []byte("\uFFFD"))
	}
	starts, err := preflight(data)
	if err != nil {
		return nil, err
	}
	cals, err := decodeAll(data, starts)
	if err != nil {
		return nil, err
	}
	for _, cal := range cals {
		got, err := answers(cal)
		if err != nil {
			return nil, err
		}
		rsvps = append(rsvps, got...)
	}
	return rsvps, nil
}

// recoverAs turns a panic anywhere below ParseReply or ParseReplyFile into an error.
func recoverAs(rsvps *[]RSVP, err *error) {
	if r := recover(); r != nil {
		*rsvps = nil
		*err = errorf(ErrNotCalendar, "the file could not be read as a calendar reply (it is malformed)")
	}
}

// looksLikeCalendar reports whether data starts (after blank space) with BEGIN:VCALENDAR.
func looksLikeCalendar(data []byte) bool {
	data = bytes.TrimLeft(data, " \t\r\n")
	const begin = "BEGIN:VCALENDAR"
	return len(data) >= len(begin) && strings.EqualFold(string(data[:len(begin)]), begin)
}

// preflight walks the unfolded content lines once, refuses what would make go-ical's
// decoder recurse too deep or spend quadratic time on a parameter, and returns the offsets
// of the top-level BEGIN lines (one per calendar object in the file).
func preflight(data []byte) ([]int, error) {
	total := len(data)
	var starts []int
	depth := 0
	lineNo := 0
	cost := 0
	for len(data) > 0 {
		offset := total - len(data)
		// One logical line: physical lines joined while the next starts with space or tab.
		var head []byte // the first bytes of the logical line, enough to see BEGIN:/END:
		paramLen := 0
		inParams, inQuote := true, false
		for first := true; len(data) > 0; first = false {
			if !first && data[0] != ' ' && data[0] != '\t' {
				break
			}
			nl := bytes.IndexByte(data, '\n')
			var phys []byte
			if nl < 0 {
				phys, data = data, nil
			} else {
				phys, data = data[:nl], data[nl+1:]
			}
			phys = bytes.TrimSuffix(phys, []byte("\r"))
			if !first {
				phys = phys[1:]
			}
			lineNo++
			if inParams {
				for _, c := range phys {
					if c == '"' {
						inQuote = !inQuote
					} else if c == ':' && !inQuote {
						inParams = false
						break
					}
					paramLen++
				}
				if paramLen > maxParamOctets {
					return nil, errorf(ErrNotCalendar, "the file is not a calendar file that can be read (line %d is malformed)", lineNo)
				}
			}
			if len(head) < 16 {
				head = append(head, phys[:min(len(phys), 16-len(head))]...)
			}
		}
		cost += paramLen * paramLen
		if cost > maxParamCost {
			return nil, errorf(ErrNotCalendar, "the file is not a calendar file that can be read (its property parameters are too long)")
		}
		switch upper := strings.ToUpper(string(head)); {
		case strings.HasPrefix(upper, "BEGIN:"):
			if depth == 0 {
				starts = append(starts, offset)
			}
			depth++
			if depth > maxNesting {
				return nil, errorf(ErrNotCalendar, "the file is not a calendar file that can be read (components nested %d deep at line %d)", depth, lineNo)
			}
		case strings.HasPrefix(upper, "END:"):
			depth = max(depth-1, 0)
		}
	}
	return starts, nil
}

// decodeAll decodes each calendar object of data (starting at the offsets preflight
// found) with go-ical, turning its panics into errors.
func decodeAll(data []byte, starts []int) (cals []*ical.Calendar, err error) {
	defer func() {
		if r := recover(); r != nil {
			cals = nil
			err = errorf(ErrNotCalendar, "the file is not a calendar file that can be read (a line is malformed)")
		}
	}()
	if len(starts) == 0 {
		return nil, errorf(ErrNotCalendar, "the file is not a calendar file")
	}
	for i, start := range starts {
		end := len(data)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		cal, err := ical.NewDecoder(bytes.NewReader(data[start:end])).Decode()
		if err != nil {
			if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
				return nil, errorf(ErrNotCalendar, "the calendar file is incomplete: it ends before END:VCALENDAR")
			}
			return nil, errorf(ErrNotCalendar, "the file is not a calendar file that can be read (%s)", printable(strings.TrimPrefix(err.Error(), "ical: "), 200))
		}
		cals = append(cals, cal)
	}
	return cals, nil
}

// answers extracts the RSVPs of one decoded calendar.
func answers(cal *ical.Calendar) ([]RSVP, error) {
	method := "none"
	if p := cal.Props.Get(ical.PropMethod); p != nil {
		method = strings.ToUpper(strings.TrimSpace(p.Value))
	}
	if method != "REPLY" {
		if method == "none" {
			return nil, errorf(ErrNotReply, "this file is not a calendar reply (it has no METHOD)")
		}
		return nil, errorf(ErrNotReply, "this file is not a calendar reply (METHOD is %s)", printable(method, 40))
	}
	var out []RSVP
	events := 0
	for _, c := range cal.Children {
		if c.Name != ical.CompEvent {
			continue
		}
		events++
		uid := ""
		if p := c.Props.Get(ical.PropUID); p != nil {
			uid = strings.TrimSpace(unescapeText(p.Value))
		}
		if uid == "" {
			return nil, errorf(ErrNoAnswer, "the reply has an event without a UID, so it cannot be matched to a session")
		}
		seq := 0
		if p := c.Props.Get(ical.PropSequence); p != nil {
			if n, err := strconv.Atoi(strings.TrimSpace(p.Value)); err == nil && n >= 0 {
				seq = n
			}
		}
		var comments []string
		for _, p := range c.Props.Values(ical.PropComment) {
			if t := strings.TrimSpace(unescapeText(p.Value)); t != "" {
				comments = append(comments, t)
			}
		}
		attendees := c.Props.Values(ical.PropAttendee)
		if len(attendees) == 0 {
			return nil, errorf(ErrNoAnswer, "the reply names no attendee")
		}
		for _, a := range attendees {
			email := strings.TrimSpace(a.Value)
			if len(email) >= 7 && strings.EqualFold(email[:7], "mailto:") {
				email = strings.TrimSpace(email[7:])
			}
			if email == "" {
				return nil, errorf(ErrNoAnswer, "the reply names an attendee without an email address")
			}
			// Several values (PARTSTAT=ACCEPTED,DECLINED) are kept joined: no one answer.
			var values []string
			for _, v := range a.Params.Values(ical.ParamParticipationStatus) {
				values = append(values, strings.TrimSpace(v))
			}
			ps := strings.ToUpper(strings.Join(values, ","))
			if ps == "" {
				ps = "NEEDS-ACTION"
			}
			comment := strings.Join(comments, "\n")
			if comment == "" {
				comment = strings.TrimSpace(unescapeText(a.Params.Get("X-RESPONSE-COMMENT")))
			}
			out = append(out, RSVP{UID: uid, Sequence: seq, Email: email, PartStat: ps, Comment: comment})
		}
	}
	if events == 0 {
		return nil, errorf(ErrNoAnswer, "the reply contains no event")
	}
	return out, nil
}

// unescapeText reads an RFC 5545 TEXT value leniently: \n, \N, \\, \; and \, are
// unescaped, an unknown escape keeps its character, an unescaped comma stays a comma.
func unescapeText(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			b.WriteByte(c)
			continue
		}
		i++
		switch s[i] {
		case 'n', 'N':
			b.WriteByte('\n')
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// printable shortens s for an error message and drops control characters.
func printable(s string, max int) string {
	s = strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return -1
		}
		return r
	}, s)
	if utf8.RuneCountInString(s) > max {
		s = string([]rune(s)[:max]) + "…"
	}
	return s
}

// ParseReplyFile accepts either .ics bytes or a whole .eml message (RFC 5322, MIME
// multipart at any depth, forwarded messages included, parts in base64 or
// quoted-printable, any charset) and reads the text/calendar part(s) with METHOD:REPLY,
// found by content type (text/calendar, application/ics) or as an .ics attachment.
// Answers repeated in several parts (Outlook sends the reply inline and attached) are
// returned once. name is the file's name, used to tell an .ics file from an email.
func ParseReplyFile(name string, data []byte) (rsvps []RSVP, err error) {
	rsvps, _, err = parseFile(name, data)
	return rsvps, err
}

// parseFile is ParseReplyFile that also returns the email's top-level header (nil when the
// file is a bare calendar).
func parseFile(name string, data []byte) (rsvps []RSVP, header mail.Header, err error) {
	defer func() { // runs last, after a panic became an error
		if err != nil {
			header = nil
		}
	}()
	defer recoverAs(&rsvps, &err)
	if len(data) > maxFileSize {
		return nil, nil, errorf(ErrNotCalendar, "the file is too large to be a calendar reply (%d MB)", len(data)>>20)
	}
	trimmed := bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(trimmed)) == 0 {
		return nil, nil, errorf(ErrNotCalendar, "the file is empty: it is neither a calendar reply nor an email")
	}
	if looksLikeCalendar(trimmed) {
		rsvps, err := ParseReply(trimmed)
		return rsvps, nil, err
	}
	msg, err := mail.ReadMessage(bufio.NewReader(bytes.NewReader(trimmed)))
	if err != nil || len(msg.Header) == 0 || !looksLikeMessage(msg.Header) {
		if strings.EqualFold(path.Ext(name), ".ics") {
			rsvps, err := ParseReply(trimmed)
			return rsvps, nil, err
		}
		return nil, nil, errorf(ErrNotCalendar, "the file is neither a calendar file nor an email message")
	}

	w := &mimeWalker{}
	w.walk(textproto.MIMEHeader(msg.Header), msg.Body, 0)
	if len(w.rsvps) > 0 {
		return dedupe(w.rsvps), msg.Header, nil
	}
	if w.firstErr != nil {
		return nil, nil, w.firstErr
	}
	if w.tooDeep {
		return nil, nil, errorf(ErrNotCalendar, "the email is nested too deeply to be read")
	}
	return nil, nil, errorf(ErrNotReply, "the email contains no calendar reply")
}

// looksLikeMessage reports whether the header has a field every email carries.
func looksLikeMessage(h mail.Header) bool {
	for _, k := range []string{"From", "Content-Type", "Mime-Version", "Subject", "Date", "Received", "To", "Message-Id"} {
		if _, ok := h[k]; ok {
			return true
		}
	}
	return false
}

type mimeWalker struct {
	rsvps    []RSVP
	firstErr error // the first calendar part's error, when no part had a reply
	parts    int
	tooDeep  bool
}

// walk reads one MIME entity with header h and (still transfer-encoded) body.
func (w *mimeWalker) walk(h textproto.MIMEHeader, body io.Reader, depth int) {
	w.parts++
	if depth > maxMIMEDepth || w.parts > maxMIMEParts {
		w.tooDeep = true
		return
	}
	mediaType, params, err := mime.ParseMediaType(h.Get("Content-Type"))
	if err != nil {
		mediaType, params = "text/plain", map[string]string{}
		if ct := strings.ToLower(h.Get("Content-Type")); ct != "" {
			// Keep what can be recognised of a sloppy header.
			mediaType = strings.TrimSpace(strings.SplitN(ct, ";", 2)[0])
		}
	}
	switch {
	case strings.HasPrefix(mediaType, "multipart/"):
		boundary := params["boundary"]
		if boundary == "" {
			return
		}
		mr := multipart.NewReader(decodeTransfer(h, body), boundary)
		for {
			p, err := mr.NextRawPart()
			if err != nil {
				return
			}
			w.walk(p.Header, p, depth+1)
			if w.tooDeep {
				return
			}
		}
	case mediaType == "message/rfc822" || mediaType == "message/global":
		msg, err := mail.ReadMessage(bufio.NewReader(decodeTransfer(h, body)))
		if err != nil {
			return
		}
		w.walk(textproto.MIMEHeader(msg.Header), msg.Body, depth+1)
	case isCalendarPart(mediaType, params, h):
		raw, err := io.ReadAll(io.LimitReader(decodeTransfer(h, body), maxFileSize+1))
		if err != nil {
			if w.firstErr == nil {
				w.firstErr = errorf(ErrNotCalendar, "the calendar part of the email is damaged (%v)", err)
			}
			return
		}
		raw = toUTF8(raw, params["charset"])
		got, err := ParseReply(raw)
		if err != nil {
			if w.firstErr == nil {
				w.firstErr = err
			}
			return
		}
		w.rsvps = append(w.rsvps, got...)
	}
}

// isCalendarPart reports a text/calendar or application/ics part, or any attachment
// whose file name ends in .ics.
func isCalendarPart(mediaType string, params map[string]string, h textproto.MIMEHeader) bool {
	switch mediaType {
	case "text/calendar", "application/ics", "text/x-vcalendar", "application/x-ics":
		return true
	}
	names := []string{params["name"]}
	if _, dp, err := mime.ParseMediaType(h.Get("Content-Disposition")); err == nil {
		names = append(names, dp["filename"])
	}
	for _, n := range names {
		if n == "" {
			continue
		}
		if dec, err := new(mime.WordDecoder).DecodeHeader(n); err == nil {
			n = dec
		}
		if strings.EqualFold(path.Ext(strings.TrimSpace(n)), ".ics") {
			return true
		}
	}
	return false
}

// decodeTransfer undoes the part's Content-Transfer-Encoding (base64, quoted-printable).
func decodeTransfer(h textproto.MIMEHeader, body io.Reader) io.Reader {
	switch strings.ToLower(strings.TrimSpace(h.Get("Content-Transfer-Encoding"))) {
	case "base64":
		return base64.NewDecoder(base64.StdEncoding, &base64Cleaner{r: body})
	case "quoted-printable":
		return quotedprintable.NewReader(body)
	}
	return body
}

// base64Cleaner passes only base64 alphabet bytes (line breaks and stray characters in
// mail bodies are common), and stops at the first '='-padded end.
type base64Cleaner struct {
	r    io.Reader
	done bool
	n    int // base64 characters passed so far
}

func (c *base64Cleaner) Read(p []byte) (int, error) {
	for {
		if c.done {
			return 0, io.EOF
		}
		n, err := c.r.Read(p)
		j := 0
		for _, b := range p[:n] {
			if c.done {
				break
			}
			switch {
			case b >= 'A' && b <= 'Z', b >= 'a' && b <= 'z', b >= '0' && b <= '9', b == '+', b == '/':
				p[j] = b
				j++
				c.n++
			case b == '=':
				p[j] = b
				j++
				c.n++
				if c.n%4 == 0 {
					c.done = true
				}
			}
		}
		if err == io.EOF && !c.done {
			// Pad a body whose padding was cut, so the decoder keeps what it can.
			c.done = true
			for c.n%4 != 0 && j < len(p) {
				if c.n%4 == 1 { // one lone character cannot be decoded: drop it if still here
					if j > 0 {
						j--
						c.n--
					}
					break
				}
				p[j] = '='
				j++
				c.n++
			}
			if j > 0 {
				return j, nil
			}
			return 0, io.EOF
		}
		if j > 0 || err != nil {
			return j, err
		}
	}
}

// toUTF8 converts a part declared in another charset (windows-1252, ISO-8859-1 …).
func toUTF8(raw []byte, charset string) []byte {
	cs := strings.ToLower(strings.TrimSpace(charset))
	if cs == "" || cs == "utf-8" || cs == "utf8" || cs == "us-ascii" {
		return raw
	}
	enc, err := htmlindex.Get(cs)
	if err != nil {
		return raw
	}
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return raw
	}
	return out
}

// dedupe drops answers repeated in several parts of one message, keeping the order.
func dedupe(in []RSVP) []RSVP {
	seen := make(map[RSVP]bool, len(in))
	out := in[:0]
	for _, r := range in {
		k := r
		k.Email = strings.ToLower(k.Email)
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, r)
	}
	return out
}
