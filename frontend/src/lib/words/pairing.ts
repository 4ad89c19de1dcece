// The words of the Pairing tab, as pure functions so they are tested without a window.
import type { Draft, DraftItem, Objective, PairingMode, Program, RunInfo } from '../../api';
import { formatNumber, joinNames, plural } from '../format';

export const modeLabels: Record<PairingMode, string> = {
  mentoring: 'Mentors ↔ mentees',
  peers: 'Peers in pairs',
  groups: 'Groups',
};

export const objectiveLabels: Record<Objective, string> = {
  max_weight: 'Highest total score',
  max_cardinality: 'Most people matched',
};

export const objectiveDescriptions: Record<Objective, string> = {
  max_weight: 'The best pairs overall, even if a few people are left out.',
  max_cardinality: 'As many people as possible get a partner; among those pairings, the best scores.',
};

export const roleLabels: Record<string, string> = { mentor: 'Mentor', mentee: 'Mentee', peer: 'Peer', member: 'Member' };
export const roleColors: Record<string, string> = { mentor: 'indigo', mentee: 'teal', peer: 'cyan', member: 'gray' };

/** modeDescription says what a mode pairs in this program. */
export function modeDescription(mode: PairingMode, program: Program): string {
  switch (mode) {
    case 'mentoring':
      return 'Each mentee gets one mentor; a mentor takes up to their capacity.';
    case 'peers':
      return program.peerMentoring ? 'Peers are paired two by two.' : 'Peer mentoring is off in this program.';
    case 'groups':
      return program.kind === 'group'
        ? `Circles of ${program.groupMin} to ${program.groupMax} people.`
        : 'Circles of everyone active in the program, whatever their role.';
  }
}

/** modesFor lists the modes a program can pair: peers only when peer mentoring is on. */
export function modesFor(program: Program): PairingMode[] {
  const out: PairingMode[] = [];
  if (program.kind !== 'group') out.push('mentoring');
  if (program.peerMentoring) out.push('peers');
  out.push('groups');
  return out;
}

/** defaultMode is what a program most likely pairs. */
export function defaultMode(program: Program): PairingMode {
  if (program.kind === 'group') return 'groups';
  if (program.counts.mentees > 0 && program.counts.mentors > 0) return 'mentoring';
  if (program.peerMentoring) return 'peers';
  return 'mentoring';
}

/** whoWord names the people a mode pairs: "mentees", "peers", "people". */
export function whoWord(mode: string, n: number): string {
  switch (mode) {
    case 'mentoring': return n === 1 ? 'mentee' : 'mentees';
    case 'peers': return n === 1 ? 'peer' : 'peers';
    default: return n === 1 ? 'person' : 'people';
  }
}

/** itemWord is "pair" or "group" (plural with n ≠ 1). */
export function itemWord(mode: string, n = 1): string {
  const w = mode === 'groups' ? 'group' : 'pair';
  return n === 1 ? w : `${w}s`;
}

/** itemName names a pair or group by its people, the mentee first: "Ana Silva & Jai Patel". */
export function itemName(item: Pick<DraftItem, 'members'>): string {
  const ms = [...item.members].sort((a, b) => (a.role === 'mentor' ? 1 : 0) - (b.role === 'mentor' ? 1 : 0));
  return joinNames(ms.map((m) => m.name));
}

export interface SummaryCard {
  label: string;
  value: string;
  hint: string;
}

/** summaryCards are the draft at a glance: matched, average and lowest score, wishes, pairs. */
export function summaryCards(d: Draft): SummaryCard[] {
  const t = d.totals;
  return [
    { label: 'Matched', value: `${t.matchedPercent} %`, hint: `${formatNumber(t.matched)} of ${formatNumber(t.people)} ${whoWord(d.mode, t.people)}${t.alreadyPaired ? ` · ${formatNumber(t.alreadyPaired)} already paired` : ''}` },
    { label: 'Average score', value: t.items ? `${t.averageScore} %` : '—', hint: t.items ? 'Across every pair' : 'No pairs yet' },
    { label: 'Lowest score', value: t.items ? `${t.lowestScore} %` : '—', hint: t.items ? 'The weakest pair' : 'No pairs yet' },
    {
      label: 'Wishes granted',
      value: t.wishes ? `${formatNumber(t.wishesGranted)} of ${formatNumber(t.wishes)}` : '—',
      hint: t.wishes ? 'Wishes participants recorded' : 'No wishes recorded',
    },
    { label: d.mode === 'groups' ? 'Groups' : 'Pairs', value: formatNumber(t.items), hint: lockedHint(d) },
  ];
}

function lockedHint(d: Draft): string {
  const locked = d.items.filter((i) => i.locked).length;
  return locked ? `${formatNumber(locked)} locked` : 'None locked';
}

