import {
  Alert, Badge, Button, Group, Loader, Pagination, Paper, Skeleton, Stack, Table, Text, UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconChevronDown, IconChevronUp, IconDeviceFloppy, IconDownload, IconFileImport, IconSelector, IconUserPlus, IconUsers,
} from '@tabler/icons-react';
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { api, inDesktopWindow, toApiError, type DirectoryPage, type Program } from '../../api';
import { downloadText, safeFileName } from '../../lib/files';
import { formatDate, formatNumber } from '../../lib/format';
import { participantStatusLabels, roleColors, roleNames } from '../../lib/words/labels';
import { EmptyState } from '../EmptyState';
import { ImportWizard } from '../import/ImportWizard';
import { AddParticipantModal } from './AddParticipantModal';
import { DirectoryFilters, noFilters, type DirectoryFilterValues } from './DirectoryFilters';
import { ProfileDrawer } from './ProfileDrawer';

export const PAGE_SIZE = 50;

type SortKey = 'name' | 'email' | 'department' | 'location' | 'status' | 'enrolled';

const statusColors: Record<string, string> = { active: 'teal', paused: 'violet', withdrawn: 'gray' };

/** DirectoryTab is a program's participants: search, filters, sorting and pages, all on the server. */
export function DirectoryTab({ program, onChanged }: { program: Program; onChanged: () => Promise<void> | void }) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const [filters, setFilters] = useState<DirectoryFilterValues>(noFilters);
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'name', desc: false });
  const key = JSON.stringify([debounced.trim(), filters, sort]);
  // The page belongs to one search: a new search or filter starts again at page 1.
  const [pageState, setPageState] = useState({ key, page: 1 });
  const page = pageState.key === key ? pageState.page : 1;
  const [refresh, setRefresh] = useState(0);
  const [data, setData] = useState<DirectoryPage | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const [addOpened, add] = useDisclosure(false);
  const [importOpened, importer] = useDisclosure(false);
  const [exporting, setExporting] = useState<'' | 'download' | 'save'>('');

  useEffect(() => {
    let live = true;
    setLoading(true);
    api.directory
      .query({
        programId: program.id, search: debounced.trim(), role: filters.role, department: filters.department,
        location: filters.location, status: filters.status, sort: sort.key, desc: sort.desc,
        offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE,
      })
      .then(
        (d) => { if (live) { setData(d); setError(null); } },
        (e) => { if (live) setError(toApiError(e).message); },
      )
      .finally(() => { if (live) setLoading(false); });
    return () => { live = false; };
  }, [program.id, debounced, filters, sort, page, refresh]);

  const changed = () => {
    setRefresh((n) => n + 1);
    void onChanged();
  };

  const filtered = debounced.trim() !== '' || Object.values(filters).some(Boolean);
  const total = data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const from = total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
  const to = Math.min(total, page * PAGE_SIZE);

  const exportCSV = async (mode: 'download' | 'save') => {
    setExporting(mode);
    const name = `${safeFileName(program.name)} participants.csv`;
    try {
      if (mode === 'save' && inDesktopWindow()) {
        try {
          const path = await api.imports.saveExport(program.id);
          if (path) notifications.show({ color: 'teal', title: 'Export saved', message: path });
          return;
        } catch {
          // No native dialog after all: download instead.
        }
      }
      const text = await api.imports.exportCSV(program.id);
      downloadText(name, text);
      notifications.show({ color: 'teal', title: 'Export ready', message: `${name} was downloaded.` });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Export failed', message: toApiError(e).message });
    } finally {
      setExporting('');
    }
  };

  const sortBy = (k: SortKey) => setSort((s) => (s.key === k ? { key: k, desc: !s.desc } : { key: k, desc: false }));

  const header = useMemo(() => {
    const th = (k: SortKey, label: string) => {
      const active = sort.key === k;
      const Icon = active ? (sort.desc ? IconChevronDown : IconChevronUp) : IconSelector;
      return (
        <Table.Th aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'} miw={k === 'status' ? 120 : undefined}>
          <UnstyledButton onClick={() => sortBy(k)} fw={700} fz="sm">
            <Group gap={4} wrap="nowrap">
              {label}
              <Icon size={14} aria-hidden="true" />
            </Group>
          </UnstyledButton>
        </Table.Th>
      );
    };
    return (
      <Table.Tr>
        {th('name', 'Name')}
        {th('email', 'Email')}
        <Table.Th miw={170}>Roles</Table.Th>
        {th('department', 'Department')}
        {th('location', 'Location')}
        {th('status', 'Status')}
        {th('enrolled', 'Enrolled')}
      </Table.Tr>
    );
  }, [sort]);

  const onRowKey = (e: KeyboardEvent, id: number) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      setOpenId(id);
    }
  };

  const empty = data && total === 0;
  const nobodyYet = !!empty && !filtered;

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Group gap="sm">
          <Button leftSection={<IconUserPlus size={18} />} onClick={add.open}>Add participant</Button>
          <Button variant="light" leftSection={<IconFileImport size={18} />} onClick={importer.open}>Import registrations</Button>
        </Group>
        <Group gap="xs">
          <Button
            variant="default"
            leftSection={<IconDownload size={18} />}
            loading={exporting === 'download'}
            disabled={exporting !== ''}
            onClick={() => exportCSV('download')}
          >
            Export CSV
          </Button>
          <Button
            variant="subtle"
            leftSection={<IconDeviceFloppy size={18} />}
            loading={exporting === 'save'}
            disabled={exporting !== ''}
            onClick={() => exportCSV('save')}
          >
            Save as…
          </Button>
        </Group>
      </Group>

      {!nobodyYet && <DirectoryFilters
        search={search}
        onSearch={setSearch}
        value={filters}
        onChange={setFilters}
        departments={data?.departments ?? []}
        locations={data?.locations ?? []}
      />}

      {error && <Alert color="red" title="The participants could not be loaded">{error}</Alert>}

      {!nobodyYet && <Group justify="space-between" mih={28}>
        <Group gap="xs">
          <Text size="sm" fw={600} aria-live="polite">
            {data ? (total === 0 ? 'No participants' : `${formatNumber(from)}–${formatNumber(to)} of ${formatNumber(total)}`) : ' '}
          </Text>
          {loading && <Loader size="xs" role="status" aria-label="Loading participants" />}
        </Group>
        {filtered && (
          <Button variant="subtle" size="compact-sm" onClick={() => { setSearch(''); setFilters(noFilters); }}>
            Clear search and filters
          </Button>
        )}
      </Group>}

      {!data && !error && (
        <Stack gap="xs" role="status" aria-busy="true" aria-label="Loading participants">
          {Array.from({ length: 8 }, (_, i) => <Skeleton key={i} h={34} />)}
        </Stack>
      )}

      {nobodyYet && (
        <EmptyState
          icon={<IconUsers size={26} />}
          title="No participants yet"
          actions={
            <Group gap="sm">
              <Button onClick={add.open}>Add participant</Button>
              <Button variant="light" onClick={importer.open}>Import registrations</Button>
            </Group>
          }
        >
          Add people one by one, or import the registrations you collected with a form tool (CSV or Excel).
        </EmptyState>
      )}
      {empty && filtered && (
        <Paper withBorder p="lg" radius="md">
          <Text>No participants match this search and these filters. Try fewer words, or clear the filters.</Text>
        </Paper>
      )}

      {data && total > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table highlightOnHover verticalSpacing="xs" aria-label={`Participants of ${program.name}`}>
            <Table.Thead>{header}</Table.Thead>
            <Table.Tbody>
              {data.rows.map((r) => (
                <Table.Tr
                  key={r.id}
                  className="clickable-row"
                  tabIndex={0}
                  onClick={() => setOpenId(r.id)}
                  onKeyDown={(e) => onRowKey(e, r.id)}
                >
                  <Table.Td>
                    <Text size="sm" fw={600}>{r.name}</Text>
                    {r.title && <Text size="xs">{r.title}</Text>}
                  </Table.Td>
                  <Table.Td><Text size="sm">{r.email}</Text></Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      {roleNames(r).map((n) => <Badge key={n} color={roleColors[n]} style={{ flexShrink: 0 }}>{n}</Badge>)}
                    </Group>
                  </Table.Td>
                  <Table.Td><Text size="sm">{r.department}</Text></Table.Td>
                  <Table.Td><Text size="sm">{r.location}</Text></Table.Td>
                  <Table.Td>
                    <Badge color={statusColors[r.status] ?? 'gray'} variant="outline" style={{ flexShrink: 0 }}>
                      {participantStatusLabels[r.status] ?? r.status}
                    </Badge>
                  </Table.Td>
                  <Table.Td><Text size="sm" style={{ whiteSpace: 'nowrap' }}>{formatDate(r.enrolledAt)}</Text></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      {data && pages > 1 && (
        <Group justify="center">
          <Pagination
            total={pages}
            value={page}
            onChange={(p) => setPageState({ key, page: p })}
            getControlProps={(c) => ({
              'aria-label': { first: 'First page', previous: 'Previous page', next: 'Next page', last: 'Last page' }[c],
            })}
            getItemProps={(p) => ({ 'aria-label': `Page ${p}` })}
            withEdges
          />
        </Group>
      )}

      <ProfileDrawer
        participantId={openId}
        program={program}
        onClose={() => setOpenId(null)}
        onChanged={changed}
      />
      <AddParticipantModal
        program={program}
        opened={addOpened}
        onClose={add.close}
        onAdded={(p) => {
          add.close();
          changed();
          setOpenId(p.id);
        }}
      />
      <ImportWizard
        program={program}
        opened={importOpened}
        onClose={importer.close}
        onImported={() => {
          importer.close();
          changed();
        }}
      />
    </Stack>
  );
}
