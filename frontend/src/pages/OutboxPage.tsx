import { Alert, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconMailForward } from '@tabler/icons-react';
import { EmptyState } from '../components/EmptyState';
import { MessagePreview } from '../components/outbox/MessagePreview';
import { OutboxTable } from '../components/outbox/OutboxTable';
import { OutboxToolbar } from '../components/outbox/OutboxToolbar';
import { SendConfirm } from '../components/outbox/SendConfirm';
import { SendingProgress } from '../components/outbox/SendingProgress';
import { useOutboxPage } from '../components/outbox/useOutboxPage';
import { PageHeader } from '../components/PageHeader';
import { messageStatusLabels } from '../lib/words/sessions';

/** OutboxPage holds every email until the admin sends it: review, preview, send, cancel, retry. */
export function OutboxPage() {
  const o = useOutboxPage();
  const { view, messages, list, error, settings, sending } = o;
  const p = sending.progress;

  return (
    <>
      <PageHeader
        title="Outbox"
        subtitle="Every email Tandem writes waits here. Nothing leaves until you send it, unless you turned on automatic sending in Settings."
      />
      <Stack gap="md">
        {p && (p.running || (p.total > 0 && !o.runDismissed)) && <SendingProgress p={p} onDismiss={() => o.setRunDismissed(true)} />}

        <OutboxToolbar o={o} />

        {error && <Alert color="red" title="The outbox could not be loaded">{error}</Alert>}
        {!messages && !error && (
          <Stack gap="xs" role="status" aria-busy="true" aria-label="Loading the outbox">
            {Array.from({ length: 6 }, (_, i) => <Skeleton key={i} h={40} />)}
          </Stack>
        )}

        {messages && list.length === 0 && (
          view === 'queued' || (view === 'all' && o.total === 0) ? (
            <EmptyState icon={<IconMailForward size={26} />} title="Nothing waiting">
              Emails appear here when you schedule sessions; nothing leaves until you send it.
            </EmptyState>
          ) : (
            <Paper withBorder radius="md" p="lg">
              <Text>No {messageStatusLabels[view]?.toLowerCase() ?? ''} emails.</Text>
            </Paper>
          )
        )}

        {messages && <OutboxTable o={o} />}
      </Stack>

      <MessagePreview id={o.previewId} settings={settings} onClose={() => o.setPreviewId(null)} />
      <SendConfirm
        request={o.confirm}
        settings={settings}
        starting={sending.starting}
        onClose={() => o.setConfirm(null)}
        onSend={o.send}
      />
    </>
  );
}
