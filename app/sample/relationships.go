package sample

import "tandem/app/status"

// Relationship is a sample pairing with its sessions, by members' emails.
type Relationship struct {
	Program    string // the program's name
	Kind       string // "peer" or "mentorship"
	Commitment string
	Topic      string
	Members    []Member
	Sessions   []SessionPlan
}

// Member is one member of a sample relationship.
type Member struct{ Email, Role string }

// SessionPlan is one sample session, relative to today.
type SessionPlan struct {
	Day     int // days from today (negative: in the past)
	Hour    int // local hour in the first member's zone
	Title   string
	Agenda  string         // an agenda template's name
	Outcome status.Session // held or no_show for past sessions
	Notes   string
	Rating  int
	MoveTo  int  // when non-zero: rescheduled to this day after its invite was sent
	Cancel  bool // cancelled after its invite was sent
	Pending bool // scheduled today: its invite still waits in the outbox
}

// plans are the shapes of the sample relationships' histories, used in turn.
var plans = [][]SessionPlan{
	{
		{Day: -42, Hour: 10, Title: "First session", Agenda: "First session: getting started", Outcome: "held", Notes: "Agreed to meet every two weeks; Ana wants to practise public speaking.", Rating: 4},
		{Day: -28, Hour: 10, Title: "SMART goals", Agenda: "SMART career goals", Outcome: "held", Notes: "Two goals written down.", Rating: 3},
		{Day: -14, Hour: 10, Title: "Lunch and learn", Agenda: "Lunch and learn", Outcome: "no_show", Notes: "Clashed with a customer visit."},
		{Day: 7, Hour: 10, Title: "Check-in on goals", Agenda: "What's your plan?"},
	},
	{
		{Day: -21, Hour: 14, Title: "First session", Agenda: "First session: getting started", Outcome: "held", Rating: 4},
		{Day: 3, Hour: 14, Title: "Question prompts", Agenda: "Question prompts", MoveTo: 5},
		{Day: 17, Hour: 14, Title: "Show and tell", Agenda: "Show and tell"},
	},
	{
		{Day: -10, Hour: 9, Title: "First session", Agenda: "First session: getting started", Outcome: "held", Rating: 3},
		{Day: 4, Hour: 9, Title: "Icebreaker cards", Agenda: "Icebreaker card deck", Cancel: true},
		{Day: 11, Hour: 9, Title: "A big decision together", Agenda: "A big decision together", Pending: true},
	},
	{
		{Day: 2, Hour: 11, Title: "First session", Agenda: "First session: getting started", Pending: true},
	},
}

// Relationships pairs some of the sample participants and plans their sessions.
func (ds Dataset) Relationships() []Relationship {
	var out []Relationship
	for _, p := range ds.Programs {
		var pool []Participant
		for _, pa := range p.Participants {
			if pa.Status == status.ParticipantActive {
				pool = append(pool, pa)
			}
		}
		n := 0
		switch p.Kind {
		case "evergreen":
			for i := 0; i+1 < len(pool) && n < 6; i += 3 {
				a, b := pool[i], pool[i+1]
				out = append(out, Relationship{Program: p.Name, Kind: "peer", Commitment: []string{"topic", "long_term", "intro"}[n%3],
					Topic: "Presenting with confidence", Members: []Member{{a.Email, "peer"}, {b.Email, "peer"}}, Sessions: plans[n%len(plans)]})
				n++
			}
		case "cohort":
			var mentors, mentees []Participant
			for _, pa := range pool {
				if pa.Mentor {
					mentors = append(mentors, pa)
				} else if pa.Mentee {
					mentees = append(mentees, pa)
				}
			}
			for i := 0; i < len(mentors) && i < len(mentees) && n < 4; i++ {
				// The cohort starts in four weeks: its first sessions are ahead.
				first := []SessionPlan{{Day: 29 + n, Hour: 10, Title: "First session", Agenda: "First session: getting started", Pending: n%2 == 0}}
				out = append(out, Relationship{Program: p.Name, Kind: "mentorship", Commitment: "long_term",
					Members: []Member{{mentors[i].Email, "mentor"}, {mentees[i].Email, "mentee"}}, Sessions: first})
				n++
			}
		}
	}
	for i := range out {
		if out[i].Commitment != "topic" {
			out[i].Topic = ""
		}
	}
	return out
}
