package validate

import (
	"strings"
	"testing"
)

// TestAddressHostile is the hostile-address corpus: every address here was either accepted by
// the old check and refused later by the invite check or a mail server, or is a look-alike
// that would store one address and send to another.
func TestAddressHostile(t *testing.T) {
	long := func(n int) string { return strings.Repeat("a", n) }
	label63 := long(63)
	tests := []struct {
		name, in string
		wire     string // "" when refused
		utf8     bool   // needs SMTPUTF8
		reason   string // part of the error when refused
	}{
		{"plain", "ana@example.org", "ana@example.org", false, ""},
		{"case kept, domain lowered on the wire", "Ana.Silva@Example.ORG", "Ana.Silva@example.org", false, ""},
		{"atext specials", "o'brien+x-y_z/q=r^s`t{u|v}w~!$&*@example.ie", "o'brien+x-y_z/q=r^s`t{u|v}w~!$&*@example.ie", false, ""},
		{"hash", "ana#1@example.org", "", false, `cannot carry '#'`},
		{"percent", "ana%x@example.org", "", false, `cannot carry '%'`},
		{"question mark", "ana?@example.org", "", false, `cannot carry '?'`},
		{"zero-width space", "ana\u200b@example.org", "", false, "U+200B"},
		{"zero-width space in domain", "ana@exa\u200bmple.org", "", false, "U+200B"},
		{"right-to-left override", "\u202egro.elpmaxe@ana", "", false, "U+202E"},
		{"left-to-right mark", "ana\u200e@example.org", "", false, "U+200E"},
		{"right-to-left isolate", "ana@example\u2067.org", "", false, "U+2067"},
		{"arabic letter mark", "ana\u061c@example.org", "", false, "U+061C"},
		{"soft hyphen in domain", "ana@bü\u00adcher.example", "", false, "U+00AD"},
		{"soft hyphen in local part", "an\u00ada@example.org", "", false, "U+00AD"},
		{"byte-order mark", "\ufeffana@example.org", "", false, "U+FEFF"},
		{"zero-width joiner", "ana\u200d@example.org", "", false, "U+200D"},
		{"combining grapheme joiner", "ana\u034f@example.org", "", false, "U+034F"},
		{"variation selector", "ana\ufe0f@example.org", "", false, "U+FE0F"},
		{"hangul filler", "ana\u3164@example.org", "", false, "U+3164"},
		{"tag character", "ana\U000E0041@example.org", "", false, "U+E0041"},
		{"no-break space", "ana\u00a0@example.org", "", false, "U+00A0"},
		{"ideographic space", "ana@example.org\u3000", "", false, "U+3000"},
		{"line separator", "ana\u2028@example.org", "", false, "U+2028"},
		{"next line (NEL)", "ana\u0085@example.org", "", false, "U+0085"},
		{"fullwidth at", "ana\uff20example.org", "", false, "U+FF20"},
		{"fullwidth at beside a real one", "ana\uff20x@example.org", "", false, "U+FF20"},
		{"ideographic full stop", "ana@example\u3002org", "", false, "U+3002"},
		{"fullwidth letters in domain", "ana@ｅｘａｍｐｌｅ.org", "", false, "type it as example.org"},
		{"emoji", "ana\U0001F600@example.org", "", false, "U+1F600"},
		{"CR LF", "ana@example.org\r\nRCPT TO:<x@y.org>", "", false, ""},
		{"LF in domain", "ana@exa\nmple.org", "", false, ""},
		{"NUL", "ana\x00@example.org", "", false, ""},
		{"invalid UTF-8", "ana\xff@example.org", "", false, "not valid text"},
		{"IDN domain", "ana@bücher.example", "ana@xn--bcher-kva.example", false, ""},
		{"IDN domain, capital", "ana@Bücher.Example", "ana@xn--bcher-kva.example", false, ""},
		{"IDN decomposed ü", "ana@bu\u0308cher.example", "ana@xn--bcher-kva.example", false, ""},
		{"punycode domain", "ana@xn--bcher-kva.example", "ana@xn--bcher-kva.example", false, ""},
		{"broken punycode", "ana@xn--zz.example", "", false, "internationalised domain"},
		{"IDN TLD", "ana@例え.テスト", "ana@xn--r8jz45g.xn--zckzah", false, ""},
		{"non-ASCII local part", "josé@example.org", "josé@example.org", true, ""},
		{"non-ASCII local part and domain", "ana.müller@bücher.example", "ana.müller@xn--bcher-kva.example", true, ""},
		{"devanagari local part with marks", "अजय@example.in", "अजय@example.in", true, ""},
		{"local part 64 bytes", long(64) + "@example.org", long(64) + "@example.org", false, ""},
		{"local part 65 bytes", long(65) + "@example.org", "", false, "65 bytes long; at most 64"},
		{"local part 33 two-byte letters", strings.Repeat("é", 33) + "@example.org", "", false, "66 bytes long; at most 64"},
		{"label 63", "a@" + label63 + ".org", "a@" + label63 + ".org", false, ""},
		{"label 64", "a@" + long(64) + ".org", "", false, "64 characters long in punycode; at most 63"},
		{"domain over 255", "a@" + strings.Repeat(label63+".", 4) + "org", "", false, "at most 253"},
		{"address over 254", long(64) + "@" + strings.Repeat(long(60)+".", 3) + "example.org", "", false, "at most 254"},
		{"IDN label long in punycode", "a@" + strings.Repeat("ü", 60) + ".org", "", false, "at most 63"},
		{"underscore in domain", "ana@a_b.example.org", "", false, ""},
		{"numeric TLD", "ana@example.123", "", false, ""},
		{"IP address", "ana@127.0.0.1", "", false, ""},
		{"domain literal", "ana@[127.0.0.1]", "", false, ""},
		{"quoted local part", `"ana silva"@example.org`, "", false, ""},
		{"display name", "Ana <ana@example.org>", "", false, ""},
		{"two @", "ana@x@example.org", "", false, ""},
		{"trailing dot", "ana@example.org.", "", false, ""},
		{"hyphen label", "ana@-example.org", "", false, ""},
		{"double hyphen", "ana@ab--cd.org", "", false, "internationalised domain"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Address(tt.in)
			if tt.wire == "" {
				if err == nil {
					t.Fatalf("Address(%q) accepted as %q, want refused", tt.in, a.Wire())
				}
				if !strings.Contains(err.Error(), tt.reason) || !strings.Contains(err.Error(), "is not an email address") {
					t.Errorf("Address(%q) error %q, want it to say %q", tt.in, err, tt.reason)
				}
				if Email(tt.in) == nil {
					t.Errorf("Email(%q) accepts what Address refuses", tt.in)
				}
				return
			}
			if err != nil {
				t.Fatalf("Address(%q): %v", tt.in, err)
			}
			if a.Wire() != tt.wire || a.NeedsSMTPUTF8() != tt.utf8 {
				t.Errorf("Address(%q) = wire %q, SMTPUTF8 %v; want %q, %v", tt.in, a.Wire(), a.NeedsSMTPUTF8(), tt.wire, tt.utf8)
			}
			if Email(tt.in) != nil {
				t.Errorf("Email(%q) refuses what Address accepts", tt.in)
			}
		})
	}
}

func TestNormalizeEmail(t *testing.T) {
	if got := NormalizeEmail("  ana@bu\u0308cher.example\t"); got != "ana@bücher.example" {
		t.Errorf("NormalizeEmail = %q, want the composed form, trimmed", got)
	}
}
