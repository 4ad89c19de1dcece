package app_test

import (
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"tandem/app"
	"tandem/app/mail/smtptest"
)

func TestSendRetriesATemporaryRefusal(t *testing.T) {
	t.Parallel() // it waits out the sender's 2 s backoff
	f := newMailFixture(t, nil)
	f.schedule(t, "2026-12-01T10:00")
	f.srv.FailNext(kenjiEmail, 451, 1)
	start := time.Now()
	p := f.send(t)
	t.Logf("one 451 cost %v (the sender's default first backoff is 2s)", time.Since(start).Round(time.Millisecond))
	if p.Sent != 2 || p.Failed != 0 {
		t.Errorf("progress = %+v", p)
	}
	if n := f.srv.Tries(kenjiEmail); n != 2 {
		t.Errorf("Kenji's address was tried %d times, want 2", n)
	}
	recv := received(t, f.srv)
	if len(recv) != 2 {
		t.Fatalf("server received %d, want 2", len(recv))
	}
	for _, m := range f.messages(t, "") {
		if m.Status != "sent" || m.LastError != "" || m.SMTPCode != 250 {
			t.Errorf("message %+v", m)
		}
		if _, ok := recv[m.ID]; !ok {
			t.Errorf("message %d to %s not received", m.ID, m.ToEmail)
		}
	}
}

func TestSendPermanentRefusalFailsOnlyThatMessageAndRequeueSendsItOnce(t *testing.T) {
	f := newMailFixture(t, nil)
	f.schedule(t, "2026-12-01T10:00")
	f.srv.FailNext(kenjiEmail, 550, 1)
	p := f.send(t)
	if p.Sent != 1 || p.Failed != 1 || !strings.Contains(p.Message, "No such user here") {
		t.Errorf("progress = %+v", p)
	}
	msgs := f.messages(t, "")
	ana, ken := byRecipient(t, msgs, anaEmail), byRecipient(t, msgs, kenjiEmail)
	if ana.Status != "sent" {
		t.Errorf("Ana's message is %s", ana.Status)
	}
	if ken.Status != "failed" || ken.SMTPCode != 550 || !strings.Contains(ken.LastError, "550") ||
		!strings.Contains(ken.LastError, "No such user here") || ken.SentAt != "" {
		t.Errorf("Kenji's message: %+v", ken)
	}
	if f.srv.Tries(kenjiEmail) != 1 {
		t.Errorf("a 550 was retried: %d tries", f.srv.Tries(kenjiEmail))
	}
	if recv := received(t, f.srv); len(recv) != 1 || recv[ana.ID].header == nil {
		t.Fatalf("server received %d messages, want Ana's only", len(recv))
	}
	// A failed message does not leave again by itself.
	if _, err := f.s.Outbox.Send(nil); err == nil {
		t.Error("Send picked up a failed message")
	}

	if n, err := f.s.Outbox.Requeue([]int64{ken.ID, ana.ID}); err != nil || n != 1 {
		t.Fatalf("requeue = %d, %v (a sent message is not requeued)", n, err)
	}
	if m, _ := f.s.Outbox.Get(ken.ID); m.Status != "queued" || m.LastError != "" {
		t.Errorf("requeued: %+v", m)
	}
	f.send(t)
	recv := received(t, f.srv) // fails on a duplicate
	if len(recv) != 2 {
		t.Fatalf("server received %d messages, want 2", len(recv))
	}
	if _, ok := recv[ken.ID]; !ok {
		t.Error("the requeued message was not received")
	}
	if m, _ := f.s.Outbox.Get(ken.ID); m.Status != "sent" || m.Attempts != 2 || m.LastError != "" {
		t.Errorf("after the second try: %+v", m)
	}
}

