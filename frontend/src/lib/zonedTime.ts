// Wall-clock times in IANA zones, computed in the browser with Intl (no library): what the
// schedule form shows each attendee before Go has seen the session.

/** Working hours: a meeting that starts before 08:00 or ends after 20:00 (local) gets a warning. */
export const DAY_STARTS = 8 * 60;
export const DAY_ENDS = 20 * 60;

interface Parts { year: number; month: number; day: number; hour: number; minute: number; weekday: string }

const partFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(zone: string): Intl.DateTimeFormat {
  let f = partFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric',
      minute: 'numeric', second: 'numeric', weekday: 'short',
    });
    partFormats.set(zone, f);
  }
  return f;
}

/** zoneIsValid tells whether the browser knows an IANA zone name. */
export function zoneIsValid(zone: string): boolean {
  if (!zone) return false;
  try {
    partsFormat(zone);
    return true;
  } catch {
    return false;
  }
}

/** partsIn returns the wall-clock date and time of an instant in a zone. */
export function partsIn(instant: Date, zone: string): Parts {
  const out: Record<string, string> = {};
  for (const p of partsFormat(zone).formatToParts(instant)) out[p.type] = p.value;
  return {
    year: Number(out.year), month: Number(out.month), day: Number(out.day),
    hour: Number(out.hour) % 24, minute: Number(out.minute), weekday: out.weekday ?? '',
  };
}

/** offsetMinutes is a zone's offset from UTC at an instant (Lisbon in summer: 60). */
function offsetMinutes(instant: Date, zone: string): number {
  const p = partsIn(instant, zone);
  const asUTC = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  return Math.round((asUTC - Math.floor(instant.getTime() / 60000) * 60000) / 60000);
}

const wallPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * wallTimeToInstant reads "2026-12-01T10:00" as a time in zone and returns the instant, or null
 * when the text or the zone is not valid. A time skipped by a daylight-saving change moves
 * forward by the gap, as Go's time.Date does.
 */
export function wallTimeToInstant(wall: string, zone: string): Date | null {
  const m = wallPattern.exec(wall.trim());
  if (!m || !zoneIsValid(zone)) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(guess);
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) return null;
  // The offset at the guessed instant, then again at the corrected one (they differ near a change).
  const o1 = offsetMinutes(new Date(guess), zone);
  let t = guess - o1 * 60000;
  const o2 = offsetMinutes(new Date(t), zone);
  if (o2 !== o1) t = guess - o2 * 60000;
  return new Date(t);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** wallTimeIn writes an instant as "YYYY-MM-DDTHH:mm" in a zone (the form's value for a session). */
export function wallTimeIn(instant: Date, zone: string): string {
  const p = partsIn(instant, zone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** LocalTime is a meeting seen from one zone. */
export interface LocalTime {
  zone: string;
  /** "Tue 1 Dec, 10:00–10:45" */
  text: string;
  /** "10:00" */
  start: string;
  /** "10:45", with "(next day)" when it ends on another day */
  end: string;
  /** The day differs from the day in the zone the meeting was planned in. */
  otherDay: boolean;
  /** It starts before 08:00 or ends after 20:00 there (or runs past midnight). */
  outsideHours: boolean;
}

/** isOutsideHours applies Go's rule: another day at the end, a start before 08:00 or an end after 20:00. */
export function isOutsideHours(startMinutes: number, endMinutes: number, sameDay: boolean): boolean {
  if (!sameDay) return true;
  return startMinutes < DAY_STARTS || endMinutes > DAY_ENDS;
}

/** localTime shows a meeting of durationMinutes from start in zone, compared with the planning zone. */
export function localTime(start: Date, durationMinutes: number, zone: string, planningZone?: string): LocalTime {
  const end = new Date(start.getTime() + durationMinutes * 60000);
  const s = partsIn(start, zone);
  const e = partsIn(end, zone);
  const sameDay = s.year === e.year && s.month === e.month && s.day === e.day;
  let otherDay = false;
  if (planningZone && zoneIsValid(planningZone)) {
    const p = partsIn(start, planningZone);
    otherDay = p.year !== s.year || p.month !== s.month || p.day !== s.day;
  }
  const startText = `${pad(s.hour)}:${pad(s.minute)}`;
  const endText = `${pad(e.hour)}:${pad(e.minute)}${sameDay ? '' : ' (next day)'}`;
  return {
    zone,
    text: `${s.weekday} ${s.day} ${monthNames[s.month - 1]}, ${startText}–${endText}`,
    start: startText,
    end: endText,
    otherDay,
    outsideHours: isOutsideHours(s.hour * 60 + s.minute, e.hour * 60 + e.minute, sameDay),
  };
}

/** Someone whose local time the preview shows. */
export interface PreviewPerson {
  name: string;
  timeZone: string;
}

/** PreviewRow is one attendee's local time, for the live preview. */
export interface PreviewRow extends LocalTime {
  name: string;
  /** The attendee has no zone of their own: the session's zone is shown. */
  assumedZone: boolean;
}

/**
 * attendeeTimes is the live preview of the schedule form: each attendee's local time for a
 * session starting at wall time `wall` in `zone`; null while the time or zone is incomplete.
 */
export function attendeeTimes(wall: string, zone: string, durationMinutes: number, people: PreviewPerson[]): PreviewRow[] | null {
  const start = wallTimeToInstant(wall, zone);
  if (!start || !(durationMinutes > 0)) return null;
  return people.map((p) => {
    const own = zoneIsValid(p.timeZone);
    const z = own ? p.timeZone : zone;
    return { name: p.name, assumedZone: !own, ...localTime(start, durationMinutes, z, zone) };
  });
}

const localFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/** formatInstant writes an RFC 3339 time as "Tue, 1 Dec 2026, 10:00" in the reader's (the admin's) zone. */
export function formatInstant(s: string | undefined | null, zone?: string): string {
  if (!s) return '';
  const d = new Date(s);
  if (Number.isNaN(d.getTime())) return s;
  if (zone && zoneIsValid(zone)) {
    return new Intl.DateTimeFormat('en-GB', {
      weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
      timeZone: zone,
    }).format(d);
  }
  return localFormat.format(d);
}

/** browserZone is the zone of this computer (the admin's). */
export function browserZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

const shortFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const shortYearFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/**
 * formatShortInstant writes an RFC 3339 time compactly for a table cell, "23 Nov, 20:42" (with
 * the year when it is not this year's), in the reader's zone.
 */
export function formatShortInstant(s: string | undefined | null, now: Date = new Date()): string {
  if (!s) return '';
  const d = new Date(s);
  if (Number.isNaN(d.getTime())) return s;
  return (d.getFullYear() === now.getFullYear() ? shortFormat : shortYearFormat).format(d);
}
