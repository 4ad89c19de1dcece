package app

import (
	"context"
	"fmt"
	"slices"
	"strconv"

	"tandem/app/pool"
	"tandem/app/questionnaire"
	"tandem/app/status"
	"tandem/db"
	"tandem/db/store"
)

// Participant is a person enrolled in a program, with the person's fields for display.
type Participant struct {
	ID         int64              `json:"id"`
	ProgramID  int64              `json:"programId"`
	PersonID   int64              `json:"personId"`
	Name       string             `json:"name"`
	Email      string             `json:"email"`
	Department string             `json:"department"`
	Title      string             `json:"title"`
	Location   string             `json:"location"`
	TimeZone   string             `json:"timeZone"`
	Mentor     bool               `json:"mentor"`
	Mentee     bool               `json:"mentee"`
	Peer       bool               `json:"peer"`
	Capacity   int                `json:"capacity"`
	Status     status.Participant `json:"status"`
	EnrolledAt string             `json:"enrolledAt"`
}

// ParticipantInput is a participant's roles, capacity and status.
type ParticipantInput struct {
	Mentor   bool               `json:"mentor"`
	Mentee   bool               `json:"mentee"`
	Peer     bool               `json:"peer"`
	Capacity int                `json:"capacity"`
	Status   status.Participant `json:"status"`
}

// EnrolInput enrols an existing person (PersonID) or a new one (NewPerson) in a program.
type EnrolInput struct {
	ProgramID int64            `json:"programId"`
	PersonID  int64            `json:"personId"`
	NewPerson *PersonInput     `json:"newPerson"`
	Roles     ParticipantInput `json:"roles"`
}

// AnswerValue is one answer: Text for most kinds, Choices for multiple choice.
type AnswerValue struct {
	QuestionID int64    `json:"questionId"`
	Text       string   `json:"text"`
	Choices    []string `json:"choices"`
}

// ProfileAnswer is a question asked of a participant with their answer (empty if none).
type ProfileAnswer struct {
	Question Question    `json:"question"`
	Value    AnswerValue `json:"value"`
	Answered bool        `json:"answered"`
}

// Profile is everything about one participant: roles, person and answers.
type Profile struct {
	Participant Participant     `json:"participant"`
	Person      Person          `json:"person"`
	Answers     []ProfileAnswer `json:"answers"`
}

// Participants enrols people in programs and keeps their answers.
type Participants struct {
	ctx   context.Context // the app's lifetime: every query runs under it
	db    *db.DB
	now   Clock
	leave *leaver // what withdrawing does besides (set by NewServices)
}

// NewParticipants returns the participants service.
func NewParticipants(ctx context.Context, d *db.DB, now Clock) *Participants {
	return &Participants{ctx: ctx, db: d, now: now}
}

// Enrol adds a person to a program with roles, creating the person first if they are new.
func (s *Participants) Enrol(in EnrolInput) (Participant, error) {
	ctx := s.ctx
	var id int64
	err := s.db.InTx(ctx, func(q *store.Queries) error {
		prog, err := q.GetProgram(ctx, in.ProgramID)
		if err != nil {
			return notFound(err, "program")
		}
		roles, err := checkRoles(prog, in.Roles)
		if err != nil {
			return err
		}
		personID := in.PersonID
		if in.NewPerson != nil {
			pin, err := CheckPerson(*in.NewPerson)
			if err != nil {
				return err
			}
			p, err := upsertPerson(ctx, q, pin, stamp(s.now()), false)
			if err != nil {
				return err
			}
			personID = p.ID
		} else if _, err := q.GetPerson(ctx, personID); err != nil {
			return fieldErr("personId", "Choose a person to enrol")
		}
		if existing, err := q.GetParticipantByPerson(ctx, store.GetParticipantByPersonParams{ProgramID: in.ProgramID, PersonID: personID}); err == nil {
			_ = existing
			return fieldErr("personId", "This person is already in %s", prog.Name)
		}
		p, err := q.CreateParticipant(ctx, store.CreateParticipantParams{ProgramID: in.ProgramID, PersonID: personID,
			IsMentor: roles.Mentor, IsMentee: roles.Mentee, IsPeer: roles.Peer, Capacity: int64(roles.Capacity),
			Status: roles.Status, Now: stamp(s.now())})
		if err != nil {
			return fmt.Errorf("enrol: %w", err)
		}
		id = p.ID
		return nil
	})
	if err != nil {
		return Participant{}, err
	}
	return s.Get(id)
}

