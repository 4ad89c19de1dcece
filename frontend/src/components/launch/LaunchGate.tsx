import { Center, Loader } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { api, type StartProblem } from '../../api';
import { ProblemScreen } from './ProblemScreen';

/**
 * LaunchGate asks first whether Tandem could open its data. When it could, the app renders;
 * when not, only the problem screen does: no other service is bound then, so nothing else may
 * be called. Outside the desktop window (no bindings at all) the app renders as before.
 */
export function LaunchGate({ children }: { children: ReactNode }) {
  const [problem, setProblem] = useState<StartProblem | null | undefined>(undefined);
  useEffect(() => {
    api.launch.problem().then((p) => setProblem(p.kind ? p : null), () => setProblem(null));
  }, []);
  if (problem === undefined) {
    return <Center h="100vh"><Loader aria-label="Opening Tandem" /></Center>;
  }
  return problem ? <ProblemScreen problem={problem} /> : <>{children}</>;
}
