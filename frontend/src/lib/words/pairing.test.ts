import { describe, expect, it } from 'vitest';
import type { Draft, DraftItem, DraftMember } from '../../api';
import { joinNames } from '../format';
import {
  approveBlock, approveText, itemName, matchesFilter, replacements, runLine, strongestFirst, summaryCards,
} from './pairing';

const member = (id: number, name: string, role: string): DraftMember => ({
  participantId: id, personId: id + 100, name, email: '', role, title: '', department: 'Sales', location: '', timeZone: '',
});
const item = (id: number, members: DraftMember[], over: Partial<DraftItem> = {}): DraftItem => ({
  id, members, points: 10, score: 50, reasons: [], warnings: [], locked: false, manual: false, wish: false, needsOk: false, relationshipId: 0, ...over,
});
const draft = (over: Partial<Draft> = {}): Draft => ({
  id: 1, programId: 2, mode: 'mentoring', objective: 'max_weight', status: 'draft',
  items: [
    item(10, [member(1, 'Jai Patel', 'mentor'), member(2, 'Ana Silva', 'mentee')], { locked: true }),
    item(11, [member(3, 'Mei Chen', 'mentee'), member(4, 'Tom Berg', 'mentor')]),
  ],
  unmatched: [
    { participantId: 5, name: 'Zoe Park', role: 'mentee', reason: 'No eligible mentor: 3 at capacity' },
    { participantId: 6, name: 'Lea Roth', role: 'mentor', reason: 'No mentee in the draft yet (room for 2)' },
  ],
  totals: { people: 3, matched: 2, matchedPercent: 66, items: 2, averageScore: 58, lowestScore: 41, wishes: 4, wishesGranted: 1, alreadyPaired: 0 },
  run: { pruned: false, candidateK: 0, pairs: 412, millis: 38, boundPercent: 0, ranAt: '2026-12-01T10:00:00Z' },
  needsOk: 0, createdAt: '', updatedAt: '',
  ...over,
});

describe('pairing words', () => {
  it('names a pair mentee first, and a group with commas', () => {
    expect(itemName(draft().items[0])).toBe('Ana Silva & Jai Patel');
    expect(joinNames(['Ana', 'Jai', 'Mei'])).toBe('Ana, Jai & Mei');
  });

  it('sums the draft up in cards', () => {
    const cards = summaryCards(draft());
    expect(cards.map((c) => [c.label, c.value, c.hint])).toEqual([
      ['Matched', '66 %', '2 of 3 mentees'],
      ['Average score', '58 %', 'Across every pair'],
      ['Lowest score', '41 %', 'The weakest pair'],
      ['Wishes granted', '1 of 4', 'Wishes participants recorded'],
      ['Pairs', '2', '1 locked'],
    ]);
    const empty = summaryCards(draft({ mode: 'peers', items: [], totals: { ...draft().totals, people: 1, matched: 0, items: 0, wishes: 0 } }));
    expect(empty[0].hint).toBe('0 of 1 peer');
    expect(empty[1].value).toBe('—');
    expect(empty[3].hint).toBe('No wishes recorded');
    const some = summaryCards(draft({ totals: { ...draft().totals, alreadyPaired: 4 } }));
    expect(some[0].hint).toBe('2 of 3 mentees · 4 already paired');
  });

  it('says how the run went', () => {
    expect(runLine(draft().run, 'mentoring')).toBe('All pairs considered · 412 pairs · 38 ms');
    expect(runLine({ ...draft().run, pruned: true, candidateK: 50, pairs: 12000 }, 'peers'))
      .toBe("Candidate lists: each person's best 50 · 12,000 pairs · 38 ms");
    expect(runLine({ ...draft().run, boundPercent: 94 }, 'groups')).toBe('All pairs considered · 412 pairs · 38 ms · at 94 % of the upper bound');
    expect(runLine({ ...draft().run, ranAt: '' }, 'mentoring')).toBe('');
  });

  it('blocks approval while wish pairs wait for an OK, or with no pairs', () => {
    expect(approveBlock(draft())).toBeNull();
    expect(approveBlock(draft({ needsOk: 1 }))).toBe('1 pair made from participants’ wishes needs your OK: lock or remove it first.');
    expect(approveBlock(draft({ needsOk: 2 }))).toBe('2 pairs made from participants’ wishes need your OK: lock or remove them first.');
    expect(approveBlock(draft({ items: [] }))).toMatch(/^The draft has no pairs to approve/);
  });

  it('counts what approving creates: one email per person', () => {
    expect(approveText(draft(), false)).toBe(
      'Create 2 relationships and queue 4 introduction emails (one per person). Nothing is sent until you send it from the Outbox.');
    expect(approveText(draft(), true)).toMatch(/Automatic sending is on for introductions/);
  });

  it('offers replacements of the same role: unmatched first, then those in other pairs', () => {
    const d = draft();
    expect(replacements(d, d.items[1], 3)).toEqual([
      { value: '5', label: 'Zoe Park (unmatched)' },
      { value: '2', label: 'Ana Silva (in pair with Jai Patel, locked)', disabled: true, paired: true },
    ]);
    expect(replacements(d, d.items[1], 4).map((o) => o.label)).toEqual(['Lea Roth (unmatched)', 'Jai Patel (in pair with Ana Silva, locked)']);
    expect(replacements(d, d.items[1], 99)).toEqual([]);
  });

  it('puts the strongest reasons first', () => {
    expect(strongestFirst(['time zones 2 h apart', 'both: English (+3)', 'offers Python, wants Python (+5)', 'years apart (+1)']))
      .toEqual(['offers Python, wants Python (+5)', 'both: English (+3)', 'years apart (+1)', 'time zones 2 h apart']);
  });

  it('filters pairs by person, department or reason', () => {
    const it0 = { ...draft().items[0], reasons: ['both: Leadership (+6)'] };
    expect(matchesFilter(it0, 'ana')).toBe(true);
    expect(matchesFilter(it0, 'leader')).toBe(true);
    expect(matchesFilter(it0, 'sales')).toBe(true);
    expect(matchesFilter(it0, 'mei')).toBe(false);
    expect(matchesFilter(it0, '  ')).toBe(true);
  });
});
