import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../wailsjs/go/app/Outbox', () => ({ List: vi.fn(), Send: vi.fn() }));

import * as OutboxGo from '../../wailsjs/go/app/Outbox';
import { api, ApiError } from './index';

describe('api seam: outbox', () => {
  beforeEach(() => vi.clearAllMocks());

  it('turns Go nil lists and maps into empty ones', async () => {
    vi.mocked(OutboxGo.List).mockResolvedValue({ messages: null, counts: null } as never);
    await expect(api.outbox.list('queued')).resolves.toEqual({ messages: [], counts: {} });
    expect(OutboxGo.List).toHaveBeenCalledWith('queued');
  });

  it('counts reads the counts without the bodies of the queue', async () => {
    vi.mocked(OutboxGo.List).mockResolvedValue({ messages: [], counts: { queued: 4, sent: 9 } } as never);
    await expect(api.outbox.counts()).resolves.toEqual({ queued: 4, sent: 9 });
    expect(OutboxGo.List).toHaveBeenCalledWith('sending');
  });

  it('rejects with an ApiError naming the field', async () => {
    vi.mocked(OutboxGo.Send).mockRejectedValue(new Error('{"field":"draftsDir","message":"Choose the folder for drafts in Settings first"}'));
    const e = await api.outbox.send([]).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ field: 'draftsDir' });
  });
});
