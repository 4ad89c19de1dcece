package app_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"tandem/app"
	"tandem/app/mail/smtptest"
	"tandem/app/status"
	"tandem/db"
)

// Environment of the re-executed crash drill child.
const (
	envCrashDB    = "TANDEM_CRASH_DB"    // the database to write to
	envCrashRound = "TANDEM_CRASH_ROUND" // the round: makes the child's keys unique
	envCrashSetup = "TANDEM_CRASH_SETUP" // crashSetup, JSON
	envCrashSeed  = "TANDEM_CRASH_SEED"  // replays a run's kill delays (printed when it fails)
	envCrashCert  = "TANDEM_CRASH_CERT"  // the parent's SMTP server's certificate, PEM
	crashReady    = "TANDEM-CRASH-READY" // the child's line just before its first write
)

// crashKills is how many times the drill kills the child: at least 200, as the issue asks.
const crashKills = 200

// crashFirstSpan is how long a write is taken to last until the drill has timed one.
const crashFirstSpan = 20 * time.Millisecond

// crashSetup is what the parent created before the first child: the program the child writes
// into, its free-text question, the peer every request goes to and the relationship sessions
// are scheduled on.
type crashSetup struct {
	ProgramID      int64  `json:"programId"`
	QuestionID     int64  `json:"questionId"`
	RecipientID    int64  `json:"recipientId"`
	RecipientEmail string `json:"recipientEmail"`
	RelationshipID int64  `json:"relationshipId"`
}

