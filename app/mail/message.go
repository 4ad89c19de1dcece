package mail

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/mail"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	gomail "github.com/wneessen/go-mail"

	"tandem/app/validate"
)

// Message is one email to one recipient.
type Message struct {
	// ID is the outbox id: it is echoed in results and written as the header
	// X-Tandem-Message: <id> (left out when it is 0).
	ID int64
	// FromName and FromEmail are the sender's display name and address.
	FromName, FromEmail string
	// ToName and ToEmail are the recipient's display name and address.
	ToName, ToEmail string
	// ReplyTo is an optional Reply-To address.
	ReplyTo string
	// Subject is one line; line breaks and other control characters become spaces, and it
	// is cut past MaxSubject characters (SubjectLine).
	Subject string
	// Text is the plain-text body.
	Text string
	// HTML is the optional HTML body.
	HTML string
	// Calendar is optional iCalendar text (an invite). It goes both inline, as
	// a text/calendar alternative, and as an invite.ics attachment.
	Calendar []byte
	// Method is the calendar's METHOD ("REQUEST", "CANCEL"...) when Calendar
	// is set. It must equal the METHOD property in Calendar; when empty it is
	// read from there.
	Method string
	// Date is the Date header; the zero time means now.
	Date time.Time
}

// headerMessage is the header that carries the outbox id.
const headerMessage = "X-Tandem-Message"

// userAgent is written as User-Agent and X-Mailer instead of go-mail's default.
const userAgent = "Tandem"

// inviteName is the file name of the calendar attachment.
const inviteName = "invite.ics"

// Build returns the RFC 5322 bytes of m.
//
// Without a calendar the body is multipart/alternative {text/plain, text/html},
// or just text/plain when there is no HTML. With a calendar it is
// multipart/mixed { multipart/alternative { text/plain, text/html,
// text/calendar; method=...; charset=UTF-8 }, invite.ics attachment }. Every
// part is UTF-8; a non-ASCII subject or name is encoded (RFC 2047), and line
// breaks in a subject or name become spaces, so they cannot add a header. An
// address that is not a plain, valid email address is refused.
func Build(m Message) ([]byte, error) {
	return render(m, false)
}

// Draft returns the bytes of m as an unsent draft: the message Build writes
// with the header "X-Unsent: 1", which Outlook, Thunderbird and Apple Mail
// open as a message ready to send.
func Draft(m Message) ([]byte, error) {
	return render(m, true)
}

// WriteDrafts writes each message as "<ID>-<safe subject>.eml" into dir,
// creating dir when it is missing, and returns the paths in the order of msgs.
//
// Every message is built before any file is written, so a message that cannot
// be built changes nothing. Each file is written atomically (a temporary file
// in dir, synced, then renamed into place); an existing file of the same name
// is replaced. When writing fails part-way, the paths already written are
// returned with the error.
func WriteDrafts(dir string, msgs []Message) ([]string, error) {
	drafts := make([][]byte, len(msgs))
	for i, m := range msgs {
		data, err := Draft(m)
		if err != nil {
			return nil, fmt.Errorf("write drafts: %w", err)
		}
		drafts[i] = data
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("write drafts: create the folder: %w", err)
	}
	paths := make([]string, 0, len(msgs))
	for i, m := range msgs {
		path := filepath.Join(dir, draftName(m))
		if err := writeFileAtomic(path, drafts[i]); err != nil {
			return paths, fmt.Errorf("write the draft of message %d: %w", m.ID, err)
		}
		paths = append(paths, path)
	}
	syncDir(dir)
	return paths, nil
}

// render builds m, as a draft or not, and returns its bytes.
func render(m Message, draft bool) ([]byte, error) {
	msg, _, err := compose(m, newMessageID(m), draft)
	if err != nil {
		return nil, fmt.Errorf("message %d: %w", m.ID, err)
	}
	var buf bytes.Buffer
	if _, err := msg.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("message %d: write the message: %w", m.ID, err)
	}
	return buf.Bytes(), nil
}

// envelope is the SMTP envelope of a message: bare addresses, domains in punycode.
type envelope struct {
	from, to string
	// utf8 names an address (as typed) whose local part has non-ASCII letters: the message
	// can go only to a server that offers SMTPUTF8. Empty when every address is ASCII.
	utf8 string
}

