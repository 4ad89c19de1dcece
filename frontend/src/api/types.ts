import type { app } from '../../wailsjs/go/models';

// The generated models are classes with helper methods; the UI works with their data only.
// Data<T> keeps the fields of a generated class (recursively) and drops the methods, so these
// types follow the Go DTOs whenever the bindings are regenerated.
type AnyFn = (...args: never[]) => unknown;
export type Data<T> = T extends (infer U)[]
  ? Data<U>[]
  : T extends object
    ? { [K in keyof T as T[K] extends AnyFn ? never : K]: Data<T[K]> }
    : T;

/**
 * With<T, F> is T with the fields of F in place of its own: Go sends statuses and kinds as
 * strings, the UI reads them as the unions below (the values the database's CHECKs allow), so
 * a status the UI misspells fails tsc.
 */
export type With<T, F> = Omit<T, keyof F> & F;

export type Program = With<Data<app.Program>, { kind: ProgramKind; status: ProgramStatus }>;
export type ProgramInput = Data<app.ProgramInput>;
export type Counts = Data<app.Counts>;
export type Person = Data<app.Person>;
export type PersonInput = Data<app.PersonInput>;
export type Removal = Data<app.Removal>;
/** What withdrawing a participant does besides: pairs closed, sessions cancelled, requests ended. */
export type Leaving = Data<app.Leaving>;
export type Participant = With<Data<app.Participant>, { status: ParticipantStatus }>;
export type ParticipantInput = Data<app.ParticipantInput>;
export type EnrolInput = Data<app.EnrolInput>;
export type AnswerValue = Data<app.AnswerValue>;
export type ProfileAnswer = Data<app.ProfileAnswer>;
export type Profile = With<Data<app.Profile>, { participant: Participant }>;
export type Question = Data<app.Question>;
export type QuestionInput = Data<app.QuestionInput>;
export type DirectoryQuery = Data<app.DirectoryQuery>;
export type DirectoryPage = With<Data<app.DirectoryPage>, { rows: Participant[] }>;
export type ImportTarget = Data<app.ImportTarget>;
export type ImportWarning = Data<app.ImportWarning>;
export type ImportFile = Data<app.ImportFile>;
export type ImportRequest = Data<app.ImportRequest>;
export type ImportProblem = Data<app.ImportProblem>;
export type ImportPreview = Data<app.ImportPreview>;
export type Backup = Data<app.Backup>;
export type AppState = Data<app.State>;
export type SampleResult = Data<app.SampleResult>;
/** What stands between Tandem and its data at start ('' when nothing does). */
export type StartProblemKind = '' | 'damaged' | 'readOnly' | 'full' | 'tooNew' | 'locked' | 'failed';
export type StartProblem = Omit<Data<app.Problem>, 'kind'> & { kind: StartProblemKind };

export type ProgramKind = 'cohort' | 'evergreen' | 'group';
export type ProgramStatus = 'draft' | 'open' | 'active' | 'completed' | 'archived';
export type ParticipantStatus = 'active' | 'paused' | 'withdrawn';
export type QuestionKind = 'single' | 'multi' | 'text' | 'number' | 'scale' | 'timezone';
export type Audience = 'everyone' | 'mentors' | 'mentees' | 'peers';
export type MatchRule = 'none' | 'same' | 'different' | 'overlap' | 'complement' | 'closest' | 'within';
export type Weight = 'must' | 'high' | 'medium' | 'low' | 'custom';
export type Role = 'mentor' | 'mentee' | 'peer';

export type Member = Data<app.Member>;
export type MemberInput = Data<app.MemberInput>;
export type Relationship = With<Data<app.Relationship>, { kind: RelationshipKind; status: RelationshipStatus; commitment: Commitment }>;
export type RelationshipInput = Data<app.RelationshipInput>;
export type CloseInput = Data<app.CloseInput>;
export type Attendee = With<Data<app.Attendee>, { partStat: PartStat }>;
export type Session = With<Data<app.Session>, { status: SessionStatus; attendees: Attendee[] }>;
export type SessionInput = Data<app.SessionInput>;
export type OutcomeInput = Data<app.OutcomeInput>;
/** RSVPResult: recorded, or held until the admin confirms a reply someone else sent (message asks). */
export type RSVPResult = With<Data<app.RSVPResult>, { partStat: PartStat }>;
export type AgendaTemplate = Data<app.AgendaTemplate>;
export type AgendaTemplateInput = Data<app.AgendaTemplateInput>;
export type OutboxMessage = With<Data<app.OutboxMessage>, { status: MessageStatus }>;
export type OutboxPage = With<Data<app.OutboxPage>, { messages: OutboxMessage[] }>;
export type SendProgress = Data<app.SendProgress>;
export type Settings = Data<app.AppSettings>;
export type MessageTemplate = Data<app.MessageTemplate>;
export type TemplatePreview = Data<app.TemplatePreview>;

export type RelationshipKind = 'peer' | 'mentorship' | 'group';
export type Commitment = 'intro' | 'topic' | 'long_term';
export type RelationshipStatus = 'active' | 'on_hold' | 'completed' | 'cancelled';
export type SessionStatus = 'scheduled' | 'held' | 'cancelled' | 'no_show';
export type PartStat = 'NEEDS-ACTION' | 'ACCEPTED' | 'DECLINED' | 'TENTATIVE' | 'DELEGATED';
export type Repeat = 'none' | 'weekly' | 'biweekly' | 'monthly';
/** MessageKind is a kind of email: also the key of automatic sending and of message templates. */
export type MessageKind =
  | 'invite' | 'update' | 'cancellation' | 'closing' | 'introduction' | 'request_summary' | 'request_confirmation'
  | 'request_answer' | 'request_declined' | 'request_reminder' | 'request_expired' | 'request_closed';
export type RequestKind = 'peer' | 'mentor';
export type RequestStatus = 'pending' | 'approved' | 'intro_approved' | 'declined' | 'withdrawn' | 'expired' | 'invalidated';
/** DraftStatus is a pairing run's: open as a draft, approved into relationships, or discarded. */
export type DraftStatus = 'draft' | 'approved' | 'discarded';
export type MessageStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'held' | 'cancelled';
export type Delivery = 'smtp' | 'drafts';
