package mail

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/textproto"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
	"unicode"

	gomail "github.com/wneessen/go-mail"
	"github.com/wneessen/go-mail/smtp"
	"golang.org/x/time/rate"
)

// Config is how to reach the SMTP server.
type Config struct {
	// Host is the server's name, e.g. smtp.example.org. Required.
	Host string
	// Port defaults to 587 with STARTTLS and 465 with implicit TLS.
	Port int
	// Security is "starttls" (the default: STARTTLS is mandatory, nothing is
	// sent unencrypted) or "tls" (implicit TLS, usually on port 465).
	Security string
	// Username signs in with SMTP AUTH (PLAIN, or LOGIN when the server offers
	// only that) once the connection is encrypted. Empty means no sign-in.
	Username string
	// Password comes from the keyring; this package never stores it.
	Password string
	// PerMinute is the rate limit in messages a minute: 0 means the default of
	// 20, a negative number means no limit (benchmarks).
	PerMinute int
	// Retries is how many more times a message is tried after a temporary
	// (4xx) answer or a broken connection: 0 means the default of 3, a
	// negative number means none.
	Retries int
	// Backoff is the first wait before a retry, doubling each time: 0 means
	// the default of 2s.
	Backoff time.Duration
	// TLSConfig is used for STARTTLS and implicit TLS; nil means the system's
	// roots. Its ServerName defaults to Host.
	TLSConfig *tls.Config
	// HelloName is the name given in EHLO; empty means this machine's name.
	HelloName string
}

// Result is what happened to one message.
type Result struct {
	// ID is the Message's ID.
	ID int64
	// Sent is true when the server accepted the message.
	Sent bool
	// Temporary is true for a 4xx answer (or a broken connection before the
	// message was handed over) that outlived the retries: the message was not
	// delivered and can be tried again later.
	Temporary bool
	// Code is the server's SMTP code when known (250 when sent).
	Code int
	// Reason is the server's answer or the error, in a sentence.
	Reason string
	// Uncertain is true when the connection broke after the message was handed over: it may
	// have been delivered, so it must not be sent again without a look.
	Uncertain bool
}

// Defaults and limits.
const (
	defaultPort      = 587
	defaultTLSPort   = 465
	defaultPerMinute = 20
	defaultRetries   = 3
	defaultBackoff   = 2 * time.Second
	maxBackoff       = 5 * time.Minute
	// commandTimeout bounds each step of the conversation with the server.
	commandTimeout = 30 * time.Second
)

// Sender sends messages over one reused connection, reconnecting when it
// drops. The connection stays open between calls to Send: call Close when a
// batch is done. Its methods may be called from several goroutines; they take
// turns.
type Sender struct {
	cfg     Config
	tls     *tls.Config
	limiter *rate.Limiter // nil: no limit
	retries int
	backoff time.Duration

	mu   sync.Mutex
	conn *smtp.Client // nil until the first message, and after a drop
}

