import { build } from 'esbuild';

await build({
  entryPoints: ['src/main.ts'],
  outfile: 'dist/bench.mjs',
  bundle: true,
  external: ['@duckdb/node-api', '@polyglot-sql/sdk'],
  platform: 'node',
  target: 'node20',
  format: 'esm',
  banner: { js: "import { createRequire as __lfCreateRequire } from 'node:module'; const require = __lfCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
