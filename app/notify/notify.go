// Package notify composes every email Tandem queues: the template variables, the default
// templates (embedded files under templates/) or the admin's saved version of them, the
// rendering, and the outbox row written in the caller's transaction.
package notify

import "strings"

// Kinds are the kinds of email Tandem writes, for automatic sending and templates.
var Kinds = []string{"invite", "update", "cancellation", "closing", "request_summary", "request_confirmation",
	"request_answer", "request_declined", "request_reminder", "request_expired", "request_closed", "introduction"}

var labels = map[string]string{
	"invite": "Session invitation", "update": "Session update", "cancellation": "Session cancelled", "closing": "Relationship closed",
	"request_summary": "Request summary (to the person asked)", "request_confirmation": "Request sent (to the requester)",
	"request_answer": "Request answered (to both)", "request_declined": "Request declined (to the requester)",
	"request_reminder": "Request reminder (to the person asked)", "request_expired": "Request expired (to the requester)",
	"request_closed": "Request no longer needed (to the person asked)",
	"introduction":   "Introduction of a new pair or group (to each member)",
}

// Label is the name the template editor shows for a kind of email.
func Label(kind string) string { return labels[kind] }

// Sender is who Tandem's emails come from, as the admin set it in Settings, and the time zone
// for readers who have none.
type Sender struct {
	Organisation, AdminName, AdminEmail, DefaultTimeZone string
}

// Vars is what a message template can use: {{.Recipient.FirstName}}, {{.Program.Name}} …
// The field names are what admins' saved templates refer to: they never change.
type Vars struct {
	Recipient    Person
	Others       []Person // the other members of the relationship
	OthersNames  string   // "Jai Patel and Mei Chen"
	Organisation string
	Admin        Person
	Program      Program
	Session      Session
	Reason       string // why a relationship closed, or a session was cancelled
	Request      Request
	Match        Match
}

// Match is why the engine paired people, for the introduction email.
type Match struct {
	Score      int    // 0–100 %
	Highlights string // the other members' profiles in a few lines each
	Reasons    string // one reason per line: "both: Leadership, Public speaking (+6)"
}

// Request is a peer or mentor request in a template.
type Request struct {
	Kind       string // "peer" or "mentor"
	Requester  Person
	RecipientP Person
	Highlights string // the requester's profile in a few lines
	Commitment string // "an introduction session", "help with Python over 3 sessions", "long-term mentorship"
	Note       string
	Answer     string // "approved all 3 sessions", "approved an introductory session", "declined"
	Message    string // the recipient's message with the answer
	Expires    string // when a mentor request expires, in the reader's words
	NextBest   string // other people who could fit, for a declined or expired request
	Sessions   int
}

// Person is a person in a template.
type Person struct{ Name, FirstName, Email, Title, Department string }

// Program is a program in a template.
type Program struct{ Name string }

// Session is a session in a template, its time shown in the recipient's zone.
type Session struct {
	Title, When, Duration, Location, URL, Agenda, TimeZone string
}

// admin is the sender as a person in a template.
func (f Sender) admin() Person {
	return Person{Name: f.AdminName, FirstName: FirstName(f.AdminName), Email: f.AdminEmail}
}

// FirstName is the first word of a name: how emails and reasons greet and name people.
func FirstName(name string) string {
	if f := strings.Fields(name); len(f) > 0 {
		return f[0]
	}
	return name
}

// JoinNames writes "Ana", "Ana and Jai", "Ana, Jai and Mei".
func JoinNames(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