// NewSender checks cfg and returns a Sender; it does not connect yet.
// The host is required, the port must be within 1..65535 and the security
// "starttls" or "tls".
func NewSender(cfg Config) (*Sender, error) {
	cfg.Host = strings.TrimSpace(cfg.Host)
	if cfg.Host == "" {
		return nil, errors.New("smtp settings: the server's host name is required")
	}
	if strings.ContainsFunc(cfg.Host, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r) || r == '/' || r == '@'
	}) || (strings.Contains(cfg.Host, ":") && net.ParseIP(cfg.Host) == nil) {
		return nil, fmt.Errorf("smtp settings: %q is not a host name (give the port separately)", cfg.Host)
	}
	switch strings.ToLower(strings.TrimSpace(cfg.Security)) {
	case "", "starttls":
		cfg.Security = "starttls"
		if cfg.Port == 0 {
			cfg.Port = defaultPort
		}
	case "tls":
		cfg.Security = "tls"
		if cfg.Port == 0 {
			cfg.Port = defaultTLSPort
		}
	default:
		return nil, fmt.Errorf("smtp settings: security %q is not one of starttls or tls", cfg.Security)
	}
	if cfg.Port < 1 || cfg.Port > 65535 {
		return nil, fmt.Errorf("smtp settings: port %d is not between 1 and 65535", cfg.Port)
	}

	s := &Sender{cfg: cfg, retries: cfg.Retries, backoff: cfg.Backoff}
	switch {
	case cfg.PerMinute == 0:
		s.limiter = rate.NewLimiter(rate.Every(time.Minute/defaultPerMinute), 1)
	case cfg.PerMinute > 0:
		s.limiter = rate.NewLimiter(rate.Every(time.Minute/time.Duration(cfg.PerMinute)), 1)
	}
	switch {
	case s.retries == 0:
		s.retries = defaultRetries
	case s.retries < 0:
		s.retries = 0
	}
	if s.backoff <= 0 {
		s.backoff = defaultBackoff
	}
	if cfg.TLSConfig != nil {
		s.tls = cfg.TLSConfig.Clone()
	} else {
		s.tls = &tls.Config{}
	}
	if s.tls.ServerName == "" {
		s.tls.ServerName = cfg.Host
	}
	if s.tls.MinVersion == 0 {
		s.tls.MinVersion = tls.VersionTLS12
	}
	return s, nil
}

// addr is host:port, for messages.
func (s *Sender) addr() string {
	return net.JoinHostPort(s.cfg.Host, strconv.Itoa(s.cfg.Port))
}

// Send sends the messages one by one, in order, honouring the rate limit, and
// calls report after each message with its result, before the next message
// goes (so the caller can record "sent" first).
//
// A temporary (4xx) answer is retried with a doubling backoff; a permanent
// (5xx) answer fails that message with the server's text and Send goes on
// with the next. A message that cannot be built fails without being sent, and
// so does one with an address that has non-ASCII letters before the @ when the
// server does not offer SMTPUTF8 (domains always go in punycode). A
// connection that broke after the message was handed over gives a failed,
// non-temporary result saying it may have been delivered: it is never sent
// again blindly.
//
// Send returns early with an error when ctx is cancelled (or its deadline
// leaves no room for the next message), or when the server cannot be reached
// or refuses the connection or the sign-in. Messages that got no result were
// not delivered.
func (s *Sender) Send(ctx context.Context, msgs []Message, report func(Result)) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if report == nil {
		report = func(Result) {}
	}
	for _, m := range msgs {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("sending stopped before message %d: %w", m.ID, err)
		}
		msg, env, err := compose(m, newMessageID(m), false)
		if err != nil {
			report(Result{ID: m.ID, Reason: "The message could not be built: " + err.Error() + "."})
			continue
		}
		res, err := s.deliver(ctx, m.ID, env, msg)
		if err != nil {
			return fmt.Errorf("sending stopped at message %d: %w", m.ID, err)
		}
		report(res)
	}
	return nil
}

// deliver sends one message, reconnecting and retrying as needed. An error
// means the message got no result and was not delivered.
func (s *Sender) deliver(ctx context.Context, id int64, env envelope, msg *gomail.Msg) (Result, error) {
	failures := 0
	staleRetried := false
	for {
		if err := s.wait(ctx); err != nil {
			return Result{}, err
		}
		fresh := false
		if s.conn == nil {
			if err := s.connect(ctx); err != nil {
				return Result{}, err
			}
			fresh = true
		}
		a := transact(s.conn, env, msg)
		if a.broken {
			s.drop()
		}
		switch a.kind {
		case delivered:
			return Result{ID: id, Sent: true, Code: a.code, Reason: "Accepted by the server: " + a.text + "."}, nil
		case refused:
			return Result{ID: id, Code: a.code, Reason: fmt.Sprintf("The server refused the %s: %s.", a.stage, a.reply())}, nil
		case unknown:
			return Result{ID: id, Uncertain: true, Reason: "The connection broke after the message was handed to the server, " +
				"so it may have been delivered; check before sending it again (" + a.text + ")."}, nil
		case unsendable:
			return Result{ID: id, Reason: sentence(errors.New(a.text))}, nil
		}
		// Deferred. A reused connection that the server had closed while idle
		// is expected: try again at once on a new one.
		if a.broken && !fresh && !staleRetried {
			staleRetried = true
			continue
		}
		failures++
		if failures > s.retries {
			reason := fmt.Sprintf("The server deferred the %s %s (%s); the message can be sent again later.",
				a.stage, times(failures), a.reply())
			if a.code == 0 {
				reason = fmt.Sprintf("The connection failed %s while sending the %s (%s); the message can be sent again later.",
					times(failures), a.stage, a.text)
			}
			return Result{ID: id, Temporary: true, Code: a.code, Reason: reason}, nil
		}
		if err := sleep(ctx, s.backoffFor(failures)); err != nil {
			return Result{}, err
		}
	}
}

