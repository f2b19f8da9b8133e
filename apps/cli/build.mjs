// Bundles the CLI and the workspace packages it uses into one ESM file for fast start-up.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/main.ts'],
  outdir: 'dist',
  entryNames: 'lakeform',
  outExtension: { '.js': '.mjs' },
  // Engines load on demand (a dynamic import → its own chunk), so `compile` and `ls` never pay
  // for starting DuckDB.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  // Native and WASM packages load from node_modules as they are.
  external: ['@duckdb/node-api', '@polyglot-sql/sdk'],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  // Smaller source parses faster at start-up; identifiers stay readable in --debug stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  // Some bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __lfCreateRequire } from 'node:module'; const require = __lfCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