// compose checks m and turns it into a go-mail message with the given
// Message-ID (without angle brackets). Its errors are sentences about m
// without the message id; callers add it.
//
// Addresses follow Tandem's address rule (validate.Address). Their domains are written in
// punycode in the envelope and the headers; a local part with non-ASCII letters is kept as
// typed (RFC 6531/6532) and recorded in the envelope, for Send to require SMTPUTF8.
func compose(m Message, messageID string, draft bool) (*gomail.Msg, envelope, error) {
	from, err := checkAddress("sender", m.FromEmail)
	if err != nil {
		return nil, envelope{}, err
	}
	to, err := checkAddress("recipient", m.ToEmail)
	if err != nil {
		return nil, envelope{}, err
	}
	var replyTo validate.Addr
	hasReplyTo := strings.TrimSpace(m.ReplyTo) != ""
	if hasReplyTo {
		if replyTo, err = checkAddress("reply-to", m.ReplyTo); err != nil {
			return nil, envelope{}, err
		}
	}
	env := envelope{from: from.Wire(), to: to.Wire()}
	for _, a := range []validate.Addr{from, to, replyTo} {
		if env.utf8 == "" && a.NeedsSMTPUTF8() {
			env.utf8 = a.String()
		}
	}
	if !utf8.ValidString(m.Text) {
		return nil, envelope{}, errors.New("the plain-text body is not valid UTF-8")
	}
	if !utf8.ValidString(m.HTML) {
		return nil, envelope{}, errors.New("the HTML body is not valid UTF-8")
	}
	var method string
	if len(m.Calendar) > 0 {
		if method, err = calendarMethod(m.Calendar, m.Method); err != nil {
			return nil, envelope{}, err
		}
	}

	// go-mail's charset defaults to UTF-8 and its encoding to quoted-printable.
	msg := gomail.NewMsg(gomail.WithNoDefaultUserAgent())
	// The *MailAddress setters take the address as is: FromFormat and
	// AddToFormat build `"name" <addr>` with the name unescaped and re-parse it,
	// which fails on a name with a double quote.
	msg.FromMailAddress(&mail.Address{Name: cleanLine(m.FromName), Address: env.from})
	msg.ToMailAddress(&mail.Address{Name: cleanLine(m.ToName), Address: env.to})
	if hasReplyTo {
		msg.ReplyToMailAddress(&mail.Address{Address: replyTo.Wire()})
	}
	msg.Subject(foldableSubject(SubjectLine(m.Subject)))
	date := m.Date
	if date.IsZero() {
		date = time.Now()
	}
	msg.SetDateWithValue(date)
	msg.SetMessageIDWithValue(messageID)
	if m.ID != 0 {
		msg.SetGenHeader(headerMessage, strconv.FormatInt(m.ID, 10))
	}
	msg.SetUserAgent(userAgent)
	if draft {
		msg.SetGenHeader("X-Unsent", "1")
	}

	msg.SetBodyString(gomail.TypeTextPlain, m.Text)
	if m.HTML != "" {
		msg.AddAlternativeString(gomail.TypeTextHTML, m.HTML)
	}
	if len(m.Calendar) > 0 {
		// The charset is appended by go-mail: text/calendar; method=X; charset=UTF-8.
		msg.AddAlternativeString(gomail.ContentType("text/calendar; method="+method), string(m.Calendar))
		err := msg.AttachReader(inviteName, bytes.NewReader(m.Calendar),
			gomail.WithFileContentType("application/ics"))
		if err != nil {
			return nil, envelope{}, fmt.Errorf("attach the invite: %w", err)
		}
	}
	return msg, env, nil
}

// checkAddress checks addr, trimmed, against the address rule (validate.Address): a plain
// email address, no display name, comment, quoted local part or domain literal.
func checkAddress(role, addr string) (validate.Addr, error) {
	a := strings.TrimSpace(addr)
	if a == "" {
		return validate.Addr{}, fmt.Errorf("the %s address is empty", role)
	}
	parsed, err := validate.Address(a)
	if err != nil {
		return validate.Addr{}, fmt.Errorf("the %s address %w", role, err)
	}
	return parsed, nil
}

