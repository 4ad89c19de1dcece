package app_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"net/textproto"
	"slices"
	"strconv"
	"strings"
	"testing"

	"tandem/app"
	"tandem/app/mail/smtptest"
	"tandem/db"
)

// Addresses of the mail fixture.
const (
	adminEmail = "mentoring@northwind.example"
	anaEmail   = "ana.silva@northwind.example"
	kenjiEmail = "kenji.sato@northwind.example"
)

// mailFixture is a migrated database with settings pointing at a real SMTP server, an
// evergreen program (peer mentoring on) and a peer relationship between Ana (Berlin) and
// Kenji (Tokyo).
type mailFixture struct {
	s    *app.Services
	d    *db.DB
	srv  *smtptest.Server
	prog app.Program
	ana  app.Participant
	ken  app.Participant
	rel  app.Relationship
}

// newMailFixture builds the fixture; edit changes the settings before they are saved.
func newMailFixture(tb testing.TB, edit func(*app.AppSettings)) *mailFixture {
	tb.Helper()
	return newMailFixtureWith(tb, smtptest.Options{}, edit)
}

// newMailFixtureWith builds the fixture with a server started with opts.
func newMailFixtureWith(tb testing.TB, opts smtptest.Options, edit func(*app.AppSettings), dbOpts ...db.Option) *mailFixture {
	tb.Helper()
	s, d := mustOpen(tb, dbOpts...)
	srv := smtptest.StartWith(tb, opts)
	f := &mailFixture{s: s, d: d, srv: srv}
	f.saveSettings(tb, edit)

	f.prog = mustProgram(tb, s, "evergreen")
	f.ana = mustEnrol(tb, s, f.prog.ID, app.PersonInput{Name: "Ana Silva", Email: anaEmail, TimeZone: "Europe/Berlin"},
		app.ParticipantInput{Mentee: true, Peer: true})
	f.ken = mustEnrol(tb, s, f.prog.ID, app.PersonInput{Name: "Kenji Sato", Email: kenjiEmail, TimeZone: "Asia/Tokyo"},
		app.ParticipantInput{Mentor: true, Peer: true, Capacity: 2})
	rel, err := s.Relationships.Create(app.RelationshipInput{ProgramID: f.prog.ID, Kind: "peer",
		Members: []app.MemberInput{{ParticipantID: f.ana.ID}, {ParticipantID: f.ken.ID}}})
	if err != nil {
		tb.Fatalf("create relationship: %v", err)
	}
	f.rel = rel
	return f
}

// saveSettings saves the fixture's settings (SMTP to the test server), changed by edit, and
// the password.
func (f *mailFixture) saveSettings(tb testing.TB, edit func(*app.AppSettings)) {
	tb.Helper()
	f.s.Settings.TLS = f.srv.ClientTLS
	st := app.AppSettings{AdminEmail: adminEmail, AdminName: "Sam Admin", OrganisationName: "Northwind",
		DefaultTimeZone: "Europe/Berlin", Delivery: "smtp", SMTPHost: "127.0.0.1", SMTPPort: f.srv.Port,
		SMTPSecurity: "starttls", SMTPUsername: "tandem", PerMinute: 600}
	if edit != nil {
		edit(&st)
	}
	if _, err := f.s.Settings.Save(st); err != nil {
		tb.Fatalf("save settings: %v", err)
	}
	if _, err := f.s.Settings.SetPassword(smtptest.Password); err != nil {
		tb.Fatalf("set password: %v", err)
	}
}

func mustEnrol(tb testing.TB, s *app.Services, programID int64, person app.PersonInput, roles app.ParticipantInput) app.Participant {
	tb.Helper()
	p, err := s.Participants.Enrol(app.EnrolInput{ProgramID: programID, NewPerson: &person, Roles: roles})
	if err != nil {
		tb.Fatalf("enrol %s: %v", person.Name, err)
	}
	return p
}

// session returns the form for a 45-minute session of the fixture's relationship at start
// (Berlin time).
func (f *mailFixture) session(start string) app.SessionInput {
	return app.SessionInput{RelationshipID: f.rel.ID, Title: "Peer session: Ana & Kenji", Start: start,
		TimeZone: "Europe/Berlin", DurationMinutes: 45, Location: "Room 4.02", Agenda: "1. Introductions\n2. Goals"}
}

