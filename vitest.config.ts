import { defineConfig } from 'vitest/config';

// One vitest run over every project; each project keeps its own vitest.config.ts so
// `nx run <project>:test` (and `nx affected -t test`) works on its own.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'tools/*'],
  },
});
