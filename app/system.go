package app

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"tandem/app/questionnaire"
	"tandem/app/sample"
	"tandem/app/status"
	"tandem/db"
	"tandem/db/store"
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
	ctx context.Context // the app's lifetime: every query runs under it
	db  *db.DB
	now Clock
	s   *Services
}

// NewSystem returns the system service; it writes the sample through the other services.
func NewSystem(ctx context.Context, d *db.DB, now Clock, s *Services) *System {
	return &System{ctx: ctx, db: d, now: now, s: s}
}

// State returns the database location, its backups and whether it is empty.
func (s *System) State() (State, error) {
	n, err := s.db.Q.CountEverything(s.ctx)
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
	n, err := s.db.Q.CountEverything(s.ctx)
	if err != nil {
		return SampleResult{}, fmt.Errorf("load sample: %w", err)
	}
	if n > 0 {
		return SampleResult{}, &Error{Message: "The sample organisation goes into an empty database only: this one already has programs or people. Start Tandem with --db and a new file to explore the sample."}
	}
	ds := sample.Generate(s.now())
	if _, err := s.s.Settings.Save(AppSettings{OrganisationName: "Northwind", AdminName: "Sam Rivera", AdminEmail: "mentoring@" + sample.Domain,
		DefaultTimeZone: "Europe/London", Delivery: "smtp", SMTPPort: 587, SMTPSecurity: "starttls", PerMinute: 20}); err != nil {
		return SampleResult{}, fmt.Errorf("sample settings: %w", err)
	}
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
	progIDs := map[string]int64{}
	parts := map[string]int64{} // program name + email -> participant id
	for _, sp := range ds.Programs {
		prog, err := s.s.Programs.Create(ProgramInput{Name: sp.Name, Description: sp.Description, Kind: sp.Kind, Status: sp.Status,
			PeerMentoring: sp.PeerMentoring, RegistrationOpens: sp.RegistrationOpens, RegistrationCloses: sp.RegistrationCloses,
			MatchingOpens: sp.MatchingOpens, MatchingCloses: sp.MatchingCloses, StartsOn: sp.StartsOn, EndsOn: sp.EndsOn,
			DefaultCapacity: sp.DefaultCapacity, MentorRequestExpiryDays: sp.ExpiryDays})
		if err != nil {
			return SampleResult{}, fmt.Errorf("sample program %s: %w", sp.Name, err)
		}
		res.Programs = append(res.Programs, prog.ID)
		progIDs[sp.Name] = prog.ID
		questions, err := s.db.Q.ListQuestions(s.ctx, prog.ID)
		if err != nil {
			return SampleResult{}, fmt.Errorf("sample program %s: %w", sp.Name, err)
		}
		for _, sp := range sp.Participants {
			part, err := s.s.Participants.Enrol(EnrolInput{ProgramID: prog.ID, PersonID: ids[sp.Email], Roles: ParticipantInput{
				Mentor: sp.Mentor, Mentee: sp.Mentee, Peer: sp.Peer, Capacity: sp.Capacity, Status: sp.Status}})
			if err != nil {
				return SampleResult{}, fmt.Errorf("sample participant %s: %w", sp.Email, err)
			}
			parts[prog.Name+"/"+sp.Email] = part.ID
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
	if err := s.sampleSessions(ds, progIDs, parts); err != nil {
		return SampleResult{}, err
	}
	if err := s.sampleRequests(ds, progIDs, parts); err != nil {
		return SampleResult{}, err
	}
	if err := s.sampleWishes(ds, parts); err != nil {
		return SampleResult{}, err
	}
	return res, nil
}

// sampleWishes records a few participants' own pairing wishes in the cohort program: mentees
// who would like a particular mentor (ranked), and one who would rather not meet someone.
func (s *System) sampleWishes(ds sample.Dataset, parts map[string]int64) error {
	for _, sp := range ds.Programs {
		if sp.Kind != "cohort" {
			continue
		}
		var mentees, mentors []int64
		for _, p := range sp.Participants {
			if p.Status != status.ParticipantActive {
				continue
			}
			if p.Mentee {
				mentees = append(mentees, parts[sp.Name+"/"+p.Email])
			} else if p.Mentor {
				mentors = append(mentors, parts[sp.Name+"/"+p.Email])
			}
		}
		if len(mentees) < 6 || len(mentors) < 4 {
			continue
		}
		// From the end of the lists: the sample's relationships take the first participants.
		last := func(list []int64, i int) PreferencePerson {
			return PreferencePerson{ParticipantID: list[len(list)-1-i]}
		}
		for _, w := range []Preferences{
			{ParticipantID: last(mentees, 0).ParticipantID, Wishes: []PreferencePerson{last(mentors, 1), last(mentors, 2)}},
			{ParticipantID: last(mentees, 3).ParticipantID, Wishes: []PreferencePerson{last(mentors, 3)}},
			{ParticipantID: last(mentees, 5).ParticipantID, Avoid: []PreferencePerson{last(mentors, 1)}},
		} {
			if _, err := s.s.Pairing.SavePreferences(w); err != nil {
				return fmt.Errorf("sample wishes: %w", err)
			}
		}
	}
	return nil
}

// sampleSessions gives the sample relationships a history: past sessions held (their invites
// sent back then), upcoming ones, one rescheduled and one cancelled with their messages
// waiting in the outbox, and new invites not yet sent.
func (s *System) sampleSessions(ds sample.Dataset, progIDs, parts map[string]int64) error {
	agendas, err := s.s.Agendas.List()
	if err != nil {
		return err
	}
	agendaBy := map[string]AgendaTemplate{}
	for _, a := range agendas {
		agendaBy[a.Name] = a
	}
	zoneOf := map[string]string{}
	for _, p := range ds.People {
		zoneOf[p.Email] = p.TimeZone
	}
	type planned struct {
		rel  int64
		plan sample.SessionPlan
		id   int64
		zone string
	}
	var all []planned
	today := s.now()
	schedule := func(p planned) (int64, error) {
		loc, _ := time.LoadLocation(p.zone)
		d := today.In(loc).AddDate(0, 0, p.plan.Day)
		start := time.Date(d.Year(), d.Month(), d.Day(), p.plan.Hour, 0, 0, 0, loc)
		a := agendaBy[p.plan.Agenda]
		out, err := s.s.Sessions.Schedule(SessionInput{RelationshipID: p.rel, Title: p.plan.Title, Start: start.Format("2006-01-02T15:04"),
			TimeZone: p.zone, DurationMinutes: 45, VideoURL: "https://meet.northwind.example/" + fmt.Sprint(p.rel),
			Agenda: a.Body, AgendaTemplateID: a.ID})
		if err != nil {
			return 0, fmt.Errorf("sample session %q: %w", p.plan.Title, err)
		}
		return out[0].ID, nil
	}
	for _, r := range ds.Relationships() {
		in := RelationshipInput{ProgramID: progIDs[r.Program], Kind: r.Kind, Commitment: r.Commitment, Topic: r.Topic}
		for _, m := range r.Members {
			in.Members = append(in.Members, MemberInput{ParticipantID: parts[r.Program+"/"+m.Email], Role: m.Role})
		}
		rel, err := s.s.Relationships.Create(in)
		if err != nil {
			return fmt.Errorf("sample relationship: %w", err)
		}
		for _, sp := range r.Sessions {
			all = append(all, planned{rel: rel.ID, plan: sp, zone: zoneOf[r.Members[0].Email]})
		}
	}
	// What was scheduled before today was sent back then.
	for i := range all {
		if all[i].plan.Pending {
			continue
		}
		if all[i].id, err = schedule(all[i]); err != nil {
			return err
		}
		if o := all[i].plan.Outcome; o != "" {
			if _, err := s.s.Sessions.RecordOutcome(all[i].id, OutcomeInput{Status: o, Notes: all[i].plan.Notes, Rating: all[i].plan.Rating}); err != nil {
				return fmt.Errorf("sample outcome: %w", err)
			}
		}
	}
	if _, err := s.db.Q.MarkQueuedAsSent(s.ctx, stamp(s.now())); err != nil {
		return fmt.Errorf("sample history: %w", err)
	}
	// Today's changes wait in the outbox for the admin.
	for _, p := range all {
		switch {
		case p.plan.MoveTo != 0:
			cur, err := s.s.Sessions.Get(p.id)
			if err != nil {
				return err
			}
			moved := p
			moved.plan.Day = p.plan.MoveTo
			loc, _ := time.LoadLocation(p.zone)
			d := today.In(loc).AddDate(0, 0, moved.plan.Day)
			start := time.Date(d.Year(), d.Month(), d.Day(), p.plan.Hour+1, 0, 0, 0, loc)
			if _, err := s.s.Sessions.Reschedule(p.id, SessionInput{Title: cur.Title, Start: start.Format("2006-01-02T15:04"), TimeZone: cur.TimeZone,
				DurationMinutes: cur.DurationMinutes, Location: cur.Location, VideoURL: cur.VideoURL, Agenda: cur.Agenda,
				AgendaTemplateID: cur.AgendaTemplateID}); err != nil {
				return fmt.Errorf("sample reschedule: %w", err)
			}
		case p.plan.Cancel:
			if _, err := s.s.Sessions.Cancel(p.id, "Jai is travelling that week; we will find a new date."); err != nil {
				return fmt.Errorf("sample cancel: %w", err)
			}
		case p.plan.Pending:
			if _, err := schedule(p); err != nil {
				return err
			}
		}
	}
	return nil
}

// DefaultDBPath is where Tandem keeps its data: the per-user config directory.
func DefaultDBPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("find the config folder: %w", err)
	}
	return filepath.Join(dir, "Tandem", "tandem.db"), nil
}

