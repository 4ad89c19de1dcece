package app

import (
	"context"
	"log/slog"
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
	Settings      *SettingsService
	Templates     *Templates
	Outbox        *Outbox
	Relationships *Relationships
	Sessions      *Sessions
	Agendas       *Agendas
	Requests      *Requests
	Pairing       *Pairing
}

// NewServices builds the services over one database; secrets keeps the SMTP password.
func NewServices(d *db.DB, now Clock, secrets Secrets) *Services {
	s := &Services{
		Programs:     NewPrograms(d, now),
		People:       NewPeople(d, now),
		Participants: NewParticipants(d, now),
		Questions:    NewQuestions(d, now),
		Directory:    NewDirectory(d),
	}
	s.Imports = NewImports(d, now)
	s.Settings = NewSettings(d, now, secrets)
	s.Templates = NewTemplates(d, now)
	s.Outbox = NewOutbox(d, now, s.Settings)
	s.Relationships = NewRelationships(d, now, s.Settings, s.Templates, s.Outbox)
	s.Sessions = NewSessions(d, now, s.Settings, s.Templates, s.Outbox)
	s.Agendas = NewAgendas(d, now)
	s.Requests = NewRequests(d, now, s.Settings, s.Templates, s.Outbox)
	s.Pairing = NewPairing(d, now, s.Settings, s.Templates, s.Outbox)
	s.System = NewSystem(d, now, s)
	return s
}

// Startup receives the Wails context when the window opens; the desktop-only calls (dialogs)
// are reached through it.
func (s *Services) Startup(ctx context.Context) {
	ui := wailsUI{ctx: ctx}
	s.Imports.ui, s.Sessions.ui = ui, ui
	// Mentor requests expire and their reminders fall due while Tandem runs, too.
	go func() {
		t := time.NewTicker(time.Hour)
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
	}()
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
