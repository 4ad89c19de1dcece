package app_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tandem/app"
)

// goodSettings is a valid form.
func goodSettings() app.AppSettings {
	return app.AppSettings{OrganisationName: "Northwind", AdminName: "Sam Admin", AdminEmail: adminEmail,
		DefaultTimeZone: "Europe/Lisbon", Delivery: "smtp", SMTPHost: "smtp.northwind.example", SMTPPort: 587,
		SMTPSecurity: "starttls", SMTPUsername: "tandem", PerMinute: 30, AutoSend: []string{"invite", "update"}}
}

func TestSaveSettingsRefusesBadValues(t *testing.T) {
	s, _ := mustOpen(t)
	saved, err := s.Settings.Save(goodSettings())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		edit  func(*app.AppSettings)
		field string
	}{
		{"bad email", func(st *app.AppSettings) { st.AdminEmail = "sam@" }, "adminEmail"},
		{"email with a space", func(st *app.AppSettings) { st.AdminEmail = "sam admin@northwind.example" }, "adminEmail"},
		{"port too big", func(st *app.AppSettings) { st.SMTPPort = 70000 }, "smtpPort"},
		{"negative port", func(st *app.AppSettings) { st.SMTPPort = -25 }, "smtpPort"},
		{"no encryption", func(st *app.AppSettings) { st.SMTPSecurity = "none" }, "smtpSecurity"},
		{"ssl", func(st *app.AppSettings) { st.SMTPSecurity = "ssl" }, "smtpSecurity"},
		{"bad zone", func(st *app.AppSettings) { st.DefaultTimeZone = "Mars/Olympus" }, "defaultTimeZone"},
		{"zone abbreviation", func(st *app.AppSettings) { st.DefaultTimeZone = "CET" }, "defaultTimeZone"},
		{"bad delivery", func(st *app.AppSettings) { st.Delivery = "fax" }, "delivery"},
		{"host with port", func(st *app.AppSettings) { st.SMTPHost = "smtp.northwind.example:587" }, "smtpHost"},
		{"rate too high", func(st *app.AppSettings) { st.PerMinute = 601 }, "perMinute"},
		{"rate negative", func(st *app.AppSettings) { st.PerMinute = -1 }, "perMinute"},
		{"unknown kind", func(st *app.AppSettings) { st.AutoSend = []string{"invite", "survey"} }, "autoSend"},
		{"name with a line break", func(st *app.AppSettings) { st.AdminName = "Sam\nAdmin" }, "adminName"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := goodSettings()
			in.OrganisationName = "Changed"
			tt.edit(&in)
			_, err := s.Settings.Save(in)
			if err == nil {
				t.Fatal("want an error")
			}
			if got := fieldOf(t, err); got != tt.field {
				t.Errorf("field %q, want %q (%v)", got, tt.field, err)
			}
			got, err := s.Settings.Get()
			if err != nil || got.OrganisationName != "Northwind" {
				t.Errorf("a refused save changed the settings: %+v %v", got, err)
			}
		})
	}
	if saved.SMTPPort != 587 || saved.PerMinute != 30 || saved.DefaultTimeZone != "Europe/Lisbon" ||
		len(saved.AutoSend) != 2 || saved.AutoSend[1] != "update" || saved.PasswordSaved {
		t.Errorf("saved = %+v", saved)
	}
	// Blank numbers take the defaults.
	in := goodSettings()
	in.SMTPPort, in.PerMinute, in.SMTPSecurity = 0, 0, ""
	if got, err := s.Settings.Save(in); err != nil || got.SMTPPort != 587 || got.PerMinute != 20 || got.SMTPSecurity != "starttls" {
		t.Errorf("defaults: %+v %v", got, err)
	}
}

