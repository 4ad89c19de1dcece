// The schedule form's values and the browser's first check of them, as pure functions.
import type { Relationship, Repeat, Session, Settings } from '../../api';
import { defaultSessionTitle } from '../../lib/words/sessions';
import { zoneIsValid } from '../../lib/zonedTime';

/** What the schedule modal works on: a new session of a relationship, or a session to move. */
export interface ScheduleTarget {
  relationship: Relationship;
  session?: Session;
}

export type ScheduleErrors = Partial<Record<
  'title' | 'date' | 'time' | 'timeZone' | 'durationMinutes' | 'location' | 'videoUrl' | 'agenda' | 'repeat' | 'count', string
>>;

export interface ScheduleValues {
  title: string;
  date: string | null;
  time: string;
  timeZone: string;
  duration: string;
  customMinutes: number | '';
  location: string;
  videoUrl: string;
  agendaTemplateId: string | null;
  agenda: string;
  repeat: Repeat;
  count: number | '';
}

export const presetDurations = ['30', '45', '60'];

/** durationOf is the chosen length in minutes. */
export function durationOf(v: Pick<ScheduleValues, 'duration' | 'customMinutes'>): number {
  return v.duration === 'custom' ? Number(v.customMinutes) || 0 : Number(v.duration);
}

/** wallOf is the start as Go reads it ("2026-12-01T10:00"), or "" while incomplete. */
export function wallOf(v: Pick<ScheduleValues, 'date' | 'time'>): string {
  if (!v.date || !/^\d{4}-\d{2}-\d{2}$/.test(v.date) || !/^\d{2}:\d{2}$/.test(v.time)) return '';
  return `${v.date}T${v.time}`;
}

/** checkSchedule is the browser's first check of the form (Go has the final word). */
export function checkSchedule(v: ScheduleValues, rescheduling: boolean): ScheduleErrors {
  const e: ScheduleErrors = {};
  if (!v.title.trim()) e.title = 'A session needs a title';
  else if (v.title.trim().length > 200) e.title = 'The title is longer than 200 characters';
  if (!v.date) e.date = 'Choose a date';
  if (!/^\d{2}:\d{2}$/.test(v.time)) e.time = 'Choose a time';
  if (!zoneIsValid(v.timeZone)) e.timeZone = 'Choose the time zone the time is in';
  const d = durationOf(v);
  if (d < 5 || d > 600) e.durationMinutes = 'A session lasts from 5 minutes to 10 hours';
  if (v.location.trim().length > 300) e.location = 'The location is longer than 300 characters';
  const url = v.videoUrl.trim();
  if (url && (!/^https?:\/\//.test(url) || /[\s"]/.test(url))) e.videoUrl = 'A video link starts with https://';
  if (v.agenda.length > 20000) e.agenda = 'The agenda is longer than 20,000 characters';
  if (!rescheduling && v.repeat !== 'none' && (v.count === '' || v.count < 2 || v.count > 52)) e.count = 'A series has from 2 to 52 sessions';
  return e;
}

/** goFields maps a field Go names to the form's field. */
export const goFields: Record<string, keyof ScheduleErrors> = {
  title: 'title', start: 'date', timeZone: 'timeZone', durationMinutes: 'durationMinutes', location: 'location',
  videoUrl: 'videoUrl', agenda: 'agenda', repeat: 'repeat', count: 'count',
};

/** initialValues are the form's values for a new session, or for the session to move. */
export function initialValues(target: ScheduleTarget, settings: Settings | null): ScheduleValues {
  const s = target.session;
  if (s) {
    const [date, time] = (s.localStart || '').split('T');
    const preset = presetDurations.includes(String(s.durationMinutes));
    return {
      title: s.title, date: date || null, time: time || '', timeZone: s.timeZone,
      duration: preset ? String(s.durationMinutes) : 'custom', customMinutes: preset ? '' : s.durationMinutes,
      location: s.location, videoUrl: s.videoUrl, agendaTemplateId: s.agendaTemplateId ? String(s.agendaTemplateId) : null,
      agenda: s.agenda, repeat: 'none', count: 4,
    };
  }
  return {
    title: defaultSessionTitle(target.relationship), date: null, time: '10:00',
    timeZone: settings?.defaultTimeZone || target.relationship.members[0]?.timeZone || 'UTC',
    duration: '45', customMinutes: '', location: '', videoUrl: '', agendaTemplateId: null, agenda: '', repeat: 'none', count: 4,
  };
}
