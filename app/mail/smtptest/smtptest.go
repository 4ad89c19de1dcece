// Package smtptest runs a real SMTP server (github.com/emersion/go-smtp) on 127.0.0.1 for
// tests: a random port, STARTTLS with a self-signed certificate made at start, AUTH PLAIN,
// every accepted message kept in memory, and answers that fail on demand (FailNext).
//
// Start is for tests (it stops at tb.Cleanup); Listen is the same server for a program
// (see smtpd), stopped with Close.
package smtptest

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// Password is the password the server accepts when Options.Password is empty.
const Password = "secret"

// The texts of the answers FailNext gives.
const (
	// TempFailText follows a 4xx code.
	TempFailText = "Greylisted, try again later"
	// PermFailText follows a 5xx code.
	PermFailText = "No such user here"
)

// Received is one message the server accepted.
type Received struct {
	From string
	To   []string
	Data []byte
	// TLS says whether the connection was encrypted.
	TLS bool
	// UTF8 says whether MAIL FROM asked for SMTPUTF8 (only possible when Options.SMTPUTF8).
	UTF8 bool
}

// Options change the server; the zero value is what Start and Listen use. The hooks are
// optional and are called from the server's goroutines, one connection at a time each but
// possibly concurrently across connections.
type Options struct {
	// Security is "starttls" (the default: STARTTLS offered, AUTH only once encrypted),
	// "tls" (implicit TLS from the first byte) or "none" (no TLS; AUTH offered in plain text).
	Security string
	// Username, when set, is the only user name accepted; empty accepts any.
	Username string
	// Password is the password accepted; empty means "secret".
	Password string
	// SMTPUTF8 offers the SMTPUTF8 extension (RFC 6531), for addresses with non-ASCII
	// letters. Without it the server, like many real ones, does not offer it and refuses a
	// MAIL FROM that asks for it.
	SMTPUTF8 bool

	// Command is called with "AUTH", "MAIL" or "RCPT" and whether the connection is encrypted.
	Command func(name string, encrypted bool)
	// AuthFailed is called when a sign-in is refused.
	AuthFailed func(username string)
	// Mail answers MAIL FROM: a non-nil error is the answer. Without it a sign-in is required.
	Mail func(from string, signedIn bool) error
	// Rcpt answers RCPT TO when FailNext has nothing for the recipient: a non-nil error
	// (see Reply) is the answer.
	Rcpt func(to string) error
	// Data is called with a complete message before it is kept: a non-nil error is the
	// answer and the message is not kept.
	Data func(m Received) error
	// Kept is called after a message is kept, with its number (1, 2 …); returning true
	// hangs up before the server answers the DATA.
	Kept func(n int, m Received) (hangUp bool)
}

// Server is a running SMTP server and what a client needs to reach it.
type Server struct {
	// Host is 127.0.0.1.
	Host string
	// Port is the random port the server listens on.
	Port int
	// Security is "starttls", "tls" or "none", as in Options.
	Security string
	// ClientTLS trusts the server's certificate; its ServerName is Host.
	ClientTLS *tls.Config
	// CertPEM is the server's certificate (PEM), for a client in another process.
	CertPEM []byte

	opts Options
	srv  *smtp.Server
	ln   *countingListener
	done chan struct{}

	mu    sync.Mutex
	msgs  []Received
	fails map[string][]failure // per recipient, answers still to give
	tries map[string]int       // RCPT TO seen per recipient
	conns []*smtp.Conn
}

type failure struct {
	code int
	text string
}

// Start runs a server with the default options; it stops at tb.Cleanup.
func Start(tb testing.TB) *Server {
	tb.Helper()
	return StartWith(tb, Options{})
}

// StartWith runs a server with opts; it stops at tb.Cleanup.
func StartWith(tb testing.TB, opts Options) *Server {
	tb.Helper()
	s, err := ListenWith(opts)
	if err != nil {
		tb.Fatalf("smtptest: %v", err)
	}
	tb.Cleanup(func() { _ = s.Close() })
	return s
}

// Listen runs a server with the default options until Close.
func Listen() (*Server, error) {
	return ListenWith(Options{})
}

