// Relationships, their sessions and the agenda library: the seam over the generated bindings
// (see services.ts). Every function rejects with ApiError; Go's nil slices become arrays.
import * as AgendasGo from '../../wailsjs/go/app/Agendas';
import * as RelationshipsGo from '../../wailsjs/go/app/Relationships';
import * as SessionsGo from '../../wailsjs/go/app/Sessions';
import { app } from '../../wailsjs/go/models';
import { call } from './errors';
import type {
  AgendaTemplate, AgendaTemplateInput, CloseInput, OutcomeInput, RSVPResult, Relationship, RelationshipInput, Session,
  SessionInput,
} from './types';

const arr = <T>(a: T[] | null | undefined): T[] => (Array.isArray(a) ? a : []);

function relationship(r: Relationship): Relationship {
  return { ...r, members: arr(r.members) };
}

function session(s: Session): Session {
  return { ...s, attendees: arr(s.attendees), warnings: arr(s.warnings) };
}

export const relationships = {
  list: (programId: number): Promise<Relationship[]> =>
    call(async () => arr(await RelationshipsGo.List(programId)).map(relationship)),
  get: (id: number): Promise<Relationship> => call(async () => relationship(await RelationshipsGo.Get(id))),
  create: (input: RelationshipInput): Promise<Relationship> =>
    call(async () => relationship(await RelationshipsGo.Create(app.RelationshipInput.createFrom(input)))),
  pause: (id: number): Promise<Relationship> => call(async () => relationship(await RelationshipsGo.Pause(id))),
  resume: (id: number): Promise<Relationship> => call(async () => relationship(await RelationshipsGo.Resume(id))),
  /** close ends a relationship; its upcoming sessions are cancelled and their notices queued. */
  close: (id: number, input: CloseInput): Promise<Relationship> =>
    call(async () => relationship(await RelationshipsGo.Close(id, app.CloseInput.createFrom(input)))),
};

export const sessions = {
  forRelationship: (relationshipId: number): Promise<Session[]> =>
    call(async () => arr(await SessionsGo.ForRelationship(relationshipId)).map(session)),
  get: (id: number): Promise<Session> => call(async () => session(await SessionsGo.Get(id))),
  /** schedule creates a session (or a series) and queues an invite per attendee; it returns every session made. */
  schedule: (input: SessionInput): Promise<Session[]> =>
    call(async () => arr(await SessionsGo.Schedule(app.SessionInput.createFrom(input))).map(session)),
  reschedule: (id: number, input: SessionInput): Promise<Session> =>
    call(async () => session(await SessionsGo.Reschedule(id, app.SessionInput.createFrom(input)))),
  cancel: (id: number, reason: string): Promise<Session> => call(async () => session(await SessionsGo.Cancel(id, reason))),
  recordOutcome: (id: number, input: OutcomeInput): Promise<Session> =>
    call(async () => session(await SessionsGo.RecordOutcome(id, app.OutcomeInput.createFrom(input)))),
  /** importRSVP records the answers of a calendar reply (.ics or .eml, as base64). */
  importRSVP: (sessionId: number, fileName: string, base64: string): Promise<RSVPResult> =>
    call(async () => {
      const r = await SessionsGo.ImportRSVP(sessionId, fileName, base64);
      return { updated: arr(r.updated), ignored: arr(r.ignored) };
    }),
  exportSession: (id: number): Promise<string> => call(() => SessionsGo.ExportSession(id)),
  exportRelationship: (id: number): Promise<string> => call(() => SessionsGo.ExportRelationship(id)),
  exportProgram: (id: number): Promise<string> => call(() => SessionsGo.ExportProgram(id)),
  /** saveCalendar opens the native save dialog (desktop window only); "" when cancelled. */
  saveCalendar: (content: string, defaultName: string): Promise<string> => call(() => SessionsGo.SaveCalendar(content, defaultName)),
};

export const agendas = {
  list: (): Promise<AgendaTemplate[]> => call(async () => arr(await AgendasGo.List())),
  create: (input: AgendaTemplateInput): Promise<AgendaTemplate> =>
    call(() => AgendasGo.Create(app.AgendaTemplateInput.createFrom(input))),
  update: (id: number, input: AgendaTemplateInput): Promise<AgendaTemplate> =>
    call(() => AgendasGo.Update(id, app.AgendaTemplateInput.createFrom(input))),
  remove: (id: number): Promise<void> => call(() => AgendasGo.Delete(id)),
};
