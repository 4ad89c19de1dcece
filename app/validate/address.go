package validate

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/idna"
	"golang.org/x/text/unicode/norm"
)

// Limits of an address, in bytes (RFC 5321 section 4.5.3.1).
const (
	maxAddress = 254 // a path is at most 256 octets with its angle brackets
	maxLocal   = 64
	maxDomain  = 253 // in its ASCII (punycode) form, without a final dot
	maxLabel   = 63
)

// localSpecials are the ASCII characters besides letters and digits that the part before the @
// may hold: RFC 5322's atext without "#", "%" and "?", which delimit a mailto: URI (RFC 6068)
// and so cannot stand unescaped in a calendar invite's ORGANIZER or ATTENDEE.
const localSpecials = "!$&'*+-/=^_`{|}~"

// uriDelimiters are atext characters a mailto: URI would need escaped: refused with a reason.
const uriDelimiters = "#%?"

// Addr is an address that passed the address rule.
type Addr struct {
	// Local is the part before the @, as typed (in Unicode normal form C).
	Local string
	// Domain is the part after the @, as typed (normal form C): letters of any script or
	// punycode (xn--) labels.
	Domain string
	// ASCIIDomain is Domain in lower case with every internationalised label in punycode
	// (idna.Lookup.ToASCII): what travels in the SMTP envelope and the mail headers.
	ASCIIDomain string
}

// String returns the address as typed: Local@Domain.
func (a Addr) String() string { return a.Local + "@" + a.Domain }

// Wire returns the address as it is sent: the local part as typed and the domain in punycode.
func (a Addr) Wire() string { return a.Local + "@" + a.ASCIIDomain }