// ListenWith runs a server with opts until Close.
func ListenWith(opts Options) (*Server, error) {
	if opts.Security == "" {
		opts.Security = "starttls"
	}
	if opts.Password == "" {
		opts.Password = Password
	}
	if opts.Security != "starttls" && opts.Security != "tls" && opts.Security != "none" {
		return nil, fmt.Errorf("security %q is not starttls, tls or none", opts.Security)
	}
	cert, certPEM, err := selfSigned()
	if err != nil {
		return nil, err
	}
	pool := x509.NewCertPool()
	pool.AddCert(cert.Leaf)
	serverTLS := &tls.Config{Certificates: []tls.Certificate{cert}}

	s := &Server{Host: "127.0.0.1", Security: opts.Security, CertPEM: certPEM,
		ClientTLS: &tls.Config{RootCAs: pool, ServerName: "127.0.0.1"},
		opts:      opts, fails: map[string][]failure{}, tries: map[string]int{}, done: make(chan struct{})}

	s.srv = smtp.NewServer(smtp.BackendFunc(s.newSession))
	s.srv.Domain = "localhost"
	s.srv.ReadTimeout = 30 * time.Second
	s.srv.WriteTimeout = 30 * time.Second
	s.srv.MaxMessageBytes = 10 << 20
	s.srv.EnableSMTPUTF8 = opts.SMTPUTF8
	s.srv.ErrorLog = quietLog{}

	inner, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s.Port = inner.Addr().(*net.TCPAddr).Port
	var ln net.Listener = inner
	switch opts.Security {
	case "starttls":
		s.srv.TLSConfig = serverTLS
	case "tls":
		s.srv.TLSConfig = serverTLS
		ln = tls.NewListener(inner, serverTLS)
	case "none":
		s.srv.AllowInsecureAuth = true
	}
	s.ln = &countingListener{Listener: ln}
	go func() {
		defer close(s.done)
		_ = s.srv.Serve(s.ln) // returns when Close closes the listener
	}()
	return s, nil
}

// Close stops the server and closes its connections.
func (s *Server) Close() error {
	err := s.srv.Close()
	// Serve registers its listener only once it runs: close it here too, or a Close right
	// after Listen would leave Serve accepting for ever.
	_ = s.ln.Close()
	<-s.done
	if errors.Is(err, smtp.ErrServerClosed) {
		return nil
	}
	return err
}

// Addr is host:port.
func (s *Server) Addr() string {
	return net.JoinHostPort(s.Host, fmt.Sprint(s.Port))
}

// Messages returns a copy of the messages accepted so far, in order.
func (s *Server) Messages() []Received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Received(nil), s.msgs...)
}

// FailNext makes the next n RCPT TO:<rcpt> answer code (a 4xx such as 451, or a 5xx such as
// 550) with TempFailText or PermFailText. Calls add up, in order.
func (s *Server) FailNext(rcpt string, code, n int) {
	text := PermFailText
	if code < 500 {
		text = TempFailText
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for range n {
		s.fails[rcpt] = append(s.fails[rcpt], failure{code: code, text: text})
	}
}

// Tries returns how many RCPT TO:<rcpt> the server has seen.
func (s *Server) Tries(rcpt string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.tries[rcpt]
}

// Sessions returns how many connections the server accepted.
func (s *Server) Sessions() int {
	return s.ln.count()
}

// DropConnections closes every client connection from the server's side, as a server that
// hangs up on idle clients does.
func (s *Server) DropConnections() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, c := range s.conns {
		_ = c.Close()
	}
	s.conns = nil
}

// ErrAuthRequired is the answer to MAIL before a sign-in (502 5.7.0 Please authenticate first, as go-smtp has it), for the Mail hook.
var ErrAuthRequired error = smtp.ErrAuthRequired

// Reply returns an SMTP answer with code and text, for the hooks. 4xx answers carry the
// enhanced code 4.3.0 and 5xx answers 5.1.1.
func Reply(code int, text string) error {
	ec := smtp.EnhancedCode{5, 1, 1}
	if code < 500 {
		ec = smtp.EnhancedCode{4, 3, 0}
	}
	return &smtp.SMTPError{Code: code, EnhancedCode: ec, Message: text}
}

