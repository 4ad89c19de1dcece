import type {
  Commitment, Member, MessageKind, MessageStatus, PartStat, Relationship, RelationshipKind, RelationshipStatus, Repeat, SessionStatus,
} from '../../api';
import { joinNames } from '../format';

export const relationshipKindLabels: Record<string, string> = { peer: 'Peer', mentorship: 'Mentorship', group: 'Group' } satisfies Record<RelationshipKind, string>;
export const relationshipKindColors: Record<string, string> = { peer: 'grape', mentorship: 'indigo', group: 'cyan' } satisfies Record<RelationshipKind, string>;

export const relationshipStatusLabels: Record<string, string> = {
  active: 'Active', on_hold: 'On hold', completed: 'Completed', cancelled: 'Cancelled',
} satisfies Record<RelationshipStatus, string>;
export const relationshipStatusColors: Record<string, string> = {
  active: 'teal', on_hold: 'yellow', completed: 'violet', cancelled: 'gray',
} satisfies Record<RelationshipStatus, string>;

export const commitmentLabels: Record<string, string> = { intro: 'Introduction', topic: 'Help on a topic', long_term: 'Long-term' } satisfies Record<Commitment, string>;
export const commitmentDescriptions: Record<string, string> = {
  intro: 'One session to get to know each other.',
  topic: 'A few sessions about one topic.',
  long_term: 'Regular sessions with no set end.',
} satisfies Record<Commitment, string>;
/** defaultPlannedSessions is what Go plans when the form sends 0. */
export const defaultPlannedSessions: Record<string, number> = { intro: 1, topic: 3, long_term: 6 } satisfies Record<Commitment, number>;

export const memberRoleLabels: Record<string, string> = { mentor: 'Mentor', mentee: 'Mentee', peer: 'Peer', member: 'Member' };
export const memberRoleColors: Record<string, string> = { mentor: 'indigo', mentee: 'teal', peer: 'grape', member: 'gray' };

export const sessionStatusLabels: Record<string, string> = {
  scheduled: 'Scheduled', held: 'Held', cancelled: 'Cancelled', no_show: 'No-show',
} satisfies Record<SessionStatus, string>;
export const sessionStatusColors: Record<string, string> = { scheduled: 'blue', held: 'teal', cancelled: 'gray', no_show: 'orange' } satisfies Record<SessionStatus, string>;

export const partStatLabels: Record<string, string> = {
  'NEEDS-ACTION': 'Needs action', ACCEPTED: 'Accepted', DECLINED: 'Declined', TENTATIVE: 'Tentative', DELEGATED: 'Delegated',
} satisfies Record<PartStat, string>;
export const partStatColors: Record<string, string> = {
  'NEEDS-ACTION': 'gray', ACCEPTED: 'teal', DECLINED: 'red', TENTATIVE: 'yellow', DELEGATED: 'blue',
} satisfies Record<PartStat, string>;

export const repeatLabels: Record<string, string> = {
  none: 'Does not repeat', weekly: 'Weekly', biweekly: 'Every two weeks', monthly: 'Monthly',
} satisfies Record<Repeat, string>;

export const messageKindLabels: Record<string, string> = {
  invite: 'Invitation', update: 'Update', cancellation: 'Cancellation', closing: 'Closing note',
  request_summary: 'Request', request_confirmation: 'Request sent', request_answer: 'Request answer',
  request_declined: 'Request declined', request_reminder: 'Request reminder', request_expired: 'Request expired',
  request_closed: 'Request closed', introduction: 'Introduction',
} satisfies Record<MessageKind, string>;
export const messageKindColors: Record<string, string> = {
  invite: 'indigo', update: 'blue', cancellation: 'orange', closing: 'grape', request_summary: 'cyan', request_confirmation: 'cyan',
  request_answer: 'teal', request_declined: 'gray', request_reminder: 'cyan', request_expired: 'gray', request_closed: 'gray',
  introduction: 'violet',
} satisfies Record<MessageKind, string>;
/** messageKindPlural names a kind of message in a sentence: "automatic sending is on for invitations". */
export const messageKindPlural: Record<string, string> = {
  invite: 'invitations', update: 'updates', cancellation: 'cancellations', closing: 'closing notes', introduction: 'introductions',
};

/** kindLabel names a kind of message, also one Go added after this list ("request_nudge" → "Request nudge"). */
export function kindLabel(kind: string): string {
  if (messageKindLabels[kind]) return messageKindLabels[kind];
  const words = kind.replace(/_/g, ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : kind;
}

/** kindPlural names a kind of message in a sentence ("invitations", "request reminder emails"). */
export function kindPlural(kind: string): string {
  return messageKindPlural[kind] ?? `${kindLabel(kind).toLowerCase()} emails`;
}

export const messageStatusLabels: Record<string, string> = {
  queued: 'Queued', sending: 'Sending', sent: 'Sent', failed: 'Failed', held: 'Held', cancelled: 'Cancelled',
} satisfies Record<MessageStatus, string>;
export const messageStatusColors: Record<string, string> = {
  queued: 'blue', sending: 'cyan', sent: 'teal', failed: 'red', held: 'orange', cancelled: 'gray',
} satisfies Record<MessageStatus, string>;

/** commitmentInWords writes "Introduction", "Topic: Public speaking, 3 sessions" or "Long-term". */
export function commitmentInWords(r: Pick<Relationship, 'commitment' | 'topic' | 'plannedSessions'>): string {
  switch (r.commitment) {
    case 'intro': return 'Introduction';
    case 'topic': {
      const n = r.plannedSessions;
      return `Topic: ${r.topic || 'not named'}, ${n} ${n === 1 ? 'session' : 'sessions'}`;
    }
    case 'long_term': return 'Long-term';
    default: return r.commitment;
  }
}

/** firstName is the first word of a name. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

/** joinFirstNames writes "Ana & Jai", "Ana, Jai & Mei". */
export function joinFirstNames(members: Pick<Member, 'name'>[]): string {
  return joinNames(members.map((m) => firstName(m.name)).filter(Boolean));
}

/** defaultSessionTitle is the title a new session starts with: "Peer session: Ana & Jai". */
export function defaultSessionTitle(r: Pick<Relationship, 'kind' | 'members'>): string {
  const kind = r.kind === 'peer' ? 'Peer session' : r.kind === 'group' ? 'Group session' : 'Mentoring session';
  const names = joinFirstNames(orderedMembers(r.members));
  return names ? `${kind}: ${names}` : kind;
}

const roleOrder: Record<string, number> = { mentor: 0, mentee: 1, peer: 2, member: 3 };

/** orderedMembers lists the mentor before the mentee; others keep their order. */
export function orderedMembers<M extends Pick<Member, 'role'>>(members: M[]): M[] {
  return [...members].sort((a, b) => (roleOrder[a.role] ?? 9) - (roleOrder[b.role] ?? 9));
}

/** relationshipName is how a relationship is named in headings and menus: "Ana Silva & Jai Patel". */
export function relationshipName(r: Pick<Relationship, 'members' | 'title'>): string {
  const ms = orderedMembers(r.members);
  if (ms.length === 0) return r.title || 'Relationship';
  if (ms.length === 2) return `${ms[0].name} & ${ms[1].name}`;
  return `${ms.slice(0, -1).map((m) => m.name).join(', ')} & ${ms[ms.length - 1].name}`;
}

/** isOpen tells whether a relationship is still running (active or on hold). */
export function isOpen(r: Pick<Relationship, 'status'>): boolean {
  return r.status === 'active' || r.status === 'on_hold';
}
