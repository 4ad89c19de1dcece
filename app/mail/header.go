package mail

import (
	"encoding/base64"
	"strings"
	"unicode/utf8"
)

// MaxSubject is the longest subject Tandem writes, in characters after rendering; a longer one
// is cut with "…". Mail programs show about 60; 250 leaves room for long titles and names.
const MaxSubject = 250

// SubjectLine is s as a subject: one line (line breaks, control characters and runs of spaces
// become one space) of at most MaxSubject characters, cut with "…" past that.
func SubjectLine(s string) string {
	s = cleanLine(s)
	if utf8.RuneCountInString(s) <= MaxSubject {
		return s
	}
	n := 0
	for i := range s {
		if n == MaxSubject-1 {
			return strings.TrimRight(s[:i], " ") + "…"
		}
		n++
	}
	return s
}

// foldWord is the longest run without a space that go-mail's header folding (which breaks
// lines at spaces only) keeps within 78 octets, with room for the "Subject: " name.
const foldWord = 60

// foldableSubject returns the subject as go-mail should write it so that every line of the
// header stays within 78 octets (RFC 5322 §2.1.1, and never past 998). go-mail encodes a
// non-ASCII subject as RFC 2047 words it folds itself, and folds an ASCII one at its spaces;
// only an ASCII word longer than foldWord cannot be folded, so such a subject is written as
// base64 encoded-words of at most 75 characters (RFC 2047 §2), each holding whole characters
// (§5), separated by spaces; a reader joins them back into the same text.
func foldableSubject(s string) string {
	long := false
	for _, w := range strings.Fields(s) {
		if len(w) > foldWord {
			long = true
			break
		}
	}
	if !long {
		return s
	}
	const prefix, suffix = "=?UTF-8?b?", "?="
	const maxChunk = 45 // bytes whose base64 (60 characters) fits in a 75-character word
	var out []string
	for len(s) > 0 {
		n := 0
		for n < len(s) {
			_, size := utf8.DecodeRuneInString(s[n:])
			if n+size > maxChunk {
				break
			}
			n += size
		}
		out = append(out, prefix+base64.StdEncoding.EncodeToString([]byte(s[:n]))+suffix)
		s = s[n:]
	}
	return strings.Join(out, " ")
}
