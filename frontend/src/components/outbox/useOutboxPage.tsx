import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { api, toApiError, type MessageStatus, type OutboxMessage, type Settings } from '../../api';
import { plural } from '../../lib/format';
import { useOutbox } from '../OutboxContext';
import { useSending } from './useSending';

/** View is what the outbox shows: the messages of one status, or all. */
export type View = MessageStatus | 'all';

export const views: { value: View; label: string }[] = [
  { value: 'queued', label: 'Queued' },
  { value: 'held', label: 'Held' },
  { value: 'failed', label: 'Failed' },
  { value: 'sent', label: 'Sent' },
  { value: 'cancelled', label: 'Cancelled' },
  { value: 'all', label: 'All' },
];

/** PAGE is how many messages a page of the table shows. */
export const PAGE = 100;

/** OutboxState is the outbox page's state and what its parts can do with it. */
export type OutboxState = ReturnType<typeof useOutboxPage>;

/**
 * useOutboxPage loads the messages of a view and follows a sending run; it holds the selection
 * and sends, cancels or queues again the selected messages.
 */
export function useOutboxPage() {
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

  // While a run goes, the table follows it too: once more for every message done. (load changes
  // only with the view, and loading sets no state this effect reads, so this cannot loop.)
  const done = sending.progress?.done ?? 0;
  const running = sending.running;
  useEffect(() => {
    if (running) void load();
  }, [done, running, load]);

  const p = sending.progress;
  useEffect(() => { if (p?.running) setRunDismissed(false); }, [p?.running]);

  const changeView = (v: View) => {
    setView(v);
    setSelected(new Set());
    setPage(1);
  };

  const list = messages ?? [];
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const countOf = (v: View) => (v === 'all' ? total : counts[v] ?? 0);

  const chosen = list.filter((m) => selected.has(m.id));
  const chosenQueued = chosen.filter((m) => m.status === 'queued');
  const chosenCancellable = chosen.filter((m) => m.status === 'queued' || m.status === 'failed' || m.status === 'held');
  const chosenRetry = chosen.filter((m) => m.status === 'failed' || m.status === 'held');
  const queued = counts.queued ?? 0;

  const toggle = (id: number, on: boolean) =>
    setSelected((s) => {
      const n = new Set(s);
      if (on) n.add(id);
      else n.delete(id);
      return n;
    });

  const selectAll = (on: boolean) => setSelected(on ? new Set(list.map((m) => m.id)) : new Set());

  const askSend = async (ids: number[], count: number) => {
    try {
      setSettings(await api.settings.get());
    } catch {
      // Confirm with what is known.
    }
    setConfirm({ ids, count });
  };

  const send = async (ids: number[]) => {
    const r = await sending.send(ids, settings?.delivery === 'drafts');
    if (r.ok) {
      setConfirm(null);
      setSelected(new Set());
    }
    return r;
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

  return {
    view, changeView, messages, list, counts, total, countOf, error, loading, selected, toggle, selectAll, page, setPage,
    previewId, setPreviewId, settings, runDismissed, setRunDismissed, confirm, setConfirm, busy, sending,
    blocked: sending.running || sending.starting, chosenQueued, chosenCancellable, chosenRetry, queued,
    refreshAll, askSend, send, cancelSelected, retrySelected,
  };
}
