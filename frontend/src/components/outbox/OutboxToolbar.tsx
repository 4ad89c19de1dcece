import { Button, Group, SegmentedControl, Text } from '@mantine/core';
import { IconMailForward, IconRefresh, IconSend, IconX } from '@tabler/icons-react';
import { formatNumber, plural } from '../../lib/format';
import { views, type OutboxState, type View } from './useOutboxPage';

/** OutboxToolbar chooses the view and acts on the selection: send, send all, cancel, retry. */
export function OutboxToolbar({ o }: { o: OutboxState }) {
  const { view, chosenQueued, chosenCancellable, chosenRetry, queued, busy, blocked } = o;
  return (
    <>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <SegmentedControl
          aria-label="Show emails"
          value={view}
          onChange={(v) => o.changeView(v as View)}
          data={views.map((v) => ({ value: v.value, label: `${v.label} (${formatNumber(o.countOf(v.value))})` }))}
        />
        <Button variant="subtle" leftSection={<IconRefresh size={16} />} onClick={o.refreshAll} loading={o.loading && !!o.messages}>
          Refresh
        </Button>
      </Group>

      <Group gap="sm" wrap="wrap">
        <Button
          leftSection={<IconSend size={16} />}
          disabled={chosenQueued.length === 0 || blocked}
          onClick={() => void o.askSend(chosenQueued.map((m) => m.id), chosenQueued.length)}
        >
          Send selected{chosenQueued.length ? ` (${chosenQueued.length})` : ''}
        </Button>
        <Button
          variant="light"
          leftSection={<IconMailForward size={16} />}
          disabled={queued === 0 || blocked}
          onClick={() => void o.askSend([], queued)}
        >
          Send all queued ({formatNumber(queued)})
        </Button>
        <Button variant="default" color="red" leftSection={<IconX size={16} />} disabled={chosenCancellable.length === 0 || busy !== '' || blocked}
          loading={busy === 'cancel'} onClick={o.cancelSelected}>
          Cancel selected{chosenCancellable.length ? ` (${chosenCancellable.length})` : ''}
        </Button>
        {(view === 'failed' || view === 'held' || view === 'all') && (
          <Button variant="default" leftSection={<IconRefresh size={16} />} disabled={chosenRetry.length === 0 || busy !== '' || blocked}
            loading={busy === 'retry'} onClick={o.retrySelected}>
            Retry selected{chosenRetry.length ? ` (${chosenRetry.length})` : ''}
          </Button>
        )}
        {o.selected.size > 0 && <Text size="sm">{plural(o.selected.size, 'email')} selected</Text>}
      </Group>
    </>
  );
}