// NeedsSMTPUTF8 reports whether the local part has non-ASCII letters, which a mail server
// takes only when it offers the SMTPUTF8 extension (RFC 6531).
func (a Addr) NeedsSMTPUTF8() bool {
	for i := 0; i < len(a.Local); i++ {
		if a.Local[i] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// Email checks s against Tandem's one address rule (see Address) and returns a sentence an
// admin can act on, or nil. The import, the people and participant forms, the settings, the
// calendar invites and the SMTP sender all use this rule, so an address that is saved can
// also be invited and sent to.
func Email(s string) error {
	_, err := Address(s)
	return err
}

// NormalizeEmail trims the address and puts it in Unicode normal form C (so that "ü" typed
// as u + combining diaeresis and "ü" typed as one letter are the same address); case is kept
// as typed (the database compares without case).
func NormalizeEmail(s string) string { return norm.NFC.String(strings.TrimSpace(s)) }

// Address checks s against the address rule and returns it split, with its domain in
// punycode. s is read in normal form C and must not have spaces around it.
//
// The rule: a bare address local@domain, at most 254 bytes in all (and in its punycode
// form), no display name, comment, quoted local part or domain literal.
//
//   - The local part (1–64 bytes) is a dot-atom: atoms joined by single dots, no dot first
//     or last. An atom holds ASCII letters, digits and ! $ & ' * + - / = ^ _ ` { | } ~ (RFC
//     5322 atext without # % ?, which a calendar's mailto: cannot carry), and letters, digits
//     and combining marks of any script (Unicode L, Nd, Mn, Mc), which are sent only to a
//     server offering SMTPUTF8 (see NeedsSMTPUTF8).
//   - The domain has at least two labels joined by single dots, the last one (in punycode) at
//     least two characters and not all digits. A label holds ASCII letters, digits and inner
//     hyphens (LDH), or letters, digits and marks of any script; it is converted with
//     idna.Lookup.ToASCII, which must succeed, give labels of at most 63 bytes and a domain of
//     at most 253, and change nothing but the case (full-width letters, which that mapping
//     turns into ASCII ones, are refused with the plain spelling to type instead).
//   - Anywhere: no control character, no space of any kind (U+00A0, U+3000 …), no line or
//     paragraph separator, and no invisible or text-direction character — format characters
//     (Unicode Cf: zero-width space U+200B, soft hyphen U+00AD, zero-width joiners, byte-order
//     mark, the bidirectional marks, embeddings, overrides and isolates U+200E, U+200F,
//     U+061C, U+202A–U+202E, U+2066–U+2069), variation selectors and the other default
//     ignorable code points (U+034F, Hangul fillers U+3164 and U+FFA0 …). Full-width or
//     other look-alike @ and dots are not separators and are refused.
func Address(s string) (Addr, error) {
	if s == "" {
		return Addr{}, fmt.Errorf("an email address is required")
	}
	if !utf8.ValidString(s) {
		return Addr{}, fmt.Errorf("%q is not an email address (it is not valid text)", s)
	}
	s = norm.NFC.String(s)
	notAddr := func(why string, args ...any) error {
		if why == "" {
			return fmt.Errorf("%q is not an email address", s)
		}
		return fmt.Errorf("%q is not an email address (%s)", s, fmt.Sprintf(why, args...))
	}
	// Invisible characters first: they make every other message misleading. (ASCII spaces
	// and controls get the plain message below: they show in the quoted address.)
	for _, r := range s {
		if r >= utf8.RuneSelf && invisible(r) {
			return Addr{}, notAddr("it holds an invisible or text-direction character, %U", r)
		}
	}
	// Then look-alikes of "@" and "." and other symbols, before they are taken for a missing @.
	for _, r := range s {
		if r >= utf8.RuneSelf && !isWordRune(r) {
			return Addr{}, notAddr("it holds %q (%U), which an address cannot have", r, r)
		}
	}
	at := strings.IndexByte(s, '@')
	if at <= 0 || at == len(s)-1 || strings.Count(s, "@") != 1 {
		return Addr{}, notAddr("")
	}
	a := Addr{Local: s[:at], Domain: s[at+1:]}
	if err := checkLocal(a.Local, notAddr); err != nil {
		return Addr{}, err
	}
	ascii, err := checkDomain(a.Domain, notAddr)
	if err != nil {
		return Addr{}, err
	}
	a.ASCIIDomain = ascii
	if n := max(len(s), len(a.Wire())); n > maxAddress {
		return Addr{}, notAddr("it is %d bytes long; at most %d", n, maxAddress)
	}
	return a, nil
}

// checkLocal checks the part before the @.
func checkLocal(local string, notAddr func(string, ...any) error) error {
	if len(local) > maxLocal {
		return notAddr("the part before the @ is %d bytes long; at most %d", len(local), maxLocal)
	}
	if strings.HasPrefix(local, ".") || strings.HasSuffix(local, ".") || strings.Contains(local, "..") {
		return notAddr("")
	}
	for _, r := range local {
		switch {
		case r == '.' || isASCIIAlnum(r) || strings.ContainsRune(localSpecials, r):
		case strings.ContainsRune(uriDelimiters, r):
			return notAddr("calendar invites cannot carry %q in an address", r)
		case r < utf8.RuneSelf:
			return notAddr("")
		}
	}
	return nil
}

// checkDomain checks the part after the @ and returns it in lower-case punycode.
func checkDomain(domain string, notAddr func(string, ...any) error) (string, error) {
	labels := strings.Split(domain, ".")
	if len(labels) < 2 {
		return "", notAddr("the domain has no dot")
	}
	for _, l := range labels {
		if l == "" || strings.HasPrefix(l, "-") || strings.HasSuffix(l, "-") {
			return "", notAddr("")
		}
		for _, r := range l {
			switch {
			case r == '-' || isASCIIAlnum(r):
			case r < utf8.RuneSelf:
				return "", notAddr("")
			}
		}
	}
	ascii, err := idna.Lookup.ToASCII(domain)
	if err != nil {
		return "", notAddr("%q is not a valid internationalised domain name", domain)
	}
	// The mapping lower-cases and turns look-alikes (full-width letters …) into what they
	// stand for: accept the first, refuse the second, so that what is stored is what is sent.
	uni, err := idna.Lookup.ToUnicode(ascii)
	if err != nil {
		return "", notAddr("%q is not a valid internationalised domain name", domain)
	}
	lower := norm.NFC.String(strings.ToLower(domain))
	in, out, back := strings.Split(lower, "."), strings.Split(ascii, "."), strings.Split(uni, ".")
	if len(in) != len(out) || len(in) != len(back) {
		return "", notAddr("%q is not a valid internationalised domain name", domain)
	}
	for i := range in {
		same := in[i] == back[i]
		if isASCII(in[i]) {
			same = in[i] == out[i]
		}
		if !same {
			return "", notAddr("the domain holds letters that stand for others; type it as %s", uni)
		}
	}
	if len(ascii) > maxDomain {
		return "", notAddr("the domain is %d characters long in punycode; at most %d", len(ascii), maxDomain)
	}
	for _, l := range out {
		if len(l) > maxLabel {
			return "", notAddr("a part of the domain is %d characters long in punycode; at most %d", len(l), maxLabel)
		}
	}
	if tld := out[len(out)-1]; len(tld) < 2 || strings.Trim(tld, "0123456789") == "" {
		return "", notAddr("")
	}
	return ascii, nil
}

// invisible reports the characters an address must never hold because they do not show or
// change how the text around them shows: controls, spaces and separators of every kind,
// format characters (Cf: zero-width, soft hyphen, bidirectional controls …), variation
// selectors and the other default ignorable code points.
func invisible(r rune) bool {
	return unicode.IsControl(r) || unicode.IsSpace(r) ||
		unicode.In(r, unicode.Cf, unicode.Zs, unicode.Zl, unicode.Zp, unicode.Variation_Selector,
			unicode.Other_Default_Ignorable_Code_Point)
}

// isWordRune reports a non-ASCII letter, decimal digit or combining mark.
func isWordRune(r rune) bool {
	return unicode.In(r, unicode.L, unicode.Nd, unicode.Mn, unicode.Mc)
}

func isASCIIAlnum(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
