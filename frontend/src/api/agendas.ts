// The agenda library (icebreakers, activities, SMART goals …): the seam over the generated
// Agendas bindings (see programs.ts).
import * as AgendasGo from '../../wailsjs/go/app/Agendas';
import { app } from '../../wailsjs/go/models';
import { arr } from './arrays';
import { call } from './errors';
import type { AgendaTemplate, AgendaTemplateInput } from './types';

export const agendas = {
  list: (): Promise<AgendaTemplate[]> => call(async () => arr(await AgendasGo.List())),
  create: (input: AgendaTemplateInput): Promise<AgendaTemplate> =>
    call(() => AgendasGo.Create(app.AgendaTemplateInput.createFrom(input))),
  update: (id: number, input: AgendaTemplateInput): Promise<AgendaTemplate> =>
    call(() => AgendasGo.Update(id, app.AgendaTemplateInput.createFrom(input))),
  remove: (id: number): Promise<void> => call(() => AgendasGo.Delete(id)),
};