// RestoreBackup replaces the data with one of the backups listed in State. The current data is
// backed up first, so the restore itself can be undone from the same list. The UI reloads
// everything afterwards.
func (s *System) RestoreBackup(path string) (State, error) {
	files, err := db.ListBackups(s.db.Path)
	if err != nil {
		return State{}, fmt.Errorf("restore: %w", err)
	}
	known := false
	for _, f := range files {
		known = known || f == path
	}
	if !known {
		return State{}, &Error{Field: "path", Message: "Choose one of the backups in the list"}
	}
	if _, err := s.db.Restore(s.ctx, path, s.now()); err != nil {
		return State{}, &Error{Field: "path", Message: upperFirst(err.Error())}
	}
	return s.State()
}

// sampleRequests records requests in every state, their emails in the outbox: pending, approved,
// approved for an introduction only, declined, withdrawn, and a mentor request left to expire.
func (s *System) sampleRequests(ds sample.Dataset, progIDs, parts map[string]int64) error {
	free := func(program string, keep func(sample.Participant) bool) []int64 {
		var out []int64
		for _, p := range ds.Programs {
			if p.Name != program {
				continue
			}
			// From the end of the list: the sample relationships took people from its start.
			for i := len(p.Participants) - 1; i >= 0; i-- {
				if pa := p.Participants[i]; pa.Status == status.ParticipantActive && keep(pa) {
					out = append(out, parts[program+"/"+pa.Email])
				}
			}
		}
		return out
	}
	peerProg, cohort := ds.Programs[0].Name, ds.Programs[1].Name
	peers := free(peerProg, func(p sample.Participant) bool { return p.Peer })
	mentors := free(cohort, func(p sample.Participant) bool { return p.Mentor })
	mentees := free(cohort, func(p sample.Participant) bool { return p.Mentee })
	if len(peers) < 12 || len(mentors) < 3 || len(mentees) < 3 {
		return fmt.Errorf("sample requests: too few free participants")
	}
	notes := []string{
		"Hi! I'm preparing my first conference talk and would love your advice on telling a story with data.",
		"We met at the all-hands: I'd like to understand how your team plans its quarters.",
		"I'm new to leading a team and would value someone to think out loud with.",
		"Could we swap notes on customer interviews? I can share what worked for us in sales.",
		"I'd like to get better at negotiation before my next contract round.",
		"Would you show me how you run your retrospectives?",
	}
	type step struct {
		in     RequestInput
		answer *RequestAnswer
		cancel string
	}
	peer := func(i int, commitment, topic string) RequestInput {
		return RequestInput{ProgramID: progIDs[peerProg], Kind: "peer", RequesterID: peers[2*i], RecipientID: peers[2*i+1],
			Commitment: commitment, Topic: topic, Note: notes[i%len(notes)]}
	}
	steps := []step{
		{in: peer(0, "topic", "presenting with data")},
		{in: peer(1, "intro", "")},
		{in: peer(2, "topic", "team planning"), answer: &RequestAnswer{Decision: "approve", Message: "Happy to — let's start next week."}},
		{in: peer(3, "long_term", ""), answer: &RequestAnswer{Decision: "intro", Message: "Let's meet once and see."}},
		{in: peer(4, "topic", "negotiation"), answer: &RequestAnswer{Decision: "decline", Reason: "no_time", Message: "I'm on leave until February, sorry!"}},
		{in: peer(5, "intro", ""), cancel: "Found a peer in my own team."},
		{in: RequestInput{ProgramID: progIDs[cohort], Kind: "mentor", RequesterID: mentees[0], RecipientID: mentors[0], Commitment: "long_term",
			Note: "I'm stepping into my first lead role in January and would value your experience."}},
	}
	for _, st := range steps {
		r, err := s.s.Requests.Create(st.in)
		if err != nil {
			return fmt.Errorf("sample request: %w", err)
		}
		if st.answer != nil || st.cancel != "" {
			// Its summary reached the recipient before they answered (or it was withdrawn).
			if err := s.db.Q.MarkRequestMessagesSent(s.ctx, store.MarkRequestMessagesSentParams{
				RequestID: sql.NullInt64{Int64: r.ID, Valid: true}, Now: stamp(s.now())}); err != nil {
				return fmt.Errorf("sample request: %w", err)
			}
		}
		switch {
		case st.answer != nil:
			_, err = s.s.Requests.Answer(r.ID, *st.answer)
		case st.cancel != "":
			_, err = s.s.Requests.Withdraw(r.ID, st.cancel)
		}
		if err != nil {
			return fmt.Errorf("sample request answer: %w", err)
		}
	}
	// A mentor request sent three weeks ago and never answered: it expires, and the mentee is told.
	r, err := s.s.Requests.Create(RequestInput{ProgramID: progIDs[cohort], Kind: "mentor", RequesterID: mentees[1], RecipientID: mentors[1],
		Commitment: "topic", Topic: "giving feedback", Sessions: 3, Note: "Could you help me learn to give difficult feedback?"})
	if err != nil {
		return fmt.Errorf("sample request: %w", err)
	}
	prog, err := s.s.Programs.Get(progIDs[cohort])
	if err != nil {
		return err
	}
	sent := s.now().AddDate(0, 0, -21)
	if err := s.db.Q.BackdateRequest(s.ctx, store.BackdateRequestParams{ID: r.ID, SentAt: stamp(sent),
		ExpiresAt: sql.NullString{String: stamp(sent.AddDate(0, 0, prog.MentorRequestExpiryDays)), Valid: true}}); err != nil {
		return fmt.Errorf("sample request: %w", err)
	}
	_, err = s.s.Requests.Sweep()
	return err
}
