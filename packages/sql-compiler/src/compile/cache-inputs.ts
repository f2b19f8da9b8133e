import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CompileOptions, PreparedCompile } from './compile-project.js';
import { CACHE_FORMAT, hashOf } from './partial-parse-cache.js';

/** Files whose change can alter the compile: every discovered file of the project and its non-built-in packages, plus the config files. */
export function trackedFiles(p: PreparedCompile): Map<string, { mtimeMs: number; size: number }> {
  const out = new Map<string, { mtimeMs: number; size: number }>();
  for (const pkg of p.packages) {
    if (pkg.kind === 'builtin' || pkg.kind === 'internal') continue;
    const f = pkg.files;
    for (const list of [f.models, f.seeds, f.snapshots, f.singularTests, f.macros, f.analyses, f.docs, f.schemaFiles]) {
      for (const file of list) out.set(file.absPath, { mtimeMs: file.mtimeMs, size: file.size });
    }
    for (const name of ['dbt_project.yml', 'packages.yml', 'dependencies.yml', 'selectors.yml', 'profiles.yml']) {
      const abs = join(pkg.dir, name);
      if (existsSync(abs)) {
        const st = statSync(abs);
        out.set(abs, { mtimeMs: st.mtimeMs, size: st.size });
      }
    }
  }
  return out;
}

/** What must be equal for a cached parse to be reusable, besides the files. */
export function cacheKey(p: PreparedCompile, opts: CompileOptions): string {
  // The rendered project files too: Jinja in dbt_project.yml can change a folder's config without
  // the file changing.
  return hashOf(JSON.stringify([CACHE_FORMAT, p.target, opts.vars ?? {}, !!opts.fullRefresh, opts.profilesDir ?? null, p.packages.map((x) => [x.name, x.dir, x.kind, x.project])]));
}

