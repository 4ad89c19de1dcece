package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"tandem/app/mail"
	"tandem/app/status"
	"tandem/db"
	"tandem/db/store"
)

// OutboxMessage is one email in the outbox.
type OutboxMessage struct {
	ID             int64          `json:"id"`
	Kind           string         `json:"kind"`
	Status         status.Message `json:"status"`
	ToName         string         `json:"toName"`
	ToEmail        string         `json:"toEmail"`
	Subject        string         `json:"subject"`
	Text           string         `json:"text"`
	HTML           string         `json:"html"`
	Calendar       string         `json:"calendar"`
	Method         string         `json:"method"`
	SessionID      int64          `json:"sessionId"`
	RelationshipID int64          `json:"relationshipId"`
	Attempts       int            `json:"attempts"`
	LastError      string         `json:"lastError"`
	SMTPCode       int            `json:"smtpCode"`
	DeliveredVia   string         `json:"deliveredVia"`
	CreatedAt      string         `json:"createdAt"`
	SentAt         string         `json:"sentAt"`
}

// OutboxPage is the outbox list with counts by status.
type OutboxPage struct {
	Messages []OutboxMessage `json:"messages"`
	Counts   map[string]int  `json:"counts"`
}

// SendProgress tells how the current (or last) sending run is going.
type SendProgress struct {
	Running bool   `json:"running"`
	Total   int    `json:"total"`
	Done    int    `json:"done"`
	Sent    int    `json:"sent"`
	Failed  int    `json:"failed"`
	Message string `json:"message"`
}

// Outbox holds every email until the admin sends it (or automatic sending is on for its kind).
type Outbox struct {
	ctx      context.Context // the app's lifetime: every query runs under it
	work     context.Context // ends when Tandem closes: a sending run stops between messages
	db       *db.DB
	now      Clock
	settings *Settings

	mu          sync.Mutex
	progress    SendProgress
	done        chan struct{}
	pendingAuto []int64   // automatic sends that arrived while a run was going
	unsaved     []outcome // what the server answered that the database has not taken yet
	flushing    sync.Mutex
	report      func(m store.Outbox, o outcome, saved bool) // the command line's line per message
	tries       int                                         // attempts to write an outcome before it is kept for later
	pause       time.Duration                               // between those attempts
}

// NewOutbox returns the outbox service; a sending run stops when work ends.
func NewOutbox(ctx, work context.Context, d *db.DB, now Clock, settings *Settings) *Outbox {
	return &Outbox{ctx: ctx, work: work, db: d, now: now, settings: settings, tries: recordTries, pause: recordPause}
}

// holdInterrupted runs at start (Services.Recover): a message left in 'sending' by a crash may
// have been delivered, so it is held for the admin rather than sent again.
func (s *Outbox) holdInterrupted() (int, error) {
	n, err := s.db.Q.HoldInterruptedMessages(s.ctx, stamp(s.now()))
	if err != nil {
		return 0, fmt.Errorf("hold interrupted messages: %w", err)
	}
	return int(n), nil
}

// List returns the outbox (all, or one status), newest first within status groups.
func (s *Outbox) List(status string) (OutboxPage, error) {
	ctx := s.ctx
	rows, err := s.db.Q.ListMessages(ctx, store.ListMessagesParams{Status: status, Lim: 2000})
	if err != nil {
		return OutboxPage{}, fmt.Errorf("outbox: %w", err)
	}
	counts, err := s.db.Q.CountMessagesByStatus(ctx)
	if err != nil {
		return OutboxPage{}, fmt.Errorf("outbox: %w", err)
	}
	page := OutboxPage{Messages: make([]OutboxMessage, 0, len(rows)), Counts: map[string]int{}}
	for _, r := range rows {
		page.Messages = append(page.Messages, messageDTO(r))
	}
	for _, c := range counts {
		page.Counts[string(c.Status)] = int(c.N)
	}
	return page, nil
}

