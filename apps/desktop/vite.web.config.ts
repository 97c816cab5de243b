// The same renderer as a static web page (`dist-web/`), with the browser adapter for open, save
// and export. The end-to-end tests drive this build in Chromium.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { cspMetaPlugin } from './src/shared/csp.js';

export default defineConfig({
  root: resolve(__dirname, 'src/renderer'),
  base: './',
  resolve: { conditions: ['source'] },
  define: { __ARSHJUL_PLATFORM__: JSON.stringify('web') },
  plugins: [vue(), cspMetaPlugin()],
  build: {
    outDir: resolve(__dirname, 'dist-web'),
    emptyOutDir: true,
    rollupOptions: {
      input: {
        index: resolve(__dirname, 'src/renderer/index.html'),
        // The export as a module of its own at a fixed name (`exporter.js`), so the end-to-end
        // test can import it into the page and compare its files with the CLI's.
        exporter: resolve(__dirname, 'src/renderer/src/export/e2e-entry.ts'),
      },
      // Keep the exporter entry's exports (an app build drops them by default).
      preserveEntrySignatures: 'exports-only',
      output: {
        entryFileNames: (chunk) =>
          chunk.name === 'exporter' ? 'exporter.js' : 'assets/[name]-[hash].js',
      },
    },
  },
});