func TestPasswordNeedsAUsernameAndNeverReachesTheDatabase(t *testing.T) {
	s, d := mustOpen(t)
	st := goodSettings()
	st.SMTPUsername = ""
	if _, err := s.Settings.Save(st); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Settings.SetPassword("pw"); err == nil || fieldOf(t, err) != "smtpUsername" {
		t.Errorf("a password without a username: %v", err)
	}

	const password = "Kx7-unlikely-Pa55word-93f1"
	if _, err := s.Settings.Save(goodSettings()); err != nil {
		t.Fatal(err)
	}
	got, err := s.Settings.SetPassword(password)
	if err != nil {
		t.Fatal(err)
	}
	if !got.PasswordSaved || got.PasswordRemembered {
		t.Errorf("saved %v remembered %v, want kept for this session only (no keyring in tests)", got.PasswordSaved, got.PasswordRemembered)
	}
	// Save again, so every settings row is rewritten after the password is known.
	if _, err := s.Settings.Save(goodSettings()); err != nil {
		t.Fatal(err)
	}

	rows, err := d.SQL.QueryContext(context.Background(), `SELECT key, value FROM settings`)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			t.Fatal(err)
		}
		n++
		if strings.Contains(v, password) || strings.Contains(k, password) {
			t.Errorf("settings row %s holds the password", k)
		}
	}
	if err := rows.Close(); err != nil {
		t.Fatal(err)
	}
	if n < 10 {
		t.Errorf("only %d settings rows: the scan saw nothing", n)
	}
	scan := func(when string) {
		for _, suffix := range []string{"", "-wal"} {
			data, err := os.ReadFile(d.Path + suffix)
			if err != nil {
				if os.IsNotExist(err) && suffix != "" {
					continue
				}
				t.Fatal(err)
			}
			if bytes.Contains(data, []byte(password)) {
				t.Errorf("%s: the file %s contains the password", when, d.Path+suffix)
			}
			if suffix == "" && !bytes.Contains(data, []byte("smtp.northwind.example")) && when == "after checkpoint" {
				t.Errorf("the database file does not contain the saved host: the scan is looking at the wrong file")
			}
		}
	}
	scan("before checkpoint")
	if _, err := d.SQL.ExecContext(context.Background(), `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		t.Fatal(err)
	}
	scan("after checkpoint")

	// Forgetting it works too.
	if got, err := s.Settings.SetPassword(""); err != nil || got.PasswordSaved {
		t.Errorf("forget: %+v %v", got, err)
	}
}

func TestSendTestEmail(t *testing.T) {
	f := newMailFixture(t, nil)
	msg, err := f.s.Settings.SendTestEmail()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(msg, "accepted") || !strings.Contains(msg, "signed in as tandem") {
		t.Errorf("result: %q", msg)
	}
	got := f.srv.Messages()
	if len(got) != 1 || got[0].To[0] != adminEmail || !bytes.Contains(got[0].Data, []byte("Tandem test email")) {
		t.Fatalf("server received %d messages", len(got))
	}

	// A wrong password is said plainly.
	if _, err := f.s.Settings.SetPassword("wrong"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Settings.SendTestEmail(); err == nil || !strings.Contains(err.Error(), "user name or password") {
		t.Errorf("wrong password: %v", err)
	}
}

func TestSMTPCAFileTrustsTheOrganisationsOwnCertificate(t *testing.T) {
	f := newMailFixture(t, nil)
	f.s.Settings.TLS = nil // as in the app: only the system's roots, and the file
	f.schedule(t, "2026-12-01T10:00")

	// Without the file the test server's certificate is not trusted: nothing leaves.
	p := f.send(t)
	if p.Sent != 0 || !strings.Contains(p.Message, "certificate") {
		t.Errorf("progress without the CA file = %+v", p)
	}

	dir := t.TempDir()
	ca := filepath.Join(dir, "northwind-ca.pem")
	if err := os.WriteFile(ca, f.srv.CertPEM, 0o600); err != nil {
		t.Fatal(err)
	}
	junk := filepath.Join(dir, "junk.pem")
	if err := os.WriteFile(junk, []byte("not a certificate"), 0o600); err != nil {
		t.Fatal(err)
	}
	st, err := f.s.Settings.Get()
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{junk, filepath.Join(dir, "missing.pem")} {
		st.SMTPCAFile = bad
		if _, err := f.s.Settings.Save(st); err == nil || fieldOf(t, err) != "smtpCaFile" {
			t.Errorf("CA file %s: %v", bad, err)
		}
	}
	st.SMTPCAFile = ca
	if _, err := f.s.Settings.Save(st); err != nil {
		t.Fatal(err)
	}
	if p := f.send(t); p.Sent != 2 {
		t.Errorf("progress with the CA file = %+v", p)
	}
	if len(f.srv.Messages()) != 2 {
		t.Errorf("server received %d messages, want 2", len(f.srv.Messages()))
	}
}
