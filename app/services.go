package app

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"tandem/db"
)

// BindingsBuild is true in the build Wails runs to generate the TypeScript bindings.
var BindingsBuild = false

// Services are every bound service, built once from the database and the clock.
type Services struct {
	Programs      *Programs
	People        *People
	Participants  *Participants
	Questions     *Questions
	Directory     *Directory
	Imports       *Imports
	System        *System
	Settings      *Settings
	Templates     *Templates
	Outbox        *Outbox
	Relationships *Relationships
	Sessions      *Sessions
	Agendas       *Agendas
	Requests      *Requests
	Pairing       *Pairing

	work context.Context    // the background work's context (the hourly sweep, a sending run)
	stop context.CancelFunc // ends it
	bg   sync.WaitGroup     // the background goroutines, waited for at shutdown
}

// NewServices builds the services over one database; secrets keeps the SMTP password. ctx is the
// app's lifetime: every service's queries run under it.
func NewServices(ctx context.Context, d *db.DB, now Clock, secrets Secrets) *Services {
	s := &Services{
		Programs:     NewPrograms(ctx, d, now),
		People:       NewPeople(ctx, d, now),
		Participants: NewParticipants(ctx, d, now),
		Questions:    NewQuestions(ctx, d, now),
		Directory:    NewDirectory(ctx, d),
	}
	s.work, s.stop = context.WithCancel(ctx)
	s.Imports = NewImports(ctx, d, now)
	s.Settings = NewSettings(ctx, d, now, secrets)
	s.Templates = NewTemplates(ctx, d, now)
	s.Outbox = NewOutbox(ctx, s.work, d, now, s.Settings)
	s.Relationships = NewRelationships(ctx, d, now, s.Settings, s.Outbox)
	s.Sessions = NewSessions(ctx, d, now, s.Settings, s.Outbox)
	s.Agendas = NewAgendas(ctx, d, now)
	s.Requests = NewRequests(ctx, d, now, s.Settings, s.Outbox)
	s.Pairing = NewPairing(ctx, d, now, s.Settings, s.Outbox)
	s.System = NewSystem(ctx, d, now, s)
	leave := &leaver{now: now, settings: s.Settings, requests: s.Requests, outbox: s.Outbox}
	s.Participants.leave, s.People.leave = leave, leave
	return s
}

// Startup receives the Wails context when the window opens: the desktop-only calls (dialogs)
// are reached through it, and the background work starts.
func (s *Services) Startup(ctx context.Context) {
	ui := wailsUI{ctx: ctx}
	s.Imports.ui, s.Sessions.ui = ui, ui
	s.bg.Add(1)
	go s.sweep(s.work, time.Hour)
}

// Shutdown runs when the window has closed: the background work stops, and a sending run ends
// after the message in hand, and every outcome the server gave is recorded before Tandem exits.
func (s *Services) Shutdown(context.Context) {
	s.stop()
	s.bg.Wait()
	s.Outbox.close()
}

// sweep applies the clock to mentor requests every interval while Tandem runs: they expire and
// their reminders fall due.
func (s *Services) sweep(ctx context.Context, every time.Duration) {
	defer s.bg.Done()
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if _, err := s.Requests.Sweep(); err != nil {
				slog.Error("apply request expiry", "err", err)
			}
		}
	}
}

// Recover runs once at start, before the window opens: a message a crash left in 'sending'
// is held for the admin, and mentor requests whose time ran out while Tandem was closed expire.
func (s *Services) Recover() error {
	if _, err := s.Outbox.holdInterrupted(); err != nil {
		return err
	}
	_, err := s.Requests.Sweep()
	return err
}

// ExportQueuedDrafts writes every queued message as an .eml draft into dir and marks it sent as
// a draft (the command line's `tandem outbox-export`).
func (s *Services) ExportQueuedDrafts(dir string) (SendProgress, error) {
	return s.Outbox.exportQueuedDrafts(dir)
}

// Bindings lists the structs whose exported methods the UI may call.
func (s *Services) Bindings() []any {
	return []any{s.Programs, s.People, s.Participants, s.Questions, s.Directory, s.Imports, s.System,
		s.Settings, s.Templates, s.Outbox, s.Relationships, s.Sessions, s.Agendas, s.Requests, s.Pairing}
}
