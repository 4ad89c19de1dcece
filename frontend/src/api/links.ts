import { BrowserOpenURL } from '../../wailsjs/runtime/runtime';
import { inDesktopWindow } from './environment';

/**
 * openExternal opens a web link (a session's video link) in the system's browser. Inside the
 * desktop window a plain link would replace Tandem's own page, so it goes through Wails.
 */
export function openExternal(url: string): void {
  if (!/^https?:\/\//i.test(url)) return;
  if (inDesktopWindow()) {
    try {
      BrowserOpenURL(url);
      return;
    } catch {
      // No runtime after all: fall through to a new tab.
    }
  }
  window.open(url, '_blank', 'noopener,noreferrer');
}
