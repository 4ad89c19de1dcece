import { Alert, Badge, Button, Divider, Drawer, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarPlus, IconPlayerPause, IconPlayerPlay, IconX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { api, toApiError, type Relationship, type Session } from '../../api';
import { formatDate, plural } from '../../lib/format';
import {
  commitmentInWords, isOpen, memberRoleColors, memberRoleLabels, orderedMembers, relationshipKindColors, relationshipKindLabels,
  relationshipName, relationshipStatusColors, relationshipStatusLabels, sessionStatusLabels,
} from '../../lib/words/sessions';
import { browserZone } from '../../lib/zonedTime';
import { useOutbox } from '../OutboxContext';
import { showQueued, useAutoSend } from '../outbox/queuedNotice';
import { exportCalendar } from './calendarExport';
import { ExportButtons } from './ExportButtons';
import { ImportRepliesModal } from './ImportRepliesModal';
import { SessionCard } from './SessionCard';
import { CancelSessionModal, OutcomeModal } from './SessionModals';

/** RelationshipDrawer shows one relationship: members, commitment, status and every session. */
export function RelationshipDrawer({ relationship, loading, error, version, coveredByModal, onClose, onSchedule, onCloseRelationship, onPauseResume, onChanged }: {
  relationship: Relationship | null;
  /** A dialog is open on top: Escape must close that one only (Mantine closes every open one). */
  coveredByModal: boolean;
  loading: boolean;
  error?: string | null;
  /** Rises when something outside changed the sessions (a session was scheduled). */
  version: number;
  onClose: () => void;
  onSchedule: (r: Relationship, s?: Session) => void;
  onCloseRelationship: (r: Relationship) => void;
  onPauseResume: (r: Relationship) => Promise<void>;
  onChanged: () => void;
}) {
  const opened = loading || !!relationship || !!error;
  const [inner, setInner] = useState(false);
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      closeOnEscape={!coveredByModal && !inner}
      position="right"
      size={820}
      title={relationship ? relationshipName(relationship) : 'Relationship'}
    >
      {error && <Alert color="red" title="The relationship could not be loaded">{error}</Alert>}
      {loading && !relationship && !error && (
        <Stack role="status" aria-busy="true" aria-label="Loading relationship">
          <Skeleton h={20} w="60%" />
          <Skeleton h={120} />
          <Skeleton h={240} />
        </Stack>
      )}
      {relationship && (
        <RelationshipBody
          key={relationship.id}
          r={relationship}
          version={version}
          onSchedule={onSchedule}
          onCloseRelationship={onCloseRelationship}
          onPauseResume={onPauseResume}
          onChanged={onChanged}
          onInnerModal={setInner}
        />
      )}
    </Drawer>
  );
}

