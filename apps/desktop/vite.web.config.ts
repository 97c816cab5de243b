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
  build: { outDir: resolve(__dirname, 'dist-web'), emptyOutDir: true },
});
