// People of the organisation: the seam over the generated People bindings (see programs.ts).
import * as PeopleGo from '../../wailsjs/go/app/People';
import { app } from '../../wailsjs/go/models';
import { arr } from './arrays';
import { call } from './errors';
import { leaving } from './participants';
import type { Person, PersonInput, Removal } from './types';

export const people = {
  list: (): Promise<Person[]> => call(async () => arr(await PeopleGo.List())),
  create: (input: PersonInput): Promise<Person> => call(() => PeopleGo.Create(app.PersonInput.createFrom(input))),
  update: (id: number, input: PersonInput): Promise<Person> =>
    call(() => PeopleGo.Update(id, app.PersonInput.createFrom(input))),
  removalImpact: (id: number): Promise<Removal> =>
    call(async () => {
      const r = await PeopleGo.RemovalImpact(id);
      return { ...r, leaving: arr(r.leaving).map(leaving) };
    }),
  remove: (id: number): Promise<Removal> => call(() => PeopleGo.Remove(id)),
};
