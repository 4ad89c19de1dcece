// The settings (delivery, automatic sending, the SMTP password): the seam over the generated
// settings bindings (see programs.ts). This is the one file that imports that generated module.
import * as SettingsGo from '../../wailsjs/go/app/Settings';
import { app } from '../../wailsjs/go/models';
import { arr } from './arrays';
import { call } from './errors';
import type { Settings } from './types';

function settingsOf(s: Settings): Settings {
  return { ...s, autoSend: arr(s.autoSend) };
}

export const settings = {
  get: (): Promise<Settings> => call(async () => settingsOf(await SettingsGo.Get())),
  save: (s: Settings): Promise<Settings> => call(async () => settingsOf(await SettingsGo.Save(app.AppSettings.createFrom(s)))),
  /** setPassword keeps the SMTP password for the saved username ("" forgets it). */
  setPassword: (password: string): Promise<Settings> => call(async () => settingsOf(await SettingsGo.SetPassword(password))),
  /** sendTestEmail sends a test to the admin's address and returns the server's answer. */
  sendTestEmail: (): Promise<string> => call(() => SettingsGo.SendTestEmail()),
};
