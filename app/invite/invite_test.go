package invite

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// goldenCases are the calendars kept in testdata/*.ics.
func goldenCases() []struct {
	name   string
	method Method
	events []Event
} {
	req := sampleEvent()

	upd := sampleEvent()
	upd.Sequence = 1
	upd.Start = upd.Start.Add(24 * time.Hour)
	upd.Duration = 90 * time.Minute
	upd.Stamp = stamp0.Add(2 * time.Hour)
	upd.Attendees[0].PartStat = "ACCEPTED"
	upd.Attendees[1].PartStat = "" // answers are reset when the time moves

	cancel := sampleEvent()
	cancel.Sequence = 2
	cancel.Status = "CANCELLED"
	cancel.Stamp = stamp0.Add(4 * time.Hour)

	hostileReq := sampleEvent()
	hostileReq.UID = "0123456789abcdef0123456789abcdef@tandem.local"
	hostileReq.Summary = hostile[4]
	hostileReq.Description = strings.Join(hostile, "\n")
	hostileReq.Location = hostile[2]
	hostileReq.Organizer.Name = hostile[1]
	hostileReq.Attendees = nil
	for i, h := range hostile {
		hostileReq.Attendees = append(hostileReq.Attendees, Attendee{Name: h, Email: "person" + string(rune('a'+i)) + "@example.org"})
	}

	var pub []Event
	for i, who := range []string{"Ana & Bram", "Chloé & Dmitri", "Eun-ji & Farah"} {
		e := sampleEvent()
		e.UID = strings.Repeat(string(rune('a'+i)), 32) + "@tandem.local"
		e.Sequence = i
		e.Start = t0.Add(time.Duration(i) * 7 * 24 * time.Hour)
		e.Summary = "Mentoring: " + who
		e.Attendees = nil // PUBLISH carries no ATTENDEE
		pub = append(pub, e)
	}
	pub[1].Status = "TENTATIVE"
	pub[2].Status = "CANCELLED"
	pub[2].URL = ""
	pub[2].Created = time.Time{}

	reply := sampleEvent()
	reply.Sequence = 1
	reply.Attendees = []Attendee{{Name: "Ana López", Email: "ana.lopez@example.org", PartStat: "DECLINED"}}

	return []struct {
		name   string
		method Method
		events []Event
	}{
		{"request", Request, []Event{req}},
		{"update", Request, []Event{upd}},
		{"cancel", Cancel, []Event{cancel}},
		{"publish", Publish, pub},
		{"hostile", Request, []Event{hostileReq}},
		{"reply", Reply, []Event{reply}},
	}
}

func TestBuildGolden(t *testing.T) {
	for _, tc := range goldenCases() {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Build(tc.method, tc.events...)
			if err != nil {
				t.Fatalf("Build: %v", err)
			}
			if err := checkWellFormed(got); err != nil {
				t.Fatalf("malformed output: %v\n%s", err, got)
			}
			golden := filepath.Join("testdata", tc.name+".ics")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./app/invite/ -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("output differs from %s (run with -update if the change is intended)\n--- got\n%s\n--- want\n%s", golden, got, want)
			}
			checkSemantics(t, tc.method, tc.events, got)
		})
	}
}

