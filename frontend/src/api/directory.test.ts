import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../wailsjs/go/app/Directory', () => ({ Query: vi.fn() }));

import * as DirectoryGo from '../../wailsjs/go/app/Directory';
import { api } from './index';

const query = { programId: 7, search: 'ana', role: 'mentor', department: '', location: '', status: 'active', sort: 'email', desc: true, offset: 50, limit: 50 };

describe('api seam: directory', () => {
  beforeEach(() => vi.clearAllMocks());

  it('directory.query sends the query as is and turns Go nil slices into arrays', async () => {
    vi.mocked(DirectoryGo.Query).mockResolvedValue({ rows: null, total: 0, departments: null, locations: ['Berlin'] } as never);
    const page = await api.directory.query(query);
    expect(DirectoryGo.Query).toHaveBeenCalledTimes(1);
    expect({ ...vi.mocked(DirectoryGo.Query).mock.calls[0][0] }).toEqual(query);
    expect(page).toEqual({ rows: [], total: 0, departments: [], locations: ['Berlin'] });
  });
});
