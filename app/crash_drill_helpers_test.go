package app_test

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"tandem/app"
	"tandem/app/mail/smtptest"
	"tandem/app/questionnaire"
	"tandem/app/status"
	"tandem/db"
)

// The kinds of write the crash drill's child does, in the order of its cycle.
const (
	crashSchedule = "schedule" // one session or a series of three, an invite per attendee
	crashEnrol    = "enrol"    // a new person enrolled as a mentee and peer
	crashAnswer   = "answer"   // their answer to the drill's question
	crashRequest  = "request"  // their peer request to the fixture's recipient (two emails)
	crashDecide   = "decide"   // the recipient's answer: approve (a relationship, two emails) or decline (one)
	crashImport   = "import"   // a CSV of crashImported new people with answers
)

var crashKinds = []string{crashSchedule, crashEnrol, crashAnswer, crashRequest, crashDecide, crashImport}

// crashBetween counts kills that landed between two writes (after an ack, before the next "do").
const crashBetween = "between writes"

const crashImported = 3

func crashPerson(key string) string          { return "x-" + key + "@drill.example" }
func crashNote(key string) string            { return "note-" + key }
func crashTitle(key string) string           { return "Drill " + key }
func crashImportee(key string, k int) string { return fmt.Sprintf("i%d-%s@drill.example", k, key) }
func crashImportNote(key string, k int) string {
	return fmt.Sprintf("imported-%s-%d", key, k)
}

// setupCrashDrill creates the database the children write into: settings (invites sent
// automatically through srv, no rate limit), an evergreen program with peer mentoring and a
// free-text question, two peers and their relationship.
func setupCrashDrill(t *testing.T, path string, srv *smtptest.Server) crashSetup {
	t.Helper()
	d, err := db.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	s := app.NewServices(context.Background(), d, func() time.Time { return testNow }, &app.KeyringSecrets{NoKeyring: true})
	if _, err := s.Settings.Save(app.AppSettings{AdminName: "Sam Admin", AdminEmail: adminEmail, OrganisationName: "Northwind",
		Delivery: "smtp", DefaultTimeZone: "Europe/Berlin", SMTPHost: "127.0.0.1", SMTPPort: srv.Port, SMTPSecurity: "starttls",
		SMTPUsername: "tandem", PerMinute: 600, AutoSend: []string{"invite"}}); err != nil {
		t.Fatal(err)
	}
	// No rate limit (Save allows 1..600 a minute; the mail package reads a negative one as none).
	if _, err := d.SQL.Exec(`UPDATE settings SET value = '-1' WHERE key = 'per_minute'`); err != nil {
		t.Fatal(err)
	}
	prog := mustProgram(t, s, "evergreen")
	q, err := s.Questions.Create(prog.ID, app.QuestionInput{Prompt: "Crash note", Kind: "text", Audience: "everyone",
		Rule: "none", Weight: "medium"})
	if err != nil {
		t.Fatal(err)
	}
	ana := mustEnrol(t, s, prog.ID, app.PersonInput{Name: "Ana Silva", Email: anaEmail, TimeZone: "Europe/Berlin"},
		app.ParticipantInput{Mentee: true, Peer: true})
	ken := mustEnrol(t, s, prog.ID, app.PersonInput{Name: "Kenji Sato", Email: kenjiEmail, TimeZone: "Asia/Tokyo"},
		app.ParticipantInput{Mentor: true, Peer: true, Capacity: 2})
	rel, err := s.Relationships.Create(app.RelationshipInput{ProgramID: prog.ID, Kind: "peer",
		Members: []app.MemberInput{{ParticipantID: ana.ID}, {ParticipantID: ken.ID}}})
	if err != nil {
		t.Fatal(err)
	}
	return crashSetup{ProgramID: prog.ID, QuestionID: q.ID, RecipientID: ken.ID, RecipientEmail: kenjiEmail, RelationshipID: rel.ID}
}

// crashWrite is one write a child started.
type crashWrite struct {
	kind, key, arg string
	acked          bool // the service returned: it must be there after every later crash
	// known is set once the write's outcome is known (always, for an acknowledged one): after
	// that, every check finds it present exactly when present is true.
	known, present bool
}

func (w *crashWrite) String() string { return strings.TrimSpace(w.kind + " " + w.key + " " + w.arg) }

// crashModel is everything the children did, as their output tells it.
type crashModel struct {
	writes                   []*crashWrite
	kills                    map[string]int             // what was in flight at each kill
	spans                    map[string][]time.Duration // how long each kind of write took, "do" to "ack"
	acked, cut, cutCommitted int                        // acknowledged writes; writes cut off by a kill, and how many had committed
	queued                   int                        // messages in the outbox at the last check, whatever their status
	received                 map[int64]int              // outbox id → times the SMTP server received it
	seen                     int                        // how many of the server's messages are counted in received
	status                   map[int64]status.Message   // each message's status at the last check
}

func newCrashModel() *crashModel {
	return &crashModel{kills: map[string]int{}, spans: map[string][]time.Duration{}, received: map[int64]int{},
		status: map[int64]status.Message{}}
}

