import { Alert, Badge, Button, Checkbox, Group, List, Loader, Paper, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import type { ImportPreview, ImportProblem } from '../../api';
import { formatNumber, plural } from '../../lib/format';

/** A problem as the preview shows it: the cell it concerns (if it has one) and its current value. */
export interface ProblemRow {
  problem: ImportProblem;
  /** value is the cell's current text, or null when the problem is not about one cell. */
  value: string | null;
  skipped: boolean;
}

/** importBlockReason says why Import cannot run now, or null when it can. */
export function importBlockReason(preview: ImportPreview | null, checking: boolean): string | null {
  if (!preview || checking) return 'Checking the rows…';
  const mapping = preview.problems.filter((p) => p.row <= 1);
  if (mapping.length) return 'Fix the column mapping first.';
  if (preview.problems.length) {
    const rows = new Set(preview.problems.map((p) => p.row)).size;
    return `Fix or skip the ${plural(rows, 'row')} with problems first.`;
  }
  if (preview.valid === 0) return 'There are no rows to import.';
  return null;
}

/** MAX_ROWS_SHOWN is how many rows with problems the preview lists. */
export const MAX_ROWS_SHOWN = 100;

/** PreviewStep shows what the import will do and every problem, each fixable in place or skippable. */
export function PreviewStep({ preview, problems, checking, onEdit, onSkip, onSkipAll, onBackToMapping }: {
  preview: ImportPreview;
  problems: ProblemRow[];
  checking: boolean;
  onEdit: (p: ImportProblem, value: string) => void;
  onSkip: (row: number, skip: boolean) => void;
  onSkipAll: (rows: number[]) => void;
  onBackToMapping: () => void;
}) {
  const mappingProblems = problems.filter((p) => p.problem.row <= 1);
  const rowProblems = problems.filter((p) => p.problem.row > 1);
  const byRow = new Map<number, ProblemRow[]>();
  for (const p of rowProblems) byRow.set(p.problem.row, [...(byRow.get(p.problem.row) ?? []), p]);
  const allRows = [...byRow.keys()].sort((a, b) => a - b);
  const openRows = allRows.filter((r) => !byRow.get(r)![0].skipped);
  const open = openRows.length;
  // A file with thousands of bad rows usually has one mistake (a column mapped wrongly): show
  // the first rows with problems, and let the admin skip them all at once.
  const rows = allRows.slice(0, MAX_ROWS_SHOWN);

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Total label="Rows ready" n={preview.valid} />
        <Total label="New people" n={preview.newPeople} note={`${formatNumber(preview.updatedPeople)} updated`} />
        <Total label="New participants" n={preview.newParticipants} note={`${formatNumber(preview.updatedParticipants)} updated`} />
        <Total label="Skipped" n={preview.skipped} />
      </SimpleGrid>
      <Group gap="xs" aria-live="polite">
        {checking ? <Loader size="xs" role="status" aria-label="Checking" /> : open === 0 && mappingProblems.length === 0
          ? <IconCircleCheck size={18} color="var(--mantine-color-teal-7)" aria-hidden="true" />
          : <IconAlertTriangle size={18} color="var(--mantine-color-orange-8)" aria-hidden="true" />}
        <Text size="sm" fw={600}>
          {summary(preview)}
          {checking ? ' Checking…' : open > 0 ? ` ${plural(open, 'row')} with problems.` : ''}
        </Text>
      </Group>

      {mappingProblems.length > 0 && (
        <Alert color="red" title="The column mapping has problems">
          <List size="sm">{mappingProblems.map((p, i) => <List.Item key={i}>{describe(p.problem)}</List.Item>)}</List>
          <Button mt="sm" size="compact-sm" variant="light" onClick={onBackToMapping}>Change the mapping</Button>
        </Alert>
      )}

      {open > 1 && (
        <Group gap="sm">
          <Button variant="default" size="compact-sm" onClick={() => onSkipAll(openRows)} disabled={checking}>
            Skip all {formatNumber(open)} rows with problems
          </Button>
          <Text size="sm">or fix them one by one below.</Text>
        </Group>
      )}
      {allRows.length > rows.length && (
        <Alert color="orange">
          Showing the first {formatNumber(rows.length)} of {formatNumber(allRows.length)} rows with problems. When most rows
          have the same problem, check the column mapping, or fix the file and choose it again.
        </Alert>
      )}

      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs" withTableBorder aria-label="Problems in the file">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={120}>Row</Table.Th>
                <Table.Th>Column</Table.Th>
                <Table.Th w="28%">Value (edit to fix)</Table.Th>
                <Table.Th>Problem</Table.Th>
                <Table.Th w={150}>Skip</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.flatMap((row) => {
                const ps = byRow.get(row)!;
                const skipped = ps[0].skipped;
                return ps.map((p, i) => (
                  <Table.Tr key={`${row}:${p.problem.column}:${p.problem.field}:${i}`}>
                    {i === 0 && (
                      <Table.Th rowSpan={ps.length} scope="rowgroup" fw={600}>
                        <Stack gap={4}>
                          <Text size="sm" fw={700}>Row {row}</Text>
                          {skipped && <Badge color="gray" variant="outline">Skipped</Badge>}
                        </Stack>
                      </Table.Th>
                    )}
                    <Table.Td><Text size="sm">{p.problem.column || p.problem.field || '—'}</Text></Table.Td>
                    <Table.Td>
                      {p.value === null ? (
                        <Text size="sm">{p.problem.value ? `'${p.problem.value}'` : '(no cell)'}</Text>
                      ) : (
                        <TextInput
                          size="xs"
                          aria-label={`Row ${row}, ${p.problem.column}`}
                          value={p.value}
                          disabled={skipped}
                          onChange={(e) => onEdit(p.problem, e.currentTarget.value)}
                          error={!skipped}
                        />
                      )}
                    </Table.Td>
                    <Table.Td><Text size="sm">{p.problem.reason}</Text></Table.Td>
                    {i === 0 && (
                      <Table.Td rowSpan={ps.length}>
                        <Checkbox label="Skip this row" checked={skipped} onChange={(e) => onSkip(row, e.currentTarget.checked)} />
                      </Table.Td>
                    )}
                  </Table.Tr>
                ));
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {rows.length === 0 && mappingProblems.length === 0 && (
        <Paper withBorder p="md" radius="md">
          <Text size="sm">No problems: every row can be imported.</Text>
        </Paper>
      )}
    </Stack>
  );
}

/** describe writes a problem as "Row 4 · Email · 'ana@' · "ana@" is not an email address". */
export function describe(p: ImportProblem): string {
  const parts = [p.row > 1 ? `Row ${p.row}` : 'Header'];
  if (p.column || p.field) parts.push(p.column || p.field);
  if (p.value) parts.push(`'${p.value}'`);
  parts.push(p.reason);
  return parts.join(' · ');
}

function summary(p: ImportPreview): string {
  const parts = [
    `${plural(p.newPeople, 'new person', 'new people')}, ${formatNumber(p.updatedPeople)} updated`,
    `${plural(p.newParticipants, 'new participant')}, ${formatNumber(p.updatedParticipants)} updated`,
  ];
  if (p.skipped) parts.push(`${plural(p.skipped, 'row')} skipped`);
  return parts.join(' · ') + '.';
}

function Total({ label, n, note }: { label: string; n: number; note?: string }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="sm" fw={600}>{label}</Text>
      <Text fz={24} fw={700} lh={1.2}>{formatNumber(n)}</Text>
      {note && <Text size="xs">{note}</Text>}
    </Paper>
  );
}
