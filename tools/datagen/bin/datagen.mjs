#!/usr/bin/env node
// Thin launcher: the CLI is bundled to dist/ by `npm run build` (esbuild).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const bundle = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'datagen.mjs');
if (!existsSync(bundle)) {
  process.stderr.write('datagen is not built yet: run `npm run build -w @lakeform/datagen` (or `npm run build` at the repository root) first.\n');
  process.exit(2);
}
await import(pathToFileURL(bundle).href);
