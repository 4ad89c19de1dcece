package app

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"tandem/app/mail"
	"tandem/app/notify"
	"tandem/app/validate"
	"tandem/db"
	"tandem/db/store"
)

// AppSettings are the organisation's and the admin's details and how email leaves Tandem.
type AppSettings struct {
	OrganisationName string `json:"organisationName"`
	AdminName        string `json:"adminName"`
	AdminEmail       string `json:"adminEmail"`
	DefaultTimeZone  string `json:"defaultTimeZone"`
	// Delivery is "smtp" or "drafts" (.eml files for the admin's own mail client).
	Delivery     string `json:"delivery"`
	SMTPHost     string `json:"smtpHost"`
	SMTPPort     int    `json:"smtpPort"`
	SMTPSecurity string `json:"smtpSecurity"` // "starttls" or "tls"
	SMTPUsername string `json:"smtpUsername"`
	// SMTPCAFile is a PEM certificate to trust besides the system's, for a server signed by
	// the organisation's own certificate authority.
	SMTPCAFile string `json:"smtpCaFile"`
	PerMinute  int    `json:"perMinute"`
	DraftsDir  string `json:"draftsDir"`
	// AutoSend lists the kinds of message that leave without the admin pressing Send.
	AutoSend []string `json:"autoSend"`
	// PasswordSaved says whether an SMTP password is known (in the keyring or for this session).
	PasswordSaved bool `json:"passwordSaved"`
	// PasswordRemembered says whether it is in the OS keyring (false: this session only).
	PasswordRemembered bool `json:"passwordRemembered"`
}

// MessageKinds are the kinds of email Tandem writes, for automatic sending and templates.
var MessageKinds = notify.Kinds

// Settings reads and saves settings and the SMTP password.
type Settings struct {
	ctx        context.Context // the app's lifetime: every query runs under it
	db         *db.DB
	now        Clock
	secrets    Secrets
	remembered bool
	// TLS overrides the TLS settings of SMTP connections (tests trust their own server's
	// certificate with it); nil uses the system's roots.
	TLS *tls.Config
	// Backoff overrides the first wait before retrying a 4xx answer (tests make it short);
	// zero uses the mail package's default.
	Backoff time.Duration
}

// NewSettings returns the settings service.
func NewSettings(ctx context.Context, d *db.DB, now Clock, secrets Secrets) *Settings {
	return &Settings{ctx: ctx, db: d, now: now, secrets: secrets}
}

var settingsDefaults = map[string]string{
	"organisation_name": "", "admin_name": "", "admin_email": "", "default_time_zone": "",
	"delivery": "smtp", "smtp_host": "", "smtp_port": "587", "smtp_security": "starttls", "smtp_username": "", "smtp_ca_file": "",
	"per_minute": "20", "drafts_dir": "", "auto_send": "",
}

// Get returns the settings, with defaults for what was never saved.
func (s *Settings) Get() (AppSettings, error) {
	rows, err := s.db.Q.ListSettings(s.ctx)
	if err != nil {
		return AppSettings{}, fmt.Errorf("settings: %w", err)
	}
	kv := map[string]string{}
	for k, v := range settingsDefaults {
		kv[k] = v
	}
	for _, r := range rows {
		kv[r.Key] = r.Value
	}
	port, _ := strconv.Atoi(kv["smtp_port"])
	per, _ := strconv.Atoi(kv["per_minute"])
	out := AppSettings{OrganisationName: kv["organisation_name"], AdminName: kv["admin_name"], AdminEmail: kv["admin_email"],
		DefaultTimeZone: kv["default_time_zone"], Delivery: kv["delivery"], SMTPHost: kv["smtp_host"], SMTPPort: port,
		SMTPSecurity: kv["smtp_security"], SMTPUsername: kv["smtp_username"], SMTPCAFile: kv["smtp_ca_file"], PerMinute: per, DraftsDir: kv["drafts_dir"],
		AutoSend: []string{}}
	if out.DefaultTimeZone == "" {
		out.DefaultTimeZone = localZone()
	}
	for _, k := range strings.Split(kv["auto_send"], ",") {
		if k != "" {
			out.AutoSend = append(out.AutoSend, k)
		}
	}
	if out.SMTPUsername != "" {
		_, err := s.secrets.Get(out.SMTPUsername)
		out.PasswordSaved = err == nil
		out.PasswordRemembered = out.PasswordSaved && s.remembered
	}
	return out, nil
}

