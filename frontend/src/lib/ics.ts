// Just enough iCalendar reading to summarise the invite attached to an outbox message: method,
// UID, sequence, start. Go writes the calendar; the UI only shows it.

/** CalendarSummary is what the outbox preview shows of an attached calendar. */
export interface CalendarSummary {
  /** REQUEST (an invitation or an update), CANCEL, PUBLISH … */
  method: string;
  uid: string;
  sequence: number | null;
  summary: string;
  status: string;
  /** The start as an RFC 3339 UTC time when it is in UTC, else the raw value. */
  start: string;
  /** The start's time zone when it is not UTC (TZID), else "". */
  startZone: string;
  attendees: string[];
}

interface Line {
  name: string;
  params: Record<string, string>;
  value: string;
}

/** unfold joins iCalendar's folded lines (a line break followed by a space or a tab). */
export function unfold(ics: string): string[] {
  return ics.replace(/\r?\n[ \t]/g, '').split(/\r?\n/).filter((l) => l !== '');
}

function parseLine(raw: string): Line | null {
  // The value starts at the first colon that is not inside a quoted parameter value.
  let quoted = false;
  let colon = -1;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '"') quoted = !quoted;
    else if (c === ':' && !quoted) {
      colon = i;
      break;
    }
  }
  if (colon < 0) return null;
  const [name, ...params] = raw.slice(0, colon).split(';');
  const out: Record<string, string> = {};
  for (const p of params) {
    const eq = p.indexOf('=');
    if (eq > 0) out[p.slice(0, eq).toUpperCase()] = p.slice(eq + 1).replace(/^"|"$/g, '');
  }
  return { name: name.toUpperCase(), params: out, value: raw.slice(colon + 1) };
}

function unescapeText(s: string): string {
  return s.replace(/\\n/gi, '\n').replace(/\\([,;\\])/g, '$1');
}

/** icsTime turns "20261224T160000Z" into "2026-12-24T16:00:00Z"; other forms stay as they are. */
export function icsTime(v: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/.exec(v);
  if (!m) {
    const d = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
    return d ? `${d[1]}-${d[2]}-${d[3]}` : v;
  }
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${m[7]}`;
}

/** summariseCalendar reads the method and the first event of a calendar; null when there is none. */
export function summariseCalendar(ics: string): CalendarSummary | null {
  if (!ics || !/BEGIN:VCALENDAR/i.test(ics)) return null;
  const out: CalendarSummary = { method: '', uid: '', sequence: null, summary: '', status: '', start: '', startZone: '', attendees: [] };
  let inEvent = false;
  let seenEvent = false;
  for (const raw of unfold(ics)) {
    const l = parseLine(raw);
    if (!l) continue;
    if (l.name === 'BEGIN' && l.value.toUpperCase() === 'VEVENT') {
      if (seenEvent) break;
      inEvent = seenEvent = true;
      continue;
    }
    if (l.name === 'END' && l.value.toUpperCase() === 'VEVENT') {
      inEvent = false;
      continue;
    }
    if (!inEvent) {
      if (l.name === 'METHOD') out.method = l.value.toUpperCase();
      continue;
    }
    switch (l.name) {
      case 'UID': out.uid = l.value; break;
      case 'SEQUENCE': out.sequence = Number.isFinite(Number(l.value)) ? Number(l.value) : null; break;
      case 'SUMMARY': out.summary = unescapeText(l.value); break;
      case 'STATUS': out.status = l.value.toUpperCase(); break;
      case 'DTSTART':
        out.start = icsTime(l.value);
        out.startZone = l.params.TZID ?? '';
        break;
      case 'ATTENDEE': {
        const email = l.value.replace(/^mailto:/i, '');
        out.attendees.push(l.params.CN ? `${l.params.CN} <${email}>` : email);
        break;
      }
    }
  }
  return seenEvent || out.method ? out : null;
}

/** methodInWords explains a calendar method to the admin. */
export function methodInWords(method: string): string {
  switch (method) {
    case 'REQUEST': return 'REQUEST: an invitation, or an update of one (same UID, higher sequence)';
    case 'CANCEL': return 'CANCEL: removes the event from the attendee’s calendar';
    case 'PUBLISH': return 'PUBLISH: a calendar to import, no reply expected';
    case '': return 'Not given';
    default: return method;
  }
}
