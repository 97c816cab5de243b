import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const openExternal = vi.fn(async (_url: string) => undefined);
vi.mock('electron', () => ({ shell: { openExternal } }));

const {
  checkExternalUrl,
  contentSecurityPolicy,
  hardenSession,
  hardenWebContents,
  isAppUrl,
  isTrustedSender,
  openExternalSafely,
  secureWebPreferences,
} = await import('./security.js');

beforeEach(() => openExternal.mockClear());

/** A fake WebContents: an EventEmitter with setWindowOpenHandler. */
function fakeContents() {
  const emitter = new EventEmitter() as EventEmitter & {
    openHandler?: (details: { url: string }) => { action: string };
    setWindowOpenHandler(h: (details: { url: string }) => { action: string }): void;
  };
  emitter.setWindowOpenHandler = (h) => {
    emitter.openHandler = h;
  };
  return emitter;
}

function navigate(contents: EventEmitter, event: string, url: string): boolean {
  let prevented = false;
  contents.emit(event, { preventDefault: () => (prevented = true) }, url);
  return prevented;
}

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the renderer', () => {
    expect(secureWebPreferences('/x/preload/index.cjs')).toMatchObject({
      preload: '/x/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe('contentSecurityPolicy', () => {
  it('is strict in production: no inline styles or scripts', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("img-src 'self' data:");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    // WebAssembly (the PNG export's resvg) may compile; JavaScript eval and inline code may not.
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp.replace(" 'wasm-unsafe-eval'", '')).not.toContain('unsafe');
  });

  it('allows inline styles and the HMR socket only with a dev server', () => {
    const csp = contentSecurityPolicy('http://localhost:5173');
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("connect-src 'self' ws://localhost:5173");
    expect(csp).not.toMatch(/(^|\s)'unsafe-eval'/);
  });
});

describe('external links', () => {
  it.each([
    'http://example.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,hi',
    'https://user:pw@example.com/',
    'ftp://example.com/',
    'not a url',
    '',
  ])('refuses %s', async (url: string) => {
    expect(checkExternalUrl(url)).toBeNull();
    expect(await openExternalSafely(url)).toBe(false);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('opens https links in the system browser', async () => {
    expect(await openExternalSafely('https://www.udir.no/laring-og-trivsel/')).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://www.udir.no/laring-og-trivsel/');
  });

  it('refuses non-strings', () => {
    expect(checkExternalUrl(42)).toBeNull();
    expect(checkExternalUrl({ href: 'https://x.no' })).toBeNull();
  });
});

describe('isAppUrl', () => {
  it('matches the dev server origin', () => {
    expect(isAppUrl('http://localhost:5173/#/plan', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('https://evil.example/', 'http://localhost:5173')).toBe(false);
  });

  it('matches only the built index.html as a file URL', () => {
    const app = 'file:///opt/arshjul/out/renderer/index.html';
    expect(isAppUrl('file:///opt/arshjul/out/renderer/index.html#x', app)).toBe(true);
    expect(isAppUrl('file:///etc/passwd', app)).toBe(false);
    expect(isAppUrl('file://server/opt/arshjul/out/renderer/index.html', app)).toBe(false);
  });
});

describe('hardenWebContents', () => {
  const appUrl = 'file:///opt/arshjul/out/renderer/index.html';

  it('denies every new window and opens https links outside', () => {
    const contents = fakeContents();
    hardenWebContents(contents as never, appUrl);
    expect(contents.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'http://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: appUrl })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(openExternal).toHaveBeenCalledWith('https://example.com/');
  });

  it('prevents navigation to another origin and allows the app page', () => {
    const contents = fakeContents();
    hardenWebContents(contents as never, appUrl);
    expect(navigate(contents, 'will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'javascript:alert(1)')).toBe(true);
    expect(navigate(contents, 'will-navigate', `${appUrl}#plan`)).toBe(false);
    expect(navigate(contents, 'will-redirect', 'https://evil.example/')).toBe(true);
    expect(navigate(contents, 'will-attach-webview', 'x')).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://evil.example/');
    expect(openExternal).toHaveBeenCalledTimes(1);
  });
});

describe('hardenWebContents idempotence', () => {
  it('installs its listeners once per web contents', () => {
    const contents = fakeContents();
    hardenWebContents(contents as never, 'http://localhost:5173');
    hardenWebContents(contents as never, 'http://localhost:5173');
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(navigate(contents, 'will-navigate', 'https://x.no/')).toBe(true);
    expect(openExternal).toHaveBeenCalledTimes(1);
  });
});

describe('hardenSession', () => {
  it('sends the CSP header (replacing any other) and denies permissions', () => {
    let onHeaders: ((d: unknown, cb: (r: unknown) => void) => void) | undefined;
    let onPermission: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let onCheck: (() => boolean) | undefined;
    const session = {
      webRequest: { onHeadersReceived: (h: typeof onHeaders) => (onHeaders = h) },
      setPermissionRequestHandler: (h: typeof onPermission) => (onPermission = h),
      setPermissionCheckHandler: (h: typeof onCheck) => (onCheck = h),
    };
    hardenSession(session as never);
    let result: { responseHeaders: Record<string, string[]> } | undefined;
    onHeaders?.(
      { responseHeaders: { 'content-security-policy': ['default-src *'], 'X-A': ['1'] } },
      (r) => (result = r as typeof result),
    );
    expect(result?.responseHeaders).toEqual({
      'X-A': ['1'],
      'Content-Security-Policy': [contentSecurityPolicy()],
    });
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      onPermission?.({}, permission, (ok) => answers.push(ok));
    }
    expect(answers).toEqual([false, false, false, false]);
    expect(onCheck?.()).toBe(false);
  });
});

describe('isTrustedSender', () => {
  const appUrl = 'http://localhost:5173';
  it('accepts only the top-level app frame', () => {
    expect(isTrustedSender({ senderFrame: { url: `${appUrl}/`, parent: null } }, appUrl)).toBe(
      true,
    );
    expect(isTrustedSender({ senderFrame: { url: `${appUrl}/`, parent: {} } }, appUrl)).toBe(false);
    expect(isTrustedSender({ senderFrame: { url: 'https://x.no/', parent: null } }, appUrl)).toBe(
      false,
    );
    expect(isTrustedSender({ senderFrame: null }, appUrl)).toBe(false);
  });
});
