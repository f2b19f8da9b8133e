import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LakeformError, resolveTarget } from '@lakeform/sql-compiler';
import type { Engine } from '@lakeform/runner';
import { LocalEngine } from '@lakeform/local-engine';
import { parseVars, type ProjectFlags } from '../cli-options.js';

export interface OpenedEngine {
  engine: Engine;
  targetName: string;
  threads: number;
  /** Where the warehouse lives, for the summary ("warehouse: .lakeform/warehouse"). */
  where: string;
  /** The target's own engine is not available here; a throwaway local engine stands in (unit tests only). */
  standIn: boolean;
}

/** The engine of the flags' target: the local engine for `type: local` / `type: duckdb`. */
export async function openEngine(projectDir: string, flags: ProjectFlags & { threads?: number | undefined }, opts: { localStandIn?: boolean } = {}): Promise<OpenedEngine> {
  const { target, profile } = resolveTarget({ projectDir, profilesDir: flags.profilesDir, target: flags.target, vars: parseVars(flags.vars) });
  const threads = flags.threads ?? Number(target['threads'] ?? 4);
  if (profile.target['type'] === 'athena' && opts.localStandIn) {
    // Unit tests need no warehouse: they run on a throwaway local engine whatever the target.
    const dir = mkdtempSync(join(tmpdir(), 'lakeform-unit-'));
    const engine = await LocalEngine.open({ projectDir: dir, target: { type: 'local', path: dir, database: String(profile.target['database'] ?? 'awsdatacatalog') }, threads });
    return { engine, targetName: profile.targetName, threads, where: dir, standIn: true };
  }
  if (profile.target['type'] === 'athena') {
    throw new LakeformError({
      code: 'E_ENGINE_UNAVAILABLE',
      message: `target '${profile.targetName}' runs on Athena, and this build of Lakeform runs only the local engine so far`,
      hint: 'run against a local target (type: local or duckdb), e.g. --target dev',
    });
  }
  const engine = await LocalEngine.open({ projectDir, target: profile.target as never, threads });
  return { engine, targetName: profile.targetName, threads, where: engine.location.dir, standIn: false };
}
