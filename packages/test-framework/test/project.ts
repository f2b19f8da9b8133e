import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileProject, resolveTarget, type Manifest, type ManifestNode } from '@lakeform/sql-compiler';
import { executeDag } from '@lakeform/runner';
import { LocalEngine } from '@lakeform/local-engine';

export interface BuiltProject {
  dir: string;
  engine: LocalEngine;
  manifest: Manifest;
  /** Test nodes by their name (the fixture names every test). */
  test(name: string): ManifestNode;
  testIdsOn(modelName: string): string[];
  close(): Promise<void>;
}

/** A fresh copy of a fixture, compiled against a real local engine, with its models built. */
export async function buildFixture(name: string): Promise<BuiltProject> {
  const dir = mkdtempSync(join(tmpdir(), `lakeform-tests-${name}-`));
  cpSync(join(import.meta.dirname, 'fixtures', name), dir, { recursive: true });
  const { profile } = resolveTarget({ projectDir: dir });
  const engine = await LocalEngine.open({ projectDir: dir, target: profile.target as never, threads: 2 });
  const project = await compileProject({ projectDir: dir, warehouse: engine.warehouse, which: 'build' });
  const manifest = project.manifest;
  const models = Object.values(manifest.nodes).filter((n) => n.resource_type === 'model');
  const outcome = await executeDag({
    nodes: models,
    parents: manifest.parent_map,
    threads: 2,
    run: (node) => engine.materialize(node, { sources: new Map(), projectDir: dir, fullRefresh: false, notice: () => undefined }),
  });
  const broken = outcome.results.filter((r) => r.result.status !== 'success');
  if (broken.length > 0) throw new Error(`fixture ${name} did not build: ${broken.map((r) => `${r.node.name}: ${r.result.message}`).join('; ')}`);
  const tests = Object.values(manifest.nodes).filter((n) => n.resource_type === 'test');
  return {
    dir,
    engine,
    manifest,
    test(testName) {
      const found = tests.find((t) => t.name === testName);
      if (!found) throw new Error(`no test named ${testName} in fixture ${name}`);
      return found;
    },
    testIdsOn: (modelName) => tests.filter((t) => t.attached_node === `model.${manifest.metadata.project_name}.${modelName}`).map((t) => t.unique_id),
    async close() {
      await engine.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The count dbt would report: the test's fail_calc (`count(*)` unless the test sets one) over the rows of its own compiled SQL. */
export async function compiledCount(engine: LocalEngine, node: ManifestNode): Promise<number> {
  const failCalc = typeof node.config['fail_calc'] === 'string' ? node.config['fail_calc'] : 'count(*)';
  const r = await engine.execute(`select ${failCalc} as n from (\n${node.compiled_code}\n) dbt_internal_test`);
  return Number(r.rows[0]![0]);
}
