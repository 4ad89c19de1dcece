import { CloseButton, Group, Paper, Progress, Text } from '@mantine/core';
import type { SendProgress } from '../../api';
import { formatNumber } from '../../lib/format';

/** SendingProgress follows a sending run, and sums up the last one until it is put away. */
export function SendingProgress({ p, onDismiss }: { p: SendProgress; onDismiss: () => void }) {
  return (
    <Paper withBorder radius="md" p="md" role="status" aria-live="polite">
      <Group justify="space-between" mb={6} wrap="nowrap">
        <Text size="sm" fw={600}>
          {p.running ? `Sending ${formatNumber(Math.min(p.done + 1, p.total))} of ${formatNumber(p.total)}…` : `Last run: ${formatNumber(p.done)} of ${formatNumber(p.total)} done`}
        </Text>
        <Group gap="xs" wrap="nowrap">
          <Text size="sm">{p.sent} sent · {p.failed} failed</Text>
          {!p.running && <CloseButton size="sm" aria-label="Hide the last run's summary" onClick={onDismiss} />}
        </Group>
      </Group>
      <Progress
        value={p.total ? (p.done / p.total) * 100 : 0}
        animated={p.running}
        color={p.failed > 0 ? 'orange' : undefined}
        aria-label="Sending progress"
      />
      {p.running && <Text size="xs" mt={6}>You can keep working: sending goes on in the background, within the rate limit.</Text>}
      {!p.running && p.failed > 0 && p.message && <Text size="sm" mt={6}>Last error: {p.message}</Text>}
    </Paper>
  );
}
