import { describe, expect, it, vi } from 'vitest';
import { ApiError, call, installErrorBridge, toApiError } from './errors';

describe('toApiError', () => {
  it('keeps message, field and row of a Go error object', () => {
    const e = toApiError({ message: 'Row 4: "ana@" is not an email address', field: 'email', row: 4 });
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toBeInstanceOf(Error);
    expect(e.message).toBe('Row 4: "ana@" is not an email address');
    expect(e.field).toBe('email');
    expect(e.row).toBe(4);
  });

  it('reads the JSON text of an error (the bridged Wails rejection)', () => {
    const e = toApiError(new Error('{"field":"startsOn","message":"A cohort needs a start and an end date"}'));
    expect(e.message).toBe('A cohort needs a start and an end date');
    expect(e.field).toBe('startsOn');
    expect(e.row).toBeUndefined();
  });

  it('takes a plain string as the message', () => {
    const e = toApiError('database is locked');
    expect(e.message).toBe('database is locked');
    expect(e.field).toBeUndefined();
  });

  it('reads a JSON string', () => {
    expect(toApiError('{"message":"Choose a role","field":"roles"}').field).toBe('roles');
  });

  it('keeps the message of an ordinary Error', () => {
    const e = toApiError(new TypeError("Cannot read properties of undefined (reading 'app')"));
    expect(e.message).toContain('Cannot read properties');
    expect(e.field).toBeUndefined();
  });

  it('never returns an empty message', () => {
    expect(toApiError(undefined).message).not.toBe('');
    expect(toApiError('').message).not.toBe('');
    expect(toApiError({ message: '' }).message).not.toBe('');
  });

  it('ignores a row of 0 (Go omits it, but be safe)', () => {
    expect(toApiError({ message: 'x', row: 0 }).row).toBeUndefined();
  });
});

describe('call', () => {
  it('rejects with ApiError whatever the binding rejected with', async () => {
    await expect(call(() => Promise.reject({ message: 'A name is required', field: 'name' }))).rejects.toMatchObject({
      name: 'ApiError', message: 'A name is required', field: 'name',
    });
    await expect(call(() => Promise.reject('plain'))).rejects.toBeInstanceOf(ApiError);
  });

  it('rejects with ApiError when the binding throws synchronously (no Go runtime)', async () => {
    await expect(call(() => { throw new TypeError('window.go is undefined'); })).rejects.toBeInstanceOf(ApiError);
  });

  it('resolves with the value', async () => {
    await expect(call(() => Promise.resolve(42))).resolves.toBe(42);
  });
});

describe('installErrorBridge', () => {
  it('turns an error object into its JSON text before the Wails runtime wraps it in an Error', () => {
    const seen: string[] = [];
    // The Wails runtime's Callback: it rejects with new Error(message.error).
    const runtime = (incoming: string) => {
      const m = JSON.parse(incoming);
      seen.push(new Error(m.error).message);
    };
    const w = { wails: { Callback: runtime } };
    installErrorBridge(w);
    w.wails.Callback(JSON.stringify({ callbackid: 'x', error: { message: 'Bad', field: 'email' } }));
    expect(seen[0]).not.toBe('[object Object]');
    const e = toApiError(new Error(seen[0]));
    expect(e.field).toBe('email');
    expect(e.message).toBe('Bad');
  });

  it('passes results and string errors through unchanged, and installs once', () => {
    const runtime = vi.fn();
    const w = { wails: { Callback: runtime } };
    installErrorBridge(w);
    installErrorBridge(w);
    const ok = JSON.stringify({ callbackid: 'y', result: [1, 2] });
    w.wails.Callback(ok);
    w.wails.Callback(JSON.stringify({ callbackid: 'z', error: 'plain' }));
    expect(runtime).toHaveBeenNthCalledWith(1, ok);
    expect(JSON.parse(runtime.mock.calls[1][0]).error).toBe('plain');
    expect(runtime).toHaveBeenCalledTimes(2);
  });

  it('does nothing without the Wails runtime', () => {
    expect(() => installErrorBridge({})).not.toThrow();
    expect(() => installErrorBridge(undefined)).not.toThrow();
  });
});
