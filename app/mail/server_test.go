package mail

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"io"
	"math/big"
	"net"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// A real SMTP server (github.com/emersion/go-smtp) in the test process.

const (
	testUser = "admin@example.org"
	testPass = "correct horse"
)

// received is one message the test server accepted.
type received struct {
	From string
	To   []string
	Data []byte
	TLS  bool
}

// backend records what clients do and fails recipients on demand.
type backend struct {
	mu          sync.Mutex
	msgs        []received
	rcptTemp    map[string]int    // answer 451 to the next N RCPTs of this recipient
	dataTemp    map[string]int    // answer 451 to the next N DATAs for this recipient
	rcptPerm    map[string]string // answer 550 with this text to this recipient
	rcptTries   map[string]int    // RCPTs seen per recipient
	dropAfter   map[string]bool   // keep the message, then hang up before answering the DATA
	plainCmds   int               // AUTH, MAIL or RCPT seen on an unencrypted connection
	badAuths    int
	conns       []*smtp.Conn
	noAuthCheck bool // accept MAIL without AUTH (server without AUTH)
}

func newBackend() *backend {
	return &backend{
		rcptTemp:  map[string]int{},
		dataTemp:  map[string]int{},
		rcptPerm:  map[string]string{},
		rcptTries: map[string]int{},
		dropAfter: map[string]bool{},
	}
}

func (b *backend) NewSession(c *smtp.Conn) (smtp.Session, error) {
	b.mu.Lock()
	b.conns = append(b.conns, c)
	b.mu.Unlock()
	return &session{b: b, c: c}, nil
}

// messages returns a copy of what was received.
func (b *backend) messages() []received {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]received(nil), b.msgs...)
}

// dropAll closes every client connection from the server side.
func (b *backend) dropAll() {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, c := range b.conns {
		_ = c.Close()
	}
}

type session struct {
	b    *backend
	c    *smtp.Conn
	auth bool
	from string
	to   []string
}

func (s *session) isTLS() bool {
	_, ok := s.c.TLSConnectionState()
	return ok
}

func (s *session) notePlain() {
	if !s.isTLS() {
		s.b.mu.Lock()
		s.b.plainCmds++
		s.b.mu.Unlock()
	}
}

func (s *session) AuthMechanisms() []string { return []string{sasl.Plain} }

func (s *session) Auth(mech string) (sasl.Server, error) {
	s.notePlain()
	return sasl.NewPlainServer(func(identity, username, password string) error {
		if username != testUser || password != testPass {
			s.b.mu.Lock()
			s.b.badAuths++
			s.b.mu.Unlock()
			return smtp.ErrAuthFailed
		}
		s.auth = true
		return nil
	}), nil
}

func (s *session) Mail(from string, _ *smtp.MailOptions) error {
	s.notePlain()
	if !s.auth && !s.b.noAuthCheck {
		return smtp.ErrAuthRequired
	}
	s.from = from
	return nil
}

func (s *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.notePlain()
	s.b.mu.Lock()
	defer s.b.mu.Unlock()
	s.b.rcptTries[to]++
	if text, ok := s.b.rcptPerm[to]; ok {
		return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: text}
	}
	if s.b.rcptTemp[to] > 0 {
		s.b.rcptTemp[to]--
		return &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "Greylisted, try again later"}
	}
	s.to = append(s.to, to)
	return nil
}

func (s *session) Data(r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	s.b.mu.Lock()
	defer s.b.mu.Unlock()
	for _, to := range s.to {
		if s.b.dataTemp[to] > 0 {
			s.b.dataTemp[to]--
			return &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "Queue full, try again later"}
		}
	}
	s.b.msgs = append(s.b.msgs, received{From: s.from, To: s.to, Data: data, TLS: s.isTLS()})
	for _, to := range s.to {
		if s.b.dropAfter[to] {
			_ = s.c.Conn().Close()
			return errors.New("hung up")
		}
	}
	return nil
}

func (s *session) Reset() {
	s.from = ""
	s.to = nil
}

func (s *session) Logout() error { return nil }

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

// testServer is a running SMTP server and the client settings to reach it.
type testServer struct {
	be       *backend
	ln       *countingListener
	cfg      Config // Host, Port, Security, credentials, TLSConfig, tiny backoff
	certPool *x509.CertPool
}

// serverMode is how the test server offers TLS.
type serverMode int

const (
	modeSTARTTLS serverMode = iota // STARTTLS offered, AUTH only once encrypted
	modeImplicit                   // TLS from the first byte
	modePlain                      // no TLS at all (AUTH offered in plain text)
)

// startServer runs a test SMTP server on 127.0.0.1 on a random port.
func startServer(tb testing.TB, mode serverMode) *testServer {
	tb.Helper()
	cert, pool := selfSigned(tb)
	serverTLS := &tls.Config{Certificates: []tls.Certificate{cert}}

	be := newBackend()
	srv := smtp.NewServer(be)
	srv.Domain = "localhost"
	srv.ReadTimeout = 30 * time.Second
	srv.WriteTimeout = 30 * time.Second
	srv.MaxMessageBytes = 10 << 20
	srv.ErrorLog = quietLog{}

	inner, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	security := "starttls"
	var ln net.Listener = inner
	switch mode {
	case modeSTARTTLS:
		srv.TLSConfig = serverTLS
	case modeImplicit:
		srv.TLSConfig = serverTLS
		ln = tls.NewListener(inner, serverTLS)
		security = "tls"
	case modePlain:
		srv.AllowInsecureAuth = true
	}
	cl := &countingListener{Listener: ln}
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := srv.Serve(cl); err != nil && !errors.Is(err, smtp.ErrServerClosed) && !errors.Is(err, net.ErrClosed) {
			tb.Logf("test smtp server: %v", err)
		}
	}()
	tb.Cleanup(func() {
		_ = srv.Close()
		<-done
	})

	port := inner.Addr().(*net.TCPAddr).Port
	return &testServer{
		be: be, ln: cl, certPool: pool,
		cfg: Config{
			Host:      "127.0.0.1",
			Port:      port,
			Security:  security,
			Username:  testUser,
			Password:  testPass,
			PerMinute: -1,
			Backoff:   time.Millisecond,
			TLSConfig: &tls.Config{RootCAs: pool},
			HelloName: "tandem.test",
		},
	}
}

// sender returns a Sender for the server, with cfg changed by edit.
func (ts *testServer) sender(tb testing.TB, edit func(*Config)) *Sender {
	tb.Helper()
	cfg := ts.cfg
	if edit != nil {
		edit(&cfg)
	}
	s, err := NewSender(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { _ = s.Close() })
	return s
}

// selfSigned makes a certificate for 127.0.0.1 and localhost and a pool trusting it.
func selfSigned(tb testing.TB) (tls.Certificate, *x509.CertPool) {
	tb.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		tb.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "Tandem test SMTP server"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
		IPAddresses:           []net.IP{net.ParseIP("127.0.0.1")},
		DNSNames:              []string{"localhost"},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		tb.Fatal(err)
	}
	parsed, err := x509.ParseCertificate(der)
	if err != nil {
		tb.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(parsed)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: parsed}, pool
}

// quietLog discards the server's log.
type quietLog struct{}

func (quietLog) Printf(string, ...any) {}
func (quietLog) Println(...any)        {}
