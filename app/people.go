package app

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"tandem/app/validate"
	"tandem/db"
	"tandem/db/store"
)

// Person is someone in the organisation.
type Person struct {
	ID           int64  `json:"id"`
	Name         string `json:"name"`
	Email        string `json:"email"`
	Department   string `json:"department"`
	Title        string `json:"title"`
	Location     string `json:"location"`
	TimeZone     string `json:"timeZone"`
	ManagerEmail string `json:"managerEmail"`
	EmployeeID   string `json:"employeeId"`
	Programs     int    `json:"programs"`
}

// PersonInput is what the person form sends.
type PersonInput struct {
	Name         string `json:"name"`
	Email        string `json:"email"`
	Department   string `json:"department"`
	Title        string `json:"title"`
	Location     string `json:"location"`
	TimeZone     string `json:"timeZone"`
	ManagerEmail string `json:"managerEmail"`
	EmployeeID   string `json:"employeeId"`
}

// Removal says what removing a person did or would do.
type Removal struct {
	// Programs is how many programs the person took part in (their history).
	Programs int `json:"programs"`
	// Kept is true when the person had history: they are hidden and withdrawn, their history kept.
	Kept bool `json:"kept"`
	// Leaving is what withdrawing them does in each program they have not left.
	Leaving []Leaving `json:"leaving"`
}

// People manages the organisation's people.
type People struct {
	ctx   context.Context // the app's lifetime: every query runs under it
	db    *db.DB
	now   Clock
	leave *leaver // what withdrawing does besides (set by NewServices)
}

// NewPeople returns the people service.
func NewPeople(ctx context.Context, d *db.DB, now Clock) *People {
	return &People{ctx: ctx, db: d, now: now}
}

// List returns everyone not removed, by name.
func (s *People) List() ([]Person, error) {
	rows, err := s.db.Q.ListPeople(s.ctx)
	if err != nil {
		return nil, fmt.Errorf("list people: %w", err)
	}
	out := make([]Person, 0, len(rows))
	for _, r := range rows {
		p := personDTO(store.Person{ID: r.ID, Name: r.Name, Email: r.Email, Department: r.Department, Title: r.Title,
			Location: r.Location, TimeZone: r.TimeZone, ManagerEmail: r.ManagerEmail, EmployeeID: r.EmployeeID})
		p.Programs = int(r.Programs)
		out = append(out, p)
	}
	return out, nil
}

// Create adds a person. An email that belonged to a removed person brings that person back
// with the new details, so their history joins up again.
func (s *People) Create(in PersonInput) (Person, error) {
	in, err := CheckPerson(in)
	if err != nil {
		return Person{}, err
	}
	var out store.Person
	err = s.db.InTx(s.ctx, func(q *store.Queries) error {
		out, err = upsertPerson(s.ctx, q, in, stamp(s.now()), false)
		return err
	})
	if err != nil {
		return Person{}, err
	}
	return personDTO(out), nil
}

// upsertPerson creates the person, or updates the one with the same email when update is true
// or when that one was removed.
func upsertPerson(ctx context.Context, q *store.Queries, in PersonInput, now string, update bool) (store.Person, error) {
	existing, err := q.GetPersonByEmail(ctx, in.Email)
	switch {
	case err == nil && (update || existing.RemovedAt.Valid):
		return q.UpdatePerson(ctx, updatePersonParams(existing.ID, in, now))
	case err == nil:
		return store.Person{}, fieldErr("email", "%s is already in the directory as %s", existing.Email, existing.Name)
	case !db.IsNotFound(err):
		return store.Person{}, fmt.Errorf("find person: %w", err)
	}
	p, err := q.CreatePerson(ctx, store.CreatePersonParams{Name: in.Name, Email: in.Email, Department: in.Department,
		Title: in.Title, Location: in.Location, TimeZone: in.TimeZone, ManagerEmail: in.ManagerEmail, EmployeeID: in.EmployeeID, Now: now})
	if err != nil {
		return store.Person{}, unique(err, "create person", "email", fmt.Sprintf("%s is already in the directory", in.Email))
	}
	return p, nil
}

// Update saves the person form.
func (s *People) Update(id int64, in PersonInput) (Person, error) {
	in, err := CheckPerson(in)
	if err != nil {
		return Person{}, err
	}
	ctx := s.ctx
	var out store.Person
	err = s.db.InTx(ctx, func(q *store.Queries) error {
		if other, err := q.GetPersonByEmail(ctx, in.Email); err == nil && other.ID != id {
			return fieldErr("email", "%s is already in the directory as %s", other.Email, other.Name)
		}
		out, err = q.UpdatePerson(ctx, updatePersonParams(id, in, stamp(s.now())))
		if db.IsNotFound(err) {
			return notFound(err, "person")
		} else if err != nil {
			return unique(err, "update person", "email", fmt.Sprintf("%s is already in the directory", in.Email))
		}
		return nil
	})
	if err != nil {
		return Person{}, err
	}
	return personDTO(out), nil
}

