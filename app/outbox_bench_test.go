package app_test

import (
	"fmt"
	"testing"
)

// BenchmarkQueue1000Invites schedules 500 sessions of a pair (ten weekly series of 50), which
// queues 1,000 invites, each rendered from its template with its own calendar, in ten
// transactions.
func BenchmarkQueue1000Invites(b *testing.B) {
	f := newMailFixture(b, nil)
	invites := 0
	for b.Loop() {
		for i := range 10 {
			in := f.session(fmt.Sprintf("2027-01-%02dT%02d:00", 4+i%5, 9+i/5))
			in.Repeat, in.Count = "weekly", 50
			got, err := f.s.Sessions.Schedule(in)
			if err != nil {
				b.Fatal(err)
			}
			invites += 2 * len(got)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(invites), "ns/invite")
	if page, err := f.s.Outbox.List("queued"); err != nil || page.Counts["queued"] != invites {
		b.Errorf("%d queued, want %d (%v)", page.Counts["queued"], invites, err)
	}
}

// BenchmarkSend1000 sends 1,000 queued invites through the Outbox to the loopback SMTP server
// (STARTTLS, AUTH PLAIN) on one connection per run, each marked sending and then sent in the
// database. The rate limit is off: Settings.Save allows 1..600 a minute, which would make a
// run last at least 100 s, so the setting row is set to -1 directly (Get passes it through and
// the mail package reads a negative limit as none).
func BenchmarkSend1000(b *testing.B) {
	f := newMailFixture(b, nil)
	for i := range 10 {
		in := f.session(fmt.Sprintf("2027-01-%02dT%02d:00", 4+i%5, 9+i/5))
		in.Repeat, in.Count = "weekly", 50
		if _, err := f.s.Sessions.Schedule(in); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := f.d.SQL.Exec(`UPDATE settings SET value = '-1' WHERE key = 'per_minute'`); err != nil {
		b.Fatal(err)
	}
	runs := 0
	for b.Loop() {
		b.StopTimer()
		if _, err := f.d.SQL.Exec(`UPDATE outbox SET status = 'queued'`); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := f.s.Outbox.Send(nil); err != nil {
			b.Fatal(err)
		}
		f.s.Outbox.Wait()
		runs++
		if p := f.s.Outbox.Progress(); p.Sent != 1000 {
			b.Fatalf("progress = %+v", p)
		}
	}
	b.ReportMetric(float64(1000*runs)/b.Elapsed().Seconds(), "msgs/s")
	if n, c := len(f.srv.Messages()), f.srv.Sessions(); n != 1000*runs || c != runs {
		b.Errorf("server received %d messages over %d connections, want %d over %d", n, c, 1000*runs, runs)
	}
}
