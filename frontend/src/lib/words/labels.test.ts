import { describe, expect, it } from 'vitest';
import type { Question } from '../../api';
import { roleNames, ruleInWords } from './labels';

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

describe('roleNames', () => {
  it('names roles', () => {
    expect(roleNames({ mentor: true, mentee: false, peer: true })).toEqual(['Mentor', 'Peer']);
  });
});