// checkSemantics decodes the output with go-ical and compares it with the input events.
func checkSemantics(t *testing.T, m Method, events []Event, data []byte) {
	t.Helper()
	cal, err := decode(data)
	if err != nil {
		t.Fatalf("go-ical cannot decode the output: %v", err)
	}
	for name, want := range map[string]string{"PRODID": ProdID, "VERSION": "2.0", "CALSCALE": "GREGORIAN", "METHOD": string(m)} {
		if p := cal.Props.Get(name); p == nil || p.Value != want {
			t.Errorf("%s = %v, want %q", name, p, want)
		}
	}
	evs := cal.Events()
	if len(evs) != len(events) {
		t.Fatalf("%d VEVENTs, want %d", len(evs), len(events))
	}
	wantAttendeeLines := 0
	for i, ev := range evs {
		in := events[i]
		text := func(name string) string {
			t.Helper()
			p := ev.Props.Get(name)
			if p == nil {
				t.Errorf("event %d: no %s", i, name)
				return ""
			}
			s, err := p.Text()
			if err != nil {
				t.Errorf("event %d: %s: %v", i, name, err)
			}
			return s
		}
		if got := text("UID"); got != in.UID {
			t.Errorf("UID = %q, want %q", got, in.UID)
		}
		if got, _ := ev.Props.Get("SEQUENCE").Int(); got != in.Sequence {
			t.Errorf("SEQUENCE = %d, want %d", got, in.Sequence)
		}
		if got := text("SUMMARY"); got != wantLine(in.Summary) {
			t.Errorf("SUMMARY = %q, want %q", got, wantLine(in.Summary))
		}
		if isBlank(in.Description) {
			if ev.Props.Get("DESCRIPTION") != nil {
				t.Errorf("DESCRIPTION written for blank %q", in.Description)
			}
		} else if got := text("DESCRIPTION"); got != wantText(in.Description) {
			t.Errorf("DESCRIPTION = %q, want %q", got, wantText(in.Description))
		}
		if wantLoc := wantLocation(in); wantLoc == "" {
			if ev.Props.Get("LOCATION") != nil {
				t.Errorf("LOCATION written for blank %q", in.Location)
			}
		} else if got := text("LOCATION"); got != wantLoc {
			t.Errorf("LOCATION = %q, want %q", got, wantLoc)
		}
		start, err := ev.DateTimeStart(nil)
		if err != nil || !start.Equal(in.Start) || start.Location() != time.UTC {
			t.Errorf("DTSTART = %v (%v), want %v in UTC", start, err, in.Start.UTC())
		}
		end, err := ev.DateTimeEnd(nil)
		if err != nil || !end.Equal(in.Start.Add(in.Duration)) {
			t.Errorf("DTEND = %v (%v), want %v", end, err, in.Start.Add(in.Duration).UTC())
		}
		if got, _ := ev.Props.DateTime("DTSTAMP", nil); !got.Equal(in.Stamp) {
			t.Errorf("DTSTAMP = %v, want %v", got, in.Stamp)
		}
		if u := ev.Props.Get("URL"); (u != nil) != (in.URL != "") || (u != nil && u.Value != in.URL) {
			t.Errorf("URL = %v, want %q", u, in.URL)
		}
		wantStatus := map[Method]string{Request: "CONFIRMED", Cancel: "CANCELLED", Publish: "CONFIRMED"}[m]
		if in.Status != "" && m != Cancel {
			wantStatus = in.Status
		}
		if st := ev.Props.Get("STATUS"); (st == nil && wantStatus != "") || (st != nil && st.Value != wantStatus) {
			t.Errorf("STATUS = %v, want %q", st, wantStatus)
		}
		org := ev.Props.Get("ORGANIZER")
		if org == nil || org.Value != "mailto:"+in.Organizer.Email || org.Params.Get("CN") != wantCN(in.Organizer.Name) {
			t.Errorf("ORGANIZER = %+v, want CN %q mailto:%s", org, wantCN(in.Organizer.Name), in.Organizer.Email)
		}
		atts := ev.Props.Values("ATTENDEE")
		wantAtts := in.Attendees
		if m == Publish {
			wantAtts = nil
		}
		wantAttendeeLines += len(wantAtts)
		if len(atts) != len(wantAtts) {
			t.Fatalf("%d ATTENDEE properties, want %d", len(atts), len(wantAtts))
		}
		for j, a := range atts {
			w := wantAtts[j]
			ps, _ := normPartStat(w.PartStat)
			if a.Value != "mailto:"+w.Email || a.Params.Get("CN") != wantCN(w.Name) || a.Params.Get("PARTSTAT") != ps {
				t.Errorf("ATTENDEE %d = %+v, want CN %q PARTSTAT %s mailto:%s", j, a, wantCN(w.Name), ps, w.Email)
			}
			wantRSVP := map[Method]string{Request: "TRUE"}[m]
			if got := a.Params.Get("RSVP"); got != wantRSVP {
				t.Errorf("ATTENDEE %d RSVP = %q, want %q", j, got, wantRSVP)
			}
			if m == Request || m == Cancel {
				if got := a.Params.Get("ROLE"); got != "REQ-PARTICIPANT" {
					t.Errorf("ATTENDEE %d ROLE = %q", j, got)
				}
			}
		}
	}
	if got := countProps(data, "ATTENDEE"); got != wantAttendeeLines {
		t.Errorf("%d ATTENDEE lines after unfolding, want %d", got, wantAttendeeLines)
	}
	if got := countProps(data, "BEGIN"); got != 1+len(events) {
		t.Errorf("%d BEGIN lines, want %d", got, 1+len(events))
	}
	if got := countProps(data, "ORGANIZER"); got != len(events) {
		t.Errorf("%d ORGANIZER lines, want %d", got, len(events))
	}
}

