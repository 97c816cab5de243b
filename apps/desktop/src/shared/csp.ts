/**
 * The app's Content-Security-Policy, in one place: main sends it as a header with every response
 * (Electron), and the built page carries it as a `<meta>` tag (the file:// page in Electron, and
 * the web build), added by `cspMetaPlugin` at build time only, since Vite's dev server needs
 * inline styles and its HMR socket.
 */
import type { Plugin } from 'vite';

/**
 * The Content-Security-Policy sent with every response. The production build needs no inline
 * styles or scripts; Vite's dev server injects `<style>` tags and talks to its HMR socket, so
 * development (only) allows inline styles and a WebSocket back to the dev server.
 *
 * The export runs resvg as WebAssembly (the wheel's PNG), which needs `'wasm-unsafe-eval'`: it
 * lets the page compile WebAssembly, and nothing else (no `eval`, no `new Function`). The fonts
 * and the `.wasm` file are the app's own assets, fetched under `connect-src 'self'`.
 */
export function contentSecurityPolicy(devServerUrl?: string): string {
  const directives = [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    devServerUrl ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    devServerUrl ? `connect-src 'self' ${webSocketOrigin(devServerUrl)}` : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
  ];
  return directives.join('; ');
}

function webSocketOrigin(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol === 'https:' ? 'wss:' : 'ws:'}//${parsed.host}`;
}

/**
 * The policy as a `<meta>` tag can carry it: `frame-ancestors` is ignored there (browsers warn),
 * so it is left out; the header keeps it.
 */
export function metaContentSecurityPolicy(): string {
  return contentSecurityPolicy()
    .split('; ')
    .filter((d) => !d.startsWith('frame-ancestors'))
    .join('; ');
}

/** Adds the policy as the first `<meta>` of the built page (not in the dev server). */
export function cspMetaPlugin(): Plugin {
  let building = false;
  return {
    name: 'arshjul-csp-meta',
    configResolved(config) {
      building = config.command === 'build';
    },
    transformIndexHtml() {
      if (!building) return [];
      return [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: metaContentSecurityPolicy() },
          injectTo: 'head-prepend',
        },
      ];
    },
  };
}
