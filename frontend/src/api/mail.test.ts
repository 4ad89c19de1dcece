import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../wailsjs/go/app/Outbox', () => ({ List: vi.fn(), Send: vi.fn() }));
vi.mock('../../wailsjs/go/app/SettingsService', () => ({ Get: vi.fn() }));
vi.mock('../../wailsjs/go/app/Sessions', () => ({ ForRelationship: vi.fn(), ImportRSVP: vi.fn() }));

import * as OutboxGo from '../../wailsjs/go/app/Outbox';
import * as SessionsGo from '../../wailsjs/go/app/Sessions';
import * as SettingsGo from '../../wailsjs/go/app/SettingsService';
import { api, ApiError } from './index';

describe('api seam: outbox, settings, sessions', () => {
  beforeEach(() => vi.clearAllMocks());

  it('turns Go nil lists and maps into empty ones', async () => {
    vi.mocked(OutboxGo.List).mockResolvedValue({ messages: null, counts: null } as never);
    await expect(api.outbox.list('queued')).resolves.toEqual({ messages: [], counts: {} });
    expect(OutboxGo.List).toHaveBeenCalledWith('queued');
    vi.mocked(SettingsGo.Get).mockResolvedValue({ adminEmail: 'a@b.org', autoSend: null } as never);
    expect((await api.settings.get()).autoSend).toEqual([]);
    vi.mocked(SessionsGo.ForRelationship).mockResolvedValue([{ id: 1, attendees: null, warnings: null }] as never);
    expect(await api.sessions.forRelationship(3)).toEqual([{ id: 1, attendees: [], warnings: [] }]);
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
    vi.mocked(SessionsGo.ImportRSVP).mockRejectedValue({ field: 'file', message: 'x.ics: The file is not a calendar file' });
    await expect(api.sessions.importRSVP(1, 'x.ics', 'aGk=')).rejects.toMatchObject({ field: 'file' });
  });
});
