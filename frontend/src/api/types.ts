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

export type Program = Data<app.Program>;
export type ProgramInput = Data<app.ProgramInput>;
export type Counts = Data<app.Counts>;
export type Person = Data<app.Person>;
export type PersonInput = Data<app.PersonInput>;
export type Removal = Data<app.Removal>;
export type Participant = Data<app.Participant>;
export type ParticipantInput = Data<app.ParticipantInput>;
export type EnrolInput = Data<app.EnrolInput>;
export type AnswerValue = Data<app.AnswerValue>;
export type ProfileAnswer = Data<app.ProfileAnswer>;
export type Profile = Data<app.Profile>;
export type Question = Data<app.Question>;
export type QuestionInput = Data<app.QuestionInput>;
export type DirectoryQuery = Data<app.DirectoryQuery>;
export type DirectoryPage = Data<app.DirectoryPage>;
export type ImportTarget = Data<app.ImportTarget>;
export type ImportFile = Data<app.ImportFile>;
export type ImportRequest = Data<app.ImportRequest>;
export type ImportProblem = Data<app.ImportProblem>;
export type ImportPreview = Data<app.ImportPreview>;
export type Backup = Data<app.Backup>;
export type AppState = Data<app.State>;
export type SampleResult = Data<app.SampleResult>;

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
export type Relationship = Data<app.Relationship>;
export type RelationshipInput = Data<app.RelationshipInput>;
export type CloseInput = Data<app.CloseInput>;
export type Attendee = Data<app.Attendee>;
export type Session = Data<app.Session>;
export type SessionInput = Data<app.SessionInput>;
export type OutcomeInput = Data<app.OutcomeInput>;
export type RSVPResult = Data<app.RSVPResult>;
export type AgendaTemplate = Data<app.AgendaTemplate>;
export type AgendaTemplateInput = Data<app.AgendaTemplateInput>;
export type OutboxMessage = Data<app.OutboxMessage>;
export type OutboxPage = Data<app.OutboxPage>;
export type SendProgress = Data<app.SendProgress>;
export type Settings = Data<app.Settings>;
export type MessageTemplate = Data<app.MessageTemplate>;
export type TemplatePreview = Data<app.TemplatePreview>;

export type RelationshipKind = 'peer' | 'mentorship' | 'group';
export type Commitment = 'intro' | 'topic' | 'long_term';
export type RelationshipStatus = 'active' | 'on_hold' | 'completed' | 'cancelled';
export type SessionStatus = 'scheduled' | 'held' | 'cancelled' | 'no_show';
export type PartStat = 'NEEDS-ACTION' | 'ACCEPTED' | 'DECLINED' | 'TENTATIVE' | 'DELEGATED';
export type Repeat = 'none' | 'weekly' | 'biweekly' | 'monthly';
/** MessageKind is a kind of email: also the key of automatic sending and of message templates. */
export type MessageKind = 'invite' | 'update' | 'cancellation' | 'closing' | 'introduction';
export type MessageStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'held' | 'cancelled';
export type Delivery = 'smtp' | 'drafts';
