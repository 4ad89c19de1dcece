package importer

import (
	"reflect"
	"testing"

	"tandem/app/questionnaire"
)

var skillOptions = []string{"Go", "Python", "Public speaking", "Writing, editing", "Data analysis"}

// testTargets are the person targets and a small questionnaire, as the service builds them.
func testTargets() []Target {
	ts := PersonTargets()
	return append(ts,
		Target{Key: "q:1", Label: "Skills I can offer", Question: &questionnaire.Spec{
			Prompt: "Skills I can offer", Kind: questionnaire.Multi, Options: skillOptions, Audience: "mentors", Required: true}},
		Target{Key: "q:2", Label: "Skills I want to learn", Question: &questionnaire.Spec{
			Prompt: "Skills I want to learn", Kind: questionnaire.Multi, Options: skillOptions, Audience: "mentees", Required: true}},
		Target{Key: "q:3", Label: "Seniority", Question: &questionnaire.Spec{
			Prompt: "Seniority", Kind: questionnaire.Single, Options: []string{"Junior", "Mid", "Senior"}, Audience: "everyone", Required: true}},
		Target{Key: "q:4", Label: "Years of experience", Question: &questionnaire.Spec{
			Prompt: "Years of experience", Kind: questionnaire.Number, Audience: "everyone"}},
	)
}

func TestAutoMap(t *testing.T) {
	tests := []struct {
		name    string
		headers []string
		want    Mapping
	}{
		{
			name:    "google forms",
			headers: []string{"Timestamp", "Email address", "Full name", "I want to join as", "What skills can you offer? (Skills I can offer)", "Skills I want to learn", "Seniority", "Years of experience"},
			want:    Mapping{"", "email", "name", "roles", "q:1", "q:2", "q:3", "q:4"},
		},
		{
			name:    "microsoft forms",
			headers: []string{"ID", "Start time", "Completion time", "Email", "Name", "Register as", "Skills I can offer", "Skills I want to learn", "Seniority"},
			want:    Mapping{"", "", "", "email", "name", "roles", "q:1", "q:2", "q:3"},
		},
		{
			name:    "case, spaces and punctuation",
			headers: []string{"E-MAIL", "full  NAME", "Time-zone", "manager's e-mail", "Employee #", "TZ"},
			want:    Mapping{"email", "name", "time_zone", "manager_email", "employee_id", ""},
		},
		{
			name:    "aliases",
			headers: []string{"Team", "Job title", "Office", "Manager's email", "Staff ID", "Roles", "Mentor capacity", "Status", "Work email", "First and last name"},
			want:    Mapping{"department", "title", "location", "manager_email", "employee_id", "roles", "capacity", "status", "email", "name"},
		},
		{
			name:    "first column wins",
			headers: []string{"Email", "E-mail", "Work email"},
			want:    Mapping{"email", "", ""},
		},
		{
			name:    "exact beats contains, whatever the order",
			headers: []string{"Your email address (we will not share it)", "Email"},
			want:    Mapping{"", "email"},
		},
		{
			name:    "contains: longest phrase wins",
			headers: []string{"Your manager's email, please", "What is your job title?", "How many mentees can you take on at once?"},
			want:    Mapping{"manager_email", "title", "capacity"},
		},
		{
			name:    "nothing matches",
			headers: []string{"Timestamp", "", "Favourite colour"},
			want:    Mapping{"", "", ""},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := AutoMap(tt.headers, testTargets())
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("AutoMap(%q)\n got %q\nwant %q", tt.headers, got, tt.want)
			}
		})
	}
}

func TestPersonTargets(t *testing.T) {
	keys := []string{"name", "email", "department", "title", "location", "time_zone", "manager_email", "employee_id", "roles", "capacity", "status"}
	ts := PersonTargets()
	if len(ts) != len(keys) {
		t.Fatalf("%d targets, want %d", len(ts), len(keys))
	}
	seen := map[string]string{}
	for i, tg := range ts {
		if tg.Key != keys[i] || tg.Label == "" || tg.Question != nil {
			t.Errorf("target %d = %+v", i, tg)
		}
		// No alias may lead to two targets: AutoMap would depend on the order.
		for _, a := range append([]string{tg.Label}, tg.Aliases...) {
			k := exactKey(a)
			if other, dup := seen[k]; dup && other != tg.Key {
				t.Errorf("alias %q of %s is also an alias of %s", a, tg.Key, other)
			}
			seen[k] = tg.Key
		}
	}
}

func TestDuplicateColumns(t *testing.T) {
	targets := testTargets()
	tests := []struct {
		name    string
		headers []string
		mapping Mapping // nil: AutoMap's
		want    []ColumnWarning
	}{
		{
			name:    "a second Email column",
			headers: []string{"Timestamp", "Name", "Email", "Team", "Notes", "Email"},
			want:    []ColumnWarning{{Key: "email", Used: 2, Ignored: []int{5}, Message: `two columns are called "Email": column C is used, column F is ignored`}},
		},
		{
			name:    "a second Name column, named otherwise",
			headers: []string{"Full name", "Email", "Name"},
			want:    []ColumnWarning{{Key: "name", Used: 0, Ignored: []int{2}, Message: `two columns hold Name: column A ("Full name") is used, column C ("Name") is ignored`}},
		},
		{
			name:    "three Email columns and two Seniority questions",
			headers: []string{"Email", "E-mail", "Work email", "Seniority", "seniority"},
			want: []ColumnWarning{
				{Key: "email", Used: 0, Ignored: []int{1, 2}, Message: `three columns hold Email: column A ("Email") is used, columns B ("E-mail") and C ("Work email") are ignored`},
				{Key: "q:3", Used: 3, Ignored: []int{4}, Message: `two columns are called "Seniority": column D is used, column E is ignored`},
			},
		},
		{
			name:    "the admin chose the second column",
			headers: []string{"Email", "Name", "Email"},
			mapping: Mapping{"", "name", "email"},
			want:    []ColumnWarning{{Key: "email", Used: 2, Ignored: []int{0}, Message: `two columns are called "Email": column C is used, column A is ignored`}},
		},
		{
			name:    "the other column is mapped to something else",
			headers: []string{"Email", "Name", "Email"},
			mapping: Mapping{"email", "name", "manager_email"},
		},
		{
			name:    "the used column is not called like the field",
			headers: []string{"Contact", "Name", "Email"},
			mapping: Mapping{"email", "name", ""},
		},
		{
			name:    "one column each",
			headers: []string{"Email", "Name", "Manager email"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := tt.mapping
			if m == nil {
				m = AutoMap(tt.headers, targets)
			}
			if got := DuplicateColumns(tt.headers, m, targets); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}
