package app_test

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"os"
	"os/exec"
	"strconv"
	"syscall"
	"testing"
	"time"

	"tandem/app"
	"tandem/app/mail/smtptest"
	"tandem/db"
)

// Environment of the re-executed helper.
const (
	envKillDB   = "TANDEM_KILL_DB"    // the database to send from
	envKillSMTP = "TANDEM_KILL_SMTP"  // host:port of the parent's SMTP server
	envKillCert = "TANDEM_KILL_CERT"  // the server's certificate, PEM
	killReady   = "TANDEM-KILL-READY" // the helper's line just before it starts sending
)

// TestOutboxKillHelper is not a test of its own: TestOutboxSurvivesKills runs the test binary
// again with only this test and the environment above, and kills it at a random moment while
// it sends. Run directly (no environment), there is nothing for it to do, so it skips: this
// is the one skip in these tests, and it cannot hide a failure, because the parent test
// checks everything the helper did.
func TestOutboxKillHelper(t *testing.T) {
	path := os.Getenv(envKillDB)
	if path == "" {
		t.Skip("helper process of TestOutboxSurvivesKills")
	}
	d, err := db.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	s := app.NewServices(context.Background(), d, func() time.Time { return testNow }, &app.KeyringSecrets{NoKeyring: true})
	if s.Settings.TLS, err = smtptest.ClientTLSFromPEM([]byte(os.Getenv(envKillCert)), "127.0.0.1"); err != nil {
		t.Fatal(err)
	}
	st, err := s.Settings.Get()
	if err != nil {
		t.Fatal(err)
	}
	if got := net.JoinHostPort(st.SMTPHost, strconv.Itoa(st.SMTPPort)); got != os.Getenv(envKillSMTP) {
		t.Fatalf("settings send to %s, not to the test server %s", got, os.Getenv(envKillSMTP))
	}
	if _, err := s.Settings.SetPassword(smtptest.Password); err != nil {
		t.Fatal(err)
	}
	fmt.Println(killReady)
	if _, err := s.Outbox.Send(nil); err != nil {
		t.Fatal(err)
	}
	s.Outbox.Wait()
	if p := s.Outbox.Progress(); p.Failed > 0 {
		t.Fatalf("progress = %+v", p)
	}
}

// TestOutboxSurvivesKills kills the sending process at random moments, again and again, and
// checks that the outbox loses nothing and sends nothing twice: every message is received
// at most once, a "sent" message exactly once, and only a message caught in the middle of
// being sent is held for the admin.
func TestOutboxSurvivesKills(t *testing.T) {
	t.Parallel() // most of its time is spent waiting for the helper processes
	outboxKillDrill(t, false)
}

// TestOutboxSurvivesKillsDuringLongWrites is the same drill while another connection keeps
// taking the write lock for up to 400 ms at a time, as a long import does: the sender's
// "sending" and "sent" writes wait for it, and a kill often lands while they wait.
func TestOutboxSurvivesKillsDuringLongWrites(t *testing.T) {
	t.Parallel()
	outboxKillDrill(t, true)
}

