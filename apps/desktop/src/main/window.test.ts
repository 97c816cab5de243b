import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const created: { options: Record<string, unknown>; win: FakeWindow }[] = [];
const showMessageBox = vi.fn();
const showErrorBox = vi.fn();

class FakeWindow extends EventEmitter {
  webContents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
  closed = 0;
  constructor(options: Record<string, unknown>) {
    super();
    created.push({ options, win: this });
  }
  close(): void {
    this.closed++;
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) this.emit('closed');
  }
}

vi.mock('electron', () => ({
  BrowserWindow: FakeWindow,
  dialog: { showMessageBox, showErrorBox },
  shell: { openExternal: vi.fn() },
}));

const { askBeforeClose, builtPaths, createMainWindow, installCloseGuard, rendererUrl } =
  await import('./window.js');

beforeEach(() => {
  created.length = 0;
  showMessageBox.mockReset();
  showErrorBox.mockReset();
});

describe('createMainWindow', () => {
  it('creates the window with the secure settings and the built preload', () => {
    const paths = builtPaths('/app/out/main');
    expect(paths.preload).toBe('/app/out/preload/index.cjs');
    const win = createMainWindow(paths, rendererUrl(paths, undefined));
    expect(created).toHaveLength(1);
    expect(created[0]?.options['webPreferences']).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
    const contents = (win as unknown as FakeWindow).webContents;
    expect(contents.setWindowOpenHandler).toHaveBeenCalledTimes(1);
    const handler = contents.setWindowOpenHandler.mock.calls[0]?.[0] as (d: {
      url: string;
    }) => unknown;
    expect(handler({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    let prevented = false;
    contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, 'https://x.no/');
    expect(prevented).toBe(true);
  });

  it('loads the dev server in development and the built file otherwise', () => {
    const paths = builtPaths('/app/out/main');
    expect(rendererUrl(paths, 'http://localhost:5173')).toBe('http://localhost:5173');
    expect(rendererUrl(paths, undefined)).toBe('file:///app/out/renderer/index.html');
  });
});

describe('askBeforeClose', () => {
  it.each([
    [0, 'save'],
    [1, 'discard'],
    [2, 'cancel'],
  ] as const)('maps button %i to %s', async (response: number, choice: string) => {
    showMessageBox.mockResolvedValue({ response, checkboxChecked: false });
    expect(await askBeforeClose(null)).toBe(choice);
    expect(showMessageBox.mock.calls[0]?.[0]).toMatchObject({
      buttons: ['Lagre', 'Ikke lagre', 'Avbryt'],
      cancelId: 2,
    });
  });
});

describe('installCloseGuard', () => {
  function setup(dirty: boolean, choice: 'save' | 'discard' | 'cancel', saved = true) {
    const win = new FakeWindow({});
    const deps = {
      isDirty: vi.fn(() => dirty),
      ask: vi.fn(async () => choice),
      save: vi.fn(async () => saved),
      discard: vi.fn(async () => undefined),
    };
    const guard = installCloseGuard(win, deps);
    const closed = vi.fn();
    win.on('closed', closed);
    return { win, deps, guard, closed };
  }

  it('closes at once without unsaved changes', async () => {
    const { win, deps, closed } = setup(false, 'cancel');
    win.close();
    expect(deps.ask).not.toHaveBeenCalled();
    expect(closed).toHaveBeenCalledTimes(1);
  });

  it('stays open on «Avbryt»', async () => {
    const { win, deps, guard, closed } = setup(true, 'cancel');
    win.close();
    await guard.pending();
    expect(deps.ask).toHaveBeenCalledTimes(1);
    expect(deps.save).not.toHaveBeenCalled();
    expect(closed).not.toHaveBeenCalled();
  });

  it('saves, then closes on «Lagre»', async () => {
    const { win, deps, guard, closed } = setup(true, 'save');
    win.close();
    await guard.pending();
    expect(deps.save).toHaveBeenCalledTimes(1);
    expect(closed).toHaveBeenCalledTimes(1);
  });

  it('stays open when «Lagre» did not save', async () => {
    const { win, guard, closed } = setup(true, 'save', false);
    win.close();
    await guard.pending();
    expect(closed).not.toHaveBeenCalled();
  });

  it('discards, then closes on «Ikke lagre»', async () => {
    const { win, deps, guard, closed } = setup(true, 'discard');
    win.close();
    await guard.pending();
    expect(deps.discard).toHaveBeenCalledTimes(1);
    expect(deps.save).not.toHaveBeenCalled();
    expect(closed).toHaveBeenCalledTimes(1);
  });
});