// Save validates and stores the settings (the password is set apart, with SetPassword).
func (s *Settings) Save(in AppSettings) (AppSettings, error) {
	in.OrganisationName = strings.TrimSpace(in.OrganisationName)
	in.AdminName = strings.TrimSpace(in.AdminName)
	in.AdminEmail = validate.NormalizeEmail(in.AdminEmail)
	in.SMTPHost = strings.TrimSpace(in.SMTPHost)
	in.SMTPUsername = strings.TrimSpace(in.SMTPUsername)
	in.SMTPCAFile = strings.TrimSpace(in.SMTPCAFile)
	in.DraftsDir = strings.TrimSpace(in.DraftsDir)
	if err := checkSettingsText(in); err != nil {
		return in, err
	}
	if in.AdminEmail != "" {
		if err := validate.Email(in.AdminEmail); err != nil {
			return in, fieldErr("adminEmail", "%s", upperFirst(err.Error()))
		}
	}
	if err := validate.TimeZone(in.DefaultTimeZone); err != nil {
		return in, fieldErr("defaultTimeZone", "%s", upperFirst(err.Error()))
	}
	if in.Delivery != "smtp" && in.Delivery != "drafts" {
		return in, fieldErr("delivery", "Choose how email leaves: through an SMTP server, or as drafts for your mail client")
	}
	if in.SMTPSecurity == "" {
		in.SMTPSecurity = "starttls"
	}
	if in.SMTPSecurity != "starttls" && in.SMTPSecurity != "tls" {
		return in, fieldErr("smtpSecurity", "Choose STARTTLS or TLS: Tandem never sends email unencrypted")
	}
	if in.SMTPPort == 0 {
		in.SMTPPort = 587
	}
	if in.SMTPPort < 1 || in.SMTPPort > 65535 {
		return in, fieldErr("smtpPort", "A port is a number from 1 to 65535")
	}
	if _, invisible := validate.Invisible(in.SMTPHost); invisible || strings.ContainsAny(in.SMTPHost, " /\\:@") {
		return in, fieldErr("smtpHost", "%q is not a server name like smtp.example.org", in.SMTPHost)
	}
	if in.SMTPCAFile != "" {
		if _, err := loadCA(in.SMTPCAFile); err != nil {
			return in, fieldErr("smtpCaFile", "%s", upperFirst(err.Error()))
		}
	}
	if in.PerMinute == 0 {
		in.PerMinute = 20
	}
	if in.PerMinute < 1 || in.PerMinute > 600 {
		return in, fieldErr("perMinute", "The rate limit is from 1 to 600 messages a minute")
	}
	for _, k := range in.AutoSend {
		if !contains(MessageKinds, k) {
			return in, fieldErr("autoSend", "%q is not a kind of message", k)
		}
	}
	kv := map[string]string{
		"organisation_name": in.OrganisationName, "admin_name": in.AdminName, "admin_email": in.AdminEmail,
		"default_time_zone": in.DefaultTimeZone, "delivery": in.Delivery, "smtp_host": in.SMTPHost,
		"smtp_port": strconv.Itoa(in.SMTPPort), "smtp_security": in.SMTPSecurity, "smtp_username": in.SMTPUsername,
		"smtp_ca_file": in.SMTPCAFile,
		"per_minute":   strconv.Itoa(in.PerMinute), "drafts_dir": in.DraftsDir, "auto_send": strings.Join(in.AutoSend, ","),
	}
	err := s.db.InTx(s.ctx, func(q *store.Queries) error {
		for k, v := range kv {
			if err := q.PutSetting(s.ctx, store.PutSettingParams{Key: k, Value: v}); err != nil {
				return fmt.Errorf("save settings: %w", err)
			}
		}
		return nil
	})
	if err != nil {
		return in, err
	}
	return s.Get()
}

