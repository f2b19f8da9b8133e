import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, fakeRender } from '../../test/fixtures/yaml/fake-render.js';
import { mergeConfigs, normalizeConfigKey, resolveFolderConfig } from './folder-config.js';
import { loadProjectFile } from './project-file.js';

const { project } = loadProjectFile(join(FIXTURES, 'athena-project'), { render: fakeRender({ ATHENA_BUCKET: 'b' }) });

describe('resolveFolderConfig over the fixture project', () => {
  it('applies the top level, then the project, then each folder', () => {
    const c = resolveFolderConfig(project.models, ['shop', 'staging', 'stg_orders'], 'models');
    expect(c['persist_docs']).toEqual({ relation: true });
    expect(c['materialized']).toBe('view');
    expect(c['schema']).toBe('staging');
  });

  it('accumulates tags as a union, in order', () => {
    expect(resolveFolderConfig(project.models, ['shop', 'staging', 'stg_orders'], 'models')['tags']).toEqual(['shop', 'staging']);
    expect(resolveFolderConfig(project.models, ['shop', 'marts', 'finance', 'orders'], 'models')['tags']).toEqual(['shop', 'finance']);
  });

  it('merges meta key by key', () => {
    const c = resolveFolderConfig(project.models, ['shop', 'marts', 'finance', 'revenue'], 'models');
    expect(c['meta']).toEqual({ owner: 'data-team', tier: 'gold' });
  });

  it('lets deeper levels override, with + keys and bare keys alike', () => {
    const orders = resolveFolderConfig(project.models, ['shop', 'marts', 'finance', 'orders'], 'models');
    expect(orders['materialized']).toBe('incremental');
    expect(orders['unique_key']).toBe('order_id');
    expect(orders['incremental_strategy']).toBe('merge');
    expect(resolveFolderConfig(project.models, ['shop', 'marts', 'finance', 'revenue'], 'models')['materialized']).toBe('table');
  });

  it('normalises hook names and accumulates hooks', () => {
    const c = resolveFolderConfig(
      { '+pre-hook': 'a', p: { pre_hook: ['b'], '+post_hook': 'x', sub: { '+pre-hook': 'c', '+post-hook': 'y' } } },
      ['p', 'sub', 'm'],
      'models',
    );
    expect(c['pre-hook']).toEqual(['a', 'b', 'c']);
    expect(c['post-hook']).toEqual(['x', 'y']);
    expect(c).not.toHaveProperty('pre_hook');
  });

  it("keeps other packages' configs and unrelated folders out", () => {
    const c = resolveFolderConfig(project.models, ['dbt_utils', 'some_model'], 'models');
    expect(c).toEqual({ persist_docs: { relation: true }, enabled: true });
  });

  it('reads configs keyed by resource name, e.g. seed column types', () => {
    expect(resolveFolderConfig(project.seeds, ['shop', 'country_codes'], 'seeds')).toEqual({
      schema: 'raw',
      column_types: { code: 'varchar(2)' },
    });
  });

  it('treats a bare known mapping config as a config, not a folder', () => {
    const c = resolveFolderConfig({ p: { meta: { a: 1 }, docs: { show: false } } }, ['p', 'm'], 'models');
    expect(c).toEqual({ meta: { a: 1 }, docs: { show: false } });
  });

  it('returns {} for an absent tree', () => {
    expect(resolveFolderConfig(undefined, ['p', 'm'], 'models')).toEqual({});
  });
});

describe('mergeConfigs', () => {
  it('union tags, append hooks, update meta/docs, replace the rest', () => {
    const merged = mergeConfigs(
      { tags: 'a', 'pre-hook': ['h1'], meta: { x: 1, y: 1 }, docs: { show: true }, materialized: 'view' },
      { tags: ['b', 'a'], pre_hook: 'h2', meta: { y: 2 }, docs: { node_color: 'red' }, materialized: 'table' },
    );
    expect(merged).toEqual({
      tags: ['a', 'b'],
      'pre-hook': ['h1', 'h2'],
      meta: { x: 1, y: 2 },
      docs: { show: true, node_color: 'red' },
      materialized: 'table',
    });
  });

  it("merges grants per privilege; '+privilege' adds to the inherited grantees", () => {
    const merged = mergeConfigs({ grants: { select: ['a'], insert: ['x'] } }, { grants: { '+select': ['b'], insert: ['y'] } });
    expect(merged['grants']).toEqual({ select: ['a', 'b'], insert: ['y'] });
    const replaced = mergeConfigs({ grants: { select: ['a'] } }, { grants: { select: ['b'] } });
    expect(replaced['grants']).toEqual({ select: ['b'] });
  });

  it('normalises keys', () => {
    expect(normalizeConfigKey('+post_hook')).toBe('post-hook');
    expect(normalizeConfigKey('+materialized')).toBe('materialized');
  });
});
