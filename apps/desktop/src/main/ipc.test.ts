import * as fs from 'node:fs/promises';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { CHANNELS } from '../shared/api.js';
import type { IpcContext as Ctx } from './ipc.js';

const showOpenDialog = vi.fn();
const showSaveDialog = vi.fn();
const openExternal = vi.fn(async (_url: string) => undefined);
const openPath = vi.fn(async (_path: string) => '');
const handle = vi.fn();
const removeHandler = vi.fn();

vi.mock('electron', () => ({
  dialog: { showOpenDialog, showSaveDialog },
  shell: { openExternal, openPath },
  ipcMain: { handle, removeHandler },
}));

const { createHandlers, createState, registerIpc, requestRendererSave, saveLatestRecovery } =
  await import('./ipc.js');

const appUrl = 'file:///opt/arshjul/out/renderer/index.html';
const event = { senderFrame: { url: appUrl, parent: null } };
let root: string;
let userData: string;
let docs: string;
let ctx: Ctx;
let h: ReturnType<typeof createHandlers>;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'arshjul-ipc-'));
  userData = join(root, 'userData');
  docs = join(root, 'docs');
  await mkdir(docs, { recursive: true });
  ctx = { fs, userData, documents: docs, appUrl, window: () => null, state: createState() };
  h = createHandlers(ctx);
  for (const mock of [showOpenDialog, showSaveDialog, openExternal, handle, removeHandler]) {
    mock.mockReset();
  }
  openPath.mockReset();
  openPath.mockResolvedValue('');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Every file under root, to prove that nothing was written. */
async function tree(): Promise<string[]> {
  const entries = await readdir(root, { recursive: true });
  return entries.map(String).sort();
}

describe('registerIpc', () => {
  it('handles every CHANNELS entry', () => {
    registerIpc(ctx);
    expect(handle.mock.calls.map((c: unknown[]) => c[0]).sort()).toEqual(
      Object.values(CHANNELS).sort(),
    );
  });
});