func TestBuildWritesUTC(t *testing.T) {
	e := sampleEvent()
	e.Start = time.Date(2026, 7, 1, 9, 30, 15, 999, time.Local)
	e.Stamp = time.Date(2026, 6, 1, 8, 0, 0, 0, amst)
	e.Created = time.Date(2026, 5, 1, 8, 0, 0, 0, time.FixedZone("X", -5*3600))
	got, err := Build(Request, e)
	if err != nil {
		t.Fatal(err)
	}
	s := string(got)
	for _, want := range []string{
		"DTSTART:" + e.Start.UTC().Format("20060102T150405Z") + "\r\n",
		"DTEND:" + e.Start.Add(time.Hour).UTC().Format("20060102T150405Z") + "\r\n",
		"DTSTAMP:20260601T060000Z\r\n",
		"CREATED:20260501T130000Z\r\n",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("missing %q in\n%s", want, s)
		}
	}
	if strings.Contains(s, "TZID") || strings.Contains(s, "Local") {
		t.Errorf("output names a time zone:\n%s", s)
	}
}

func TestBuildDefaults(t *testing.T) {
	e := sampleEvent()
	e.Stamp = time.Time{}
	e.Created = time.Time{}
	e.Location = ""
	e.Attendees = []Attendee{{Email: " ana@example.org "}}
	e.Organizer.Name = "\r\n"
	before := time.Now().UTC().Truncate(time.Second)
	got, err := Build(Request, e)
	if err != nil {
		t.Fatal(err)
	}
	cal, err := decode(got)
	if err != nil {
		t.Fatal(err)
	}
	ev := cal.Events()[0]
	if st, _ := ev.Props.DateTime("DTSTAMP", nil); st.Before(before) || st.After(time.Now().Add(time.Second)) {
		t.Errorf("DTSTAMP %v is not now", st)
	}
	if ev.Props.Get("CREATED") != nil {
		t.Error("CREATED written for a zero time")
	}
	if loc, _ := ev.Props.Text("LOCATION"); loc != e.URL {
		t.Errorf("LOCATION = %q, want the video link %q", loc, e.URL)
	}
	a := ev.Props.Get("ATTENDEE")
	if a.Value != "mailto:ana@example.org" || a.Params.Get("PARTSTAT") != "NEEDS-ACTION" || a.Params.Get("RSVP") != "TRUE" {
		t.Errorf("ATTENDEE = %+v", a)
	}
	if _, ok := a.Params["CN"]; ok {
		t.Errorf("CN written for a nameless attendee: %+v", a)
	}
	if _, ok := ev.Props.Get("ORGANIZER").Params["CN"]; ok {
		t.Error("CN written for an organizer whose name is only a line break")
	}
	if !strings.Contains(string(got), "\r\nSTATUS:CONFIRMED\r\n") {
		t.Error("STATUS:CONFIRMED is not the default")
	}
}

