package app

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"tandem/app/questionnaire"
	"tandem/db"
	"tandem/db/store"
)

// Question is one question of a program's registration questionnaire.
type Question struct {
	ID           int64    `json:"id"`
	ProgramID    int64    `json:"programId"`
	Position     int      `json:"position"`
	Prompt       string   `json:"prompt"`
	Help         string   `json:"help"`
	Kind         string   `json:"kind"`
	Options      []string `json:"options"`
	Audience     string   `json:"audience"`
	Required     bool     `json:"required"`
	PersonField  string   `json:"personField"`
	ScaleMin     int      `json:"scaleMin"`
	ScaleMax     int      `json:"scaleMax"`
	Rule         string   `json:"rule"`
	Weight       string   `json:"weight"`
	CustomWeight int      `json:"customWeight"`
	RuleHours    int      `json:"ruleHours"`
	ComplementID int64    `json:"complementId"`
	Answers      int      `json:"answers"`
}

// QuestionInput is what the question editor sends.
type QuestionInput struct {
	Prompt       string   `json:"prompt"`
	Help         string   `json:"help"`
	Kind         string   `json:"kind"`
	Options      []string `json:"options"`
	Audience     string   `json:"audience"`
	Required     bool     `json:"required"`
	ScaleMin     int      `json:"scaleMin"`
	ScaleMax     int      `json:"scaleMax"`
	Rule         string   `json:"rule"`
	Weight       string   `json:"weight"`
	CustomWeight int      `json:"customWeight"`
	RuleHours    int      `json:"ruleHours"`
	ComplementID int64    `json:"complementId"`
}

// Questions edits a program's questionnaire.
type Questions struct {
	ctx context.Context // the app's lifetime: every query runs under it
	db  *db.DB
	now Clock
}

// NewQuestions returns the questionnaire service.
func NewQuestions(ctx context.Context, d *db.DB, now Clock) *Questions {
	return &Questions{ctx: ctx, db: d, now: now}
}

// List returns a program's questions in order, with how many participants answered each.
func (s *Questions) List(programID int64) ([]Question, error) {
	ctx := s.ctx
	rows, err := s.db.Q.ListQuestions(ctx, programID)
	if err != nil {
		return nil, fmt.Errorf("list questions: %w", err)
	}
	out := make([]Question, 0, len(rows))
	for _, r := range rows {
		n, err := s.answerCount(ctx, r)
		if err != nil {
			return nil, fmt.Errorf("count answers: %w", err)
		}
		qd := questionDTO(r)
		qd.Answers = int(n)
		out = append(out, qd)
	}
	return out, nil
}

// Create adds a question at the end of the questionnaire.
func (s *Questions) Create(programID int64, in QuestionInput) (Question, error) {
	in, err := s.check(programID, 0, in)
	if err != nil {
		return Question{}, err
	}
	ctx := s.ctx
	var id int64
	err = s.db.InTx(ctx, func(q *store.Queries) error {
		existing, err := q.ListQuestions(ctx, programID)
		if err != nil {
			return err
		}
		opts, _ := json.Marshal(nonNil(in.Options))
		row, err := q.CreateQuestion(ctx, store.CreateQuestionParams{
			ProgramID: programID, Position: int64(len(existing) + 1), Prompt: in.Prompt, Help: in.Help, Kind: in.Kind,
			Options: string(opts), Audience: in.Audience, Required: in.Required, ScaleMin: int64(in.ScaleMin),
			ScaleMax: int64(in.ScaleMax), MatchRule: in.Rule, MatchWeight: in.Weight, CustomWeight: int64(in.CustomWeight),
			RuleHours: int64(in.RuleHours), ComplementID: nullID(in.ComplementID), Now: stamp(s.now()),
		})
		if err != nil {
			return fmt.Errorf("create question: %w", err)
		}
		id = row.ID
		return linkComplement(ctx, q, row.ID, in.ComplementID, stamp(s.now()))
	})
	if err != nil {
		return Question{}, err
	}
	return s.get(id)
}

