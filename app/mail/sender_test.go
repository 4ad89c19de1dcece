package mail

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"strings"
	"sync"
	"testing"
	"time"
)

// batch returns n messages to n+... numbered recipients at example.com.
func batch(n int, firstID int64) []Message {
	msgs := make([]Message, n)
	for i := range msgs {
		m := sampleMessage()
		m.ID = firstID + int64(i)
		m.ToEmail = fmt.Sprintf("person%d@example.com", m.ID)
		m.Subject = fmt.Sprintf("Message %d", m.ID)
		msgs[i] = m
	}
	return msgs
}

// collect returns a report function and a way to read what it got.
func collect() (func(Result), func() []Result) {
	var mu sync.Mutex
	var got []Result
	return func(r Result) {
			mu.Lock()
			got = append(got, r)
			mu.Unlock()
		}, func() []Result {
			mu.Lock()
			defer mu.Unlock()
			return append([]Result(nil), got...)
		}
}

func TestSendDeliversOverOneConnection(t *testing.T) {
	ts := startServer(t, modeSTARTTLS)
	s := ts.sender(t, nil)
	msgs := batch(20, 1)
	msgs[3].Calendar = sampleInvite()
	msgs[3].Method = "REQUEST"
	report, results := collect()
	if err := s.Send(context.Background(), msgs, report); err != nil {
		t.Fatal(err)
	}
	got := results()
	if len(got) != len(msgs) {
		t.Fatalf("%d results, want %d", len(got), len(msgs))
	}
	for i, r := range got {
		if r.ID != msgs[i].ID || !r.Sent || r.Code != 250 || r.Temporary {
			t.Errorf("result %d = %+v, want sent id %d", i, r, msgs[i].ID)
		}
	}
	recv := ts.be.messages()
	if len(recv) != len(msgs) {
		t.Fatalf("server received %d messages, want %d", len(recv), len(msgs))
	}
	for i, r := range recv {
		if !r.TLS {
			t.Errorf("message %d travelled unencrypted", i)
		}
		if r.From != "admin@example.org" || len(r.To) != 1 || r.To[0] != msgs[i].ToEmail {
			t.Errorf("envelope %d = %s → %v", i, r.From, r.To)
		}
		msg, _ := parseMessage(t, r.Data)
		if got := msg.Header.Get(headerMessage); got != fmt.Sprint(msgs[i].ID) {
			t.Errorf("message %d arrived with X-Tandem-Message %q", i, got)
		}
	}
	checkInvite(t, recv[3].Data, msgs[3].Calendar, "REQUEST")
	if n := ts.ln.count(); n != 1 {
		t.Errorf("%d connections for %d messages, want 1", n, len(msgs))
	}

	// A second batch reuses the same connection too.
	if err := s.Send(context.Background(), batch(5, 100), nil); err != nil {
		t.Fatal(err)
	}
	if n := ts.ln.count(); n != 1 {
		t.Errorf("%d connections after a second batch, want 1", n)
	}
	if err := s.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
}

func TestSendRetriesTemporaryFailures(t *testing.T) {
	ts := startServer(t, modeSTARTTLS)
	ts.be.rcptTemp["person2@example.com"] = 2   // greylisted twice, then accepted
	ts.be.dataTemp["person3@example.com"] = 1   // queue full once
	ts.be.rcptTemp["person4@example.com"] = 100 // never accepted
	s := ts.sender(t, func(c *Config) { c.Retries = 3 })
	report, results := collect()
	if err := s.Send(context.Background(), batch(5, 1), report); err != nil {
		t.Fatal(err)
	}
	got := results()
	if len(got) != 5 {
		t.Fatalf("%d results, want 5: %+v", len(got), got)
	}
	for _, i := range []int{0, 1, 2, 4} {
		if !got[i].Sent {
			t.Errorf("message %d: %+v, want sent", got[i].ID, got[i])
		}
	}
	if ts.be.rcptTries["person2@example.com"] != 3 {
		t.Errorf("greylisted recipient tried %d times, want 3", ts.be.rcptTries["person2@example.com"])
	}
	bad := got[3]
	if bad.Sent || !bad.Temporary || bad.Code != 451 || !strings.Contains(bad.Reason, "Greylisted, try again later") {
		t.Errorf("message 4 = %+v, want temporary 451 with the server's text", bad)
	}
	if n := ts.be.rcptTries["person4@example.com"]; n != 4 {
		t.Errorf("always-451 recipient tried %d times, want 1 + 3 retries", n)
	}
	if n := len(ts.be.messages()); n != 4 {
		t.Errorf("server holds %d messages, want 4 (each once)", n)
	}
}

