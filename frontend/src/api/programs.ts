// Programs: the seam over the generated Programs bindings. Pages and components call these (and
// the other files of src/api), never wailsjs/ directly. Every function rejects with ApiError (see
// errors.ts); Go's nil slices become empty arrays so the UI can map over them.
import * as ProgramsGo from '../../wailsjs/go/app/Programs';
import { app } from '../../wailsjs/go/models';
import { arr } from './arrays';
import { call } from './errors';
import type { Program, ProgramInput } from './types';

export const programs = {
  list: (): Promise<Program[]> => call(async () => arr(await ProgramsGo.List())),
  get: (id: number): Promise<Program> => call(() => ProgramsGo.Get(id)),
  defaults: (kind: string): Promise<ProgramInput> => call(() => ProgramsGo.NewProgramDefaults(kind)),
  create: (input: ProgramInput): Promise<Program> => call(() => ProgramsGo.Create(app.ProgramInput.createFrom(input))),
  update: (id: number, input: ProgramInput): Promise<Program> =>
    call(() => ProgramsGo.Update(id, app.ProgramInput.createFrom(input))),
  archive: (id: number): Promise<Program> => call(() => ProgramsGo.Archive(id)),
  unarchive: (id: number): Promise<Program> => call(() => ProgramsGo.Unarchive(id)),
};