// Update saves a question. A question answered by a person's record keeps its kind; a question
// with answers keeps its kind, and options that participants chose cannot be removed.
func (s *Questions) Update(id int64, in QuestionInput) (Question, error) {
	ctx := s.ctx
	cur, err := s.db.Q.GetQuestion(ctx, id)
	if err != nil {
		return Question{}, notFound(err, "question")
	}
	if cur.PersonField != "" {
		in.Kind, in.Options = cur.Kind, nil
	}
	in, err = s.check(cur.ProgramID, id, in)
	if err != nil {
		return Question{}, err
	}
	values, err := s.db.Q.ListQuestionAnswerValues(ctx, id)
	if err != nil {
		return Question{}, fmt.Errorf("update question: %w", err)
	}
	if len(values) > 0 && in.Kind != cur.Kind {
		return Question{}, fieldErr("kind", "%d participants answered this question, so its kind cannot change: add a new question instead", len(values))
	}
	if len(values) > 0 && (in.Kind == questionnaire.Single || in.Kind == questionnaire.Multi) {
		if err := optionsInUse(values, in.Options); err != nil {
			return Question{}, err
		}
	}
	opts, _ := json.Marshal(nonNil(in.Options))
	err = s.db.InTx(ctx, func(q *store.Queries) error {
		if _, err := q.UpdateQuestion(ctx, store.UpdateQuestionParams{
			ID: id, Prompt: in.Prompt, Help: in.Help, Kind: in.Kind, Options: string(opts), Audience: in.Audience,
			Required: in.Required, ScaleMin: int64(in.ScaleMin), ScaleMax: int64(in.ScaleMax), MatchRule: in.Rule,
			MatchWeight: in.Weight, CustomWeight: int64(in.CustomWeight), RuleHours: int64(in.RuleHours),
			ComplementID: nullID(in.ComplementID), Now: stamp(s.now()),
		}); err != nil {
			return fmt.Errorf("update question: %w", err)
		}
		return linkComplement(ctx, q, id, in.ComplementID, stamp(s.now()))
	})
	if err != nil {
		return Question{}, err
	}
	return s.get(id)
}

// Delete removes a question and its answers (the UI asks first, saying how many there are).
func (s *Questions) Delete(id int64) error {
	ctx := s.ctx
	return s.db.InTx(ctx, func(q *store.Queries) error {
		cur, err := q.GetQuestion(ctx, id)
		if err != nil {
			return notFound(err, "question")
		}
		if err := q.DeleteQuestion(ctx, id); err != nil {
			return fmt.Errorf("delete question: %w", err)
		}
		return renumber(ctx, q, cur.ProgramID, nil)
	})
}

// Reorder puts the program's questions in the order of ids (every question exactly once).
func (s *Questions) Reorder(programID int64, ids []int64) ([]Question, error) {
	ctx := s.ctx
	err := s.db.InTx(ctx, func(q *store.Queries) error { return renumber(ctx, q, programID, ids) })
	if err != nil {
		return nil, err
	}
	return s.List(programID)
}

func renumber(ctx context.Context, q *store.Queries, programID int64, order []int64) error {
	rows, err := q.ListQuestions(ctx, programID)
	if err != nil {
		return fmt.Errorf("reorder questions: %w", err)
	}
	if order == nil {
		for _, r := range rows {
			order = append(order, r.ID)
		}
	}
	if len(order) != len(rows) {
		return &Error{Message: "The questionnaire changed meanwhile: reload and try again"}
	}
	known := map[int64]bool{}
	for _, r := range rows {
		known[r.ID] = true
	}
	for i, id := range order {
		if !known[id] {
			return &Error{Message: "The questionnaire changed meanwhile: reload and try again"}
		}
		delete(known, id)
		if err := q.SetQuestionPosition(ctx, store.SetQuestionPositionParams{ID: id, Position: int64(i + 1)}); err != nil {
			return fmt.Errorf("reorder questions: %w", err)
		}
	}
	return nil
}

func (s *Questions) get(id int64) (Question, error) {
	row, err := s.db.Q.GetQuestion(s.ctx, id)
	if err != nil {
		return Question{}, notFound(err, "question")
	}
	n, err := s.answerCount(s.ctx, row)
	if err != nil {
		return Question{}, fmt.Errorf("count answers: %w", err)
	}
	qd := questionDTO(row)
	qd.Answers = int(n)
	return qd, nil
}

// answerCount is how many participants answered: stored answers, or for a question answered
// by the person's record, the participants whose record has that field.
func (s *Questions) answerCount(ctx context.Context, r store.Question) (int64, error) {
	if r.PersonField != "" {
		return s.db.Q.CountPersonFieldAnswers(ctx, store.CountPersonFieldAnswersParams{ProgramID: r.ProgramID, Field: r.PersonField})
	}
	return s.db.Q.CountQuestionAnswers(ctx, r.ID)
}

