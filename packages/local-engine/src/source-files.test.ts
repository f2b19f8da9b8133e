import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ManifestSource } from '@lakeform/sql-compiler';
import { locateSourceFiles } from './source-files.js';

function source(over: Partial<ManifestSource> & { meta?: Record<string, unknown> }): ManifestSource {
  return {
    unique_id: 'source.p.raw.orders',
    resource_type: 'source',
    name: 'orders',
    source_name: 'raw',
    source_description: '',
    package_name: 'p',
    path: 'models/sources.yml',
    original_file_path: 'models/sources.yml',
    fqn: ['p', 'raw', 'orders'],
    database: 'awsdatacatalog',
    schema: 'raw',
    identifier: 'orders',
    relation_name: '"awsdatacatalog"."raw"."orders"',
    loader: '',
    loaded_at_field: null,
    freshness: null,
    external: null,
    description: '',
    columns: {},
    meta: {},
    source_meta: {},
    tags: [],
    config: { enabled: true },
    patch_path: null,
    unrendered_config: {},
    created_at: 0,
    ...over,
  };
}

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'lf-src-'));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(root, p, '..'), { recursive: true });
    writeFileSync(join(root, p), text);
  }
  return root;
}

describe('locateSourceFiles', () => {
  it('reads meta.external_location relative to the project, skipping _SUCCESS and hidden files', () => {
    const root = tree({ 'raw/orders/a.csv': 'x\n1\n', 'raw/orders/b/part.csv': 'x\n2\n', 'raw/orders/_SUCCESS': '', 'raw/orders/.a.csv.crc': '' });
    const f = locateSourceFiles(source({ meta: { external_location: 'raw/orders/' } }), root, undefined);
    expect(f.format).toBe('csv');
    expect(f.files.map((p) => p.slice(root.length + 1))).toEqual(['raw/orders/a.csv', 'raw/orders/b/part.csv']);
  });

  it('maps an s3:// location onto the sources root, keeping its key', () => {
    const root = tree({ 'lake/raw/orders/data.parquet': 'PAR1' });
    const f = locateSourceFiles(source({ meta: { external_location: 's3://my-bucket/raw/orders/' } }), '/nowhere', join(root, 'lake'));
    expect(f.format).toBe('parquet');
    expect(f.files).toEqual([join(root, 'lake/raw/orders/data.parquet')]);
  });

  it('falls back to sources_root/<schema>/<table>/, <table>/ and <table>.<ext>', () => {
    const a = tree({ 'raw/orders/x.jsonl': '{}' });
    expect(locateSourceFiles(source({}), '/p', a).format).toBe('json');
    const b = tree({ 'orders/x.csv': 'a\n' });
    expect(locateSourceFiles(source({}), '/p', b).files).toEqual([join(b, 'orders/x.csv')]);
    const c = tree({ 'orders.parquet': 'PAR1' });
    expect(locateSourceFiles(source({}), '/p', c).format).toBe('parquet');
  });

  it('a declared format wins over extensions; mixed extensions without one is an error', () => {
    const root = tree({ 'raw/orders/a.txt': '{}', 'raw/orders/b.json': '{}' });
    expect(locateSourceFiles(source({ meta: { external_location: 'raw/orders', format: 'json' } }), root, undefined).format).toBe('json');
    expect(() => locateSourceFiles(source({ meta: { external_location: 'raw/orders' } }), root, undefined)).toThrow(/cannot tell the file format of source 'raw.orders'/);
  });

  it('a missing location names the source and where it looked', () => {
    const root = tree({});
    let err: unknown;
    try {
      locateSourceFiles(source({ meta: { external_location: 'raw/orders/' } }), root, undefined);
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: 'E_SOURCE_NOT_FOUND', location: { file: 'models/sources.yml' } });
    expect((err as Error).message).toContain(`no data files for source 'raw.orders' (looked in ${join(root, 'raw/orders')})`);
    expect(() => locateSourceFiles(source({}), root, undefined)).toThrow(/has no location to read locally/);
  });
});
