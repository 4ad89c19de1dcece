import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../wailsjs/go/app/Settings', () => ({ Get: vi.fn() }));

import * as SettingsGo from '../../wailsjs/go/app/Settings';
import { api } from './index';

describe('api seam: settings', () => {
  beforeEach(() => vi.clearAllMocks());

  it('turns a Go nil list into an empty one', async () => {
    vi.mocked(SettingsGo.Get).mockResolvedValue({ adminEmail: 'a@b.org', autoSend: null } as never);
    expect((await api.settings.get()).autoSend).toEqual([]);
  });
});