func (s *Questions) check(programID, selfID int64, in QuestionInput) (QuestionInput, error) {
	in.Prompt = strings.TrimSpace(in.Prompt)
	in.Help = strings.TrimSpace(in.Help)
	for i := range in.Options {
		in.Options[i] = strings.TrimSpace(in.Options[i])
	}
	if in.Audience == "" {
		in.Audience = "everyone"
	}
	if in.Rule == "" {
		in.Rule = "none"
	}
	if in.Weight == "" {
		in.Weight = "medium"
	}
	if in.Kind != questionnaire.Single && in.Kind != questionnaire.Multi {
		in.Options = nil
	}
	if in.Kind != questionnaire.Scale {
		in.ScaleMin, in.ScaleMax = 1, 5
	}
	if in.Rule != "complement" {
		in.ComplementID = 0
	}
	field, err := questionnaire.Check(specOf(in))
	if field == "scale" {
		field = "scaleMax" // the form's field beside which the message shows
	}
	if err != nil {
		return in, fieldErr(field, "%s", upperFirst(err.Error()))
	}
	if len([]rune(in.Help)) > 500 {
		return in, fieldErr("help", "The help text is longer than 500 characters")
	}
	rows, err := s.db.Q.ListQuestions(s.ctx, programID)
	if err != nil {
		return in, fmt.Errorf("check question: %w", err)
	}
	for _, r := range rows {
		if r.ID != selfID && strings.EqualFold(r.Prompt, in.Prompt) {
			return in, fieldErr("prompt", "This questionnaire already asks %q", r.Prompt)
		}
	}
	if in.Rule == "complement" && in.ComplementID != 0 {
		ok := false
		for _, r := range rows {
			if r.ID == in.ComplementID && r.ID != selfID && (r.Kind == questionnaire.Multi || r.Kind == questionnaire.Single) {
				ok = true
			}
		}
		if !ok {
			return in, fieldErr("complementId", "Pair this question with another choice question of the same program")
		}
	}
	return in, nil
}

// linkComplement makes an offers<->wants link two-way: the partner points back at id.
func linkComplement(ctx context.Context, q *store.Queries, id, partner int64, now string) error {
	if partner == 0 {
		return nil
	}
	row, err := q.GetQuestion(ctx, partner)
	if err != nil {
		return notFound(err, "question it pairs with")
	}
	if row.ComplementID.Valid && row.ComplementID.Int64 == id && row.MatchRule == "complement" {
		return nil
	}
	p := updateQuestionParams(row)
	p.MatchRule, p.ComplementID, p.Now = "complement", nullID(id), now
	_, err = q.UpdateQuestion(ctx, p)
	return err
}

func optionsInUse(values []string, options []string) error {
	allowed := map[string]bool{}
	for _, o := range options {
		allowed[strings.ToLower(o)] = true
	}
	used := map[string]int{}
	for _, raw := range values {
		v := questionnaire.Decode(raw)
		for _, c := range append(v.Choices, v.Text) {
			if c != "" && !allowed[strings.ToLower(c)] {
				used[c]++
			}
		}
	}
	for o, n := range used {
		return fieldErr("options", "%q was chosen by %d participants: keep it, or change their answers first", o, n)
	}
	return nil
}

func specOf(in QuestionInput) questionnaire.Spec {
	return questionnaire.Spec{Prompt: in.Prompt, Kind: in.Kind, Options: in.Options, Audience: in.Audience, Required: in.Required,
		ScaleMin: in.ScaleMin, ScaleMax: in.ScaleMax, Rule: in.Rule, Weight: in.Weight, CustomWeight: in.CustomWeight, RuleHours: in.RuleHours}
}

// specOfRow is the questionnaire.Spec of a stored question.
func specOfRow(r store.Question) questionnaire.Spec {
	return questionnaire.Spec{Prompt: r.Prompt, Kind: r.Kind, Options: decodeOptions(r.Options), Audience: r.Audience,
		Required: r.Required, PersonField: r.PersonField, ScaleMin: int(r.ScaleMin), ScaleMax: int(r.ScaleMax),
		Rule: r.MatchRule, Weight: r.MatchWeight, CustomWeight: int(r.CustomWeight), RuleHours: int(r.RuleHours)}
}

func questionDTO(r store.Question) Question {
	return Question{ID: r.ID, ProgramID: r.ProgramID, Position: int(r.Position), Prompt: r.Prompt, Help: r.Help, Kind: r.Kind,
		Options: decodeOptions(r.Options), Audience: r.Audience, Required: r.Required, PersonField: r.PersonField,
		ScaleMin: int(r.ScaleMin), ScaleMax: int(r.ScaleMax), Rule: r.MatchRule, Weight: r.MatchWeight,
		CustomWeight: int(r.CustomWeight), RuleHours: int(r.RuleHours), ComplementID: r.ComplementID.Int64}
}

func updateQuestionParams(r store.Question) store.UpdateQuestionParams {
	return store.UpdateQuestionParams{ID: r.ID, Prompt: r.Prompt, Help: r.Help, Kind: r.Kind, Options: r.Options,
		Audience: r.Audience, Required: r.Required, ScaleMin: r.ScaleMin, ScaleMax: r.ScaleMax, MatchRule: r.MatchRule,
		MatchWeight: r.MatchWeight, CustomWeight: r.CustomWeight, RuleHours: r.RuleHours, ComplementID: r.ComplementID, Now: r.UpdatedAt}
}

func decodeOptions(raw string) []string {
	var out []string
	if err := json.Unmarshal([]byte(raw), &out); err != nil || out == nil {
		return []string{}
	}
	return out
}
