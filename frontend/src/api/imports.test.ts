import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../wailsjs/go/app/Imports', () => ({
  Read: vi.fn(), Preview: vi.fn(), Import: vi.fn(), ExportCSV: vi.fn(), SaveExport: vi.fn(),
}));

import * as ImportsGo from '../../wailsjs/go/app/Imports';
import { api } from './index';

describe('api seam: imports', () => {
  beforeEach(() => vi.clearAllMocks());

  it('imports.read passes program, file name and base64, and normalises the file', async () => {
    vi.mocked(ImportsGo.Read).mockResolvedValue({ fileName: 'a.csv', headers: ['Email'], rows: [['a@b.org']], rowNumbers: null, mapping: ['email'], targets: null } as never);
    const f = await api.imports.read(3, 'a.csv', 'RW1haWw=');
    expect(ImportsGo.Read).toHaveBeenCalledWith(3, 'a.csv', 'RW1haWw=');
    expect(f.rowNumbers).toEqual([]);
    expect(f.targets).toEqual([]);
  });

  it('imports.preview keeps the row of a rejected request', async () => {
    vi.mocked(ImportsGo.Preview).mockRejectedValue(new Error('{"row":14,"field":"roles","message":"Choose a role"}'));
    await expect(api.imports.preview({} as never)).rejects.toMatchObject({ row: 14, field: 'roles' });
  });
});