// cleanLine makes s one header-safe line: invalid UTF-8 is replaced, control
// characters (CR, LF, tab...) and line separators become spaces, runs of
// spaces collapse to one, and the ends are trimmed.
func cleanLine(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r) || r == '\u2028' || r == '\u2029'
	}), " ")
}

// calendarMethod returns the METHOD of the iCalendar text cal, upper-cased,
// checking that it matches want when want is given.
func calendarMethod(cal []byte, want string) (string, error) {
	if !utf8.Valid(cal) {
		return "", errors.New("the calendar is not valid UTF-8")
	}
	var found string
	// Unfold continuation lines (RFC 5545 §3.1), then look for METHOD at the
	// calendar level (it is only allowed there).
	unfolded := strings.NewReplacer("\r\n ", "", "\r\n\t", "", "\n ", "", "\n\t", "").Replace(string(cal))
	for line := range strings.Lines(unfolded) {
		name, value, ok := strings.Cut(strings.TrimRight(line, "\r\n"), ":")
		if ok && strings.EqualFold(name, "METHOD") {
			found = strings.ToUpper(strings.TrimSpace(value))
			break
		}
	}
	if found == "" {
		return "", errors.New("the calendar has no METHOD property, which an invite needs (REQUEST, CANCEL...)")
	}
	if !isToken(found) {
		return "", fmt.Errorf("the calendar's METHOD %q is not a valid method name", found)
	}
	if w := strings.TrimSpace(want); w != "" && !strings.EqualFold(w, found) {
		return "", fmt.Errorf("the message's method %q differs from the calendar's METHOD %q", want, found)
	}
	return found, nil
}

// isToken reports whether s is an iCalendar method name: letters, digits and
// hyphens, starting with a letter.
func isToken(s string) bool {
	for i, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
		case i > 0 && (r >= '0' && r <= '9' || r == '-'):
		default:
			return false
		}
	}
	return s != ""
}

// newMessageID returns a unique Message-ID (without angle brackets) on the
// sender's domain (in punycode), so the machine's host name does not leak into it.
func newMessageID(m Message) string {
	var b [12]byte
	_, _ = rand.Read(b[:])
	domain := "tandem.invalid"
	if a, err := validate.Address(strings.TrimSpace(m.FromEmail)); err == nil {
		domain = a.ASCIIDomain
	}
	return fmt.Sprintf("%s.%d@%s", hex.EncodeToString(b[:]), m.ID, domain)
}

// Draft file names: the subject part is cut to at most this many characters and bytes, so
// that a name — and the temporary name it is written under, "." + name + ".<10 digits>.tmp" —
// stays within the 255 bytes file systems allow even with an id of 19 digits and letters of 4
// bytes each (255 - 16 for the temporary name - 24 for "<id>-" and ".eml" leaves 215).
const (
	draftSubjectRunes = 60
	draftSubjectBytes = 120
)

// draftName returns "<ID>-<safe subject>.eml": the subject keeps letters,
// digits, '-' and '_', other runs of characters become one '-', and it is cut
// to 60 characters and 120 bytes, at a character boundary.
func draftName(m Message) string {
	var b strings.Builder
	dash := false
	n := 0
	for _, r := range cleanLine(m.Subject) {
		if n >= draftSubjectRunes {
			break
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' {
			if b.Len()+utf8.RuneLen(r) > draftSubjectBytes {
				break
			}
			b.WriteRune(r)
			dash = false
			n++
			continue
		}
		if !dash && b.Len() > 0 {
			if b.Len()+1 > draftSubjectBytes {
				break
			}
			b.WriteByte('-')
			dash = true
			n++
		}
	}
	safe := strings.Trim(b.String(), "-")
	if safe == "" {
		safe = "no-subject"
	}
	return fmt.Sprintf("%d-%s.eml", m.ID, safe)
}

// writeFileAtomic writes data to path through a synced temporary file in the
// same folder and a rename.
func writeFileAtomic(path string, data []byte) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("create a temporary file: %w", err)
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("write %s: %w", tmp.Name(), err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("sync %s: %w", tmp.Name(), err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("close %s: %w", tmp.Name(), err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("rename into %s: %w", path, err)
	}
	return nil
}

// syncDir makes the renames in dir durable where the system allows it
// (opening a folder fails on Windows; that is fine there).
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync()
	_ = d.Close()
}