func TestAutomaticSendingOnlyForChosenKinds(t *testing.T) {
	t.Run("on for invites", func(t *testing.T) {
		f := newMailFixture(t, func(st *app.AppSettings) { st.AutoSend = []string{"invite"} })
		se := f.schedule(t, "2026-12-01T10:00")
		f.s.Outbox.Wait()
		if n := len(f.srv.Messages()); n != 2 {
			t.Fatalf("server received %d messages without Send, want 2", n)
		}
		for _, m := range f.messages(t, "") {
			if m.Status != "sent" {
				t.Errorf("message %+v", m)
			}
		}
		// Cancellations are not in the list: they wait for the admin.
		if _, err := f.s.Sessions.Cancel(se.ID, ""); err != nil {
			t.Fatal(err)
		}
		f.s.Outbox.Wait()
		if n := len(f.srv.Messages()); n != 2 {
			t.Errorf("server received %d messages, want the cancellations held back", n)
		}
		if q := f.messages(t, "queued"); len(q) != 2 || q[0].Kind != "cancellation" {
			t.Errorf("queued = %s", summary(q))
		}
	})
	t.Run("off", func(t *testing.T) {
		f := newMailFixture(t, nil)
		f.schedule(t, "2026-12-01T10:00")
		f.s.Outbox.Wait() // a sending run started by Schedule would be waited for here
		if n, c := len(f.srv.Messages()), f.srv.Sessions(); n != 0 || c != 0 {
			t.Errorf("server received %d messages over %d connections", n, c)
		}
		if q := f.messages(t, "queued"); len(q) != 2 {
			t.Errorf("queued = %s", summary(q))
		}
	})
}

func TestDraftsDeliveryWritesUnsentEmails(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "drafts")
	f := newMailFixture(t, func(st *app.AppSettings) { st.Delivery, st.DraftsDir = "drafts", dir })
	f.schedule(t, "2026-12-01T10:00")
	queued := f.messages(t, "queued")
	p, err := f.s.Outbox.Send(nil)
	if err != nil {
		t.Fatal(err)
	}
	f.s.Outbox.Wait()
	if p.Sent != 2 || p.Failed != 0 {
		t.Errorf("progress = %+v", p)
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.eml"))
	if err != nil || len(files) != 2 {
		t.Fatalf("drafts %v %v", files, err)
	}
	ids := map[int64]bool{}
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		e := parseEmail(t, data)
		if e.header.Get("X-Unsent") != "1" {
			t.Errorf("%s has no X-Unsent: 1", filepath.Base(path))
		}
		ids[e.id(t)] = true
		if inv := inviteParts(t, e); inv.method != "REQUEST" {
			t.Errorf("draft method %q", inv.method)
		}
	}
	for _, q := range queued {
		if !ids[q.ID] {
			t.Errorf("no draft of message %d", q.ID)
		}
		m, _ := f.s.Outbox.Get(q.ID)
		if m.Status != "sent" || m.DeliveredVia != "draft" {
			t.Errorf("message %+v", m)
		}
	}
	if f.srv.Sessions() != 0 {
		t.Error("drafts delivery connected to the SMTP server")
	}
}

func TestDraftsDeliveryNeedsAFolder(t *testing.T) {
	f := newMailFixture(t, func(st *app.AppSettings) { st.Delivery = "drafts" })
	f.schedule(t, "2026-12-01T10:00")
	_, err := f.s.Outbox.Send(nil)
	if err == nil || fieldOf(t, err) != "draftsDir" {
		t.Errorf("err = %v", err)
	}
	if q := f.messages(t, "queued"); len(q) != 2 {
		t.Errorf("queued = %s", summary(q))
	}
}

