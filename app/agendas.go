package app

import (
	"context"
	"fmt"
	"strings"

	"tandem/app/validate"
	"tandem/db"
	"tandem/db/store"
)

// AgendaTemplate is a reusable session agenda (an icebreaker, SMART goals, a closing session …).
type AgendaTemplate struct {
	ID      int64  `json:"id"`
	Name    string `json:"name"`
	Summary string `json:"summary"`
	Body    string `json:"body"`
	Builtin bool   `json:"builtin"`
}

// AgendaTemplateInput is what the template editor sends.
type AgendaTemplateInput struct {
	Name    string `json:"name"`
	Summary string `json:"summary"`
	Body    string `json:"body"`
}

// Agendas keeps the library of agenda templates.
type Agendas struct {
	ctx context.Context // the app's lifetime: every query runs under it
	db  *db.DB
	now Clock
}

// NewAgendas returns the agenda templates service.
func NewAgendas(ctx context.Context, d *db.DB, now Clock) *Agendas {
	return &Agendas{ctx: ctx, db: d, now: now}
}

// List returns the library, built-in activities first.
func (s *Agendas) List() ([]AgendaTemplate, error) {
	rows, err := s.db.Q.ListAgendaTemplates(s.ctx)
	if err != nil {
		return nil, fmt.Errorf("agenda templates: %w", err)
	}
	out := make([]AgendaTemplate, 0, len(rows))
	for _, r := range rows {
		out = append(out, agendaDTO(r))
	}
	return out, nil
}

// Create adds a template.
func (s *Agendas) Create(in AgendaTemplateInput) (AgendaTemplate, error) {
	in, err := checkAgenda(in)
	if err != nil {
		return AgendaTemplate{}, err
	}
	n, err := s.db.Q.CountAgendaTemplates(s.ctx)
	if err != nil {
		return AgendaTemplate{}, fmt.Errorf("agenda template: %w", err)
	}
	r, err := s.db.Q.CreateAgendaTemplate(s.ctx, store.CreateAgendaTemplateParams{Name: in.Name, Summary: in.Summary,
		Body: in.Body, Position: n + 1, Now: stamp(s.now())})
	if err != nil {
		return AgendaTemplate{}, unique(err, "create agenda template", "name", fmt.Sprintf("There is already a template called %q", in.Name))
	}
	return agendaDTO(r), nil
}

// Update saves a template.
func (s *Agendas) Update(id int64, in AgendaTemplateInput) (AgendaTemplate, error) {
	in, err := checkAgenda(in)
	if err != nil {
		return AgendaTemplate{}, err
	}
	r, err := s.db.Q.UpdateAgendaTemplate(s.ctx, store.UpdateAgendaTemplateParams{ID: id, Name: in.Name,
		Summary: in.Summary, Body: in.Body, Now: stamp(s.now())})
	if db.IsNotFound(err) {
		return AgendaTemplate{}, notFound(err, "template")
	} else if err != nil {
		return AgendaTemplate{}, unique(err, "save agenda template", "name", fmt.Sprintf("There is already a template called %q", in.Name))
	}
	return agendaDTO(r), nil
}

// Delete removes a template; sessions keep the agenda text they were given.
func (s *Agendas) Delete(id int64) error {
	n, err := s.db.Q.DeleteAgendaTemplate(s.ctx, id)
	if err != nil {
		return fmt.Errorf("delete agenda template: %w", err)
	}
	if n == 0 {
		return &Error{Message: "This template no longer exists"}
	}
	return nil
}

func checkAgenda(in AgendaTemplateInput) (AgendaTemplateInput, error) {
	in.Name, in.Summary, in.Body = strings.TrimSpace(in.Name), strings.TrimSpace(in.Summary), strings.TrimSpace(in.Body)
	if in.Name == "" {
		return in, fieldErr("name", "A template needs a name")
	}
	if err := validate.Text(in.Name, 100); err != nil {
		return in, fieldErr("name", "The name %v", err)
	}
	if err := validate.Text(in.Summary, 300); err != nil {
		return in, fieldErr("summary", "The summary %v", err)
	}
	if in.Body == "" {
		return in, fieldErr("body", "Write the agenda")
	}
	if len([]rune(in.Body)) > 20000 {
		return in, fieldErr("body", "The agenda is longer than 20,000 characters")
	}
	return in, nil
}

func agendaDTO(r store.AgendaTemplate) AgendaTemplate {
	return AgendaTemplate{ID: r.ID, Name: r.Name, Summary: r.Summary, Body: r.Body, Builtin: r.Builtin}
}
