import { directory, imports, participants, people, programs, questions, system } from './services';

export { ApiError, toApiError } from './errors';
export { inDesktopWindow } from './environment';
export * from './types';

/** api is every Go service the UI calls, grouped by area. */
export const api = { programs, people, participants, questions, directory, imports, system };