func (s *Server) newSession(c *smtp.Conn) (smtp.Session, error) {
	s.mu.Lock()
	s.conns = append(s.conns, c)
	s.mu.Unlock()
	return &session{s: s, c: c}, nil
}

type session struct {
	s      *Server
	c      *smtp.Conn
	signed bool
	from   string
	utf8   bool
	to     []string
}

func (ss *session) encrypted() bool {
	_, ok := ss.c.TLSConnectionState()
	return ok
}

func (ss *session) command(name string) {
	if f := ss.s.opts.Command; f != nil {
		f(name, ss.encrypted())
	}
}

// AuthMechanisms offers AUTH PLAIN.
func (ss *session) AuthMechanisms() []string { return []string{sasl.Plain} }

// Auth checks the user name and password.
func (ss *session) Auth(string) (sasl.Server, error) {
	ss.command("AUTH")
	return sasl.NewPlainServer(func(_, username, password string) error {
		o := ss.s.opts
		if (o.Username != "" && username != o.Username) || password != o.Password {
			if o.AuthFailed != nil {
				o.AuthFailed(username)
			}
			return smtp.ErrAuthFailed
		}
		ss.signed = true
		return nil
	}), nil
}

func (ss *session) Mail(from string, opts *smtp.MailOptions) error {
	ss.command("MAIL")
	if f := ss.s.opts.Mail; f != nil {
		if err := f(from, ss.signed); err != nil {
			return err
		}
	} else if !ss.signed {
		return ErrAuthRequired
	}
	ss.from = from
	ss.utf8 = opts != nil && opts.UTF8
	return nil
}

func (ss *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	ss.command("RCPT")
	s := ss.s
	s.mu.Lock()
	s.tries[to]++
	var fail *failure
	if q := s.fails[to]; len(q) > 0 {
		fail = &q[0]
		s.fails[to] = q[1:]
	}
	s.mu.Unlock()
	if fail != nil {
		return Reply(fail.code, fail.text)
	}
	if f := s.opts.Rcpt; f != nil {
		if err := f(to); err != nil {
			return err
		}
	}
	ss.to = append(ss.to, to)
	return nil
}

func (ss *session) Data(r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	m := Received{From: ss.from, To: append([]string(nil), ss.to...), Data: data, TLS: ss.encrypted(), UTF8: ss.utf8}
	s := ss.s
	if f := s.opts.Data; f != nil {
		if err := f(m); err != nil {
			return err
		}
	}
	s.mu.Lock()
	s.msgs = append(s.msgs, m)
	n := len(s.msgs)
	s.mu.Unlock()
	if f := s.opts.Kept; f != nil && f(n, m) {
		_ = ss.c.Conn().Close()
		return errors.New("hung up")
	}
	return nil
}

func (ss *session) Reset() {
	ss.from = ""
	ss.utf8 = false
	ss.to = nil
}

func (ss *session) Logout() error { return nil }

// countingListener counts accepted connections.
type countingListener struct {
	net.Listener
	mu sync.Mutex
	n  int
}

func (l *countingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err == nil {
		l.mu.Lock()
		l.n++
		l.mu.Unlock()
	}
	return c, err
}

func (l *countingListener) count() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.n
}

// selfSigned makes a certificate for 127.0.0.1 and localhost, valid for a week, and its PEM.
func selfSigned() (tls.Certificate, []byte, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(time.Now().UnixNano()),
		Subject:               pkix.Name{CommonName: "Tandem test SMTP server"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(7 * 24 * time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
		IPAddresses:           []net.IP{net.ParseIP("127.0.0.1")},
		DNSNames:              []string{"localhost"},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	leaf, err := x509.ParseCertificate(der)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	certPEM := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: leaf}, certPEM, nil
}

// ClientTLSFromPEM returns a client TLS config that trusts the certificate in certPEM (a
// Server's CertPEM passed to another process) for host.
func ClientTLSFromPEM(certPEM []byte, host string) (*tls.Config, error) {
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(certPEM) {
		return nil, errors.New("smtptest: no certificate in the PEM")
	}
	return &tls.Config{RootCAs: pool, ServerName: host}, nil
}

// quietLog discards the server's log.
type quietLog struct{}

func (quietLog) Printf(string, ...any) {}
func (quietLog) Println(...any)        {}
