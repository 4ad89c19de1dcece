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
