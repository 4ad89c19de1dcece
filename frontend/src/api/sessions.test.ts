import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../wailsjs/go/app/Sessions', () => ({ ForRelationship: vi.fn(), ImportRSVP: vi.fn(), ConfirmRSVP: vi.fn() }));

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

  it('confirms with the same file and reads what was recorded', async () => {
    const recorded = { recorded: true, name: 'Ana Silva', email: 'ana@example.org', partStat: 'DECLINED', comment: '', from: 'kenji@example.org',
      message: 'Ana Silva (ana@example.org): declined' };
    vi.mocked(SessionsGo.ConfirmRSVP).mockResolvedValue(recorded as never);
    expect(await api.sessions.confirmRSVP(1, 'kenji.eml', 'aGk=')).toEqual(recorded);
    expect(SessionsGo.ConfirmRSVP).toHaveBeenCalledWith(1, 'kenji.eml', 'aGk=');
    expect(SessionsGo.ImportRSVP).not.toHaveBeenCalled();
  });
});