// span is how long a kind of write usually takes here: the median of the times measured.
func (m *crashModel) span(kind string) time.Duration {
	s := m.spans[kind]
	if len(s) == 0 {
		return crashFirstSpan
	}
	s = slices.Clone(s)
	slices.Sort(s)
	return s[len(s)/2]
}

// apply records one child's lines and returns the kind of write in flight when it was killed.
func (m *crashModel) apply(lines []crashLine) (string, error) {
	var cur *crashWrite
	var began time.Time
	for _, l := range lines {
		line := l.text
		f := strings.Fields(line)
		if len(f) < 3 || len(f) > 4 || (f[0] != "do" && f[0] != "ack") || !slices.Contains(crashKinds, f[1]) {
			return "", fmt.Errorf("unexpected line from the child: %q", line)
		}
		w := &crashWrite{kind: f[1], key: f[2]}
		if len(f) == 4 {
			w.arg = f[3]
		}
		switch f[0] {
		case "do":
			if cur != nil {
				return "", fmt.Errorf("%q started while %q was not acknowledged", line, cur)
			}
			cur, began = w, l.at
			m.writes = append(m.writes, w)
		case "ack":
			if cur == nil || cur.String() != w.String() {
				return "", fmt.Errorf("%q acknowledges a write that was not started (in flight: %v)", line, cur)
			}
			cur.acked, cur.known, cur.present = true, true, true
			m.acked++
			m.spans[w.kind] = append(m.spans[w.kind], l.at.Sub(began))
			cur = nil
		}
	}
	if cur == nil {
		return crashBetween, nil
	}
	return cur.kind, nil
}

// crashMsg is one outbox row.
type crashMsg struct {
	id                   int64
	kind, status, to     string
	sessionID, requestID int64
}

// crashRequest is one request row.
type crashReq struct {
	id, recipient, relationship int64
	status                      string
	sent                        bool
}

// crashState is what a database holds, read in a few queries.
type crashState struct {
	fx           crashSetup
	people       map[string]int64   // email (lower case) → person id
	email        map[int64]string   // person id → email
	participants map[int64]int64    // person id → participant id, in the drill's program
	personOf     map[int64]int64    // participant id → person id
	answers      map[int64]string   // participant id → answer to the drill's question
	requests     map[int64]crashReq // requester participant id → request
	members      map[int64][]int64  // relationship id → participant ids
	titles       map[string][]int64 // session title → session ids
	attendees    map[int64][]int64  // session id → person ids
	bySession    map[int64][]crashMsg
	byRequest    map[int64][]crashMsg
	msgs         []crashMsg
}

func readCrashState(ctx context.Context, sqldb *sql.DB, fx crashSetup) (*crashState, error) {
	st := &crashState{fx: fx, people: map[string]int64{}, email: map[int64]string{}, participants: map[int64]int64{},
		personOf: map[int64]int64{}, answers: map[int64]string{}, requests: map[int64]crashReq{}, members: map[int64][]int64{}, titles: map[string][]int64{},
		attendees: map[int64][]int64{}, bySession: map[int64][]crashMsg{}, byRequest: map[int64][]crashMsg{}}
	each := func(query string, scan func(*sql.Rows) error, args ...any) error {
		rows, err := sqldb.QueryContext(ctx, query, args...)
		if err != nil {
			return fmt.Errorf("%s: %w", query, err)
		}
		defer rows.Close()
		for rows.Next() {
			if err := scan(rows); err != nil {
				return fmt.Errorf("%s: %w", query, err)
			}
		}
		return rows.Err()
	}
	err := each(`SELECT id, email FROM people`, func(r *sql.Rows) error {
		var id int64
		var e string
		err := r.Scan(&id, &e)
		st.people[strings.ToLower(e)], st.email[id] = id, strings.ToLower(e)
		return err
	})
	if err == nil {
		err = each(`SELECT id, person_id FROM participants WHERE program_id = ?`, func(r *sql.Rows) error {
			var id, person int64
			err := r.Scan(&id, &person)
			st.participants[person], st.personOf[id] = id, person
			return err
		}, fx.ProgramID)
	}
	if err == nil {
		err = each(`SELECT participant_id, value FROM answers WHERE question_id = ?`, func(r *sql.Rows) error {
			var id int64
			var v string
			err := r.Scan(&id, &v)
			st.answers[id] = questionnaire.Decode(v).Text
			return err
		}, fx.QuestionID)
	}
	if err == nil {
		err = each(`SELECT id, requester_id, recipient_id, status, sent_at IS NOT NULL, COALESCE(relationship_id, 0) FROM requests`,
			func(r *sql.Rows) error {
				var rq crashReq
				var requester int64
				err := r.Scan(&rq.id, &requester, &rq.recipient, &rq.status, &rq.sent, &rq.relationship)
				if _, dup := st.requests[requester]; dup && err == nil {
					err = fmt.Errorf("participant %d has two requests", requester)
				}
				st.requests[requester] = rq
				return err
			})
	}
	if err == nil {
		err = each(`SELECT relationship_id, participant_id FROM relationship_members`, func(r *sql.Rows) error {
			var rel, p int64
			err := r.Scan(&rel, &p)
			st.members[rel] = append(st.members[rel], p)
			return err
		})
	}
	if err == nil {
		err = each(`SELECT id, title FROM sessions`, func(r *sql.Rows) error {
			var id int64
			var title string
			err := r.Scan(&id, &title)
			st.titles[title] = append(st.titles[title], id)
			st.attendees[id] = nil
			return err
		})
	}
	if err == nil {
		err = each(`SELECT session_id, person_id FROM session_attendees`, func(r *sql.Rows) error {
			var se, p int64
			err := r.Scan(&se, &p)
			st.attendees[se] = append(st.attendees[se], p)
			return err
		})
	}
	if err == nil {
		err = each(`SELECT id, kind, status, lower(to_email), COALESCE(session_id, 0), COALESCE(request_id, 0) FROM outbox`,
			func(r *sql.Rows) error {
				var m crashMsg
				err := r.Scan(&m.id, &m.kind, &m.status, &m.to, &m.sessionID, &m.requestID)
				st.msgs = append(st.msgs, m)
				if m.sessionID != 0 {
					st.bySession[m.sessionID] = append(st.bySession[m.sessionID], m)
				}
				if m.requestID != 0 {
					st.byRequest[m.requestID] = append(st.byRequest[m.requestID], m)
				}
				return err
			})
	}
	return st, err
}