func TestSendPermanentFailureGoesOn(t *testing.T) {
	ts := startServer(t, modeSTARTTLS)
	ts.be.rcptPerm["person2@example.com"] = "No such user here"
	s := ts.sender(t, nil)
	report, results := collect()
	if err := s.Send(context.Background(), batch(3, 1), report); err != nil {
		t.Fatal(err)
	}
	got := results()
	if len(got) != 3 {
		t.Fatalf("results = %+v", got)
	}
	r := got[1]
	if r.Sent || r.Temporary || r.Code != 550 || !strings.Contains(r.Reason, "5.1.1 No such user here") ||
		!strings.Contains(r.Reason, "recipient") {
		t.Errorf("refused message = %+v", r)
	}
	if ts.be.rcptTries["person2@example.com"] != 1 {
		t.Errorf("a 550 was retried %d times", ts.be.rcptTries["person2@example.com"]-1)
	}
	if !got[0].Sent || !got[2].Sent {
		t.Errorf("the other messages: %+v", got)
	}
	if recv := ts.be.messages(); len(recv) != 2 || recv[1].To[0] != "person3@example.com" {
		t.Errorf("server received %+v", recv)
	}
	if ts.ln.count() != 1 {
		t.Errorf("a refusal cost a new connection: %d connections", ts.ln.count())
	}
}

func TestSendReportsUnbuildableMessage(t *testing.T) {
	ts := startServer(t, modeSTARTTLS)
	s := ts.sender(t, nil)
	msgs := batch(2, 1)
	msgs[0].ToEmail = "nobody"
	report, results := collect()
	if err := s.Send(context.Background(), msgs, report); err != nil {
		t.Fatal(err)
	}
	got := results()
	if len(got) != 2 || got[0].Sent || got[0].Temporary || !strings.Contains(got[0].Reason, `"nobody"`) || !got[1].Sent {
		t.Errorf("results = %+v", got)
	}
}

func TestSendUncertainDeliveryIsNotRetried(t *testing.T) {
	ts := startServer(t, modeSTARTTLS)
	ts.be.dropAfter["person2@example.com"] = true
	s := ts.sender(t, nil)
	report, results := collect()
	if err := s.Send(context.Background(), batch(3, 1), report); err != nil {
		t.Fatal(err)
	}
	got := results()
	if len(got) != 3 {
		t.Fatalf("results = %+v", got)
	}
	if r := got[1]; r.Sent || r.Temporary || !strings.Contains(r.Reason, "may have been delivered") {
		t.Errorf("hung up after the data: %+v", r)
	}
	if !got[0].Sent || !got[2].Sent {
		t.Errorf("results = %+v", got)
	}
	copies := 0
	for _, m := range ts.be.messages() {
		if m.To[0] == "person2@example.com" {
			copies++
		}
	}
	if copies != 1 {
		t.Errorf("the server holds %d copies of the message whose answer was lost, want 1", copies)
	}
	if n := ts.ln.count(); n != 2 {
		t.Errorf("%d connections, want 2 (one new after the hang-up)", n)
	}
}

func TestSendReconnectsAfterDrop(t *testing.T) {
	ts := startServer(t, modeSTARTTLS)
	// No retries: a connection the server closed while idle is replaced at
	// once without counting as a failure.
	s := ts.sender(t, func(c *Config) { c.Retries = -1 })
	if err := s.Send(context.Background(), batch(2, 1), nil); err != nil {
		t.Fatal(err)
	}
	ts.be.dropAll() // the server closes the idle connection
	report, results := collect()
	if err := s.Send(context.Background(), batch(2, 3), report); err != nil {
		t.Fatal(err)
	}
	for _, r := range results() {
		if !r.Sent {
			t.Errorf("after a drop: %+v", r)
		}
	}
	if n := len(ts.be.messages()); n != 4 {
		t.Errorf("server received %d messages, want 4", n)
	}
	if n := ts.ln.count(); n != 2 {
		t.Errorf("%d connections, want 2", n)
	}
}

