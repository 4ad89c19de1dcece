package app

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/csv"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"tandem/app/importer"
	"tandem/app/questionnaire"
	"tandem/db"
	"tandem/db/store"
)

// ImportTarget is a field a column of the file can map to.
type ImportTarget struct {
	Key      string `json:"key"`
	Label    string `json:"label"`
	Group    string `json:"group"` // "Person", "Participant" or "Questionnaire"
	Required bool   `json:"required"`
}

// ImportFile is a parsed file with the suggested mapping of its columns.
type ImportFile struct {
	FileName   string         `json:"fileName"`
	Headers    []string       `json:"headers"`
	Rows       [][]string     `json:"rows"`
	RowNumbers []int          `json:"rowNumbers"`
	Mapping    []string       `json:"mapping"`
	Targets    []ImportTarget `json:"targets"`
	// Warnings are the fields that several columns are called by, of which the suggested
	// mapping uses one and ignores the others.
	Warnings []ImportWarning `json:"warnings"`
}

// ImportWarning says that columns called like a field are ignored: only Used fills it.
type ImportWarning struct {
	Key     string `json:"key"`     // the field
	Used    int    `json:"used"`    // the column that fills it
	Ignored []int  `json:"ignored"` // the columns called like it that are ignored
	Message string `json:"message"` // e.g. "Two columns are called "Email": column C is used, column F is ignored"
}

// ImportRequest is a file (as read, possibly corrected by the admin) with its mapping.
type ImportRequest struct {
	ProgramID  int64      `json:"programId"`
	Headers    []string   `json:"headers"`
	Rows       [][]string `json:"rows"`
	RowNumbers []int      `json:"rowNumbers"`
	Mapping    []string   `json:"mapping"`
	// DefaultRoles apply to new participants whose row names no role.
	DefaultRoles ParticipantInput `json:"defaultRoles"`
	// SkipRows are row numbers the admin chose to leave out.
	SkipRows []int `json:"skipRows"`
}

// ImportProblem is one bad cell or row.
type ImportProblem struct {
	Row    int    `json:"row"`
	Column string `json:"column"`
	Field  string `json:"field"`
	Value  string `json:"value"`
	Reason string `json:"reason"`
}

// ImportPreview says what an import would do, and every problem that stops it.
type ImportPreview struct {
	Problems            []ImportProblem `json:"problems"`
	BadRows             []int           `json:"badRows"`
	Valid               int             `json:"valid"`
	Skipped             int             `json:"skipped"`
	NewPeople           int             `json:"newPeople"`
	UpdatedPeople       int             `json:"updatedPeople"`
	NewParticipants     int             `json:"newParticipants"`
	UpdatedParticipants int             `json:"updatedParticipants"`
}

// Imports reads registration files, previews and imports them, and exports participants.
type Imports struct {
	ctx context.Context // the app's lifetime: every query runs under it
	db  *db.DB
	now Clock
	ui  UI

	afterChunk func() // tests: runs between an import's transactions
}

// NewImports returns the import/export service.
func NewImports(ctx context.Context, d *db.DB, now Clock) *Imports {
	return &Imports{ctx: ctx, db: d, now: now, ui: noUI{}}
}

// Read parses an uploaded file (base64 bytes) and suggests a mapping for its columns.
func (s *Imports) Read(programID int64, fileName, data string) (ImportFile, error) {
	raw, err := base64.StdEncoding.DecodeString(data)
	if err != nil {
		return ImportFile{}, &Error{Field: "file", Message: "The file could not be read: " + err.Error()}
	}
	t, err := importer.Read(fileName, raw)
	if err != nil {
		return ImportFile{}, &Error{Field: "file", Message: upperFirst(err.Error())}
	}
	targets, err := s.targets(programID)
	if err != nil {
		return ImportFile{}, err
	}
	rn := t.RowNumbers
	if len(rn) != len(t.Rows) {
		rn = make([]int, len(t.Rows))
		for i := range rn {
			rn[i] = t.RowNumber(i)
		}
	}
	out := ImportFile{FileName: fileName, Headers: t.Headers, Rows: t.Rows, RowNumbers: rn,
		Mapping: importer.AutoMap(t.Headers, targets), Targets: make([]ImportTarget, 0, len(targets)), Warnings: []ImportWarning{}}
	for _, w := range importer.DuplicateColumns(t.Headers, out.Mapping, targets) {
		out.Warnings = append(out.Warnings, ImportWarning{Key: w.Key, Used: w.Used, Ignored: w.Ignored, Message: upperFirst(w.Message)})
	}
	for _, tg := range targets {
		it := ImportTarget{Key: tg.Key, Label: tg.Label, Group: "Person", Required: tg.Key == importer.KeyEmail || tg.Key == importer.KeyName}
		switch {
		case tg.Question != nil:
			it.Group, it.Required = "Questionnaire", tg.Question.Required
		case tg.Key == importer.KeyRoles || tg.Key == importer.KeyCapacity || tg.Key == importer.KeyStatus:
			it.Group = "Participant"
		}
		out.Targets = append(out.Targets, it)
	}
	return out, nil
}

