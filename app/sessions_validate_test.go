package app_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
)

// Every calendar the services produce — the invite, the update, the cancellation and the
// program's export — passes libical's iTIP restriction check and parses with ical.js.
// The validators are Debian's libical (python3-gi, gir1.2-ical-3.0) and ical.js from npm;
// `make test` installs both and sets TANDEM_REQUIRE_VALIDATORS=1, so there they must run.
func TestServiceCalendarsPassTheValidators(t *testing.T) {
	f := newMailFixture(t, nil)
	se := f.schedule(t, "2026-12-01T10:00")
	f.send(t)
	in := f.session("2026-12-02T11:30")
	in.Agenda = "Bring: \"notes\", a pen; and questions\\answers\nÜber-agenda ✓"
	if _, err := f.s.Sessions.Reschedule(se.ID, in); err != nil {
		t.Fatal(err)
	}
	f.send(t)
	if _, err := f.s.Sessions.Cancel(se.ID, "Travel"); err != nil {
		t.Fatal(err)
	}
	f.schedule(t, "2026-12-09T10:00")
	dir := t.TempDir()
	var files []string
	methods := map[string]bool{"PUBLISH": true}
	for _, m := range f.messages(t, "") {
		if m.Calendar == "" {
			continue
		}
		methods[m.Method+"/"+m.Kind] = true
		p := filepath.Join(dir, fmt.Sprintf("%d-%s.ics", m.ID, m.Method))
		if err := os.WriteFile(p, []byte(m.Calendar), 0o600); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	pub, err := f.s.Sessions.ExportProgram(f.prog.ID)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "export-PUBLISH.ics")
	if err := os.WriteFile(p, []byte(pub), 0o600); err != nil {
		t.Fatal(err)
	}
	files = append(files, p)
	if !methods["REQUEST/invite"] || !methods["REQUEST/update"] || !methods["CANCEL/cancellation"] || len(files) < 7 {
		t.Fatalf("files %d, methods %v: want requests, updates, cancellations and a publish", len(files), methods)
	}

	required := os.Getenv("TANDEM_REQUIRE_VALIDATORS") == "1"
	check := func(name string, cmd *exec.Cmd) {
		out, err := cmd.CombinedOutput()
		if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 2 || err != nil && !ok {
			if required {
				t.Fatalf("%s is not available: %v %s", name, err, out)
			}
			t.Logf("%s is not available here: %s", name, out)
			return
		}
		if err != nil {
			t.Errorf("%s refused a calendar Tandem wrote:\n%s", name, out)
		}
	}
	check("libical", exec.Command("/usr/bin/python3", append([]string{"invite/testdata/libical_check.py"}, files...)...))
	node, err := exec.LookPath("node")
	if err != nil {
		if required {
			t.Fatal("node is not installed")
		}
		return
	}
	cmd := exec.Command(node, append([]string{"invite/testdata/icaljs_check.mjs"}, files...)...)
	check("ical.js", cmd)
}

// A monthly series stays on its day, or the month's last day when it is shorter: 31 Jan →
// 28 Feb → 31 Mar → 30 Apr, never drifting into the next month; 10:00 stays 10:00 across the
// change to summer time.
func TestMonthlySeriesStaysOnItsDay(t *testing.T) {
	f := newMailFixture(t, nil)
	in := f.session("2027-01-31T10:00")
	in.Repeat, in.Count = "monthly", 4
	got, err := f.s.Sessions.Schedule(in)
	if err != nil {
		t.Fatal(err)
	}
	var starts []string
	for _, se := range got {
		starts = append(starts, se.LocalStart)
	}
	want := []string{"2027-01-31T10:00", "2027-02-28T10:00", "2027-03-31T10:00", "2027-04-30T10:00"}
	if !slices.Equal(starts, want) {
		t.Errorf("monthly series = %v, want %v", starts, want)
	}
}