func TestSendRequiresSTARTTLS(t *testing.T) {
	ts := startServer(t, modePlain)
	ts.be.noAuthCheck = true
	for _, user := range []string{testUser, ""} {
		s := ts.sender(t, func(c *Config) { c.Username = user })
		report, results := collect()
		err := s.Send(context.Background(), batch(2, 1), report)
		if err == nil || !strings.Contains(err.Error(), "does not offer STARTTLS") {
			t.Errorf("user %q: err = %v, want a clear STARTTLS failure", user, err)
		}
		if got := results(); len(got) != 0 {
			t.Errorf("results from a refused connection: %+v", got)
		}
	}
	if n := len(ts.be.messages()); n != 0 {
		t.Errorf("%d messages went in plain text", n)
	}
	if ts.be.plainCmds != 0 {
		t.Errorf("%d AUTH/MAIL/RCPT commands went in plain text", ts.be.plainCmds)
	}

	// Test says the same, in a sentence.
	s := ts.sender(t, nil)
	sentence, err := s.Test(context.Background(), "admin@example.org", "me@example.org")
	if err == nil || !strings.HasPrefix(sentence, "Could not connect to 127.0.0.1:") || !strings.Contains(sentence, "STARTTLS") {
		t.Errorf("Test = %q, %v", sentence, err)
	}
}

func TestSendImplicitTLS(t *testing.T) {
	ts := startServer(t, modeImplicit)
	s := ts.sender(t, nil)
	report, results := collect()
	if err := s.Send(context.Background(), batch(3, 1), report); err != nil {
		t.Fatal(err)
	}
	for _, r := range results() {
		if !r.Sent {
			t.Errorf("%+v", r)
		}
	}
	recv := ts.be.messages()
	if len(recv) != 3 || !recv[0].TLS {
		t.Fatalf("received %d, TLS %v", len(recv), len(recv) > 0 && recv[0].TLS)
	}

	// STARTTLS settings against an implicit TLS port fail clearly.
	s = ts.sender(t, func(c *Config) { c.Security = "starttls"; c.Retries = -1 })
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if err := s.Send(ctx, batch(1, 9), nil); err == nil {
		t.Error("STARTTLS against an implicit TLS port succeeded")
	}
}

func TestSendUntrustedCertificate(t *testing.T) {
	ts := startServer(t, modeSTARTTLS)
	s := ts.sender(t, func(c *Config) { c.TLSConfig = &tls.Config{} }) // system roots do not know the test CA
	err := s.Send(context.Background(), batch(1, 1), nil)
	if err == nil || !strings.Contains(err.Error(), "certificate") {
		t.Errorf("err = %v, want a certificate failure", err)
	}
	if len(ts.be.messages()) != 0 || ts.be.plainCmds != 0 {
		t.Error("something was sent over an unverified connection")
	}
}

func TestSendWrongPassword(t *testing.T) {
	ts := startServer(t, modeSTARTTLS)
	s := ts.sender(t, func(c *Config) { c.Password = "wrong" })
	report, results := collect()
	err := s.Send(context.Background(), batch(3, 1), report)
	if err == nil || !strings.Contains(err.Error(), "refused the user name or password") || !strings.Contains(err.Error(), "535") {
		t.Errorf("err = %v", err)
	}
	if len(results()) != 0 || len(ts.be.messages()) != 0 {
		t.Error("messages went without signing in")
	}
	if ts.be.badAuths != 1 {
		t.Errorf("a refused password was tried %d times, want once", ts.be.badAuths)
	}
}

func TestSendConnectionRefused(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	_ = l.Close()
	s, err := NewSender(Config{Host: "127.0.0.1", Port: port, Retries: 2, Backoff: time.Millisecond, PerMinute: -1})
	if err != nil {
		t.Fatal(err)
	}
	err = s.Send(context.Background(), batch(1, 1), func(r Result) { t.Errorf("result %+v", r) })
	if err == nil || !strings.Contains(err.Error(), "refused") {
		t.Errorf("err = %v", err)
	}
}

func TestSendRateLimit(t *testing.T) {
	ts := startServer(t, modeSTARTTLS)
	s := ts.sender(t, func(c *Config) { c.PerMinute = 600 }) // one every 100 ms
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	report, results := collect()
	err := s.Send(ctx, batch(50, 1), report)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want the deadline", err)
	}
	// In one second the limiter allows at most 1 + 10 messages.
	n := len(results())
	if n > 11 {
		t.Errorf("%d messages in one second at 600 a minute", n)
	}
	if n < 2 {
		t.Errorf("only %d messages in one second at 600 a minute", n)
	}
	if got := len(ts.be.messages()); got != n {
		t.Errorf("server received %d, reported %d", got, n)
	}
}

