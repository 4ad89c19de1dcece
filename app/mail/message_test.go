package mail

import (
	"bytes"
	"encoding/base64"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"net/textproto"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// mimePart is a parsed MIME entity.
type mimePart struct {
	mediaType string
	params    map[string]string
	header    textproto.MIMEHeader
	body      []byte // decoded (quoted-printable and base64)
	children  []*mimePart
}

// parseMessage parses raw bytes back with net/mail and mime/multipart.
func parseMessage(t testing.TB, raw []byte) (*mail.Message, *mimePart) {
	t.Helper()
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("net/mail cannot read the message: %v\n%s", err, raw)
	}
	root := parseEntity(t, textproto.MIMEHeader(msg.Header), msg.Body)
	return msg, root
}

func parseEntity(t testing.TB, h textproto.MIMEHeader, body io.Reader) *mimePart {
	t.Helper()
	ct := h.Get("Content-Type")
	if ct == "" {
		ct = "text/plain"
	}
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil {
		t.Fatalf("bad Content-Type %q: %v", ct, err)
	}
	p := &mimePart{mediaType: mt, params: params, header: h}
	if strings.HasPrefix(mt, "multipart/") {
		mr := multipart.NewReader(body, params["boundary"])
		for {
			part, err := mr.NextRawPart()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("reading %s: %v", mt, err)
			}
			p.children = append(p.children, parseEntity(t, part.Header, part))
		}
		return p
	}
	var r io.Reader = body
	switch strings.ToLower(h.Get("Content-Transfer-Encoding")) {
	case "quoted-printable":
		r = quotedprintable.NewReader(r)
	case "base64":
		r = base64.NewDecoder(base64.StdEncoding, r)
	}
	p.body, err = io.ReadAll(r)
	if err != nil {
		t.Fatalf("decoding %s: %v", mt, err)
	}
	return p
}