// Get returns one message with its bodies and calendar, for the preview.
func (s *Outbox) Get(id int64) (OutboxMessage, error) {
	r, err := s.db.Q.GetMessage(s.ctx, id)
	if err != nil {
		return OutboxMessage{}, notFound(err, "message")
	}
	return messageDTO(r), nil
}

// Cancel stops queued, failed or held messages from leaving. It returns how many it cancelled.
func (s *Outbox) Cancel(ids []int64) (int, error) {
	n := 0
	for _, id := range ids {
		c, err := s.db.Q.CancelMessage(s.ctx, store.CancelMessageParams{ID: id, Now: stamp(s.now())})
		if err != nil {
			return n, fmt.Errorf("cancel message: %w", err)
		}
		n += int(c)
	}
	return n, nil
}

// Requeue puts failed, held or cancelled messages back in the queue.
func (s *Outbox) Requeue(ids []int64) (int, error) {
	n := 0
	for _, id := range ids {
		c, err := s.db.Q.RequeueMessage(s.ctx, store.RequeueMessageParams{ID: id, Now: stamp(s.now())})
		if err != nil {
			return n, fmt.Errorf("requeue message: %w", err)
		}
		n += int(c)
	}
	return n, nil
}

// Progress reports the sending run.
func (s *Outbox) Progress() SendProgress {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.progress
}

// Send starts sending the given queued messages (all queued ones when ids is empty) by the
// delivery method in Settings, in the background; Progress follows it.
func (s *Outbox) Send(ids []int64) (SendProgress, error) {
	st, err := s.settings.Get()
	if err != nil {
		return SendProgress{}, err
	}
	return s.sendWith(st, ids)
}

func (s *Outbox) sendWith(st AppSettings, ids []int64) (SendProgress, error) {
	msgs, err := s.queued(ids)
	if err != nil {
		return SendProgress{}, err
	}
	if len(msgs) == 0 {
		return SendProgress{}, &Error{Message: "Nothing to send: choose queued messages"}
	}
	if st.Delivery == "drafts" {
		return s.saveDrafts(st, msgs)
	}
	sender, err := s.settings.sender(st)
	if err != nil {
		return SendProgress{}, err
	}
	// The outbox paces the run itself, before it marks a message as leaving: a message
	// waiting for its turn is still queued, not "sending", if Tandem stops.
	var pace *rate.Limiter
	if st.PerMinute > 0 {
		pace = rate.NewLimiter(rate.Every(time.Minute/time.Duration(st.PerMinute)), 1)
	}
	s.mu.Lock()
	if s.progress.Running {
		s.mu.Unlock()
		sender.Close()
		return s.progress, &Error{Message: "Tandem is already sending: wait for it to finish"}
	}
	s.progress = SendProgress{Running: true, Total: len(msgs)}
	s.done = make(chan struct{})
	done := s.done
	s.mu.Unlock()
	go func() {
		defer close(done)
		defer sender.Close()
		s.run(s.work, sender, pace, st, msgs)
	}()
	return s.Progress(), nil
}

// wait blocks until the current sending run ends.
func (s *Outbox) wait() {
	s.mu.Lock()
	done := s.done
	s.mu.Unlock()
	if done != nil {
		<-done
	}
}

func (s *Outbox) queued(ids []int64) ([]store.Outbox, error) {
	ctx := s.ctx
	if len(ids) == 0 {
		rows, err := s.db.Q.ListQueuedOfKinds(ctx)
		if err != nil {
			return nil, fmt.Errorf("outbox: %w", err)
		}
		return rows, nil
	}
	var out []store.Outbox
	for _, id := range ids {
		r, err := s.db.Q.GetMessage(ctx, id)
		if err != nil {
			if db.IsNotFound(err) {
				return nil, &Error{Message: fmt.Sprintf("Message %d no longer exists", id)}
			}
			return nil, fmt.Errorf("read message %d: %w", id, err)
		}
		if r.Status == status.MessageQueued {
			out = append(out, r)
		}
	}
	return out, nil
}

