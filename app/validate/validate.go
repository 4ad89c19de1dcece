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

// Email checks that s is a bare address like ana@example.org: one @, a local part and a domain
// with a dot, no spaces, no display name. net/mail accepts far more (a@b, "Ana" <a@b>).
func Email(s string) error {
	if s == "" {
		return fmt.Errorf("an email address is required")
	}
	at := strings.LastIndexByte(s, '@')
	if at <= 0 || at == len(s)-1 || strings.Count(s, "@") != 1 {
		return fmt.Errorf("%q is not an email address", s)
	}
	local, domain := s[:at], s[at+1:]
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) || strings.ContainsRune(`<>()[]\,;:"`, r) {
			return fmt.Errorf("%q is not an email address", s)
		}
	}
	if strings.HasPrefix(local, ".") || strings.HasSuffix(local, ".") || strings.Contains(local, "..") {
		return fmt.Errorf("%q is not an email address", s)
	}
	labels := strings.Split(domain, ".")
	if len(labels) < 2 {
		return fmt.Errorf("%q is not an email address (the domain has no dot)", s)
	}
	for _, l := range labels {
		if l == "" || strings.HasPrefix(l, "-") || strings.HasSuffix(l, "-") {
			return fmt.Errorf("%q is not an email address", s)
		}
	}
	if len(labels[len(labels)-1]) < 2 {
		return fmt.Errorf("%q is not an email address", s)
	}
	return nil
}

// NormalizeEmail trims the address; case is kept as typed (the database compares without case).
func NormalizeEmail(s string) string { return strings.TrimSpace(s) }

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

// Text checks that s has no control characters (line breaks included) and at most max runes.
func Text(s string, max int) error {
	if n := len([]rune(s)); n > max {
		return fmt.Errorf("is %d characters long; at most %d", n, max)
	}
	for _, r := range s {
		if unicode.IsControl(r) {
			return fmt.Errorf("contains a line break or control character")
		}
	}
	return nil
}
