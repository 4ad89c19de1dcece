import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, toApiError, type SendProgress } from '../../api';
import { plural } from '../../lib/format';

/** POLL_MS is how often the progress of a sending run is read. */
export const POLL_MS = 700;

/** resultMessage says how a sending run ended: "Sent 4. 1 failed: 550 mailbox unavailable". */
export function resultMessage(p: SendProgress, drafts: boolean): string {
  const sent = drafts ? `${plural(p.sent, 'draft')} saved` : `Sent ${p.sent}`;
  if (p.failed === 0) return `${sent}.`;
  return `${sent}. ${p.failed} failed${p.message ? `: ${p.message}` : ''}.`;
}

/**
 * useSending starts a sending run and follows it: Go sends in the background and reports its
 * progress, which is read every POLL_MS until the run ends. A run already going (automatic
 * sending, or one started before the page was left) is picked up too.
 */
export function useSending(onFinished: () => void) {
  const [progress, setProgress] = useState<SendProgress | null>(null);
  const [starting, setStarting] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const alive = useRef(true);
  const finished = useRef(onFinished);
  finished.current = onFinished;

  const stop = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };

  const follow = useCallback((drafts: boolean, announce: boolean) => {
    stop();
    const tick = async () => {
      try {
        const p = await api.outbox.progress();
        if (!alive.current) return;
        setProgress(p);
        if (p.running) {
          timer.current = setTimeout(tick, POLL_MS);
          return;
        }
        if (announce) report(p, drafts);
        finished.current();
      } catch (e) {
        if (!alive.current) return;
        notifications.show({ color: 'red', title: 'Progress unknown', message: toApiError(e).message });
        finished.current();
      }
    };
    timer.current = setTimeout(tick, POLL_MS);
  }, []);

  useEffect(() => {
    alive.current = true;
    // Pick up a run that is already going.
    api.outbox.progress().then((p) => {
      if (!alive.current || !p.running) return;
      setProgress(p);
      follow(false, true);
    }, () => {});
    return () => {
      alive.current = false;
      stop();
    };
  }, [follow]);

  /** send starts sending ids (every queued message when empty); false when Go refused to start. */
  const send = useCallback(async (ids: number[], drafts: boolean): Promise<{ ok: boolean; field?: string; message?: string }> => {
    setStarting(true);
    try {
      const p = await api.outbox.send(ids);
      if (!alive.current) return { ok: true };
      setProgress(p);
      if (p.running) follow(drafts, true);
      else {
        report(p, drafts);
        finished.current();
      }
      return { ok: true };
    } catch (e) {
      const a = toApiError(e);
      return { ok: false, field: a.field, message: a.message };
    } finally {
      if (alive.current) setStarting(false);
    }
  }, [follow]);

  return { progress, running: !!progress?.running, starting, send };
}

function report(p: SendProgress, drafts: boolean) {
  notifications.show({
    color: p.failed > 0 ? (p.sent > 0 ? 'orange' : 'red') : 'teal',
    title: p.failed > 0 ? (p.sent > 0 ? 'Some emails did not leave' : 'Nothing was sent') : drafts ? 'Drafts saved' : 'Sent',
    message: resultMessage(p, drafts),
    autoClose: p.failed > 0 ? false : 8000,
  });
}
