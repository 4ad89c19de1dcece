import { ActionIcon, Alert, Button, Group, Pagination, Paper, Skeleton, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconSearch, IconTrash, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, toApiError, type Person } from '../api';
import { LeavingSummary } from '../components/directory/LeavingSummary';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { PersonFormModal } from '../components/people/PersonFormModal';
import { usePrograms } from '../components/ProgramsContext';
import { formatNumber, plural } from '../lib/format';

const PAGE = 50;

/** PeoplePage is everyone in the organisation: search, add, edit, remove. */
export function PeoplePage() {
  const [people, setPeople] = useState<Person[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);
  const { reload: reloadPrograms } = usePrograms();

  const load = useCallback(async () => {
    try {
      setPeople(await api.people.list());
      setError(null);
    } catch (e) {
      setError(toApiError(e).message);
    }
  }, []);
  useEffect(() => { void load(); }, [load]);

  const shown = useMemo(() => {
    const words = search.toLowerCase().split(/\s+/).filter(Boolean);
    if (!people) return [];
    if (!words.length) return people;
    return people.filter((p) => {
      const hay = [p.name, p.email, p.department, p.title, p.location, p.timeZone].join(' ').toLowerCase();
      return words.every((w) => hay.includes(w));
    });
  }, [people, search]);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE));
  const current = Math.min(page, pages);
  const slice = shown.slice((current - 1) * PAGE, current * PAGE);

  const remove = async (p: Person) => {
    setBusyId(p.id);
    try {
      const impact = await api.people.removalImpact(p.id);
      const first = p.name.split(' ')[0] || p.name;
      modals.openConfirmModal({
        title: `Remove ${p.name}?`,
        children: (
          <Stack gap="sm">
            <Text size="sm">
              {impact.kept
                ? `${first} took part in ${plural(impact.programs, 'program')}. Removing hides ${first} and withdraws them from ${impact.programs === 1 ? 'it' : 'them'}; their history is kept.`
                : `${p.name} is not in any program. Removing deletes them from Tandem.`}
            </Text>
            {impact.leaving.map((l) => (
              <LeavingSummary key={l.program} leaving={l} heading={`In ${l.program}, Tandem also:`} />
            ))}
          </Stack>
        ),
        labels: { confirm: 'Remove', cancel: 'Cancel' },
        confirmProps: { color: 'red' },
        onConfirm: async () => {
          try {
            await api.people.remove(p.id);
            notifications.show({ color: 'teal', message: `${p.name} was removed.` });
            await load();
            void reloadPrograms();
          } catch (e) {
            notifications.show({ color: 'red', title: 'Not removed', message: toApiError(e).message });
          }
        },
      });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Not removed', message: toApiError(e).message });
    } finally {
      setBusyId(null);
    }
  };

  return (
    <>
      <PageHeader
        title="People"
        subtitle="Everyone in your organisation. One person can take part in many programs."
        actions={<Button leftSection={<IconUserPlus size={18} />} onClick={() => setEditing('new')}>Add person</Button>}
      />
      {error && <Alert color="red" title="People could not be loaded" mb="md">{error}</Alert>}
      {!people && !error && (
        <Stack gap="xs" role="status" aria-busy="true" aria-label="Loading people">
          {Array.from({ length: 8 }, (_, i) => <Skeleton key={i} h={34} />)}
        </Stack>
      )}
      {people && people.length === 0 && (
        <EmptyState
          icon={<IconUsers size={26} />}
          title="Nobody here yet"
          actions={<Button onClick={() => setEditing('new')}>Add person</Button>}
        >
          Add people one by one here, or import a program's registrations: everyone in the file is added.
        </EmptyState>
      )}
      {people && people.length > 0 && (
        <Stack gap="md">
          <Group justify="space-between" align="flex-end">
            <TextInput
              label="Search people"
              placeholder="Name, email, department…"
              leftSection={<IconSearch size={16} aria-hidden="true" />}
              value={search}
              onChange={(e) => { setSearch(e.currentTarget.value); setPage(1); }}
              w={360}
              type="search"
            />
            <Text size="sm" fw={600} aria-live="polite">
              {shown.length === people.length
                ? plural(people.length, 'person', 'people')
                : `${formatNumber(shown.length)} of ${plural(people.length, 'person', 'people')}`}
            </Text>
          </Group>
          {shown.length === 0 ? (
            <Paper withBorder p="lg" radius="md"><Text>Nobody matches “{search}”.</Text></Paper>
          ) : (
            <Table.ScrollContainer minWidth={960}>
              <Table highlightOnHover verticalSpacing="xs" aria-label="People">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Email</Table.Th>
                    <Table.Th>Department</Table.Th>
                    <Table.Th>Title</Table.Th>
                    <Table.Th>Location</Table.Th>
                    <Table.Th>Time zone</Table.Th>
                    <Table.Th ta="right">Programs</Table.Th>
                    <Table.Th><VisuallyHidden>Actions</VisuallyHidden></Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {slice.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td><Text size="sm" fw={600}>{p.name}</Text></Table.Td>
                      <Table.Td><Text size="sm">{p.email}</Text></Table.Td>
                      <Table.Td><Text size="sm">{p.department}</Text></Table.Td>
                      <Table.Td><Text size="sm">{p.title}</Text></Table.Td>
                      <Table.Td><Text size="sm">{p.location}</Text></Table.Td>
                      <Table.Td><Text size="sm">{p.timeZone}</Text></Table.Td>
                      <Table.Td ta="right"><Text size="sm">{formatNumber(p.programs)}</Text></Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap" justify="flex-end">
                          <ActionIcon variant="subtle" color="gray" aria-label={`Edit ${p.name}`} onClick={() => setEditing(p)}>
                            <IconPencil size={18} />
                          </ActionIcon>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={`Remove ${p.name}`}
                            loading={busyId === p.id}
                            onClick={() => remove(p)}
                          >
                            <IconTrash size={18} />
                          </ActionIcon>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {pages > 1 && (
            <Group justify="center">
              <Pagination
                total={pages}
                value={current}
                onChange={setPage}
                withEdges
                getControlProps={(c) => ({
                  'aria-label': { first: 'First page', previous: 'Previous page', next: 'Next page', last: 'Last page' }[c],
                })}
                getItemProps={(n) => ({ 'aria-label': `Page ${n}` })}
              />
            </Group>
          )}
        </Stack>
      )}
      <PersonFormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        person={editing === 'new' || editing === null ? undefined : editing}
        onSaved={async (p) => {
          const isNew = editing === 'new';
          setEditing(null);
          notifications.show({ color: 'teal', message: isNew ? `${p.name} was added.` : `${p.name} was saved.` });
          await load();
        }}
      />
    </>
  );
}