// TestCrashDrillHelper is not a test of its own: TestCrashDrill runs the test binary again
// with only this test and the environment above, and kills it (SIGKILL) at a random moment.
// It writes through the bound services, as the app does, until it is killed. Before each
// write it prints "do <kind> <key> [arg]", and once the service has returned without error
// "ack <kind> <key> [arg]": the admin has seen that write succeed, so it must survive the crash.
// Run directly (no environment) there is nothing to do, so it skips; the parent checks
// everything the child did, so the skip cannot hide a failure.
func TestCrashDrillHelper(t *testing.T) {
	path := os.Getenv(envCrashDB)
	if path == "" {
		t.Skip("helper process of TestCrashDrill")
	}
	var fx crashSetup
	if err := json.Unmarshal([]byte(os.Getenv(envCrashSetup)), &fx); err != nil {
		t.Fatal(err)
	}
	round := os.Getenv(envCrashRound)
	d, err := db.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	s := app.NewServices(context.Background(), d, func() time.Time { return testNow }, &app.KeyringSecrets{NoKeyring: true})
	if err := s.Recover(); err != nil {
		t.Fatal(err)
	}
	// Invites leave automatically (the settings say so), in the background while the next
	// writes go on, through the parent's SMTP server.
	if s.Settings.TLS, err = smtptest.ClientTLSFromPEM([]byte(os.Getenv(envCrashCert)), "127.0.0.1"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Settings.SetPassword(smtptest.Password); err != nil { // kept in memory: NoKeyring
		t.Fatal(err)
	}
	fmt.Println(crashReady)
	deadline := time.Now().Add(30 * time.Second) // the parent kills it long before
	for i := 0; time.Now().Before(deadline); i++ {
		crashCycle(t, s, fx, fmt.Sprintf("r%s-%d", round, i), i)
	}
	t.Fatal("not killed within 30 s")
}

// crashCycle does one of each kind of write, for a new person keyed by key.
func crashCycle(t *testing.T, s *app.Services, fx crashSetup, key string, i int) {
	write := func(kind, arg string, fn func() error) {
		line := kind + " " + key
		if arg != "" {
			line += " " + arg
		}
		fmt.Println("do " + line)
		if err := fn(); err != nil {
			t.Fatalf("%s: %v", line, err)
		}
		fmt.Println("ack " + line) // os.Stdout is not buffered: this is one write(2)
	}
	// First: its invites leave in the background while the other writes go on.
	count := 1 + 2*(i%2) // a single session, or a series of three in one transaction
	write(crashSchedule, strconv.Itoa(count), func() error {
		in := app.SessionInput{RelationshipID: fx.RelationshipID, Title: crashTitle(key), Start: "2027-02-01T10:00",
			TimeZone: "Europe/Berlin", DurationMinutes: 45, Location: "Room 4.02", Agenda: "1. Goals"}
		if count > 1 {
			in.Repeat, in.Count = "weekly", count
		}
		got, err := s.Sessions.Schedule(in)
		if err == nil && len(got) != count {
			err = fmt.Errorf("scheduled %d sessions, want %d", len(got), count)
		}
		return err
	})
	var part app.Participant
	write(crashEnrol, "", func() (err error) {
		part, err = s.Participants.Enrol(app.EnrolInput{ProgramID: fx.ProgramID, NewPerson: &app.PersonInput{Name: "Drill " + key,
			Email: crashPerson(key), TimeZone: "Europe/Berlin"}, Roles: app.ParticipantInput{Mentee: true, Peer: true}})
		return err
	})
	write(crashAnswer, "", func() error {
		_, err := s.Participants.SaveAnswers(part.ID, []app.AnswerValue{{QuestionID: fx.QuestionID, Text: crashNote(key)}})
		return err
	})
	var req app.Request
	write(crashRequest, "", func() (err error) {
		req, err = s.Requests.Create(app.RequestInput{ProgramID: fx.ProgramID, Kind: "peer", RequesterID: part.ID,
			RecipientID: fx.RecipientID, Commitment: "intro", Sessions: 1, Note: "Drill " + key})
		return err
	})
	decision := map[bool]string{true: "approve", false: "decline"}[i%2 == 0]
	write(crashDecide, decision, func() error {
		_, err := s.Requests.Answer(req.ID, app.RequestAnswer{Decision: decision, Reason: "no_time", Message: "Drill " + key})
		return err
	})
	write(crashImport, "", func() error {
		var csv strings.Builder
		csv.WriteString("Name,Email,Crash note\n")
		for k := 1; k <= crashImported; k++ {
			fmt.Fprintf(&csv, "Imported %d %s,%s,%s\n", k, key, crashImportee(key, k), crashImportNote(key, k))
		}
		f, err := s.Imports.Read(fx.ProgramID, "drill.csv", base64.StdEncoding.EncodeToString([]byte(csv.String())))
		if err != nil {
			return err
		}
		if want := "q:" + strconv.FormatInt(fx.QuestionID, 10); len(f.Mapping) != 3 || f.Mapping[2] != want {
			return fmt.Errorf("mapping %v, want the third column on %s", f.Mapping, want)
		}
		res, err := s.Imports.Import(app.ImportRequest{ProgramID: fx.ProgramID, Headers: f.Headers, Rows: f.Rows,
			RowNumbers: f.RowNumbers, Mapping: f.Mapping, DefaultRoles: app.ParticipantInput{Mentee: true}})
		if err == nil && res.NewPeople != crashImported {
			err = fmt.Errorf("import = %+v, want %d new people", res, crashImported)
		}
		return err
	})
}

// TestCrashDrill kills a process doing real service writes (enrol, answers, requests and
// their answers, sessions with their invites, an import), and sending the invites in the
// background as they are queued, at crashKills random points. After each kill it opens the
// database as the app would and checks that it is whole (integrity_check, foreign_key_check,
// Recover), that every write the child acknowledged is there, that a write cut off is there
// entirely or not at all (and stays so), and that the outbox holds exactly the messages those
// writes queued: none left "sending", none received by the server twice, none marked sent
// without having been received, none received and still queued.
//
// The kill delays come from a seed printed when the test fails; TANDEM_CRASH_SEED replays
// them (as fractions of each write's measured time, which varies from run to run).
func TestCrashDrill(t *testing.T) {
	t.Parallel() // most of its time is spent starting children and waiting for them
	seed := uint64(time.Now().UnixNano())
	if v := os.Getenv(envCrashSeed); v != "" {
		var err error
		if seed, err = strconv.ParseUint(v, 10, 64); err != nil {
			t.Fatalf("%s=%q: %v", envCrashSeed, v, err)
		}
	}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("kill delays from seed %d: replay with %s=%d go test -count=1 -run 'TestCrashDrill$' ./app/", seed, envCrashSeed, seed)
		}
	})
	rng := rand.New(rand.NewPCG(seed, 9))
	path := filepath.Join(t.TempDir(), "tandem.db")
	srv := smtptest.Start(t)
	fx := setupCrashDrill(t, path, srv)

	start := time.Now()
	m := newCrashModel()
	var checkTime time.Duration
	for round := 1; round <= crashKills; round++ {
		// Each round aims at one kind of write, in turn, and kills the child at a random
		// moment of its first write of that kind: from its start to a little after the time
		// it usually takes, so some kills land after its commit and before its
		// acknowledgement, or in the next write.
		target := crashKinds[(round-1)%len(crashKinds)]
		delay := time.Duration(rng.Int64N(int64(m.span(target))*5/4 + 1))
		lines, out := runCrashChild(t, path, fx, srv, round, target, delay)
		inFlight, err := m.apply(lines)
		if err != nil {
			t.Fatalf("round %d: %v\n%s", round, err, out)
		}
		m.kills[inFlight]++
		c := time.Now()
		checkAfterCrash(t, path, fx, m, srv, round)
		checkTime += time.Since(c)
		if t.Failed() {
			t.FailNow()
		}
	}
	t.Logf("%d kills in %v (checks %v); in flight when killed: %v; %d acknowledged writes checked after every later kill; %d writes cut off, %d of them had committed",
		crashKills, time.Since(start).Round(time.Millisecond), checkTime.Round(time.Millisecond), m.kills, m.acked, m.cut, m.cutCommitted)
	held := 0
	for _, st := range m.status {
		if st == status.MessageHeld {
			held++
		}
	}
	t.Logf("outbox: %d messages, %d received by the server, %d held after a kill during their sending", m.queued, len(m.received), held)
	for _, k := range crashKinds {
		t.Logf("%s: usually takes %v here", k, m.span(k))
		if m.kills[k] < crashKills/len(crashKinds)/4 {
			t.Errorf("only %d kills landed during a %s (%v): too few to prove anything about it", m.kills[k], k, m.kills)
		}
	}
	if len(m.received) == 0 {
		t.Errorf("no invite was sent: the drill proved nothing about the outbox under kills")
	}
	if m.cutCommitted == 0 || m.cutCommitted == m.cut {
		t.Errorf("of %d writes cut off, %d had committed: the kills did not land on both sides of the commits", m.cut, m.cutCommitted)
	}
}

