/**
 * inDesktopWindow tells whether the UI runs inside Tandem's own window (the Wails webview),
 * where native dialogs work, rather than in a browser pointed at the dev server (end-to-end
 * tests), where a native dialog would open unseen on the app's window and never return.
 */
export function inDesktopWindow(w: unknown = typeof window === 'undefined' ? undefined : window): boolean {
  const x = w as { webkit?: { messageHandlers?: { external?: unknown } }; chrome?: { webview?: unknown } } | undefined;
  return !!(x?.webkit?.messageHandlers?.external || x?.chrome?.webview);
}
