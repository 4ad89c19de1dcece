import { Alert, Anchor, Badge, Button, Group, Menu, Paper, Stack, Table, Text, Title } from '@mantine/core';
import {
  IconAlertTriangle, IconCalendarPlus, IconCalendarX, IconChecklist, IconChevronDown, IconClock, IconDeviceFloppy, IconDownload,
  IconFileImport,
} from '@tabler/icons-react';
import { api, openExternal, type Session } from '../../api';
import { formatDate, plural } from '../../lib/format';
import { partStatColors, partStatLabels, sessionStatusColors, sessionStatusLabels } from '../../lib/words/sessions';
import { browserZone, formatInstant, localTime } from '../../lib/zonedTime';
import { canSaveAs, exportCalendar } from './calendarExport';

/** SessionCard shows a session: when (in the admin's zone and the planned one), where, who replied, the agenda and the outcome. */
export function SessionCard({ s, relationshipOpen, onReschedule, onCancel, onOutcome, onReplies }: {
  s: Session;
  relationshipOpen: boolean;
  onReschedule: () => void;
  onCancel: () => void;
  onOutcome: () => void;
  onReplies: () => void;
}) {
  const start = new Date(s.startsAt);
  const mine = localTime(start, s.durationMinutes, browserZone());
  const planned = s.timeZone && s.timeZone !== browserZone() ? localTime(start, s.durationMinutes, s.timeZone) : null;
  const scheduled = s.status === 'scheduled';
  const past = start.getTime() < Date.now();
  const headingId = `session-${s.id}`;
  const ratingWords = ['', 'Poor', 'Fair', 'Good', 'Great'];

  return (
    <Paper withBorder radius="md" p="md" component="article" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Group gap="xs">
              <Title order={5} fz="md" id={headingId}>{s.title}</Title>
              <Badge color={sessionStatusColors[s.status] ?? 'gray'}>{sessionStatusLabels[s.status] ?? s.status}</Badge>
              {s.sequence > 0 && scheduled && <Badge color="gray" variant="outline">Updated {plural(s.sequence, 'time')}</Badge>}
            </Group>
            <Group gap={6} mt={4}>
              <IconClock size={16} aria-hidden="true" />
              <Text size="sm" fw={600} td={s.status === 'cancelled' ? 'line-through' : undefined}>
                {formatInstant(s.startsAt)}–{mine.end}
              </Text>
              <Text size="sm">your time · {s.durationMinutes} min</Text>
            </Group>
            {planned && <Text size="xs">Planned in {s.timeZone}: {planned.text}</Text>}
          </div>
          <SessionActions s={s} past={past} relationshipOpen={relationshipOpen} onReschedule={onReschedule}
            onCancel={onCancel} onOutcome={onOutcome} onReplies={onReplies} />
        </Group>

        {(s.location || s.videoUrl) && (
          <Group gap="lg">
            {s.location && <Text size="sm"><Text span fw={600}>Where:</Text> {s.location}</Text>}
            {s.videoUrl && (
              <Text size="sm">
                <Text span fw={600}>Video:</Text>{' '}
                <Anchor href={s.videoUrl} onClick={(e) => { e.preventDefault(); openExternal(s.videoUrl); }}>{s.videoUrl}</Anchor>
              </Text>
            )}
          </Group>
        )}

        {scheduled && s.warnings.length > 0 && (
          <Alert color="orange" variant="light" p="xs" icon={<IconAlertTriangle size={18} />}>
            <Text size="sm">{s.warnings.join('. ')}.</Text>
          </Alert>
        )}

        <Table verticalSpacing={4} aria-label={`Attendees of ${s.title}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Attendee</Table.Th>
              <Table.Th>Their time</Table.Th>
              <Table.Th>Reply</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {s.attendees.map((a) => (
              <Table.Tr key={a.personId}>
                <Table.Td><Text size="sm">{a.name}</Text></Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm">{a.localTime || '—'}</Text>
                    {a.outsideHours && scheduled && <Badge color="orange" size="sm">Outside 08:00–20:00</Badge>}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    {/* A cancelled session asks no one to act: only the answers given stay worth showing. */}
                    {!scheduled && a.partStat === 'NEEDS-ACTION' ? <Text size="sm">—</Text> : (
                      <Badge color={partStatColors[a.partStat] ?? 'gray'} variant={a.partStat === 'NEEDS-ACTION' ? 'outline' : 'light'}>
                        {partStatLabels[a.partStat] ?? a.partStat}
                      </Badge>
                    )}
                    {a.respondedAt && <Text size="xs">{formatDate(a.respondedAt)}</Text>}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>

        {s.agenda && (
          <div>
            <Text size="sm" fw={600}>Agenda</Text>
            <Text size="sm" lineClamp={2} style={{ whiteSpace: 'pre-wrap' }}>{s.agenda}</Text>
            {s.agenda.split('\n').length > 2 && (
              <details>
                <Text component="summary" size="sm" c="var(--mantine-color-anchor)" style={{ cursor: 'pointer' }}>Show the whole agenda</Text>
                <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>{s.agenda}</Text>
              </details>
            )}
          </div>
        )}
        {(s.status === 'held' || s.status === 'no_show') && (s.notes || s.rating > 0) && (
          <div>
            <Text size="sm" fw={600}>Outcome</Text>
            {s.rating > 0 && <Text size="sm">Rating: {s.rating} of 4 ({ratingWords[s.rating]})</Text>}
            {s.notes && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{s.notes}</Text>}
          </div>
        )}
      </Stack>
    </Paper>
  );
}

/** SessionActions are a session's outcome button and its menu: reschedule, cancel, import replies, export. */
function SessionActions({ s, past, relationshipOpen, onReschedule, onCancel, onOutcome, onReplies }: {
  s: Session;
  past: boolean;
  relationshipOpen: boolean;
  onReschedule: () => void;
  onCancel: () => void;
  onOutcome: () => void;
  onReplies: () => void;
}) {
  const cancelled = s.status === 'cancelled';
  const exportIcs = (mode: 'download' | 'save') => exportCalendar(() => api.sessions.exportSession(s.id), s.title, mode);
  return (
    <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
      {!cancelled && (
        <Button size="compact-sm" variant="light" leftSection={<IconChecklist size={14} />} onClick={onOutcome}>
          {s.status === 'scheduled' ? (past ? 'Mark held / no-show' : 'Record outcome') : 'Edit outcome'}
        </Button>
      )}
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button size="compact-sm" variant="default" rightSection={<IconChevronDown size={14} />} aria-label={`More actions for ${s.title}`}>
            More
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {!cancelled && (
            <Menu.Item leftSection={<IconCalendarPlus size={16} />} onClick={onReschedule} disabled={!relationshipOpen}>
              Reschedule
            </Menu.Item>
          )}
          {!cancelled && (
            <Menu.Item leftSection={<IconCalendarX size={16} />} color="red" onClick={onCancel}>Cancel session</Menu.Item>
          )}
          {!cancelled && <Menu.Item leftSection={<IconFileImport size={16} />} onClick={onReplies}>Import replies</Menu.Item>}
          <Menu.Item leftSection={<IconDownload size={16} />} onClick={() => void exportIcs('download')}>Export .ics</Menu.Item>
          {canSaveAs() && <Menu.Item leftSection={<IconDeviceFloppy size={16} />} onClick={() => void exportIcs('save')}>Save .ics as…</Menu.Item>}
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