// Preview checks the whole file and says what Import would do; it writes nothing.
func (s *Imports) Preview(req ImportRequest) (ImportPreview, error) {
	p, _, err := s.plan(s.ctx, s.db.Q, req)
	return p, err
}

// plannedRow is a valid record and what it will do.
type plannedRow struct {
	rec           importer.Record
	person        *store.Person // nil: new person
	participantID int64         // 0: new participant
}

func (s *Imports) plan(ctx context.Context, q *store.Queries, req ImportRequest) (ImportPreview, []plannedRow, error) {
	prog, err := q.GetProgram(ctx, req.ProgramID)
	if err != nil {
		return ImportPreview{}, nil, notFound(err, "program")
	}
	targets, err := s.targets(req.ProgramID)
	if err != nil {
		return ImportPreview{}, nil, err
	}
	skip := map[int]bool{}
	for _, r := range req.SkipRows {
		skip[r] = true
	}
	t := importer.Table{Headers: req.Headers}
	for i, row := range req.Rows {
		n := i + 2
		if i < len(req.RowNumbers) {
			n = req.RowNumbers[i]
		}
		if skip[n] {
			continue
		}
		t.Rows = append(t.Rows, row)
		t.RowNumbers = append(t.RowNumbers, n)
	}
	recs, problems := importer.Validate(t, importer.Mapping(req.Mapping), targets)
	out := ImportPreview{Skipped: len(req.Rows) - len(t.Rows), Problems: []ImportProblem{}, BadRows: []int{}}
	for _, p := range problems {
		out.Problems = append(out.Problems, ImportProblem{Row: p.Row, Column: p.Column, Field: p.Field, Value: p.Value, Reason: upperFirst(p.Reason)})
	}

	enrolled, err := q.ListProgramEnrolments(ctx, req.ProgramID)
	if err != nil {
		return out, nil, fmt.Errorf("import: %w", err)
	}
	byEmail := map[string]int64{}
	for _, e := range enrolled {
		byEmail[strings.ToLower(e.Email)] = e.ID
	}
	var planned []plannedRow
	for _, r := range recs {
		pr := plannedRow{rec: r, participantID: byEmail[strings.ToLower(r.Email)]}
		if p, err := q.GetPersonByEmail(ctx, r.Email); err == nil {
			pr.person = &p
		} else if !db.IsNotFound(err) {
			return out, nil, fmt.Errorf("import: %w", err)
		}
		roles := req.DefaultRoles
		if r.HasRoles {
			roles = ParticipantInput{Mentor: r.Mentor, Mentee: r.Mentee, Peer: r.Peer}
		}
		if r.HasRoles || pr.participantID == 0 {
			if _, err := checkRoles(prog, roles); err != nil {
				var e *Error
				if errors.As(err, &e) {
					out.Problems = append(out.Problems, ImportProblem{Row: r.Row, Column: columnOf(req, importer.KeyRoles), Field: "Roles",
						Reason: e.Message + rolesHint(r.HasRoles)})
					continue
				}
				return out, nil, err
			}
		}
		planned = append(planned, pr)
	}
	bad := map[int]bool{}
	for _, p := range out.Problems {
		bad[p.Row] = true
	}
	for r := range bad {
		out.BadRows = append(out.BadRows, r)
	}
	sort.Ints(out.BadRows)
	sort.SliceStable(out.Problems, func(i, j int) bool { return out.Problems[i].Row < out.Problems[j].Row })
	keep := planned[:0]
	for _, pr := range planned {
		if bad[pr.rec.Row] {
			continue
		}
		keep = append(keep, pr)
		out.Valid++
		if pr.person == nil {
			out.NewPeople++
		} else {
			out.UpdatedPeople++
		}
		if pr.participantID == 0 {
			out.NewParticipants++
		} else {
			out.UpdatedParticipants++
		}
	}
	return out, keep, nil
}

func rolesHint(hasRoles bool) string {
	if hasRoles {
		return ""
	}
	return " (this row names no role, so the default roles of the import apply)"
}