// times returns "once", "twice" or "n times".
func times(n int) string {
	switch n {
	case 1:
		return "once"
	case 2:
		return "twice"
	}
	return strconv.Itoa(n) + " times"
}

// backoffFor returns the wait before retry number n (1-based).
func (s *Sender) backoffFor(n int) time.Duration {
	d := s.backoff
	for i := 1; i < n && d < maxBackoff; i++ {
		d *= 2
	}
	return min(d, maxBackoff)
}

// wait takes a token from the rate limiter.
func (s *Sender) wait(ctx context.Context) error {
	if s.limiter == nil {
		return ctx.Err()
	}
	if err := s.limiter.Wait(ctx); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("the rate limit would send the next message after the deadline: %w", context.DeadlineExceeded)
	}
	return nil
}

// sleep waits d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// connect opens s.conn, retrying temporary failures with backoff.
func (s *Sender) connect(ctx context.Context) error {
	for failures := 0; ; failures++ {
		sc, err := s.dial(ctx)
		if err == nil {
			s.conn = sc
			return nil
		}
		if ctx.Err() != nil {
			return fmt.Errorf("connect to %s: %w", s.addr(), ctx.Err())
		}
		ce := describeConnError(s.addr(), err)
		if !ce.temporary || failures >= s.retries {
			return ce
		}
		if err := sleep(ctx, s.backoffFor(failures+1)); err != nil {
			return err
		}
	}
}

// drop closes the connection without a QUIT: it is broken or in an unknown state.
func (s *Sender) drop() {
	if s.conn != nil {
		_ = s.conn.Close()
		s.conn = nil
	}
}

// dial connects, greets, secures the connection and signs in. On failure the
// network connection is closed (go-mail leaves it open).
func (s *Sender) dial(ctx context.Context) (*smtp.Client, error) {
	var (
		mu      sync.Mutex
		raw     net.Conn
		stopped bool
	)
	dialFn := func(ctx context.Context, network, address string) (net.Conn, error) {
		var d net.Dialer
		c, err := d.DialContext(ctx, network, address)
		if err != nil {
			return nil, err
		}
		mu.Lock()
		raw = c
		closed := stopped
		mu.Unlock()
		if closed {
			_ = c.Close()
			return nil, ctx.Err()
		}
		if s.cfg.Security != "tls" {
			return c, nil
		}
		tc := tls.Client(c, s.tls)
		if err := tc.HandshakeContext(ctx); err != nil {
			return nil, err
		}
		return tc, nil
	}
	opts := []gomail.Option{
		gomail.WithPort(s.cfg.Port),
		gomail.WithTimeout(commandTimeout),
		gomail.WithDialContextFunc(dialFn),
		gomail.WithTLSConfig(s.tls),
	}
	if s.cfg.Security == "tls" {
		// Tells go-mail the connection is already encrypted (dialFn does the
		// TLS handshake) so it skips STARTTLS.
		opts = append(opts, gomail.WithSSL())
	} else {
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	}
	if s.cfg.HelloName != "" {
		opts = append(opts, gomail.WithHELO(s.cfg.HelloName))
	}
	if s.cfg.Username != "" {
		opts = append(opts, gomail.WithSMTPAuthCustom(&signIn{
			user: s.cfg.Username, pass: s.cfg.Password, host: s.cfg.Host,
		}))
	}
	client, err := gomail.NewClient(s.cfg.Host, opts...)
	if err != nil {
		return nil, fmt.Errorf("set up the smtp client: %w", err)
	}
	// go-mail honours ctx only while dialling: close the connection when ctx
	// ends during the greeting, STARTTLS or the sign-in.
	stop := context.AfterFunc(ctx, func() {
		mu.Lock()
		defer mu.Unlock()
		stopped = true
		if raw != nil {
			_ = raw.Close()
		}
	})
	sc, err := client.DialToSMTPClientWithContext(ctx)
	if !stop() && err == nil {
		_ = sc.Close()
		return nil, ctx.Err()
	}
	if err != nil {
		mu.Lock()
		if raw != nil {
			_ = raw.Close()
		}
		mu.Unlock()
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, err
	}
	return sc, nil
}

