package mail

import (
	"sync"
	"testing"
	"time"

	"tandem/app/mail/smtptest"
)

// A real SMTP server (app/mail/smtptest, on github.com/emersion/go-smtp) in the test process,
// with the failures these tests ask for kept in the maps of a backend.

const (
	testUser = "admin@example.org"
	testPass = "correct horse"
)

// received is one message the test server accepted.
type received = smtptest.Received

// backend records what clients do and fails recipients on demand.
type backend struct {
	srv         *smtptest.Server
	mu          sync.Mutex
	rcptTemp    map[string]int    // answer 451 to the next N RCPTs of this recipient
	dataTemp    map[string]int    // answer 451 to the next N DATAs for this recipient
	rcptPerm    map[string]string // answer 550 with this text to this recipient
	rcptTries   map[string]int    // RCPTs seen per recipient
	dropAfter   map[string]bool   // keep the message, then hang up before answering the DATA
	plainCmds   int               // AUTH, MAIL or RCPT seen on an unencrypted connection
	badAuths    int
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

// options returns the smtptest hooks that apply the backend's maps.
func (b *backend) options(security string) smtptest.Options {
	return smtptest.Options{
		Security: security,
		Username: testUser,
		Password: testPass,
		Command: func(_ string, encrypted bool) {
			if !encrypted {
				b.mu.Lock()
				b.plainCmds++
				b.mu.Unlock()
			}
		},
		AuthFailed: func(string) {
			b.mu.Lock()
			b.badAuths++
			b.mu.Unlock()
		},
		Mail: func(_ string, signedIn bool) error {
			b.mu.Lock()
			defer b.mu.Unlock()
			if !signedIn && !b.noAuthCheck {
				return smtptest.ErrAuthRequired
			}
			return nil
		},
		Rcpt: func(to string) error {
			b.mu.Lock()
			defer b.mu.Unlock()
			b.rcptTries[to]++
			if text, ok := b.rcptPerm[to]; ok {
				return smtptest.Reply(550, text)
			}
			if b.rcptTemp[to] > 0 {
				b.rcptTemp[to]--
				return smtptest.Reply(451, "Greylisted, try again later")
			}
			return nil
		},
		Data: func(m smtptest.Received) error {
			b.mu.Lock()
			defer b.mu.Unlock()
			for _, to := range m.To {
				if b.dataTemp[to] > 0 {
					b.dataTemp[to]--
					return smtptest.Reply(451, "Queue full, try again later")
				}
			}
			return nil
		},
		Kept: func(_ int, m smtptest.Received) bool {
			b.mu.Lock()
			defer b.mu.Unlock()
			for _, to := range m.To {
				if b.dropAfter[to] {
					return true
				}
			}
			return false
		},
	}
}

// messages returns a copy of what was received.
func (b *backend) messages() []received {
	return b.srv.Messages()
}

// dropAll closes every client connection from the server side.
func (b *backend) dropAll() {
	b.srv.DropConnections()
}

// connCounter counts the server's accepted connections.
type connCounter struct{ srv *smtptest.Server }

func (c connCounter) count() int { return c.srv.Sessions() }

// testServer is a running SMTP server and the client settings to reach it.
type testServer struct {
	be  *backend
	ln  connCounter
	cfg Config // Host, Port, Security, credentials, TLSConfig, tiny backoff
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
	return startServerWith(tb, mode, nil)
}

// startServerWith is startServer with the server's options changed by edit (SMTPUTF8 …).
func startServerWith(tb testing.TB, mode serverMode, edit func(*smtptest.Options)) *testServer {
	tb.Helper()
	security := map[serverMode]string{modeSTARTTLS: "starttls", modeImplicit: "tls", modePlain: "none"}[mode]
	be := newBackend()
	opts := be.options(security)
	if edit != nil {
		edit(&opts)
	}
	srv := smtptest.StartWith(tb, opts)
	be.srv = srv
	clientSecurity := srv.Security
	if clientSecurity == "none" {
		clientSecurity = "starttls" // what a client asks of a server without TLS: it must refuse
	}
	return &testServer{
		be: be, ln: connCounter{srv},
		cfg: Config{
			Host:      srv.Host,
			Port:      srv.Port,
			Security:  clientSecurity,
			Username:  testUser,
			Password:  testPass,
			PerMinute: -1,
			Backoff:   time.Millisecond,
			TLSConfig: srv.ClientTLS.Clone(),
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
