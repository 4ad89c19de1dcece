package app_test

import (
	"encoding/base64"
	"encoding/csv"
	"errors"
	"reflect"
	"strings"
	"testing"

	"tandem/app"
)

const registrations = "Full name,Email address,Team,Time zone,Register as,Skills I want to grow,Goals\n" +
	"Ana Silva,ana@example.org,Sales,Europe/Lisbon,Mentee; Peer,\"Python, Leadership\",Build confidence\n" +
	"Jai Patel,jai@,Engineering,Asia/Kolkata,Mentor,Go,Learn a new skill\n" +
	"Mei Chen,mei@example.org,Design,Asia/Tokyo,Mentor,Juggling,Build confidence\n"

func readFile(t *testing.T, s *app.Services, programID int64, name, content string) app.ImportFile {
	t.Helper()
	f, err := s.Imports.Read(programID, name, base64.StdEncoding.EncodeToString([]byte(content)))
	if err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	return f
}

func request(programID int64, f app.ImportFile) app.ImportRequest {
	return app.ImportRequest{ProgramID: programID, Headers: f.Headers, Rows: f.Rows, RowNumbers: f.RowNumbers, Mapping: f.Mapping,
		DefaultRoles: app.ParticipantInput{Mentee: true}}
}

func TestImportReportsEveryProblemAndChangesNothing(t *testing.T) {
	s, _ := mustOpen(t)
	prog := mustProgram(t, s, "evergreen")
	f := readFile(t, s, prog.ID, "registrations.csv", registrations)
	for i, want := range []string{"name", "email", "department", "time_zone", "roles"} {
		if f.Mapping[i] != want {
			t.Errorf("column %q mapped to %q, want %q", f.Headers[i], f.Mapping[i], want)
		}
	}
	if !strings.HasPrefix(f.Mapping[5], "q:") || !strings.HasPrefix(f.Mapping[6], "q:") {
		t.Errorf("question columns not mapped: %v", f.Mapping)
	}

	req := request(prog.ID, f)
	prev, err := s.Imports.Preview(req)
	if err != nil {
		t.Fatal(err)
	}
	if len(prev.BadRows) != 2 || prev.BadRows[0] != 3 || prev.BadRows[1] != 4 || prev.Valid != 1 {
		t.Fatalf("preview = %+v", prev)
	}
	if p := prev.Problems[0]; p.Row != 3 || p.Column != "Email address" || !strings.Contains(p.Reason, `"jai@" is not an email address`) {
		t.Errorf("first problem = %+v", p)
	}
	if p := prev.Problems[1]; p.Row != 4 || p.Column != "Skills I want to grow" || !strings.Contains(p.Reason, "Juggling") {
		t.Errorf("second problem = %+v", p)
	}

	if _, err := s.Imports.Import(req); err == nil || !strings.Contains(err.Error(), "Nothing was imported") {
		t.Fatalf("import with problems: %v", err)
	}
	if people, _ := s.People.List(); len(people) != 0 {
		t.Fatalf("a refused import stored people: %+v", people)
	}

	// The admin fixes one cell and skips the other row.
	req.Rows[1][1] = "jai@example.org"
	req.SkipRows = []int{4}
	res, err := s.Imports.Import(req)
	if err != nil {
		t.Fatal(err)
	}
	if res.Valid != 2 || res.Skipped != 1 || res.NewPeople != 2 || res.NewParticipants != 2 {
		t.Errorf("result = %+v", res)
	}
	page, err := s.Directory.Query(app.DirectoryQuery{ProgramID: prog.ID, Role: "peer"})
	if err != nil || page.Total != 1 || page.Rows[0].Email != "ana@example.org" || !page.Rows[0].Mentee {
		t.Fatalf("peers after import: %+v %v", page, err)
	}
	prof, _ := s.Participants.Profile(page.Rows[0].ID)
	for _, a := range prof.Answers {
		if a.Question.Prompt == "Skills I want to grow" && strings.Join(a.Value.Choices, "|") != "Python|Leadership" {
			t.Errorf("multi-select cell imported as %v", a.Value.Choices)
		}
	}
	jai, _ := s.Directory.Query(app.DirectoryQuery{ProgramID: prog.ID, Search: "jai@"})
	if jai.Total != 1 || !jai.Rows[0].Mentor || jai.Rows[0].Capacity != 1 {
		t.Errorf("jai: %+v", jai)
	}
}

