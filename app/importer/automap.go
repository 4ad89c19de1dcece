package importer

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
)

// Keys of the person targets.
const (
	KeyName         = "name"
	KeyEmail        = "email"
	KeyDepartment   = "department"
	KeyTitle        = "title"
	KeyLocation     = "location"
	KeyTimeZone     = "time_zone"
	KeyManagerEmail = "manager_email"
	KeyEmployeeID   = "employee_id"
	KeyRoles        = "roles"
	KeyCapacity     = "capacity"
	KeyStatus       = "status"
)

// QuestionPrefix starts the Target.Key of a question: "q:" followed by the question's id.
const QuestionPrefix = "q:"

// PersonTargets returns the fixed targets — name, email, department, title, location,
// time_zone, manager_email, employee_id, roles, capacity and status, in that order — with the
// English headers that form tools and HR exports commonly use as aliases.
func PersonTargets() []Target {
	return []Target{
		{Key: KeyName, Label: "Name", Aliases: []string{"Full name", "Name", "First and last name", "Your name", "Your full name", "Participant name", "Employee name", "Display name", "Preferred name"}},
		{Key: KeyEmail, Label: "Email", Aliases: []string{"Email address", "Work email", "E-mail", "E-mail address", "Work email address", "Your email", "Your email address", "Business email", "Mail", "Email ID"}},
		{Key: KeyDepartment, Label: "Department", Aliases: []string{"Team", "Dept", "Department name", "Your department", "Your team", "Business unit", "Division", "Unit"}},
		{Key: KeyTitle, Label: "Title", Aliases: []string{"Job title", "Role title", "Job role", "Position", "Job", "Job position", "Your job title", "Designation"}},
		{Key: KeyLocation, Label: "Location", Aliases: []string{"Office", "City", "Site", "Office location", "Work location", "Country", "Where are you based", "Based in"}},
		{Key: KeyTimeZone, Label: "Time zone", Aliases: []string{"Timezone", "Time zone", "TZ", "Your time zone", "Time-zone"}},
		{Key: KeyManagerEmail, Label: "Manager email", Aliases: []string{"Manager", "Manager email", "Manager's email", "Manager email address", "Manager's email address", "Line manager", "Line manager email", "Line manager's email", "Supervisor email", "Reports to"}},
		{Key: KeyEmployeeID, Label: "Employee ID", Aliases: []string{"Employee ID", "Employee number", "Staff ID", "Staff number", "Employee no", "Employee #", "Personnel number", "Emp ID", "Worker ID"}},
		{Key: KeyRoles, Label: "Roles", Aliases: []string{"Role", "Roles", "Register as", "I want to join as", "I want to join the program as", "Join as", "Participate as", "Participating as", "Mentor or mentee", "Mentor/mentee", "Program role"}},
		{Key: KeyCapacity, Label: "Capacity", Aliases: []string{"Capacity", "Mentor capacity", "How many mentees", "How many mentees can you take on", "Number of mentees", "Max mentees", "Maximum mentees", "Maximum number of mentees"}},
		{Key: KeyStatus, Label: "Status", Aliases: []string{"Status", "Participant status", "Participation status"}},
	}
}

// AutoMap maps each header to the best target, in two passes:
//
//  1. exact: the header equals the target's Label or one of its Aliases, ignoring case, spaces
//     and punctuation ("E-mail address" = "Email Address"). Columns are taken left to right
//     and each takes the first unused target (in targets order) that it equals.
//  2. contains: a header still unmapped that contains, as whole words, the Label or an alias
//     of a target still unused ("What skills can you offer? (Skills I can offer)" contains the
//     question "Skills I can offer"). Longer phrases win (in words, then letters); among
//     equals the leftmost column, then the first target.
//
// Each target is used at most once; unmatched columns map to "".
func AutoMap(headers []string, targets []Target) Mapping {
	m := make(Mapping, len(headers))
	used := make([]bool, len(targets))

	type phrase struct {
		exact string   // letters and digits only
		words []string // lower-case words
	}
	phrases := make([][]phrase, len(targets))
	for i, t := range targets {
		for _, s := range append([]string{t.Label}, t.Aliases...) {
			p := phrase{exact: exactKey(s), words: words(s)}
			if p.exact != "" {
				phrases[i] = append(phrases[i], p)
			}
		}
	}

	// Pass 1: exact.
	for c, h := range headers {
		key := exactKey(h)
		if key == "" {
			continue
		}
	targets:
		for i := range targets {
			if used[i] {
				continue
			}
			for _, p := range phrases[i] {
				if p.exact == key {
					m[c], used[i] = targets[i].Key, true
					break targets
				}
			}
		}
	}

	// Pass 2: the header contains the phrase.
	type candidate struct{ col, target, words, letters int }
	var cands []candidate
	for c, h := range headers {
		if m[c] != "" {
			continue
		}
		hw := words(h)
		if len(hw) == 0 {
			continue
		}
		for i := range targets {
			if used[i] {
				continue
			}
			best := candidate{col: c, target: i, words: 0}
			for _, p := range phrases[i] {
				if len(p.words) == 0 || !containsRun(hw, p.words) {
					continue
				}
				if len(p.words) > best.words || len(p.words) == best.words && len(p.exact) > best.letters {
					best.words, best.letters = len(p.words), len(p.exact)
				}
			}
			if best.words > 0 {
				cands = append(cands, best)
			}
		}
	}
	sort.SliceStable(cands, func(a, b int) bool {
		x, y := cands[a], cands[b]
		if x.words != y.words {
			return x.words > y.words
		}
		if x.letters != y.letters {
			return x.letters > y.letters
		}
		if x.col != y.col {
			return x.col < y.col
		}
		return x.target < y.target
	})
	for _, cd := range cands {
		if m[cd.col] == "" && !used[cd.target] && targets[cd.target].Key != "" {
			m[cd.col], used[cd.target] = targets[cd.target].Key, true
		}
	}
	return m
}

