// The outbox, every email Tandem queues: the seam over the generated Outbox bindings (see
// programs.ts). Go's nil slices and maps become empty ones.
import * as OutboxGo from '../../wailsjs/go/app/Outbox';
import { arr } from './arrays';
import { call } from './errors';
import type { MessageStatus, OutboxMessage, OutboxPage, SendProgress } from './types';

export const outbox = {
  /** list returns the messages of one status ('' for all) and the counts of every status. */
  list: (status: MessageStatus | ''): Promise<OutboxPage> =>
    call(async () => {
      const p = await OutboxGo.List(status);
      return { messages: arr(p.messages) as OutboxMessage[], counts: { ...(p.counts ?? {}) } };
    }),
  /**
   * counts returns how many messages each status holds. Go has no count-only call: this asks
   * for the 'sending' messages (at most the one in flight) to get the counts without the bodies.
   */
  counts: (): Promise<Record<string, number>> =>
    call(async () => ({ ...((await OutboxGo.List('sending')).counts ?? {}) })),
  get: (id: number): Promise<OutboxMessage> => call(async () => (await OutboxGo.Get(id)) as OutboxMessage),
  /** send starts sending these queued messages (every queued one when ids is empty); follow it with progress(). */
  send: (ids: number[]): Promise<SendProgress> => call(() => OutboxGo.Send(ids)),
  progress: (): Promise<SendProgress> => call(() => OutboxGo.Progress()),
  /** cancel stops queued, failed or held messages; it returns how many it cancelled. */
  cancel: (ids: number[]): Promise<number> => call(() => OutboxGo.Cancel(ids)),
  /** requeue puts failed or held messages back in the queue; it returns how many. */
  requeue: (ids: number[]): Promise<number> => call(() => OutboxGo.Requeue(ids)),
};
