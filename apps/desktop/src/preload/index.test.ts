import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, SAVE_REQUEST, type ArshjulApi } from '../shared/api.js';

const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async (..._args: unknown[]) => null as unknown);
const listeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();
const on = vi.fn((channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
  listeners.set(channel, listener);
});

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => {
      exposed[key] = value;
    },
  },
  ipcRenderer: { invoke, send: vi.fn(), on, sendSync: vi.fn() },
}));

await import('./index.js');

/** Every member of ArshjulApi, checked against the interface by the compiler. */
const API_MEMBERS = {
  platform: true,
  openFile: true,
  openRecent: true,
  recentFiles: true,
  saveFile: true,
  exportFiles: true,
  openFolder: true,
  print: true,
  readRecovery: true,
  writeRecovery: true,
  clearRecovery: true,
  setDirty: true,
  openExternal: true,
  onSaveRequest: true,
} satisfies Record<keyof ArshjulApi, true>;

describe('preload', () => {
  it('exposes only window.arshjul', () => {
    expect(Object.keys(exposed)).toEqual(['arshjul']);
  });

  it('exposes exactly the ArshjulApi members, all functions except platform', () => {
    const api = exposed['arshjul'] as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(Object.keys(API_MEMBERS).sort());
    expect(api['platform']).toBe('electron');
    for (const [key, value] of Object.entries(api)) {
      if (key !== 'platform') expect(typeof value).toBe('function');
    }
    expect(Object.values(api)).not.toContain(invoke);
  });

  it('maps each function to its channel with the given arguments', async () => {
    const api = exposed['arshjul'] as ArshjulApi;
    const bytes = new Uint8Array([1]);
    const calls: [keyof typeof CHANNELS, () => unknown, unknown[]][] = [
      ['openFile', () => api.openFile(), ['model']],
      ['openFile', () => api.openFile('calendar'), ['calendar']],
      ['openRecent', () => api.openRecent('/a.json'), ['/a.json']],
      ['recentFiles', () => api.recentFiles(), []],
      ['saveFile', () => api.saveFile(null, '{}', 'a.json'), [null, '{}', 'a.json']],
      [
        'exportFiles',
        () => api.exportFiles({ name: 'ut', files: [{ name: 'a', bytes }] }),
        [{ name: 'ut', files: [{ name: 'a', bytes }] }],
      ],
      ['openFolder', () => api.openFolder('/ut/grorud'), ['/ut/grorud']],
      ['print', () => api.print(), []],
      ['readRecovery', () => api.readRecovery(), []],
      ['writeRecovery', () => api.writeRecovery('{}', null), ['{}', null]],
      ['clearRecovery', () => api.clearRecovery(), []],
      ['setDirty', () => api.setDirty(true), [true]],
      ['openExternal', () => api.openExternal('https://x.no'), ['https://x.no']],
    ];
    // saveDone is only sent as the answer to main's save request (tested below).
    expect([...new Set(calls.map((c) => c[0]))].sort()).toEqual(
      Object.keys(CHANNELS)
        .filter((c) => c !== 'saveDone')
        .sort(),
    );
    for (const [name, call, args] of calls) {
      invoke.mockClear();
      await call();
      expect(invoke).toHaveBeenCalledWith(CHANNELS[name], ...args);
    }
  });

  it("rejects with main's message only", async () => {
    const api = exposed['arshjul'] as ArshjulApi;
    invoke.mockRejectedValueOnce(
      new Error(
        "Error invoking remote method 'arshjul:open-recent': UserFacingError: Filen står ikke i listen.",
      ),
    );
    await expect(api.openRecent('/x.json')).rejects.toThrow(/^Filen står ikke i listen\.$/);
  });

  it('setDirty does not throw when main rejects', async () => {
    const api = exposed['arshjul'] as ArshjulApi;
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    invoke.mockRejectedValueOnce(new Error('nei'));
    expect(() => api.setDirty(true)).not.toThrow();
    await new Promise((r) => setTimeout(r, 0));
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });

  it("answers main's save request with the handler's result, never handing over the event", async () => {
    const api = exposed['arshjul'] as ArshjulApi;
    let seen: unknown[] = [];
    const handler = vi.fn(async (...args: unknown[]) => {
      seen = args;
      return true;
    });
    api.onSaveRequest(handler);
    expect(on).toHaveBeenCalledWith(SAVE_REQUEST, expect.any(Function));
    invoke.mockClear();
    listeners.get(SAVE_REQUEST)!({ sender: 'the event' }, 7);
    await vi.waitFor(() => expect(invoke).toHaveBeenCalledWith(CHANNELS.saveDone, 7, true));
    expect(seen).toEqual([]);

    // A failing save answers false; a request without a numeric id is ignored.
    handler.mockRejectedValueOnce(new Error('disken er full'));
    invoke.mockClear();
    listeners.get(SAVE_REQUEST)!({}, 8);
    await vi.waitFor(() => expect(invoke).toHaveBeenCalledWith(CHANNELS.saveDone, 8, false));
    invoke.mockClear();
    listeners.get(SAVE_REQUEST)!({}, 'x');
    await new Promise((r) => setTimeout(r, 0));
    expect(invoke).not.toHaveBeenCalled();
  });
});
