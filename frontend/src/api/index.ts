import { outbox, settings, templates } from './mail';
import { pairing } from './pairing';
import { agendas, relationships, sessions } from './scheduling';
import { directory, imports, participants, people, programs, questions, system } from './services';

export { ApiError, toApiError } from './errors';
export { inDesktopWindow } from './environment';
export { openExternal } from './links';
export * from './pairing';
export * from './requests';
export * from './types';

/** api is every Go service the UI calls, grouped by area. */
export const api = {
  programs, people, participants, questions, directory, imports, system,
  relationships, sessions, agendas, outbox, settings, templates, pairing,
};
