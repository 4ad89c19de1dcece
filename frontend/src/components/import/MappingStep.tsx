import { Alert, Checkbox, Group, List, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ImportFile, Program } from '../../api';
import { IGNORE, liveWarnings, type DefaultRoles } from './importModel';

/** assign maps column i to key; a field fills from one column, so another column that had it is ignored now. */
export function assign(mapping: string[], i: number, key: string): string[] {
  return mapping.map((m, j) => (j === i ? key : key !== IGNORE && m === key ? IGNORE : m));
}

/** MappingStep lets the admin say which field each column of the file fills. */
export function MappingStep({ file, mapping, onMapping, roles, onRoles, program, problems }: {
  file: ImportFile;
  mapping: string[];
  onMapping: (m: string[]) => void;
  roles: DefaultRoles;
  onRoles: (r: DefaultRoles) => void;
  program: Program;
  problems: string[];
}) {
  const groups = ['Person', 'Participant', 'Questionnaire'];
  const data = [
    { group: 'Skip', items: [{ value: IGNORE, label: 'Ignore this column' }] },
    ...groups.map((g) => ({
      group: g,
      items: file.targets
        .filter((t) => t.group === g)
        .map((t) => ({ value: t.key, label: t.required ? `${t.label} (required)` : t.label })),
    })).filter((g) => g.items.length > 0),
  ];
  const examples = (col: number) => {
    const xs: string[] = [];
    for (const r of file.rows) {
      const v = (r[col] ?? '').trim();
      if (v && !xs.includes(v)) xs.push(v);
      if (xs.length === 2) break;
    }
    return xs;
  };
  const hasRolesColumn = mapping.includes('roles');
  const warnings = liveWarnings(file.warnings, mapping);

  return (
    <Stack gap="lg">
      <Text>
        {file.fileName}: {file.rows.length.toLocaleString('en')} rows, {file.headers.length} columns. Check what each column
        holds; Tandem guessed from the headers.
      </Text>
      {warnings.length > 0 && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden="true" />} title="Columns with the same name">
          <List size="sm">{warnings.map((w) => <List.Item key={w.key}>{w.message}</List.Item>)}</List>
          <Text size="sm" mt="xs">If an ignored column is the right one, choose the field for it below.</Text>
        </Alert>
      )}
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs" aria-label="Columns of the file">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="30%">Column in the file</Table.Th>
              <Table.Th w="35%">Examples</Table.Th>
              <Table.Th>Goes into</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {file.headers.map((h, i) => (
              <Table.Tr key={i}>
                <Table.Td><Text size="sm" fw={600}>{h || `Column ${i + 1}`}</Text></Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>{examples(i).join(' · ') || '(empty)'}</Text>
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`Column “${h || `Column ${i + 1}`}” goes into`}
                    data={data}
                    value={mapping[i] ?? IGNORE}
                    onChange={(v) => onMapping(assign(mapping, i, v ?? IGNORE))}
                    allowDeselect={false}
                    searchable
                    maxDropdownHeight={320}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <Stack gap={6}>
        <Title order={3} fz="md">Default roles</Title>
        <Text size="sm">
          {hasRolesColumn
            ? 'New participants whose roles cell is empty get these roles.'
            : 'No column holds roles, so every new participant gets these roles.'}
        </Text>
        <Group gap="lg">
          <Checkbox label="Mentor" checked={roles.mentor} onChange={(e) => onRoles({ ...roles, mentor: e.currentTarget.checked })} />
          <Checkbox label="Mentee" checked={roles.mentee} onChange={(e) => onRoles({ ...roles, mentee: e.currentTarget.checked })} />
          <Checkbox
            label="Peer"
            checked={roles.peer}
            disabled={!program.peerMentoring && !roles.peer}
            onChange={(e) => onRoles({ ...roles, peer: e.currentTarget.checked })}
          />
        </Group>
        {!program.peerMentoring && <Text size="sm">Peer mentoring is off in this program.</Text>}
      </Stack>

      {problems.length > 0 && (
        <Alert color="orange" title="Before checking the rows">
          <List size="sm">{problems.map((p) => <List.Item key={p}>{p}</List.Item>)}</List>
        </Alert>
      )}
    </Stack>
  );
}