// schedule schedules one session and returns it.
func (f *mailFixture) schedule(tb testing.TB, start string) app.Session {
	tb.Helper()
	got, err := f.s.Sessions.Schedule(f.session(start))
	if err != nil {
		tb.Fatalf("schedule: %v", err)
	}
	if len(got) != 1 {
		tb.Fatalf("scheduled %d sessions, want 1", len(got))
	}
	return got[0]
}

// send sends the given queued messages (all when none) and waits for the run to end.
func (f *mailFixture) send(tb testing.TB, ids ...int64) app.SendProgress {
	tb.Helper()
	if _, err := f.s.Outbox.Send(ids); err != nil {
		tb.Fatalf("send: %v", err)
	}
	f.s.Outbox.Wait()
	p := f.s.Outbox.Progress()
	if p.Running {
		tb.Fatalf("still running after Wait: %+v", p)
	}
	return p
}

// messages returns the outbox messages with a status ("" for all), oldest first.
func (f *mailFixture) messages(tb testing.TB, status string) []app.OutboxMessage {
	tb.Helper()
	return outboxOf(tb, f.s, status)
}

func outboxOf(tb testing.TB, s *app.Services, status string) []app.OutboxMessage {
	tb.Helper()
	page, err := s.Outbox.List(status)
	if err != nil {
		tb.Fatalf("outbox: %v", err)
	}
	msgs := slices.Clone(page.Messages)
	slices.SortFunc(msgs, func(a, b app.OutboxMessage) int { return int(a.ID - b.ID) })
	return msgs
}

// byRecipient returns the one message to email among msgs, failing when there is not exactly one.
func byRecipient(tb testing.TB, msgs []app.OutboxMessage, email string) app.OutboxMessage {
	tb.Helper()
	var found []app.OutboxMessage
	for _, m := range msgs {
		if m.ToEmail == email {
			found = append(found, m)
		}
	}
	if len(found) != 1 {
		tb.Fatalf("%d messages to %s in %s, want 1", len(found), email, summary(msgs))
	}
	return found[0]
}

// summary describes messages in one line for failure output.
func summary(msgs []app.OutboxMessage) string {
	var b strings.Builder
	b.WriteString("[")
	for i, m := range msgs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.FormatInt(m.ID, 10) + ":" + m.Kind + "/" + string(m.Status) + "→" + m.ToEmail)
	}
	b.WriteString("]")
	return b.String()
}

// setStatus changes a message's status behind the services' back, as a crash would leave it.
func setStatus(tb testing.TB, d *db.DB, id int64, status string) {
	tb.Helper()
	if _, err := d.SQL.ExecContext(context.Background(), `UPDATE outbox SET status = ? WHERE id = ?`, status, id); err != nil {
		tb.Fatal(err)
	}
}

// part is one MIME part, its body decoded.
type part struct {
	mediaType   string
	params      map[string]string
	disposition string
	filename    string
	header      textproto.MIMEHeader
	body        []byte
	parts       []part
}

// email is a received message, parsed.
type email struct {
	header mail.Header
	root   part
}

// parseEmail parses RFC 5322 bytes and their MIME structure.
func parseEmail(tb testing.TB, data []byte) email {
	tb.Helper()
	m, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		tb.Fatalf("not an email: %v\n%s", err, data)
	}
	root, err := parsePart(textproto.MIMEHeader(m.Header), m.Body)
	if err != nil {
		tb.Fatalf("MIME: %v\n%s", err, data)
	}
	return email{header: m.Header, root: root}
}

func parsePart(h textproto.MIMEHeader, body io.Reader) (part, error) {
	ct := h.Get("Content-Type")
	if ct == "" {
		ct = "text/plain"
	}
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil {
		return part{}, err
	}
	p := part{mediaType: mt, params: params, header: h}
	if cd := h.Get("Content-Disposition"); cd != "" {
		d, dp, err := mime.ParseMediaType(cd)
		if err != nil {
			return part{}, err
		}
		p.disposition, p.filename = d, dp["filename"]
	}
	if strings.HasPrefix(mt, "multipart/") {
		r := multipart.NewReader(body, params["boundary"])
		for {
			np, err := r.NextRawPart()
			if err == io.EOF {
				break
			}
			if err != nil {
				return part{}, err
			}
			child, err := parsePart(np.Header, np)
			if err != nil {
				return part{}, err
			}
			p.parts = append(p.parts, child)
		}
		return p, nil
	}
	var rd io.Reader = body
	switch strings.ToLower(h.Get("Content-Transfer-Encoding")) {
	case "base64":
		rd = base64.NewDecoder(base64.StdEncoding, newlineStripper{body})
	case "quoted-printable":
		rd = quotedprintable.NewReader(body)
	}
	p.body, err = io.ReadAll(rd)
	return p, err
}

