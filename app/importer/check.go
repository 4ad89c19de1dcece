package importer

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"tandem/app/questionnaire"
	"tandem/app/status"
	"tandem/app/validate"
)

// maxValueRunes is how much of an offending cell a RowError repeats.
const maxValueRunes = 80

// column is one mapped column as Validate uses it.
type column struct {
	index  int
	header string
	key    string
	label  string
	spec   *questionnaire.Spec // non-nil for a question
}

// Validate checks every row and returns the valid records and every problem (all of them,
// not just the first of a row), ordered by row, then column. A row with any problem yields no
// Record. Blank rows are skipped.
//
// If the mapping itself is unusable — no column mapped to email, a key that is not among
// targets, two columns mapped to one target — Validate returns no records and the mapping's
// problems, on row 1.
func Validate(t Table, m Mapping, targets []Target) ([]Record, []RowError) {
	cols, setup := mapColumns(t.Headers, m, targets)
	if len(setup) > 0 {
		return nil, setup
	}
	var person [personCount]*column // by personIndex
	var questions []*column
	has := map[string]bool{}
	for i := range cols {
		c := &cols[i]
		has[c.key] = true
		if c.spec != nil {
			questions = append(questions, c)
		} else {
			person[personIndex[c.key]] = c
		}
	}

	var records []Record
	var problems []RowError
	seen := map[string]int{} // lower-case email → first row
	type problem struct {
		col int
		err RowError
	}
	var rowProblems []problem
	for i, row := range t.Rows {
		if blank(row) {
			continue
		}
		num := t.RowNumber(i)
		rowProblems = rowProblems[:0]
		fail := func(c *column, field, value, reason string) {
			p := problem{col: -1, err: RowError{Row: num, Field: field, Value: truncate(value), Reason: reason}}
			if c != nil {
				p.col, p.err.Column = c.index, c.header
			}
			rowProblems = append(rowProblems, p)
		}
		cell := func(c *column) string {
			if c == nil || c.index >= len(row) {
				return ""
			}
			return trimCell(row[c.index])
		}
		rec := Record{Row: num, Has: make(map[string]bool, len(has))}
		for k := range has {
			rec.Has[k] = true
		}

		// Name: required, whether or not a column is mapped to it.
		nameCol := person[idxName]
		rec.Name = cell(nameCol)
		if rec.Name == "" {
			fail(nameCol, "Name", "", "a name is required")
		} else if err := validate.Text(rec.Name, 200); err != nil {
			fail(nameCol, nameCol.label, rec.Name, cellReason(err))
		}

		// Email: required and unique in the file.
		emailCol := person[idxEmail]
		rec.Email = validate.NormalizeEmail(cell(emailCol))
		if err := validate.Email(rec.Email); err != nil {
			fail(emailCol, emailCol.label, rec.Email, err.Error())
		} else {
			key := strings.ToLower(rec.Email)
			if first, dup := seen[key]; dup {
				fail(emailCol, emailCol.label, rec.Email, fmt.Sprintf("%s is also on row %d", rec.Email, first))
			} else {
				seen[key] = num
			}
		}

		// Plain text fields.
		for _, f := range []struct {
			idx int
			dst *string
		}{
			{idxDepartment, &rec.Department},
			{idxTitle, &rec.Title},
			{idxLocation, &rec.Location},
			{idxEmployeeID, &rec.EmployeeID},
		} {
			c := person[f.idx]
			if c == nil {
				continue
			}
			*f.dst = cell(c)
			if err := validate.Text(*f.dst, 200); err != nil {
				fail(c, c.label, *f.dst, cellReason(err))
			}
		}

		if c := person[idxTimeZone]; c != nil {
			rec.TimeZone = cell(c)
			if err := validate.TimeZone(rec.TimeZone); err != nil {
				fail(c, c.label, rec.TimeZone, err.Error())
			}
		}

		if c := person[idxManagerEmail]; c != nil {
			rec.ManagerEmail = validate.NormalizeEmail(cell(c))
			if rec.ManagerEmail != "" {
				if err := validate.Email(rec.ManagerEmail); err != nil {
					fail(c, c.label, rec.ManagerEmail, err.Error())
				}
			}
		}

		if c := person[idxRoles]; c != nil {
			v := cell(c)
			mentor, mentee, peer, err := parseRoles(v)
			if err != nil {
				fail(c, c.label, v, err.Error())
			} else {
				rec.Mentor, rec.Mentee, rec.Peer = mentor, mentee, peer
				rec.HasRoles = mentor || mentee || peer
			}
		}

		if c := person[idxCapacity]; c != nil {
			v := cell(c)
			if v != "" {
				n, ok := parseCapacity(v)
				if !ok {
					fail(c, c.label, v, fmt.Sprintf("%q is not a whole number from 0 to 50", v))
				} else {
					rec.Capacity, rec.HasCapacity = n, true
				}
			}
		}

		if c := person[idxStatus]; c != nil {
			v := cell(c)
			switch s := status.Participant(strings.ToLower(v)); s {
			case "", status.ParticipantActive, status.ParticipantPaused, status.ParticipantWithdrawn:
				rec.Status = s
			default:
				fail(c, c.label, v, fmt.Sprintf("%q is not a status; write active, paused or withdrawn", v))
			}
		}

		// Questions. A required question is only required of the rows it is asked of.
		if len(questions) > 0 {
			rec.Answers = make(map[string]questionnaire.Value, len(questions))
		}
		for _, c := range questions {
			spec := *c.spec
			if spec.Required && spec.Audience != "everyone" && spec.Audience != "" {
				spec.Required = rec.HasRoles && questionnaire.Applies(spec.Audience, rec.Mentor, rec.Mentee, rec.Peer)
			}
			v := cell(c)
			var in questionnaire.Value
			if spec.Kind == questionnaire.Multi {
				in.Choices = splitChoices(v, spec.Options)
			} else {
				in.Text = v
			}
			out, err := questionnaire.CheckAnswer(spec, in)
			if err != nil {
				fail(c, c.label, v, cellReason(err))
				continue
			}
			rec.Answers[c.key] = out
		}

		if len(rowProblems) == 0 {
			records = append(records, rec)
			continue
		}
		sort.SliceStable(rowProblems, func(a, b int) bool { return rowProblems[a].col < rowProblems[b].col })
		for _, p := range rowProblems {
			problems = append(problems, p.err)
		}
	}
	return records, problems
}

