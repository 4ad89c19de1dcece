// Package sample generates Tandem's sample organisation: about 80 people across departments,
// locations and time zones, an evergreen peer program and a cohort mentor/mentee program, with
// roles and full questionnaire answers. It is deterministic: the same date gives the same data.
package sample

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"tandem/app/questionnaire"
	"tandem/app/status"
)

// Person is one person of the sample organisation.
type Person struct {
	Name, Email, Department, Title, Location, TimeZone, ManagerEmail, EmployeeID string
}

// Participant enrols a person (by email) with roles and answers keyed by question prompt.
type Participant struct {
	Email                string
	Mentor, Mentee, Peer bool
	Capacity             int
	Status               status.Participant
	Answers              map[string]questionnaire.Value
}

// Program is one sample program with its participants.
type Program struct {
	Name, Description, Kind                                                                string
	Status                                                                                 status.Program
	PeerMentoring                                                                          bool
	RegistrationOpens, RegistrationCloses, MatchingOpens, MatchingCloses, StartsOn, EndsOn string
	DefaultCapacity, ExpiryDays                                                            int
	Participants                                                                           []Participant
}

// Dataset is the whole sample organisation.
type Dataset struct {
	People   []Person
	Programs []Program
}

// Domain is the sample organisation's email domain (reserved for examples, never delivered).
const Domain = "northwind.example"

var offices = []struct{ Location, TimeZone string }{
	{"Berlin", "Europe/Berlin"}, {"Lisbon", "Europe/Lisbon"}, {"London", "Europe/London"},
	{"New York", "America/New_York"}, {"Toronto", "America/Toronto"}, {"Austin", "America/Chicago"},
	{"Bengaluru", "Asia/Kolkata"}, {"Tokyo", "Asia/Tokyo"}, {"Remote (Kraków)", "Europe/Warsaw"},
}

var departments = []struct {
	Name   string
	Titles []string
	Skills []string
}{
	{"Engineering", []string{"Software Engineer", "Senior Software Engineer", "Staff Engineer", "Engineering Manager"}, []string{"Go", "Python", "Cloud infrastructure", "Project management"}},
	{"Product", []string{"Product Manager", "Senior Product Manager", "Product Analyst"}, []string{"Product strategy", "UX research", "Data analysis"}},
	{"Design", []string{"Product Designer", "UX Researcher", "Design Lead"}, []string{"UX research", "Public speaking", "Writing"}},
	{"Sales", []string{"Account Executive", "Sales Development Rep", "Sales Director"}, []string{"Sales", "Negotiation", "Public speaking"}},
	{"Customer Success", []string{"Customer Success Manager", "Support Specialist", "Onboarding Lead"}, []string{"Customer success", "Coaching", "Writing"}},
	{"Finance", []string{"Financial Analyst", "Controller", "Accountant"}, []string{"Finance", "Data analysis", "Negotiation"}},
	{"People", []string{"People Partner", "Recruiter", "Learning Lead"}, []string{"Hiring", "Coaching", "Leadership"}},
	{"Marketing", []string{"Content Marketer", "Growth Marketer", "Brand Lead"}, []string{"Writing", "Data analysis", "Public speaking"}},
}

var firstNames = []string{
	"Ana", "Jai", "Graham", "James", "Mei", "Lukas", "Sofia", "Tomás", "Priya", "Kenji", "Amara", "Oliver",
	"Inês", "Noah", "Fatima", "Mateo", "Hannah", "Arjun", "Chloé", "Ravi", "Yuki", "Elena", "Kwame", "Zofia",
	"Daniel", "Aisha", "Jonas", "Lucía", "Marek", "Nadia", "Ethan", "Sara", "Hiroshi", "Leah", "Omar", "Camille",
	"Ben", "Ines", "Diego", "Freya",
}

var lastNames = []string{
	"Silva", "Patel", "Okafor", "Müller", "Nakamura", "Kowalski", "García", "O'Brien", "Chen", "Dubois",
	"Johansson", "Rossi", "Mensah", "Novak", "Fernandes", "Schmidt", "Tanaka", "Iyer", "Brown", "Costa",
}

