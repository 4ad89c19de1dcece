package mail

import (
	"bytes"
	"mime"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestSubjectLinesFold builds messages with long subjects of every shape and checks that every
// line of the raw message is at most 78 octets (RFC 5322 §2.1.1 prefers 78 and requires 998),
// and that a reader gets the subject back as it was, cut at MaxSubject characters.
func TestSubjectLinesFold(t *testing.T) {
	tests := []struct{ name, subject string }{
		{"one long ASCII word", strings.Repeat("abcdefghij", 300)},
		{"a link", "Join: https://meet.example/" + strings.Repeat("x", 200) + "?pwd=" + strings.Repeat("A1", 40)},
		{"ASCII words", strings.Repeat("word ", 600)},
		{"non-ASCII words", strings.Repeat("Zoë 欢迎 ", 300)},
		{"4-byte letters without a space", strings.Repeat("🎉", 2000)},
		{"a long non-ASCII word among ASCII", "Invitation: " + strings.Repeat("é", 120) + " — Tuesday 1 December"},
		{"a long ASCII word with non-ASCII", "Zoë " + strings.Repeat("z", 300)},
		{"line breaks", "Hello\r\nBcc: evil@attacker.test " + strings.Repeat("y", 900)},
		{"short", "Welcome to the program"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := sampleMessage()
			m.Subject = tt.subject
			raw, err := Build(m)
			if err != nil {
				t.Fatal(err)
			}
			for i, line := range bytes.Split(raw, []byte("\r\n")) {
				if len(line) > 78 {
					t.Fatalf("line %d is %d octets long (at most 78; RFC 5322 requires ≤ 998): %.120q", i+1, len(line), line)
				}
			}
			msg, _ := parseMessage(t, raw)
			var dec mime.WordDecoder
			got, err := dec.DecodeHeader(msg.Header.Get("Subject"))
			want := SubjectLine(tt.subject)
			if err != nil || got != want {
				t.Errorf("subject = %q, %v\nwant %q", got, err, want)
			}
			if n := utf8.RuneCountInString(got); n > MaxSubject {
				t.Errorf("subject is %d characters long; at most %d", n, MaxSubject)
			}
			if strings.Contains(string(headerBytes(raw)), "Bcc:") {
				t.Error("a line break in the subject added a header")
			}
		})
	}
}

func TestSubjectLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  Hello\r\n  world\t", "Hello world"},
		{strings.Repeat("a", MaxSubject), strings.Repeat("a", MaxSubject)},
		{strings.Repeat("a", MaxSubject+1), strings.Repeat("a", MaxSubject-1) + "…"},
		{strings.Repeat("é", 300), strings.Repeat("é", MaxSubject-1) + "…"},
		{strings.Repeat("ab ", 100), strings.TrimSpace(strings.Repeat("ab ", 83)) + "…"},
		{"a\u2028b", "a b"},
	}
	for _, tt := range tests {
		got := SubjectLine(tt.in)
		if got != tt.want {
			t.Errorf("SubjectLine(%.30q…) = %q, want %q", tt.in, got, tt.want)
		}
		if utf8.RuneCountInString(got) > MaxSubject || !utf8.ValidString(got) {
			t.Errorf("SubjectLine(%.30q…) = %q: too long or not UTF-8", tt.in, got)
		}
	}
}
