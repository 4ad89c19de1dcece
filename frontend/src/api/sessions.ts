// A relationship's sessions, their invites, RSVPs and calendar exports: the seam over the
// generated Sessions bindings (see programs.ts).
import * as SessionsGo from '../../wailsjs/go/app/Sessions';
import { app } from '../../wailsjs/go/models';
import { arr } from './arrays';
import { call } from './errors';
import type { OutcomeInput, RSVPResult, Session, SessionInput } from './types';

/** session reads Go's session: nil lists as arrays, its status and the replies as the UI's unions. */
function session(s: app.Session): Session {
  return { ...s, attendees: arr(s.attendees), warnings: arr(s.warnings) } as Session;
}

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
