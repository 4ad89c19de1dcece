import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';

dayjs.extend(customParseFormat);

const formats = ['YYYY-MM-DD', 'D MMM YYYY', 'D MMMM YYYY', 'D/M/YYYY', 'D.M.YYYY', 'MMM D YYYY', 'MMM D, YYYY'];

/**
 * parseDateInput reads a date typed into a date field ("2026-03-01", "1 Mar 2026", "1/3/2026")
 * as "YYYY-MM-DD", or null while it is not (yet) a whole date.
 */
export function parseDateInput(s: string): string | null {
  const t = s.trim();
  for (const f of formats) {
    const d = dayjs(t, f, true);
    if (d.isValid()) return d.format('YYYY-MM-DD');
  }
  return null;
}
