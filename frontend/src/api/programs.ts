// Programs: the seam over the generated Programs bindings. Pages and components call these (and
// the other files of src/api), never wailsjs/ directly. Every function rejects with ApiError (see
// errors.ts); Go's nil slices become empty arrays so the UI can map over them.
import * as ProgramsGo from '../../wailsjs/go/app/Programs';
import { app } from '../../wailsjs/go/models';
import { arr } from './arrays';
import { call } from './errors';
import type { Program, ProgramInput } from './types';

export const programs = {
  list: (): Promise<Program[]> => call(async () => arr(await ProgramsGo.List()) as Program[]),
  get: (id: number): Promise<Program> => call(async () => (await ProgramsGo.Get(id)) as Program),
  defaults: (kind: string): Promise<ProgramInput> => call(() => ProgramsGo.NewProgramDefaults(kind)),
  create: (input: ProgramInput): Promise<Program> => call(async () => (await ProgramsGo.Create(app.ProgramInput.createFrom(input))) as Program),
  update: (id: number, input: ProgramInput): Promise<Program> =>
    call(async () => (await ProgramsGo.Update(id, app.ProgramInput.createFrom(input))) as Program),
  archive: (id: number): Promise<Program> => call(async () => (await ProgramsGo.Archive(id)) as Program),
  unarchive: (id: number): Promise<Program> => call(async () => (await ProgramsGo.Unarchive(id)) as Program),
};