func TestSendStopsOnCancel(t *testing.T) {
	ts := startServer(t, modeSTARTTLS)
	s := ts.sender(t, nil)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var got []Result
	err := s.Send(ctx, batch(10, 1), func(r Result) {
		got = append(got, r)
		if len(got) == 3 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if len(got) != 3 {
		t.Errorf("%d results after cancelling at 3", len(got))
	}
	if n := len(ts.be.messages()); n != 3 {
		t.Errorf("server received %d messages after cancelling at 3", n)
	}

	// Cancelled while waiting out a backoff: no result for that message.
	ts.be.rcptTemp["person20@example.com"] = 100
	s2 := ts.sender(t, func(c *Config) { c.Backoff = time.Hour })
	ctx2, cancel2 := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel2()
	report, results := collect()
	err = s2.Send(ctx2, batch(2, 20), report)
	if !errors.Is(err, context.DeadlineExceeded) || len(results()) != 0 {
		t.Errorf("err = %v, results %+v", err, results())
	}
}

func TestTestEmail(t *testing.T) {
	ts := startServer(t, modeSTARTTLS)
	s := ts.sender(t, nil)
	sentence, err := s.Test(context.Background(), "admin@example.org", "me@example.org")
	if err != nil {
		t.Fatalf("Test: %v", err)
	}
	for _, want := range []string{"me@example.org", "accepted", "STARTTLS (TLS 1.3)", "signed in as " + testUser} {
		if !strings.Contains(sentence, want) {
			t.Errorf("sentence %q lacks %q", sentence, want)
		}
	}
	recv := ts.be.messages()
	if len(recv) != 1 {
		t.Fatalf("received %d", len(recv))
	}
	msg, _ := parseMessage(t, recv[0].Data)
	if msg.Header.Get("Subject") != "Tandem test email" || recv[0].To[0] != "me@example.org" {
		t.Errorf("test email: %q to %v", msg.Header.Get("Subject"), recv[0].To)
	}

	bad := ts.sender(t, func(c *Config) { c.Password = "nope" })
	sentence, err = bad.Test(context.Background(), "admin@example.org", "me@example.org")
	if err == nil || !strings.Contains(sentence, "user name or password") || !strings.HasSuffix(sentence, ".") {
		t.Errorf("Test with a bad password = %q, %v", sentence, err)
	}

	ts.be.rcptPerm["nobody@example.org"] = "No such user here"
	sentence, err = s.Test(context.Background(), "admin@example.org", "nobody@example.org")
	if err == nil || !strings.Contains(sentence, "550 5.1.1 No such user here") {
		t.Errorf("Test to a refused recipient = %q, %v", sentence, err)
	}
}

func TestNewSenderValidates(t *testing.T) {
	bad := []Config{
		{},
		{Host: "  "},
		{Host: "smtp.example.org:587"},
		{Host: "smtp.example.org", Port: 70000},
		{Host: "smtp.example.org", Port: -1},
		{Host: "smtp.example.org", Security: "ssl3"},
		{Host: "smtp.example.org", Security: "none"},
	}
	for _, cfg := range bad {
		if _, err := NewSender(cfg); err == nil {
			t.Errorf("NewSender(%+v) accepted", cfg)
		}
	}
	s, err := NewSender(Config{Host: "smtp.example.org"})
	if err != nil {
		t.Fatal(err)
	}
	if s.cfg.Port != 587 || s.cfg.Security != "starttls" || s.retries != 3 || s.backoff != 2*time.Second ||
		s.limiter == nil || s.limiter.Limit() != 20.0/60 || s.tls.ServerName != "smtp.example.org" {
		t.Errorf("defaults: %+v retries %d backoff %v", s.cfg, s.retries, s.backoff)
	}
	s, err = NewSender(Config{Host: "smtp.example.org", Security: "TLS", PerMinute: -1, Retries: -1})
	if err != nil {
		t.Fatal(err)
	}
	if s.cfg.Port != 465 || s.limiter != nil || s.retries != 0 {
		t.Errorf("tls: port %d limiter %v retries %d", s.cfg.Port, s.limiter, s.retries)
	}
	if _, err := NewSender(Config{Host: "::1"}); err != nil {
		t.Errorf("an IPv6 address was refused: %v", err)
	}
}

// BenchmarkSend1000 sends 1,000 messages to the loopback test server over one
// connection with the rate limit off.
func BenchmarkSend1000(b *testing.B) {
	ts := startServer(b, modeSTARTTLS)
	s := ts.sender(b, nil)
	msgs := batch(1000, 1)
	sent := 0
	for b.Loop() {
		if err := s.Send(context.Background(), msgs, func(r Result) {
			if r.Sent {
				sent++
			}
		}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(sent)/b.Elapsed().Seconds(), "msgs/s")
	if ts.ln.count() != 1 {
		b.Errorf("%d connections", ts.ln.count())
	}
}
