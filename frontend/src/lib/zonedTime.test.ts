import { describe, expect, it } from 'vitest';
import { attendeeTimes, isOutsideHours, localTime, wallTimeIn, wallTimeToInstant } from './zonedTime';
import { icsTime, summariseCalendar } from './ics';

describe('wallTimeToInstant', () => {
  it.each([
    ['2026-12-01T10:00', 'Europe/Lisbon', '2026-12-01T10:00:00.000Z'], // winter: UTC+0
    ['2026-07-01T10:00', 'Europe/Lisbon', '2026-07-01T09:00:00.000Z'], // summer: UTC+1
    ['2026-12-01T10:00', 'America/New_York', '2026-12-01T15:00:00.000Z'],
    ['2026-12-01T10:00', 'Asia/Kolkata', '2026-12-01T04:30:00.000Z'],
    ['2026-12-31T23:30', 'Pacific/Auckland', '2026-12-31T10:30:00.000Z'],
    ['2026-03-08T12:00', 'America/Chicago', '2026-03-08T17:00:00.000Z'], // the day clocks go forward
  ])('%s in %s is %s', (wall, zone, iso) => {
    expect(wallTimeToInstant(wall, zone)?.toISOString()).toBe(iso);
  });

  it('reads times a daylight-saving change skips or repeats as time.ParseInLocation in Go does', () => {
    // What Go answers for the same input (checked with Go 1.26): the preview and the invite agree.
    expect(wallTimeToInstant('2026-03-08T02:30', 'America/New_York')?.toISOString()).toBe('2026-03-08T06:30:00.000Z');
    expect(wallTimeToInstant('2026-03-29T01:30', 'Europe/Lisbon')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(wallTimeToInstant('2026-11-01T01:30', 'America/New_York')?.toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('refuses what is not a whole date and time, or an unknown zone', () => {
    expect(wallTimeToInstant('2026-12-01', 'UTC')).toBeNull();
    expect(wallTimeToInstant('2026-02-30T10:00', 'UTC')).toBeNull();
    expect(wallTimeToInstant('2026-12-01T25:00', 'UTC')).toBeNull();
    expect(wallTimeToInstant('2026-12-01T10:00', 'Mars/Olympus')).toBeNull();
  });

  it('round-trips with wallTimeIn', () => {
    const t = wallTimeToInstant('2026-10-25T09:15', 'Europe/Berlin')!;
    expect(wallTimeIn(t, 'Europe/Berlin')).toBe('2026-10-25T09:15');
  });
});

describe('outside working hours', () => {
  it.each([
    [8 * 60, 8 * 60 + 45, true, false],
    [19 * 60 + 15, 20 * 60, true, false],
    [7 * 60 + 59, 8 * 60 + 30, true, true],
    [19 * 60 + 30, 20 * 60 + 15, true, true],
    [23 * 60 + 30, 15, false, true], // runs past midnight
  ])('%i–%i (same day %s): %s', (start, end, sameDay, outside) => {
    expect(isOutsideHours(start, end, sameDay)).toBe(outside);
  });

  it('shows each attendee the meeting in their own zone, and flags who is outside 08:00–20:00', () => {
    const rows = attendeeTimes('2026-12-03T19:30', 'Europe/Lisbon', 45, [
      { name: 'Ravi Costa', timeZone: 'Europe/Lisbon' },
      { name: 'Inês Dubois', timeZone: 'Europe/Warsaw' },
      { name: 'Jai Patel', timeZone: 'America/New_York' },
      { name: 'No Zone', timeZone: '' },
    ])!;
    expect(rows.map((r) => [r.name, r.text, r.outsideHours])).toEqual([
      ['Ravi Costa', 'Thu 3 Dec, 19:30–20:15', true],
      ['Inês Dubois', 'Thu 3 Dec, 20:30–21:15', true],
      ['Jai Patel', 'Thu 3 Dec, 14:30–15:15', false],
      ['No Zone', 'Thu 3 Dec, 19:30–20:15', true],
    ]);
    expect(rows[3].assumedZone).toBe(true);
    expect(rows[3].zone).toBe('Europe/Lisbon');
  });

  it('says when the meeting falls on another day or runs past midnight', () => {
    const start = wallTimeToInstant('2026-12-03T18:00', 'America/Los_Angeles')!;
    const tokyo = localTime(start, 60, 'Asia/Tokyo', 'America/Los_Angeles');
    expect(tokyo.text).toBe('Fri 4 Dec, 11:00–12:00');
    expect(tokyo.otherDay).toBe(true);
    expect(tokyo.outsideHours).toBe(false);
    const late = localTime(wallTimeToInstant('2026-12-03T23:30', 'UTC')!, 60, 'UTC');
    expect(late.end).toBe('00:30 (next day)');
    expect(late.outsideHours).toBe(true);
  });

  it('has no preview while the time is incomplete', () => {
    expect(attendeeTimes('', 'UTC', 45, [])).toBeNull();
    expect(attendeeTimes('2026-12-03T10:00', 'UTC', 0, [])).toBeNull();
  });
});

describe('summariseCalendar', () => {
  const ics = [
    'BEGIN:VCALENDAR', 'PRODID:-//Tandem//Tandem 1.0//EN', 'VERSION:2.0', 'METHOD:REQUEST', 'BEGIN:VEVENT',
    'UID:14f8504e@tandem.local', 'SEQUENCE:2', 'DTSTART:20261224T160000Z', 'SUMMARY:First session\\, with notes',
    'DESCRIPTION:1. Introductions (10 min): your role\\, your path so far\\, one t', ' hing outside work.',
    'STATUS:CONFIRMED', 'ATTENDEE;CN=Amara Silva;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRU',
    ' E:mailto:amara.silva@northwind.example', 'ATTENDEE;CN="Doe: Jo";PARTSTAT=ACCEPTED:mailto:jo@example.org',
    'END:VEVENT', 'END:VCALENDAR', '',
  ].join('\r\n');

  it('reads the method, UID, sequence, start and attendees, across folded lines', () => {
    expect(summariseCalendar(ics)).toEqual({
      method: 'REQUEST', uid: '14f8504e@tandem.local', sequence: 2, summary: 'First session, with notes', status: 'CONFIRMED',
      start: '2026-12-24T16:00:00Z', startZone: '', attendees: ['Amara Silva <amara.silva@northwind.example>', 'Doe: Jo <jo@example.org>'],
    });
  });

  it('keeps a zoned start as it is', () => {
    expect(icsTime('20261224T100000')).toBe('2026-12-24T10:00:00');
    expect(icsTime('20261224')).toBe('2026-12-24');
  });

  it('is null for what is not a calendar', () => {
    expect(summariseCalendar('')).toBeNull();
    expect(summariseCalendar('hello')).toBeNull();
  });
});
