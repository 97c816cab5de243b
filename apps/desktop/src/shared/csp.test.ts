import { describe, expect, it } from 'vitest';
import type { ResolvedConfig } from 'vite';
import { contentSecurityPolicy, cspMetaPlugin, metaContentSecurityPolicy } from './csp.js';

describe('the policy', () => {
  it('lets the page compile WebAssembly (the export’s PNG) but never evaluate strings', () => {
    for (const policy of [
      contentSecurityPolicy(),
      contentSecurityPolicy('http://localhost:5173'),
    ]) {
      const script = policy.split('; ').find((d) => d.startsWith('script-src '));
      expect(script).toBe("script-src 'self' 'wasm-unsafe-eval'");
      expect(policy).not.toMatch(/(^|[\s])'unsafe-eval'/);
      expect(policy.replace("'wasm-unsafe-eval'", '')).not.toContain('eval');
    }
  });

  it('fetches only the app’s own assets (fonts, .wasm), and embeds no other objects', () => {
    const policy = contentSecurityPolicy();
    expect(policy).toContain("connect-src 'self'");
    expect(policy).not.toMatch(/connect-src[^;]*(https?:|\*|blob:|data:)/);
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("object-src 'none'");
  });
});

describe('the page policy as a meta tag', () => {
  it('is the header policy without frame-ancestors (which a meta tag cannot carry)', () => {
    const header = contentSecurityPolicy();
    const meta = metaContentSecurityPolicy();
    expect(header).toContain("frame-ancestors 'none'");
    expect(meta).not.toContain('frame-ancestors');
    expect(meta).toContain("script-src 'self'");
    expect(meta).toContain("style-src 'self'");
    expect(meta).not.toContain('unsafe-inline');
  });

  it('is added to the built page only, never to the dev server’s', () => {
    const run = (command: 'build' | 'serve') => {
      const plugin = cspMetaPlugin();
      (plugin.configResolved as (c: ResolvedConfig) => void)({ command } as ResolvedConfig);
      return (plugin.transformIndexHtml as () => unknown)();
    };
    expect(run('serve')).toEqual([]);
    expect(run('build')).toEqual([
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: metaContentSecurityPolicy() },
        injectTo: 'head-prepend',
      },
    ]);
  });
});
