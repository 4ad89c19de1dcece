// A relationship's sessions, their invites, RSVPs and calendar exports: the seam over the
// generated Sessions bindings (see programs.ts).
import * as SessionsGo from '../../wailsjs/go/app/Sessions';
import { app } from '../../wailsjs/go/models';
import { arr } from './arrays';
import { call } from './errors';
import type { OutcomeInput, PartStat, RSVPResult, Session, SessionInput } from './types';

/** session reads Go's session: nil lists as arrays, its status and the replies as the UI's unions. */
function session(s: app.Session): Session {
  return { ...s, attendees: arr(s.attendees), warnings: arr(s.warnings) } as Session;
}

/** rsvp reads what an imported reply did, its answer as the UI's union. */
function rsvp(r: app.RSVPResult): RSVPResult {
  return { ...r, partStat: r.partStat as PartStat };
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
  /**
   * importRSVP records the one answer of a calendar reply (.ics or .eml, as base64). It rejects
   * a reply that is not one invited attendee's answer to the current invite; a reply emailed by
   * someone other than the attendee comes back with recorded false and a question to confirm.
   */
  importRSVP: (sessionId: number, fileName: string, base64: string): Promise<RSVPResult> =>
    call(async () => rsvp(await SessionsGo.ImportRSVP(sessionId, fileName, base64))),
  /** confirmRSVP records, on the admin's word, the reply importRSVP held back (the same file). */
  confirmRSVP: (sessionId: number, fileName: string, base64: string): Promise<RSVPResult> =>
    call(async () => rsvp(await SessionsGo.ConfirmRSVP(sessionId, fileName, base64))),
  exportSession: (id: number): Promise<string> => call(() => SessionsGo.ExportSession(id)),
  exportRelationship: (id: number): Promise<string> => call(() => SessionsGo.ExportRelationship(id)),
  exportProgram: (id: number): Promise<string> => call(() => SessionsGo.ExportProgram(id)),
  /** saveCalendar opens the native save dialog (desktop window only); "" when cancelled. */
  saveCalendar: (content: string, defaultName: string): Promise<string> => call(() => SessionsGo.SaveCalendar(content, defaultName)),
};
