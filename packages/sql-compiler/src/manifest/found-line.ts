import type { Manifest } from './schema.js';

/** dbt's "Found 7 models, 21 data tests, 7 sources, 512 macros" line. */
export function foundLine(m: Manifest, drafts?: Iterable<{ resourceType: string }>): string {
  const counts = new Map<string, number>();
  if (drafts) for (const n of drafts) counts.set(n.resourceType, (counts.get(n.resourceType) ?? 0) + 1);
  else for (const n of Object.values(m.nodes)) counts.set(n.resource_type, (counts.get(n.resource_type) ?? 0) + 1);
  const parts: string[] = [];
  const add = (n: number, singular: string, plural: string) => {
    if (n > 0) parts.push(`${n} ${n === 1 ? singular : plural}`);
  };
  add(counts.get('model') ?? 0, 'model', 'models');
  add(counts.get('snapshot') ?? 0, 'snapshot', 'snapshots');
  add(counts.get('analysis') ?? 0, 'analysis', 'analyses');
  add(counts.get('seed') ?? 0, 'seed', 'seeds');
  add(counts.get('test') ?? 0, 'data test', 'data tests');
  add(counts.get('operation') ?? 0, 'operation', 'operations');
  add(Object.keys(m.sources).length, 'source', 'sources');
  add(Object.keys(m.exposures).length, 'exposure', 'exposures');
  add(Object.keys(m.unit_tests).length, 'unit test', 'unit tests');
  add(Object.keys(m.macros).length, 'macro', 'macros');
  return `Found ${parts.join(', ')}`;
}
