import {
  ActionIcon, Alert, Anchor, Badge, Button, Checkbox, CloseButton, Group, Modal, Pagination, Paper, Progress, SegmentedControl, Skeleton, Stack, Table,
  Text, Tooltip,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconEye, IconMailForward, IconRefresh, IconSend, IconX } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { api, toApiError, type MessageStatus, type OutboxMessage, type Settings } from '../api';
import { EmptyState } from '../components/EmptyState';
import { MessagePreview } from '../components/outbox/MessagePreview';
import { useSending } from '../components/outbox/useSending';
import { useOutbox } from '../components/OutboxContext';
import { PageHeader } from '../components/PageHeader';
import { formatNumber, plural } from '../lib/format';
import { href } from '../lib/router';
import { kindLabel, messageKindColors, messageStatusColors, messageStatusLabels } from '../lib/words/sessions';
import { formatInstant, formatShortInstant } from '../lib/zonedTime';

type View = MessageStatus | 'all';

const views: { value: View; label: string }[] = [
  { value: 'queued', label: 'Queued' },
  { value: 'held', label: 'Held' },
  { value: 'failed', label: 'Failed' },
  { value: 'sent', label: 'Sent' },
  { value: 'cancelled', label: 'Cancelled' },
  { value: 'all', label: 'All' },
];

const PAGE = 100;

