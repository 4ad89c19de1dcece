package app_test

import (
	"context"
	"testing"
	"time"

	"tandem/app"
)

// Closing Tandem during a paced sending run stops it after the message in hand: what was sent is
// recorded as sent, the rest waits in the queue, and nothing is left 'sending'.
func TestShutdownEndsASendingRunWithItsOutcomesRecorded(t *testing.T) {
	f := newMailFixture(t, func(st *app.AppSettings) { st.PerMinute = 1 }) // the second message waits a minute
	in := f.session("2026-12-01T10:00")
	in.Repeat, in.Count = "weekly", 3
	if _, err := f.s.Sessions.Schedule(in); err != nil {
		t.Fatal(err)
	}
	queued := f.messages(t, "queued")
	if len(queued) != 6 {
		t.Fatalf("%d invites queued, want 6", len(queued))
	}
	f.s.Startup(context.Background())
	if _, err := f.s.Outbox.Send(nil); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(10 * time.Second); len(f.srv.Messages()) == 0; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the first message never arrived")
		}
	}
	done := make(chan struct{})
	go func() { f.s.Shutdown(context.Background()); close(done) }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("Shutdown did not return: the run went on waiting for its pace")
	}
	if p := f.s.Outbox.Progress(); p.Running {
		t.Errorf("still running after Shutdown: %+v", p)
	}
	sent, waiting, sending := f.messages(t, "sent"), f.messages(t, "queued"), f.messages(t, "sending")
	if len(sent) != len(f.srv.Messages()) || len(sent) == 0 || len(sent)+len(waiting) != 6 || len(sending) != 0 {
		t.Errorf("after Shutdown: %d sent (%d arrived), %d queued, %d sending; want every arrived one sent, the rest queued",
			len(sent), len(f.srv.Messages()), len(waiting), len(sending))
	}
}