describe('input validation', () => {
  const huge = 'x'.repeat(20 * 1024 * 1024 + 1);
  const cases: [keyof typeof CHANNELS, unknown[], RegExp][] = [
    ['openFile', ['model', 'extra'], /for mange argumenter/],
    ['openFile', ['extra'], /expected one of "model"\|"calendar"/],
    ['openRecent', [], /for få argumenter/],
    ['openRecent', [42], /stien må være tekst/],
    ['openRecent', [''], /stien er tom/],
    ['openRecent', ['relative/x.json'], /absolutt/],
    ['openRecent', ['/x\0y.json'], /ugyldige tegn/],
    ['recentFiles', [1], /for mange argumenter/],
    ['saveFile', ['/tmp/x.json', 42, 'x.json'], /innholdet må være tekst/],
    ['saveFile', [null, huge, 'x.json'], /for stort/],
    ['saveFile', [null, '{}', '../x.json'], /kan ikke inneholde/],
    ['saveFile', [null, '{}', 'a\\b.json'], /kan ikke inneholde/],
    ['saveFile', [null, '{}', '..'], /filnavnet/],
    ['saveFile', [null, '{}'], /for få argumenter/],
    ['exportFiles', [{ name: 'ut', files: [] }], /ingen filer/],
    [
      'exportFiles',
      [{ name: 'ut/../..', files: [{ name: 'a.ics', bytes: new Uint8Array(1) }] }],
      /kan ikke inneholde/,
    ],
    [
      'exportFiles',
      [{ name: 'ut', files: [{ name: '../a.ics', bytes: new Uint8Array(1) }] }],
      /«\.\.\/a\.ics»: filnavnet kan ikke være \. eller \.\./,
    ],
    [
      'exportFiles',
      [{ name: 'ut', files: [{ name: 'a/b/c.ics', bytes: new Uint8Array(1) }] }],
      /høyst én undermappe/,
    ],
    [
      'exportFiles',
      [{ name: 'ut', files: [{ name: '/etc/passwd', bytes: new Uint8Array(1) }] }],
      /absolutt sti/,
    ],
    [
      'exportFiles',
      [{ name: 'ut', files: [{ name: 'C:plan.pdf', bytes: new Uint8Array(1) }] }],
      /absolutt sti/,
    ],
    [
      'exportFiles',
      [{ name: 'ut', files: [{ name: 'ammerud/', bytes: new Uint8Array(1) }] }],
      /filnavnet er tomt/,
    ],
    [
      'exportFiles',
      [{ name: 'ut', files: [{ name: 'ammerud\\plan.pdf', bytes: new Uint8Array(1) }] }],
      /kan ikke inneholde \\/,
    ],
    [
      'exportFiles',
      [{ name: 'ut', files: [{ name: 'ammerud/pl?n.pdf', bytes: new Uint8Array(1) }] }],
      /ugyldige tegn/,
    ],
    [
      'exportFiles',
      [{ name: 'ut', files: [{ name: 'ammerud/ ', bytes: new Uint8Array(1) }] }],
      /mellomrom/,
    ],
    [
      'exportFiles',
      [
        {
          name: 'ut',
          files: [
            { name: 'ammerud', bytes: new Uint8Array(1) },
            { name: 'Ammerud/a.ics', bytes: new Uint8Array(1) },
          ],
        },
      ],
      /samme navn som en mappe/,
    ],
    ['openFolder', [], /for få argumenter/],
    ['openFolder', ['relativ/mappe'], /absolutt/],
    ['openFolder', [7], /stien må være tekst/],
    ['print', [true], /for mange argumenter/],
    ['exportFiles', [{ name: 'ut', files: [{ name: 'a.ics', bytes: 'text' }] }], /bytes/],
    [
      'exportFiles',
      [{ name: 'ut', files: [{ name: 'a.ics', bytes: new Uint8Array(1) }], x: 1 }],
      /Ugyldig/,
    ],
    ['exportFiles', ['ut'], /objekt/],
    ['readRecovery', [null], /for mange argumenter/],
    ['writeRecovery', [huge, null], /for stort/],
    ['writeRecovery', ['{}', 'relative.json'], /absolutt/],
    ['clearRecovery', ['x'], /for mange argumenter/],
    ['setDirty', ['yes'], /sann eller usann/],
    ['openExternal', ['http://example.com/'], /https/],
    ['openExternal', ['file:///etc/passwd'], /https/],
    ['openExternal', ['javascript:alert(1)'], /https/],
    ['openExternal', [{}], /lenken må være tekst/],
  ];

  it.each(cases)(
    '%s rejects %j',
    async (channel: keyof typeof CHANNELS, args: unknown[], message: RegExp) => {
      const before = await tree();
      const promise = h[channel](event, ...args);
      await expect(promise).rejects.toThrow(/^Ugyldig forespørsel/);
      await expect(promise).rejects.toThrow(message);
      expect(await tree()).toEqual(before);
      expect(showOpenDialog).not.toHaveBeenCalled();
      expect(showSaveDialog).not.toHaveBeenCalled();
      expect(openExternal).not.toHaveBeenCalled();
      expect(openPath).not.toHaveBeenCalled();
    },
  );

  it('rejects every channel from a foreign or embedded frame', async () => {
    for (const channel of Object.keys(CHANNELS) as (keyof typeof CHANNELS)[]) {
      await expect(
        h[channel]({ senderFrame: { url: 'https://evil.example/', parent: null } }),
      ).rejects.toThrow(/avvist/);
      await expect(h[channel]({ senderFrame: { url: appUrl, parent: {} } })).rejects.toThrow(
        /avvist/,
      );
      await expect(h[channel]({ senderFrame: null })).rejects.toThrow(/avvist/);
    }
  });
});

