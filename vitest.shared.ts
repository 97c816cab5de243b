// Test settings shared by every package: workspace packages resolve to their TypeScript sources,
// and the tests run in a time zone far from Oslo to prove that no date logic leans on the
// machine's own zone.
import { readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { UserWorkspaceConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

function workspaceAliases(): { find: RegExp; replacement: string }[] {
  const aliases: { find: RegExp; replacement: string }[] = [];
  const dir = join(root, 'packages');
  for (const name of readdirSync(dir)) {
    const src = join(dir, name, 'src', 'index.ts');
    if (existsSync(src)) aliases.push({ find: new RegExp(`^@arshjul/${name}$`), replacement: src });
    // Browser-safe entry points (`@arshjul/export/pure`, `@arshjul/export/browser`).
    for (const entry of ['pure', 'browser']) {
      const file = join(dir, name, 'src', `${entry}.ts`);
      if (existsSync(file))
        aliases.push({ find: new RegExp(`^@arshjul/${name}/${entry}$`), replacement: file });
    }
  }
  return aliases;
}

export function sharedTestConfig(_packageUrl: string): UserWorkspaceConfig {
  return {
    resolve: { alias: workspaceAliases() },
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      env: { TZ: 'America/New_York' },
      // Safety nets only (nothing asserts speed): CI runs every package at once on two cores,
      // where making a PDF or a Word file can take seconds.
      testTimeout: 60_000,
      hookTimeout: 120_000,
    },
  };
}
