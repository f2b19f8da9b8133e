// Bundles the datagen CLI (and the workspace code it uses) into one ESM file, dist/datagen.mjs.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

// Paths are relative to this file, so the build works from the package folder (npm run build)
// and from the repository root (node tools/datagen/build.mjs) alike.
const here = (path) => fileURLToPath(new URL(path, import.meta.url));

await build({
  entryPoints: [here('src/cli.ts')],
  outfile: here('dist/datagen.mjs'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // Some bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __lfCreateRequire } from 'node:module'; const require = __lfCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