describe('openFile and openRecent', () => {
  it('opens a file picked in the dialog and remembers it', async () => {
    const file = join(docs, 'grorud.json');
    await writeFile(file, '{"a":1}');
    showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [file] });
    expect(await h.openFile(event)).toEqual({ path: file, name: 'grorud.json', text: '{"a":1}' });
    expect((await h.recentFiles(event)) as unknown[]).toMatchObject([
      { path: file, name: 'grorud.json' },
    ]);
    expect(await h.openRecent(event, file)).toMatchObject({ text: '{"a":1}' });
  });

  it('opens a school calendar to import without making it a recent or writable file', async () => {
    const file = join(docs, 'skolerute.ics');
    await writeFile(file, 'BEGIN:VCALENDAR');
    showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [file] });
    expect(await h.openFile(event, 'calendar')).toEqual({
      path: file,
      name: 'skolerute.ics',
      text: 'BEGIN:VCALENDAR',
    });
    expect(showOpenDialog.mock.lastCall?.at(-1)).toMatchObject({
      filters: [{ extensions: ['ics', 'json'] }, { extensions: ['*'] }],
    });
    expect(await h.recentFiles(event)).toEqual([]);
    await expect(h.saveFile(event, file, '{}', 'skolerute.ics')).rejects.toThrow(/ikke er åpnet/);
    await expect(h.openFile(event, 'passord')).rejects.toThrow();
  });

  it('returns null when the dialog is cancelled', async () => {
    showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    expect(await h.openFile(event)).toBeNull();
  });

  it('refuses to open a path that is not in the recent list', async () => {
    const secret = join(root, 'secret.txt');
    await writeFile(secret, 'hemmelig');
    await expect(h.openRecent(event, secret)).rejects.toThrow(/ikke i listen/);
    await expect(h.openRecent(event, '/etc/passwd')).rejects.toThrow(/ikke i listen/);
  });
});

describe('saveFile', () => {
  it('asks for a path, writes atomically and keeps the previous version as .bak', async () => {
    const target = join(docs, 'modell.json');
    showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    expect(await h.saveFile(event, null, 'v1', 'modell')).toEqual({
      path: target,
      name: 'modell.json',
    });
    expect(showSaveDialog.mock.calls[0]?.[0]).toMatchObject({
      defaultPath: join(docs, 'modell.json'),
    });
    expect(await h.saveFile(event, target, 'v2', 'modell.json')).toEqual({
      path: target,
      name: 'modell.json',
    });
    expect(showSaveDialog).toHaveBeenCalledTimes(1);
    expect(await readFile(target, 'utf8')).toBe('v2');
    expect(await readFile(`${target}.bak`, 'utf8')).toBe('v1');
    expect((await readdir(docs)).sort()).toEqual(['modell.json', 'modell.json.bak']);
  });

  it('returns null when the save dialog is cancelled', async () => {
    showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    expect(await h.saveFile(event, null, '{}', 'x.json')).toBeNull();
  });

  it('refuses to write to a path main does not know', async () => {
    const before = await tree();
    await expect(h.saveFile(event, join(docs, 'annen.json'), '{}', 'x.json')).rejects.toThrow(
      /Lagre som/,
    );
    await expect(h.saveFile(event, '/etc/passwd', '{}', 'x.json')).rejects.toThrow(/Lagre som/);
    expect(await tree()).toEqual(before);
  });
});

