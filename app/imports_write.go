package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"tandem/app/importer"
	"tandem/app/questionnaire"
	"tandem/db"
	"tandem/db/store"
)

// importChunk is how many rows one write transaction of an import takes. Between chunks other
// writes get their turn (the outbox recording what the server said, the admin's edits): a
// 100,000-row import in one transaction held the write lock for seconds.
const importChunk = 1000

// Import checks the whole file and writes nothing while any row that is not skipped has a
// problem. It then writes the rows in chunks of importChunk, each its own transaction, each
// person looked up again inside it: an existing person (same email) is updated, not duplicated,
// so when a chunk fails (the disk full, Tandem closed), importing the same file again finishes
// the job; the message says which rows were written.
func (s *Imports) Import(req ImportRequest) (ImportPreview, error) {
	ctx := s.ctx
	var out ImportPreview
	var recs []plannedRow
	err := s.db.View(ctx, func(q *store.Queries) error {
		var err error
		out, recs, err = s.plan(ctx, q, req)
		return err
	})
	if err != nil {
		return out, err
	}
	if len(out.Problems) > 0 {
		return out, &Error{Message: fmt.Sprintf("%d problems in %d rows: fix them or skip those rows, then import again. Nothing was imported.",
			len(out.Problems), len(out.BadRows))}
	}
	for done := 0; done < len(recs); done += importChunk {
		chunk := recs[done:min(done+importChunk, len(recs))]
		err := s.db.InTx(ctx, func(q *store.Queries) error {
			if err := refresh(ctx, q, req.ProgramID, chunk); err != nil {
				return err
			}
			return s.write(ctx, q, req, chunk)
		})
		if err != nil {
			return out, s.stopped(err, recs, done)
		}
		if s.afterChunk != nil {
			s.afterChunk()
		}
	}
	return out, nil
}

// refresh looks each row's person and participant up again inside the chunk's transaction: the
// plan was read before, and the data may have changed since.
func refresh(ctx context.Context, q *store.Queries, programID int64, rows []plannedRow) error {
	for i := range rows {
		pr := &rows[i]
		pr.person, pr.participantID = nil, 0
		p, err := q.GetPersonByEmail(ctx, pr.rec.Email)
		switch {
		case db.IsNotFound(err):
			continue
		case err != nil:
			return fmt.Errorf("row %d: read person: %w", pr.rec.Row, err)
		}
		pr.person = &p
		pa, err := q.GetParticipantByPerson(ctx, store.GetParticipantByPersonParams{ProgramID: programID, PersonID: p.ID})
		switch {
		case err == nil:
			pr.participantID = pa.ID
		case !db.IsNotFound(err):
			return fmt.Errorf("row %d: read participant: %w", pr.rec.Row, err)
		}
	}
	return nil
}

// stopped says what an import that failed in its chunk starting at done wrote and what not.
func (s *Imports) stopped(err error, recs []plannedRow, done int) error {
	var e *Error
	if errors.As(err, &e) && e.Row > 0 {
		return err // a row the checks missed: named as it is
	}
	slog.Error("import stopped", "written", done, "of", len(recs), "err", err)
	why := "the details are in the log"
	if db.IsBusy(err) {
		why = "the data file was busy"
	}
	if done == 0 {
		return &Error{Message: fmt.Sprintf("Nothing was imported: %s. Try again.", why)}
	}
	return &Error{Message: fmt.Sprintf("The import stopped after %d of %d rows (file rows %d to %d were saved): %s. "+
		"Import the same file again to finish: people already imported are updated, not added twice.",
		done, len(recs), recs[0].rec.Row, recs[done-1].rec.Row, why)}
}

