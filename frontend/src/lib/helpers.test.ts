import { describe, expect, it } from 'vitest';
import { parseDateInput } from './dates';
import { safeFileName } from './files';
import { formatNumber } from './format';
import { href, parseRoute } from './router';

describe('helpers', () => {
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
  it('makes safe file names', () => {
    expect(safeFileName('Spring: a/b\u0007 "c"')).toBe('Spring- a-b- -c-');
    expect(safeFileName('  ')).toBe('export');
  });
});
