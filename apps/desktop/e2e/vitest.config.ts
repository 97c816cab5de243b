// The end-to-end tests: the web build (`dist-web/`) in Debian's Chromium through playwright-core.
// Run with `npm run e2e`; kept apart from the unit tests (`vitest.config.ts`).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // One browser, one page, the flows in order.
    fileParallelism: false,
  },
});
