import {
  ActionIcon, Alert, Badge, Button, Group, Menu, Paper, SegmentedControl, Skeleton, Stack, Table, Text, TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconCalendarPlus, IconDeviceFloppy, IconDots, IconDownload, IconEye, IconHeartHandshake, IconPlayerPause, IconPlayerPlay,
  IconPlus, IconSearch, IconX,
} from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { api, toApiError, type Program, type Relationship, type Session, type Settings } from '../../api';
import { plural } from '../../lib/format';
import { navigate } from '../../lib/router';
import {
  commitmentInWords, isOpen, memberRoleColors, memberRoleLabels, orderedMembers, relationshipKindColors,
  relationshipKindLabels, relationshipName, relationshipStatusColors, relationshipStatusLabels,
} from '../../lib/words/sessions';
import { formatInstant } from '../../lib/zonedTime';
import { EmptyState } from '../EmptyState';
import { useOutbox } from '../OutboxContext';
import { showQueued, useAutoSend } from '../outbox/queuedNotice';
import { canSaveAs, exportCalendar } from './calendarExport';
import { CloseRelationshipModal } from './CloseRelationshipModal';
import { ExportButtons } from './ExportButtons';
import { RelationshipDrawer } from './RelationshipDrawer';
import { NewRelationshipModal } from './NewRelationshipModal';
import { ScheduleModal, type ScheduleTarget } from './ScheduleModal';

type Filter = 'open' | 'closed' | 'all';