func TestBuildErrors(t *testing.T) {
	mod := func(f func(*Event)) Event { e := sampleEvent(); f(&e); return e }
	cases := []struct {
		name   string
		method Method
		events []Event
		want   string
	}{
		{"unknown method", "COUNTER", []Event{sampleEvent()}, "not a calendar method"},
		{"no event", Request, nil, "exactly one session"},
		{"two events in a request", Request, []Event{sampleEvent(), sampleEvent()}, "exactly one session"},
		{"empty publish", Publish, nil, "at least one session"},
		{"duplicate UID in publish", Publish, []Event{mod(func(e *Event) { e.Attendees = nil }), mod(func(e *Event) { e.Attendees = nil })}, "same calendar UID"},
		{"no title", Request, []Event{mod(func(e *Event) { e.Summary = " \r\n\t" })}, "the session has no title"},
		{"no title in a cancellation", Cancel, []Event{mod(func(e *Event) { e.Summary = "" })}, "the session has no title"},
		{"no UID", Request, []Event{mod(func(e *Event) { e.UID = "" })}, "no calendar UID"},
		{"UID with a line break", Request, []Event{mod(func(e *Event) { e.UID = "a\r\nATTENDEE:mailto:x@y.z" })}, "calendars mishandle"},
		{"UID with a comma", Request, []Event{mod(func(e *Event) { e.UID = "a,b@tandem.local" })}, "calendars mishandle"},
		{"UID too long", Request, []Event{mod(func(e *Event) { e.UID = strings.Repeat("a", 256) })}, "too long"},
		{"negative sequence", Request, []Event{mod(func(e *Event) { e.Sequence = -1 })}, "negative"},
		{"no start", Request, []Event{mod(func(e *Event) { e.Start = time.Time{} })}, "no start time"},
		{"zero duration", Request, []Event{mod(func(e *Event) { e.Duration = 0 })}, "at least one second"},
		{"negative duration", Request, []Event{mod(func(e *Event) { e.Duration = -time.Hour })}, "at least one second"},
		{"sub-second duration", Request, []Event{mod(func(e *Event) { e.Duration = time.Millisecond })}, "at least one second"},
		{"year 10000", Request, []Event{mod(func(e *Event) { e.Start = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC) })}, "out of range"},
		{"no organizer", Request, []Event{mod(func(e *Event) { e.Organizer.Email = "" })}, "the organizer has no email address"},
		{"organizer with CRLF", Request, []Event{mod(func(e *Event) { e.Organizer.Email = "a@b.c\r\nATTENDEE:mailto:evil@x.org" })}, "not an email address"},
		{"no attendee", Request, []Event{mod(func(e *Event) { e.Attendees = nil })}, "no attendee"},
		{"cancel with no attendee", Cancel, []Event{mod(func(e *Event) { e.Attendees = nil })}, "no attendee"},
		{"attendee without email", Request, []Event{mod(func(e *Event) { e.Attendees[1].Email = " " })}, "attendee 2 (Bram de Vries) has no email address"},
		{"attendee email with colon", Request, []Event{mod(func(e *Event) { e.Attendees[0].Email = "ana@x.org:evil" })}, "not an email address"},
		{"attendee email without @", Request, []Event{mod(func(e *Event) { e.Attendees[0].Email = "ana.example.org" })}, "not an email address"},
		{"attendee email with space", Request, []Event{mod(func(e *Event) { e.Attendees[0].Email = "ana lopez@example.org" })}, "not an email address"},
		{"attendee twice", Request, []Event{mod(func(e *Event) { e.Attendees[1].Email = "ANA.LOPEZ@example.org" })}, "invited twice"},
		{"bad partstat", Request, []Event{mod(func(e *Event) { e.Attendees[0].PartStat = "MAYBE" })}, "not an answer"},
		{"cancelled request", Request, []Event{mod(func(e *Event) { e.Status = "CANCELLED" })}, "sent as a cancellation"},
		{"bad status", Request, []Event{mod(func(e *Event) { e.Status = "DONE" })}, "not a session status"},
		{"bad status in publish", Publish, []Event{mod(func(e *Event) { e.Attendees = nil; e.Status = "HELD" })}, "not a session status"},
		{"javascript URL", Request, []Event{mod(func(e *Event) { e.URL = "javascript:alert(1)" })}, "not a web address"},
		{"URL with space", Request, []Event{mod(func(e *Event) { e.URL = "https://meet.example.com/a b" })}, "not a web address"},
		{"URL with CRLF", Request, []Event{mod(func(e *Event) { e.URL = "https://x.org/\r\nATTENDEE:mailto:evil@x.org" })}, "not a web address"},
		{"relative URL", Request, []Event{mod(func(e *Event) { e.URL = "/meet/abc" })}, "not a web address"},
		{"reply with two attendees", Reply, []Event{sampleEvent()}, "exactly one attendee"},
		{"publish error names the session", Publish, []Event{mod(func(e *Event) { e.Attendees = nil }), mod(func(e *Event) { e.UID = "x@y"; e.Start = time.Time{} })}, "session 2 (Mentoring: Ana & Bram): the session has no start time"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Build(tc.method, tc.events...)
			if err == nil {
				t.Fatalf("no error; output:\n%s", got)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not contain %q", err, tc.want)
			}
			if got != nil {
				t.Errorf("output returned with an error")
			}
		})
	}
}