// crashLine is a line from the child, with when the parent read it.
type crashLine struct {
	text string
	at   time.Time
}

// runCrashChild runs TestCrashDrillHelper over the database and kills it delay after it
// starts its first write of kind target. It returns the lines the child printed after
// "ready" and, for failure messages, everything it printed. A child that ends on its own
// fails the test.
func runCrashChild(t *testing.T, path string, fx crashSetup, srv *smtptest.Server, round int, target string, delay time.Duration) (lines []crashLine, output string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	setup, _ := json.Marshal(fx)
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestCrashDrillHelper$", "-test.count=1")
	cmd.Env = append(os.Environ(), envCrashDB+"="+path, envCrashRound+"="+strconv.Itoa(round), envCrashSetup+"="+string(setup),
		envCrashCert+"="+string(srv.CertPEM))
	var out, errOut bytes.Buffer
	cmd.Stderr = &errOut
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var timer *time.Timer
	ready := false
	sc := bufio.NewScanner(stdout)
	for sc.Scan() { // until the process ends: lines written before the kill are all read
		line := sc.Text()
		out.WriteString(line + "\n")
		switch {
		case ready:
			lines = append(lines, crashLine{line, time.Now()})
			if timer == nil && strings.HasPrefix(line, "do "+target+" ") {
				timer = time.AfterFunc(delay, func() { _ = cmd.Process.Signal(syscall.SIGKILL) })
			}
		case line == crashReady:
			ready = true
		}
	}
	err = cmd.Wait()
	if timer != nil {
		timer.Stop()
	}
	out.Write(errOut.Bytes())
	if ctx.Err() != nil {
		t.Fatalf("round %d: the child did not end in time:\n%s", round, out.String())
	}
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		if ws, ok := exit.Sys().(syscall.WaitStatus); ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL && timer != nil {
			return lines, out.String()
		}
	}
	t.Fatalf("round %d: the child ended on its own (%v), not by the kill:\n%s", round, err, out.String())
	return nil, ""
}
