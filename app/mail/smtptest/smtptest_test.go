package smtptest_test

import (
	"crypto/tls"
	"errors"
	"net/smtp"
	"net/textproto"
	"strings"
	"testing"

	"tandem/app/mail/smtptest"
)

// starttls connects and secures the connection with STARTTLS.
func starttls(t *testing.T, s *smtptest.Server) *smtp.Client {
	t.Helper()
	c, err := smtp.Dial(s.Addr())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	if err := c.StartTLS(s.ClientTLS); err != nil {
		t.Fatal(err)
	}
	return c
}

// dial connects with STARTTLS and signs in as user with password.
func dial(t *testing.T, s *smtptest.Server, user, password string) *smtp.Client {
	t.Helper()
	c := starttls(t, s)
	if err := c.Auth(smtp.PlainAuth("", user, password, s.Host)); err != nil {
		t.Fatal(err)
	}
	return c
}

func send(c *smtp.Client, from, to, body string) error {
	if err := c.Mail(from); err != nil {
		return err
	}
	if err := c.Rcpt(to); err != nil {
		_ = c.Reset()
		return err
	}
	w, err := c.Data()
	if err != nil {
		return err
	}
	if _, err := w.Write([]byte(body)); err != nil {
		return err
	}
	return w.Close()
}

func code(err error) int {
	var tp *textproto.Error
	if errors.As(err, &tp) {
		return tp.Code
	}
	return 0
}

func TestServerAcceptsAndFailsOnDemand(t *testing.T) {
	s := smtptest.Start(t)
	if s.Host != "127.0.0.1" || s.Port == 0 || s.ClientTLS.ServerName != "127.0.0.1" || !strings.Contains(string(s.CertPEM), "BEGIN CERTIFICATE") {
		t.Fatalf("server %+v", s)
	}
	s.FailNext("b@example.org", 451, 2)
	s.FailNext("c@example.org", 550, 1)
	c := dial(t, s, "anyone", smtptest.Password)

	tests := []struct {
		to   string
		code int
		text string
	}{
		{"a@example.org", 0, ""},
		{"b@example.org", 451, smtptest.TempFailText},
		{"b@example.org", 451, smtptest.TempFailText},
		{"b@example.org", 0, ""},
		{"c@example.org", 550, smtptest.PermFailText},
		{"c@example.org", 0, ""},
	}
	for i, tt := range tests {
		err := send(c, "me@example.org", tt.to, "Subject: hi\r\n\r\nHello\r\n")
		if code(err) != tt.code || (tt.text != "" && !strings.Contains(err.Error(), tt.text)) {
			t.Errorf("%d: to %s: %v, want code %d", i, tt.to, err, tt.code)
		}
	}
	got := s.Messages()
	if len(got) != 3 || got[0].To[0] != "a@example.org" || got[1].To[0] != "b@example.org" || got[2].To[0] != "c@example.org" {
		t.Fatalf("messages %+v", got)
	}
	if got[0].From != "me@example.org" || !got[0].TLS || !strings.Contains(string(got[0].Data), "Hello") {
		t.Errorf("first message %+v", got[0])
	}
	if s.Tries("b@example.org") != 3 || s.Sessions() != 1 {
		t.Errorf("tries %d, sessions %d", s.Tries("b@example.org"), s.Sessions())
	}
}

func TestServerRefusesAWrongPasswordAndMailWithoutSignIn(t *testing.T) {
	s := smtptest.Start(t)
	c := starttls(t, s)
	if err := c.Mail("me@example.org"); code(err) != 502 {
		t.Errorf("MAIL without sign-in: %v", err)
	}
	// net/smtp hangs up after a refused sign-in.
	if err := starttls(t, s).Auth(smtp.PlainAuth("", "anyone", "wrong", s.Host)); code(err) != 535 {
		t.Errorf("wrong password: %v", err)
	}
	if len(s.Messages()) != 0 || s.Sessions() != 2 {
		t.Errorf("%d messages kept, %d sessions", len(s.Messages()), s.Sessions())
	}
}

func TestServerWithAFixedUserAndImplicitTLS(t *testing.T) {
	s := smtptest.StartWith(t, smtptest.Options{Security: "tls", Username: "admin", Password: "pw"})
	connect := func() *smtp.Client {
		conn, err := tls.Dial("tcp", s.Addr(), s.ClientTLS)
		if err != nil {
			t.Fatal(err)
		}
		c, err := smtp.NewClient(conn, s.Host)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = c.Close() })
		return c
	}
	if err := connect().Auth(smtp.PlainAuth("", "other", "pw", s.Host)); code(err) != 535 {
		t.Errorf("another user: %v", err)
	}
	c := connect()
	if err := c.Auth(smtp.PlainAuth("", "admin", "pw", s.Host)); err != nil {
		t.Fatal(err)
	}
	if err := send(c, "me@example.org", "a@example.org", "Subject: x\r\n\r\ny\r\n"); err != nil {
		t.Fatal(err)
	}
	if m := s.Messages(); len(m) != 1 || !m[0].TLS {
		t.Errorf("messages %+v", m)
	}
}

func TestListenAndClose(t *testing.T) {
	s, err := smtptest.Listen()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := smtp.Dial(s.Addr()); err == nil {
		t.Error("the server still accepts connections after Close")
	}
	if _, err := smtptest.ListenWith(smtptest.Options{Security: "ssl"}); err == nil {
		t.Error("an unknown security was accepted")
	}
}
