package validate

import "testing"

func TestEmail(t *testing.T) {
	tests := []struct {
		in string
		ok bool
	}{
		{"ana@example.org", true},
		{"ana.silva+mentoring@sub.example.co.uk", true},
		{"O'Brien@example.ie", true},
		{"", false},
		{"ana@", false},
		{"@example.org", false},
		{"ana@localhost", false},
		{"a@b", false},
		{"ana@example.o", false},
		{"ana@@example.org", false},
		{"ana silva@example.org", false},
		{"Ana <ana@example.org>", false},
		{"user@[127.0.0.1]", false},
		{"ana.@example.org", false},
		{"an..a@example.org", false},
		{"ana@-example.org", false},
		{"ana@example..org", false},
		{"ana@exa\nmple.org", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if err := Email(tt.in); (err == nil) != tt.ok {
				t.Errorf("Email(%q) = %v, want ok=%v", tt.in, err, tt.ok)
			}
		})
	}
}

func TestTimeZone(t *testing.T) {
	tests := []struct {
		in string
		ok bool
	}{
		{"", true}, {"UTC", true}, {"Europe/Berlin", true}, {"America/Argentina/Buenos_Aires", true},
		{"Local", false}, {"EST", false}, {"CET", false}, {"Europe/Atlantis", false}, {"+02:00", false},
	}
	for _, tt := range tests {
		if err := TimeZone(tt.in); (err == nil) != tt.ok {
			t.Errorf("TimeZone(%q) = %v, want ok=%v", tt.in, err, tt.ok)
		}
	}
}

func TestDateAndText(t *testing.T) {
	if Date("2027-02-29") == nil || Date("27-01-01") == nil || Date("2027-01-31") != nil || Date("") != nil {
		t.Error("Date accepts or refuses the wrong values")
	}
	if Text("Lead\tEngineer", 50) == nil || Text("Ingénieure", 10) != nil || Text("Ingénieure", 9) == nil {
		t.Error("Text accepts or refuses the wrong values")
	}
}