func (s *Imports) write(ctx context.Context, q *store.Queries, req ImportRequest, rows []plannedRow) error {
	prog, err := q.GetProgram(ctx, req.ProgramID)
	if err != nil {
		return err
	}
	qs, err := q.ListQuestions(ctx, req.ProgramID)
	if err != nil {
		return err
	}
	kinds := map[string]string{}
	for _, qq := range qs {
		kinds[importer.QuestionPrefix+strconv.FormatInt(qq.ID, 10)] = qq.Kind
	}
	now := stamp(s.now())
	for _, pr := range rows {
		r := pr.rec
		in := PersonInput{Name: r.Name, Email: r.Email, Department: r.Department, Title: r.Title, Location: r.Location,
			TimeZone: r.TimeZone, ManagerEmail: r.ManagerEmail, EmployeeID: r.EmployeeID}
		var personID int64
		if pr.person != nil {
			// Only the fields the file has replace what is stored.
			cur := pr.person
			keepIfAbsent := func(key string, v *string, stored string) {
				if !r.Has[key] {
					*v = stored
				}
			}
			keepIfAbsent(importer.KeyName, &in.Name, cur.Name)
			keepIfAbsent(importer.KeyDepartment, &in.Department, cur.Department)
			keepIfAbsent(importer.KeyTitle, &in.Title, cur.Title)
			keepIfAbsent(importer.KeyLocation, &in.Location, cur.Location)
			keepIfAbsent(importer.KeyTimeZone, &in.TimeZone, cur.TimeZone)
			keepIfAbsent(importer.KeyManagerEmail, &in.ManagerEmail, cur.ManagerEmail)
			keepIfAbsent(importer.KeyEmployeeID, &in.EmployeeID, cur.EmployeeID)
			in.Email = cur.Email
			if _, err := q.UpdatePerson(ctx, updatePersonParams(cur.ID, in, now)); err != nil {
				return fmt.Errorf("row %d: update person: %w", r.Row, err)
			}
			personID = cur.ID
		} else {
			p, err := q.CreatePerson(ctx, store.CreatePersonParams{Name: in.Name, Email: in.Email, Department: in.Department,
				Title: in.Title, Location: in.Location, TimeZone: in.TimeZone, ManagerEmail: in.ManagerEmail, EmployeeID: in.EmployeeID, Now: now})
			if err != nil {
				return fmt.Errorf("row %d: create person: %w", r.Row, err)
			}
			personID = p.ID
		}

		partID := pr.participantID
		if partID == 0 {
			roles := req.DefaultRoles
			if r.HasRoles {
				roles = ParticipantInput{Mentor: r.Mentor, Mentee: r.Mentee, Peer: r.Peer}
			}
			roles.Capacity, roles.Status = r.Capacity, r.Status
			roles, err := checkRoles(prog, roles)
			if err != nil {
				return &Error{Row: r.Row, Field: "roles", Message: err.Error()}
			}
			p, err := q.CreateParticipant(ctx, store.CreateParticipantParams{ProgramID: prog.ID, PersonID: personID,
				IsMentor: roles.Mentor, IsMentee: roles.Mentee, IsPeer: roles.Peer, Capacity: int64(roles.Capacity),
				Status: roles.Status, Now: now})
			if err != nil {
				return fmt.Errorf("row %d: enrol: %w", r.Row, err)
			}
			partID = p.ID
		} else if r.HasRoles || r.HasCapacity || r.Status != "" {
			cur, err := q.GetParticipant(ctx, partID)
			if err != nil {
				return fmt.Errorf("row %d: %w", r.Row, err)
			}
			roles := ParticipantInput{Mentor: cur.IsMentor, Mentee: cur.IsMentee, Peer: cur.IsPeer,
				Capacity: int(cur.Capacity), Status: cur.Status}
			if r.HasRoles {
				roles.Mentor, roles.Mentee, roles.Peer = r.Mentor, r.Mentee, r.Peer
			}
			if r.HasCapacity {
				roles.Capacity = r.Capacity
			}
			if r.Status != "" {
				roles.Status = r.Status
			}
			roles, err = checkRoles(prog, roles)
			if err != nil {
				return &Error{Row: r.Row, Field: "roles", Message: err.Error()}
			}
			if _, err := q.UpdateParticipant(ctx, store.UpdateParticipantParams{ID: partID, IsMentor: roles.Mentor,
				IsMentee: roles.Mentee, IsPeer: roles.Peer, Capacity: int64(roles.Capacity), Status: roles.Status, Now: now}); err != nil {
				return fmt.Errorf("row %d: update participant: %w", r.Row, err)
			}
		}
		for key, v := range r.Answers {
			if v.Empty() {
				continue // a blank cell leaves an earlier answer as it is
			}
			qid, _ := strconv.ParseInt(strings.TrimPrefix(key, importer.QuestionPrefix), 10, 64)
			if err := q.UpsertAnswer(ctx, store.UpsertAnswerParams{ParticipantID: partID, QuestionID: qid,
				Value: questionnaire.Encode(kinds[key], v), Now: now}); err != nil {
				return fmt.Errorf("row %d: save answer: %w", r.Row, err)
			}
		}
	}
	return nil
}
