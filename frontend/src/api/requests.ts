// Peer and mentor requests: the seam over the generated bindings (see programs.ts). Every
// function rejects with ApiError, whose field names the RequestInput or RequestAnswer field the
// problem concerns ("recipientId", "topic", "decision" …); Go's nil slices become arrays.
import * as RequestsGo from '../../wailsjs/go/app/Requests';
import { app } from '../../wailsjs/go/models';
import { arr } from './arrays';
import { call } from './errors';
import type { Data, RequestKind, RequestStatus, With } from './types';

/** MatchRequest is a peer or mentor request (app.Request; named so as not to hide the DOM's Request). */
export type MatchRequest = With<Data<app.Request>, { kind: RequestKind; status: RequestStatus }>;
export type RequestInput = Data<app.RequestInput>;
export type RequestAnswer = Data<app.RequestAnswer>;
export type RequestPreview = Data<app.RequestPreview>;
export type RequestCounts = Data<app.RequestCounts>;
export type RequestEvent = Data<app.RequestEvent>;
export type RequestDetail = With<Data<app.RequestDetail>, { request: MatchRequest }>;
export type Candidate = Data<app.Candidate>;

/** Decision is the recipient's answer: all the requested sessions, an introduction only, or no. */
export type Decision = 'approve' | 'intro' | 'decline';
/** DeclineReason is one of Go's short list (app.DeclineReasons), or '' for none. */
export type DeclineReason = 'no_time' | 'expertise' | 'better_fit' | 'other' | '';

function candidate(c: Candidate): Candidate {
  return { ...c, reasons: arr(c.reasons) };
}

export const requests = {
  /** candidates lists whom a participant may ask, best fit first, with the reasons of each score. */
  candidates: (programId: number, requesterId: number, kind: RequestKind): Promise<Candidate[]> =>
    call(async () => arr(await RequestsGo.Candidates(programId, requesterId, kind)).map(candidate)),
  /** preview renders exactly what the recipient and the requester will receive; nothing is saved. */
  preview: (input: RequestInput): Promise<RequestPreview> => call(() => RequestsGo.Preview(app.RequestInput.createFrom(input))),
  /** create records a request and (unless the program reviews requests first) queues its two emails. */
  create: (input: RequestInput): Promise<MatchRequest> => call(async () => (await RequestsGo.Create(app.RequestInput.createFrom(input))) as MatchRequest),
  /** release sends a request held for review. */
  release: (id: number): Promise<MatchRequest> => call(async () => (await RequestsGo.Release(id)) as MatchRequest),
  /** answer records the recipient's answer; approving creates the relationship (relationshipId). */
  answer: (id: number, answer: RequestAnswer): Promise<MatchRequest> =>
    call(async () => (await RequestsGo.Answer(id, app.RequestAnswer.createFrom(answer))) as MatchRequest),
  withdraw: (id: number, note: string): Promise<MatchRequest> => call(async () => (await RequestsGo.Withdraw(id, note)) as MatchRequest),
  /** remind queues a reminder for each pending request given; it returns how many were queued. */
  remind: (ids: number[]): Promise<number> => call(() => RequestsGo.Remind(ids)),
  /** sweep expires mentor requests past their time and queues reminders that fell due. */
  sweep: (): Promise<number> => call(() => RequestsGo.Sweep()),
  /** list returns a program's requests, pending first and the longest waiting first ('' = any). */
  list: (programId: number, status: RequestStatus | '', kind: RequestKind | '', overdue: boolean): Promise<MatchRequest[]> =>
    call(async () => arr(await RequestsGo.List(programId, status, kind, overdue)) as MatchRequest[]),
  get: (id: number): Promise<MatchRequest> => call(async () => (await RequestsGo.Get(id)) as MatchRequest),
  detail: (id: number): Promise<RequestDetail> =>
    call(async () => {
      const d = await RequestsGo.Detail(id);
      return { request: d.request as MatchRequest, events: arr(d.events) };
    }),
  counts: (programId: number): Promise<RequestCounts> => call(() => RequestsGo.Counts(programId)),
};
