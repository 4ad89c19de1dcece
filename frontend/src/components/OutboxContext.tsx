import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api } from '../api';

interface OutboxState {
  /** counts by status (queued, sent, failed …); null until the first load. */
  counts: Record<string, number> | null;
  /** queued is how many messages wait for the admin. */
  queued: number;
  /** refresh fetches the counts again (after scheduling, cancelling, sending …). */
  refresh: () => Promise<void>;
}

const Ctx = createContext<OutboxState | null>(null);

/**
 * OutboxProvider keeps the outbox's counts that the navigation's badge and the pages share. It
 * refreshes when the window gets the focus back: automatic sending runs in the background.
 */
export function OutboxProvider({ children }: { children: ReactNode }) {
  const [counts, setCounts] = useState<Record<string, number> | null>(null);
  const seq = useRef(0);

  const refresh = useCallback(async () => {
    const n = ++seq.current;
    try {
      const c = await api.outbox.counts();
      if (n === seq.current) setCounts(c);
    } catch {
      // The badge is a hint: the Outbox page shows the error when it cannot load.
    }
  }, []);

  useEffect(() => {
    void refresh();
    const onFocus = () => void refresh();
    const onVisible = () => { if (document.visibilityState === 'visible') void refresh(); };
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh]);

  const value = useMemo(() => ({ counts, queued: counts?.queued ?? 0, refresh }), [counts, refresh]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

const outside: OutboxState = { counts: null, queued: 0, refresh: async () => {} };

/** useOutbox returns the outbox's counts; outside a provider (component tests) it does nothing. */
export function useOutbox(): OutboxState {
  return useContext(Ctx) ?? outside;
}
