package validate

import (
	"fmt"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

// WebLink checks that s is an absolute http or https address with a host, such as a video
// meeting link: valid UTF-8, no spaces or control characters, and no invisible or
// text-direction character (a right-to-left override would make the link show as another
// one). Its errors start with the quoted link, for "The video link …".
func WebLink(s string) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("%q is not a web address (https://…)", s)
	}
	if r, ok := Invisible(s); ok {
		return fmt.Errorf("%q is not a web address (it holds an invisible or text-direction character, %U)", s, r)
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.Opaque != "" ||
		strings.ContainsFunc(s, func(r rune) bool { return unicode.IsControl(r) || unicode.IsSpace(r) }) {
		return fmt.Errorf("%q is not a web address (https://…)", s)
	}
	return nil
}

// Invisible returns the first invisible or text-direction character in s (a format character
// such as U+200B or U+202E, a variation selector or another default ignorable code point),
// and whether there is one. Spaces and controls are not counted: Text refuses those.
func Invisible(s string) (rune, bool) {
	for _, r := range s {
		if r >= utf8.RuneSelf && invisible(r) && !unicode.IsSpace(r) && !unicode.IsControl(r) {
			return r, true
		}
	}
	return 0, false
}
