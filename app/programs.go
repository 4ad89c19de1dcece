package app

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"tandem/app/questionnaire"
	"tandem/app/status"
	"tandem/app/validate"
	"tandem/db"
	"tandem/db/store"
)

// Program is a mentoring program as the UI sees it.
type Program struct {
	ID                      int64          `json:"id"`
	Name                    string         `json:"name"`
	Description             string         `json:"description"`
	Kind                    string         `json:"kind"`
	Status                  status.Program `json:"status"`
	PeerMentoring           bool           `json:"peerMentoring"`
	RegistrationOpens       string         `json:"registrationOpens"`
	RegistrationCloses      string         `json:"registrationCloses"`
	MatchingOpens           string         `json:"matchingOpens"`
	MatchingCloses          string         `json:"matchingCloses"`
	StartsOn                string         `json:"startsOn"`
	EndsOn                  string         `json:"endsOn"`
	GroupMin                int            `json:"groupMin"`
	GroupMax                int            `json:"groupMax"`
	DefaultCapacity         int            `json:"defaultCapacity"`
	MentorRequestExpiryDays int            `json:"mentorRequestExpiryDays"`
	ReviewRequests          bool           `json:"reviewRequests"`
	CreatedAt               string         `json:"createdAt"`
	UpdatedAt               string         `json:"updatedAt"`
	Counts                  Counts         `json:"counts"`
}

// Counts are a program's participants by role (withdrawn participants not counted).
type Counts struct {
	Participants int `json:"participants"`
	Mentors      int `json:"mentors"`
	Mentees      int `json:"mentees"`
	Peers        int `json:"peers"`
}

// ProgramInput is what the program form sends.
type ProgramInput struct {
	Name                    string         `json:"name"`
	Description             string         `json:"description"`
	Kind                    string         `json:"kind"`
	Status                  status.Program `json:"status"`
	PeerMentoring           bool           `json:"peerMentoring"`
	RegistrationOpens       string         `json:"registrationOpens"`
	RegistrationCloses      string         `json:"registrationCloses"`
	MatchingOpens           string         `json:"matchingOpens"`
	MatchingCloses          string         `json:"matchingCloses"`
	StartsOn                string         `json:"startsOn"`
	EndsOn                  string         `json:"endsOn"`
	GroupMin                int            `json:"groupMin"`
	GroupMax                int            `json:"groupMax"`
	DefaultCapacity         int            `json:"defaultCapacity"`
	MentorRequestExpiryDays int            `json:"mentorRequestExpiryDays"`
	// ReviewRequests holds each new request for the admin's review before its summary is emailed.
	ReviewRequests bool `json:"reviewRequests"`
}

// Programs creates, edits, lists and archives programs.
type Programs struct {
	ctx context.Context // the app's lifetime: every query runs under it
	db  *db.DB
	now Clock
}

// NewPrograms returns the programs service.
func NewPrograms(ctx context.Context, d *db.DB, now Clock) *Programs {
	return &Programs{ctx: ctx, db: d, now: now}
}

// NewProgramDefaults returns a blank program form for a kind, with the defaults filled in:
// peer mentoring on for evergreen programs, off for the others.
func (s *Programs) NewProgramDefaults(kind string) ProgramInput {
	in := ProgramInput{Kind: kind, Status: status.ProgramOpen, PeerMentoring: kind == "evergreen", DefaultCapacity: 1, MentorRequestExpiryDays: 14}
	if kind == "group" {
		in.GroupMin, in.GroupMax = 3, 6
	}
	return in
}

// List returns every program with participant counts, archived ones last.
func (s *Programs) List() ([]Program, error) {
	rows, err := s.db.Q.ListProgramSummaries(s.ctx)
	if err != nil {
		return nil, fmt.Errorf("list programs: %w", err)
	}
	out := make([]Program, 0, len(rows))
	for _, r := range rows {
		p := programDTO(store.Program{ID: r.ID, Name: r.Name, Description: r.Description, Kind: r.Kind, Status: r.Status,
			PeerMentoring: r.PeerMentoring, RegistrationOpens: r.RegistrationOpens, RegistrationCloses: r.RegistrationCloses,
			MatchingOpens: r.MatchingOpens, MatchingCloses: r.MatchingCloses, StartsOn: r.StartsOn, EndsOn: r.EndsOn,
			GroupMin: r.GroupMin, GroupMax: r.GroupMax, DefaultCapacity: r.DefaultCapacity,
			MentorRequestExpiryDays: r.MentorRequestExpiryDays, ReviewRequests: r.ReviewRequests, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt})
		p.Counts = Counts{Participants: int(r.Participants), Mentors: int(r.Mentors), Mentees: int(r.Mentees), Peers: int(r.Peers)}
		out = append(out, p)
	}
	return out, nil
}

// Get returns one program with its counts.
func (s *Programs) Get(id int64) (Program, error) {
	all, err := s.List()
	if err != nil {
		return Program{}, err
	}
	for _, p := range all {
		if p.ID == id {
			return p, nil
		}
	}
	return Program{}, &Error{Message: "This program no longer exists"}
}

