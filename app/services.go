package app

import (
	"context"

	"tandem/db"
)

// BindingsBuild is true in the build Wails runs to generate the TypeScript bindings.
var BindingsBuild = false

// Services are every bound service, built once from the database and the clock.
type Services struct {
	Programs     *Programs
	People       *People
	Participants *Participants
	Questions    *Questions
	Directory    *Directory
	Imports      *Imports
	System       *System
}

// NewServices builds the services over one database.
func NewServices(d *db.DB, now Clock) *Services {
	s := &Services{
		Programs:     NewPrograms(d, now),
		People:       NewPeople(d, now),
		Participants: NewParticipants(d, now),
		Questions:    NewQuestions(d, now),
		Directory:    NewDirectory(d),
	}
	s.Imports = NewImports(d, now)
	s.System = NewSystem(d, now, s.Programs, s.People, s.Participants)
	return s
}

// Startup receives the Wails context when the window opens; the desktop-only calls (dialogs)
// are reached through it.
func (s *Services) Startup(ctx context.Context) {
	s.Imports.ui = wailsUI{ctx: ctx}
}

// Bindings lists the structs whose exported methods the UI may call.
func (s *Services) Bindings() []any {
	return []any{s.Programs, s.People, s.Participants, s.Questions, s.Directory, s.Imports, s.System}
}