// signIn is SMTP AUTH with PLAIN, or LOGIN when the server offers only that
// (Microsoft 365 offers LOGIN and XOAUTH2). It refuses to send the password
// over a connection that is not encrypted.
type signIn struct {
	user, pass, host string
	inner            smtp.Auth
}

// errNoMechanism is a sign-in the server cannot do: a settings problem.
type errNoMechanism struct{ offered []string }

func (e errNoMechanism) Error() string {
	if len(e.offered) == 0 {
		return "the server does not offer sign-in (SMTP AUTH); clear the user name if it needs none"
	}
	return "the server offers no sign-in method Tandem supports (PLAIN or LOGIN), only " + strings.Join(e.offered, ", ")
}

// errUnencrypted is a sign-in over an unencrypted connection, which is refused.
var errUnencrypted = errors.New("the connection is not encrypted, so the password was not sent")

// Start picks the mechanism from those the server offers.
func (a *signIn) Start(server *smtp.ServerInfo) (string, []byte, error) {
	if !server.TLS {
		return "", nil, errUnencrypted
	}
	has := func(name string) bool {
		for _, m := range server.Auth {
			if strings.EqualFold(m, name) {
				return true
			}
		}
		return false
	}
	switch {
	case has("PLAIN"):
		a.inner = smtp.PlainAuth("", a.user, a.pass, a.host, false)
	case has("LOGIN"):
		a.inner = smtp.LoginAuth(a.user, a.pass, a.host, false)
	default:
		return "", nil, errNoMechanism{offered: server.Auth}
	}
	return a.inner.Start(server)
}

// Next continues the chosen mechanism.
func (a *signIn) Next(fromServer []byte, more bool) ([]byte, error) {
	return a.inner.Next(fromServer, more)
}

// connError is a failure to connect, secure the connection or sign in.
type connError struct {
	addr      string
	reason    string
	temporary bool
	err       error
}

func (e *connError) Error() string {
	return "could not connect to " + e.addr + ": " + e.reason
}

func (e *connError) Unwrap() error { return e.err }