function RelationshipBody({ r, version, onSchedule, onCloseRelationship, onPauseResume, onChanged, onInnerModal }: {
  r: Relationship;
  onInnerModal: (open: boolean) => void;
  version: number;
  onSchedule: (r: Relationship, s?: Session) => void;
  onCloseRelationship: (r: Relationship) => void;
  onPauseResume: (r: Relationship) => Promise<void>;
  onChanged: () => void;
}) {
  const [sessions, setSessions] = useState<Session[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const [busy, setBusy] = useState(false);
  const [cancelling, setCancelling] = useState<Session | null>(null);
  const [outcome, setOutcome] = useState<Session | null>(null);
  const [replies, setReplies] = useState<Session | null>(null);
  const autoSend = useAutoSend();
  const outbox = useOutbox();
  const innerOpen = !!(cancelling || outcome || replies);
  useEffect(() => onInnerModal(innerOpen), [innerOpen, onInnerModal]);

  useEffect(() => {
    let live = true;
    api.sessions.forRelationship(r.id).then(
      (s) => { if (live) { setSessions(s); setError(null); } },
      (e) => { if (live) setError(toApiError(e).message); },
    );
    return () => { live = false; };
  }, [r.id, version, reload]);

  const refresh = () => {
    setReload((n) => n + 1);
    onChanged();
  };

  const now = Date.now();
  const upcoming = (sessions ?? []).filter((s) => s.status === 'scheduled' && new Date(s.startsAt).getTime() >= now);
  const earlier = (sessions ?? []).filter((s) => !upcoming.includes(s)).reverse();
  const open = isOpen(r);
  const members = orderedMembers(r.members);
  const name = relationshipName(r);

  const pauseResume = async () => {
    setBusy(true);
    try {
      await onPauseResume(r);
    } finally {
      setBusy(false);
    }
  };

  const facts: [string, string][] = [
    ['Commitment', `${commitmentInWords(r)}${r.commitment !== 'topic' ? ` · ${plural(r.plannedSessions, 'session')} planned` : ''}`],
    ['Sessions', `${r.sessionsHeld} held · ${r.sessionsAhead} ahead`],
    ['Started', formatDate(r.startsOn || r.createdAt)],
  ];
  if (r.status === 'completed' || r.status === 'cancelled') {
    facts.push(['Closed', `${formatDate(r.closedAt)}${r.closedBy ? ` by ${r.closedBy}` : ''}`], ['Why', r.closeReason || '—']);
  }

  return (
    <Stack gap="lg">
      <Group gap="xs">
        <Badge color={relationshipKindColors[r.kind] ?? 'gray'}>{relationshipKindLabels[r.kind] ?? r.kind}</Badge>
        <Badge color={relationshipStatusColors[r.status] ?? 'gray'} variant="outline">{relationshipStatusLabels[r.status] ?? r.status}</Badge>
      </Group>

      <Group gap="sm">
        <Button leftSection={<IconCalendarPlus size={16} />} onClick={() => onSchedule(r)} disabled={r.status !== 'active'}>
          Schedule session
        </Button>
        {r.status === 'active' && (
          <Button variant="default" leftSection={<IconPlayerPause size={16} />} loading={busy} onClick={pauseResume}>Pause</Button>
        )}
        {r.status === 'on_hold' && (
          <Button variant="default" leftSection={<IconPlayerPlay size={16} />} loading={busy} onClick={pauseResume}>Resume</Button>
        )}
        {open && (
          <Button variant="default" color="red" leftSection={<IconX size={16} />} onClick={() => onCloseRelationship(r)}>Close…</Button>
        )}
        <ExportButtons label="Export calendar" onExport={(mode) => exportCalendar(() => api.sessions.exportRelationship(r.id), name, mode)} />
      </Group>
      {r.status === 'on_hold' && <Text size="sm">On hold: resume it to schedule sessions.</Text>}

      <section aria-labelledby="rel-members">
        <Title order={3} fz="md" id="rel-members" mb="xs">Members</Title>
        <Table verticalSpacing={6} aria-labelledby="rel-members">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Time zone</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.map((m) => (
              <Table.Tr key={m.participantId}>
                <Table.Td>
                  <Text size="sm" fw={600}>{m.name}</Text>
                  <Text size="xs">{[m.email, m.title, m.department].filter(Boolean).join(' · ')}</Text>
                </Table.Td>
                <Table.Td><Badge color={memberRoleColors[m.role] ?? 'gray'}>{memberRoleLabels[m.role] ?? m.role}</Badge></Table.Td>
                <Table.Td><Text size="sm">{m.timeZone || '—'}</Text></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </section>

      <section aria-labelledby="rel-facts">
        <Title order={3} fz="md" id="rel-facts" mb="xs">Commitment and status</Title>
        <Stack gap={0} component="dl" m={0}>
          {facts.map(([k, v]) => (
            <Group key={k} gap="md" py={6} wrap="nowrap" align="flex-start" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
              <Text component="dt" fw={600} size="sm" w={140} style={{ flexShrink: 0 }}>{k}</Text>
              <Text component="dd" size="sm" m={0}>{v}</Text>
            </Group>
          ))}
        </Stack>
      </section>

      <Divider />
      <section aria-labelledby="rel-sessions">
        <Title order={3} fz="md" id="rel-sessions" mb="xs">Sessions</Title>
        <Text size="sm" mb="sm">Times are shown in your zone ({browserZone()}) and in each attendee’s.</Text>
        {error && <Alert color="red" title="The sessions could not be loaded">{error}</Alert>}
        {!sessions && !error && <Skeleton h={160} role="status" aria-busy="true" aria-label="Loading sessions" />}
        {sessions && sessions.length === 0 && (
          <Paper withBorder radius="md" p="md">
            <Text size="sm">
              No sessions yet.{r.status === 'active' ? ' Schedule the first one: the invites wait in the outbox until you send them.' : ''}
            </Text>
          </Paper>
        )}
        {sessions && sessions.length > 0 && (
          <Stack gap="md">
            {upcoming.length > 0 && <Title order={4} fz="sm">Upcoming</Title>}
            {upcoming.map((s) => (
              <SessionCard key={s.id} s={s} relationshipOpen={open}
                onReschedule={() => onSchedule(r, s)} onCancel={() => setCancelling(s)} onOutcome={() => setOutcome(s)}
                onReplies={() => setReplies(s)} />
            ))}
            {earlier.length > 0 && <Title order={4} fz="sm">Earlier and cancelled</Title>}
            {earlier.map((s) => (
              <SessionCard key={s.id} s={s} relationshipOpen={open}
                onReschedule={() => onSchedule(r, s)} onCancel={() => setCancelling(s)} onOutcome={() => setOutcome(s)}
                onReplies={() => setReplies(s)} />
            ))}
          </Stack>
        )}
      </section>

      <CancelSessionModal
        session={cancelling}
        onClose={() => setCancelling(null)}
        onCancelled={(s) => {
          setCancelling(null);
          refresh();
          void outbox.refresh();
          const n = s.attendees.length;
          notifications.show({ color: 'teal', title: `“${s.title}” is cancelled`, message: 'Everyone who had the invite gets a notice.' });
          showQueued({ what: `Cancellation notices for up to ${plural(n, 'person', 'people')}`, kind: 'cancellation', autoSend });
        }}
      />
      <OutcomeModal
        session={outcome}
        onClose={() => setOutcome(null)}
        onSaved={(s) => {
          setOutcome(null);
          refresh();
          notifications.show({ color: 'teal', message: `“${s.title}” is marked ${sessionStatusLabels[s.status]?.toLowerCase() ?? s.status}.` });
        }}
      />
      <ImportRepliesModal session={replies} onClose={() => setReplies(null)} onImported={() => setReload((n) => n + 1)} />
    </Stack>
  );
}