func TestCancelForcesStatus(t *testing.T) {
	e := sampleEvent()
	e.Sequence = 3
	got, err := Build(Cancel, e) // Status left "CONFIRMED"-by-default: a CANCEL still says CANCELLED
	if err != nil {
		t.Fatal(err)
	}
	s := string(got)
	for _, want := range []string{"\r\nMETHOD:CANCEL\r\n", "\r\nSTATUS:CANCELLED\r\n", "\r\nUID:" + e.UID + "\r\n", "\r\nSEQUENCE:3\r\n"} {
		if !strings.Contains(s, want) {
			t.Errorf("missing %q", want)
		}
	}
	if strings.Contains(s, "RSVP=") {
		t.Error("a cancellation asks for an RSVP")
	}
}

func TestHostileStringsAddNoLine(t *testing.T) {
	for i, h := range hostile {
		e := sampleEvent()
		e.Summary, e.Description, e.Location = h, h+"\n"+h, h
		lines := 22
		if isBlank(h) {
			if _, err := Build(Request, e); err == nil || err.Error() != "the session has no title" {
				t.Errorf("%d: blank title gave %v", i, err)
			}
			e.Summary = "Session " + h
			lines-- // no DESCRIPTION; the video link stands in for the location
		}
		e.Organizer.Name = h
		e.Attendees = []Attendee{{Name: h, Email: "ana@example.org"}, {Name: h + "2", Email: "bram@example.org"}}
		got, err := Build(Request, e)
		if err != nil {
			t.Fatalf("%d: %v", i, err)
		}
		if err := checkWellFormed(got); err != nil {
			t.Fatalf("%d: %v\n%s", i, err, got)
		}
		if n := countProps(got, "ATTENDEE"); n != 2 {
			t.Errorf("%d: %d ATTENDEE lines, want 2:\n%s", i, n, got)
		}
		if n := countProps(got, "BEGIN"); n != 2 {
			t.Errorf("%d: %d BEGIN lines, want 2", i, n)
		}
		if n := len(unfold(got)); n != lines {
			t.Errorf("%d: %d logical lines, want %d:\n%s", i, n, lines, got)
		}
		checkSemantics(t, Request, []Event{e}, got)
	}
}

func TestFoldBoundaries(t *testing.T) {
	// Every alignment of 1-, 2-, 3- and 4-octet characters against the fold points.
	for _, ch := range []string{"a", "é", "日", "😀"} {
		for prefix := 0; prefix < 8; prefix++ {
			text := strings.Repeat("x", prefix) + strings.Repeat(ch, 200)
			var b bytes.Buffer
			foldInto(&b, []byte("DESCRIPTION:"+text))
			out := b.Bytes()
			if err := checkFolded(out); err != nil {
				t.Fatalf("%q prefix %d: %v", ch, prefix, err)
			}
			if got := strings.ReplaceAll(string(out), "\r\n ", ""); got != "DESCRIPTION:"+text+"\r\n" {
				t.Fatalf("%q prefix %d: unfolding does not give the line back", ch, prefix)
			}
		}
	}
	var b bytes.Buffer
	foldInto(&b, []byte(strings.Repeat("a", 75)))
	if b.String() != strings.Repeat("a", 75)+"\r\n" {
		t.Errorf("a 75-octet line was folded")
	}
	b.Reset()
	foldInto(&b, []byte(strings.Repeat("a", 76)))
	if b.String() != strings.Repeat("a", 75)+"\r\n a\r\n" {
		t.Errorf("a 76-octet line folded as %q", b.String())
	}
	b.Reset()
	foldInto(&b, []byte(strings.Repeat("a", 75+74+1)))
	if b.String() != strings.Repeat("a", 75)+"\r\n "+strings.Repeat("a", 74)+"\r\n a\r\n" {
		t.Errorf("continuation lines are not 75 octets with their space: %q", b.String())
	}
}