/** OutboxPage holds every email until the admin sends it: review, preview, send, cancel, retry. */
export function OutboxPage() {
  const [view, setView] = useState<View>('queued');
  const [messages, setMessages] = useState<OutboxMessage[] | null>(null);
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [page, setPage] = useState(1);
  const [previewId, setPreviewId] = useState<number | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  // The summary of a finished run can be put away; the next run shows it again.
  const [runDismissed, setRunDismissed] = useState(false);
  const [confirm, setConfirm] = useState<{ ids: number[]; count: number } | null>(null);
  const [busy, setBusy] = useState<'' | 'cancel' | 'retry'>('');
  const outbox = useOutbox();

  const load = useCallback(async (v: View = view) => {
    setLoading(true);
    try {
      const p = await api.outbox.list(v === 'all' ? '' : v);
      setMessages(p.messages);
      setCounts(p.counts);
      setError(null);
      const ids = new Set(p.messages.map((m) => m.id));
      setSelected((s) => new Set([...s].filter((id) => ids.has(id))));
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setLoading(false);
    }
  }, [view]);

  const refreshAll = useCallback(() => {
    void load();
    void outbox.refresh();
  }, [load, outbox]);

  const sending = useSending(refreshAll);

  useEffect(() => { void load(view); }, [load, view]);

  useEffect(() => {
    api.settings.get().then(setSettings, () => {});
    const onFocus = () => { void load(); api.settings.get().then(setSettings, () => {}); };
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [load]);

  // While a run goes, the table follows it too.
  const done = sending.progress?.done ?? 0;
  useEffect(() => {
    if (sending.running) void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [done]);

  const changeView = (v: View) => {
    setView(v);
    setSelected(new Set());
    setPage(1);
  };

  const list = messages ?? [];
  const pages = Math.max(1, Math.ceil(list.length / PAGE));
  const shown = list.slice((page - 1) * PAGE, page * PAGE);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const countOf = (v: View) => (v === 'all' ? total : counts[v] ?? 0);

  const chosen = list.filter((m) => selected.has(m.id));
  const chosenQueued = chosen.filter((m) => m.status === 'queued');
  const chosenCancellable = chosen.filter((m) => m.status === 'queued' || m.status === 'failed' || m.status === 'held');
  const chosenRetry = chosen.filter((m) => m.status === 'failed' || m.status === 'held');
  const queued = counts.queued ?? 0;
  const allChecked = list.length > 0 && list.every((m) => selected.has(m.id));
  const someChecked = !allChecked && list.some((m) => selected.has(m.id));

  const toggle = (id: number, on: boolean) =>
    setSelected((s) => {
      const n = new Set(s);
      if (on) n.add(id);
      else n.delete(id);
      return n;
    });

  const askSend = async (ids: number[], count: number) => {
    try {
      setSettings(await api.settings.get());
    } catch {
      // Confirm with what is known.
    }
    setConfirm({ ids, count });
  };

  const cancelSelected = () => {
    const ids = chosenCancellable.map((m) => m.id);
    modals.openConfirmModal({
      title: `Cancel ${plural(ids.length, 'email')}?`,
      children: <Text size="sm">They will not be sent. You can put them back in the queue later from the Cancelled view.</Text>,
      labels: { confirm: `Cancel ${plural(ids.length, 'email')}`, cancel: 'Keep them' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        setBusy('cancel');
        try {
          const n = await api.outbox.cancel(ids);
          notifications.show({ color: 'teal', message: `${plural(n, 'email')} cancelled: ${n === 1 ? 'it' : 'they'} will not be sent.` });
          setSelected(new Set());
          refreshAll();
        } catch (e) {
          notifications.show({ color: 'red', title: 'Not cancelled', message: toApiError(e).message });
        } finally {
          setBusy('');
        }
      },
    });
  };

  const retry = async (ids: number[]) => {
    setBusy('retry');
    try {
      const n = await api.outbox.requeue(ids);
      notifications.show({ color: 'teal', message: `${plural(n, 'email')} back in the queue. Send ${n === 1 ? 'it' : 'them'} when you are ready.` });
      setSelected(new Set());
      refreshAll();
    } catch (e) {
      notifications.show({ color: 'red', title: 'Not queued again', message: toApiError(e).message });
    } finally {
      setBusy('');
    }
  };

  const retrySelected = () => {
    const ids = chosenRetry.map((m) => m.id);
    const held = chosenRetry.filter((m) => m.status === 'held').length;
    if (held === 0) {
      void retry(ids);
      return;
    }
    modals.openConfirmModal({
      title: `Queue ${plural(ids.length, 'email')} again?`,
      children: (
        <Text size="sm">
          {plural(held, 'held email')} may have been sent already: Tandem stopped while {held === 1 ? 'it was' : 'they were'} leaving.
          Check your sent mail first, so nobody gets the same email twice.
        </Text>
      ),
      labels: { confirm: 'Queue again', cancel: 'Not now' },
      onConfirm: () => void retry(ids),
    });
  };

  const p = sending.progress;
  useEffect(() => { if (p?.running) setRunDismissed(false); }, [p?.running]);
  const blocked = sending.running || sending.starting;

  return (
    <>
      <PageHeader
        title="Outbox"
        subtitle="Every email Tandem writes waits here. Nothing leaves until you send it, unless you turned on automatic sending in Settings."
      />
      <Stack gap="md">
        {p && (p.running || (p.total > 0 && !runDismissed)) && (
          <Paper withBorder radius="md" p="md" role="status" aria-live="polite">
            <Group justify="space-between" mb={6} wrap="nowrap">
              <Text size="sm" fw={600}>
                {p.running ? `Sending ${formatNumber(Math.min(p.done + 1, p.total))} of ${formatNumber(p.total)}…` : `Last run: ${formatNumber(p.done)} of ${formatNumber(p.total)} done`}
              </Text>
              <Group gap="xs" wrap="nowrap">
                <Text size="sm">{p.sent} sent · {p.failed} failed</Text>
                {!p.running && <CloseButton size="sm" aria-label="Hide the last run's summary" onClick={() => setRunDismissed(true)} />}
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
        )}

        <Group justify="space-between" wrap="wrap" gap="sm">
          <SegmentedControl
            aria-label="Show emails"
            value={view}
            onChange={(v) => changeView(v as View)}
            data={views.map((v) => ({ value: v.value, label: `${v.label} (${formatNumber(countOf(v.value))})` }))}
          />
          <Button variant="subtle" leftSection={<IconRefresh size={16} />} onClick={refreshAll} loading={loading && !!messages}>
            Refresh
          </Button>
        </Group>

        <Group gap="sm" wrap="wrap">
          <Button
            leftSection={<IconSend size={16} />}
            disabled={chosenQueued.length === 0 || blocked}
            onClick={() => void askSend(chosenQueued.map((m) => m.id), chosenQueued.length)}
          >
            Send selected{chosenQueued.length ? ` (${chosenQueued.length})` : ''}
          </Button>
          <Button
            variant="light"
            leftSection={<IconMailForward size={16} />}
            disabled={queued === 0 || blocked}
            onClick={() => void askSend([], queued)}
          >
            Send all queued ({formatNumber(queued)})
          </Button>
          <Button variant="default" color="red" leftSection={<IconX size={16} />} disabled={chosenCancellable.length === 0 || busy !== '' || blocked}
            loading={busy === 'cancel'} onClick={cancelSelected}>
            Cancel selected{chosenCancellable.length ? ` (${chosenCancellable.length})` : ''}
          </Button>
          {(view === 'failed' || view === 'held' || view === 'all') && (
            <Button variant="default" leftSection={<IconRefresh size={16} />} disabled={chosenRetry.length === 0 || busy !== '' || blocked}
              loading={busy === 'retry'} onClick={retrySelected}>
              Retry selected{chosenRetry.length ? ` (${chosenRetry.length})` : ''}
            </Button>
          )}
          {selected.size > 0 && <Text size="sm">{plural(selected.size, 'email')} selected</Text>}
        </Group>

        {error && <Alert color="red" title="The outbox could not be loaded">{error}</Alert>}
        {!messages && !error && (
          <Stack gap="xs" role="status" aria-busy="true" aria-label="Loading the outbox">
            {Array.from({ length: 6 }, (_, i) => <Skeleton key={i} h={40} />)}
          </Stack>
        )}

        {messages && list.length === 0 && (
          view === 'queued' || (view === 'all' && total === 0) ? (
            <EmptyState icon={<IconMailForward size={26} />} title="Nothing waiting">
              Emails appear here when you schedule sessions; nothing leaves until you send it.
            </EmptyState>
          ) : (
            <Paper withBorder radius="md" p="lg">
              <Text>No {messageStatusLabels[view]?.toLowerCase() ?? ''} emails.</Text>
            </Paper>
          )
        )}

        {messages && list.length > 0 && (
          <Table.ScrollContainer minWidth={1000}>
            <Table verticalSpacing="xs" highlightOnHover aria-label={`${views.find((v) => v.value === view)?.label} emails`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={44}>
                    <Checkbox
                      aria-label={allChecked ? 'Clear the selection' : `Select all ${list.length} emails`}
                      checked={allChecked}
                      indeterminate={someChecked}
                      onChange={(e) => setSelected(e.currentTarget.checked ? new Set(list.map((m) => m.id)) : new Set())}
                    />
                  </Table.Th>
                  <Table.Th miw={180}>Recipient</Table.Th>
                  <Table.Th miw={240}>Subject</Table.Th>
                  <Table.Th miw={150}>Kind</Table.Th>
                  <Table.Th miw={110}>Queued</Table.Th>
                  <Table.Th miw={110}>Status</Table.Th>
                  <Table.Th>Details</Table.Th>
                  <Table.Th w={72}>Preview</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((m) => (
                  <Table.Tr key={m.id} bg={selected.has(m.id) ? 'var(--mantine-primary-color-light)' : undefined}>
                    <Table.Td>
                      <Checkbox
                        aria-label={`Select the email to ${m.toName || m.toEmail}: ${m.subject}`}
                        checked={selected.has(m.id)}
                        onChange={(e) => toggle(m.id, e.currentTarget.checked)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600}>{m.toName || m.toEmail}</Text>
                      {m.toName && <Text size="xs">{m.toEmail}</Text>}
                    </Table.Td>
                    <Table.Td maw={360}><Text size="sm" lineClamp={2} title={m.subject}>{m.subject}</Text></Table.Td>
                    <Table.Td><Badge color={messageKindColors[m.kind] ?? 'gray'} style={{ flexShrink: 0 }}>{kindLabel(m.kind)}</Badge></Table.Td>
                    <Table.Td><Text size="sm" style={{ whiteSpace: 'nowrap' }} title={formatInstant(m.createdAt)}>{formatShortInstant(m.createdAt)}</Text></Table.Td>
                    <Table.Td>
                      <Badge color={messageStatusColors[m.status] ?? 'gray'} variant="outline" style={{ flexShrink: 0 }}>
                        {messageStatusLabels[m.status] ?? m.status}
                      </Badge>
                    </Table.Td>
                    <Table.Td maw={300}><Details m={m} /></Table.Td>
                    <Table.Td>
                      <Tooltip label="Preview" withArrow>
                        <ActionIcon variant="subtle" size="lg" onClick={() => setPreviewId(m.id)}
                          aria-label={`Preview the email to ${m.toName || m.toEmail}`}>
                          <IconEye size={18} />
                        </ActionIcon>
                      </Tooltip>
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
              value={page}
              onChange={setPage}
              getControlProps={(c) => ({ 'aria-label': { first: 'First page', previous: 'Previous page', next: 'Next page', last: 'Last page' }[c] })}
              getItemProps={(n) => ({ 'aria-label': `Page ${n}` })}
              withEdges
            />
          </Group>
        )}
      </Stack>

      <MessagePreview id={previewId} settings={settings} onClose={() => setPreviewId(null)} />
      <SendConfirm
        request={confirm}
        settings={settings}
        starting={sending.starting}
        onClose={() => setConfirm(null)}
        onSend={async (ids) => {
          const r = await sending.send(ids, settings?.delivery === 'drafts');
          if (r.ok) {
            setConfirm(null);
            setSelected(new Set());
          }
          return r;
        }}
      />
    </>
  );
}

function Details({ m }: { m: OutboxMessage }) {
  switch (m.status) {
    case 'held':
      return <Text size="sm" fw={600}>May have been sent — check your sent mail.</Text>;
    case 'failed':
      return <Text size="sm" lineClamp={3} title={m.lastError}>{m.lastError || 'Not sent'}{m.smtpCode ? ` (${m.smtpCode})` : ''}</Text>;
    case 'queued':
      return m.lastError ? <Text size="sm" lineClamp={2} title={m.lastError}>Last try: {m.lastError}</Text> : null;
    case 'sent':
      return <Text size="sm" title={formatInstant(m.sentAt)}>{m.deliveredVia === 'draft' ? 'Saved as a draft' : 'Sent'} <span style={{ whiteSpace: 'nowrap' }}>{formatShortInstant(m.sentAt)}</span></Text>;
    default:
      return null;
  }
}

/** deliveryInWords says how the emails leave, for the confirmation. */
function deliveryInWords(s: Settings | null): { text: string; problem?: string } {
  if (!s) return { text: 'with the delivery method in Settings' };
  if (s.delivery === 'drafts') {
    if (!s.draftsDir) return { text: 'as drafts', problem: 'Choose the folder for drafts in Settings first.' };
    return { text: `as drafts (.eml files) in ${s.draftsDir}, for your mail client to send` };
  }
  if (!s.smtpHost) return { text: 'through an SMTP server', problem: 'Set the SMTP server in Settings first.' };
  return { text: `through the SMTP server ${s.smtpHost}:${s.smtpPort}, from ${s.adminEmail || '(no address)'}, at most ${s.perMinute} a minute` };
}

function SendConfirm({ request, settings, starting, onClose, onSend }: {
  request: { ids: number[]; count: number } | null;
  settings: Settings | null;
  starting: boolean;
  onClose: () => void;
  onSend: (ids: number[]) => Promise<{ ok: boolean; field?: string; message?: string }>;
}) {
  const [error, setError] = useState<{ message: string; settings: boolean } | null>(null);
  useEffect(() => setError(null), [request]);
  const drafts = settings?.delivery === 'drafts';
  const how = deliveryInWords(settings);
  const n = request?.count ?? 0;
  const verb = drafts ? `Save ${plural(n, 'draft')}` : `Send ${plural(n, 'email')}`;
  const minutes = !drafts && settings ? Math.ceil(n / Math.max(1, settings.perMinute)) : 0;

  const go = async () => {
    if (!request) return;
    const r = await onSend(request.ids);
    if (!r.ok) setError({ message: r.message ?? 'Not sent', settings: !!r.field });
  };

  const problem = how.problem;
  return (
    <Modal opened={!!request} onClose={onClose} title={`${verb}?`}>
      <Stack gap="md">
        <Text size="sm">
          {request?.ids.length === 0 ? `Every queued email (${formatNumber(n)})` : `The ${plural(n, 'selected email')}`} will leave {how.text}.
          {minutes > 1 && ` This takes about ${minutes} minutes.`}
        </Text>
        {drafts && <Text size="sm">Drafts are marked sent in Tandem once saved: open them in your mail client and send them from there.</Text>}
        {(problem || error) && (
          <Alert color="red" title="Cannot send yet">
            {error?.message ?? problem}{' '}
            {(problem || error?.settings) && <Anchor href={href({ name: 'settings' })} onClick={onClose}>Open Settings</Anchor>}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={starting}>Cancel</Button>
          <Button onClick={go} loading={starting} disabled={!!problem} leftSection={<IconSend size={16} />}>{verb}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
