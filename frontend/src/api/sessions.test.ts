import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../wailsjs/go/app/Sessions', () => ({ ForRelationship: vi.fn(), ImportRSVP: vi.fn() }));

import * as SessionsGo from '../../wailsjs/go/app/Sessions';
import { api } from './index';

describe('api seam: sessions', () => {
  beforeEach(() => vi.clearAllMocks());

  it('turns Go nil lists into empty ones', async () => {
    vi.mocked(SessionsGo.ForRelationship).mockResolvedValue([{ id: 1, attendees: null, warnings: null }] as never);
    expect(await api.sessions.forRelationship(3)).toEqual([{ id: 1, attendees: [], warnings: [] }]);
  });

  it('rejects with an ApiError naming the field', async () => {
    vi.mocked(SessionsGo.ImportRSVP).mockRejectedValue({ field: 'file', message: 'x.ics: The file is not a calendar file' });
    await expect(api.sessions.importRSVP(1, 'x.ics', 'aGk=')).rejects.toMatchObject({ field: 'file' });
  });
});
