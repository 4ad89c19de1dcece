package app_test

import (
	"bytes"
	"context"
	"fmt"
	"net/mail"
	"strconv"
	"strings"
	"testing"
	"time"

	"tandem/app"
	"tandem/app/mail/smtptest"
	"tandem/app/status"
	"tandem/db"
)

// outboxErrors checks the outbox against the rows that queue mail and against what the SMTP
// server received (m.received): every session's attendee has exactly one invite, every sent
// request its summary and confirmation, every answered request its answers, and nothing
// else is queued. No message is left "sending"; none is received twice; one marked sent was
// received, one received is not queued (it would go twice); at most one is held per kill,
// and a sent or held message stays so. Only invites leave: the rest wait for the admin, except
// an answered request's summary and confirmation, which its answer cancels as out of date.
func (st *crashState) outboxErrors(m *crashModel) []string {
	var errs []string
	expected := 0
	for se, people := range st.attendees {
		if len(people) != 2 {
			errs = append(errs, fmt.Sprintf("session %d has attendees %v, want the relationship's two", se, people))
		}
		var want []string
		for _, p := range people {
			want = append(want, "invite→"+st.email[p])
		}
		expected += len(want)
		if err := messagesAre(st.bySession[se], want...); err != nil {
			errs = append(errs, fmt.Sprintf("session %d: %v", se, err))
		}
	}
	recipient := strings.ToLower(st.fx.RecipientEmail)
	for requester, r := range st.requests {
		asker := st.email[st.personOf[requester]]
		want := []string{"request_summary→" + recipient, "request_confirmation→" + asker}
		switch status.Request(r.status) {
		case status.RequestApproved:
			want = append(want, "request_answer→"+asker, "request_answer→"+recipient)
		case status.RequestDeclined:
			want = append(want, "request_declined→"+asker)
		}
		expected += len(want)
		if err := messagesAre(st.byRequest[r.id], want...); err != nil {
			errs = append(errs, fmt.Sprintf("request %d (%s, %s): %v", r.id, asker, r.status, err))
		}
	}
	if len(st.msgs) != expected {
		errs = append(errs, fmt.Sprintf("%d messages in the outbox, want the %d the sessions and requests queued", len(st.msgs), expected))
	}
	answered := map[int64]bool{} // requests no longer pending: their summary and confirmation are cancelled
	for _, r := range st.requests {
		answered[r.id] = status.Request(r.status) != status.RequestPending
	}
	inOutbox, held := map[int64]bool{}, 0
	for _, msg := range st.msgs {
		inOutbox[msg.id] = true
		n, was := m.received[msg.id], m.status[msg.id]
		now := status.Message(msg.status)
		m.status[msg.id] = now
		switch {
		case now == status.MessageSending:
			errs = append(errs, fmt.Sprintf("message %d is still sending after Recover", msg.id))
		case now == status.MessageCancelled && n > 0:
			errs = append(errs, fmt.Sprintf("message %d (%s) is cancelled, but the server received it", msg.id, msg.kind))
		case now == status.MessageCancelled && (msg.kind == "request_summary" || msg.kind == "request_confirmation"):
			if !answered[msg.requestID] {
				errs = append(errs, fmt.Sprintf("message %d (%s) is cancelled while its request is still pending", msg.id, msg.kind))
			}
		case now != status.MessageQueued && msg.kind != "invite":
			errs = append(errs, fmt.Sprintf("message %d (%s) is %s: only invites are sent automatically", msg.id, msg.kind, now))
		case now == status.MessageQueued && n > 0:
			errs = append(errs, fmt.Sprintf("message %d was received by the server but is queued: it would be sent again", msg.id))
		case now == status.MessageSent && n == 0:
			errs = append(errs, fmt.Sprintf("message %d is marked sent but the server never received it", msg.id))
		case now == status.MessageHeld && was != status.MessageHeld:
			held++
		case now != status.MessageQueued && now != status.MessageSent && now != status.MessageHeld:
			errs = append(errs, fmt.Sprintf("message %d is %q: nothing in the drill fails or cancels a message", msg.id, now))
		}
		if (was == status.MessageSent || was == status.MessageHeld) && now != was {
			errs = append(errs, fmt.Sprintf("message %d was %s at the last check, now %s", msg.id, was, now))
		}
		if n > 1 {
			errs = append(errs, fmt.Sprintf("message %d was received %d times", msg.id, n))
		}
	}
	for id := range m.received {
		if !inOutbox[id] {
			errs = append(errs, fmt.Sprintf("the server received message %d, which is not in the outbox", id))
		}
	}
	if held > 1 {
		errs = append(errs, fmt.Sprintf("%d messages held after one kill: one at most is in doubt", held))
	}
	m.queued = len(st.msgs)
	return errs
}

// checkAfterCrash opens the database as the app does after a crash and checks it: whole,
// recovered, every acknowledged write there, a cut-off write all there or not at all (and
// the same at every later check), the outbox exactly what the writes queued and consistent
// with what srv received.
func checkAfterCrash(t *testing.T, path string, fx crashSetup, m *crashModel, srv *smtptest.Server, round int) {
	t.Helper()
	ctx := context.Background()
	d, err := db.Open(ctx, path)
	if err != nil {
		t.Fatalf("round %d: open after the crash: %v", round, err)
	}
	defer d.Close()
	var ok string
	if err := d.SQL.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("round %d: integrity_check = %q, %v", round, ok, err)
	}
	rows, err := d.SQL.QueryContext(ctx, `PRAGMA foreign_key_check`)
	if err != nil {
		t.Fatal(err)
	}
	bad := rows.Next()
	rows.Close()
	if bad {
		t.Fatalf("round %d: foreign_key_check reports violations", round)
	}
	if err := app.NewServices(ctx, d, func() time.Time { return testNow }, &app.KeyringSecrets{NoKeyring: true}).Recover(); err != nil {
		t.Fatalf("round %d: Recover: %v", round, err)
	}
	st, err := readCrashState(ctx, d.SQL, fx)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range m.writes {
		got, err := st.present(w)
		switch {
		case err != nil:
			t.Errorf("round %d: %v: %v", round, w, err)
		case !w.known:
			w.known, w.present = true, got
			m.cut++
			if got {
				m.cutCommitted++
			}
		case w.acked && !got:
			t.Errorf("round %d: the acknowledged write %q is lost", round, w)
		case got != w.present:
			t.Errorf("round %d: the cut-off write %q was present=%v at the check after its crash, now present=%v", round, w, w.present, got)
		}
	}
	// Read after the child died: a message the server has not stored by now was never
	// answered 250, so it cannot be marked sent.
	got := srv.Messages()
	for _, r := range got[m.seen:] {
		e, err := mail.ReadMessage(bytes.NewReader(r.Data))
		if err != nil {
			t.Fatalf("round %d: the server received a message that is not an email: %v", round, err)
		}
		id, err := strconv.ParseInt(e.Header.Get("X-Tandem-Message"), 10, 64)
		if err != nil {
			t.Fatalf("round %d: X-Tandem-Message %q: %v", round, e.Header.Get("X-Tandem-Message"), err)
		}
		m.received[id]++
	}
	m.seen = len(got)
	for _, e := range st.outboxErrors(m) {
		t.Errorf("round %d: %s", round, e)
	}
}
