import type { ImportFile, ImportProblem, ImportRequest, ImportTarget, ImportWarning } from '../../api';

/** IGNORE is the Select value of "Ignore this column" (Go's mapping uses ""). */
export const IGNORE = '__ignore';

export interface DefaultRoles {
  mentor: boolean;
  mentee: boolean;
  peer: boolean;
}

/** mappingToGo turns the Select values into Go's mapping. */
export function mappingToGo(mapping: string[]): string[] {
  return mapping.map((m) => (m === IGNORE ? '' : m));
}

/** mappingFromGo turns Go's suggested mapping into Select values. */
export function mappingFromGo(file: ImportFile): string[] {
  const known = new Set(file.targets.map((t) => t.key));
  return file.headers.map((_, i) => {
    const m = file.mapping[i] ?? '';
    return m && known.has(m) ? m : IGNORE;
  });
}

/** buildRequest is the request Preview and Import take. */
export function buildRequest(programId: number, file: ImportFile, rows: string[][], mapping: string[],
  roles: DefaultRoles, skipRows: number[]): ImportRequest {
  return {
    programId, headers: file.headers, rows, rowNumbers: file.rowNumbers, mapping: mappingToGo(mapping),
    defaultRoles: { ...roles, capacity: 0, status: '' }, skipRows: [...skipRows].sort((a, b) => a - b),
  };
}

/** cellOf finds the cell a problem is about: [row index, column index], or null. */
export function cellOf(p: ImportProblem, file: ImportFile, mapping: string[]): [number, number] | null {
  const r = file.rowNumbers.length ? file.rowNumbers.indexOf(p.row) : p.row - 2;
  if (r < 0 || !p.column) return null;
  let c = -1;
  file.headers.forEach((h, i) => {
    if (h === p.column && (c === -1 || (mapping[c] === IGNORE && mapping[i] !== IGNORE))) c = i;
  });
  return c < 0 ? null : [r, c];
}

/** mappingProblems are the browser's checks of a mapping before Go sees it. */
export function mappingProblems(mapping: string[], targets: ImportTarget[]): string[] {
  const out: string[] = [];
  const used = new Set(mapping);
  if (!used.has('email')) out.push('Map a column to Email: Tandem finds people by their email address.');
  if (!used.has('name')) out.push('Map a column to Name: every participant needs a name.');
  const seen = new Map<string, number>();
  for (const m of mapping) if (m !== IGNORE) seen.set(m, (seen.get(m) ?? 0) + 1);
  for (const [k, n] of seen) {
    if (n > 1) out.push(`${targets.find((t) => t.key === k)?.label ?? k} is chosen for ${n} columns: choose it for one only.`);
  }
  return out;
}

/**
 * liveWarnings are the file's warnings that still hold for the mapping: the column Tandem used
 * still fills the field and the columns called like it are still ignored.
 */
export function liveWarnings(warnings: ImportWarning[], mapping: string[]): ImportWarning[] {
  return warnings.filter((w) => mapping[w.used] === w.key && w.ignored.every((i) => (mapping[i] ?? IGNORE) === IGNORE));
}
