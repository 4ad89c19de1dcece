package app

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"tandem/app/mail"
	"tandem/app/status"
	"tandem/db/store"
)

// outcome is what became of one message handed to the server: sent with the server's code,
// or failed, held or back in the queue with its answer. Once the server has answered, the
// outcome must reach the database: recorded at once when it can be, else kept in memory and
// written as soon as the database lets it, at the latest before Tandem exits.
type outcome struct {
	id     int64
	status status.Message
	code   int
	reason string
	via    string
}

// Patience for writing an outcome. The database's busy timeout already waits for a long write
// to end; these retries cover a write that still fails (the disk briefly full, a write that
// outlasted the timeout), before the outcome is kept for later and the run stops. Tests shorten
// them (Outbox.patience).
const (
	recordTries = 5
	recordPause = time.Second
)

func (s *Outbox) write(ctx context.Context, o outcome) error {
	if o.status == status.MessageSent {
		return s.db.Q.MarkMessageSent(ctx, store.MarkMessageSentParams{ID: o.id, SmtpCode: int64(o.code),
			DeliveredVia: o.via, Now: stamp(s.now())})
	}
	return s.db.Q.MarkMessageFailed(ctx, store.MarkMessageFailedParams{ID: o.id, Status: o.status,
		SmtpCode: int64(o.code), LastError: o.reason, Now: stamp(s.now())})
}

// record writes an outcome, retrying; when it cannot, the outcome is kept in s.unsaved (and
// written by flush) and record returns false. Earlier outcomes still unsaved go first, so a
// message's outcomes are written in the order they happened.
func (s *Outbox) record(o outcome) bool {
	s.mu.Lock()
	s.unsaved = append(s.unsaved, o)
	s.mu.Unlock()
	return s.flush(s.tries)
}

// flush writes the unsaved outcomes in order, trying each up to tries times; it reports whether
// none is left.
func (s *Outbox) flush(tries int) bool {
	s.flushing.Lock()
	defer s.flushing.Unlock()
	for {
		s.mu.Lock()
		if len(s.unsaved) == 0 {
			s.mu.Unlock()
			return true
		}
		o := s.unsaved[0]
		s.mu.Unlock()
		var err error
		for i := 0; i < tries; i++ {
			if i > 0 {
				time.Sleep(s.pause)
			}
			// The app's context, not the run's: a closing window must not cancel an outcome.
			if err = s.write(s.ctx, o); err == nil {
				break
			}
		}
		if err != nil {
			slog.Error("outbox: could not record what the server answered; kept to write later", "id", o.id,
				"status", o.status, "err", err)
			return false
		}
		s.mu.Lock()
		s.unsaved = s.unsaved[1:]
		s.mu.Unlock()
	}
}

// unsavedCount is how many outcomes wait in memory.
func (s *Outbox) unsavedCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.unsaved)
}

// keepFlushing writes the unsaved outcomes in the background until none is left or work ends
// (Shutdown then writes what remains).
func (s *Outbox) keepFlushing(ctx context.Context) {
	for s.unsavedCount() > 0 {
		select {
		case <-ctx.Done():
			return
		case <-time.After(5 * s.pause):
		}
		s.flush(1)
	}
}

// close writes what the outbox still holds in memory, before Tandem exits: it waits for the
// sending run, then tries the unsaved outcomes for up to a minute. What still cannot be written
// is logged one by one; those messages stay "sending" in the file and are held at the next start.
func (s *Outbox) close() {
	s.wait()
	if s.flush(int(time.Minute / s.pause)) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, o := range s.unsaved {
		slog.Error("outbox: exiting with an outcome not recorded; the message will be held at the next start",
			"id", o.id, "status", o.status, "code", o.code, "reason", o.reason)
	}
}

// unsavedReason says why a run stopped with outcomes kept in memory.
func unsavedReason(n int) string {
	return fmt.Sprintf("Sending stopped: Tandem could not save what the mail server answered for %d %s "+
		"(the data file is busy or cannot be written). It keeps trying, and saves it before it closes; "+
		"nothing is sent twice.", n, plural(n, "message", "messages"))
}

// cleanDrafts removes the temporary files a draft export killed halfway left in the drafts
// folder (at start, when nothing is exporting).
func (s *Outbox) cleanDrafts() {
	st, err := s.settings.Get()
	if err != nil || st.DraftsDir == "" {
		return
	}
	if n, err := mail.CleanTemp(st.DraftsDir); err != nil {
		slog.Warn("outbox: clean the drafts folder", "dir", st.DraftsDir, "err", err)
	} else if n > 0 {
		slog.Info("outbox: removed what interrupted draft exports left", "files", n)
	}
}