// describeConnError explains err from dial in words an admin can act on and
// says whether trying again later may help.
func describeConnError(addr string, err error) *connError {
	ce := &connError{addr: addr, err: err}
	var (
		tp       *textproto.Error
		noMech   errNoMechanism
		dnsErr   *net.DNSError
		certErr  *tls.CertificateVerificationError
		unknown  x509.UnknownAuthorityError
		hostErr  x509.HostnameError
		invalid  x509.CertificateInvalidError
		recErr   tls.RecordHeaderError
		netErr   net.Error
		alertErr tls.AlertError
	)
	msg := err.Error()
	switch {
	case errors.As(err, &noMech):
		ce.reason = noMech.Error()
	case errors.Is(err, errUnencrypted):
		ce.reason = errUnencrypted.Error()
	case strings.Contains(msg, "does not support STARTTLS"):
		ce.reason = "the server does not offer STARTTLS, so the connection could not be encrypted and nothing was sent " +
			"(if the server uses implicit TLS, usually on port 465, choose TLS)"
	case errors.As(err, &tp) && strings.Contains(msg, "SMTP AUTH failed"):
		ce.reason = fmt.Sprintf("the server refused the user name or password (%d %s)", tp.Code, oneLine(tp.Msg))
		ce.temporary = tp.Code >= 400 && tp.Code < 500
	case errors.As(err, &tp):
		ce.reason = fmt.Sprintf("the server answered %d %s", tp.Code, oneLine(tp.Msg))
		ce.temporary = tp.Code >= 400 && tp.Code < 500
	case errors.As(err, &certErr), errors.As(err, &unknown), errors.As(err, &hostErr), errors.As(err, &invalid):
		ce.reason = "the server's certificate could not be verified: " + msg
	case errors.As(err, &recErr):
		ce.reason = "the server did not answer with TLS; check the port and the security setting (STARTTLS or TLS)"
	case errors.As(err, &alertErr):
		ce.reason = "the TLS handshake failed: " + msg
	case errors.As(err, &dnsErr):
		if dnsErr.IsNotFound {
			ce.reason = fmt.Sprintf("the server name %q could not be found", dnsErr.Name)
		} else {
			ce.reason = "the server name could not be looked up: " + msg
			ce.temporary = true
		}
	case errors.Is(err, syscall.ECONNREFUSED):
		ce.reason = "the connection was refused; check the host and the port"
		ce.temporary = true
	case errors.As(err, &netErr) && netErr.Timeout():
		ce.reason = "the server did not answer in time"
		ce.temporary = true
	default:
		ce.reason = msg
		ce.temporary = true
	}
	return ce
}

// outcome is how one attempt at a message ended.
type outcome int

const (
	delivered  outcome = iota // accepted (250 after the data)
	refused                   // a permanent (5xx) answer
	deferred                  // a temporary (4xx) answer or a broken connection before the hand-over
	unknown                   // the connection broke after the message was handed over
	unsendable                // the server lacks an extension the message needs (SMTPUTF8): nothing was sent
)

// attempt is the result of one SMTP transaction.
type attempt struct {
	kind   outcome
	code   int
	text   string // the server's text, or the error
	stage  string // "sender address", "recipient address" or "message": what the server answered to
	broken bool   // the connection cannot be used again
}

// reply is the server's answer, code and text.
func (a attempt) reply() string {
	if a.code == 0 {
		return a.text
	}
	return strconv.Itoa(a.code) + " " + a.text
}

// transact sends msg in one MAIL, RCPT, DATA transaction on sc.
func transact(sc *smtp.Client, env envelope, msg *gomail.Msg) attempt {
	_ = sc.UpdateDeadline(commandTimeout)
	// An address with non-ASCII letters before the @ may only travel with SMTPUTF8 (RFC
	// 6531), which go-mail then asks for in MAIL FROM; without it the message is not sent.
	if env.utf8 != "" {
		if ok, _ := sc.Extension("SMTPUTF8"); !ok {
			return attempt{kind: unsendable, stage: "sender address", text: noSMTPUTF8(env.utf8)}
		}
	}
	if err := sc.Mail(angle(env.from)); err != nil {
		return failed(sc, "sender address", err)
	}
	if err := sc.Rcpt(angle(env.to)); err != nil {
		return failed(sc, "recipient address", err)
	}
	w, err := sc.Data()
	if err != nil {
		return failed(sc, "message", err)
	}
	if _, err := msg.WriteTo(w); err != nil {
		// The final "." was not sent, so the server discards what it got.
		return attempt{kind: deferred, stage: "message", text: err.Error(), broken: true}
	}
	_ = sc.UpdateDeadline(commandTimeout)
	if err := w.Close(); err != nil {
		var tp *textproto.Error
		if errors.As(err, &tp) {
			return failed(sc, "message", err)
		}
		return attempt{kind: unknown, stage: "message", text: err.Error(), broken: true}
	}
	text := "250"
	if dc, ok := w.(*smtp.DataCloser); ok && dc.ServerResponse() != "" {
		text = oneLine(dc.ServerResponse())
	}
	return attempt{kind: delivered, code: 250, text: text}
}