// Generate builds the sample organisation; dates of the cohort program are relative to today.
func Generate(today time.Time) Dataset {
	r := rand.New(rand.NewPCG(2026, 11))
	var ds Dataset
	used := map[string]bool{}
	var managers = map[string]string{} // department -> manager email
	for i := 0; i < 80; i++ {
		var first, last string
		for {
			first, last = firstNames[r.IntN(len(firstNames))], lastNames[r.IntN(len(lastNames))]
			if !used[first+" "+last] {
				used[first+" "+last] = true
				break
			}
		}
		dep := departments[i%len(departments)]
		office := offices[r.IntN(len(offices))]
		title := dep.Titles[r.IntN(len(dep.Titles))]
		email := strings.ToLower(ascii(first) + "." + ascii(last) + "@" + Domain)
		p := Person{Name: first + " " + last, Email: email, Department: dep.Name, Title: title, Location: office.Location,
			TimeZone: office.TimeZone, EmployeeID: fmt.Sprintf("NW-%04d", 1001+i)}
		if m, ok := managers[dep.Name]; ok {
			p.ManagerEmail = m
		} else {
			managers[dep.Name] = email
			p.Title = leaderTitle(dep.Name)
		}
		ds.People = append(ds.People, p)
	}

	day := func(d int) string { return today.AddDate(0, 0, d).Format("2006-01-02") }
	peer := Program{
		Name: "Peer Circles", Kind: "evergreen", Status: status.ProgramActive, PeerMentoring: true, DefaultCapacity: 2, ExpiryDays: 14,
		Description: "Always-open peer mentoring: colleagues at a similar stage help each other across teams and offices.",
	}
	cohort := Program{
		Name: "Spring Leadership Cohort", Kind: "cohort", Status: status.ProgramOpen, DefaultCapacity: 2, ExpiryDays: 14,
		Description:       "A six-month mentor/mentee program for people stepping into leadership.",
		RegistrationOpens: day(-21), RegistrationCloses: day(7), MatchingOpens: day(8), MatchingCloses: day(21),
		StartsOn: day(28), EndsOn: day(28 + 182),
	}
	for i, p := range ds.People {
		dep := departments[i%len(departments)]
		switch {
		case i%5 != 4: // most people are in the peer program
			pp := participant(r, p, dep.Skills)
			pp.Peer = true
			if i%3 == 0 {
				pp.Mentor, pp.Capacity = true, 2
			} else {
				pp.Mentee = true
			}
			if i%17 == 0 {
				pp.Status = status.ParticipantPaused
			}
			peer.Participants = append(peer.Participants, pp)
		}
		if i%2 == 0 || i%5 == 4 {
			cp := participant(r, p, dep.Skills)
			if strings.Contains(p.Title, "Senior") || strings.Contains(p.Title, "Lead") || strings.Contains(p.Title, "Director") ||
				strings.Contains(p.Title, "Manager") || strings.Contains(p.Title, "Head") || strings.Contains(p.Title, "Staff") {
				cp.Mentor, cp.Capacity = true, 1+r.IntN(3)
			} else {
				cp.Mentee = true
			}
			if i == 42 {
				cp.Status = status.ParticipantWithdrawn
			}
			cohort.Participants = append(cohort.Participants, cp)
		}
	}
	ds.Programs = []Program{peer, cohort}
	return ds
}

func participant(r *rand.Rand, p Person, depSkills []string) Participant {
	offer := pick(r, append(append([]string{}, depSkills...), questionnaire.Skills[r.IntN(len(questionnaire.Skills))]), 2+r.IntN(2))
	want := pick(r, without(questionnaire.Skills, offer), 2+r.IntN(2))
	langs := []string{"English"}
	switch p.TimeZone {
	case "Europe/Berlin":
		langs = append(langs, "German")
	case "Europe/Lisbon":
		langs = append(langs, "Portuguese")
	case "Asia/Tokyo":
		langs = append(langs, "Japanese")
	case "Asia/Kolkata":
		langs = append(langs, "Hindi")
	case "Europe/Warsaw":
		langs = append(langs, "Polish")
	}
	if r.IntN(4) == 0 {
		langs = append(langs, questionnaire.Languages[2+r.IntN(2)])
	}
	return Participant{
		Email: p.Email, Status: status.ParticipantActive,
		Answers: map[string]questionnaire.Value{
			"Years of experience":   {Text: fmt.Sprint(1 + r.IntN(20))},
			"Skills I can offer":    {Choices: offer},
			"Skills I want to grow": {Choices: want},
			"Goals":                 {Choices: pick(r, questionnaire.Goals, 1+r.IntN(3))},
			"Interests":             {Choices: pick(r, questionnaire.Interests, 1+r.IntN(3))},
			"Languages":             {Choices: dedupe(langs)},
			"Preferred commitment":  {Text: questionnaire.Commitments[r.IntN(len(questionnaire.Commitments))]},
		},
	}
}

func leaderTitle(dep string) string {
	if dep == "Engineering" {
		return "VP Engineering"
	}
	return "Head of " + dep
}

func pick(r *rand.Rand, from []string, n int) []string {
	from = dedupe(from)
	idx := r.Perm(len(from))
	if n > len(from) {
		n = len(from)
	}
	out := make([]string, 0, n)
	for _, i := range idx[:n] {
		out = append(out, from[i])
	}
	return out
}

func without(all, remove []string) []string {
	out := []string{}
	for _, a := range all {
		keep := true
		for _, x := range remove {
			if a == x {
				keep = false
			}
		}
		if keep {
			out = append(out, a)
		}
	}
	return out
}

func dedupe(in []string) []string {
	seen := map[string]bool{}
	out := []string{}
	for _, s := range in {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// ascii folds the accented letters of the sample names for email addresses.
func ascii(s string) string {
	r := strings.NewReplacer("á", "a", "é", "e", "ê", "e", "í", "i", "ó", "o", "ú", "u", "ü", "u", "ö", "o", "ä", "a", "ç", "c", "'", "")
	return r.Replace(strings.ToLower(s))
}
