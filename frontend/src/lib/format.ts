import dayjs from 'dayjs';

const numberFormat = new Intl.NumberFormat('en');

/** formatNumber writes 10000 as "10,000". */
export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

/** formatDate writes "2026-03-01" (or an RFC 3339 time) as "1 Mar 2026"; "" stays "". */
export function formatDate(s: string | undefined | null): string {
  if (!s) return '';
  const d = dayjs(s);
  return d.isValid() ? d.format('D MMM YYYY') : s;
}

/** formatDateTime writes an RFC 3339 time as "1 Mar 2026, 14:05" in the reader's zone. */
export function formatDateTime(s: string | undefined | null): string {
  if (!s) return '';
  const d = dayjs(s);
  return d.isValid() ? d.format('D MMM YYYY, HH:mm') : s;
}

/** formatRange writes two dates as "1 Mar 2026 – 30 Jun 2026", or what there is of them. */
export function formatRange(from: string, to: string): string {
  if (from && to) return `${formatDate(from)} – ${formatDate(to)}`;
  if (from) return `from ${formatDate(from)}`;
  if (to) return `until ${formatDate(to)}`;
  return '';
}

/** formatBytes writes a file size as "1.2 MB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** plural writes "1 participant", "2 participants", with thousands separators. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

/** joinNames writes "Ana Silva & Jai Patel", or "Ana Silva, Jai Patel & Mei Chen". */
export function joinNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} & ${names[names.length - 1]}`;
}