// Update changes a participant's roles, capacity or status. Withdrawing does, in the same
// transaction, what LeavingImpact says: their pairs close, those pairs' upcoming sessions are
// cancelled (cancellations queued), their pending requests end and the other side is told.
func (s *Participants) Update(id int64, in ParticipantInput) (Participant, error) {
	ctx := s.ctx
	st, err := s.leave.settings.Get()
	if err != nil {
		return Participant{}, err
	}
	var queued []int64
	err = s.db.InTx(ctx, func(q *store.Queries) error {
		cur, err := q.GetParticipant(ctx, id)
		if err != nil {
			return notFound(err, "participant")
		}
		prog, err := q.GetProgram(ctx, cur.ProgramID)
		if err != nil {
			return fmt.Errorf("update participant: %w", err)
		}
		roles, err := checkRoles(prog, in)
		if err != nil {
			return err
		}
		if roles.Status == status.ParticipantWithdrawn && cur.Status != status.ParticipantWithdrawn {
			if _, queued, err = s.leave.leave(ctx, q, st, id, true); err != nil {
				return err
			}
		}
		_, err = q.UpdateParticipant(ctx, store.UpdateParticipantParams{ID: id, IsMentor: roles.Mentor, IsMentee: roles.Mentee,
			IsPeer: roles.Peer, Capacity: int64(roles.Capacity), Status: roles.Status, Now: stamp(s.now())})
		return err
	})
	if err != nil {
		return Participant{}, err
	}
	s.leave.outbox.autoSend(queued)
	return s.Get(id)
}

// LeavingImpact says what withdrawing the participant would do besides, for the admin to
// confirm first; it changes nothing.
func (s *Participants) LeavingImpact(id int64) (Leaving, error) {
	var out Leaving
	err := s.db.View(s.ctx, func(q *store.Queries) error {
		var err error
		out, _, err = s.leave.leave(s.ctx, q, AppSettings{}, id, false)
		return err
	})
	return out, err
}

// Remove takes a participant out of a program with their answers (the UI asks first and
// suggests "withdrawn" instead, which keeps everything).
func (s *Participants) Remove(id int64) error {
	if err := s.db.Q.DeleteParticipant(s.ctx, id); err != nil {
		if db.IsForeignKey(err) {
			return &Error{Message: "They have relationships or requests in this program, whose history is kept: set them to withdrawn instead"}
		}
		return fmt.Errorf("remove participant: %w", err)
	}
	return nil
}

// Get returns one participant.
func (s *Participants) Get(id int64) (Participant, error) {
	ctx := s.ctx
	pa, err := s.db.Q.GetParticipant(ctx, id)
	if err != nil {
		return Participant{}, notFound(err, "participant")
	}
	pe, err := s.db.Q.GetPerson(ctx, pa.PersonID)
	if err != nil {
		return Participant{}, fmt.Errorf("get participant: %w", err)
	}
	return participantDTO(pa, pe), nil
}

// Profile returns a participant with every question asked of them and their answers.
func (s *Participants) Profile(id int64) (Profile, error) {
	ctx := s.ctx
	part, err := s.Get(id)
	if err != nil {
		return Profile{}, err
	}
	pe, err := s.db.Q.GetPerson(ctx, part.PersonID)
	if err != nil {
		return Profile{}, fmt.Errorf("profile: %w", err)
	}
	qs, err := s.db.Q.ListQuestions(ctx, part.ProgramID)
	if err != nil {
		return Profile{}, fmt.Errorf("profile: %w", err)
	}
	raw, err := s.db.Q.ListParticipantAnswers(ctx, id)
	if err != nil {
		return Profile{}, fmt.Errorf("profile: %w", err)
	}
	byQ := map[int64]string{}
	for _, a := range raw {
		byQ[a.QuestionID] = a.Value
	}
	out := Profile{Participant: part, Person: personDTO(pe), Answers: []ProfileAnswer{}}
	for _, q := range qs {
		if !questionnaire.Applies(q.Audience, part.Mentor, part.Mentee, part.Peer) {
			continue
		}
		pa := ProfileAnswer{Question: questionDTO(q), Value: AnswerValue{QuestionID: q.ID, Choices: []string{}}}
		if q.PersonField != "" {
			pa.Value.Text = pool.PersonField(pe, q.PersonField)
			pa.Answered = pa.Value.Text != ""
		} else if v, ok := byQ[q.ID]; ok {
			d := questionnaire.Decode(v)
			pa.Value.Text, pa.Value.Choices, pa.Answered = d.Text, nonNil(d.Choices), true
		}
		out.Answers = append(out.Answers, pa)
	}
	return out, nil
}