func sampleInvite() []byte {
	return []byte("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Tandem//EN\r\nMETHOD:REQUEST\r\n" +
		"BEGIN:VEVENT\r\nUID:meeting-1@tandem\r\nDTSTAMP:20260101T090000Z\r\n" +
		"DTSTART:20260105T090000Z\r\nDTEND:20260105T100000Z\r\nSUMMARY:Première rencontre\r\n" +
		"ORGANIZER;CN=Zoë:mailto:admin@example.org\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
}

func sampleMessage() Message {
	return Message{
		ID:        42,
		FromName:  "Mentoring Team",
		FromEmail: "admin@example.org",
		ToName:    "Zoë Durand",
		ToEmail:   "zoe@example.com",
		ReplyTo:   "help@example.org",
		Subject:   "Welcome to the program",
		Text:      "Hello Zoë,\nwelcome!\n",
		HTML:      "<p>Hello Zoë,<br>welcome!</p>",
		Date:      time.Date(2026, 1, 2, 9, 30, 0, 0, time.UTC),
	}
}

func TestBuildPlainAndHTML(t *testing.T) {
	raw, err := Build(sampleMessage())
	if err != nil {
		t.Fatal(err)
	}
	msg, root := parseMessage(t, raw)
	if got := msg.Header.Get(headerMessage); got != "42" {
		t.Errorf("X-Tandem-Message = %q, want 42", got)
	}
	if msg.Header.Get("X-Unsent") != "" {
		t.Error("a built message must not be marked unsent")
	}
	if root.mediaType != "multipart/alternative" || len(root.children) != 2 {
		t.Fatalf("structure = %s with %d parts, want multipart/alternative with 2", root.mediaType, len(root.children))
	}
	plain, html := root.children[0], root.children[1]
	if plain.mediaType != "text/plain" || !strings.EqualFold(plain.params["charset"], "utf-8") {
		t.Errorf("first part = %s %v", plain.mediaType, plain.params)
	}
	if html.mediaType != "text/html" || !strings.EqualFold(html.params["charset"], "utf-8") {
		t.Errorf("second part = %s %v", html.mediaType, html.params)
	}
	if got := strings.ReplaceAll(string(plain.body), "\r\n", "\n"); got != "Hello Zoë,\nwelcome!\n" {
		t.Errorf("text body = %q", got)
	}
	if string(html.body) != "<p>Hello Zoë,<br>welcome!</p>" {
		t.Errorf("html body = %q", html.body)
	}
	to, err := msg.Header.AddressList("To")
	if err != nil || len(to) != 1 || to[0].Name != "Zoë Durand" || to[0].Address != "zoe@example.com" {
		t.Errorf("To = %v, %v", to, err)
	}
	if rt, err := msg.Header.AddressList("Reply-To"); err != nil || len(rt) != 1 || rt[0].Address != "help@example.org" {
		t.Errorf("Reply-To = %v, %v", rt, err)
	}
	if d, err := msg.Header.Date(); err != nil || !d.Equal(sampleMessage().Date) {
		t.Errorf("Date = %v, %v", d, err)
	}
	if id := msg.Header.Get("Message-Id"); !strings.HasSuffix(id, "@example.org>") {
		t.Errorf("Message-ID %q should be on the sender's domain", id)
	}
	if ua := msg.Header.Get("User-Agent"); ua != "Tandem" {
		t.Errorf("User-Agent = %q", ua)
	}
	for _, line := range strings.Split(string(raw), "\r\n") {
		if len(line) > 998 {
			t.Errorf("line longer than 998 octets: %.60s...", line)
		}
	}
}

func TestBuildTextOnly(t *testing.T) {
	m := sampleMessage()
	m.HTML = ""
	raw, err := Build(m)
	if err != nil {
		t.Fatal(err)
	}
	_, root := parseMessage(t, raw)
	if root.mediaType != "text/plain" || len(root.children) != 0 {
		t.Fatalf("structure = %s with %d parts, want a single text/plain", root.mediaType, len(root.children))
	}
}

func TestBuildInviteStructure(t *testing.T) {
	for _, method := range []string{"REQUEST", "CANCEL"} {
		t.Run(method, func(t *testing.T) {
			m := sampleMessage()
			m.Calendar = bytes.Replace(sampleInvite(), []byte("METHOD:REQUEST"), []byte("METHOD:"+method), 1)
			m.Method = method
			raw, err := Build(m)
			if err != nil {
				t.Fatal(err)
			}
			checkInvite(t, raw, m.Calendar, method)
		})
	}
}

// checkInvite asserts multipart/mixed → multipart/alternative → text/plain,
// text/html, text/calendar; method=M; charset=UTF-8, plus invite.ics.
func checkInvite(t *testing.T, raw, calendar []byte, method string) {
	t.Helper()
	_, root := parseMessage(t, raw)
	if root.mediaType != "multipart/mixed" || len(root.children) != 2 {
		t.Fatalf("root = %s with %d parts, want multipart/mixed with 2", root.mediaType, len(root.children))
	}
	alt, att := root.children[0], root.children[1]
	if alt.mediaType != "multipart/alternative" || len(alt.children) != 3 {
		t.Fatalf("first = %s with %d parts, want multipart/alternative with 3", alt.mediaType, len(alt.children))
	}
	want := []string{"text/plain", "text/html", "text/calendar"}
	for i, c := range alt.children {
		if c.mediaType != want[i] {
			t.Errorf("alternative part %d = %s, want %s", i, c.mediaType, want[i])
		}
	}
	cal := alt.children[2]
	if cal.params["method"] != method {
		t.Errorf("text/calendar method = %q, want %q", cal.params["method"], method)
	}
	if !strings.EqualFold(cal.params["charset"], "utf-8") {
		t.Errorf("text/calendar charset = %q", cal.params["charset"])
	}
	if !bytes.Contains(cal.body, []byte("\r\nMETHOD:"+cal.params["method"]+"\r\n")) {
		t.Errorf("the part's method %q is not the METHOD in its body:\n%s", cal.params["method"], cal.body)
	}
	if !bytes.Equal(cal.body, calendar) {
		t.Errorf("inline calendar changed:\n%q\nwant\n%q", cal.body, calendar)
	}
	disp, dparams, _ := mime.ParseMediaType(att.header.Get("Content-Disposition"))
	if disp != "attachment" || dparams["filename"] != "invite.ics" {
		t.Errorf("attachment disposition = %q %v", disp, dparams)
	}
	if att.mediaType != "application/ics" || att.params["name"] != "invite.ics" {
		t.Errorf("attachment type = %s %v", att.mediaType, att.params)
	}
	if !bytes.Equal(att.body, calendar) {
		t.Errorf("invite.ics differs from the calendar:\n%q", att.body)
	}
}

func TestBuildInviteMethod(t *testing.T) {
	m := sampleMessage()
	m.Calendar = sampleInvite()
	m.Method = "" // read from the calendar
	raw, err := Build(m)
	if err != nil {
		t.Fatal(err)
	}
	checkInvite(t, raw, m.Calendar, "REQUEST")

	m.Method = "CANCEL"
	if _, err := Build(m); err == nil || !strings.Contains(err.Error(), "METHOD") {
		t.Errorf("a method that differs from the calendar's METHOD: err = %v", err)
	}
	m.Method = ""
	m.Calendar = bytes.Replace(sampleInvite(), []byte("METHOD:REQUEST\r\n"), nil, 1)
	if _, err := Build(m); err == nil {
		t.Error("a calendar without METHOD was accepted")
	}
	m.Calendar = bytes.Replace(sampleInvite(), []byte("METHOD:REQUEST"), []byte("METHOD:REQUEST; charset=x\r\nX-EVIL: 1"), 1)
	if _, err := Build(m); err == nil {
		t.Error("a METHOD that is not a token was accepted")
	}
}

func TestBuildNonASCIISubjectRoundTrips(t *testing.T) {
	m := sampleMessage()
	m.Subject = "Bienvenue, Zoë — 欢迎 🎉 to a rather long subject line that must be folded somewhere along the way"
	m.FromName = "Équipe « mentorat »"
	raw, err := Build(m)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.ContainsFunc(headerBytes(raw), func(r rune) bool { return r > 127 }) {
		t.Errorf("the header has raw non-ASCII bytes:\n%s", headerBytes(raw))
	}
	msg, _ := parseMessage(t, raw)
	var dec mime.WordDecoder
	got, err := dec.DecodeHeader(msg.Header.Get("Subject"))
	if err != nil || got != m.Subject {
		t.Errorf("subject = %q, %v; want %q", got, err, m.Subject)
	}
	from, err := msg.Header.AddressList("From")
	if err != nil || len(from) != 1 || from[0].Name != m.FromName {
		t.Errorf("From = %v, %v", from, err)
	}
}

func headerBytes(raw []byte) []byte {
	h, _, _ := bytes.Cut(raw, []byte("\r\n\r\n"))
	return h
}

func TestBuildHeaderInjection(t *testing.T) {
	injections := map[string]func(*Message){
		"subject CRLF":    func(m *Message) { m.Subject = "Hello\r\nBcc: evil@attacker.test" },
		"subject LF":      func(m *Message) { m.Subject = "Hello\nBcc: evil@attacker.test" },
		"subject CR":      func(m *Message) { m.Subject = "Hello\rBcc: evil@attacker.test" },
		"to name":         func(m *Message) { m.ToName = "Zoë\r\nBcc: evil@attacker.test" },
		"from name":       func(m *Message) { m.FromName = "Team\r\nBcc: evil@attacker.test\r\n" },
		"name with quote": func(m *Message) { m.ToName = `Zoë "Zed", <evil@attacker.test>` + "\nBcc: evil@attacker.test" },
	}
	for name, edit := range injections {
		t.Run(name, func(t *testing.T) {
			m := sampleMessage()
			edit(&m)
			raw, err := Build(m)
			if err != nil {
				t.Fatalf("Build refused: %v", err) // encoding is fine too, but this must still be sendable
			}
			msg, _ := parseMessage(t, raw)
			if v, ok := msg.Header["Bcc"]; ok {
				t.Fatalf("a Bcc header was injected: %q", v)
			}
			if bytes.Contains(raw, []byte("\nBcc:")) {
				t.Fatalf("an injected line starts with Bcc:\n%s", headerBytes(raw))
			}
			to, err := msg.Header.AddressList("To")
			if err != nil || len(to) != 1 || to[0].Address != "zoe@example.com" {
				t.Fatalf("To = %v, %v; want only zoe@example.com", to, err)
			}
			from, err := msg.Header.AddressList("From")
			if err != nil || len(from) != 1 || from[0].Address != "admin@example.org" {
				t.Fatalf("From = %v, %v", from, err)
			}
		})
	}
	for _, addr := range []string{
		"zoe@example.com\r\nBcc: evil@attacker.test",
		"zoe@example.com\nBcc: evil@attacker.test",
		"Zoë <zoe@example.com>",
		"zoe@example.com, evil@attacker.test",
		"zoe@[127.0.0.1]",
		"zoe@localhost",
		"zoe",
		"",
	} {
		m := sampleMessage()
		m.ToEmail = addr
		if _, err := Build(m); err == nil {
			t.Errorf("recipient address %q was accepted", addr)
		} else if !strings.HasPrefix(err.Error(), "message 42: ") {
			t.Errorf("error %q lacks the message id", err)
		}
		m = sampleMessage()
		m.ReplyTo = addr + "x"
		if _, err := Build(m); err == nil && addr != "" {
			t.Errorf("reply-to address %q was accepted", addr+"x")
		}
	}
}

func TestBuildRefusesInvalidUTF8(t *testing.T) {
	m := sampleMessage()
	m.Text = "caf\xe9"
	if _, err := Build(m); err == nil {
		t.Error("a Windows-1252 body was accepted as UTF-8")
	}
}

func TestDraft(t *testing.T) {
	m := sampleMessage()
	m.Calendar = sampleInvite()
	raw, err := Draft(m)
	if err != nil {
		t.Fatal(err)
	}
	msg, _ := parseMessage(t, raw)
	if got := msg.Header.Get("X-Unsent"); got != "1" {
		t.Errorf("X-Unsent = %q, want 1", got)
	}
	checkInvite(t, raw, m.Calendar, "REQUEST")
}

func TestWriteDrafts(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "drafts") // created by WriteDrafts
	a := sampleMessage()
	b := sampleMessage()
	b.ID = 43
	b.Subject = `Rendez-vous: "Zoë" / Sam <3 \ ok?`
	b.Calendar = sampleInvite()
	c := sampleMessage()
	c.ID = 44
	c.Subject = "  "
	paths, err := WriteDrafts(dir, []Message{a, b, c})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"42-Welcome-to-the-program.eml", "43-Rendez-vous-Zoë-Sam-3-ok.eml", "44-no-subject.eml"}
	if len(paths) != len(want) {
		t.Fatalf("paths = %v", paths)
	}
	for i, p := range paths {
		if filepath.Base(p) != want[i] || filepath.Dir(p) != dir {
			t.Errorf("path %d = %s, want %s in %s", i, p, want[i], dir)
		}
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		msg, _ := parseMessage(t, raw)
		if msg.Header.Get("X-Unsent") != "1" {
			t.Errorf("%s is not marked unsent", p)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		t.Errorf("the folder holds %d entries, want 3 (no temporary files left)", len(entries))
	}

	bad := sampleMessage()
	bad.ID = 45
	bad.ToEmail = "not an address"
	if _, err := WriteDrafts(dir, []Message{c, bad}); err == nil {
		t.Error("a bad message was accepted")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 3 {
		t.Errorf("a failed WriteDrafts changed the folder: %d entries", len(entries))
	}
}