// Indexes of the person keys, for a fixed-size lookup.
const (
	idxName = iota
	idxEmail
	idxDepartment
	idxTitle
	idxLocation
	idxTimeZone
	idxManagerEmail
	idxEmployeeID
	idxRoles
	idxCapacity
	idxStatus
	personCount
)

var personIndex = map[string]int{
	KeyName: idxName, KeyEmail: idxEmail, KeyDepartment: idxDepartment, KeyTitle: idxTitle,
	KeyLocation: idxLocation, KeyTimeZone: idxTimeZone, KeyManagerEmail: idxManagerEmail,
	KeyEmployeeID: idxEmployeeID, KeyRoles: idxRoles, KeyCapacity: idxCapacity, KeyStatus: idxStatus,
}

// mapColumns resolves the mapping against the targets. Person keys missing from targets are
// taken from PersonTargets; a question target without a Spec is free text.
func mapColumns(headers []string, m Mapping, targets []Target) ([]column, []RowError) {
	byKey := map[string]Target{}
	for _, t := range targets {
		if _, dup := byKey[t.Key]; !dup && t.Key != "" {
			byKey[t.Key] = t
		}
	}
	for _, t := range PersonTargets() {
		if _, ok := byKey[t.Key]; !ok {
			byKey[t.Key] = t
		}
	}
	type setupErr struct {
		col int
		err RowError
	}
	var errs []setupErr
	var cols []column
	taken := map[string]int{}
	for i := 0; i < len(m) && i < len(headers); i++ {
		key := m[i]
		if key == "" {
			continue
		}
		t, ok := byKey[key]
		_, isPerson := personIndex[key]
		if ok && t.Question == nil && !isPerson && strings.HasPrefix(key, QuestionPrefix) {
			t.Question = &questionnaire.Spec{Prompt: t.Label, Kind: questionnaire.Text, Audience: "everyone"}
		}
		if !ok || t.Question == nil && !isPerson {
			errs = append(errs, setupErr{i, RowError{Row: 1, Column: headers[i], Value: truncate(key),
				Reason: fmt.Sprintf("the column is mapped to %q, which is not a field of this program", key)}})
			continue
		}
		label := t.Label
		if label == "" {
			label = key
		}
		if prev, dup := taken[key]; dup {
			errs = append(errs, setupErr{i, RowError{Row: 1, Column: headers[i], Field: label,
				Reason: fmt.Sprintf("the columns %q and %q are both mapped to %s; map only one", headers[prev], headers[i], label)}})
			continue
		}
		taken[key] = i
		c := column{index: i, header: headers[i], key: key, label: label}
		if !isPerson {
			c.spec = t.Question
		}
		cols = append(cols, c)
	}
	if _, ok := taken[KeyEmail]; !ok {
		errs = append(errs, setupErr{-1, RowError{Row: 1, Reason: "no column is mapped to Email: Tandem finds people by email"}})
	}
	sort.SliceStable(errs, func(a, b int) bool { return errs[a].col < errs[b].col })
	out := make([]RowError, len(errs))
	for i, e := range errs {
		out[i] = e.err
	}
	return cols, out
}