// targets are the person fields and the program's questions (those not answered by the
// person's record, which are person fields already).
func (s *Imports) targets(programID int64) ([]importer.Target, error) {
	qs, err := s.db.Q.ListQuestions(s.ctx, programID)
	if err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	targets := importer.PersonTargets()
	for _, q := range qs {
		if q.PersonField != "" {
			continue
		}
		spec := specOfRow(q)
		targets = append(targets, importer.Target{Key: importer.QuestionPrefix + strconv.FormatInt(q.ID, 10), Label: q.Prompt, Question: &spec})
	}
	return targets, nil
}

func columnOf(req ImportRequest, key string) string {
	for i, k := range req.Mapping {
		if k == key && i < len(req.Headers) {
			return req.Headers[i]
		}
	}
	return ""
}

// ExportCSV returns the program's participants with their answers as CSV. Cells that a
// spreadsheet would run as a formula (= + - @ tab CR) are neutralised with a leading quote.
func (s *Imports) ExportCSV(programID int64) (string, error) {
	ctx := s.ctx
	qs, err := s.db.Q.ListQuestions(ctx, programID)
	if err != nil {
		return "", fmt.Errorf("export: %w", err)
	}
	rows, err := s.db.Q.ListParticipantRows(ctx, programID)
	if err != nil {
		return "", fmt.Errorf("export: %w", err)
	}
	answers, err := s.db.Q.ListProgramAnswers(ctx, programID)
	if err != nil {
		return "", fmt.Errorf("export: %w", err)
	}
	byPart := map[int64]map[int64]string{}
	for _, a := range answers {
		if byPart[a.ParticipantID] == nil {
			byPart[a.ParticipantID] = map[int64]string{}
		}
		byPart[a.ParticipantID][a.QuestionID] = a.Value
	}
	var buf bytes.Buffer
	buf.WriteString("\ufeff") // Excel reads UTF-8 only with a byte-order mark
	w := csv.NewWriter(&buf)
	header := []string{"Name", "Email", "Department", "Title", "Location", "Time zone", "Manager email", "Employee ID", "Roles", "Capacity", "Status"}
	for _, q := range qs {
		if q.PersonField == "" {
			header = append(header, q.Prompt)
		}
	}
	w.Write(safeRow(header)) //nolint:errcheck // errors surface at Flush
	for _, r := range rows {
		var roles []string
		if r.IsMentor {
			roles = append(roles, "Mentor")
		}
		if r.IsMentee {
			roles = append(roles, "Mentee")
		}
		if r.IsPeer {
			roles = append(roles, "Peer")
		}
		rec := []string{r.Name, r.Email, r.Department, r.Title, r.Location, r.TimeZone, r.ManagerEmail, r.EmployeeID,
			strings.Join(roles, "; "), strconv.FormatInt(r.Capacity, 10), string(r.Status)}
		for _, q := range qs {
			if q.PersonField != "" {
				continue
			}
			v := ""
			if raw, ok := byPart[r.ID][q.ID]; ok {
				d := questionnaire.Decode(raw)
				v = d.Text
				if d.Choices != nil {
					v = strings.Join(d.Choices, "; ")
				}
			}
			rec = append(rec, v)
		}
		w.Write(safeRow(rec)) //nolint:errcheck // errors surface at Flush
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return "", fmt.Errorf("export: %w", err)
	}
	return buf.String(), nil
}

// SaveExport asks where to save the CSV export (desktop window only) and writes it. It returns
// the path written, or "" when the admin cancelled.
func (s *Imports) SaveExport(programID int64) (string, error) {
	text, err := s.ExportCSV(programID)
	if err != nil {
		return "", err
	}
	prog, err := s.db.Q.GetProgram(s.ctx, programID)
	if err != nil {
		return "", fmt.Errorf("export: %w", err)
	}
	path, err := s.ui.SaveFile(safeFileName(prog.Name)+" participants.csv", "CSV files (*.csv)", "*.csv")
	if err != nil || path == "" {
		return "", err
	}
	if err := writeFileAtomic(path, []byte(text)); err != nil {
		return "", fmt.Errorf("save export: %w", err)
	}
	return path, nil
}

// safeRow neutralises cells a spreadsheet would evaluate as formulas.
func safeRow(rec []string) []string {
	out := make([]string, len(rec))
	for i, c := range rec {
		if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
			c = "'" + c
		}
		out[i] = c
	}
	return out
}

func safeFileName(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < 32 {
			return '-'
		}
		return r
	}, s)
}