// checkSettingsText refuses a line break or other control character (and an overlong value)
// in every free-text setting, naming the field: a CR/LF in the SMTP host or user name would
// reach the SMTP conversation, one in a name a mail header. The address, the time zone and
// the choices have their own checks.
func checkSettingsText(in AppSettings) error {
	for _, f := range []struct {
		field, label, value string
		max                 int
	}{
		{"organisationName", "The organisation's name", in.OrganisationName, 120},
		{"adminName", "Your name", in.AdminName, 120},
		{"smtpHost", "The SMTP server", in.SMTPHost, 253},
		{"smtpUsername", "The SMTP user name", in.SMTPUsername, 256},
		{"smtpCaFile", "The certificate file's path", in.SMTPCAFile, 4096},
		{"draftsDir", "The drafts folder", in.DraftsDir, 4096},
	} {
		if err := validate.Text(f.value, f.max); err != nil {
			return fieldErr(f.field, "%s %v", f.label, err)
		}
	}
	return nil
}

// SetPassword keeps the SMTP password for the saved username: in the OS keyring when there is
// one, otherwise for this session only. It says which.
func (s *Settings) SetPassword(password string) (AppSettings, error) {
	st, err := s.Get()
	if err != nil {
		return st, err
	}
	if st.SMTPUsername == "" {
		return st, fieldErr("smtpUsername", "Save a username first: the password is kept for it")
	}
	if password == "" {
		if err := s.secrets.Delete(st.SMTPUsername); err != nil {
			return st, fmt.Errorf("forget password: %w", err)
		}
		s.remembered = false
		return s.Get()
	}
	s.remembered, err = s.secrets.Set(st.SMTPUsername, password)
	if err != nil {
		return st, fmt.Errorf("save password: %w", err)
	}
	return s.Get()
}

// SendTestEmail sends one small message to the admin's address through the saved SMTP
// settings and says what the server answered.
func (s *Settings) SendTestEmail() (string, error) {
	st, err := s.Get()
	if err != nil {
		return "", err
	}
	sender, err := s.sender(st)
	if err != nil {
		return "", err
	}
	defer sender.Close()
	ctx, cancel := context.WithTimeout(s.ctx, 60*time.Second)
	defer cancel()
	msg, err := sender.Test(ctx, st.AdminEmail, st.AdminEmail)
	if err != nil {
		return "", &Error{Message: upperFirst(err.Error())}
	}
	return msg, nil
}

// sender builds an SMTP sender from the settings and the kept password.
func (s *Settings) sender(st AppSettings) (*mail.Sender, error) {
	if st.AdminEmail == "" {
		return nil, fieldErr("adminEmail", "Set your sending address in Settings first")
	}
	if st.SMTPHost == "" {
		return nil, fieldErr("smtpHost", "Set the SMTP server in Settings first")
	}
	// The outbox paces its runs itself (see Outbox.Send), so the sender has no limit of its own.
	cfg := mail.Config{Host: st.SMTPHost, Port: st.SMTPPort, Security: st.SMTPSecurity, Username: st.SMTPUsername, PerMinute: -1,
		Backoff: s.Backoff}
	if st.SMTPUsername != "" {
		pw, err := s.secrets.Get(st.SMTPUsername)
		if err != nil {
			return nil, fieldErr("password", "Enter the SMTP password in Settings: it is kept in your system's keyring, or for this session only")
		}
		cfg.Password = pw
	}
	cfg.TLSConfig = s.TLS
	if cfg.TLSConfig == nil && st.SMTPCAFile != "" {
		pool, err := loadCA(st.SMTPCAFile)
		if err != nil {
			return nil, fieldErr("smtpCaFile", "%s", upperFirst(err.Error()))
		}
		cfg.TLSConfig = &tls.Config{RootCAs: pool, ServerName: st.SMTPHost, MinVersion: tls.VersionTLS12}
	}
	sender, err := mail.NewSender(cfg)
	if err != nil {
		return nil, &Error{Field: "smtpHost", Message: upperFirst(err.Error())}
	}
	return sender, nil
}

func localZone() string {
	if z := time.Local.String(); z != "Local" && validate.TimeZone(z) == nil {
		return z
	}
	return "UTC"
}

// loadCA reads a PEM file of certificates and returns the system's roots plus them.
func loadCA(path string) (*x509.CertPool, error) {
	pem, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("the certificate file cannot be read: %v", err)
	}
	pool, err := x509.SystemCertPool()
	if err != nil || pool == nil {
		pool = x509.NewCertPool()
	}
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("%s holds no PEM certificate", path)
	}
	return pool, nil
}
