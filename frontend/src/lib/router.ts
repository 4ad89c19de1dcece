import { useSyncExternalStore } from 'react';

// A small hash router: the location lives in the URL's hash (#/programs/3/participants), so
// links are real anchors, reload keeps the page, and it works the same in the Wails webview and
// in a browser.

export type ProgramTab = 'overview' | 'participants' | 'relationships' | 'requests' | 'pairing' | 'questionnaire';

export type Route =
  | { name: 'home' }
  | { name: 'programs' }
  /** relationship: the relationship open in the Relationships tab (#/programs/3/relationships/12). */
  | { name: 'program'; id: number; tab: ProgramTab; relationship?: number }
  | { name: 'people' }
  | { name: 'outbox' }
  | { name: 'settings' }
  | { name: 'about' }
  | { name: 'notFound'; path: string };

const tabs: ProgramTab[] = ['overview', 'participants', 'relationships', 'requests', 'pairing', 'questionnaire'];

/** parseRoute reads a hash such as "#/programs/3/questionnaire". */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/^\/+|\/+$/g, '');
  const parts = path === '' ? [] : path.split('/');
  if (parts.length === 0) return { name: 'home' };
  switch (parts[0]) {
    case 'programs': {
      if (parts.length === 1) return { name: 'programs' };
      const id = Number(parts[1]);
      if (!Number.isInteger(id) || id <= 0) break;
      const tab = (parts[2] ?? 'overview') as ProgramTab;
      if (!tabs.includes(tab)) break;
      if (parts.length === 4 && tab === 'relationships') {
        const rel = Number(parts[3]);
        if (Number.isInteger(rel) && rel > 0) return { name: 'program', id, tab, relationship: rel };
      }
      if (parts.length > 3) break;
      return { name: 'program', id, tab };
    }
    case 'people':
      if (parts.length === 1) return { name: 'people' };
      break;
    case 'outbox':
      if (parts.length === 1) return { name: 'outbox' };
      break;
    case 'settings':
      if (parts.length === 1) return { name: 'settings' };
      break;
    case 'about':
      if (parts.length === 1) return { name: 'about' };
      break;
  }
  return { name: 'notFound', path: '/' + path };
}

/** href is the link to a route. */
export function href(route: Route): string {
  switch (route.name) {
    case 'home': return '#/';
    case 'programs': return '#/programs';
    case 'program':
      if (route.tab === 'relationships' && route.relationship) return `#/programs/${route.id}/relationships/${route.relationship}`;
      return route.tab === 'overview' ? `#/programs/${route.id}` : `#/programs/${route.id}/${route.tab}`;
    case 'people': return '#/people';
    case 'outbox': return '#/outbox';
    case 'settings': return '#/settings';
    case 'about': return '#/about';
    case 'notFound': return '#' + route.path;
  }
}

/** navigate goes to a route. */
export function navigate(route: Route): void {
  const h = href(route);
  if (window.location.hash !== h) window.location.hash = h;
}

function subscribe(cb: () => void): () => void {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
}

const getHash = () => window.location.hash;

/** useRoute returns the current route and re-renders when it changes. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, getHash, getHash);
  return parseRoute(hash);
}
