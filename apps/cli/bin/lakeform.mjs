#!/usr/bin/env -S node --max-semi-space-size=64
// The flag is read at start-up only: a larger young generation roughly halves GC time on big
// projects (a 10,000-model compile allocates gigabytes of short-lived objects).
// Thin launcher: the CLI is bundled to dist/ by `npm run build` (esbuild), so start-up stays fast.
import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const bundle = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'lakeform.mjs');
if (!existsSync(bundle)) {
  process.stderr.write('lakeform is not built yet: run `npm run build` at the repository root first.\n');
  process.exit(2);
}
// The SQL translator is a large WebAssembly module; V8's optimising recompile of it in the
// background held every run's exit for over a second. Its baseline code translates fast enough.
setFlagsFromString('--liftoff-only');
await import(pathToFileURL(bundle).href);