// parseRoles reads a roles cell such as "Mentor, Mentee", "mentor and peer" or "Both". Each
// part containing "peer" means peer, else "mentee" mentee, else "mentor" mentor; "both" is
// mentor and mentee. An empty cell gives no roles and no error.
func parseRoles(s string) (mentor, mentee, peer bool, err error) {
	parts := strings.FieldsFunc(s, func(r rune) bool {
		switch r {
		case ',', ';', '/', '|', '\n', '&', '+':
			return true
		}
		return false
	})
	for _, part := range parts {
		for _, tok := range splitWord(part, "and") {
			low := strings.ToLower(tok)
			switch {
			case low == "both":
				mentor, mentee = true, true
			case strings.Contains(low, "peer"):
				peer = true
			case strings.Contains(low, "mentee"):
				mentee = true
			case strings.Contains(low, "mentor"):
				mentor = true
			default:
				return false, false, false, fmt.Errorf("%q is not a role; write mentor, mentee or peer", tok)
			}
		}
	}
	if peer && !mentor && !mentee {
		return false, false, false, fmt.Errorf("a peer must also be a mentor or a mentee")
	}
	return mentor, mentee, peer, nil
}

// splitWord splits s at the whole word w (any case) and returns the trimmed, non-empty pieces.
func splitWord(s, w string) []string {
	var out []string
	var cur []string
	for _, f := range strings.Fields(s) {
		if strings.EqualFold(f, w) {
			if len(cur) > 0 {
				out = append(out, strings.Join(cur, " "))
			}
			cur = cur[:0]
			continue
		}
		cur = append(cur, f)
	}
	if len(cur) > 0 {
		out = append(out, strings.Join(cur, " "))
	}
	return out
}

// parseCapacity reads a whole number from 0 to 50; "3.0" (a spreadsheet's number) is 3.
func parseCapacity(s string) (int, bool) {
	if n, err := strconv.Atoi(s); err == nil {
		return n, n >= 0 && n <= 50
	}
	f, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	if err != nil || f != math.Trunc(f) || f < 0 || f > 50 {
		return 0, false
	}
	return int(f), true
}

// splitChoices turns a multiple-choice cell into its choices. A cell that is one option is one
// choice. Otherwise the cell is read left to right: where an option starts (the longest one,
// any case) and is followed by the end or a separator, that option is a choice, commas inside
// it and all; elsewhere a choice runs to the next separator. Separators are ; | and line
// breaks (Microsoft Forms, Excel) and commas (Google Forms). Empty pieces are dropped.
func splitChoices(cell string, options []string) []string {
	cell = trimCell(cell)
	if cell == "" {
		return nil
	}
	for _, o := range options {
		if strings.EqualFold(strings.TrimSpace(o), cell) {
			return []string{cell}
		}
	}
	var out []string
	s := cell
	for {
		s = strings.TrimLeft(s, " \t")
		if s == "" {
			return out
		}
		if isChoiceSep(s[0]) {
			s = s[1:]
			continue
		}
		best := 0
		for _, o := range options {
			o = strings.TrimSpace(o)
			if len(o) <= best || len(o) > len(s) || !strings.EqualFold(s[:len(o)], o) {
				continue
			}
			if rest := strings.TrimLeft(s[len(o):], " \t"); rest == "" || isChoiceSep(rest[0]) {
				best = len(o)
			}
		}
		if best > 0 {
			out = append(out, s[:best])
			s = s[best:]
			continue
		}
		j := strings.IndexFunc(s, func(r rune) bool { return r < 0x80 && isChoiceSep(byte(r)) })
		if j < 0 {
			j = len(s)
		}
		if tok := trimCell(s[:j]); tok != "" {
			out = append(out, tok)
		}
		s = s[j:]
	}
}

func isChoiceSep(b byte) bool { return b == ',' || b == ';' || b == '|' || b == '\n' }

// cellReason makes a sentence of a check's message that lacks its subject ("is 300 characters
// long; at most 200" becomes "the cell is 300 characters long; at most 200").
func cellReason(err error) string {
	msg := err.Error()
	if strings.HasPrefix(msg, "is ") || strings.HasPrefix(msg, "contains ") {
		return "the cell " + msg
	}
	return msg
}

// truncate shortens s to maxValueRunes runes, ending in "…" when cut.
func truncate(s string) string {
	if len(s) <= maxValueRunes {
		return s
	}
	r := []rune(s)
	if len(r) <= maxValueRunes {
		return s
	}
	return string(r[:maxValueRunes-1]) + "…"
}
