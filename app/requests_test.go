package app_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tandem/app"
	"tandem/db"
)

// reqFixture is a program with peers, mentors and mentees, and a clock the test moves.
type reqFixture struct {
	s     *app.Services
	d     *db.DB
	now   time.Time
	peer  app.Program
	cohor app.Program
	p     map[string]app.Participant // by first name, in the peer program
	c     map[string]app.Participant // by first name, in the cohort
}

func newReqFixture(t *testing.T) *reqFixture {
	t.Helper()
	d, err := db.Open(context.Background(), filepath.Join(t.TempDir(), "tandem.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	f := &reqFixture{d: d, now: testNow, p: map[string]app.Participant{}, c: map[string]app.Participant{}}
	f.s = app.NewServices(context.Background(), d, func() time.Time { return f.now }, &app.KeyringSecrets{NoKeyring: true})
	if _, err := f.s.Settings.Save(app.AppSettings{AdminName: "Sam Admin", AdminEmail: "mentoring@example.org", Delivery: "smtp",
		DefaultTimeZone: "Europe/London"}); err != nil {
		t.Fatal(err)
	}
	f.peer = mustProgram(t, f.s, "evergreen")
	in := f.s.Programs.NewProgramDefaults("cohort")
	in.Name, in.StartsOn, in.EndsOn, in.MentorRequestExpiryDays = "Cohort", "2027-01-01", "2027-06-30", 14
	if f.cohor, err = f.s.Programs.Create(in); err != nil {
		t.Fatal(err)
	}
	enrol := func(prog int64, into map[string]app.Participant, name string, roles app.ParticipantInput) {
		p, err := f.s.Participants.Enrol(app.EnrolInput{ProgramID: prog, NewPerson: &app.PersonInput{Name: name + " Test",
			Email: strings.ToLower(name) + "@example.org", TimeZone: "Europe/Berlin"}, Roles: roles})
		if err != nil {
			// The person exists already (enrolled in the other program): enrol them by id.
			people, _ := f.s.People.List()
			for _, pe := range people {
				if pe.Name == name+" Test" {
					p, err = f.s.Participants.Enrol(app.EnrolInput{ProgramID: prog, PersonID: pe.ID, Roles: roles})
				}
			}
			if err != nil {
				t.Fatal(err)
			}
		}
		into[name] = p
	}
	enrol(f.peer.ID, f.p, "Ana", app.ParticipantInput{Mentee: true, Peer: true})
	enrol(f.peer.ID, f.p, "Jai", app.ParticipantInput{Mentor: true, Peer: true})
	enrol(f.peer.ID, f.p, "Mei", app.ParticipantInput{Mentee: true, Peer: true})
	enrol(f.peer.ID, f.p, "Ole", app.ParticipantInput{Mentee: true}) // not a peer
	enrol(f.cohor.ID, f.c, "Ana", app.ParticipantInput{Mentee: true})
	enrol(f.cohor.ID, f.c, "Max", app.ParticipantInput{Mentor: true, Capacity: 1})
	enrol(f.cohor.ID, f.c, "Rita", app.ParticipantInput{Mentor: true, Capacity: 2})
	enrol(f.cohor.ID, f.c, "Ole", app.ParticipantInput{Mentee: true})
	return f
}

// delivered marks every queued email as sent, as if the admin had sent the outbox.
func (f *reqFixture) delivered(t *testing.T) {
	t.Helper()
	if _, err := f.d.Q.MarkQueuedAsSent(context.Background(), f.now.UTC().Format(time.RFC3339)); err != nil {
		t.Fatal(err)
	}
}

func (f *reqFixture) outbox(t *testing.T, kind string) []app.OutboxMessage {
	t.Helper()
	page, err := f.s.Outbox.List("")
	if err != nil {
		t.Fatal(err)
	}
	var out []app.OutboxMessage
	for _, m := range page.Messages {
		if m.Kind == kind {
			out = append(out, m)
		}
	}
	return out
}

func TestRequestRulesRefuseWithAClearMessageAndChangeNothing(t *testing.T) {
	f := newReqFixture(t)
	if _, err := f.s.Participants.Update(f.p["Mei"].ID, app.ParticipantInput{Mentee: true, Peer: true, Status: "paused"}); err != nil {
		t.Fatal(err)
	}
	peer := func(from, to string) app.RequestInput {
		return app.RequestInput{ProgramID: f.peer.ID, Kind: "peer", RequesterID: f.p[from].ID, RecipientID: f.p[to].ID, Commitment: "intro"}
	}
	mentor := func(from, to string) app.RequestInput {
		return app.RequestInput{ProgramID: f.cohor.ID, Kind: "mentor", RequesterID: f.c[from].ID, RecipientID: f.c[to].ID, Commitment: "long_term"}
	}
	tests := []struct {
		name  string
		in    app.RequestInput
		field string
		text  string
	}{
		{"to oneself", peer("Ana", "Ana"), "recipientId", "themselves"},
		{"to a non-peer", peer("Ana", "Ole"), "recipientId", "not registered as a peer"},
		{"to a paused peer", peer("Ana", "Mei"), "recipientId", "paused"},
		{"peer request where peer mentoring is off", app.RequestInput{ProgramID: f.cohor.ID, Kind: "peer", RequesterID: f.c["Ana"].ID,
			RecipientID: f.c["Max"].ID, Commitment: "intro"}, "kind", "Peer mentoring is off"},
		{"mentor request to a mentee", mentor("Ana", "Ole"), "recipientId", "not a mentor"},
		{"topic without a topic", app.RequestInput{ProgramID: f.peer.ID, Kind: "peer", RequesterID: f.p["Ana"].ID, RecipientID: f.p["Jai"].ID,
			Commitment: "topic"}, "topic", "topic"},
		{"bad kind", app.RequestInput{ProgramID: f.peer.ID, Kind: "friend", RequesterID: f.p["Ana"].ID, RecipientID: f.p["Jai"].ID}, "kind", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := f.s.Requests.Create(tt.in)
			if err == nil {
				t.Fatal("want an error")
			}
			if got := fieldOf(t, err); got != tt.field || !strings.Contains(err.Error(), tt.text) {
				t.Errorf("field %q %q, want %q containing %q", got, err, tt.field, tt.text)
			}
		})
	}
	if _, err := f.s.Requests.Create(peer("Ana", "Jai")); err != nil {
		t.Fatal(err)
	}
	// A duplicate, either way round, is refused.
	for _, in := range []app.RequestInput{peer("Ana", "Jai"), peer("Jai", "Ana")} {
		if _, err := f.s.Requests.Create(in); err == nil || fieldOf(t, err) != "recipientId" || !strings.Contains(err.Error(), "already a pending request") {
			t.Errorf("duplicate: %v", err)
		}
	}
	all, _ := f.s.Requests.List(f.peer.ID, "", "", false)
	if len(all) != 1 || len(f.outbox(t, "request_summary")) != 1 {
		t.Errorf("refused requests left traces: %d requests, %d summaries", len(all), len(f.outbox(t, "request_summary")))
	}
}

func TestPeerRequestFlow(t *testing.T) {
	f := newReqFixture(t)
	cands, err := f.s.Requests.Candidates(f.peer.ID, f.p["Ana"].ID, "peer")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cands {
		if !c.Participant.Peer || c.Participant.ID == f.p["Ana"].ID {
			t.Errorf("not an eligible peer: %+v", c.Participant)
		}
	}
	in := app.RequestInput{ProgramID: f.peer.ID, Kind: "peer", RequesterID: f.p["Ana"].ID, RecipientID: f.p["Jai"].ID,
		Commitment: "topic", Topic: "public speaking", Note: "Hi Jai, could you help me prepare my first conference talk?"}
	prev, err := f.s.Requests.Preview(in)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(prev.Text, "help with public speaking over 3 sessions") || !strings.Contains(prev.Text, "first conference talk") ||
		!strings.Contains(prev.Text, `"yes", "intro only" or "no"`) && !strings.Contains(prev.Text, "intro only") {
		t.Errorf("summary preview:\n%s", prev.Text)
	}
	if len(f.outbox(t, "request_summary")) != 0 {
		t.Fatal("the preview queued an email")
	}
	r, err := f.s.Requests.Create(in)
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != "pending" || r.Sessions != 3 || r.ExpiresAt != "" || r.InReview {
		t.Errorf("created %+v (peer requests never expire)", r)
	}
	sum, conf := f.outbox(t, "request_summary"), f.outbox(t, "request_confirmation")
	if len(sum) != 1 || sum[0].ToEmail != "jai@example.org" || sum[0].Text != prev.Text || len(conf) != 1 || conf[0].ToEmail != "ana@example.org" {
		t.Fatalf("queued: summary %+v confirmation %+v", sum, conf)
	}
	// A year later it is still pending: peer requests never expire.
	f.now = f.now.AddDate(1, 0, 0)
	if _, err := f.s.Requests.Sweep(); err != nil {
		t.Fatal(err)
	}
	if got, _ := f.s.Requests.Get(r.ID); got.Status != "pending" || !got.Overdue {
		t.Fatalf("after a year: %+v", got)
	}
	// Jai, who got the summary, approves an introduction only.
	f.delivered(t)
	r, err = f.s.Requests.Answer(r.ID, app.RequestAnswer{Decision: "intro", Message: "Let's start with a coffee."})
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != "intro_approved" || r.RelationshipID == 0 {
		t.Fatalf("answered %+v", r)
	}
	rel, err := f.s.Relationships.Get(r.RelationshipID)
	if err != nil || rel.Kind != "peer" || rel.Commitment != "intro" || rel.PlannedSessions != 1 || rel.Origin != "request" || len(rel.Members) != 2 {
		t.Fatalf("relationship %+v %v", rel, err)
	}
	ans := f.outbox(t, "request_answer")
	if len(ans) != 2 || !strings.Contains(ans[0].Text, "introductory session") || !strings.Contains(ans[0].Text, "coffee") {
		t.Errorf("answer emails: %+v", ans)
	}
	// Nothing changes it again, and the timeline has every step.
	if _, err := f.s.Requests.Answer(r.ID, app.RequestAnswer{Decision: "decline"}); err == nil {
		t.Error("an answered request was answered again")
	}
	d, _ := f.s.Requests.Detail(r.ID)
	if len(d.Events) != 2 || d.Events[1].To != "intro_approved" || d.Events[1].Actor != "Sam Admin" || d.Events[1].Note != "Let's start with a coffee." {
		t.Errorf("timeline %+v", d.Events)
	}
}

func TestDeclineTellsTheRequesterWithNextBestFits(t *testing.T) {
	f := newReqFixture(t)
	r, err := f.s.Requests.Create(app.RequestInput{ProgramID: f.peer.ID, Kind: "peer", RequesterID: f.p["Ana"].ID, RecipientID: f.p["Jai"].ID, Commitment: "long_term"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Sessions != 6 {
		t.Errorf("long-term sessions %d", r.Sessions)
	}
	if _, err := f.s.Requests.Answer(r.ID, app.RequestAnswer{Decision: "decline", Reason: "nope"}); err == nil || fieldOf(t, err) != "reason" {
		t.Errorf("unknown reason: %v", err)
	}
	r, err = f.s.Requests.Answer(r.ID, app.RequestAnswer{Decision: "decline", Reason: "no_time", Message: "Busy until March, sorry!"})
	if err != nil || r.Status != "declined" || r.RelationshipID != 0 {
		t.Fatalf("declined %+v %v", r, err)
	}
	msgs := f.outbox(t, "request_declined")
	if len(msgs) != 1 || msgs[0].ToEmail != "ana@example.org" || !strings.Contains(msgs[0].Text, "Busy until March") ||
		!strings.Contains(msgs[0].Text, "no time right now") || !strings.Contains(msgs[0].Text, "Mei Test") {
		t.Errorf("decline email: %+v", msgs)
	}
}

func TestMentorRequestExpiryRemindersCapacityAndInvalidation(t *testing.T) {
	f := newReqFixture(t)
	sent := f.now
	toMax, err := f.s.Requests.Create(app.RequestInput{ProgramID: f.cohor.ID, Kind: "mentor", RequesterID: f.c["Ana"].ID, RecipientID: f.c["Max"].ID, Commitment: "long_term"})
	if err != nil {
		t.Fatal(err)
	}
	if want := sent.AddDate(0, 0, 14).UTC().Format(time.RFC3339); toMax.ExpiresAt != want {
		t.Errorf("expires %q, want %q", toMax.ExpiresAt, want)
	}
	toRita, err := f.s.Requests.Create(app.RequestInput{ProgramID: f.cohor.ID, Kind: "mentor", RequesterID: f.c["Ana"].ID, RecipientID: f.c["Rita"].ID, Commitment: "intro"})
	if err != nil {
		t.Fatal(err)
	}
	reminders := func() int { return len(f.outbox(t, "request_reminder")) }
	steps := []struct {
		at   time.Duration
		want int // reminders queued so far (two requests)
	}{
		{6 * 24 * time.Hour, 0},
		{7 * 24 * time.Hour, 2},  // halfway
		{8 * 24 * time.Hour, 2},  // not twice
		{13 * 24 * time.Hour, 4}, // a day before expiry
		{13*24*time.Hour + time.Hour, 4},
	}
	for _, st := range steps {
		f.now = sent.Add(st.at)
		if _, err := f.s.Requests.Sweep(); err != nil {
			t.Fatal(err)
		}
		if got := reminders(); got != st.want {
			t.Errorf("at +%v: %d reminders, want %d", st.at, got, st.want)
		}
	}
	// Max approves: Ana's request to Rita is invalidated and Rita, who got its summary, is told;
	// Max is now at capacity.
	f.delivered(t)
	if _, err := f.s.Requests.Answer(toMax.ID, app.RequestAnswer{Decision: "approve"}); err != nil {
		t.Fatal(err)
	}
	if got, _ := f.s.Requests.Get(toRita.ID); got.Status != "invalidated" {
		t.Errorf("Ana's other mentor request is %s", got.Status)
	}
	if closed := f.outbox(t, "request_closed"); len(closed) != 1 || closed[0].ToEmail != "rita@example.org" {
		t.Errorf("closed notices: %+v", closed)
	}
	_, err = f.s.Requests.Create(app.RequestInput{ProgramID: f.cohor.ID, Kind: "mentor", RequesterID: f.c["Ole"].ID, RecipientID: f.c["Max"].ID, Commitment: "intro"})
	if err == nil || !strings.Contains(err.Error(), "capacity") {
		t.Errorf("request to a mentor at capacity: %v", err)
	}
	cands, _ := f.s.Requests.Candidates(f.cohor.ID, f.c["Ole"].ID, "mentor")
	for _, c := range cands {
		if c.Participant.ID == f.c["Max"].ID {
			t.Error("a mentor at capacity is offered as a candidate")
		}
	}
	// Ole's request to Rita runs out: expired, Ole told, and it stays expired.
	toRita2, err := f.s.Requests.Create(app.RequestInput{ProgramID: f.cohor.ID, Kind: "mentor", RequesterID: f.c["Ole"].ID, RecipientID: f.c["Rita"].ID, Commitment: "intro"})
	if err != nil {
		t.Fatal(err)
	}
	f.now = f.now.AddDate(0, 0, 14)
	if n, err := f.s.Requests.Sweep(); err != nil || n != 1 {
		t.Fatalf("sweep: %d %v", n, err)
	}
	if got, _ := f.s.Requests.Get(toRita2.ID); got.Status != "expired" {
		t.Errorf("status after expiry %s", got.Status)
	}
	if exp := f.outbox(t, "request_expired"); len(exp) != 1 || exp[0].ToEmail != "ole@example.org" {
		t.Errorf("expiry notice: %+v", exp)
	}
	if _, err := f.s.Requests.Answer(toRita2.ID, app.RequestAnswer{Decision: "approve"}); err == nil {
		t.Error("an expired request was approved")
	}
}

func TestWithdrawAndReview(t *testing.T) {
	f := newReqFixture(t)
	in := f.s.Programs.NewProgramDefaults("evergreen")
	in.Name, in.ReviewRequests = f.peer.Name, true
	if _, err := f.s.Programs.Update(f.peer.ID, in); err != nil {
		t.Fatal(err)
	}
	r, err := f.s.Requests.Create(app.RequestInput{ProgramID: f.peer.ID, Kind: "peer", RequesterID: f.p["Ana"].ID, RecipientID: f.p["Jai"].ID, Commitment: "intro"})
	if err != nil {
		t.Fatal(err)
	}
	if !r.InReview || len(f.outbox(t, "request_summary")) != 0 {
		t.Fatalf("a request under review was emailed: %+v", r)
	}
	if _, err := f.s.Requests.Answer(r.ID, app.RequestAnswer{Decision: "approve"}); err == nil {
		t.Error("a request under review was answered")
	}
	if r, err = f.s.Requests.Release(r.ID); err != nil || r.InReview || len(f.outbox(t, "request_summary")) != 1 {
		t.Fatalf("release: %+v %v", r, err)
	}
	f.delivered(t)
	if r, err = f.s.Requests.Withdraw(r.ID, "Found help elsewhere"); err != nil || r.Status != "withdrawn" {
		t.Fatalf("withdraw: %+v %v", r, err)
	}
	if closed := f.outbox(t, "request_closed"); len(closed) != 1 || closed[0].ToEmail != "jai@example.org" || !strings.Contains(closed[0].Text, "Found help elsewhere") {
		t.Errorf("withdrawal notice: %+v", closed)
	}
	c, _ := f.s.Requests.Counts(f.peer.ID)
	if c.Pending != 0 || c.InReview != 0 {
		t.Errorf("counts %+v", c)
	}
}

// An answer cancels the request's emails still waiting that it makes wrong (the summary asking
// for an answer, the "on its way" confirmation) and says so in the timeline; a request withdrawn
// before its summary left tells the recipient nothing, as they never heard of it.
func TestAnAnswerCancelsTheRequestsOutOfDateEmails(t *testing.T) {
	f := newReqFixture(t)
	r, err := f.s.Requests.Create(app.RequestInput{ProgramID: f.peer.ID, Kind: "peer", RequesterID: f.p["Ana"].ID, RecipientID: f.p["Jai"].ID, Commitment: "intro"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Requests.Answer(r.ID, app.RequestAnswer{Decision: "approve"}); err != nil {
		t.Fatal(err)
	}
	for _, kind := range []string{"request_summary", "request_confirmation"} {
		m := f.outbox(t, kind)
		if len(m) != 1 || m[0].Status != "cancelled" || !strings.Contains(m[0].LastError, "out of date") {
			t.Errorf("%s after the answer: %+v", kind, m)
		}
	}
	if a := f.outbox(t, "request_answer"); len(a) != 2 || a[0].Status != "queued" {
		t.Errorf("the answer's own emails: %+v", a)
	}
	d, _ := f.s.Requests.Detail(r.ID)
	if last := d.Events[len(d.Events)-1]; last.Action != "supersede" || !strings.Contains(last.Note, "2 queued emails cancelled") {
		t.Errorf("timeline: %+v", d.Events)
	}

	w, err := f.s.Requests.Create(app.RequestInput{ProgramID: f.peer.ID, Kind: "peer", RequesterID: f.p["Mei"].ID, RecipientID: f.p["Jai"].ID, Commitment: "intro"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Requests.Withdraw(w.ID, "Changed my mind"); err != nil {
		t.Fatal(err)
	}
	if closed := f.outbox(t, "request_closed"); len(closed) != 0 {
		t.Errorf("Jai was told of a request they never got: %+v", closed)
	}
}