// failed turns an error from a command into an attempt, resetting the
// transaction when the connection is still usable.
func failed(sc *smtp.Client, stage string, err error) attempt {
	var tp *textproto.Error
	if !errors.As(err, &tp) {
		return attempt{kind: deferred, stage: stage, text: err.Error(), broken: true}
	}
	a := attempt{kind: deferred, stage: stage, code: tp.Code, text: oneLine(tp.Msg)}
	if tp.Code >= 500 && tp.Code < 600 {
		a.kind = refused
	}
	// 421: the server is closing the connection.
	if tp.Code == 421 || sc.Reset() != nil {
		a.broken = true
	}
	return a
}

// noSMTPUTF8 is the reason a message to or from addr cannot go through a server without
// SMTPUTF8.
func noSMTPUTF8(addr string) string {
	return "the mail server does not accept addresses with non-ASCII letters (SMTPUTF8): " + addr +
		"; use an address in plain letters, or a server that offers SMTPUTF8"
}

// angle returns <addr> for MAIL FROM and RCPT TO.
func angle(addr string) string {
	return "<" + addr + ">"
}

// oneLine joins a multi-line server answer into one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// Test connects on a new connection, signs in and sends one small message,
// "Tandem test email", from from to to. It returns a sentence describing the
// outcome, for the admin; on failure the error says the same.
func (s *Sender) Test(ctx context.Context, from, to string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := Message{
		FromEmail: from,
		ToEmail:   to,
		Subject:   "Tandem test email",
		Text: "This is a test email from Tandem.\r\n\r\n" +
			"If you can read it, Tandem can send email through " + s.addr() + ".\r\n",
	}
	msg, env, err := compose(m, newMessageID(m), false)
	if err != nil {
		err = fmt.Errorf("test email: %w", err)
		return sentence(err), err
	}
	if err := s.wait(ctx); err != nil {
		err = fmt.Errorf("test email: %w", err)
		return sentence(err), err
	}
	sc, err := s.dial(ctx)
	if err != nil {
		ce := describeConnError(s.addr(), err)
		return sentence(ce), ce
	}
	security := "STARTTLS"
	if s.cfg.Security == "tls" {
		security = "TLS"
	}
	if st, err := sc.GetTLSConnectionState(); err == nil && st != nil {
		security += " (" + tls.VersionName(st.Version) + ")"
	}
	signedIn := ""
	if s.cfg.Username != "" {
		signedIn = ", signed in as " + s.cfg.Username
	}
	a := transact(sc, env, msg)
	if a.broken {
		_ = sc.Close()
	} else {
		_ = sc.Quit()
	}
	switch a.kind {
	case delivered:
		return fmt.Sprintf("The test email to %s was accepted by %s over %s%s. The server said: %s.",
			to, s.addr(), security, signedIn, a.text), nil
	case unknown:
		err = fmt.Errorf("test email: the connection to %s broke after the message was sent, so it may have been delivered: %s", s.addr(), a.text)
	case unsendable:
		err = fmt.Errorf("test email: %s", a.text)
	case refused:
		err = fmt.Errorf("test email: %s refused the %s: %s", s.addr(), a.stage, a.reply())
	default:
		if a.code == 0 {
			err = fmt.Errorf("test email: the connection to %s failed while sending the %s: %s", s.addr(), a.stage, a.text)
		} else {
			err = fmt.Errorf("test email: %s answered %s to the %s; try again later", s.addr(), a.reply(), a.stage)
		}
	}
	return sentence(err), err
}

// sentence turns an error into a sentence for the admin.
func sentence(err error) string {
	s := err.Error()
	if s == "" {
		return s
	}
	r := []rune(s)
	r[0] = unicode.ToUpper(r[0])
	s = string(r)
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

// Close ends the connection, if one is open, with a QUIT.
func (s *Sender) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.conn == nil {
		return nil
	}
	sc := s.conn
	s.conn = nil
	if err := sc.Quit(); err != nil {
		_ = sc.Close()
		return fmt.Errorf("close the smtp connection: %w", err)
	}
	return nil
}
