package invite

import (
	"strings"
	"testing"
)

// TestBuildUsesTheAddressRule: an invite refuses exactly what the forms and the import refuse
// (validate.Address), so an address that was saved can always be invited.
func TestBuildUsesTheAddressRule(t *testing.T) {
	tests := []struct {
		email string
		ok    bool
	}{
		{"ana@example.org", true},
		{"o'brien+x@example.ie", true},
		{"ana@bücher.example", true},
		{"josé@example.org", true},
		{"ana\u200b@example.org", false}, // zero-width space
		{"\u202egro.elpmaxe@ana", false}, // right-to-left override
		{"ana\u200e@example.org", false}, // left-to-right mark
		{"an\u00ada@example.org", false}, // soft hyphen
		{"ana\u00a0@example.org", false}, // no-break space
		{"ana\uff20example.org", false},  // full-width @
		{"ana#1@example.org", false},
		{"ana%x@example.org", false},
		{"ana?@example.org", false},
		{"ana@localhost", false},
		{"ana@ｅｘａｍｐｌｅ.org", false},
		{strings.Repeat("a", 65) + "@example.org", false},
	}
	for _, tt := range tests {
		for _, who := range []string{"organizer", "attendee"} {
			e := sampleEvent()
			if who == "organizer" {
				e.Organizer.Email = tt.email
			} else {
				e.Attendees[0].Email = tt.email
			}
			data, err := Build(Request, e)
			if (err == nil) != tt.ok {
				t.Errorf("%s %q: err = %v, want ok=%v", who, tt.email, err, tt.ok)
				continue
			}
			if err != nil {
				if !strings.Contains(err.Error(), "is not an email address") {
					t.Errorf("%s %q: error %q does not say why", who, tt.email, err)
				}
				continue
			}
			if !strings.Contains(strings.Join(unfold(data), "\n"), ":mailto:"+tt.email+"\n") {
				t.Errorf("%s %q: not written as mailto:\n%s", who, tt.email, data)
			}
		}
	}
}

// TestBuildTitleIsOneLine: a line or paragraph separator, NEL or any other line break in a
// title is written as a space, so calendars show the title on one line.
func TestBuildTitleIsOneLine(t *testing.T) {
	for _, br := range []string{"\u2028", "\u2029", "\u0085", "\r\n", "\n", "\r", "\v", "\f"} {
		e := sampleEvent()
		e.Summary = "Mentoring" + br + "Ana & Bram"
		e.Description = "One" + br + "Two"
		for _, m := range []Method{Request, Cancel, Publish} {
			ev := e
			if m == Publish {
				ev.Attendees = nil
			}
			data, err := Build(m, ev)
			if err != nil {
				t.Fatalf("%q: %v", br, err)
			}
			var summary, description string
			for _, l := range unfold(data) {
				if v, ok := strings.CutPrefix(l, "SUMMARY:"); ok {
					summary = v
				}
				if v, ok := strings.CutPrefix(l, "DESCRIPTION:"); ok {
					description = v
				}
			}
			if summary != `Mentoring Ana & Bram` {
				t.Errorf("%s, title with %q: SUMMARY:%s, want one line", m, br, summary)
			}
			// The agenda may have several lines: a separator becomes a newline (\v and \f,
			// which are not line breaks in TEXT, are dropped).
			if want := `One\nTwo`; (br != "\v" && br != "\f") && description != want {
				t.Errorf("%s, agenda with %q: DESCRIPTION:%s, want %s", m, br, description, want)
			}
		}
	}
}

// TestBuildRefusesInvisibleInVideoLink: a right-to-left override (or another bidirectional
// or invisible character) would make the link show as another one.
func TestBuildRefusesInvisibleInVideoLink(t *testing.T) {
	for _, link := range []string{
		"https://meet.example.com/\u202emoc.live",
		"https://meet.example.com/a\u200fb",
		"https://meet.example.com/a\u2066b\u2069",
		"https://meet.exa\u200bmple.com/abc",
		"https://meet.example.com/a\u00adb",
		"https://meet.example.com/a\u2028b",
		"https://meet.example.com/a\u00a0b",
	} {
		e := sampleEvent()
		e.URL = link
		if _, err := Build(Request, e); err == nil || !strings.Contains(err.Error(), "the video link") {
			t.Errorf("URL %q: err = %v, want the video link refused", link, err)
		}
	}
	e := sampleEvent()
	e.URL = "https://meet.example.com/café?room=日本"
	if _, err := Build(Request, e); err != nil {
		t.Errorf("a link with plain non-ASCII letters: %v", err)
	}
}