/** RelationshipsTab lists a program's pairings and groups, and runs their sessions. */
export function RelationshipsTab({ program, openId }: { program: Program; openId: number | null }) {
  const [list, setList] = useState<Relationship[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState<Filter>('open');
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const [scheduling, setScheduling] = useState<ScheduleTarget | null>(null);
  const [closing, setClosing] = useState<Relationship | null>(null);
  const [version, setVersion] = useState(0);
  const [opened, setOpened] = useState<{ r: Relationship | null; loading: boolean; error: string | null }>({ r: null, loading: false, error: null });
  const autoSend = useAutoSend();
  const outbox = useOutbox();

  const reload = useCallback(async () => {
    try {
      const rs = await api.relationships.list(program.id);
      setList(rs);
      setError(null);
    } catch (e) {
      setError(toApiError(e).message);
    }
  }, [program.id]);

  useEffect(() => { void reload(); }, [reload]);

  // The open relationship follows the address (#/programs/3/relationships/12).
  useEffect(() => {
    if (openId == null) {
      setOpened({ r: null, loading: false, error: null });
      return;
    }
    const inList = list?.find((r) => r.id === openId);
    if (inList) {
      setOpened({ r: inList, loading: false, error: null });
      return;
    }
    if (!list) {
      setOpened((o) => ({ ...o, loading: true }));
      return;
    }
    setOpened({ r: null, loading: false, error: 'This relationship is not in this program.' });
  }, [openId, list]);

  const open = (r: Relationship) => navigate({ name: 'program', id: program.id, tab: 'relationships', relationship: r.id });
  const closeDrawer = () => navigate({ name: 'program', id: program.id, tab: 'relationships' });

  const pauseResume = async (r: Relationship) => {
    try {
      const next = r.status === 'on_hold' ? await api.relationships.resume(r.id) : await api.relationships.pause(r.id);
      await reload();
      notifications.show({
        color: 'teal',
        message: next.status === 'on_hold'
          ? `${relationshipName(r)} is on hold. Their scheduled sessions stay; resume to schedule new ones.`
          : `${relationshipName(r)} is active again.`,
      });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Not changed', message: toApiError(e).message });
    }
  };

  const counts = useMemo(() => {
    const all = list ?? [];
    return { open: all.filter(isOpen).length, closed: all.filter((r) => !isOpen(r)).length, all: all.length };
  }, [list]);

  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    return (list ?? []).filter((r) => {
      if (filter === 'open' && !isOpen(r)) return false;
      if (filter === 'closed' && isOpen(r)) return false;
      if (!q) return true;
      return r.members.some((m) => m.name.toLowerCase().includes(q) || m.email.toLowerCase().includes(q)) || r.topic.toLowerCase().includes(q);
    });
  }, [list, filter, search]);

  const onRowKey = (e: KeyboardEvent, r: Relationship) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open(r);
    }
  };

  const afterSchedule = (saved: Session[], settings: Settings | null, rescheduled: boolean) => {
    const target = scheduling;
    setScheduling(null);
    setVersion((n) => n + 1);
    void reload();
    void outbox.refresh();
    if (!target || saved.length === 0) return;
    const people = saved[0].attendees.length;
    const who = plural(people, 'person', 'people');
    const kinds = settings?.autoSend ?? autoSend;
    if (rescheduled) {
      showQueued({ title: `“${saved[0].title}” moved to ${formatInstant(saved[0].startsAt)}`, what: `Updates for ${who}`, kind: 'update', autoSend: kinds });
    } else {
      const title = saved.length > 1 ? `${saved.length} sessions scheduled` : `Scheduled for ${formatInstant(saved[0].startsAt)}`;
      showQueued({ title, what: saved.length > 1 ? `Invites for ${who} (${saved.length} sessions each)` : `Invites for ${who}`, kind: 'invite', autoSend: kinds });
    }
  };

  if (error && !list) return <Alert color="red" title="The relationships could not be loaded">{error}</Alert>;

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Button leftSection={<IconPlus size={18} />} onClick={() => setCreating(true)}>New relationship</Button>
        {list && list.length > 0 && (
          <ExportButtons label="Export all sessions" onExport={(mode) => exportCalendar(() => api.sessions.exportProgram(program.id), `${program.name} sessions`, mode)} />
        )}
      </Group>

      {!list && (
        <Stack gap="xs" role="status" aria-busy="true" aria-label="Loading relationships">
          {Array.from({ length: 5 }, (_, i) => <Skeleton key={i} h={44} />)}
        </Stack>
      )}

      {list && list.length === 0 && (
        <EmptyState
          icon={<IconHeartHandshake size={26} />}
          title="No relationships yet"
          actions={<Button onClick={() => setCreating(true)}>New relationship</Button>}
        >
          Pair two participants, or form a group, then schedule their sessions. Invites wait in the outbox until you send them.
        </EmptyState>
      )}

      {list && list.length > 0 && (
        <>
          <Group gap="md" wrap="wrap" align="flex-end">
            <SegmentedControl
              aria-label="Show relationships"
              value={filter}
              onChange={(f) => setFilter(f as Filter)}
              data={[
                { value: 'open', label: `Open (${counts.open})` },
                { value: 'closed', label: `Closed (${counts.closed})` },
                { value: 'all', label: `All (${counts.all})` },
              ]}
            />
            <TextInput
              type="search"
              aria-label="Search relationships"
              placeholder="Search by name, email or topic"
              leftSection={<IconSearch size={16} aria-hidden="true" />}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              w={320}
            />
          </Group>
          {shown.length === 0 ? (
            <Paper withBorder p="lg" radius="md">
              <Text>{search.trim() ? 'No relationship matches this search.' : filter === 'closed' ? 'No closed relationships yet.' : 'No open relationships.'}</Text>
            </Paper>
          ) : (
            <Table.ScrollContainer minWidth={980}>
              <Table highlightOnHover verticalSpacing="sm" aria-label={`Relationships in ${program.name}`}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th miw={190}>Members</Table.Th>
                    <Table.Th miw={120}>Kind</Table.Th>
                    <Table.Th>Commitment</Table.Th>
                    <Table.Th miw={110}>Status</Table.Th>
                    <Table.Th miw={130}>Sessions</Table.Th>
                    <Table.Th miw={150}>Next session (your time)</Table.Th>
                    <Table.Th><VisuallyHidden>Actions</VisuallyHidden></Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((r) => (
                    <Table.Tr key={r.id} className="clickable-row" tabIndex={0} onClick={() => open(r)} onKeyDown={(e) => onRowKey(e, r)}>
                      <Table.Td>
                        <Stack gap={2}>
                          {orderedMembers(r.members).map((m) => (
                            <Group key={m.participantId} gap={6} wrap="nowrap">
                              <Text size="sm" fw={600}>{m.name}</Text>
                              {r.kind === 'mentorship' && <Badge size="sm" color={memberRoleColors[m.role]}>{memberRoleLabels[m.role] ?? m.role}</Badge>}
                            </Group>
                          ))}
                        </Stack>
                      </Table.Td>
                      <Table.Td><Badge color={relationshipKindColors[r.kind] ?? 'gray'} style={{ flexShrink: 0 }}>{relationshipKindLabels[r.kind] ?? r.kind}</Badge></Table.Td>
                      <Table.Td><Text size="sm">{commitmentInWords(r)}</Text></Table.Td>
                      <Table.Td>
                        <Badge color={relationshipStatusColors[r.status] ?? 'gray'} variant="outline" style={{ flexShrink: 0 }}>
                          {relationshipStatusLabels[r.status] ?? r.status}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{r.sessionsHeld} held · {r.sessionsAhead} ahead</Text>
                        <Text size="xs">{plural(r.plannedSessions, 'session')} planned</Text>
                      </Table.Td>
                      <Table.Td><Text size="sm">{r.nextSession ? formatInstant(r.nextSession) : '—'}</Text></Table.Td>
                      <Table.Td onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
                        <RowActions r={r} onOpen={() => open(r)} onSchedule={() => setScheduling({ relationship: r })}
                          onPauseResume={() => void pauseResume(r)} onClose={() => setClosing(r)} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </>
      )}

      <RelationshipDrawer
        relationship={opened.r}
        loading={opened.loading}
        error={opened.error}
        version={version}
        coveredByModal={!!scheduling || !!closing}
        onClose={closeDrawer}
        onSchedule={(r, s) => setScheduling({ relationship: r, session: s })}
        onCloseRelationship={setClosing}
        onPauseResume={pauseResume}
        onChanged={() => { void reload(); void outbox.refresh(); }}
      />
      <NewRelationshipModal
        program={program}
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(r) => {
          setCreating(false);
          void reload();
          notifications.show({
            color: 'teal',
            title: 'Relationship created',
            message: `${relationshipName(r)}: schedule their first session next.`,
          });
          setScheduling({ relationship: r });
        }}
      />
      <ScheduleModal target={scheduling} onClose={() => setScheduling(null)} onSaved={afterSchedule} />
      <CloseRelationshipModal
        relationship={closing}
        onClose={() => setClosing(null)}
        onClosed={(r, what) => {
          setClosing(null);
          setVersion((n) => n + 1);
          void reload();
          void outbox.refresh();
          notifications.show({ color: 'teal', title: `${relationshipName(r)} is ${relationshipStatusLabels[r.status]?.toLowerCase() ?? r.status}`, message: 'The reason is kept in its history.' });
          const parts: string[] = [];
          if (what.sessions > 0) parts.push(`Cancellation notices for ${plural(what.sessions, 'upcoming session')} (to whoever had the invite)`);
          if (what.thankYou) parts.push(`thank-you emails for ${plural(r.members.length, 'person', 'people')}`);
          if (parts.length) {
            showQueued({ what: parts.join(' and '), kind: what.thankYou ? 'closing' : 'cancellation', autoSend });
          }
        }}
      />
    </Stack>
  );
}

function RowActions({ r, onOpen, onSchedule, onPauseResume, onClose }: {
  r: Relationship;
  onOpen: () => void;
  onSchedule: () => void;
  onPauseResume: () => void;
  onClose: () => void;
}) {
  const name = relationshipName(r);
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      <Button size="compact-sm" variant="light" leftSection={<IconCalendarPlus size={14} />} onClick={onSchedule} disabled={r.status !== 'active'}
        aria-label={`Schedule session: ${name}`}>
        Schedule
      </Button>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={`More actions: ${name}`}>
            <IconDots size={18} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconEye size={16} />} onClick={onOpen}>Open</Menu.Item>
          {r.status === 'active' && <Menu.Item leftSection={<IconPlayerPause size={16} />} onClick={onPauseResume}>Pause</Menu.Item>}
          {r.status === 'on_hold' && <Menu.Item leftSection={<IconPlayerPlay size={16} />} onClick={onPauseResume}>Resume</Menu.Item>}
          {isOpen(r) && <Menu.Item leftSection={<IconX size={16} />} color="red" onClick={onClose}>Close…</Menu.Item>}
          <Menu.Divider />
          <Menu.Item leftSection={<IconDownload size={16} />} onClick={() => void exportCalendar(() => api.sessions.exportRelationship(r.id), name)}>
            Export calendar (.ics)
          </Menu.Item>
          {canSaveAs() && (
            <Menu.Item leftSection={<IconDeviceFloppy size={16} />} onClick={() => void exportCalendar(() => api.sessions.exportRelationship(r.id), name, 'save')}>
              Save calendar as…
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