describe('exportFiles', () => {
  it('writes the files into a named folder inside the picked one', async () => {
    showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [docs] });
    const result = await h.exportFiles(event, {
      name: 'Grorud 2025-26',
      files: [
        { name: 'plan.docx', bytes: new Uint8Array([1, 2, 3]) },
        { name: 'arshjul.ics', bytes: new TextEncoder().encode('BEGIN:VCALENDAR') },
      ],
    });
    const folder = join(docs, 'Grorud 2025-26');
    expect(result).toEqual({ folder });
    expect((await readdir(folder)).sort()).toEqual(['arshjul.ics', 'plan.docx']);
    expect(await readFile(join(folder, 'arshjul.ics'), 'utf8')).toBe('BEGIN:VCALENDAR');
  });

  it('writes one level of sub-folders, and opens only a folder it exported to', async () => {
    showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [docs] });
    const pdf = new Uint8Array([37, 80, 68, 70]);
    const result = await h.exportFiles(event, {
      name: 'arshjul-grorud-2025-26',
      files: [
        { name: 'ammerud/plan-ammerud-2025-26.pdf', bytes: pdf },
        { name: 'romsas/plan-romsas-2025-26.pdf', bytes: pdf },
        { name: 'grorudmodellen.json', bytes: new TextEncoder().encode('{}') },
      ],
    });
    const folder = join(docs, 'arshjul-grorud-2025-26');
    expect(result).toEqual({ folder });
    expect((await readdir(folder, { recursive: true })).map(String).sort()).toEqual([
      'ammerud',
      join('ammerud', 'plan-ammerud-2025-26.pdf'),
      'grorudmodellen.json',
      'romsas',
      join('romsas', 'plan-romsas-2025-26.pdf'),
    ]);
    expect(
      new Uint8Array(await readFile(join(folder, 'romsas', 'plan-romsas-2025-26.pdf'))),
    ).toEqual(pdf);

    await h.openFolder(event, folder);
    expect(openPath).toHaveBeenCalledWith(folder);
    openPath.mockClear();
    await expect(h.openFolder(event, docs)).rejects.toThrow(/eksportert til i denne økten/);
    await expect(h.openFolder(event, join(folder, 'ammerud'))).rejects.toThrow(/eksportert/);
    await expect(h.openFolder(event, '/etc')).rejects.toThrow(/eksportert/);
    expect(openPath).not.toHaveBeenCalled();

    openPath.mockResolvedValueOnce('Fant ingen filbehandler');
    await expect(h.openFolder(event, folder)).rejects.toThrow(
      /Kunne ikke åpne mappen: Fant ingen filbehandler/,
    );
  });

  it('reports a file it cannot write and still writes the others', async () => {
    showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [docs] });
    const folder = join(docs, 'ut');
    // A folder where a file should go: that one file fails.
    await mkdir(join(folder, 'plan.pdf'), { recursive: true });
    const result = (await h.exportFiles(event, {
      name: 'ut',
      files: [
        { name: 'plan.pdf', bytes: new Uint8Array([1]) },
        { name: 'ammerud/arshjul.ics', bytes: new Uint8Array([2]) },
      ],
    })) as { folder: string; failed?: { name: string; message: string }[] };
    expect(result.folder).toBe(folder);
    expect(result.failed).toHaveLength(1);
    expect(result.failed?.[0]?.name).toBe('plan.pdf');
    expect(result.failed?.[0]?.message).toMatch(/Kunne ikke lagre «plan\.pdf»/);
    expect(new Uint8Array(await readFile(join(folder, 'ammerud', 'arshjul.ics')))).toEqual(
      new Uint8Array([2]),
    );
  });

  it('returns null and writes nothing when the folder dialog is cancelled', async () => {
    showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    const before = await tree();
    expect(
      await h.exportFiles(event, {
        name: 'ut',
        files: [{ name: 'a.ics', bytes: new Uint8Array(1) }],
      }),
    ).toBeNull();
    expect(await tree()).toEqual(before);
  });

  it('rejects two files with the same name', async () => {
    const bytes = new Uint8Array(1);
    await expect(
      h.exportFiles(event, {
        name: 'ut',
        files: [
          { name: 'a.ics', bytes },
          { name: 'A.ics', bytes },
        ],
      }),
    ).rejects.toThrow(/samme navn/);
  });
});

describe('print', () => {
  it("prints the sender's page and reports a failure in words", async () => {
    const print = vi.fn((_options: object, callback: (success: boolean, reason: string) => void) =>
      callback(true, ''),
    );
    await expect(h.print({ ...event, sender: { print } })).resolves.toBeUndefined();
    expect(print).toHaveBeenCalledTimes(1);
    expect(print.mock.calls[0]?.[0]).toMatchObject({ printBackground: true });

    print.mockImplementationOnce((_o, callback) => callback(false, 'cancelled'));
    await expect(h.print({ ...event, sender: { print } })).resolves.toBeUndefined();
    print.mockImplementationOnce((_o, callback) => callback(false, 'failed'));
    await expect(h.print({ ...event, sender: { print } })).rejects.toThrow(
      /Utskriften mislyktes: failed/,
    );
    await expect(h.print(event)).rejects.toThrow(/ingenting å skrive ut/);
  });
});