// run sends messages one at a time: each is marked 'sending' (committed) before it is handed
// to the server and its outcome recorded right after the server answers, so a crash at any
// point leaves at most one message in doubt, and that one is held, never re-sent blindly. An
// outcome the database will not take is kept in memory (record) and the run stops, so no more
// goes out until it is written. A claim that fails stops the run with the reason: the message
// was not sent. ctx ends the run between messages (Tandem is closing); outcomes are recorded
// under the app's context, which a closing window does not cancel.
func (s *Outbox) run(ctx context.Context, sender *mail.Sender, pace *rate.Limiter, st AppSettings, msgs []store.Outbox) {
	if !s.flush(s.tries) {
		s.finish(unsavedReason(s.unsavedCount()))
		return
	}
	for _, m := range msgs {
		if pace != nil {
			if err := pace.Wait(ctx); err != nil {
				s.finish(upperFirst(err.Error()))
				return
			}
		}
		n, err := s.db.Q.ClaimMessage(s.ctx, store.ClaimMessageParams{ID: m.ID, Now: stamp(s.now())})
		if err != nil {
			slog.Error("outbox: claim a message", "id", m.ID, "err", err)
			s.finish(fmt.Sprintf("Sending stopped before the email to %s (%q): Tandem could not mark it as leaving, "+
				"so it was not sent and waits in the queue. %s", m.ToEmail, m.Subject, dbReason(err)))
			return
		}
		if n == 0 {
			s.step(false, false, "")
			continue // cancelled or sent meanwhile
		}
		var res mail.Result
		got := false
		err = sender.Send(ctx, []mail.Message{mailMessage(st, m, s.now())}, func(r mail.Result) { res, got = r, true })
		o := outcome{id: m.ID, code: res.Code, reason: res.Reason}
		failed := true
		switch {
		case got && res.Sent:
			o.status, o.via, o.reason, failed = status.MessageSent, "smtp", "", false
		case got && res.Uncertain:
			// It may have arrived: held for the admin, like a message found 'sending' after a crash.
			o.status = status.MessageHeld
		case got && res.Temporary:
			// The server said "try later": back in the queue, with its answer.
			o.status = status.MessageQueued
		case got:
			o.status = status.MessageFailed
		default:
			// No result: the connection failed before the message was handed over.
			o.status, o.reason = status.MessageQueued, "Not sent"
			if err != nil {
				o.reason = upperFirst(err.Error())
			}
		}
		saved := s.record(o)
		s.step(!failed, failed, o.reason)
		if s.report != nil {
			s.report(m, o, saved)
		}
		switch {
		case !saved:
			go s.keepFlushing(s.work)
			s.finish(unsavedReason(s.unsavedCount()))
			return
		case !got:
			s.finish(o.reason)
			return
		}
	}
	s.finish("")
}

func (s *Outbox) step(sent, failed bool, msg string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.progress.Done++
	if sent {
		s.progress.Sent++
	}
	if failed {
		s.progress.Failed++
		s.progress.Message = msg
	}
}

func (s *Outbox) finish(msg string) {
	s.mu.Lock()
	s.progress.Running = false
	if msg != "" {
		s.progress.Message = msg
	}
	pending := s.pendingAuto
	s.pendingAuto = nil
	s.mu.Unlock()
	if len(pending) > 0 {
		// Automatic sends that came in during the run go now, in a run of their own.
		go func() {
			if _, err := s.Send(pending); err != nil {
				slog.Warn("automatic sending did not start; the messages wait in the outbox", "err", err)
			}
		}()
	}
}

// saveDrafts writes the messages as .eml drafts into the drafts folder and marks them sent.
func (s *Outbox) saveDrafts(st AppSettings, msgs []store.Outbox) (SendProgress, error) {
	if st.DraftsDir == "" {
		return SendProgress{}, fieldErr("draftsDir", "Choose the folder for drafts in Settings first")
	}
	if st.AdminEmail == "" {
		return SendProgress{}, fieldErr("adminEmail", "Set your sending address in Settings first")
	}
	if err := os.MkdirAll(st.DraftsDir, 0o700); err != nil {
		return SendProgress{}, &Error{Field: "draftsDir", Message: "The drafts folder cannot be created: " + err.Error()}
	}
	p, err := s.exportDrafts(st, msgs, st.DraftsDir)
	s.mu.Lock()
	s.progress = p
	s.mu.Unlock()
	return p, err
}