// Create validates the form and creates the program with the default questionnaire, in one transaction.
func (s *Programs) Create(in ProgramInput) (Program, error) {
	in, err := checkProgram(in)
	if err != nil {
		return Program{}, err
	}
	var id int64
	err = s.db.InTx(s.ctx, func(q *store.Queries) error {
		p, err := q.CreateProgram(s.ctx, programParams(in, stamp(s.now())))
		if err != nil {
			return fmt.Errorf("create program: %w", err)
		}
		id = p.ID
		return addDefaultQuestions(s.ctx, q, p.ID, stamp(s.now()))
	})
	if err != nil {
		return Program{}, err
	}
	return s.Get(id)
}

// Update saves the program form.
func (s *Programs) Update(id int64, in ProgramInput) (Program, error) {
	in, err := checkProgram(in)
	if err != nil {
		return Program{}, err
	}
	p := programParams(in, stamp(s.now()))
	_, err = s.db.Q.UpdateProgram(s.ctx, store.UpdateProgramParams{
		ID: id, Name: p.Name, Description: p.Description, Kind: p.Kind, Status: p.Status, PeerMentoring: p.PeerMentoring,
		RegistrationOpens: p.RegistrationOpens, RegistrationCloses: p.RegistrationCloses, MatchingOpens: p.MatchingOpens,
		MatchingCloses: p.MatchingCloses, StartsOn: p.StartsOn, EndsOn: p.EndsOn, GroupMin: p.GroupMin, GroupMax: p.GroupMax,
		DefaultCapacity: p.DefaultCapacity, MentorRequestExpiryDays: p.MentorRequestExpiryDays, ReviewRequests: p.ReviewRequests, Now: p.Now,
	})
	if db.IsNotFound(err) {
		return Program{}, notFound(err, "program")
	} else if err != nil {
		return Program{}, fmt.Errorf("update program: %w", err)
	}
	return s.Get(id)
}

// Archive hides a program from the active list; nothing in it is deleted.
func (s *Programs) Archive(id int64) (Program, error) {
	_, err := s.db.Q.ArchiveProgram(s.ctx, store.ArchiveProgramParams{ID: id, Now: stamp(s.now())})
	return s.afterStatus(id, err)
}

// Unarchive brings an archived program back with the status it had before.
func (s *Programs) Unarchive(id int64) (Program, error) {
	_, err := s.db.Q.UnarchiveProgram(s.ctx, store.UnarchiveProgramParams{ID: id, Now: stamp(s.now())})
	return s.afterStatus(id, err)
}

func (s *Programs) afterStatus(id int64, err error) (Program, error) {
	if db.IsNotFound(err) {
		return Program{}, &Error{Message: "This program no longer exists, or is not archived"}
	} else if err != nil {
		return Program{}, fmt.Errorf("set program status: %w", err)
	}
	return s.Get(id)
}

var programKinds = map[string]bool{"cohort": true, "evergreen": true, "group": true}

func checkProgram(in ProgramInput) (ProgramInput, error) {
	in.Name = strings.TrimSpace(in.Name)
	in.Description = strings.TrimSpace(in.Description)
	if in.Name == "" {
		return in, fieldErr("name", "A program needs a name")
	}
	if err := validate.Text(in.Name, 120); err != nil {
		return in, fieldErr("name", "The name %v", err)
	}
	if len([]rune(in.Description)) > 4000 {
		return in, fieldErr("description", "The description is longer than 4,000 characters")
	}
	if !programKinds[in.Kind] {
		return in, fieldErr("kind", "Choose a kind: cohort, evergreen or group")
	}
	if in.Status == "" {
		in.Status = status.ProgramOpen
	}
	if !slices.Contains(status.Programs, in.Status) {
		return in, fieldErr("status", "%q is not a program status", in.Status)
	}
	dates := []struct {
		field string
		v     *string
	}{{"registrationOpens", &in.RegistrationOpens}, {"registrationCloses", &in.RegistrationCloses},
		{"matchingOpens", &in.MatchingOpens}, {"matchingCloses", &in.MatchingCloses}, {"startsOn", &in.StartsOn}, {"endsOn", &in.EndsOn}}
	for _, d := range dates {
		*d.v = strings.TrimSpace(*d.v)
		if len(*d.v) > 10 { // an RFC 3339 time from a date picker: keep the date
			*d.v = (*d.v)[:10]
		}
		if in.Kind == "evergreen" {
			*d.v = "" // an evergreen program runs on: no windows, no dates
			continue
		}
		if err := validate.Date(*d.v); err != nil {
			return in, fieldErr(d.field, "%v", err)
		}
	}
	order := func(a, b, fa, fb, what string) error {
		if a != "" && b != "" && b < a {
			return fieldErr(fb, "The %s ends before it starts", what)
		}
		return nil
	}
	if in.Kind == "cohort" && (in.StartsOn == "" || in.EndsOn == "") {
		f := "startsOn"
		if in.StartsOn != "" {
			f = "endsOn"
		}
		return in, fieldErr(f, "A cohort needs a start and an end date")
	}
	// Groups are a cohort design (seed 003): their dates are optional, and ordered when given.
	if in.Kind != "evergreen" {
		for _, e := range []error{
			order(in.RegistrationOpens, in.RegistrationCloses, "registrationOpens", "registrationCloses", "registration window"),
			order(in.MatchingOpens, in.MatchingCloses, "matchingOpens", "matchingCloses", "matching window"),
			order(in.StartsOn, in.EndsOn, "startsOn", "endsOn", "program"),
		} {
			if e != nil {
				return in, e
			}
		}
	}
	if in.Kind == "group" {
		if in.GroupMin < 2 {
			return in, fieldErr("groupMin", "A group has at least 2 people")
		}
		if in.GroupMax < in.GroupMin {
			return in, fieldErr("groupMax", "The largest group size is smaller than the smallest")
		}
		if in.GroupMax > 20 {
			return in, fieldErr("groupMax", "Groups are at most 20 people")
		}
	} else {
		in.GroupMin, in.GroupMax = 0, 0
	}
	if in.DefaultCapacity == 0 {
		in.DefaultCapacity = 1
	}
	if in.DefaultCapacity < 1 || in.DefaultCapacity > 50 {
		return in, fieldErr("defaultCapacity", "A mentor's capacity is from 1 to 50 mentees")
	}
	if in.MentorRequestExpiryDays == 0 {
		in.MentorRequestExpiryDays = 14
	}
	if in.MentorRequestExpiryDays < 1 || in.MentorRequestExpiryDays > 365 {
		return in, fieldErr("mentorRequestExpiryDays", "Mentor requests expire after 1 to 365 days")
	}
	return in, nil
}

