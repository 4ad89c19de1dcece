// The message templates, one per kind of email: the seam over the generated Templates bindings
// (see programs.ts).
import * as TemplatesGo from '../../wailsjs/go/app/Templates';
import { app } from '../../wailsjs/go/models';
import { arr } from './arrays';
import { call } from './errors';
import type { MessageTemplate, TemplatePreview } from './types';

export const templates = {
  list: (): Promise<MessageTemplate[]> => call(async () => arr(await TemplatesGo.List())),
  save: (t: MessageTemplate): Promise<MessageTemplate> => call(() => TemplatesGo.Save(app.MessageTemplate.createFrom(t))),
  reset: (kind: string): Promise<MessageTemplate> => call(() => TemplatesGo.Reset(kind)),
  preview: (t: MessageTemplate): Promise<TemplatePreview> => call(() => TemplatesGo.Preview(app.MessageTemplate.createFrom(t))),
};
