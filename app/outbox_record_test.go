package app_test

import (
	"context"
	"database/sql"
	"strings"
	"sync"
	"testing"
	"time"

	"tandem/app/mail/smtptest"
	"tandem/db"
)

// blocker holds the database's write lock from another connection, as a long import in
// another part of Tandem would.
type blocker struct {
	conn  *sql.Conn
	sqldb *sql.DB
	mu    sync.Mutex
	held  bool
}

func newBlocker(tb testing.TB, path string) *blocker {
	tb.Helper()
	sqldb, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(5000)")
	if err != nil {
		tb.Fatal(err)
	}
	conn, err := sqldb.Conn(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	b := &blocker{conn: conn, sqldb: sqldb}
	tb.Cleanup(func() { b.release(); conn.Close(); sqldb.Close() })
	return b
}

func (b *blocker) hold(tb testing.TB) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if _, err := b.conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
		tb.Errorf("hold the write lock: %v", err)
		return
	}
	b.held = true
}

func (b *blocker) release() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.held {
		b.conn.ExecContext(context.Background(), "ROLLBACK") //nolint:errcheck // test cleanup
		b.held = false
	}
}

// busyFixture is the mail fixture on a database whose busy timeout is short, with a server
// that takes the write lock for hold as soon as it has accepted a message: the outbox then
// cannot record "sent" until the lock is released.
func busyFixture(t *testing.T, hold time.Duration) (*mailFixture, *blocker) {
	t.Helper()
	var b *blocker
	var once sync.Once
	f := newMailFixtureWith(t, smtptest.Options{Data: func(smtptest.Received) error {
		once.Do(func() {
			b.hold(t)
			time.AfterFunc(hold, b.release)
		})
		return nil
	}}, nil, db.WithBusyTimeout(50*time.Millisecond))
	b = newBlocker(t, f.d.Path)
	f.s.Outbox.Patience(3, 40*time.Millisecond)
	return f, b
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for end := time.Now().Add(20 * time.Second); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting until %s", what)
}

// A message the server accepted while the database was busy is recorded as sent once the
// database is free again: the run stops (so nothing more leaves) and says why, the outcome
// waits in memory and is written by the background retry, never left "sending".
func TestSentIsRecordedOnceTheDatabaseIsFree(t *testing.T) {
	f, _ := busyFixture(t, 600*time.Millisecond)
	f.schedule(t, "2027-03-01T10:00")
	p := f.send(t)
	if p.Sent != 1 || p.Failed != 0 {
		t.Fatalf("progress: %+v", p)
	}
	if !strings.Contains(p.Message, "could not save what the mail server answered") {
		t.Errorf("the run should stop saying why, got %q", p.Message)
	}
	if got := len(f.srv.Messages()); got != 1 {
		t.Errorf("the server got %d messages; the run should stop after the one it could not record", got)
	}
	waitFor(t, "the outcome is written", func() bool { return f.s.Outbox.Unsaved() == 0 })
	sent := f.messages(t, "sent")
	if len(sent) != 1 || sent[0].SMTPCode != 250 {
		t.Fatalf("want the delivered message recorded as sent with 250, got %s", summary(f.messages(t, "")))
	}
	if q := f.messages(t, "queued"); len(q) != 1 {
		t.Errorf("the other invite should still be queued, got %s", summary(f.messages(t, "")))
	}
}

// When the app closes while an outcome waits in memory, Shutdown writes it before returning.
func TestShutdownWritesOutcomesKeptInMemory(t *testing.T) {
	f, _ := busyFixture(t, 1500*time.Millisecond)
	f.schedule(t, "2027-03-01T10:00")
	f.send(t)
	if f.s.Outbox.Unsaved() != 1 {
		t.Fatalf("want one outcome kept in memory while the lock is held, got %d", f.s.Outbox.Unsaved())
	}
	f.s.Shutdown(context.Background())
	if f.s.Outbox.Unsaved() != 0 {
		t.Fatal("Shutdown returned with an outcome unwritten")
	}
	if sent := f.messages(t, "sent"); len(sent) != 1 {
		t.Fatalf("want the delivered message recorded as sent, got %s", summary(f.messages(t, "")))
	}
	if s := f.messages(t, "sending"); len(s) != 0 {
		t.Errorf("nothing may stay sending: %s", summary(s))
	}
}

// A claim that fails (the database busy past its timeout) stops the run with a clear reason;
// the message was not handed to the server and is still queued.
func TestAFailedClaimStopsTheRun(t *testing.T) {
	f, b := busyFixture(t, time.Hour)
	f.schedule(t, "2027-03-01T10:00")
	b.hold(t)
	p := f.send(t)
	b.release()
	if !strings.Contains(p.Message, "could not mark it as leaving") || !strings.Contains(p.Message, "busy") {
		t.Errorf("the run should stop naming the reason, got %q", p.Message)
	}
	if n := len(f.srv.Messages()); n != 0 {
		t.Errorf("nothing may be sent after a failed claim, the server got %d", n)
	}
	if q := f.messages(t, "queued"); len(q) != 2 {
		t.Errorf("both invites should still be queued, got %s", summary(f.messages(t, "")))
	}
}
