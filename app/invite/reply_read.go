package invite

import (
	"errors"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Answer is what one reply file says: the single answer it carries (RFC 5546 §3.2.3: a REPLY
// names exactly one ATTENDEE, the person answering) and, when it came in an email, who sent
// that email — to be compared with the attendee before the answer is trusted.
type Answer struct {
	RSVP
	InEmail bool   // the file was an email message (.eml), not a bare calendar
	From    string // that email's sender address, lower case; "" when it names none, or several
}

// Kinds of failure of ReadReply, for errors.Is, beside ParseReply's.
var (
	// ErrNotOneAnswer is the kind of error for a reply that does not answer for exactly one
	// person about exactly one event.
	ErrNotOneAnswer = errors.New("not one answer")
	// ErrUnknownAnswer is the kind of error for an answer (PARTSTAT) RFC 5545 does not define
	// for an event, or an attendee address no invite can have.
	ErrUnknownAnswer = errors.New("unknown answer")
)

// maxComment is the most of an attendee's note an Answer keeps, in characters: it is shown, not stored.
const maxComment = 2000

// eventAnswers are the PARTSTAT values RFC 5545 §3.2.12 defines for an event (the ones
// session_attendees.partstat accepts); x-names and IANA tokens are not recorded.
var eventAnswers = map[string]bool{"NEEDS-ACTION": true, "ACCEPTED": true, "DECLINED": true, "TENTATIVE": true, "DELEGATED": true}

// ReadReply reads a reply file (.ics, or an .eml holding one) as ParseReplyFile does, and
// refuses one that does not give exactly one answer: several attendees ("a calendar reply
// answers for one person; this file has 3 attendees"), several events, or one person
// answering twice differently. The answer must be one RFC 5545 defines for an event; the
// attendee's note is cut to 2,000 characters.
// Whether the attendee belongs to the event, and whether the email's sender is the
// attendee (Answer.SentByAttendee), is the caller's to check.
func ReadReply(name string, data []byte) (Answer, error) {
	rsvps, header, err := parseFile(name, data)
	if err != nil {
		return Answer{}, err
	}
	people := map[string]bool{}
	uids := map[string]bool{}
	for _, r := range rsvps {
		people[addressKey(r.Email)] = true
		uids[r.UID] = true
	}
	switch {
	case len(people) == 0:
		return Answer{}, errorf(ErrNoAnswer, "the reply names no attendee")
	case len(people) > 1:
		return Answer{}, errorf(ErrNotOneAnswer, "a calendar reply answers for one person; this file has %s attendees", thousands(len(people)))
	case len(uids) > 1:
		return Answer{}, errorf(ErrNotOneAnswer, "a calendar reply answers one invite; this file answers %s different events", thousands(len(uids)))
	}
	first := rsvps[0]
	if !readable(first.Email) || len(first.Email) > 254 {
		return Answer{}, errorf(ErrUnknownAnswer, "the reply answers for %q, which is not an email address", clip(first.Email, 60))
	}
	for _, r := range rsvps[1:] {
		// The same person about the same event in several places (an email's inline and
		// attached copies, two VEVENTs): one answer only if they agree.
		if r.PartStat != first.PartStat || r.Sequence != first.Sequence {
			return Answer{}, errorf(ErrNotOneAnswer, "the reply answers twice for %s, differently (%s, then %s); a calendar reply gives one answer",
				first.Email, answerWords(first), answerWords(r))
		}
	}
	if !eventAnswers[first.PartStat] {
		return Answer{}, errorf(ErrUnknownAnswer, "the reply answers %q, which is not an answer Tandem records (accepted, declined, tentative or delegated)", clip(first.PartStat, 40))
	}
	out := Answer{RSVP: first}
	out.Comment = clip(out.Comment, maxComment)
	if header != nil {
		out.InEmail = true
		if list, err := header.AddressList("From"); err == nil && len(list) == 1 && readable(list[0].Address) {
			out.From = addressKey(list[0].Address)
		}
	}
	return out, nil
}

// SentByAttendee reports whether the reply came in an email whose sender is the attendee
// it answers for. A bare calendar file has no sender, nor has an email whose From is missing,
// lists several addresses or holds an unreadable one: it reports false.
func (r Answer) SentByAttendee() bool {
	return r.InEmail && r.AnswersFor(r.From)
}

// AnswersFor reports whether the reply answers for the person with this address (compared
// without "mailto:", surrounding blanks or letter case).
func (r Answer) AnswersFor(email string) bool {
	k := addressKey(email)
	return k != "" && k == addressKey(r.Email)
}

// readable reports whether s has no control or invisible formatting character (a
// zero-width space, a right-to-left override), which would make an address shown to the
// admin read as another one.
func readable(s string) bool {
	return !strings.ContainsFunc(s, func(r rune) bool { return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == utf8.RuneError })
}

// clip cuts s to at most n characters, for an error message that quotes it with %q (which
// shows control and invisible characters as escapes).
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) > n {
		return string([]rune(s)[:n]) + "…"
	}
	return s
}

// answerWords names an answer for a message: "accepted", "declined (version 2)".
func answerWords(r RSVP) string {
	return strings.ToLower(printable(r.PartStat, 40)) + " (version " + strconv.Itoa(r.Sequence) + ")"
}

// addressKey is an address as compared: no "mailto:", no surrounding blanks, lower case.
func addressKey(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 7 && strings.EqualFold(s[:7], "mailto:") {
		s = strings.TrimSpace(s[7:])
	}
	return strings.ToLower(s)
}

// thousands writes n with a comma every three digits (1,000).
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
