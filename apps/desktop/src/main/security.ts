/**
 * Electron hardening (prior-art §5.6): secure web preferences, a strict Content-Security-Policy,
 * blocked navigation and new windows, checked external links, denied permissions and IPC that
 * only the app's own top-level page may use.
 */
import { shell } from 'electron';
import type { Session, WebContents, WebPreferences } from 'electron';

/** The renderer's web preferences. Tests and a grep in CI guard every line of this object. */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

import { contentSecurityPolicy } from '../shared/csp.js';

export { contentSecurityPolicy };

/**
 * A link may leave the app only if it is `https:` without credentials. Returns the normalised
 * URL, or null when refused.
 */
export function checkExternalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '') return null;
  if (url.hostname === '') return null;
  return url.href;
}

/** Opens a checked link in the system browser; false when the link was refused. */
export async function openExternalSafely(raw: unknown): Promise<boolean> {
  const url = checkExternalUrl(raw);
  if (url === null) return false;
  await shell.openExternal(url);
  return true;
}

/**
 * Whether `url` is the app's own page: the dev server's origin in development, otherwise the
 * built `index.html` file (any query or hash).
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  let target: URL;
  let app: URL;
  try {
    target = new URL(url);
    app = new URL(appUrl);
  } catch {
    return false;
  }
  if (app.protocol === 'file:') {
    return target.protocol === 'file:' && target.pathname === app.pathname && target.host === '';
  }
  return target.origin === app.origin;
}

const hardened = new WeakSet<WebContents>();

/**
 * Blocks navigation away from the app, new windows, webviews and redirects. Idempotent: the
 * main window is hardened both when created and by `web-contents-created`.
 */
export function hardenWebContents(contents: WebContents, appUrl: string): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalSafely(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url, appUrl)) return;
    event.preventDefault();
    void openExternalSafely(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Sends the CSP with every response and denies every permission request. */
export function hardenSession(session: Session, devServerUrl?: string): void {
  const policy = contentSecurityPolicy(devServerUrl);
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...(details.responseHeaders ?? {}) };
    for (const key of Object.keys(headers)) {
      if (key.toLowerCase() === 'content-security-policy') delete headers[key];
    }
    headers['Content-Security-Policy'] = [policy];
    callback({ responseHeaders: headers });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler?.(() => false);
}

/** Minimal view of an IPC event, enough to check who sent it. */
export interface SenderLike {
  senderFrame: { url: string; parent: unknown } | null;
}

/** IPC is accepted only from the app's own top-level page. */
export function isTrustedSender(event: SenderLike, appUrl: string): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url, appUrl);
}
