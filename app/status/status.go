// Package status names the states a program, a participant, a relationship, a session, a
// request, a pairing draft and an outbox message can be in. Each is its own string type, so a
// session's status cannot be compared with a relationship's by mistake; the values are the
// ones the database's CHECK constraints allow, and sqlc reads and writes the columns as these
// types (sqlc.yaml). The TypeScript side has one union per type in frontend/src/api/types.ts.
package status

// Program is where a program is in its life: draft → open → active → completed, and archived.
type Program string

// The statuses of a program.
const (
	ProgramDraft     Program = "draft"
	ProgramOpen      Program = "open"
	ProgramActive    Program = "active"
	ProgramCompleted Program = "completed"
	ProgramArchived  Program = "archived"
)

// Programs lists every program status, in the order of a program's life.
var Programs = []Program{ProgramDraft, ProgramOpen, ProgramActive, ProgramCompleted, ProgramArchived}

// Participant is a person's standing in one program.
type Participant string

// The statuses of a participant.
const (
	ParticipantActive    Participant = "active"
	ParticipantPaused    Participant = "paused"
	ParticipantWithdrawn Participant = "withdrawn"
)

// Participants lists every participant status.
var Participants = []Participant{ParticipantActive, ParticipantPaused, ParticipantWithdrawn}

// Relationship is where a pair or a group is: active → on hold → completed or cancelled.
type Relationship string

// The statuses of a relationship.
const (
	RelationshipActive    Relationship = "active"
	RelationshipOnHold    Relationship = "on_hold"
	RelationshipCompleted Relationship = "completed"
	RelationshipCancelled Relationship = "cancelled"
)

// Relationships lists every relationship status.
var Relationships = []Relationship{RelationshipActive, RelationshipOnHold, RelationshipCompleted, RelationshipCancelled}

// Closed says whether a relationship has ended, either way.
func (r Relationship) Closed() bool { return r == RelationshipCompleted || r == RelationshipCancelled }

// Session is what became of a session: scheduled → held, cancelled or no-show.
type Session string

// The statuses of a session.
const (
	SessionScheduled Session = "scheduled"
	SessionHeld      Session = "held"
	SessionCancelled Session = "cancelled"
	SessionNoShow    Session = "no_show"
)

// Sessions lists every session status.
var Sessions = []Session{SessionScheduled, SessionHeld, SessionCancelled, SessionNoShow}

// Request is where a peer or mentor request is. Only a pending request changes (see
// package request for the rules).
type Request string

// The statuses of a request.
const (
	RequestPending       Request = "pending"
	RequestApproved      Request = "approved"
	RequestIntroApproved Request = "intro_approved"
	RequestDeclined      Request = "declined"
	RequestWithdrawn     Request = "withdrawn"
	RequestExpired       Request = "expired"
	RequestInvalidated   Request = "invalidated"
)

// Requests lists every request status.
var Requests = []Request{RequestPending, RequestApproved, RequestIntroApproved, RequestDeclined, RequestWithdrawn,
	RequestExpired, RequestInvalidated}

// Draft is what the admin did with a pairing run's proposal.
type Draft string

// The statuses of a pairing draft.
const (
	DraftOpen      Draft = "draft"
	DraftApproved  Draft = "approved"
	DraftDiscarded Draft = "discarded"
)

// Drafts lists every draft status.
var Drafts = []Draft{DraftOpen, DraftApproved, DraftDiscarded}

// Message is where an email is in the outbox. Nothing leaves "queued" without the admin.
type Message string

// The statuses of an outbox message.
const (
	MessageQueued    Message = "queued"
	MessageSending   Message = "sending"   // handed to the server, outcome not yet written
	MessageSent      Message = "sent"      // the server answered 250
	MessageFailed    Message = "failed"    // the server refused it for good
	MessageCancelled Message = "cancelled" // the admin took it back
	MessageHeld      Message = "held"      // interrupted mid-send: it may have been sent
)

// Messages lists every message status.
var Messages = []Message{MessageQueued, MessageSending, MessageSent, MessageFailed, MessageCancelled, MessageHeld}
