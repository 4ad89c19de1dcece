import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../wailsjs/go/app/Directory', () => ({ Query: vi.fn() }));
vi.mock('../../wailsjs/go/app/Programs', () => ({
  Create: vi.fn(), List: vi.fn(), Get: vi.fn(), Update: vi.fn(), Archive: vi.fn(), Unarchive: vi.fn(), NewProgramDefaults: vi.fn(),
}));
vi.mock('../../wailsjs/go/app/Imports', () => ({
  Read: vi.fn(), Preview: vi.fn(), Import: vi.fn(), ExportCSV: vi.fn(), SaveExport: vi.fn(),
}));

import * as DirectoryGo from '../../wailsjs/go/app/Directory';
import * as ImportsGo from '../../wailsjs/go/app/Imports';
import * as ProgramsGo from '../../wailsjs/go/app/Programs';
import { api, ApiError } from './index';

const query = { programId: 7, search: 'ana', role: 'mentor', department: '', location: '', status: 'active', sort: 'email', desc: true, offset: 50, limit: 50 };

describe('api seam', () => {
  beforeEach(() => vi.clearAllMocks());

  it('directory.query sends the query as is and turns Go nil slices into arrays', async () => {
    vi.mocked(DirectoryGo.Query).mockResolvedValue({ rows: null, total: 0, departments: null, locations: ['Berlin'] } as never);
    const page = await api.directory.query(query);
    expect(DirectoryGo.Query).toHaveBeenCalledTimes(1);
    expect({ ...vi.mocked(DirectoryGo.Query).mock.calls[0][0] }).toEqual(query);
    expect(page).toEqual({ rows: [], total: 0, departments: [], locations: ['Berlin'] });
  });

  it('programs.create rejects with an ApiError naming the field', async () => {
    vi.mocked(ProgramsGo.Create).mockRejectedValue({ message: 'A cohort needs a start and an end date', field: 'startsOn' });
    const err = await api.programs.create({} as never).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ message: 'A cohort needs a start and an end date', field: 'startsOn' });
  });

  it('programs.list rejects with an ApiError for a plain string', async () => {
    vi.mocked(ProgramsGo.List).mockRejectedValue('list programs: database is locked');
    await expect(api.programs.list()).rejects.toMatchObject({ name: 'ApiError', message: 'list programs: database is locked' });
  });

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