func TestImportWarnsOfColumnsCalledAlike(t *testing.T) {
	s, _ := mustOpen(t)
	prog := mustProgram(t, s, "evergreen")
	if f := readFile(t, s, prog.ID, "registrations.csv", registrations); f.Warnings == nil || len(f.Warnings) != 0 {
		t.Errorf("warnings = %#v, want none (and not null)", f.Warnings)
	}
	f := readFile(t, s, prog.ID, "two.csv", "Name,Email,Team,Email,Full name\nAna,ana@example.org,Sales,ana.silva@example.org,Ana Silva\n")
	want := []app.ImportWarning{
		{Key: "name", Used: 0, Ignored: []int{4}, Message: `Two columns hold Name: column A ("Name") is used, column E ("Full name") is ignored`},
		{Key: "email", Used: 1, Ignored: []int{3}, Message: `Two columns are called "Email": column B is used, column D is ignored`},
	}
	if !reflect.DeepEqual(f.Warnings, want) {
		t.Errorf("warnings = %+v\nwant %+v", f.Warnings, want)
	}
	if f.Mapping[3] != "" || f.Mapping[4] != "" {
		t.Errorf("mapping = %q: the second columns should be ignored", f.Mapping)
	}
}

func TestImportRefusesAFileTooWide(t *testing.T) {
	s, _ := mustOpen(t)
	prog := mustProgram(t, s, "evergreen")
	wide := strings.Repeat("Question,", 1000) + "Email\n"
	_, err := s.Imports.Read(prog.ID, "wide.csv", base64.StdEncoding.EncodeToString([]byte(wide)))
	var e *app.Error
	if !errors.As(err, &e) || e.Field != "file" || !strings.Contains(e.Message, "'wide.csv' has more than 1,000 columns") {
		t.Fatalf("error = %#v", err)
	}
}

func TestImportUpdatesExistingPeople(t *testing.T) {
	s, _ := mustOpen(t)
	prog := mustProgram(t, s, "evergreen")
	ana, err := s.People.Create(app.PersonInput{Name: "Ana S.", Email: "ANA@example.org", Title: "Account Executive", Location: "Lisbon"})
	if err != nil {
		t.Fatal(err)
	}
	f := readFile(t, s, prog.ID, "update.csv", "Email;Name;Department\nana@example.org;Ana Silva;Sales\nnew@example.org;New Person;Finance\n")
	res, err := s.Imports.Import(request(prog.ID, f))
	if err != nil {
		t.Fatal(err)
	}
	if res.NewPeople != 1 || res.UpdatedPeople != 1 || res.NewParticipants != 2 {
		t.Errorf("result = %+v", res)
	}
	people, _ := s.People.List()
	if len(people) != 2 {
		t.Fatalf("people = %+v (an existing person was duplicated)", people)
	}
	for _, p := range people {
		if p.ID == ana.ID && (p.Name != "Ana Silva" || p.Department != "Sales" || p.Title != "Account Executive" || p.Location != "Lisbon") {
			t.Errorf("updated person = %+v (fields not in the file must be kept)", p)
		}
	}
	// Importing the same file again updates the participants rather than enrolling twice.
	res, err = s.Imports.Import(request(prog.ID, f))
	if err != nil || res.UpdatedParticipants != 2 || res.NewParticipants != 0 {
		t.Errorf("second import = %+v %v", res, err)
	}
}

func TestImportRefusesPeersWherePeerMentoringIsOff(t *testing.T) {
	s, _ := mustOpen(t)
	prog := mustProgram(t, s, "cohort")
	f := readFile(t, s, prog.ID, "r.csv", "Name,Email,Role\nAna,ana@example.org,Mentee and Peer\n")
	prev, err := s.Imports.Preview(request(prog.ID, f))
	if err != nil {
		t.Fatal(err)
	}
	if len(prev.Problems) != 1 || prev.Problems[0].Row != 2 || prev.Problems[0].Column != "Role" ||
		!strings.Contains(prev.Problems[0].Reason, "Peer mentoring is off") {
		t.Errorf("problems = %+v", prev.Problems)
	}
}

func TestExportNeutralisesFormulas(t *testing.T) {
	s, _ := mustOpen(t)
	prog := mustProgram(t, s, "evergreen")
	_, err := s.Participants.Enrol(app.EnrolInput{ProgramID: prog.ID, NewPerson: &app.PersonInput{Name: "=HYPERLINK(\"http://x\")",
		Email: "eve@example.org", Department: "+Sales", Title: "@admin", Location: "-1+2"}, Roles: app.ParticipantInput{Mentor: true, Peer: true}})
	if err != nil {
		t.Fatal(err)
	}
	out, err := s.Imports.ExportCSV(prog.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, "\ufeff") {
		t.Error("export has no byte-order mark for Excel")
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 {
		t.Fatalf("rows = %d", len(recs))
	}
	row := recs[1]
	for _, cell := range row {
		if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
			t.Errorf("cell %q would run as a formula", cell)
		}
	}
	if row[0] != `'=HYPERLINK("http://x")` || row[8] != "Mentor; Peer" || row[10] != "active" {
		t.Errorf("row = %q", row)
	}
	// The export reads back in through the import.
	f := readFile(t, s, prog.ID, "export.csv", out)
	if f.Mapping[1] != "email" || f.Mapping[8] != "roles" {
		t.Errorf("export headers map back as %v", f.Mapping)
	}
}