// RemovalImpact tells the UI what Remove would do, so it can ask first when history is kept.
func (s *People) RemovalImpact(id int64) (Removal, error) {
	var r Removal
	err := s.db.View(s.ctx, func(q *store.Queries) error {
		var err error
		r, _, err = s.removal(q, AppSettings{}, id, false)
		return err
	})
	return r, err
}

// removal says (do false) or does what removing the person does in every program they are in.
func (s *People) removal(q *store.Queries, st AppSettings, id int64, do bool) (Removal, []int64, error) {
	ctx := s.ctx
	n, err := q.CountPersonHistory(ctx, id)
	if err != nil {
		return Removal{}, nil, fmt.Errorf("removal impact: %w", err)
	}
	r := Removal{Programs: int(n), Kept: n > 0, Leaving: []Leaving{}}
	parts, err := q.ListPersonParticipations(ctx, id)
	if err != nil {
		return r, nil, fmt.Errorf("removal impact: %w", err)
	}
	var queued []int64
	for _, pid := range parts {
		l, ids, err := s.leave.leave(ctx, q, st, pid, do)
		if err != nil {
			return r, nil, err
		}
		if !l.Empty() {
			r.Leaving = append(r.Leaving, l)
		}
		queued = append(queued, ids...)
	}
	return r, queued, nil
}

// Remove deletes a person with no history. A person with history is withdrawn from every
// program (with what leaving does in each: see Participants.Update) and hidden, and their
// history (participations, answers) is kept.
func (s *People) Remove(id int64) (Removal, error) {
	ctx := s.ctx
	st, err := s.leave.settings.Get()
	if err != nil {
		return Removal{}, err
	}
	var r Removal
	var queued []int64
	err = s.db.InTx(ctx, func(q *store.Queries) error {
		var err error
		if r, queued, err = s.removal(q, st, id, true); err != nil {
			return err
		}
		now := stamp(s.now())
		if r.Programs == 0 {
			return q.DeletePerson(ctx, id)
		}
		if err := q.WithdrawPersonEverywhere(ctx, store.WithdrawPersonEverywhereParams{PersonID: id, Now: now}); err != nil {
			return fmt.Errorf("remove person: %w", err)
		}
		return q.MarkPersonRemoved(ctx, store.MarkPersonRemovedParams{ID: id, RemovedAt: sql.NullString{String: now, Valid: true}})
	})
	if err != nil {
		return Removal{}, err
	}
	s.leave.outbox.autoSend(queued)
	return r, nil
}

// CheckPerson trims and validates a person's fields; the error names the field.
func CheckPerson(in PersonInput) (PersonInput, error) {
	trim := func(s *string) { *s = strings.TrimSpace(*s) }
	for _, f := range []*string{&in.Name, &in.Department, &in.Title, &in.Location, &in.TimeZone, &in.EmployeeID} {
		trim(f)
	}
	// The same normalisation and rule as the import's (validate.NormalizeEmail, validate.Email).
	in.Email = validate.NormalizeEmail(in.Email)
	in.ManagerEmail = validate.NormalizeEmail(in.ManagerEmail)
	if in.Name == "" {
		return in, fieldErr("name", "A name is required")
	}
	if err := validate.Email(in.Email); err != nil {
		return in, fieldErr("email", "%s", upperFirst(err.Error()))
	}
	if err := validate.TimeZone(in.TimeZone); err != nil {
		return in, fieldErr("timeZone", "%s", upperFirst(err.Error()))
	}
	if in.ManagerEmail != "" {
		if err := validate.Email(in.ManagerEmail); err != nil {
			return in, fieldErr("managerEmail", "%s", upperFirst(err.Error()))
		}
		if strings.EqualFold(in.ManagerEmail, in.Email) {
			return in, fieldErr("managerEmail", "A person cannot be their own manager")
		}
	}
	for _, f := range []struct {
		name, label string
		v           string
	}{{"name", "name", in.Name}, {"department", "department", in.Department}, {"title", "title", in.Title},
		{"location", "location", in.Location}, {"employeeId", "employee id", in.EmployeeID}} {
		if err := validate.Text(f.v, 200); err != nil {
			return in, fieldErr(f.name, "The %s %v", f.label, err)
		}
	}
	return in, nil
}

func updatePersonParams(id int64, in PersonInput, now string) store.UpdatePersonParams {
	return store.UpdatePersonParams{ID: id, Name: in.Name, Email: in.Email, Department: in.Department, Title: in.Title,
		Location: in.Location, TimeZone: in.TimeZone, ManagerEmail: in.ManagerEmail, EmployeeID: in.EmployeeID, Now: now}
}

func personDTO(p store.Person) Person {
	return Person{ID: p.ID, Name: p.Name, Email: p.Email, Department: p.Department, Title: p.Title, Location: p.Location,
		TimeZone: p.TimeZone, ManagerEmail: p.ManagerEmail, EmployeeID: p.EmployeeID}
}
