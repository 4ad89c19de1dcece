import type { Leaving } from '../../api';
import { plural } from '../format';

/** leavingWords says, one line each, what a participant's leaving does besides; [] when nothing. */
export function leavingWords(l: Leaving): string[] {
  const lines: string[] = [];
  for (const title of l.closes) lines.push(`Closes ${title} (cancelled: “${l.name} left the program”).`);
  if (l.sessions > 0) lines.push(`Cancels ${plural(l.sessions, 'upcoming session')} and queues the cancellations to the attendees.`);
  if (l.requests > 0) lines.push(`Ends ${plural(l.requests, 'pending request')}; the other person is told.`);
  for (const title of l.stays) lines.push(`Stays listed in the group ${title}, which goes on: take them out of its sessions by hand.`);
  return lines;
}
