import { Alert, Badge, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { attendeeTimes, type PreviewPerson } from '../../lib/zonedTime';

/**
 * AttendeePreview shows, while the admin types, each attendee's local time for the session,
 * computed in the browser, with an orange warning for anyone outside 08:00–20:00.
 */
export function AttendeePreview({ wall, zone, durationMinutes, people }: {
  /** "2026-12-01T10:00" in zone, or "" while the date or time is incomplete */
  wall: string;
  zone: string;
  durationMinutes: number;
  people: PreviewPerson[];
}) {
  const rows = wall ? attendeeTimes(wall, zone, durationMinutes, people) : null;
  const outside = (rows ?? []).filter((r) => r.outsideHours);

  return (
    <Paper withBorder radius="md" p="sm" aria-live="polite" aria-label="Local times of the attendees" role="group">
      <Text size="sm" fw={600} mb={6}>Local times</Text>
      {!rows ? (
        <Text size="sm">Choose a date, a time and a time zone to see everyone’s local time.</Text>
      ) : (
        <Stack gap="xs">
          <Table verticalSpacing={4} horizontalSpacing="xs" withRowBorders={false}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Who</Table.Th>
                <Table.Th>Their time</Table.Th>
                <Table.Th>Time zone</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={`${r.name}-${r.zone}`}>
                  <Table.Td><Text size="sm">{r.name}</Text></Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" fw={r.outsideHours ? 700 : 400} style={{ whiteSpace: 'nowrap' }}>{r.text}</Text>
                      {r.outsideHours && (
                        <Badge color="orange" variant="light" leftSection={<IconAlertTriangle size={12} aria-hidden="true" />}>
                          Outside 08:00–20:00
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{r.zone}{r.assumedZone ? ' (no zone of their own)' : ''}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {outside.length > 0 && (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title="Outside working hours" p="xs">
              <Text size="sm">
                {outside.map((r) => `for ${r.name} it is ${r.start}–${r.end}`).join('; ').replace(/^f/, 'F')}: outside 08:00–20:00. Is
                another time better?
              </Text>
            </Alert>
          )}
        </Stack>
      )}
    </Paper>
  );
}
