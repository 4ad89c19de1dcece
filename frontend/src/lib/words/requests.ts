import type { MatchRequest, Participant, Program, RequestEvent, RequestKind, RequestStatus } from '../../api';
import { formatDate, plural } from '../format';

export const requestKindLabels: Record<string, string> = { peer: 'Peer', mentor: 'Mentor' } satisfies Record<RequestKind, string>;
export const requestKindColors: Record<string, string> = { peer: 'grape', mentor: 'indigo' } satisfies Record<RequestKind, string>;

export const requestStatusLabels: Record<string, string> = {
  pending: 'Pending', approved: 'Approved', intro_approved: 'Intro only', declined: 'Declined', withdrawn: 'Withdrawn',
  expired: 'Expired', invalidated: 'Invalidated',
} satisfies Record<RequestStatus, string>;
export const requestStatusColors: Record<string, string> = {
  pending: 'blue', approved: 'teal', intro_approved: 'cyan', declined: 'red', withdrawn: 'gray', expired: 'orange',
  invalidated: 'gray',
} satisfies Record<RequestStatus, string>;
/** requestStatusWords says a status in a sentence: "This request is already declined." */
export const requestStatusWords: Record<string, string> = {
  pending: 'pending', approved: 'approved', intro_approved: 'approved for an introduction only', declined: 'declined',
  withdrawn: 'withdrawn', expired: 'expired', invalidated: 'no longer open (the mentee found a mentor)',
} satisfies Record<RequestStatus, string>;

/** declineReasonLabels is Go's short list of reasons (app.DeclineReasons), as the admin reads it. */
export const declineReasonLabels: Record<string, string> = {
  no_time: 'No time right now', expertise: 'Not the right expertise', better_fit: 'Someone else fits better', other: 'Other',
};

export const commitmentChoices: { value: string; label: string; description: string }[] = [
  { value: 'intro', label: 'An introduction', description: 'One networking conversation to get to know each other.' },
  { value: 'topic', label: 'Help with a specific topic', description: 'A few sessions about one topic.' },
  { value: 'long_term', label: 'Long-term mentorship', description: 'Regular sessions with no set end.' },
];

/** requestCommitment writes "Introduction", "Topic: Python · 3 sessions" or "Long-term". */
export function requestCommitment(r: Pick<MatchRequest, 'commitment' | 'topic' | 'sessions'>): string {
  switch (r.commitment) {
    case 'intro': return 'Introduction';
    case 'topic': return `Topic: ${r.topic || 'not named'} · ${plural(r.sessions, 'session')}`;
    case 'long_term': return 'Long-term';
    default: return r.commitment;
  }
}

/** requestName is how a request is named in headings and labels: "Ana Silva → Jai Patel". */
export function requestName(r: Pick<MatchRequest, 'requester' | 'recipient'>): string {
  return `${r.requester.name} → ${r.recipient.name}`;
}

const DAY = 24 * 60 * 60 * 1000;

/** daysBetween is the whole days from one RFC 3339 time to another (or to now). */
export function daysBetween(from: string, to?: string): number {
  const a = Date.parse(from);
  const b = to ? Date.parse(to) : Date.now();
  if (Number.isNaN(a) || Number.isNaN(b)) return 0;
  return Math.max(0, Math.floor((b - a) / DAY));
}

/** waitingWords writes "waiting 3 days", "waiting since today". */
export function waitingWords(days: number): string {
  return days === 0 ? 'waiting since today' : `waiting ${plural(days, 'day')}`;
}

/** answerBlocker says why an answer cannot be recorded for a request now, or null when it can. */
export function answerBlocker(r: Pick<MatchRequest, 'status' | 'inReview'>): string | null {
  if (r.status !== 'pending') return `This request is already ${requestStatusWords[r.status] ?? r.status}.`;
  if (r.inReview) return 'It waits for your review: send it first, then record the answer when it comes.';
  return null;
}

/** askBlocker says whether a participant may send a request of a kind in a program, or why not (null when it can). */
export function askBlocker(p: Pick<Participant, 'name' | 'peer' | 'mentee' | 'status'>, kind: RequestKind, program: Pick<Program, 'name' | 'peerMentoring'>): string | null {
  if (p.status !== 'active') return `${p.name} is ${p.status} in this program, so cannot send requests.`;
  if (kind === 'peer') {
    if (!program.peerMentoring) return `Peer mentoring is off in ${program.name}.`;
    if (!p.peer) return `${p.name} is not registered as a peer.`;
  } else if (!p.mentee) {
    return `${p.name} is not a mentee in this program.`;
  }
  return null;
}

const actionLabels: Record<string, string> = {
  create: 'Request recorded', release: 'Reviewed and sent', approve: 'Approved all sessions', approve_intro: 'Approved an introduction only',
  decline: 'Declined', withdraw: 'Withdrawn', expire: 'Expired', invalidate: 'No longer open', remind: 'Reminder queued',
  supersede: 'Out-of-date emails cancelled',
};

/** eventTitle names one step of a request's history: "Declined", "Reminder queued". */
export function eventTitle(e: Pick<RequestEvent, 'action' | 'to'>): string {
  return actionLabels[e.action] ?? (requestStatusLabels[e.to] ?? e.action);
}

/** expiryWords writes a mentor request's expiry: "7 Dec 2026" or "expired 16 Nov 2026". */
export function expiryWords(r: Pick<MatchRequest, 'kind' | 'expiresAt' | 'status'>): string {
  if (r.kind !== 'mentor') return 'Never (peer request)';
  if (!r.expiresAt) return 'Starts when it is sent';
  return r.status === 'expired' ? `Expired ${formatDate(r.expiresAt)}` : formatDate(r.expiresAt);
}