// SaveAnswers checks every answer against its question and saves them all, or none: the error
// names the question at fault (field "q:<id>"). Questions answered by the person's record are
// saved on the person.
func (s *Participants) SaveAnswers(id int64, answers []AnswerValue) (Profile, error) {
	ctx := s.ctx
	err := s.db.InTx(ctx, func(q *store.Queries) error {
		part, err := q.GetParticipant(ctx, id)
		if err != nil {
			return notFound(err, "participant")
		}
		qs, err := q.ListQuestions(ctx, part.ProgramID)
		if err != nil {
			return fmt.Errorf("save answers: %w", err)
		}
		byID := map[int64]store.Question{}
		for _, qq := range qs {
			byID[qq.ID] = qq
		}
		pe, err := q.GetPerson(ctx, part.PersonID)
		if err != nil {
			return fmt.Errorf("save answers: %w", err)
		}
		person := PersonInput{Name: pe.Name, Email: pe.Email, Department: pe.Department, Title: pe.Title, Location: pe.Location,
			TimeZone: pe.TimeZone, ManagerEmail: pe.ManagerEmail, EmployeeID: pe.EmployeeID}
		personChanged := false
		now := stamp(s.now())
		for _, a := range answers {
			qq, ok := byID[a.QuestionID]
			if !ok {
				return &Error{Message: "The questionnaire changed meanwhile: reload and try again"}
			}
			field := "q:" + strconv.FormatInt(qq.ID, 10)
			spec := specOfRow(qq)
			if !questionnaire.Applies(qq.Audience, part.IsMentor, part.IsMentee, part.IsPeer) {
				spec.Required = false
			}
			v, err := questionnaire.CheckAnswer(spec, questionnaire.Value{Text: a.Text, Choices: a.Choices})
			if err != nil {
				return fieldErr(field, "%s: %s", qq.Prompt, err.Error())
			}
			if qq.PersonField != "" {
				setPersonField(&person, qq.PersonField, v.Text)
				personChanged = true
				continue
			}
			if v.Empty() {
				if err := q.DeleteAnswer(ctx, store.DeleteAnswerParams{ParticipantID: id, QuestionID: qq.ID}); err != nil {
					return fmt.Errorf("save answers: %w", err)
				}
				continue
			}
			if err := q.UpsertAnswer(ctx, store.UpsertAnswerParams{ParticipantID: id, QuestionID: qq.ID,
				Value: questionnaire.Encode(qq.Kind, v), Now: now}); err != nil {
				return fmt.Errorf("save answers: %w", err)
			}
		}
		if personChanged {
			checked, err := CheckPerson(person)
			if err != nil {
				return err
			}
			if _, err := q.UpdatePerson(ctx, updatePersonParams(pe.ID, checked, now)); err != nil {
				return fmt.Errorf("save answers: %w", err)
			}
		}
		return nil
	})
	if err != nil {
		return Profile{}, err
	}
	return s.Profile(id)
}

// checkRoles applies the role rules: at least mentor or mentee, a peer is also one of them and
// only where peer mentoring is on; mentors have a capacity (the program's default if unset).
func checkRoles(prog store.Program, in ParticipantInput) (ParticipantInput, error) {
	if in.Status == "" {
		in.Status = status.ParticipantActive
	}
	if !slices.Contains(status.Participants, in.Status) {
		return in, fieldErr("status", "%q is not a status (active, paused or withdrawn)", in.Status)
	}
	if in.Peer && !in.Mentor && !in.Mentee {
		return in, fieldErr("roles", "A peer must also be a mentor or a mentee")
	}
	if !in.Mentor && !in.Mentee {
		return in, fieldErr("roles", "Choose a role: mentor, mentee or both")
	}
	if in.Peer && !prog.PeerMentoring {
		return in, fieldErr("roles", "Peer mentoring is off in %s: turn it on in the program's settings to enrol peers", prog.Name)
	}
	if !in.Mentor {
		in.Capacity = 0
	} else if in.Capacity == 0 {
		in.Capacity = int(prog.DefaultCapacity)
	}
	if in.Capacity < 0 || in.Capacity > 50 {
		return in, fieldErr("capacity", "A mentor's capacity is from 1 to 50 mentees")
	}
	return in, nil
}

func setPersonField(p *PersonInput, field, v string) {
	switch field {
	case "department":
		p.Department = v
	case "location":
		p.Location = v
	case "time_zone":
		p.TimeZone = v
	case "title":
		p.Title = v
	}
}

func participantDTO(pa store.Participant, pe store.Person) Participant {
	return Participant{ID: pa.ID, ProgramID: pa.ProgramID, PersonID: pa.PersonID, Name: pe.Name, Email: pe.Email,
		Department: pe.Department, Title: pe.Title, Location: pe.Location, TimeZone: pe.TimeZone,
		Mentor: pa.IsMentor, Mentee: pa.IsMentee, Peer: pa.IsPeer, Capacity: int(pa.Capacity),
		Status: pa.Status, EnrolledAt: pa.EnrolledAt}
}
