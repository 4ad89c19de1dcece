// Package validate holds the checks shared by every way data enters Tandem: the forms, the
// import and the sample. Each returns a sentence an admin can act on, or nil.
package validate

import (
	"fmt"
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // IANA zones everywhere, also on Windows without a zoneinfo folder
	"unicode"
)

// zones remembers which names are zones: loading one reads the zoneinfo database, which would
// be most of the work of a large import where every row names one of a few zones.
var zones sync.Map // name -> bool

// TimeZone checks that s is an IANA zone name such as Europe/Berlin. Empty is allowed.
func TimeZone(s string) error {
	if s == "" {
		return nil
	}
	if ok, seen := zones.Load(s); seen {
		if ok.(bool) {
			return nil
		}
		return fmt.Errorf("%q is not a time zone name like Europe/Berlin or America/New_York", s)
	}
	err := timeZone(s)
	if len(s) <= 64 {
		zones.Store(s, err == nil)
	}
	return err
}

func timeZone(s string) error {
	if s == "Local" || !strings.Contains(s, "/") && s != "UTC" {
		return fmt.Errorf("%q is not a time zone name like Europe/Berlin or America/New_York", s)
	}
	if _, err := time.LoadLocation(s); err != nil {
		return fmt.Errorf("%q is not a time zone name like Europe/Berlin or America/New_York", s)
	}
	return nil
}

// Date checks that s is a calendar date YYYY-MM-DD. Empty is allowed.
func Date(s string) error {
	if s == "" {
		return nil
	}
	if _, err := time.Parse("2006-01-02", s); err != nil {
		return fmt.Errorf("%q is not a date (YYYY-MM-DD)", s)
	}
	return nil
}

// Text checks that s has no control characters (line breaks included: CR, LF, NEL U+0085
// and the line and paragraph separators U+2028 and U+2029, which calendars and mail programs
// also break lines on) and at most max runes.
func Text(s string, max int) error {
	if n := len([]rune(s)); n > max {
		return fmt.Errorf("is %d characters long; at most %d", n, max)
	}
	for _, r := range s {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return fmt.Errorf("contains a line break or control character")
		}
	}
	return nil
}
