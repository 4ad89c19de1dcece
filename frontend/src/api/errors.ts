/**
 * Errors from the Go services, normalised. Go returns app.Error ({message, field?, row?}); Wails
 * passes it to JavaScript as a rejected promise. Depending on the Wails version and the IPC in
 * use (webview or the dev server's websocket) it arrives as that object, as a string, or as an
 * Error whose message is the object's JSON. Every api function rejects with ApiError instead.
 */
export class ApiError extends Error {
  /** The DTO json field the problem concerns ("email", "startsOn", "q:12" …). */
  field?: string;
  /** The file row the problem concerns (imports). */
  row?: number;

  constructor(message: string, opts: { field?: string; row?: number } = {}) {
    super(message);
    this.name = 'ApiError';
    if (opts.field) this.field = opts.field;
    if (opts.row && opts.row > 0) this.row = opts.row;
  }
}

const fallback = 'Something went wrong. Please try again.';

function fromObject(o: unknown): ApiError | null {
  if (!o || typeof o !== 'object') return null;
  const r = o as Record<string, unknown>;
  if (typeof r.message !== 'string') return null;
  return new ApiError(r.message || fallback, {
    field: typeof r.field === 'string' ? r.field : undefined,
    row: typeof r.row === 'number' ? r.row : undefined,
  });
}

function fromJSON(s: string): ApiError | null {
  const t = s.trim();
  if (!t.startsWith('{')) return null;
  try {
    return fromObject(JSON.parse(t));
  } catch {
    return null;
  }
}

/** toApiError turns whatever a binding rejected with into an ApiError. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  if (typeof e === 'string') return fromJSON(e) ?? new ApiError(e || fallback);
  if (e instanceof Error) {
    return fromJSON(e.message) ?? fromObject((e as { cause?: unknown }).cause) ?? new ApiError(e.message || fallback);
  }
  return fromObject(e) ?? new ApiError(e == null ? fallback : String(e));
}

type WailsCallback = ((message: string) => void) & { tandemBridge?: true };

/**
 * installErrorBridge keeps Go's structured errors intact. The Wails runtime rejects a call with
 * `new Error(message.error)`, which turns an error object into "[object Object]"; this wraps
 * `window.wails.Callback` (the one entry point of call results, in the webview and in the dev
 * server alike) so that an object error travels as its JSON text, which toApiError reads back.
 */
export function installErrorBridge(w: unknown = typeof window === 'undefined' ? undefined : window): void {
  const wails = (w as { wails?: { Callback?: WailsCallback } } | undefined)?.wails;
  const original = wails?.Callback;
  if (!wails || typeof original !== 'function' || original.tandemBridge) return;
  const bridged: WailsCallback = (incoming: string) => {
    try {
      const msg = JSON.parse(incoming) as { error?: unknown };
      if (msg && msg.error && typeof msg.error === 'object') {
        msg.error = JSON.stringify(msg.error);
        return original(JSON.stringify(msg));
      }
    } catch {
      // Not ours to judge: the runtime reports malformed messages itself.
    }
    return original(incoming);
  };
  bridged.tandemBridge = true;
  wails.Callback = bridged;
}

/** call runs a binding and rejects with ApiError whatever went wrong. */
export async function call<T>(fn: () => Promise<T>): Promise<T> {
  installErrorBridge();
  try {
    return await fn();
  } catch (e) {
    throw toApiError(e);
  }
}
