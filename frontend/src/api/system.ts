// The app's state (database, backups) and the sample data: the seam over the generated System
// bindings (see programs.ts).
import * as SystemGo from '../../wailsjs/go/app/System';
import { arr } from './arrays';
import { call } from './errors';
import type { AppState, SampleResult } from './types';

function state(s: AppState): AppState {
  return { ...s, backups: arr(s.backups) };
}

export const system = {
  state: (): Promise<AppState> => call(async () => state(await SystemGo.State())),
  loadSample: (): Promise<SampleResult> => call(() => SystemGo.LoadSample()),
  restoreBackup: (path: string): Promise<AppState> => call(async () => state(await SystemGo.RestoreBackup(path))),
};
