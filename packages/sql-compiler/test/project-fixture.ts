import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const PROJECT_YML = `name: shop
version: '1.0.0'
config-version: 2
profile: shop
`;

/** Writes a project into a fresh temp folder; files are path → content. */
export function writeProject(files: Record<string, string>, withDefaults = true): string {
  const dir = mkdtempSync(join(tmpdir(), 'lakeform-proj-'));
  const all = withDefaults ? { 'dbt_project.yml': PROJECT_YML, ...files } : files;
  for (const [p, content] of Object.entries(all)) {
    const abs = join(dir, p);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return dir;
}
