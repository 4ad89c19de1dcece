package importer

import (
	"reflect"
	"strings"
	"testing"

	"tandem/app/questionnaire"
)

const skillList = "Go, Python, Public speaking, Writing, editing, Data analysis"

func has(keys ...string) map[string]bool {
	m := map[string]bool{}
	for _, k := range keys {
		m[k] = true
	}
	return m
}

func choices(c ...string) questionnaire.Value { return questionnaire.Value{Choices: c} }
func text(s string) questionnaire.Value       { return questionnaire.Value{Text: s} }

// TestValidateCorpus reads each file, maps it with AutoMap and checks the records and errors.
func TestValidateCorpus(t *testing.T) {
	gfHas := has("email", "name", "roles", "q:1", "q:2", "q:3", "q:4")
	msHas := has("email", "name", "roles", "q:1", "q:2", "q:3")
	tests := []struct {
		file    string
		records []Record // compared in full
		rows    []int    // or only the rows of the records, when records is nil
		errs    []RowError
	}{
		{
			file: "google_forms.csv",
			records: []Record{
				{Row: 2, Name: "Ana Lima", Email: "ana@example.org", Has: gfHas, Mentor: true, HasRoles: true,
					Answers: map[string]questionnaire.Value{"q:1": choices("Go", "Writing, editing"), "q:2": {}, "q:3": text("Senior"), "q:4": text("12")}},
				{Row: 3, Name: "Ben Okafor", Email: "ben@example.org", Has: gfHas, Mentee: true, HasRoles: true,
					Answers: map[string]questionnaire.Value{"q:1": {}, "q:2": choices("Python", "Public speaking"), "q:3": text("Junior"), "q:4": text("1")}},
				{Row: 4, Name: "Chloé Dubois", Email: "chloe@example.org", Has: gfHas, Mentor: true, Mentee: true, HasRoles: true,
					Answers: map[string]questionnaire.Value{"q:1": choices("Data analysis"), "q:2": choices("Go"), "q:3": text("Mid"), "q:4": text("5.5")}},
			},
		},
		{
			file: "ms_forms.csv",
			records: []Record{
				{Row: 2, Name: "Dev Patel", Email: "dev@contoso.com", Has: msHas, Mentor: true, HasRoles: true,
					Answers: map[string]questionnaire.Value{"q:1": choices("Go", "Writing, editing", "Data analysis"), "q:2": {}, "q:3": text("Senior")}},
				{Row: 3, Name: "Eve Martin", Email: "eve@contoso.com", Has: msHas, Mentor: true, Mentee: true, HasRoles: true,
					Answers: map[string]questionnaire.Value{"q:1": choices("Python"), "q:2": choices("Public speaking", "Writing, editing"), "q:3": text("Mid")}},
			},
		},
		{file: "bom.csv", rows: []int{2, 3}},
		{file: "cp1252.csv", rows: []int{2, 3}},
		{file: "utf16le.txt", rows: []int{2, 3}},
		{
			file: "bad_email.csv",
			rows: []int{3},
			errs: []RowError{
				{Row: 2, Column: "Email", Field: "Email", Value: "ana@", Reason: `"ana@" is not an email address`},
				{Row: 4, Column: "Email", Field: "Email", Value: "cara example.org", Reason: `"cara example.org" is not an email address`},
			},
		},
		{
			file: "unknown_option.csv",
			errs: []RowError{
				{Row: 2, Column: "Skills I can offer", Field: "Skills I can offer", Value: "Go, Jugling", Reason: `"Jugling" is not one of the options (` + skillList + `)`},
				{Row: 3, Column: "Seniority", Field: "Seniority", Value: "Expert", Reason: `"Expert" is not one of the options (Junior, Mid, Senior)`},
			},
		},
		{
			file: "missing_required.csv",
			rows: []int{4},
			errs: []RowError{
				{Row: 2, Column: "Skills I can offer", Field: "Skills I can offer", Reason: "an answer is required"},
				{Row: 3, Column: "Seniority", Field: "Seniority", Reason: "an answer is required"},
				{Row: 5, Column: "Name", Field: "Name", Reason: "a name is required"},
			},
		},
		{
			file: "duplicate_email.csv",
			rows: []int{2, 3},
			errs: []RowError{
				{Row: 4, Column: "Email", Field: "Email", Value: "ANA@Example.org", Reason: "ANA@Example.org is also on row 2"},
				{Row: 5, Column: "Email", Field: "Email", Value: "ana@example.org", Reason: "ana@example.org is also on row 2"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			tab, err := Read(tt.file, readCorpus(t, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			targets := testTargets()
			recs, errs := Validate(tab, AutoMap(tab.Headers, targets), targets)
			if !reflect.DeepEqual(errs, tt.errs) {
				t.Errorf("errors:\n got %+v\nwant %+v", errs, tt.errs)
			}
			if tt.records != nil {
				if !reflect.DeepEqual(recs, tt.records) {
					t.Errorf("records:\n got %+v\nwant %+v", recs, tt.records)
				}
				return
			}
			var rows []int
			for _, r := range recs {
				rows = append(rows, r.Row)
			}
			if !reflect.DeepEqual(rows, tt.rows) {
				t.Errorf("records on rows %v, want %v", rows, tt.rows)
			}
		})
	}
}

func TestValidateRows(t *testing.T) {
	headers := []string{"Name", "Email", "Department", "Time zone", "Manager email", "Roles", "Capacity", "Status", "Skills I can offer", "Skills I want to learn", "Seniority", "Years of experience"}
	full := Mapping{"name", "email", "department", "time_zone", "manager_email", "roles", "capacity", "status", "q:1", "q:2", "q:3", "q:4"}
	long := strings.Repeat("x", 201)
	tests := []struct {
		name string
		m    Mapping
		rows [][]string
		want []Record
		errs []RowError
	}{
		{
			name: "every field",
			m:    full,
			rows: [][]string{{"Ana", " ana@example.org ", "Sales", "Europe/Berlin", "boss@example.org", "Mentor and peer", "3", "Paused", "go | PYTHON", "", "senior", "2.50"}},
			want: []Record{{Row: 2, Name: "Ana", Email: "ana@example.org", Department: "Sales", TimeZone: "Europe/Berlin", ManagerEmail: "boss@example.org",
				Has: has(full...), Mentor: true, Peer: true, HasRoles: true, Capacity: 3, HasCapacity: true, Status: "paused",
				Answers: map[string]questionnaire.Value{"q:1": choices("Go", "Python"), "q:2": {}, "q:3": text("Senior"), "q:4": text("2.5")}}},
		},
		{
			name: "every problem of a row, in column order",
			m:    full,
			rows: [][]string{{"", "ana@", long, "CET", "boss", "coach", "51", "gone", "", "Cooking", "Senior", "many"}},
			errs: []RowError{
				{Row: 2, Column: "Name", Field: "Name", Reason: "a name is required"},
				{Row: 2, Column: "Email", Field: "Email", Value: "ana@", Reason: `"ana@" is not an email address`},
				{Row: 2, Column: "Department", Field: "Department", Value: strings.Repeat("x", 79) + "…", Reason: "the cell is 201 characters long; at most 200"},
				{Row: 2, Column: "Time zone", Field: "Time zone", Value: "CET", Reason: `"CET" is not a time zone name like Europe/Berlin or America/New_York`},
				{Row: 2, Column: "Manager email", Field: "Manager email", Value: "boss", Reason: `"boss" is not an email address`},
				{Row: 2, Column: "Roles", Field: "Roles", Value: "coach", Reason: `"coach" is not a role; write mentor, mentee or peer`},
				{Row: 2, Column: "Capacity", Field: "Capacity", Value: "51", Reason: `"51" is not a whole number from 0 to 50`},
				{Row: 2, Column: "Status", Field: "Status", Value: "gone", Reason: `"gone" is not a status; write active, paused or withdrawn`},
				{Row: 2, Column: "Skills I want to learn", Field: "Skills I want to learn", Value: "Cooking", Reason: `"Cooking" is not one of the options (` + skillList + `)`},
				{Row: 2, Column: "Years of experience", Field: "Years of experience", Value: "many", Reason: `"many" is not a number`},
			},
		},
		{
			name: "a peer alone",
			m:    full,
			rows: [][]string{{"Ana", "ana@example.org", "", "", "", "Peer mentor", "", "", "", "", "Mid", ""}},
			errs: []RowError{{Row: 2, Column: "Roles", Field: "Roles", Value: "Peer mentor", Reason: "a peer must also be a mentor or a mentee"}},
		},
		{
			name: "audience: without roles a mentors' question is optional, an everyone question is not",
			m:    Mapping{"name", "email", "", "", "", "", "", "", "q:1", "q:2", "q:3", ""},
			rows: [][]string{{"Ana", "ana@example.org", "", "", "", "", "", "", "", "", "", ""}},
			errs: []RowError{{Row: 2, Column: "Seniority", Field: "Seniority", Reason: "an answer is required"}},
		},
		{
			name: "audience: a mentee must answer the mentees' question",
			m:    full,
			rows: [][]string{{"Ana", "ana@example.org", "", "", "", "both", "", "", "Go", "", "Mid", ""}},
			errs: []RowError{{Row: 2, Column: "Skills I want to learn", Field: "Skills I want to learn", Reason: "an answer is required"}},
		},
		{
			name: "an unmapped name is still required",
			m:    Mapping{"", "email"},
			rows: [][]string{{"Ana", "ana@example.org", "x"}},
			errs: []RowError{{Row: 2, Field: "Name", Reason: "a name is required"}},
		},
		{
			name: "blank rows skipped, short rows padded, numbered i+2 without RowNumbers",
			m:    Mapping{"name", "email"},
			rows: [][]string{{"", ""}, {"Ana", "ana@example.org"}, {"Ben"}},
			want: []Record{{Row: 3, Name: "Ana", Email: "ana@example.org", Has: has("name", "email")}},
			errs: []RowError{{Row: 4, Column: "Email", Field: "Email", Reason: "an email address is required"}},
		},
		{
			name: "no email column",
			m:    Mapping{"name"},
			rows: [][]string{{"Ana"}},
			errs: []RowError{{Row: 1, Reason: "no column is mapped to Email: Tandem finds people by email"}},
		},
		{
			name: "a mapping to an unknown key and two columns to one target",
			m:    Mapping{"email", "email", "q:99"},
			rows: [][]string{{"a@example.org", "b@example.org", "x"}},
			errs: []RowError{
				{Row: 1, Column: "Email", Field: "Email", Reason: `the columns "Name" and "Email" are both mapped to Email; map only one`},
				{Row: 1, Column: "Department", Value: "q:99", Reason: `the column is mapped to "q:99", which is not a field of this program`},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, errs := Validate(Table{Headers: headers, Rows: tt.rows}, tt.m, testTargets())
			if !reflect.DeepEqual(errs, tt.errs) {
				t.Errorf("errors:\n got %+v\nwant %+v", errs, tt.errs)
			}
			if !reflect.DeepEqual(recs, tt.want) {
				t.Errorf("records:\n got %+v\nwant %+v", recs, tt.want)
			}
		})
	}
}

func TestParseRoles(t *testing.T) {
	tests := []struct {
		in                   string
		mentor, mentee, peer bool
		err                  string
	}{
		{in: ""},
		{in: "Mentor", mentor: true},
		{in: "mentees", mentee: true},
		{in: "Mentor, Mentee", mentor: true, mentee: true},
		{in: "Mentor;Mentee;", mentor: true, mentee: true},
		{in: "mentor / peer", mentor: true, peer: true},
		{in: "Mentee and Peers", mentee: true, peer: true},
		{in: "Both", mentor: true, mentee: true},
		{in: "Both mentor and mentee", mentor: true, mentee: true},
		{in: "Mentee (I want to learn)\nPeer mentor", mentee: true, peer: true},
		{in: "Peer", err: "a peer must also be a mentor or a mentee"},
		{in: "Mentor, coach", err: `"coach" is not a role; write mentor, mentee or peer`},
		{in: "Mentor | Sandwich", err: `"Sandwich" is not a role; write mentor, mentee or peer`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			mentor, mentee, peer, err := parseRoles(tt.in)
			if tt.err != "" {
				if err == nil || err.Error() != tt.err {
					t.Fatalf("error = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil || mentor != tt.mentor || mentee != tt.mentee || peer != tt.peer {
				t.Fatalf("= %v %v %v %v, want %v %v %v", mentor, mentee, peer, err, tt.mentor, tt.mentee, tt.peer)
			}
		})
	}
}

func TestSplitChoices(t *testing.T) {
	opts := []string{"Go", "Python", "Go, advanced", "Writing, editing", "Data; analysis", "C"}
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"Go", []string{"Go"}},
		{"Data; analysis", []string{"Data; analysis"}},
		{"go, python", []string{"go", "python"}},                              // Google Forms
		{"Go;Python;", []string{"Go", "Python"}},                              // Microsoft Forms
		{"Go\nPython", []string{"Go", "Python"}},                              // a cell with line breaks
		{"Writing, editing, Go", []string{"Writing, editing", "Go"}},          // an option with a comma
		{"Go, advanced, Go", []string{"Go, advanced", "Go"}},                  // the longest option wins
		{"Go, Data; analysis | C", []string{"Go", "Data; analysis", "C"}},     // an option with a separator
		{"Go, Goat cheese, Python", []string{"Go", "Goat cheese", "Python"}},  // not an option: kept to fail
		{" ; Go ;; , Python , ", []string{"Go", "Python"}},                    // empties dropped
		{"Writing, editing;Writing", []string{"Writing, editing", "Writing"}}, // prefix of an option is not it
		{"Cooking, Go", []string{"Cooking", "Go"}},                            // unknown first
		{"Gopher, Go", []string{"Gopher", "Go"}},                              // an option as a prefix of a word
		{"Go , advanced", []string{"Go", "advanced"}},                         // spacing matters inside an option
		{"Python, Writing, editing, Data; analysis", []string{"Python", "Writing, editing", "Data; analysis"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := splitChoices(tt.in, opts); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("splitChoices(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestRowErrorError(t *testing.T) {
	e := RowError{Row: 3, Column: "Email", Field: "Email", Value: "ana@", Reason: `"ana@" is not an email address`}
	if got, want := e.Error(), `row 3, column "Email": "ana@" is not an email address`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	e.Column = ""
	if got, want := e.Error(), `row 3: "ana@" is not an email address`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestValidateTimeZoneQuestion(t *testing.T) {
	targets := append(testTargets(), Target{Key: "q:5", Label: "Meeting time zone", Question: &questionnaire.Spec{
		Prompt: "Meeting time zone", Kind: questionnaire.TimeZone, Audience: "mentees", Required: true}})
	tab := Table{
		Headers: []string{"Name", "Email", "Role", "Time zone", "Meeting time zone"},
		Rows: [][]string{
			{"Ana", "ana@example.org", "Mentee", "Asia/Tokyo", "Europe/Berlin"},
			{"Ben", "ben@example.org", "Mentee", "Asia/Tokyo", "Berlin"},
			{"Cara", "cara@example.org", "Mentee", "Tokyo", "Berlin"},
			{"Dan", "dan@example.org", "Mentee", "Tokyo", ""},
			{"Eve", "eve@example.org", "Mentor", "", ""},
		},
	}
	m := AutoMap(tab.Headers, targets)
	if want := (Mapping{"name", "email", "roles", "time_zone", "q:5"}); !reflect.DeepEqual(m, want) {
		t.Fatalf("mapping %q, want %q", m, want)
	}
	recs, errs := Validate(tab, m, targets)
	notZone := `is not a time zone name like Europe/Berlin or America/New_York`
	wantErrs := []RowError{
		{Row: 3, Column: "Meeting time zone", Field: "Meeting time zone", Value: "Berlin", Reason: `"Berlin" ` + notZone},
		{Row: 4, Column: "Time zone", Field: "Time zone", Value: "Tokyo", Reason: `"Tokyo" ` + notZone},
		{Row: 4, Column: "Meeting time zone", Field: "Meeting time zone", Value: "Berlin", Reason: `"Berlin" ` + notZone},
		{Row: 5, Column: "Time zone", Field: "Time zone", Value: "Tokyo", Reason: `"Tokyo" ` + notZone},
		{Row: 5, Column: "Meeting time zone", Field: "Meeting time zone", Reason: "an answer is required"},
	}
	if !reflect.DeepEqual(errs, wantErrs) {
		t.Errorf("errors:\n got %+v\nwant %+v", errs, wantErrs)
	}
	if len(recs) != 2 || !reflect.DeepEqual(recs[0].Answers["q:5"], text("Europe/Berlin")) || recs[0].TimeZone != "Asia/Tokyo" || recs[1].Row != 6 {
		t.Errorf("records %+v", recs)
	}
}