// exactKey is s lower-cased with everything but letters and digits removed.
func exactKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// words splits s into lower-case words of letters and digits; apostrophes join ("manager's"
// is "managers").
func words(s string) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			out = append(out, b.String())
			b.Reset()
		}
	}
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '’' || r == '‘' || r == '`':
		default:
			flush()
		}
	}
	flush()
	return out
}

// containsRun reports whether needle occurs in hay as a contiguous run of words.
func containsRun(hay, needle []string) bool {
	for i := 0; i+len(needle) <= len(hay); i++ {
		match := true
		for j := range needle {
			if hay[i+j] != needle[j] {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}

// ColumnWarning says that several columns are called by the name (or an alias) of one field,
// and that only one of them fills it: the others are ignored, and their data is not imported.
type ColumnWarning struct {
	// Key is the field's Target.Key.
	Key string
	// Used is the column that fills the field; Ignored are the others called like it.
	Used    int
	Ignored []int
	// Message says so, e.g. `two columns are called "Email": column C is used, column F is
	// ignored`.
	Message string
}

// DuplicateColumns finds, for each field that m fills from a column called by the field's
// label or one of its aliases (as AutoMap's exact pass matches them), the other columns m
// ignores that are called so too: AutoMap maps only the first of them.
func DuplicateColumns(headers []string, m Mapping, targets []Target) []ColumnWarning {
	names := map[string]map[string]bool{} // target key → exact keys of its label and aliases
	labels := map[string]string{}
	for _, t := range targets {
		if t.Key == "" || names[t.Key] != nil {
			continue
		}
		set := map[string]bool{}
		for _, s := range append([]string{t.Label}, t.Aliases...) {
			if k := exactKey(s); k != "" {
				set[k] = true
			}
		}
		names[t.Key], labels[t.Key] = set, t.Label
	}
	var out []ColumnWarning
	for u, key := range m {
		if u >= len(headers) || key == "" || !names[key][exactKey(headers[u])] {
			continue
		}
		w := ColumnWarning{Key: key, Used: u}
		for i, h := range headers {
			if i != u && (i >= len(m) || m[i] == "") && names[key][exactKey(h)] {
				w.Ignored = append(w.Ignored, i)
			}
		}
		if len(w.Ignored) == 0 {
			continue
		}
		w.Message = duplicateMessage(headers, w, labels[key])
		out = append(out, w)
	}
	return out
}

func duplicateMessage(headers []string, w ColumnWarning, label string) string {
	cols := append([]int{w.Used}, w.Ignored...)
	same := true
	for _, i := range cols {
		same = same && strings.EqualFold(strings.TrimSpace(headers[i]), strings.TrimSpace(headers[w.Used]))
	}
	column := func(i int) string {
		if same {
			return "column " + columnLetters(i)
		}
		return fmt.Sprintf("column %s (%q)", columnLetters(i), headers[i])
	}
	ignored := make([]string, len(w.Ignored))
	for j, i := range w.Ignored {
		ignored[j] = column(i)
	}
	verb := "is"
	if len(ignored) > 1 {
		verb = "are"
		ignored[0] = "columns " + strings.TrimPrefix(ignored[0], "column ")
		for j := 1; j < len(ignored); j++ {
			ignored[j] = strings.TrimPrefix(ignored[j], "column ")
		}
	}
	list := strings.Join(ignored, ", ")
	if n := len(ignored); n > 1 {
		list = strings.Join(ignored[:n-1], ", ") + " and " + ignored[n-1]
	}
	called := fmt.Sprintf("are called %q", strings.TrimSpace(headers[w.Used]))
	if !same {
		called = "hold " + label
	}
	return fmt.Sprintf("%s columns %s: %s is used, %s %s ignored", countWord(len(cols)), called, column(w.Used), list, verb)
}

// countWord is n in words up to ten ("two"), else in digits.
func countWord(n int) string {
	if n >= 0 && n <= 10 {
		return []string{"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}[n]
	}
	return thousands(n)
}
