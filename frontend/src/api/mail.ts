// The outbox, the settings (delivery, automatic sending, the SMTP password) and the message
// templates: the seam over the generated bindings (see services.ts). Every function rejects
// with ApiError; Go's nil slices and maps become empty ones.
import * as OutboxGo from '../../wailsjs/go/app/Outbox';
import * as SettingsGo from '../../wailsjs/go/app/SettingsService';
import * as TemplatesGo from '../../wailsjs/go/app/Templates';
import { app } from '../../wailsjs/go/models';
import { call } from './errors';
import type { MessageStatus, MessageTemplate, OutboxMessage, OutboxPage, SendProgress, Settings, TemplatePreview } from './types';

const arr = <T>(a: T[] | null | undefined): T[] => (Array.isArray(a) ? a : []);

function settingsOf(s: Settings): Settings {
  return { ...s, autoSend: arr(s.autoSend) };
}

export const outbox = {
  /** list returns the messages of one status ('' for all) and the counts of every status. */
  list: (status: MessageStatus | ''): Promise<OutboxPage> =>
    call(async () => {
      const p = await OutboxGo.List(status);
      return { messages: arr(p.messages), counts: { ...(p.counts ?? {}) } };
    }),
  /**
   * counts returns how many messages each status holds. Go has no count-only call: this asks
   * for the 'sending' messages (at most the one in flight) to get the counts without the bodies.
   */
  counts: (): Promise<Record<string, number>> =>
    call(async () => ({ ...((await OutboxGo.List('sending')).counts ?? {}) })),
  get: (id: number): Promise<OutboxMessage> => call(() => OutboxGo.Get(id)),
  /** send starts sending these queued messages (every queued one when ids is empty); follow it with progress(). */
  send: (ids: number[]): Promise<SendProgress> => call(() => OutboxGo.Send(ids)),
  progress: (): Promise<SendProgress> => call(() => OutboxGo.Progress()),
  /** cancel stops queued, failed or held messages; it returns how many it cancelled. */
  cancel: (ids: number[]): Promise<number> => call(() => OutboxGo.Cancel(ids)),
  /** requeue puts failed or held messages back in the queue; it returns how many. */
  requeue: (ids: number[]): Promise<number> => call(() => OutboxGo.Requeue(ids)),
};

export const settings = {
  get: (): Promise<Settings> => call(async () => settingsOf(await SettingsGo.Get())),
  save: (s: Settings): Promise<Settings> => call(async () => settingsOf(await SettingsGo.Save(app.Settings.createFrom(s)))),
  /** setPassword keeps the SMTP password for the saved username ("" forgets it). */
  setPassword: (password: string): Promise<Settings> => call(async () => settingsOf(await SettingsGo.SetPassword(password))),
  /** sendTestEmail sends a test to the admin's address and returns the server's answer. */
  sendTestEmail: (): Promise<string> => call(() => SettingsGo.SendTestEmail()),
};

export const templates = {
  list: (): Promise<MessageTemplate[]> => call(async () => arr(await TemplatesGo.List())),
  save: (t: MessageTemplate): Promise<MessageTemplate> => call(() => TemplatesGo.Save(app.MessageTemplate.createFrom(t))),
  reset: (kind: string): Promise<MessageTemplate> => call(() => TemplatesGo.Reset(kind)),
  preview: (t: MessageTemplate): Promise<TemplatePreview> => call(() => TemplatesGo.Preview(app.MessageTemplate.createFrom(t))),
};
