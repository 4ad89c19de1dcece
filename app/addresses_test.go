package app_test

import (
	"strings"
	"testing"

	"tandem/app"
	"tandem/app/mail/smtptest"
)

// hostileAddresses were accepted by the old form and import check and refused later by the
// invite check (blocking a whole relationship's scheduling), or look like another address.
var hostileAddresses = []string{
	"ana#1@northwind.example", "ana%x@northwind.example", "ana?@northwind.example",
	"ana\u200b@northwind.example", // zero-width space
	"\u202eelpmaxe.dniwhtron@ana", // right-to-left override
	"ana\u200e@northwind.example", // left-to-right mark
	"an\u00ada@northwind.example", // soft hyphen
	"ana@north\u00a0wind.example", // no-break space
	"ana\uff20northwind.example",  // full-width @
	"ana@ｎｏｒｔｈｗｉｎｄ.example",       // full-width letters
}

// TestFormsUseTheAddressRule: the people form, the enrolment form and the settings refuse
// every hostile address on the field, and store an internationalised one in composed form.
func TestFormsUseTheAddressRule(t *testing.T) {
	s, _ := mustOpen(t)
	prog := mustProgram(t, s, "evergreen")
	for _, addr := range hostileAddresses {
		if _, err := s.People.Create(app.PersonInput{Name: "Ana", Email: addr}); err == nil || fieldOf(t, err) != "email" {
			t.Errorf("person with %q: %v, want refused on email", addr, err)
		}
		if _, err := s.People.Create(app.PersonInput{Name: "Ana", Email: "ana@northwind.example", ManagerEmail: addr}); err == nil || fieldOf(t, err) != "managerEmail" {
			t.Errorf("manager %q: %v, want refused on managerEmail", addr, err)
		}
		person := app.PersonInput{Name: "Ana", Email: addr}
		if _, err := s.Participants.Enrol(app.EnrolInput{ProgramID: prog.ID, NewPerson: &person, Roles: app.ParticipantInput{Mentee: true}}); err == nil {
			t.Errorf("enrolment with %q accepted", addr)
		}
		st := goodSettings()
		st.AdminEmail = addr
		if _, err := s.Settings.Save(st); err == nil || fieldOf(t, err) != "adminEmail" {
			t.Errorf("settings with %q: %v, want refused on adminEmail", addr, err)
		}
	}
	if people, _ := s.People.List(); len(people) != 0 {
		t.Fatalf("refused addresses stored %d people", len(people))
	}
	p, err := s.People.Create(app.PersonInput{Name: "Jürgen", Email: " jürgen@bu\u0308cher.example "})
	if err != nil || p.Email != "jürgen@bücher.example" {
		t.Errorf("internationalised address = %q, %v; want it stored composed and trimmed", p.Email, err)
	}
}

// TestImportUsesTheAddressRule: the import reports each hostile address on its row.
func TestImportUsesTheAddressRule(t *testing.T) {
	s, _ := mustOpen(t)
	prog := mustProgram(t, s, "evergreen")
	var b strings.Builder
	b.WriteString("Name,Email\n")
	for _, addr := range hostileAddresses {
		b.WriteString("Ana," + addr + "\n")
	}
	b.WriteString("Jürgen,jürgen@bücher.example\n")
	f := readFile(t, s, prog.ID, "people.csv", b.String())
	prev, err := s.Imports.Preview(request(prog.ID, f))
	if err != nil {
		t.Fatal(err)
	}
	if len(prev.BadRows) != len(hostileAddresses) || prev.Valid != 1 {
		t.Fatalf("preview: %d bad rows, %d valid; want %d and 1: %+v", len(prev.BadRows), prev.Valid, len(hostileAddresses), prev.Problems)
	}
	for i, p := range prev.Problems {
		if p.Row != i+2 || !strings.Contains(p.Reason, "is not an email address") {
			t.Errorf("problem %d = %+v", i, p)
		}
	}
}

// TestInternationalAddressesAreInvitedAndSent: a participant with an internationalised address
// saved through the form can be scheduled; the invite goes with the domain in punycode, and a
// non-ASCII local part goes to a server with SMTPUTF8 and fails clearly (that message only)
// on one without.
func TestInternationalAddressesAreInvitedAndSent(t *testing.T) {
	for _, utf8 := range []bool{false, true} {
		f := newMailFixtureWith(t, smtptest.Options{SMTPUTF8: utf8}, nil)
		jo := mustEnrol(t, f.s, f.prog.ID, app.PersonInput{Name: "José Müller", Email: "josé@bücher.example", TimeZone: "Europe/Berlin"},
			app.ParticipantInput{Mentee: true, Peer: true})
		ida := mustEnrol(t, f.s, f.prog.ID, app.PersonInput{Name: "Ida Öberg", Email: "ida@bücher.example", TimeZone: "Europe/Berlin"},
			app.ParticipantInput{Mentee: true, Peer: true})
		rel, err := f.s.Relationships.Create(app.RelationshipInput{ProgramID: f.prog.ID, Kind: "peer",
			Members: []app.MemberInput{{ParticipantID: jo.ID}, {ParticipantID: ida.ID}}})
		if err != nil {
			t.Fatal(err)
		}
		in := f.session("2026-12-01T10:00")
		in.RelationshipID = rel.ID
		if _, err := f.s.Sessions.Schedule(in); err != nil {
			t.Fatalf("schedule with internationalised addresses: %v", err)
		}
		f.send(t)
		msgs := f.messages(t, "")
		jose, idaMsg := byRecipient(t, msgs, "josé@bücher.example"), byRecipient(t, msgs, "ida@bücher.example")
		if !strings.Contains(jose.Calendar, "mailto:josé@bücher.example") {
			t.Errorf("invite lacks José's address:\n%s", jose.Calendar)
		}
		if idaMsg.Status != "sent" {
			t.Errorf("SMTPUTF8 %v: Ida's invite %s (%s)", utf8, idaMsg.Status, idaMsg.LastError)
		}
		if utf8 && jose.Status != "sent" {
			t.Errorf("with SMTPUTF8: José's invite %s (%s)", jose.Status, jose.LastError)
		}
		if !utf8 && (jose.Status != "failed" || !strings.Contains(jose.LastError, "non-ASCII letters (SMTPUTF8): josé@bücher.example")) {
			t.Errorf("without SMTPUTF8: José's invite %s (%q), want failed with the reason", jose.Status, jose.LastError)
		}
		var rcpts []string
		for _, m := range f.srv.Messages() {
			rcpts = append(rcpts, m.To...)
		}
		joined := strings.Join(rcpts, " ")
		if !strings.Contains(joined, "ida@xn--bcher-kva.example") || strings.Contains(joined, "bücher") {
			t.Errorf("SMTPUTF8 %v: recipients %v, want punycode domains", utf8, rcpts)
		}
		if utf8 != strings.Contains(joined, "josé@xn--bcher-kva.example") {
			t.Errorf("SMTPUTF8 %v: recipients %v", utf8, rcpts)
		}
	}
}

