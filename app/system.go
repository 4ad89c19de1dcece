package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"tandem/app/questionnaire"
	"tandem/app/sample"
	"tandem/db"
)

// Version is Tandem's version, set at build time with -ldflags "-X tandem/app.Version=…".
var Version = "0.1.0-dev"

// Backup is one backup file beside the database.
type Backup struct {
	Path    string `json:"path"`
	Size    int64  `json:"size"`
	Written string `json:"written"`
}

// State is what the UI needs to know about the app at start: where the data is, and whether
// this is the first run (an empty database), so it can show the welcome screen.
type State struct {
	Version   string   `json:"version"`
	DBPath    string   `json:"dbPath"`
	BackupDir string   `json:"backupDir"`
	Backups   []Backup `json:"backups"`
	Empty     bool     `json:"empty"`
}

// SampleResult says what LoadSample added.
type SampleResult struct {
	People   int     `json:"people"`
	Programs []int64 `json:"programs"`
}

// System tells the app's state and loads the sample organisation.
type System struct {
	db  *db.DB
	now Clock
	s   *Services
}

// NewSystem returns the system service; it writes the sample through the other services.
func NewSystem(d *db.DB, now Clock, s *Services) *System {
	return &System{db: d, now: now, s: s}
}

// State returns the database location, its backups and whether it is empty.
func (s *System) State() (State, error) {
	n, err := s.db.Q.CountEverything(context.Background())
	if err != nil {
		return State{}, fmt.Errorf("state: %w", err)
	}
	st := State{Version: Version, DBPath: s.db.Path, BackupDir: db.BackupDir(s.db.Path), Empty: n == 0, Backups: []Backup{}}
	files, _ := db.ListBackups(s.db.Path)
	for _, f := range files {
		if fi, err := os.Stat(f); err == nil {
			st.Backups = append(st.Backups, Backup{Path: f, Size: fi.Size(), Written: stamp(fi.ModTime())})
		}
	}
	return st, nil
}

// LoadSample fills an empty database with the sample organisation. It refuses a database that
// already holds programs or people, so nothing the admin entered is mixed with sample data.
func (s *System) LoadSample() (SampleResult, error) {
	n, err := s.db.Q.CountEverything(context.Background())
	if err != nil {
		return SampleResult{}, fmt.Errorf("load sample: %w", err)
	}
	if n > 0 {
		return SampleResult{}, &Error{Message: "The sample organisation goes into an empty database only: this one already has programs or people. Start Tandem with --db and a new file to explore the sample."}
	}
	ds := sample.Generate(s.now())
	ids := map[string]int64{}
	for _, p := range ds.People {
		created, err := s.s.People.Create(PersonInput{Name: p.Name, Email: p.Email, Department: p.Department, Title: p.Title,
			Location: p.Location, TimeZone: p.TimeZone, ManagerEmail: p.ManagerEmail, EmployeeID: p.EmployeeID})
		if err != nil {
			return SampleResult{}, fmt.Errorf("sample person %s: %w", p.Email, err)
		}
		ids[p.Email] = created.ID
	}
	res := SampleResult{People: len(ds.People)}
	for _, sp := range ds.Programs {
		prog, err := s.s.Programs.Create(ProgramInput{Name: sp.Name, Description: sp.Description, Kind: sp.Kind, Status: sp.Status,
			PeerMentoring: sp.PeerMentoring, RegistrationOpens: sp.RegistrationOpens, RegistrationCloses: sp.RegistrationCloses,
			MatchingOpens: sp.MatchingOpens, MatchingCloses: sp.MatchingCloses, StartsOn: sp.StartsOn, EndsOn: sp.EndsOn,
			DefaultCapacity: sp.DefaultCapacity, MentorRequestExpiryDays: sp.ExpiryDays})
		if err != nil {
			return SampleResult{}, fmt.Errorf("sample program %s: %w", sp.Name, err)
		}
		res.Programs = append(res.Programs, prog.ID)
		questions, err := s.db.Q.ListQuestions(context.Background(), prog.ID)
		if err != nil {
			return SampleResult{}, fmt.Errorf("sample program %s: %w", sp.Name, err)
		}
		for _, sp := range sp.Participants {
			part, err := s.s.Participants.Enrol(EnrolInput{ProgramID: prog.ID, PersonID: ids[sp.Email], Roles: ParticipantInput{
				Mentor: sp.Mentor, Mentee: sp.Mentee, Peer: sp.Peer, Capacity: sp.Capacity, Status: sp.Status}})
			if err != nil {
				return SampleResult{}, fmt.Errorf("sample participant %s: %w", sp.Email, err)
			}
			answers := []AnswerValue{}
			for _, q := range questions {
				if v, ok := sp.Answers[q.Prompt]; ok && questionnaire.Applies(q.Audience, sp.Mentor, sp.Mentee, sp.Peer) {
					answers = append(answers, AnswerValue{QuestionID: q.ID, Text: v.Text, Choices: v.Choices})
				}
			}
			if _, err := s.s.Participants.SaveAnswers(part.ID, answers); err != nil {
				return SampleResult{}, fmt.Errorf("sample answers %s: %w", sp.Email, err)
			}
		}
	}
	return res, nil
}

// DefaultDBPath is where Tandem keeps its data: the per-user config directory.
func DefaultDBPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("find the config folder: %w", err)
	}
	return filepath.Join(dir, "Tandem", "tandem.db"), nil
}