func programParams(in ProgramInput, now string) store.CreateProgramParams {
	return store.CreateProgramParams{
		Name: in.Name, Description: in.Description, Kind: in.Kind, Status: in.Status, PeerMentoring: in.PeerMentoring,
		RegistrationOpens: in.RegistrationOpens, RegistrationCloses: in.RegistrationCloses,
		MatchingOpens: in.MatchingOpens, MatchingCloses: in.MatchingCloses, StartsOn: in.StartsOn, EndsOn: in.EndsOn,
		GroupMin: int64(in.GroupMin), GroupMax: int64(in.GroupMax), DefaultCapacity: int64(in.DefaultCapacity),
		MentorRequestExpiryDays: int64(in.MentorRequestExpiryDays), ReviewRequests: in.ReviewRequests, Now: now,
	}
}

func programDTO(p store.Program) Program {
	return Program{ID: p.ID, Name: p.Name, Description: p.Description, Kind: p.Kind, Status: p.Status,
		PeerMentoring: p.PeerMentoring, RegistrationOpens: p.RegistrationOpens, RegistrationCloses: p.RegistrationCloses,
		MatchingOpens: p.MatchingOpens, MatchingCloses: p.MatchingCloses, StartsOn: p.StartsOn, EndsOn: p.EndsOn,
		GroupMin: int(p.GroupMin), GroupMax: int(p.GroupMax), DefaultCapacity: int(p.DefaultCapacity),
		MentorRequestExpiryDays: int(p.MentorRequestExpiryDays), ReviewRequests: p.ReviewRequests, CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt}
}

// addDefaultQuestions writes the default questionnaire and links the offers<->wants pair.
func addDefaultQuestions(ctx context.Context, q *store.Queries, programID int64, now string) error {
	ids := map[string]int64{}
	defaults := questionnaire.Defaults()
	for i, d := range defaults {
		opts, _ := json.Marshal(nonNil(d.Options))
		row, err := q.CreateQuestion(ctx, store.CreateQuestionParams{
			ProgramID: programID, Position: int64(i + 1), Prompt: d.Prompt, Help: d.Help, Kind: d.Kind, Options: string(opts),
			Audience: d.Audience, Required: d.Required, PersonField: d.PersonField, ScaleMin: 1, ScaleMax: 5,
			MatchRule: d.Rule, MatchWeight: d.Weight, CustomWeight: int64(d.CustomWeight), RuleHours: int64(d.RuleHours), Now: now,
		})
		if err != nil {
			return fmt.Errorf("add default question %q: %w", d.Prompt, err)
		}
		ids[d.Prompt] = row.ID
	}
	for _, d := range defaults {
		if d.Complement == "" {
			continue
		}
		row, err := q.GetQuestion(ctx, ids[d.Prompt])
		if err != nil {
			return fmt.Errorf("link default questions: %w", err)
		}
		p := updateQuestionParams(row)
		p.ComplementID.Int64, p.ComplementID.Valid = ids[d.Complement], true
		p.Now = now
		if _, err := q.UpdateQuestion(ctx, p); err != nil {
			return fmt.Errorf("link default questions: %w", err)
		}
	}
	return nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