// participant returns the drill participant with email, if enrolled.
func (st *crashState) participant(email string) (int64, bool) {
	p, ok := st.participants[st.people[email]]
	return p, ok
}

// messagesAre checks that msgs are exactly one of each kind→recipient in want.
func messagesAre(msgs []crashMsg, want ...string) error {
	var got []string
	for _, m := range msgs {
		got = append(got, m.kind+"→"+m.to)
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		return fmt.Errorf("messages %v, want %v", got, want)
	}
	return nil
}

// present says whether w is in the database; an error means it is there in part, or wrong.
func (st *crashState) present(w *crashWrite) (bool, error) {
	x := crashPerson(w.key)
	switch w.kind {
	case crashEnrol:
		person, ok := st.people[x]
		_, enrolled := st.participants[person]
		if ok != enrolled {
			return false, fmt.Errorf("the person %s is there but not enrolled", x)
		}
		return ok, nil
	case crashAnswer:
		p, ok := st.participant(x)
		if !ok {
			return false, fmt.Errorf("%s, who answered, is not enrolled", x)
		}
		v, ok := st.answers[p]
		if ok && v != crashNote(w.key) {
			return false, fmt.Errorf("%s's answer is %q, want %q", x, v, crashNote(w.key))
		}
		return ok, nil
	case crashRequest:
		p, ok := st.participant(x)
		if !ok {
			return false, fmt.Errorf("%s, who asked, is not enrolled", x)
		}
		r, ok := st.requests[p]
		if ok && (r.recipient != st.fx.RecipientID || !r.sent) {
			return false, fmt.Errorf("%s's request is %+v, want one sent to participant %d", x, r, st.fx.RecipientID)
		}
		return ok, nil
	case crashDecide:
		p, _ := st.participant(x)
		r, ok := st.requests[p]
		if !ok {
			return false, fmt.Errorf("%s's request, which was answered, is not there", x)
		}
		want := map[string]string{"approve": string(status.RequestApproved), "decline": string(status.RequestDeclined)}[w.arg]
		if r.status == string(status.RequestPending) {
			return false, nil
		}
		if r.status != want {
			return false, fmt.Errorf("%s's request is %s, want %s", x, r.status, want)
		}
		if m := st.members[r.relationship]; want == string(status.RequestApproved) &&
			(len(m) != 2 || !slices.Contains(m, p) || !slices.Contains(m, st.fx.RecipientID)) {
			return false, fmt.Errorf("%s's approved request has relationship %d with members %v", x, r.relationship, m)
		}
		return true, nil
	case crashSchedule:
		ids := st.titles[crashTitle(w.key)]
		if n, _ := strconv.Atoi(w.arg); len(ids) != 0 && len(ids) != n {
			return false, fmt.Errorf("%d of the %d sessions %q are there", len(ids), n, crashTitle(w.key))
		}
		return len(ids) > 0, nil
	case crashImport:
		n := 0
		for k := 1; k <= crashImported; k++ {
			e := crashImportee(w.key, k)
			if _, ok := st.people[e]; !ok {
				continue
			}
			n++
			p, ok := st.participant(e)
			if !ok {
				return false, fmt.Errorf("imported %s is not enrolled", e)
			}
			if v := st.answers[p]; v != crashImportNote(w.key, k) {
				return false, fmt.Errorf("imported %s's answer is %q, want %q", e, v, crashImportNote(w.key, k))
			}
		}
		if n != 0 && n != crashImported {
			return false, fmt.Errorf("%d of the %d people of import %s are there", n, crashImported, w.key)
		}
		return n > 0, nil
	}
	return false, fmt.Errorf("unknown write %v", w)
}
