import { describe, expect, it } from 'vitest';
import type { Question } from '../api';
import { roleNames, ruleInWords } from './labels';
import { parseRoute, href } from './router';
import { parseDateInput } from './dates';
import { formatNumber } from './format';

const q = (over: Partial<Question>): Question => ({
  id: 1, programId: 1, position: 1, prompt: 'Q', help: '', kind: 'multi', options: [], audience: 'everyone', required: false,
  personField: '', scaleMin: 1, scaleMax: 5, rule: 'none', weight: 'medium', customWeight: 0, ruleHours: 0, complementId: 0,
  answers: 0, ...over,
});

describe('ruleInWords', () => {
  const offer = q({ id: 5, prompt: 'Skills I can offer', rule: 'complement', weight: 'high', complementId: 6 });
  const want = q({ id: 6, prompt: 'Skills I want to grow', rule: 'complement', weight: 'high', complementId: 5 });
  it.each([
    [offer, 'Skills I can offer ↔ Skills I want to grow, high (5)'],
    [q({ kind: 'timezone', rule: 'within', ruleHours: 3 }), 'within 3 hours, medium (3)'],
    [q({ rule: 'same', weight: 'must' }), 'same answer, must match'],
    [q({ rule: 'overlap', weight: 'custom', customWeight: 8 }), 'shared choices, custom (8)'],
    [q({ rule: 'none' }), 'Not used for matching'],
  ])('%#: %s', (question, words) => {
    expect(ruleInWords(question, [offer, want])).toBe(words);
  });
});

describe('helpers', () => {
  it('names roles', () => {
    expect(roleNames({ mentor: true, mentee: false, peer: true })).toEqual(['Mentor', 'Peer']);
  });
  it('routes', () => {
    expect(parseRoute('#/programs/3/questionnaire')).toEqual({ name: 'program', id: 3, tab: 'questionnaire' });
    expect(parseRoute('#/programs/3')).toEqual({ name: 'program', id: 3, tab: 'overview' });
    expect(parseRoute('')).toEqual({ name: 'home' });
    expect(parseRoute('#/programs/x').name).toBe('notFound');
    expect(href({ name: 'program', id: 3, tab: 'participants' })).toBe('#/programs/3/participants');
    expect(parseRoute('#/programs/3/pairing')).toEqual({ name: 'program', id: 3, tab: 'pairing' });
    expect(href({ name: 'program', id: 3, tab: 'pairing' })).toBe('#/programs/3/pairing');
    expect(parseRoute('#/programs/3/pairing/4').name).toBe('notFound');
  });
  it('parses typed dates strictly', () => {
    expect(parseDateInput('2026-03-01')).toBe('2026-03-01');
    expect(parseDateInput('1 Mar 2026')).toBe('2026-03-01');
    expect(parseDateInput('2026-03-0')).toBeNull();
    expect(parseDateInput('2026-02-30')).toBeNull();
  });
  it('writes thousands separators', () => {
    expect(formatNumber(10000)).toBe('10,000');
  });
});
