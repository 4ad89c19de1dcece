// Relationships (pairs and groups) and their closure: the seam over the generated Relationships
// bindings (see programs.ts).
import * as RelationshipsGo from '../../wailsjs/go/app/Relationships';
import { app } from '../../wailsjs/go/models';
import { arr } from './arrays';
import { call } from './errors';
import type { CloseInput, Relationship, RelationshipInput } from './types';

/** relationship reads Go's relationship: its members as an array, its kind and status as the UI's unions. */
function relationship(r: app.Relationship): Relationship {
  return { ...r, members: arr(r.members) } as Relationship;
}

export const relationships = {
  list: (programId: number): Promise<Relationship[]> =>
    call(async () => arr(await RelationshipsGo.List(programId)).map(relationship)),
  get: (id: number): Promise<Relationship> => call(async () => relationship(await RelationshipsGo.Get(id))),
  create: (input: RelationshipInput): Promise<Relationship> =>
    call(async () => relationship(await RelationshipsGo.Create(app.RelationshipInput.createFrom(input)))),
  pause: (id: number): Promise<Relationship> => call(async () => relationship(await RelationshipsGo.Pause(id))),
  resume: (id: number): Promise<Relationship> => call(async () => relationship(await RelationshipsGo.Resume(id))),
  /** close ends a relationship; its upcoming sessions are cancelled and their notices queued. */
  close: (id: number, input: CloseInput): Promise<Relationship> =>
    call(async () => relationship(await RelationshipsGo.Close(id, app.CloseInput.createFrom(input)))),
};