/** runLine says how the last run went: "All pairs considered · 412 pairs · 38 ms". */
export function runLine(run: RunInfo, mode: string): string {
  if (!run.ranAt) return '';
  const parts = [
    run.pruned ? `Candidate lists: each person's best ${formatNumber(run.candidateK)}` : 'All pairs considered',
    plural(run.pairs, 'pair'),
    `${formatNumber(run.millis)} ms`,
  ];
  if (mode === 'groups' && run.boundPercent > 0) parts.push(`at ${run.boundPercent} % of the upper bound`);
  return parts.join(' · ');
}

/** approveBlock is why the draft cannot be approved yet, or null when it can. */
export function approveBlock(d: Draft): string | null {
  if (d.items.length === 0) return 'The draft has no pairs to approve: run pairing or add a pair.';
  if (d.needsOk > 0) {
    const n = d.needsOk;
    return `${plural(n, `${itemWord(d.mode)} made from participants’ wishes`, `${itemWord(d.mode, 2)} made from participants’ wishes`)} ${n === 1 ? 'needs' : 'need'} your OK: lock or remove ${n === 1 ? 'it' : 'them'} first.`;
  }
  return null;
}

/** approveCounts are what approving creates: one relationship per item, one email per person in it. */
export function approveCounts(d: Draft): { relationships: number; emails: number } {
  return { relationships: d.items.length, emails: d.items.reduce((n, i) => n + i.members.length, 0) };
}

/** approveText is the confirmation's sentence. */
export function approveText(d: Draft, autoSend: boolean): string {
  const { relationships, emails } = approveCounts(d);
  const head = `Create ${plural(relationships, 'relationship')} and queue ${plural(emails, 'introduction email')} (one per person).`;
  return autoSend
    ? `${head} Automatic sending is on for introductions: they are sent right away.`
    : `${head} Nothing is sent until you send it from the Outbox.`;
}

export interface ReplacementOption {
  value: string;
  label: string;
  disabled?: boolean;
  /** In another pair: a swap trades places with them. */
  paired?: boolean;
}

/**
 * replacements are who can take a member's place in an item: people of the same role who are
 * unmatched first ("(unmatched)"), then those in other pairs ("(in pair with X)"), whom a swap
 * trades places with; people in locked pairs are shown but cannot be chosen.
 */
export function replacements(d: Draft, item: DraftItem, outId: number): ReplacementOption[] {
  const out = item.members.find((m) => m.participantId === outId);
  if (!out) return [];
  const role = out.role;
  const inItem = new Set(item.members.map((m) => m.participantId));
  const seen = new Set<number>();
  const free: ReplacementOption[] = [];
  const paired: ReplacementOption[] = [];
  for (const u of d.unmatched) {
    if (u.role !== role || inItem.has(u.participantId) || seen.has(u.participantId)) continue;
    seen.add(u.participantId);
    free.push({ value: String(u.participantId), label: `${u.name} (unmatched)` });
  }
  const word = itemWord(d.mode);
  for (const it of d.items) {
    if (it.id === item.id) continue;
    for (const m of it.members) {
      if (m.role !== role || inItem.has(m.participantId) || seen.has(m.participantId)) continue;
      seen.add(m.participantId);
      const others = joinNames(it.members.filter((o) => o.participantId !== m.participantId).map((o) => o.name));
      paired.push({
        value: String(m.participantId),
        label: `${m.name} (in ${word} with ${others}${it.locked ? ', locked' : ''})`,
        disabled: it.locked,
        paired: true,
      });
    }
  }
  const byLabel = (a: ReplacementOption, b: ReplacementOption) => a.label.localeCompare(b.label);
  return [...free.sort(byLabel), ...paired.sort(byLabel)];
}

/** matchesFilter says whether an item has a person, department or reason containing the text. */
export function matchesFilter(item: DraftItem, text: string): boolean {
  const q = text.trim().toLowerCase();
  if (!q) return true;
  const hay = [
    ...item.members.flatMap((m) => [m.name, m.email, m.title, m.department, m.location]),
    ...item.reasons,
    ...item.warnings,
  ].join('\n').toLowerCase();
  return hay.includes(q);
}

/** scoreColor: teal for a strong pair, blue for a fair one, orange for a weak one. */
export function scoreColor(score: number): string {
  if (score >= 70) return 'teal';
  if (score >= 40) return 'blue';
  return 'orange';
}

/** reasonPoints reads the points at the end of a reason ("both: English (+3)" → 3), or null. */
export function reasonPoints(reason: string): number | null {
  const m = reason.match(/\(([+-]\d+)\)\s*$/);
  return m ? Number(m[1]) : null;
}

/** strongestFirst orders reasons by their points, most first; reasons without points keep their place after them. */
export function strongestFirst(reasons: string[]): string[] {
  const scored = reasons.map((r, i) => ({ r, i, p: reasonPoints(r) }));
  return scored
    .sort((a, b) => {
      if (a.p == null || b.p == null) return a.p == null && b.p == null ? a.i - b.i : a.p == null ? 1 : -1;
      return b.p - a.p || a.i - b.i;
    })
    .map((x) => x.r);
}
