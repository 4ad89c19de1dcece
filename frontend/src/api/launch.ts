// Whether Tandem could open its data: the seam over the generated Launch bindings (see
// programs.ts). The window asks this first; when there is a problem, Launch is the only
// service bound, so nothing else may be called.
import * as LaunchGo from '../../wailsjs/go/app/Launch';
import { call } from './errors';
import type { StartProblem } from './types';

export const launch = {
  problem: (): Promise<StartProblem> => call(async () => (await LaunchGo.Problem()) as StartProblem),
  /** restoreBackup puts the offered backup in place of the damaged file and starts Tandem again. */
  restoreBackup: (): Promise<void> => call(() => LaunchGo.RestoreBackup()),
  /** tryAgain starts Tandem again and closes this window. */
  tryAgain: (): Promise<void> => call(() => LaunchGo.TryAgain()),
  quit: (): Promise<void> => call(() => LaunchGo.Quit()),
};
