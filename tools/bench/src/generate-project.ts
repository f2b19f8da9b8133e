import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface GeneratedProjectSpec {
  models: number;
  /** Models per layer; the DAG is `models / layerSize` layers deep. */
  layerSize?: number;
  refsPerModel?: number;
  /** Models per folder (one schema.yml each). */
  folderSize?: number;
}

/** Deterministic pseudo-random numbers, so every run generates the same project. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export const modelName = (i: number) => `m_${String(i).padStart(5, '0')}`;

/**
 * A layered DAG project in the shape the compile budget names: every model has a config() call,
 * a {% set %} and a for loop, refs `refsPerModel` models of earlier layers (the first layer reads
 * sources), and `testsPerModel` column tests in its folder's schema.yml.
 */
export function generateProject(dir: string, spec: GeneratedProjectSpec): { files: number } {
  const layerSize = spec.layerSize ?? Math.max(10, Math.ceil(spec.models / 20));
  const refs = spec.refsPerModel ?? 3;
  const folderSize = spec.folderSize ?? 100;
  const rand = rng(42);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'models'), { recursive: true });
  writeFileSync(
    join(dir, 'dbt_project.yml'),
    `name: bench\nversion: '1.0.0'\nconfig-version: 2\nprofile: bench\nmodels:\n  bench:\n    +materialized: view\n    layer_00:\n      +tags: ['first']\n`,
  );
  const sources = ['orders', 'customers', 'payments', 'products', 'stores'];
  writeFileSync(
    join(dir, 'models', 'sources.yml'),
    `version: 2\nsources:\n  - name: raw\n    schema: raw\n    tables:\n${sources.map((t) => `      - name: ${t}\n        columns:\n          - name: id\n            data_type: bigint\n`).join('')}`,
  );
  let files = 2;
  const folderYaml = new Map<string, string[]>();
  for (let i = 0; i < spec.models; i++) {
    const layer = Math.floor(i / layerSize);
    const folder = `layer_${String(layer).padStart(2, '0')}/part_${String(Math.floor((i % layerSize) / folderSize)).padStart(3, '0')}`;
    const parents: string[] = [];
    if (layer === 0) {
      for (let r = 0; r < refs; r++) parents.push(`source('raw', '${sources[(i + r) % sources.length]}')`);
    } else {
      const lo = Math.max(0, (layer - 2) * layerSize);
      const hi = layer * layerSize;
      const picked = new Set<number>();
      picked.add(hi - layerSize + Math.floor(rand() * layerSize));
      while (picked.size < Math.min(refs, hi - lo)) picked.add(lo + Math.floor(rand() * (hi - lo)));
      for (const p of picked) parents.push(`ref('${modelName(p)}')`);
    }
    const name = modelName(i);
    const sql = `{{ config(materialized='${i % 3 === 0 ? 'table' : 'view'}', tags=['layer_${layer}']) }}
{% set metrics = ['amount', 'quantity', 'discount'] %}

with
${parents.map((p, k) => `p${k} as (\n    select * from {{ ${p} }}\n)`).join(',\n')}

select
    p0.id,
    {% for m in metrics %}
    sum(p0.{{ m }}) as total_{{ m }}{{ ',' if not loop.last }}
    {% endfor %}
from p0
${parents.slice(1).map((_, k) => `left join p${k + 1} on p0.id = p${k + 1}.id`).join('\n')}
group by 1
`;
    mkdirSync(join(dir, 'models', folder), { recursive: true });
    writeFileSync(join(dir, 'models', folder, `${name}.sql`), sql);
    files++;
    // Three column tests per model: not_null and unique on the key, not_null on a metric.
    const entry = `  - name: ${name}\n    description: Model ${i} of layer ${layer}.\n    columns:\n      - name: id\n        data_tests:\n          - not_null\n          - unique\n      - name: total_amount\n        data_tests:\n          - not_null\n`;
    const list = folderYaml.get(folder) ?? [];
    list.push(entry);
    folderYaml.set(folder, list);
  }
  for (const [folder, entries] of folderYaml) {
    writeFileSync(join(dir, 'models', folder, 'schema.yml'), `version: 2\nmodels:\n${entries.join('')}`);
    files++;
  }
  return { files };
}