// exportDrafts writes queued messages as .eml drafts into dir and marks them sent as drafts.
func (s *Outbox) exportDrafts(st AppSettings, msgs []store.Outbox, dir string) (SendProgress, error) {
	p := SendProgress{Total: len(msgs)}
	for _, m := range msgs {
		if _, err := mail.WriteDrafts(dir, []mail.Message{mailMessage(st, m, s.now())}); err != nil {
			p.Failed++
			p.Message = upperFirst(err.Error())
			continue
		}
		if err := s.db.Q.MarkMessageSent(s.ctx, store.MarkMessageSentParams{ID: m.ID, DeliveredVia: "draft",
			Now: stamp(s.now())}); err != nil {
			return p, fmt.Errorf("mark draft: %w", err)
		}
		p.Done++
		p.Sent++
	}
	return p, nil
}

// exportQueuedDrafts writes every queued message as a draft into dir.
func (s *Outbox) exportQueuedDrafts(dir string) (SendProgress, error) {
	st, err := s.settings.Get()
	if err != nil {
		return SendProgress{}, err
	}
	if st.AdminEmail == "" {
		return SendProgress{}, errors.New("set your sending address in Settings first")
	}
	msgs, err := s.queued(nil)
	if err != nil {
		return SendProgress{}, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return SendProgress{}, err
	}
	return s.exportDrafts(st, msgs, dir)
}

func mailMessage(st AppSettings, m store.Outbox, now time.Time) mail.Message {
	from := st.AdminName
	if st.OrganisationName != "" && from != "" {
		from += " (" + st.OrganisationName + ")"
	} else if from == "" {
		from = st.OrganisationName
	}
	return mail.Message{ID: m.ID, FromName: from, FromEmail: st.AdminEmail, ToName: m.ToName, ToEmail: m.ToEmail,
		ReplyTo: st.AdminEmail, Subject: m.Subject, Text: m.TextBody, HTML: m.HtmlBody, Calendar: []byte(m.Calendar),
		Method: m.Method, Date: now}
}

func messageDTO(r store.Outbox) OutboxMessage {
	return OutboxMessage{ID: r.ID, Kind: r.Kind, Status: r.Status, ToName: r.ToName, ToEmail: r.ToEmail, Subject: r.Subject,
		Text: r.TextBody, HTML: r.HtmlBody, Calendar: r.Calendar, Method: r.Method, SessionID: r.SessionID.Int64,
		RelationshipID: r.RelationshipID.Int64, Attempts: int(r.Attempts), LastError: r.LastError, SMTPCode: int(r.SmtpCode),
		DeliveredVia: r.DeliveredVia, CreatedAt: r.CreatedAt, SentAt: r.SentAt.String}
}

// autoSend sends, in the background, those of the just-queued messages whose kind the admin
// chose to send automatically. The others wait in the outbox for the admin.
func (s *Outbox) autoSend(ids []int64) {
	if len(ids) == 0 {
		return
	}
	st, err := s.settings.Get()
	if err != nil || len(st.AutoSend) == 0 {
		return
	}
	var pick []int64
	for _, id := range ids {
		m, err := s.db.Q.GetMessage(s.ctx, id)
		if err == nil && contains(st.AutoSend, m.Kind) {
			pick = append(pick, id)
		}
	}
	if len(pick) == 0 {
		return
	}
	s.mu.Lock()
	if s.progress.Running {
		s.pendingAuto = append(s.pendingAuto, pick...)
		s.mu.Unlock()
		return
	}
	s.mu.Unlock()
	if _, err := s.Send(pick); err != nil {
		slog.Warn("automatic sending did not start; the messages wait in the outbox", "err", err)
	}
}
