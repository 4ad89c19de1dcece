package invite

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Real validators, run when they are installed:
//   - libical (the only one that knows the iTIP rules of RFC 5546), through
//     /usr/bin/python3 + python3-gi + gir1.2-ical-3.0, with testdata/libical_check.py;
//   - ical.js (how web clients read times and attendees), with node and
//     testdata/icaljs_check.mjs (module from $ICALJS or frontend/node_modules/ical.js).
//
// With TANDEM_REQUIRE_VALIDATORS=1 a missing validator fails the test instead of skipping it.

func requireValidators() bool { return os.Getenv("TANDEM_REQUIRE_VALIDATORS") == "1" }

func missingValidator(t *testing.T, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if requireValidators() {
		t.Fatalf("TANDEM_REQUIRE_VALIDATORS=1 but %s", msg)
	}
	t.Skip(msg)
}

// validationBatch writes the golden files' cases plus generated invites with hostile names
// to dir and returns, per file, the method and events it was built from.
func validationBatch(t *testing.T, dir string) map[string]builtFile {
	t.Helper()
	out := map[string]builtFile{}
	write := func(name string, m Method, events ...Event) {
		data, err := Build(m, events...)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		out[p] = builtFile{m, events}
	}
	for _, tc := range goldenCases() {
		write("golden-"+tc.name+".ics", tc.method, tc.events...)
	}
	for i, h := range hostile {
		e := sampleEvent()
		e.UID = NewUID()
		e.Sequence = i
		e.Start = t0.Add(time.Duration(i)*time.Hour + 17*time.Minute)
		e.Duration = time.Duration(15+i) * time.Minute
		e.Summary, e.Description, e.Location = h, h+"\n\n"+h, h
		if isBlank(h) {
			e.Summary = "Session" + h
		}
		e.Organizer.Name = h
		e.Attendees = []Attendee{
			{Name: h, Email: "ana@example.org"},
			{Name: "x" + h, Email: "bram@example.org", PartStat: "TENTATIVE"},
			{Name: h + h, Email: "chloé@example.org", PartStat: "DECLINED"},
		}
		write(fmt.Sprintf("hostile-%02d-request.ics", i), Request, e)
		c := e
		c.Sequence++
		write(fmt.Sprintf("hostile-%02d-cancel.ics", i), Cancel, c)
		r := e
		r.Attendees = e.Attendees[:1]
		write(fmt.Sprintf("hostile-%02d-reply.ics", i), Reply, r)
	}
	var pub []Event
	for i, h := range hostile {
		e := sampleEvent()
		e.UID = NewUID()
		e.Summary, e.Description, e.Location = h, h, h
		if isBlank(h) {
			e.Summary = h + "Session"
		}
		e.Start = t0.Add(time.Duration(i) * 24 * time.Hour)
		e.Attendees = nil
		e.Status = []string{"CONFIRMED", "TENTATIVE", "CANCELLED"}[i%3]
		pub = append(pub, e)
	}
	write("hostile-publish.ics", Publish, pub...)
	return out
}

type builtFile struct {
	method Method
	events []Event
}

// writeBad writes calendars the validators must reject, to prove they are really checking.
func writeBad(t *testing.T, dir string) (libical, icaljs []string) {
	t.Helper()
	req, err := Build(Request, sampleEvent())
	if err != nil {
		t.Fatal(err)
	}
	pubWithAttendee := bytes.Replace(req, []byte("METHOD:REQUEST"), []byte("METHOD:PUBLISH"), 1)
	requestCancelled := bytes.Replace(req, []byte("STATUS:CONFIRMED"), []byte("STATUS:CANCELLED"), 1)
	noAttendee := regexpDrop(req, "ATTENDEE")
	withTZID := bytes.Replace(req, []byte("DTSTART:20260310T150000Z"), []byte("DTSTART;TZID=Europe/Amsterdam:20260310T160000"), 1)
	files := map[string][]byte{
		"bad-publish-attendee.ics":    pubWithAttendee,
		"bad-request-cancelled.ics":   requestCancelled,
		"bad-request-no-attendee.ics": noAttendee,
		"bad-tzid.ics":                withTZID,
	}
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if name != "bad-tzid.ics" {
			libical = append(libical, p)
		}
		if name == "bad-tzid.ics" || name == "bad-publish-attendee.ics" || name == "bad-request-no-attendee.ics" {
			icaljs = append(icaljs, p)
		}
	}
	return libical, icaljs
}

