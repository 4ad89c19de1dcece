// src/api is the one seam over the generated Wails bindings (wailsjs/): one file per bound Go
// service, named after it. Pages and components import from here, never from wailsjs/.
import { agendas } from './agendas';
import { directory } from './directory';
import { imports } from './imports';
import { launch } from './launch';
import { outbox } from './outbox';
import { pairing } from './pairing';
import { participants } from './participants';
import { people } from './people';
import { programs } from './programs';
import { questions } from './questions';
import { relationships } from './relationships';
import { requests } from './requests';
import { sessions } from './sessions';
import { settings } from './settings';
import { system } from './system';
import { templates } from './templates';

export { ApiError, toApiError } from './errors';
export { inDesktopWindow } from './environment';
export { openExternal } from './links';
export * from './pairing';
export * from './requests';
export * from './types';

/** api is every Go service the UI calls, one member per bound service. */
export const api = {
  programs, people, participants, questions, directory, imports, system,
  settings, templates, outbox, relationships, sessions, agendas, requests, pairing, launch,
};