// TestSettingsRefuseControlCharacters: every free-text setting refuses a line break or
// another control character, naming the field, and changes nothing.
func TestSettingsRefuseControlCharacters(t *testing.T) {
	s, _ := mustOpen(t)
	if _, err := s.Settings.Save(goodSettings()); err != nil {
		t.Fatal(err)
	}
	fields := map[string]func(*app.AppSettings, string){
		"organisationName": func(st *app.AppSettings, v string) { st.OrganisationName = v },
		"adminName":        func(st *app.AppSettings, v string) { st.AdminName = v },
		"smtpHost":         func(st *app.AppSettings, v string) { st.SMTPHost = v },
		"smtpUsername":     func(st *app.AppSettings, v string) { st.SMTPUsername = v },
		"smtpCaFile":       func(st *app.AppSettings, v string) { st.SMTPCAFile = v },
		"draftsDir":        func(st *app.AppSettings, v string) { st.DraftsDir = v },
	}
	for field, set := range fields {
		for _, bad := range []string{"smtp.northwind.example\r\nMAIL FROM:<x@evil.example>", "a\nb", "a\rb", "a\x00b", "a\x1bb", "a\u0085b", "a\u2028b", "a\u2029b"} {
			st := goodSettings()
			set(&st, bad)
			_, err := s.Settings.Save(st)
			if err == nil || fieldOf(t, err) != field {
				t.Errorf("%s = %q: %v, want refused on %s", field, bad, err, field)
			}
		}
	}
	st := goodSettings()
	st.SMTPHost = "smtp.north\u200bwind.example"
	if _, err := s.Settings.Save(st); err == nil || fieldOf(t, err) != "smtpHost" {
		t.Errorf("host with a zero-width space: %v", err)
	}
	if got, _ := s.Settings.Get(); got.SMTPHost != "smtp.northwind.example" || got.OrganisationName != "Northwind" {
		t.Errorf("refused settings changed what was saved: %+v", got)
	}
}

// TestSessionFormRefusesSeparatorsAndBidi: a line or paragraph separator in a title, and a
// right-to-left override (or another invisible character) in a video link, are refused on the
// field; in the agenda they become newlines.
func TestSessionFormRefusesSeparatorsAndBidi(t *testing.T) {
	f := newMailFixture(t, nil)
	tests := []struct {
		name  string
		edit  func(*app.SessionInput)
		field string
	}{
		{"line separator in title", func(in *app.SessionInput) { in.Title = "Peer\u2028session" }, "title"},
		{"paragraph separator in title", func(in *app.SessionInput) { in.Title = "Peer\u2029session" }, "title"},
		{"NEL in title", func(in *app.SessionInput) { in.Title = "Peer\u0085session" }, "title"},
		{"line separator in location", func(in *app.SessionInput) { in.Location = "Room\u20284" }, "location"},
		{"right-to-left override in link", func(in *app.SessionInput) { in.VideoURL = "https://meet.example.com/\u202emoc.live" }, "videoUrl"},
		{"right-to-left mark in link", func(in *app.SessionInput) { in.VideoURL = "https://meet.example.com/a\u200fb" }, "videoUrl"},
		{"isolate in link", func(in *app.SessionInput) { in.VideoURL = "https://meet.example.com/\u2067x\u2069" }, "videoUrl"},
		{"zero-width space in link", func(in *app.SessionInput) { in.VideoURL = "https://meet.exa\u200bmple.com/x" }, "videoUrl"},
	}
	for _, tt := range tests {
		in := f.session("2026-12-01T10:00")
		tt.edit(&in)
		_, err := f.s.Sessions.Schedule(in)
		if err == nil || fieldOf(t, err) != tt.field {
			t.Errorf("%s: %v, want refused on %s", tt.name, err, tt.field)
		}
	}
	if all := f.messages(t, ""); len(all) != 0 {
		t.Errorf("refused input queued %s", summary(all))
	}
	in := f.session("2026-12-01T10:00")
	in.Agenda = "One\u2028Two\u2029Three\u0085Four"
	got, err := f.s.Sessions.Schedule(in)
	if err != nil {
		t.Fatal(err)
	}
	if got[0].Agenda != "One\nTwo\nThree\nFour" {
		t.Errorf("agenda stored as %q, want plain newlines", got[0].Agenda)
	}
}
