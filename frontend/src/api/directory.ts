// A program's directory of participants (search, filters, paging): the seam over the generated
// Directory bindings (see programs.ts).
import * as DirectoryGo from '../../wailsjs/go/app/Directory';
import { app } from '../../wailsjs/go/models';
import { arr } from './arrays';
import { call } from './errors';
import type { DirectoryPage, DirectoryQuery, Participant } from './types';

export const directory = {
  query: (q: DirectoryQuery): Promise<DirectoryPage> =>
    call(async () => {
      const page = await DirectoryGo.Query(app.DirectoryQuery.createFrom(q));
      return { rows: arr(page.rows) as Participant[], total: page.total ?? 0, departments: arr(page.departments), locations: arr(page.locations) };
    }),
};