func TestRecoverHoldsAMessageInterruptedWhileSending(t *testing.T) {
	f := newMailFixture(t, nil)
	f.schedule(t, "2026-12-01T10:00")
	msgs := f.messages(t, "queued")
	ana, ken := byRecipient(t, msgs, anaEmail), byRecipient(t, msgs, kenjiEmail)
	setStatus(t, f.d, ana.ID, "sending") // what a crash between claim and result leaves

	if err := f.s.Recover(); err != nil {
		t.Fatal(err)
	}
	held, _ := f.s.Outbox.Get(ana.ID)
	if held.Status != "held" || !strings.Contains(held.LastError, "may have been delivered") {
		t.Errorf("after Recover: %+v", held)
	}
	if _, err := f.s.Outbox.Send([]int64{ana.ID}); err == nil {
		t.Error("Send accepted a held message")
	}
	f.send(t)
	recv := received(t, f.srv)
	if len(recv) != 1 || recv[ken.ID].header == nil {
		t.Fatalf("server received %d messages, want Kenji's only", len(recv))
	}
	if m, _ := f.s.Outbox.Get(ana.ID); m.Status != "held" {
		t.Errorf("held message became %s", m.Status)
	}
	// The admin checked and cancels it; a cancelled message cannot be sent either.
	if n, err := f.s.Outbox.Cancel([]int64{ana.ID, ken.ID}); err != nil || n != 1 {
		t.Errorf("cancel = %d, %v (a sent message cannot be cancelled)", n, err)
	}
	if page, err := f.s.Outbox.List(""); err != nil || page.Counts["cancelled"] != 1 || page.Counts["sent"] != 1 {
		t.Errorf("counts = %v %v", page.Counts, err)
	}
}

func TestSendWithAWrongPasswordKeepsTheMessagesQueued(t *testing.T) {
	f := newMailFixture(t, nil)
	f.schedule(t, "2026-12-01T10:00")
	if _, err := f.s.Settings.SetPassword("wrong"); err != nil {
		t.Fatal(err)
	}
	p := f.send(t)
	if p.Sent != 0 || !strings.Contains(p.Message, "user name or password") {
		t.Errorf("progress = %+v", p)
	}
	queued := f.messages(t, "queued")
	if len(queued) != 2 {
		t.Fatalf("queued = %s, want both back in the queue", summary(queued))
	}
	if !strings.Contains(queued[0].LastError, "user name or password") {
		t.Errorf("the first message says %q", queued[0].LastError)
	}
	if len(f.srv.Messages()) != 0 {
		t.Error("messages went without signing in")
	}

	// With the right password they all go, once.
	if _, err := f.s.Settings.SetPassword("secret"); err != nil {
		t.Fatal(err)
	}
	f.send(t)
	if recv := received(t, f.srv); len(recv) != 2 {
		t.Errorf("server received %d, want 2", len(recv))
	}
}

func TestSendConnectionLostAfterTheMessageIsNotSentAgain(t *testing.T) {
	var hungUp atomic.Bool
	f := newMailFixtureWith(t, smtptest.Options{Kept: func(_ int, m smtptest.Received) bool {
		// The server keeps Kenji's first message, then the line drops before it answers.
		return m.To[0] == kenjiEmail && hungUp.CompareAndSwap(false, true)
	}}, nil)
	f.schedule(t, "2026-12-01T10:00")
	f.schedule(t, "2026-12-08T10:00")
	msgs := f.messages(t, "queued")
	if len(msgs) != 4 || msgs[1].ToEmail != kenjiEmail {
		t.Fatalf("queued = %s, want Ana, Kenji, Ana, Kenji", summary(msgs))
	}
	p := f.send(t)
	if p.Sent != 3 || p.Failed != 1 {
		t.Errorf("progress = %+v", p)
	}
	inDoubt, _ := f.s.Outbox.Get(msgs[1].ID)
	// In doubt like a message found 'sending' after a crash: held, so a Requeue is a choice made
	// after a look, never the natural next step.
	if inDoubt.Status != "held" || !strings.Contains(inDoubt.LastError, "may have been delivered") {
		t.Errorf("the message whose answer was lost: %+v", inDoubt)
	}
	recv := received(t, f.srv) // fails on a second copy
	if len(recv) != 4 {
		t.Errorf("server received %d messages, want 4 (the lost answer's message once)", len(recv))
	}
	for _, i := range []int{0, 2, 3} {
		if m, _ := f.s.Outbox.Get(msgs[i].ID); m.Status != "sent" {
			t.Errorf("message %d after the drop: %s", m.ID, m.Status)
		}
	}
	if f.srv.Sessions() != 2 {
		t.Errorf("%d connections, want a new one after the drop", f.srv.Sessions())
	}
}