func outboxKillDrill(t *testing.T, longWrites bool) {
	const (
		sessions  = 500 // two attendees each: 1,000 invites, about a second of sending here
		maxRounds = 30
		maxDelay  = 300 * time.Millisecond
	)
	f := newMailFixture(t, nil)
	for i := range sessions / 50 {
		in := f.session(fmt.Sprintf("2027-01-%02dT%02d:00", 4+i%5, 9+i/5))
		in.Repeat, in.Count = "weekly", 50
		if _, err := f.s.Sessions.Schedule(in); err != nil {
			t.Fatal(err)
		}
	}
	// No rate limit: Save allows 1..600 a minute, Get passes any number through, and the
	// mail package reads a negative one as none.
	if _, err := f.d.SQL.Exec(`UPDATE settings SET value = '-1' WHERE key = 'per_minute'`); err != nil {
		t.Fatal(err)
	}
	total := len(f.messages(t, "queued"))
	if total != 2*sessions {
		t.Fatalf("%d queued, want %d", total, 2*sessions)
	}

	rng := rand.New(rand.NewPCG(2026, 11)) // fixed: the same delays every run
	kills, interrupted := 0, 0
	for round := 1; ; round++ {
		queued := len(outboxOf(t, f.s, "queued"))
		if queued == 0 {
			t.Logf("all sent or held after %d rounds, %d kills, %d of them while messages were leaving", round-1, kills, interrupted)
			break
		}
		if round > maxRounds+1 {
			t.Fatalf("%d messages still queued after %d rounds", queued, maxRounds)
		}
		// The last round is not killed, so the test ends whatever the timing.
		delay := time.Duration(-1)
		if round <= maxRounds {
			delay = time.Duration(rng.Int64N(int64(maxDelay) + 1))
		}
		before := len(f.srv.Messages())
		stop := func() {}
		if longWrites {
			stop = holdWritesAtRandom(t, f.d.Path, rng.Int64())
		}
		killed, out := runKillHelper(t, f, delay)
		stop()
		after := len(f.srv.Messages())
		t.Logf("round %d: delay %v, killed %v, %d received", round, delay, killed, after-before)
		if killed {
			kills++
			if after > before && after-before < queued {
				interrupted++
			}
		} else if out != "" {
			t.Fatalf("round %d: the helper failed:\n%s", round, out)
		}
		// Start again after the "crash", as the app does.
		d, err := db.Open(context.Background(), f.d.Path)
		if err != nil {
			t.Fatal(err)
		}
		s := app.NewServices(context.Background(), d, func() time.Time { return testNow }, &app.KeyringSecrets{NoKeyring: true})
		if err := s.Recover(); err != nil {
			t.Fatal(err)
		}
		d.Close()
	}
	if interrupted == 0 {
		t.Errorf("no kill landed while messages were leaving (%d kills): the test proved nothing", kills)
	}

	recv := received(t, f.srv) // fails on any message received twice
	all := f.messages(t, "")
	if len(all) != total {
		t.Fatalf("%d messages in the outbox, want %d", len(all), total)
	}
	held, heldReceived := 0, 0
	for _, m := range all {
		_, got := recv[m.ID]
		switch m.Status {
		case "sent":
			if !got {
				t.Errorf("message %d is marked sent but was never received", m.ID)
			}
		case "held":
			held++ // received at most once, checked above
			if got {
				heldReceived++
			}
		default:
			t.Errorf("message %d was left %s: %s", m.ID, m.Status, m.LastError)
		}
		delete(recv, m.ID)
	}
	for id := range recv {
		t.Errorf("the server received message %d, which is not in the outbox", id)
	}
	if held > kills {
		t.Errorf("%d messages held after %d kills: at most one is in doubt per kill", held, kills)
	}
	t.Logf("%d messages: %d received, %d held (%d of them had reached the server)", total, len(f.srv.Messages()), held, heldReceived)
}

// holdWritesAtRandom takes the database's write lock from its own connection again and again
// (held 0–400 ms, then free 0–100 ms) until the returned stop is called.
func holdWritesAtRandom(t *testing.T, path string, seed int64) (stop func()) {
	b := newBlocker(t, path)
	rng := rand.New(rand.NewPCG(uint64(seed), 7))
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		for {
			b.hold(t)
			select {
			case <-done:
				b.release()
				return
			case <-time.After(time.Duration(rng.Int64N(int64(400 * time.Millisecond)))):
			}
			b.release()
			select {
			case <-done:
				return
			case <-time.After(time.Duration(rng.Int64N(int64(100 * time.Millisecond)))):
			}
		}
	}()
	return func() { close(done); <-finished }
}

// runKillHelper runs TestOutboxKillHelper in a new process over the fixture's database and
// kills it (SIGKILL) delay after it starts sending; a negative delay lets it finish. It
// reports whether the process was killed, and its output when it failed on its own.
//
// The delay counts from the helper's "ready" line rather than from exec: starting the test
// binary and opening the database take a time that varies from machine to machine, and a
// kill there would test nothing about the outbox.
func runKillHelper(t *testing.T, f *mailFixture, delay time.Duration) (killed bool, output string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestOutboxKillHelper$", "-test.count=1")
	cmd.Env = append(os.Environ(), envKillDB+"="+f.d.Path, envKillSMTP+"="+f.srv.Addr(), envKillCert+"="+string(f.srv.CertPEM))
	var out, errOut bytes.Buffer // stdout is read here, stderr by exec's own goroutine
	cmd.Stderr = &errOut
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var timer *time.Timer
	sc := bufio.NewScanner(stdout)
	for sc.Scan() { // until the process ends
		if sc.Text() == killReady && delay >= 0 && timer == nil {
			timer = time.AfterFunc(delay, func() { _ = cmd.Process.Signal(syscall.SIGKILL) })
		}
		out.WriteString(sc.Text() + "\n")
	}
	err = cmd.Wait()
	if timer != nil {
		timer.Stop()
	}
	out.Write(errOut.Bytes())
	if ctx.Err() != nil {
		t.Fatalf("the helper did not finish in time:\n%s", out.String())
	}
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		if ws, ok := exit.Sys().(syscall.WaitStatus); ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL {
			return true, ""
		}
		return false, fmt.Sprintf("%v\n%s", err, out.String())
	}
	if err != nil {
		t.Fatal(err)
	}
	return false, ""
}