// newlineStripper drops CR and LF, which base64 bodies are wrapped with.
type newlineStripper struct{ r io.Reader }

func (n newlineStripper) Read(b []byte) (int, error) {
	for {
		k, err := n.r.Read(b)
		j := 0
		for _, c := range b[:k] {
			if c != '\r' && c != '\n' {
				b[j] = c
				j++
			}
		}
		if j > 0 || err != nil {
			return j, err
		}
	}
}

// id returns the outbox id the message carries in X-Tandem-Message.
func (e email) id(tb testing.TB) int64 {
	tb.Helper()
	id, err := strconv.ParseInt(e.header.Get("X-Tandem-Message"), 10, 64)
	if err != nil {
		tb.Fatalf("X-Tandem-Message %q: %v", e.header.Get("X-Tandem-Message"), err)
	}
	return id
}

// inviteMail is the parts of a calendar email a user's mail client shows.
type inviteMail struct {
	text, html, calendar, method, attachment string
}

// inviteParts checks the shape multipart/mixed { multipart/alternative { text/plain,
// text/html, text/calendar }, invite.ics } and returns the parts.
func inviteParts(tb testing.TB, e email) inviteMail {
	tb.Helper()
	r := e.root
	if r.mediaType != "multipart/mixed" || len(r.parts) != 2 {
		tb.Fatalf("top level is %s with %d parts, want multipart/mixed with 2", r.mediaType, len(r.parts))
	}
	alt, att := r.parts[0], r.parts[1]
	if alt.mediaType != "multipart/alternative" || len(alt.parts) != 3 {
		tb.Fatalf("first part is %s with %d parts, want multipart/alternative with 3", alt.mediaType, len(alt.parts))
	}
	var types []string
	for _, p := range alt.parts {
		types = append(types, p.mediaType)
	}
	if want := []string{"text/plain", "text/html", "text/calendar"}; !slices.Equal(types, want) {
		tb.Fatalf("alternatives %v, want %v", types, want)
	}
	for _, p := range alt.parts {
		if cs := strings.ToUpper(p.params["charset"]); cs != "UTF-8" {
			tb.Errorf("%s charset %q, want UTF-8", p.mediaType, cs)
		}
	}
	if att.filename != "invite.ics" || att.disposition != "attachment" {
		tb.Fatalf("second part: disposition %q filename %q, want an invite.ics attachment", att.disposition, att.filename)
	}
	cal := alt.parts[2]
	return inviteMail{text: string(alt.parts[0].body), html: string(alt.parts[1].body), calendar: string(cal.body),
		method: cal.params["method"], attachment: string(att.body)}
}

// received parses what the server accepted, by outbox id, failing on a message received twice.
func received(tb testing.TB, srv *smtptest.Server) map[int64]email {
	tb.Helper()
	out := map[int64]email{}
	for _, m := range srv.Messages() {
		e := parseEmail(tb, m.Data)
		id := e.id(tb)
		if _, dup := out[id]; dup {
			tb.Errorf("message %d was received twice", id)
		}
		out[id] = e
	}
	return out
}

// icsProps returns the values of a property in iCalendar text (unfolded), e.g. "SEQUENCE".
func icsProps(cal, name string) []string {
	unfolded := strings.NewReplacer("\r\n ", "", "\r\n\t", "").Replace(cal)
	var out []string
	for _, line := range strings.Split(unfolded, "\r\n") {
		n, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		if base, _, _ := strings.Cut(n, ";"); base == name {
			out = append(out, v)
		}
	}
	return out
}

// icsProp returns the one value of a property, failing when there is not exactly one.
func icsProp(tb testing.TB, cal, name string) string {
	tb.Helper()
	v := icsProps(cal, name)
	if len(v) != 1 {
		tb.Fatalf("%d %s properties in\n%s", len(v), name, cal)
	}
	return v[0]
}