// wantLocation is the LOCATION a client must see: the text, or the video link when the
// text is blank, or nothing.
func wantLocation(e Event) string {
	if isBlank(e.Location) {
		return e.URL
	}
	return wantText(e.Location)
}

// wantCN is the CN go-ical reads back: go-ical does not decode RFC 6868, so a caret
// stays doubled.
func wantCN(name string) string { return strings.ReplaceAll(SanitizeName(name), "^", "^^") }

func checkFolded(out []byte) error {
	for i, l := range strings.Split(strings.TrimSuffix(string(out), "\r\n"), "\r\n") {
		if len(l) > 75 {
			return fmt.Errorf("line %d has %d octets", i, len(l))
		}
		if !utf8.ValidString(l) {
			return fmt.Errorf("line %d splits a character: %q", i, l)
		}
		if i > 0 && !strings.HasPrefix(l, " ") {
			return fmt.Errorf("continuation %d does not start with a space", i)
		}
	}
	return nil
}

func TestSanitizeName(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Ana López", "Ana López"},
		{"  Ana  ", "Ana"},
		{"Ana\r\nATTENDEE:mailto:evil@x.org", "Ana ATTENDEE:mailto:evil@x.org"},
		{`Bram "The Boss" de Vries`, "Bram 'The Boss' de Vries"},
		{"tab\there", "tab here"},
		{"a\x00b\x1bc\x7fd", "a b c d"},
		{"many     spaces\n\n\nand lines", "many spaces and lines"},
		{"nel\u0085ls\u2028ps\u2029end", "nel ls ps end"},
		{"\u202Eevil\u202C", "evil"},
		{"bad \xff\xfe utf8", "bad utf8"},
		{"Zoë 😀👩‍👩‍👧", "Zoë 😀👩‍👩‍👧"},
		{"O'Brien; Siobhán, PhD: x", "O'Brien; Siobhán, PhD: x"},
		{"\r\n\t ", ""},
		{strings.Repeat("é", 150), strings.Repeat("é", 100)},
		{strings.Repeat("ab ", 60), strings.TrimSpace(strings.Repeat("ab ", 34)[:100])},
	}
	for _, tc := range cases {
		got := SanitizeName(tc.in)
		if got != tc.want {
			t.Errorf("SanitizeName(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if n := utf8.RuneCountInString(got); n > 100 {
			t.Errorf("SanitizeName(%q) has %d runes", tc.in, n)
		}
		if strings.ContainsAny(got, "\"\r\n") || !utf8.ValidString(got) {
			t.Errorf("SanitizeName(%q) = %q is not safe", tc.in, got)
		}
		if SanitizeName(got) != got {
			t.Errorf("SanitizeName is not idempotent on %q", got)
		}
	}
}

func TestNewUID(t *testing.T) {
	re := regexp.MustCompile(`^[0-9a-f]{32}@tandem\.local$`)
	seen := map[string]bool{}
	for i := 0; i < 1000; i++ {
		u := NewUID()
		if !re.MatchString(u) {
			t.Fatalf("NewUID() = %q", u)
		}
		if seen[u] {
			t.Fatalf("NewUID repeated %q", u)
		}
		seen[u] = true
		if err := checkUID(u); err != nil {
			t.Fatalf("Build would refuse NewUID's %q: %v", u, err)
		}
	}
}
