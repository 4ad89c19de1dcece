package notify

import (
	"fmt"
	"strings"

	"tandem/app/mail"
)

// MaxGroup is the largest group Tandem forms (a program's groups are at most 20 people), the
// size of the group Samples checks templates with.
const MaxGroup = 20

// Samples are what a template is checked with before it is saved: the sample recipient (whose
// subject must fit uncut), a group of MaxGroup with the longest names and texts Tandem accepts
// (the one most likely to pass the 1 MB limit), and a recipient whose optional details are all
// empty. A template that renders for all three renders for any recipient, unless their data is
// longer than Tandem's forms accept (then the limits stop it at render time).
func Samples() []mail.Sample {
	return []mail.Sample{
		{Name: "the sample recipient", Data: Sample()},
		{Name: fmt.Sprintf("a group of %d with the longest names and texts Tandem accepts", MaxGroup), Data: longest()},
		{Name: "a recipient whose optional details (place, link, agenda, notes) are empty", Data: sparse()},
	}
}

// long is n characters of letters of one to four bytes, with no space (so a first name is as
// long as the name).
func long(n int) string {
	letters := []rune("AöŌ語𝓐zÉ")
	r := make([]rune, n)
	for i := range r {
		r[i] = letters[i%len(letters)]
	}
	return string(r)
}

// longest is Sample at the limits of Tandem's forms: names and titles of 200 characters, an
// agenda of 20,000, messages of 4,000, MaxGroup members.
func longest() Vars {
	person := func(i int) Person {
		name := long(200)
		return Person{Name: name, FirstName: name, Email: fmt.Sprintf("%s.%d@%s.example", strings.Repeat("a", 60), i, strings.Repeat("b", 180)),
			Title: long(200), Department: long(200)}
	}
	v := Sample()
	v.Recipient = person(0)
	v.Others = nil
	var names, highlights []string
	for i := 1; i < MaxGroup; i++ {
		p := person(i)
		v.Others = append(v.Others, p)
		names = append(names, p.Name)
		lines := []string{p.Name + " (mentee)", strings.Join([]string{long(200), long(200), long(200)}, ", ")}
		for range 5 {
			lines = append(lines, long(200)+": "+strings.Join([]string{long(100), long(100), long(100)}, ", "))
		}
		highlights = append(highlights, strings.Join(lines, "\n"))
	}
	v.OthersNames = JoinNames(names)
	v.Organisation, v.Admin = long(120), Person{Name: long(120), FirstName: long(120), Email: "mentoring@northwind.example"}
	v.Program = Program{Name: long(120)}
	v.Session = Session{Title: long(200), When: "Wednesday 30 September 2026, 10:00 (America/Argentina/ComodRivadavia)", Duration: "480 minutes",
		Location: long(300), URL: "https://meet.example/" + strings.Repeat("x", 2000), Agenda: long(20000), TimeZone: "America/Argentina/ComodRivadavia"}
	v.Reason = long(4000)
	v.Request = Request{Kind: "mentor", Requester: v.Others[0], RecipientP: v.Recipient, Highlights: highlights[0],
		Commitment: "help with " + long(200) + " over 12 sessions", Note: long(4000), Answer: "approved an introductory session to start",
		Message: long(4000), Expires: "Wednesday 30 September 2026", NextBest: JoinNames(names[:3]), Sessions: 12}
	v.Match = Match{Score: 100, Highlights: strings.Join(highlights, "\n\n"), Reasons: strings.Repeat(long(200)+" (+6)\n", 10)}
	return v
}

// sparse is Sample with every detail that may be missing left empty.
func sparse() Vars {
	v := Sample()
	v.Recipient.Title, v.Recipient.Department = "", ""
	v.Organisation = ""
	v.Session.Location, v.Session.URL, v.Session.Agenda = "", "", ""
	v.Reason = ""
	v.Request.Note, v.Request.Message, v.Request.Expires, v.Request.NextBest, v.Request.Highlights = "", "", "", "", ""
	v.Match.Highlights, v.Match.Reasons = "", ""
	return v
}