// regexpDrop removes every (folded) content line whose property name is name.
func regexpDrop(data []byte, name string) []byte {
	var out []string
	for _, l := range unfold(data) {
		if propName(l) != name {
			out = append(out, l)
		}
	}
	var b bytes.Buffer
	for _, l := range out {
		foldInto(&b, []byte(l))
	}
	return b.Bytes()
}

func TestLibicalValidates(t *testing.T) {
	const python = "/usr/bin/python3"
	if _, err := os.Stat(python); err != nil {
		missingValidator(t, "%s is not installed", python)
	}
	probe := exec.Command(python, "-c", "import gi; gi.require_version('ICalGLib', '3.0'); from gi.repository import ICalGLib")
	if out, err := probe.CombinedOutput(); err != nil {
		missingValidator(t, "libical is not available to %s (apt-get install python3-gi gir1.2-ical-3.0): %v\n%s", python, err, out)
	}
	script, _ := filepath.Abs(filepath.Join("testdata", "libical_check.py"))

	dir := t.TempDir()
	batch := validationBatch(t, dir)
	golden, _ := filepath.Glob(filepath.Join("testdata", "*.ics"))
	if len(golden) < 6 {
		t.Fatalf("only %d golden files", len(golden))
	}
	files := append([]string{}, golden...)
	for p := range batch {
		files = append(files, p)
	}
	out, err := exec.Command(python, append([]string{script}, files...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("libical rejects what Build wrote: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), fmt.Sprintf("%d file(s) checked, 0 with problems", len(files))) {
		t.Fatalf("unexpected libical_check output:\n%s", out)
	}
	t.Logf("libical: %d files valid", len(files))

	// The check must be able to fail: each of these breaks an iTIP rule.
	bad, _ := writeBad(t, dir)
	for _, p := range bad {
		out, err := exec.Command(python, script, p).CombinedOutput()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 1 || !strings.Contains(string(out), "X-LIC-ERROR") {
			t.Errorf("libical accepted %s (err %v):\n%s", filepath.Base(p), err, out)
		}
	}
}

// icaljsResult is one line of icaljs_check.mjs's output.
type icaljsResult struct {
	File     string   `json:"file"`
	Method   string   `json:"method"`
	Problems []string `json:"problems"`
	Events   []struct {
		UID         string  `json:"uid"`
		Sequence    int     `json:"sequence"`
		DTStart     string  `json:"dtstart"`
		DTEnd       string  `json:"dtend"`
		Summary     string  `json:"summary"`
		Description string  `json:"description"`
		Location    string  `json:"location"`
		Status      string  `json:"status"`
		Organizer   *person `json:"organizer"`
		Attendees   []struct {
			person
			PartStat string  `json:"partstat"`
			RSVP     *string `json:"rsvp"`
		} `json:"attendees"`
	} `json:"events"`
}

type person struct {
	CN    *string `json:"cn"`
	Email string  `json:"email"`
}

func TestICALJSReads(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		missingValidator(t, "node is not installed")
	}
	script, _ := filepath.Abs(filepath.Join("testdata", "icaljs_check.mjs"))
	dir := t.TempDir()
	batch := validationBatch(t, dir)
	var files []string
	for p := range batch {
		files = append(files, p)
	}
	cmd := exec.Command(node, append([]string{script}, files...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	var exit *exec.ExitError
	if errors.As(err, &exit) && exit.ExitCode() == 3 {
		missingValidator(t, "ical.js is not installed (npm install in frontend/, or set ICALJS): %s", stderr.String())
	}
	if err != nil {
		t.Errorf("ical.js found problems: %v\n%s\n%s", err, out, stderr.String())
	}

	seen := 0
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var r icaljsResult
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("bad output line %q: %v", sc.Text(), err)
		}
		seen++
		built, ok := batch[r.File]
		if !ok {
			t.Fatalf("unexpected file %s", r.File)
		}
		name := filepath.Base(r.File)
		if len(r.Problems) > 0 {
			t.Errorf("%s: %v", name, r.Problems)
		}
		if r.Method != string(built.method) || len(r.Events) != len(built.events) {
			t.Fatalf("%s: method %s with %d events, want %s with %d", name, r.Method, len(r.Events), built.method, len(built.events))
		}
		for i, ev := range r.Events {
			in := built.events[i]
			if want := in.Start.UTC().Format("2006-01-02T15:04:05.000Z"); ev.DTStart != want {
				t.Errorf("%s: DTSTART %s, want %s", name, ev.DTStart, want)
			}
			if want := in.Start.Add(in.Duration).UTC().Format("2006-01-02T15:04:05.000Z"); ev.DTEnd != want {
				t.Errorf("%s: DTEND %s, want %s", name, ev.DTEnd, want)
			}
			if ev.UID != in.UID || ev.Sequence != in.Sequence {
				t.Errorf("%s: UID %s SEQUENCE %d, want %s %d", name, ev.UID, ev.Sequence, in.UID, in.Sequence)
			}
			wantDesc := wantText(in.Description)
			if isBlank(in.Description) {
				wantDesc = "" // left out
			}
			if ev.Summary != wantLine(in.Summary) || ev.Description != wantDesc {
				t.Errorf("%s: SUMMARY %q DESCRIPTION %q, want %q %q", name, ev.Summary, ev.Description, wantLine(in.Summary), wantDesc)
			}
			if wantLoc := wantLocation(in); ev.Location != wantLoc {
				t.Errorf("%s: LOCATION %q, want %q", name, ev.Location, wantLoc)
			}
			if ev.Organizer == nil || ev.Organizer.Email != in.Organizer.Email || !sameCN(ev.Organizer.CN, in.Organizer.Name) {
				t.Errorf("%s: ORGANIZER %+v, want %q <%s>", name, ev.Organizer, SanitizeName(in.Organizer.Name), in.Organizer.Email)
			}
			wantAtts := in.Attendees
			if built.method == Publish {
				wantAtts = nil
			}
			if len(ev.Attendees) != len(wantAtts) {
				t.Fatalf("%s: ical.js sees %d attendees, want %d", name, len(ev.Attendees), len(wantAtts))
			}
			for j, a := range ev.Attendees {
				w := wantAtts[j]
				ps, _ := normPartStat(w.PartStat)
				// ical.js decodes RFC 6868, so it must see exactly the sanitised name.
				if a.Email != w.Email || !sameCN(a.CN, w.Name) || a.PartStat != ps {
					cn := "<none>"
					if a.CN != nil {
						cn = *a.CN
					}
					t.Errorf("%s: attendee %d = %q <%s> %s, want %q <%s> %s", name, j, cn, a.Email, a.PartStat, SanitizeName(w.Name), w.Email, ps)
				}
			}
		}
	}
	if seen != len(files) {
		t.Fatalf("ical.js reported %d files of %d", seen, len(files))
	}
	t.Logf("ical.js: %d files read as built", seen)

	// The check must be able to fail.
	_, bad := writeBad(t, dir)
	for _, p := range bad {
		out, err := exec.Command(node, script, p).Output()
		if !errors.As(err, &exit) || exit.ExitCode() != 1 {
			t.Errorf("icaljs_check accepted %s (err %v):\n%s", filepath.Base(p), err, out)
		}
	}
}

// sameCN compares a CN read by ical.js with the name Build was given.
func sameCN(got *string, name string) bool {
	want := SanitizeName(name)
	if got == nil {
		return want == ""
	}
	return *got == want
}
