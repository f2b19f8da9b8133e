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
}

/** The engine of the flags' target: the local engine for `type: local` / `type: duckdb`. */
export async function openEngine(projectDir: string, flags: ProjectFlags & { threads?: number | undefined }): Promise<OpenedEngine> {
  const { target, profile } = resolveTarget({ projectDir, profilesDir: flags.profilesDir, target: flags.target, vars: parseVars(flags.vars) });
  const threads = flags.threads ?? Number(target['threads'] ?? 4);
  if (profile.target['type'] === 'athena') {
    throw new LakeformError({
      code: 'E_ENGINE_UNAVAILABLE',
      message: `target '${profile.targetName}' runs on Athena, and this build of Lakeform runs only the local engine so far`,
      hint: 'run against a local target (type: local or duckdb), e.g. --target dev',
    });
  }
  const engine = await LocalEngine.open({ projectDir, target: profile.target as never, threads });
  return { engine, targetName: profile.targetName, threads, where: engine.location.dir };
}
