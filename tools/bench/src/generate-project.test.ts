import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileProject } from '@lakeform/sql-compiler';
import { generateProject, modelName } from './generate-project.js';

describe('generated compile-bench project', () => {
  it('has the shape the budget names: refs, config, set and three tests per model', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'lf-bench-')), 'p');
    generateProject(dir, { models: 60, layerSize: 20 });
    const p = await compileProject({ projectDir: dir, env: {} });
    const nodes = [...p.nodes.values()];
    const models = nodes.filter((n) => n.resourceType === 'model');
    const tests = nodes.filter((n) => n.resourceType === 'test');
    expect(models).toHaveLength(60);
    expect(tests).toHaveLength(180);
    for (const m of models) {
      expect(m.refs.length + m.sources.length).toBe(3);
      expect(m.fileConfig['materialized']).toMatch(/^(table|view)$/);
      expect(m.rawCode).toContain('{% set metrics');
    }
    // Layer 2 models only ref layers 0 and 1: the DAG is layered and acyclic.
    const m45 = p.nodes.get(`model.bench.${modelName(45)}`)!;
    for (const r of m45.refs) expect(Number(r.name.slice(2))).toBeLessThan(40);
    expect(m45.compiledCode).toMatch(/sum\(p0\.amount\) as total_amount,\n/);
    expect(m45.compiledCode).toMatch(/sum\(p0\.discount\) as total_discount\n/);
  });
});