describe('recovery, dirty flag and external links', () => {
  it('writes, reads and clears the recovery copy', async () => {
    expect(await h.readRecovery(event)).toBeNull();
    await h.writeRecovery(event, '{"b":2}', null);
    expect(await h.readRecovery(event)).toMatchObject({ text: '{"b":2}', path: null });
    await h.clearRecovery(event);
    expect(await h.readRecovery(event)).toBeNull();
  });

  it('tracks the dirty flag', async () => {
    await h.setDirty(event, true);
    expect(ctx.state.dirty).toBe(true);
    await h.setDirty(event, false);
    expect(ctx.state.dirty).toBe(false);
  });

  it('opens https links', async () => {
    await h.openExternal(event, 'https://www.oslo.kommune.no/');
    expect(openExternal).toHaveBeenCalledWith('https://www.oslo.kommune.no/');
  });
});

describe('saveLatestRecovery (close guard «Lagre»)', () => {
  it('saves the newest autosave to its known path and clears it', async () => {
    const target = join(docs, 'modell.json');
    await writeFile(target, 'old');
    showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [target] });
    await h.openFile(event);
    await h.setDirty(event, true);
    await h.writeRecovery(event, 'new', target);
    expect(await saveLatestRecovery(ctx)).toBe(true);
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readFile(`${target}.bak`, 'utf8')).toBe('old');
    expect(await h.readRecovery(event)).toBeNull();
    expect(ctx.state.dirty).toBe(false);
    expect(showSaveDialog).not.toHaveBeenCalled();
  });

  it('asks for a path when the model was never saved', async () => {
    await h.writeRecovery(event, 'ny', null);
    showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    expect(await saveLatestRecovery(ctx)).toBe(false);
    expect(await h.readRecovery(event)).toMatchObject({ text: 'ny' });
  });

  it('returns false when nothing was autosaved', async () => {
    expect(await saveLatestRecovery(ctx)).toBe(false);
  });
});

describe('the close guard asks the renderer to save', () => {
  function fakeWindow(onSend: (channel: string, id: number) => void) {
    return {
      isDestroyed: () => false,
      webContents: { isDestroyed: () => false, send: onSend },
    } as unknown as BrowserWindow;
  }

  it('sends a save request and resolves with the answer that comes back through saveDone', async () => {
    const state = createState();
    const sent: [string, number][] = [];
    const c = {
      ...ctx,
      state,
      window: () => fakeWindow((channel, id) => sent.push([channel, id])),
    };
    const handlers = createHandlers(c);
    const answer = requestRendererSave(c, 5000);
    expect(sent).toEqual([['arshjul:save-request', 1]]);
    await handlers.saveDone(event, 1, true);
    await expect(answer).resolves.toBe(true);
    expect(state.pendingSaves.size).toBe(0);
  });

  it('resolves null without a window or without an answer in time (the recovery copy is used)', async () => {
    await expect(requestRendererSave({ ...ctx, window: () => null })).resolves.toBeNull();
    const c = { ...ctx, state: createState(), window: () => fakeWindow(() => undefined) };
    await expect(requestRendererSave(c, 10)).resolves.toBeNull();
    expect(c.state.pendingSaves.size).toBe(0);
  });

  it('validates saveDone and ignores an answer to no request', async () => {
    const handlers = createHandlers(ctx);
    await expect(handlers.saveDone(event, 'x', true)).rejects.toThrow(/Ugyldig forespørsel/);
    await expect(handlers.saveDone(event, 99, false)).resolves.toBeUndefined();
  });
});
