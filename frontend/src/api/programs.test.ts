import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../wailsjs/go/app/Programs', () => ({
  Create: vi.fn(), List: vi.fn(), Get: vi.fn(), Update: vi.fn(), Archive: vi.fn(), Unarchive: vi.fn(), NewProgramDefaults: vi.fn(),
}));

import * as ProgramsGo from '../../wailsjs/go/app/Programs';
import { api, ApiError } from './index';

describe('api seam: programs', () => {
  beforeEach(() => vi.clearAllMocks());

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
});
