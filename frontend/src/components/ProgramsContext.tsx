import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api, toApiError, type Program } from '../api';

interface ProgramsState {
  /** programs is null until the first load finishes. */
  programs: Program[] | null;
  error: string | null;
  loading: boolean;
  /** reload fetches the list again (after a create, an edit, an import …). */
  reload: () => Promise<void>;
}

const Ctx = createContext<ProgramsState | null>(null);

/** ProgramsProvider keeps the list of programs that the navigation and the pages share. */
export function ProgramsProvider({ children }: { children: ReactNode }) {
  const [programs, setPrograms] = useState<Program[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const seq = useRef(0);

  const reload = useCallback(async () => {
    const n = ++seq.current;
    setLoading(true);
    try {
      const list = await api.programs.list();
      if (n === seq.current) {
        setPrograms(list);
        setError(null);
      }
    } catch (e) {
      if (n === seq.current) setError(toApiError(e).message);
    } finally {
      if (n === seq.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const value = useMemo(() => ({ programs, error, loading, reload }), [programs, error, loading, reload]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

/** usePrograms returns the shared list of programs. */
export function usePrograms(): ProgramsState {
  const v = useContext(Ctx);
  if (!v) throw new Error('usePrograms needs a ProgramsProvider');
  return v;
}
