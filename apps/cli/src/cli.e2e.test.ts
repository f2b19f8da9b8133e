/**
 * End-to-end tests of the `lakeform` command: real processes (`node apps/cli/bin/lakeform.mjs ...`)
 * against temp copies of models/grocery and small projects written on the fly, so nothing is written
 * into the repository. Expected sets are derived from the project files, never pasted from CLI output.

 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, GROCERY, REPO, lakeform, spawnRun, type RunResult } from '../test/spawn-cli.js';
import { parse as parseYaml } from 'yaml';

// ---------------------------------------------------------------------------------------------
// Harness
// ---------------------------------------------------------------------------------------------

const BUNDLE = join(REPO, 'apps', 'cli', 'dist', 'lakeform.mjs');
const PROJECT = 'modern_data_warehouse';
const STACK_LINE = /^ {4}at /m;

/** Non-empty stdout lines without dbt's `HH:MM:SS  ` progress prefix lines (i.e. the command's result). */
function resultLines(stdout: string): string[] {
  return stdout.split('\n').filter((l) => l.trim() !== '' && !/^\d\d:\d\d:\d\d {2}/.test(l));
}

let TMP_ROOT = '';
let tmpCounter = 0;
function tempDir(label: string): string {
  const d = join(TMP_ROOT, `${label}-${++tmpCounter}`);
  mkdirSync(d, { recursive: true });
  return d;
}

/** A copy of models/grocery without generated folders; returns the project folder. */
function copyGrocery(label: string, into = 'models/grocery'): { root: string; project: string } {
  const root = tempDir(label);
  const project = join(root, into);
  cpSync(GROCERY, project, {
    recursive: true,
    filter: (src) => {
      const top = relative(GROCERY, src).split(sep)[0];
      return top !== 'target' && top !== '.lakeform' && top !== 'logs' && top !== 'dbt_packages';
    },
  });
  return { root, project };
}

function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [file, content] of Object.entries(files)) {
    const p = join(dir, file);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
}

/** Every file under dir, relative path -> content and mtime. */
function snapshotTree(dir: string): Map<string, { content: string; mtimeMs: number }> {
  const out = new Map<string, { content: string; mtimeMs: number }>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(dir, p), { content: readFileSync(p, 'utf8'), mtimeMs: statSync(p).mtimeMs });
    }
  };
  walk(dir);
  return out;
}

function sqlFilesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.sql')) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

// ---------------------------------------------------------------------------------------------
// Facts about models/grocery, read from its files
// ---------------------------------------------------------------------------------------------

interface ModelFact {
  name: string;
  folder: string;
  /** Relative to the project: models/<folder>/<name>.sql */
  file: string;
  refs: string[];
  sources: string[];
  tags: string[];
}
interface SourceFact {
  sourceName: string;
  table: string;
  folder: string;
  schema: string;
  identifier: string;
}

function readGroceryFacts() {
  const projectYaml = parseYaml(readFileSync(join(GROCERY, 'dbt_project.yml'), 'utf8')) as {
    name: string;
    models: Record<string, Record<string, Record<string, unknown>>>;
  };
  const folderConfig = projectYaml.models[projectYaml.name] ?? {};
  const models: ModelFact[] = [];
  const modelsDir = join(GROCERY, 'models');
  for (const folder of readdirSync(modelsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    for (const f of readdirSync(join(modelsDir, folder)).filter((x) => x.endsWith('.sql')).sort()) {
      const sql = readFileSync(join(modelsDir, folder, f), 'utf8');
      const tags = (folderConfig[folder]?.['+tags'] as string[] | undefined) ?? [];
      models.push({
        name: f.replace(/\.sql$/, ''),
        folder,
        file: `models/${folder}/${f}`,
        refs: [...new Set([...sql.matchAll(/\bref\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!))],
        sources: [...new Set([...sql.matchAll(/\bsource\(\s*['"]([^'"]+)['"]\s*,\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => `${m[1]!}.${m[2]!}`))],
        tags,
      });
    }
  }
  const sources: SourceFact[] = [];
  for (const folder of readdirSync(modelsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)) {
    for (const f of readdirSync(join(modelsDir, folder)).filter((x) => /\.ya?ml$/.test(x))) {
      const doc = parseYaml(readFileSync(join(modelsDir, folder, f), 'utf8')) as {
        sources?: { name: string; schema?: string; tables: { name: string; identifier?: string }[] }[];
      };
      for (const s of doc.sources ?? []) {
        for (const t of s.tables) sources.push({ sourceName: s.name, table: t.name, folder, schema: s.schema ?? s.name, identifier: t.identifier ?? t.name });
      }
    }
  }
  const macros: string[] = [];
  for (const f of readdirSync(join(GROCERY, 'macros')).filter((x) => x.endsWith('.sql'))) {
    for (const m of readFileSync(join(GROCERY, 'macros', f), 'utf8').matchAll(/\{%-?\s*macro\s+(\w+)\s*\(/g)) macros.push(m[1]!);
  }
  const byName = new Map(models.map((m) => [m.name, m]));
  const childrenOf = (name: string) => models.filter((m) => m.refs.includes(name)).map((m) => m.name);
  const closure = (start: string, step: (n: string) => string[]): Set<string> => {
    const seen = new Set<string>();
    const todo = [...step(start)];
    while (todo.length) {
      const n = todo.pop()!;
      if (seen.has(n)) continue;
      seen.add(n);
      todo.push(...step(n));
    }
    return seen;
  };
  const ancestors = (name: string) => closure(name, (n) => byName.get(n)?.refs ?? []);
  const descendants = (name: string) => closure(name, childrenOf);
  return { projectName: projectYaml.name, models, sources, macros, byName, ancestors, descendants, childrenOf };
}

const G = readGroceryFacts();
const modelNames = (pred: (m: ModelFact) => boolean = () => true) => G.models.filter(pred).map((m) => m.name).sort();
const sourceSelector = (s: SourceFact) => `source:${PROJECT}.${s.folder}.${s.sourceName}.${s.table}`;
const modelSelector = (m: ModelFact) => `${PROJECT}.${m.folder}.${m.name}`;

/** Model identifiers of the `Would build, in dependency order:` plan, in printed order. */
function planModels(stdout: string): string[] {
  const lines = stdout.split('\n');
  const start = lines.findIndex((l) => l.includes('Would build, in dependency order:'));
  if (start < 0) return [];
  const out: string[] = [];
  for (const l of lines.slice(start + 1)) {
    const m = /^ {2}\S+\s+(?:"[^"]*"\.)*"([^"]+)"/.exec(l);
    if (!m) break;
    out.push(m[1]!);
  }
  return out;
}

/** Every model in `order` comes after each of its parents that is also in `order`. */
function expectDependencyOrder(order: string[]): void {
  order.forEach((name, i) => {
    for (const parent of G.byName.get(name)?.refs ?? []) {
      const j = order.indexOf(parent);
      if (j >= 0) expect(j, `${parent} must be planned before ${name}`).toBeLessThan(i);
    }
  });
}

function readVersion(): string {
  const src = readFileSync(join(REPO, 'packages', 'sql-compiler', 'src', 'version.ts'), 'utf8');
  const m = /LAKEFORM_VERSION\s*=\s*'([^']+)'/.exec(src);
  if (!m) throw new Error('cannot read LAKEFORM_VERSION');
  return m[1]!;
}
const VERSION = readVersion();

// A tiny project with a broken ref, written per test.
const SMALL_PROJECT: Record<string, string> = {
  'dbt_project.yml': "name: errs\nversion: '1.0.0'\nconfig-version: 2\nprofile: errs\nmodel-paths: ['models']\n",
  'profiles.yml': 'errs:\n  target: dev\n  outputs:\n    dev:\n      type: local\n      schema: main\n      threads: 1\n',
  'models/orders.sql': 'select 1 as id\n',
  'models/report.sql': "-- report\n-- built from orders\nselect * from {{ ref('orders') }}\n",
};
const BROKEN_REF_SQL = "-- report\n-- built from orders\nselect * from {{ ref('orderz') }}\n";

function expectCleanError(r: RunResult, code: string): void {
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(new RegExp(`error ${code}: `));
  expect(r.stderr).toMatch(/^ {2}hint: \S/m);
  expect(r.stderr).not.toMatch(STACK_LINE);
  expect(r.stderr).not.toMatch(/E_INTERNAL/);
}

beforeAll(() => {
  TMP_ROOT = mkdtempSync(join(tmpdir(), 'lakeform-cli-e2e-'));
  if (!existsSync(BUNDLE)) execFileSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'inherit', timeout: 300_000 });
}, 300_000);

afterAll(() => {
  if (TMP_ROOT) rmSync(TMP_ROOT, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// Global flags and usage errors
// ---------------------------------------------------------------------------------------------

describe.concurrent('lakeform: version, help and usage errors', () => {
  it('--version and -v print the version and exit 0', async () => {
    const cwd = tempDir('version');
    for (const flag of ['--version', '-v']) {
      const r = await lakeform([flag], cwd);
      expect(r.code).toBe(0);
      expect(r.stdout.trim()).toBe(VERSION);
      expect(r.stderr).toBe('');
    }
  });

  it('--help lists every command and exits 0', async () => {
    const r = await lakeform(['--help'], tempDir('help'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: lakeform/m);
    for (const cmd of ['parse', 'compile', 'ls', 'list', 'deps', 'debug', 'init']) expect(r.stdout).toMatch(new RegExp(`^ {2}${cmd}\\b`, 'm'));
  });

  it('compile --help documents the selection flags and exits 0', async () => {
    const r = await lakeform(['compile', '--help'], tempDir('help'));
    expect(r.code).toBe(0);
    for (const flag of ['--select', '--exclude', '--selector', '--inline', '--vars', '--project-dir']) expect(r.stdout).toContain(flag);
  });

  it('an unknown command exits 2 with a usage message', async () => {
    const r = await lakeform(['frobnicate'], tempDir('usage'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command 'frobnicate'/);
    expect(r.stderr).toMatch(/lakeform --help/);
    expect(r.stdout).toBe('');
  });

  it('an unknown flag exits 2 with a usage message', async () => {
    const r = await lakeform(['compile', '--frobnicate'], tempDir('usage'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option '--frobnicate'/);
    expect(r.stderr).toMatch(/lakeform --help/);
  });

  it('an invalid flag value exits 2', async () => {
    const r = await lakeform(['ls', '--output', 'yaml'], tempDir('usage'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/'yaml' is invalid/);
  });
});

describe.concurrent('npx lakeform resolves the workspace bin', () => {
  it('from the repository root', async () => {
    const r = await spawnRun('npx', ['--no-install', 'lakeform', '--version'], REPO);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(VERSION);
  });

  it('from a subfolder (models/grocery)', async () => {
    const r = await spawnRun('npx', ['--no-install', 'lakeform', '--version'], GROCERY);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(VERSION);
  });
});

// ---------------------------------------------------------------------------------------------
// compile: the whole grocery project
// ---------------------------------------------------------------------------------------------

interface ManifestNode {
  unique_id: string;
  name: string;
  resource_type: string;
  original_file_path: string;
  relation_name?: string | null;
  compiled_path?: string | null;
  compiled_code?: string;
  compiled?: boolean;
  depends_on: { nodes: string[]; macros: string[] };
}
interface Manifest {
  metadata: { dbt_schema_version: string; project_name: string };
  nodes: Record<string, ManifestNode>;
  sources: Record<string, { unique_id: string; name: string; source_name: string }>;
  macros: Record<string, unknown>;
  parent_map: Record<string, string[]>;
  child_map: Record<string, string[]>;
}

describe('compile --project-dir models/grocery (full project)', () => {
  let root = '';
  let project = '';
  let first: RunResult;
  let manifest: Manifest;
  const modelId = (name: string) => `model.${PROJECT}.${name}`;
  const sourceId = (s: string) => `source.${PROJECT}.${s}`;

  const repoManifest = join(GROCERY, 'target', 'manifest.json');
  let repoManifestBefore: number | undefined;

  beforeAll(async () => {
    repoManifestBefore = existsSync(repoManifest) ? statSync(repoManifest).mtimeMs : undefined;
    ({ root, project } = copyGrocery('compile-full'));
    first = await lakeform(['compile', '--project-dir', 'models/grocery'], root);
    manifest = JSON.parse(readFileSync(join(project, 'target', 'manifest.json'), 'utf8')) as Manifest;
  });

  it('exits 0 and prints the Found line', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(new RegExp(`Found ${G.models.length} models, \\d+ data tests, ${G.sources.length} sources, \\d+ macros`));
  });

  it('writes a v12 manifest with nodes, sources, macros, parent_map and child_map', () => {
    expect(manifest.metadata.dbt_schema_version).toBe('https://schemas.getdbt.com/dbt/manifest/v12.json');
    expect(manifest.metadata.project_name).toBe(G.projectName);
    const models = Object.values(manifest.nodes).filter((n) => n.resource_type === 'model');
    expect(models.map((n) => n.unique_id).sort()).toEqual(modelNames().map(modelId).sort());
    for (const m of G.models) expect(manifest.nodes[modelId(m.name)]!.original_file_path).toBe(m.file);
    expect(Object.keys(manifest.sources).sort()).toEqual(G.sources.map((s) => sourceId(`${s.sourceName}.${s.table}`)).sort());
    for (const name of G.macros) expect(manifest.macros).toHaveProperty([`macro.${PROJECT}.${name}`]);
    // parent_map of each model: exactly its ref()s and source()s.
    for (const m of G.models) {
      const expected = [...m.refs.map(modelId), ...m.sources.map(sourceId)].sort();
      expect([...manifest.parent_map[modelId(m.name)]!].sort(), m.name).toEqual(expected);
    }
    // child_map is the inverse of parent_map.
    for (const [child, parents] of Object.entries(manifest.parent_map)) {
      for (const p of parents) expect(manifest.child_map[p], `${p} -> ${child}`).toContain(child);
    }
    for (const m of G.models) {
      const children = manifest.child_map[modelId(m.name)]!.filter((c) => c.startsWith('model.')).sort();
      expect(children, m.name).toEqual(G.childrenOf(m.name).map(modelId).sort());
    }
  });

  it('writes target/compiled/<project>/models/... files equal to the manifest compiled_code', () => {
    const compiledNodes = Object.values(manifest.nodes).filter((n) => n.compiled_path);
    expect(compiledNodes.length).toBe(Object.keys(manifest.nodes).length);
    for (const m of G.models) {
      const n = manifest.nodes[modelId(m.name)]!;
      expect(n.compiled_path).toBe(`target/compiled/${PROJECT}/${m.file}`);
    }
    for (const n of compiledNodes) {
      const file = join(project, n.compiled_path!);
      expect(existsSync(file), file).toBe(true);
      expect(readFileSync(file, 'utf8'), n.unique_id).toBe(n.compiled_code);
    }
  });

  it('compiled model SQL has no Jinja left and uses the relations of its refs', () => {
    for (const m of G.models) {
      const n = manifest.nodes[modelId(m.name)]!;
      expect(n.compiled_code, m.name).not.toMatch(/\{\{|\{%/);
      for (const r of m.refs) expect(n.compiled_code, `${m.name} -> ${r}`).toContain(manifest.nodes[modelId(r)]!.relation_name!);
    }
  });

  it('prints the plan: every model once, each after its parents, then the data test count', () => {
    const plan = planModels(first.stdout);
    expect([...plan].sort()).toEqual(modelNames());
    expectDependencyOrder(plan);
    const tests = Object.values(manifest.nodes).filter((n) => n.resource_type === 'test').length;
    expect(tests).toBeGreaterThan(0);
    expect(first.stdout).toMatch(new RegExp(`and ${tests} data tests`));
  });

  it('does not write into the repository', () => {
    expect(first.stdout).toContain(join(project, 'target'));
    expect(first.stdout).not.toContain(join(GROCERY, 'target'));
    expect(existsSync(repoManifest) ? statSync(repoManifest).mtimeMs : undefined).toBe(repoManifestBefore);
  });

  it('a recompile after editing one model updates its SQL in target/compiled and the manifest alike', async () => {
    const file = join(project, 'models', 'stg', 'mdw_stg_sales.sql');
    writeFileSync(file, `${readFileSync(file, 'utf8')}-- e2e marker 7f3a\n`);
    const r = await lakeform(['compile', '--project-dir', 'models/grocery'], root);
    expect(r.code).toBe(0);
    const m2 = JSON.parse(readFileSync(join(project, 'target', 'manifest.json'), 'utf8')) as Manifest;
    const n = m2.nodes[modelId('mdw_stg_sales')]!;
    expect(n.compiled_code).toContain('-- e2e marker 7f3a');
    expect(readFileSync(join(project, n.compiled_path!), 'utf8')).toBe(n.compiled_code);
    expect(Object.keys(m2.nodes).sort()).toEqual(Object.keys(manifest.nodes).sort());
  });

  it('a warm recompile (nothing changed) still prints the plan', async () => {
    const r = await lakeform(['compile', '--project-dir', 'models/grocery'], root);
    expect(r.code).toBe(0);
    const plan = planModels(r.stdout);
    expect([...plan].sort()).toEqual(modelNames());
    expectDependencyOrder(plan);
  });
});

// ---------------------------------------------------------------------------------------------
// compile: selection, single nodes, inline SQL
// ---------------------------------------------------------------------------------------------

describe('compile with selection (grocery copy)', () => {
  let project = '';
  beforeAll(() => {
    ({ project } = copyGrocery('compile-select', 'g'));
  });

  it("-s mdw_stg_sales prints \"Compiled node 'mdw_stg_sales' is:\" and its SQL", async () => {
    const r = await lakeform(['compile', '-s', 'mdw_stg_sales'], project);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const at = lines.findIndex((l) => l.includes("Compiled node 'mdw_stg_sales' is:"));
    expect(at).toBeGreaterThanOrEqual(0);
    const printed = lines.slice(at + 1).join('\n').trimEnd();
    const file = readFileSync(join(project, 'target', 'compiled', PROJECT, 'models', 'stg', 'mdw_stg_sales.sql'), 'utf8');
    expect(printed).toBe(file.trimEnd());
    const src = G.sources.find((s) => s.sourceName === 'mdw_raw' && s.table === 'sales')!;
    expect(printed).toContain(`"${src.schema}"."${src.identifier}"`);
    expect(printed).not.toMatch(/\{\{|\{%/);
  });

  it('-q -s mdw_stg_sales prints only the SQL', async () => {
    const r = await lakeform(['compile', '-q', '-s', 'mdw_stg_sales'], project);
    expect(r.code).toBe(0);
    const file = readFileSync(join(project, 'target', 'compiled', PROJECT, 'models', 'stg', 'mdw_stg_sales.sql'), 'utf8');
    expect(r.stdout.trimEnd()).toBe(file.trimEnd());
  });

  it('--inline compiles SQL against the project and prints the resolved relation', async () => {
    const r = await lakeform(['compile', '--inline', "select * from {{ ref('mdw_stg_sales') }}"], project);
    expect(r.code).toBe(0);
    const m = JSON.parse(readFileSync(join(project, 'target', 'manifest.json'), 'utf8')) as Manifest;
    const relation = m.nodes[`model.${PROJECT}.mdw_stg_sales`]!.relation_name!;
    expect(relation).toMatch(/mdw_stg_sales/);
    expect(r.stdout).toContain('Compiled inline node is:');
    expect(resultLines(r.stdout)).toEqual([`select * from ${relation}`]);
  });

  it('-s +mdw_cur_ft_sales plans the model and all its ancestors, in dependency order', async () => {
    const r = await lakeform(['compile', '-s', '+mdw_cur_ft_sales'], project);
    expect(r.code).toBe(0);
    const plan = planModels(r.stdout);
    expect([...plan].sort()).toEqual([...G.ancestors('mdw_cur_ft_sales'), 'mdw_cur_ft_sales'].sort());
    expectDependencyOrder(plan);
  });

  it('-s tag:std --exclude mdw_std_dim_products plans the other std models', async () => {
    const r = await lakeform(['compile', '-s', 'tag:std', '--exclude', 'mdw_std_dim_products'], project);
    expect(r.code).toBe(0);
    const expected = modelNames((m) => m.tags.includes('std') && m.name !== 'mdw_std_dim_products');
    expect(expected.length).toBeGreaterThan(0);
    expect([...planModels(r.stdout)].sort()).toEqual(expected);
  });

  it('-s path:models/stg plans exactly the stg models', async () => {
    const r = await lakeform(['compile', '-s', 'path:models/stg'], project);
    expect(r.code).toBe(0);
    expect([...planModels(r.stdout)].sort()).toEqual(modelNames((m) => m.folder === 'stg'));
  });

  it('--selector uses a selectors.yml definition (and an unknown selector is an error)', async () => {
    const selectorsFile = join(project, 'selectors.yml');
    writeFileSync(
      selectorsFile,
      [
        'selectors:',
        '  - name: facts_upstream',
        '    definition:',
        '      method: fqn',
        '      value: mdw_cur_ft_sales',
        '      parents: true',
        '  - name: std_but_products',
        '    definition:',
        '      union:',
        '        - method: tag',
        '          value: std',
        '        - exclude:',
        '            - method: fqn',
        '              value: mdw_std_dim_products',
        '',
      ].join('\n'),
    );
    try {
      const r = await lakeform(['compile', '--selector', 'facts_upstream'], project);
      expect(r.code).toBe(0);
      const plan = planModels(r.stdout);
      expect([...plan].sort()).toEqual([...G.ancestors('mdw_cur_ft_sales'), 'mdw_cur_ft_sales'].sort());
      expectDependencyOrder(plan);

      const ls = await lakeform(['ls', '--selector', 'std_but_products', '--resource-type', 'model', '--output', 'name'], project);
      expect(ls.code).toBe(0);
      expect(resultLines(ls.stdout)).toEqual(modelNames((m) => m.tags.includes('std') && m.name !== 'mdw_std_dim_products'));

      const bad = await lakeform(['compile', '--selector', 'no_such_selector'], project);
      expectCleanError(bad, 'E_SELECTOR_NOT_FOUND');
    } finally {
      rmSync(selectorsFile, { force: true });
    }
  });
});

// ---------------------------------------------------------------------------------------------
// ls
// ---------------------------------------------------------------------------------------------

describe.concurrent('ls (grocery copy, read-only)', () => {
  let project = '';
  beforeAll(() => {
    ({ project } = copyGrocery('ls', 'g'));
  });
  const ls = (...args: string[]) => lakeform(['ls', ...args], project);

  it('--resource-type model prints the selector names, sorted, exactly the models', async () => {
    const r = await ls('--resource-type', 'model');
    expect(r.code).toBe(0);
    const lines = resultLines(r.stdout);
    expect(lines).toEqual(G.models.map(modelSelector).sort());
  });

  it('list is an alias of ls', async () => {
    const r = await lakeform(['list', '--resource-type', 'model', '--output', 'name'], project);
    expect(r.code).toBe(0);
    expect(resultLines(r.stdout)).toEqual(modelNames());
  });

  it('--output name / path', async () => {
    const names = await ls('--resource-type', 'model', '--output', 'name');
    expect(names.code).toBe(0);
    expect(resultLines(names.stdout)).toEqual(modelNames());
    const paths = await ls('--resource-type', 'model', '--output', 'path');
    expect(paths.code).toBe(0);
    expect(resultLines(paths.stdout)).toEqual(G.models.map((m) => m.file).sort());
  });

  it('--resource-type source lists exactly the declared sources', async () => {
    const r = await ls('--resource-type', 'source');
    expect(r.code).toBe(0);
    expect(resultLines(r.stdout)).toEqual(G.sources.map(sourceSelector).sort());
  });

  it('--output json prints one parseable object per line with dbt keys', async () => {
    const r = await ls('--resource-type', 'model', '--output', 'json');
    expect(r.code).toBe(0);
    const objs = resultLines(r.stdout).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(objs.map((o) => o['name'])).toEqual(modelNames());
    for (const o of objs) {
      const m = G.byName.get(String(o['name']))!;
      expect(o['resource_type']).toBe('model');
      expect(o['unique_id']).toBe(`model.${PROJECT}.${m.name}`);
      expect(o['original_file_path']).toBe(m.file);
      expect(o['package_name']).toBe(PROJECT);
      expect(o['tags']).toEqual(expect.arrayContaining(m.tags));
      expect((o['depends_on'] as { nodes: string[] }).nodes.sort()).toEqual(
        [...m.refs.map((x) => `model.${PROJECT}.${x}`), ...m.sources.map((x) => `source.${PROJECT}.${x}`)].sort(),
      );
    }
  });

  it('--output json --output-keys limits the keys', async () => {
    const r = await ls('-s', 'tag:cur', '--resource-type', 'model', '--output', 'json', '--output-keys', 'name', 'resource_type');
    expect(r.code).toBe(0);
    const objs = resultLines(r.stdout).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(objs).toEqual(modelNames((m) => m.tags.includes('cur')).map((name) => ({ name, resource_type: 'model' })));
  });

  it('graph operators: +x, x+, 1+x, @x', async () => {
    const cases: [string, string[]][] = [
      ['+mdw_cur_ft_sales', [...G.ancestors('mdw_cur_ft_sales'), 'mdw_cur_ft_sales']],
      ['mdw_stg_sales+', [...G.descendants('mdw_stg_sales'), 'mdw_stg_sales']],
      ['1+mdw_cur_ft_sales', [...G.byName.get('mdw_cur_ft_sales')!.refs, 'mdw_cur_ft_sales']],
      [
        '@mdw_stg_cities',
        (() => {
          const down = [...G.descendants('mdw_stg_cities'), 'mdw_stg_cities'];
          return [...new Set(down.flatMap((d) => [d, ...G.ancestors(d)]))];
        })(),
      ],
    ];
    const runs = await Promise.all(cases.map(([spec]) => ls('-s', spec, '--resource-type', 'model', '--output', 'name')));
    runs.forEach((r, i) => {
      const [spec, expected] = cases[i]!;
      expect(r.code, spec).toBe(0);
      expect(resultLines(r.stdout), spec).toEqual([...new Set(expected)].sort());
    });
  });

  it('+x without --resource-type also lists the sources upstream', async () => {
    const r = await ls('-s', '+mdw_cur_ft_sales');
    expect(r.code).toBe(0);
    const models = [...G.ancestors('mdw_cur_ft_sales'), 'mdw_cur_ft_sales'].map((n) => G.byName.get(n)!);
    const srcKeys = new Set(models.flatMap((m) => m.sources));
    const expected = [...models.map(modelSelector), ...G.sources.filter((s) => srcKeys.has(`${s.sourceName}.${s.table}`)).map(sourceSelector)].sort();
    // Tests (if indirectly selected) are checked separately; here: models and sources exactly.
    const lines = resultLines(r.stdout).filter((l) => l.startsWith('source:') || G.models.some((m) => modelSelector(m) === l));
    expect(lines).toEqual(expected);
    expect(resultLines(r.stdout)).toEqual([...resultLines(r.stdout)].sort((a, b) => a.localeCompare(b)));
  });

  it('--exclude and path: selection', async () => {
    const ex = await ls('--resource-type', 'model', '--exclude', 'tag:stg', '--output', 'name');
    expect(ex.code).toBe(0);
    expect(resultLines(ex.stdout)).toEqual(modelNames((m) => !m.tags.includes('stg')));
    const p = await ls('-s', 'path:models/std', '--resource-type', 'model', '--output', 'name');
    expect(p.code).toBe(0);
    expect(resultLines(p.stdout)).toEqual(modelNames((m) => m.folder === 'std'));
  });

  it('a selector that matches nothing warns and lists nothing', async () => {
    const r = await ls('-s', 'no_such_model_xyz');
    expect(r.code).toBe(0);
    expect(resultLines(r.stdout)).toEqual([]);
    expect(r.stderr).toMatch(/W_NOTHING_SELECTED/);
  });

  it('ls does not write target/', () => {
    expect(existsSync(join(project, 'target'))).toBe(false);
  });

  it('-s mdw_stg_sales also lists the data tests on it (dbt eager indirect selection)', async () => {
    const [all, sel] = await Promise.all([
      ls('--resource-type', 'test', '--output', 'json', '--output-keys', 'unique_id', 'depends_on'),
      ls('-s', 'mdw_stg_sales', '--output', 'json', '--output-keys', 'unique_id', 'resource_type'),
    ]);
    const id = `model.${PROJECT}.mdw_stg_sales`;
    const expectedTests = resultLines(all.stdout)
      .map((l) => JSON.parse(l) as { unique_id: string; depends_on: { nodes: string[] } })
      .filter((t) => t.depends_on.nodes.includes(id))
      .map((t) => t.unique_id)
      .sort();
    expect(expectedTests.length).toBeGreaterThan(0);
    const got = resultLines(sel.stdout).map((l) => JSON.parse(l) as { unique_id: string; resource_type: string });
    expect(got.filter((o) => o.resource_type === 'test').map((o) => o.unique_id).sort()).toEqual(expectedTests);
  });

  it('a closed stdout pipe ends quietly, without a stack trace', async () => {
    const r = await lakeform(['ls'], project, { closeStdout: true });
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.stderr).not.toMatch(/Unhandled 'error' event/);
  });
});

// ---------------------------------------------------------------------------------------------
// parse, debug, deps
// ---------------------------------------------------------------------------------------------

describe.concurrent('parse, debug and deps', () => {
  it('parse writes target/manifest.json without compiled SQL', async () => {
    const { project } = copyGrocery('parse', 'g');
    const r = await lakeform(['parse'], project);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`Found ${G.models.length} models, \\d+ data tests, ${G.sources.length} sources`));
    const m = JSON.parse(readFileSync(join(project, 'target', 'manifest.json'), 'utf8')) as Manifest;
    expect(m.metadata.dbt_schema_version).toBe('https://schemas.getdbt.com/dbt/manifest/v12.json');
    const nodes = Object.values(m.nodes);
    expect(nodes.filter((n) => n.resource_type === 'model').map((n) => n.name).sort()).toEqual(modelNames());
    for (const n of nodes) {
      expect(n.compiled_code, n.unique_id).toBeUndefined();
      expect(n.compiled, n.unique_id).not.toBe(true);
    }
    expect(existsSync(join(project, 'target', 'compiled'))).toBe(false);
  });

  it('debug prints project, target and engine', async () => {
    const { project } = copyGrocery('debug', 'g');
    const r = await lakeform(['debug'], join(project, 'models', 'stg'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^project:\\s+${G.projectName} \\(${project.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\)$`, 'm'));
    expect(r.stdout).toMatch(/^target:\s+dev \(type local\)$/m);
    expect(r.stdout).toMatch(/^engine:\s+local\b/m);
    const prod = await lakeform(['debug', '--target', 'prod'], project);
    expect(prod.code).toBe(0);
    expect(prod.stdout).toMatch(/^target:\s+prod \(type athena\)$/m);
    expect(prod.stdout).toMatch(/^engine:\s+athena$/m);
    const bad = await lakeform(['debug', '--target', 'nope'], project);
    expectCleanError(bad, 'E_TARGET_NOT_FOUND');
  });

  it('deps reports dbt_utils as built in', async () => {
    const { project } = copyGrocery('deps', 'g');
    const r = await lakeform(['deps'], project);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/dbt-labs\/dbt_utils.*built into Lakeform/);
    expect(r.stderr).toBe('');
  });

  it('deps with an unknown hub package exits 1 with E_PACKAGE_UNAVAILABLE and no stack trace', async () => {
    const dir = tempDir('deps-unknown');
    writeFiles(dir, { ...SMALL_PROJECT, 'packages.yml': 'packages:\n  - package: acme/not_a_real_package\n    version: 1.0.0\n' });
    const r = await lakeform(['deps'], dir);
    expectCleanError(r, 'E_PACKAGE_UNAVAILABLE');
    expect(r.stderr).toContain('acme/not_a_real_package');
    const dbg = await lakeform(['deps', '--debug'], dir);
    expect(dbg.code).toBe(1);
    expect(dbg.stderr).toMatch(STACK_LINE);
  });

  it('deps without packages.yml has nothing to do', async () => {
    const dir = tempDir('deps-none');
    writeFiles(dir, SMALL_PROJECT);
    const r = await lakeform(['deps'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/nothing to install/);
  });
});

// ---------------------------------------------------------------------------------------------
// init
// ---------------------------------------------------------------------------------------------

describe('init', () => {
  let cwd = '';
  let dir = '';
  beforeAll(() => {
    cwd = tempDir('init');
    dir = join(cwd, 'shop_lake');
  });

  it('creates a project that compiles and lists its models', async () => {
    const r = await lakeform(['init', 'shop_lake'], cwd);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(dir);
    const projectYaml = parseYaml(readFileSync(join(dir, 'dbt_project.yml'), 'utf8')) as { name: string; profile: string };
    expect(projectYaml.name).toBe('shop_lake');
    expect(existsSync(join(dir, 'profiles.yml'))).toBe(true);

    const expectedModels = sqlFilesUnder(join(dir, 'models')).map((f) => f.slice(f.lastIndexOf(sep) + 1).replace(/\.sql$/, '')).sort();
    expect(expectedModels.length).toBeGreaterThan(0);

    const c = await lakeform(['compile'], dir);
    expect(c.stderr).toBe('');
    expect(c.code).toBe(0);
    expect(c.stdout).toMatch(new RegExp(`Found ${expectedModels.length} models?`));
    expect([...planModels(c.stdout)].sort()).toEqual(expectedModels);
    expect(existsSync(join(dir, 'target', 'manifest.json'))).toBe(true);

    const l = await lakeform(['ls', '--resource-type', 'model', '--output', 'name'], dir);
    expect(l.code).toBe(0);
    expect(resultLines(l.stdout)).toEqual(expectedModels);
  });

  it('running init again on the same folder exits 1 with a clear message and changes nothing', async () => {
    const before = snapshotTree(dir);
    const r = await lakeform(['init', 'shop_lake'], cwd);
    expectCleanError(r, 'E_PROJECT_EXISTS');
    expect(r.stderr).toContain(dir);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('an invalid project name exits 1 and creates nothing', async () => {
    const d = tempDir('init-bad');
    const r = await lakeform(['init', 'bad-name'], d);
    expectCleanError(r, 'E_CLI_USAGE');
    expect(readdirSync(d)).toEqual([]);
  });

  it('init onto an existing file is a handled error, not E_INTERNAL', async () => {
    const d = tempDir('init-file');
    writeFileSync(join(d, 'taken'), 'not a folder\n');
    const r = await lakeform(['init', 'taken'], d);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/E_INTERNAL/);
    expect(r.stderr).toMatch(/error E_[A-Z_]+: .*taken/);
    expect(readFileSync(join(d, 'taken'), 'utf8')).toBe('not a folder\n');
  });
});

// ---------------------------------------------------------------------------------------------
// Errors and exit codes
// ---------------------------------------------------------------------------------------------

describe.concurrent('errors', () => {
  it('a broken ref exits 1 with location, code and hint, and no stack trace', async () => {
    const dir = tempDir('broken-ref');
    writeFiles(dir, { ...SMALL_PROJECT, 'models/report.sql': BROKEN_REF_SQL });
    const r = await lakeform(['compile'], dir);
    expectCleanError(r, 'E_REF_NOT_FOUND');
    expect(r.stderr).toMatch(/^models\/report\.sql(:\d+){0,2}: error E_REF_NOT_FOUND: .*orderz/m);
    expect(r.stderr).toMatch(/hint: did you mean ref\('orders'\)\?/);
    expect(r.stdout).not.toMatch(/Compiled \d+ nodes/);
    expect(existsSync(join(dir, 'target', 'manifest.json'))).toBe(false);
  });

  it('a broken ref error points at file:line of the ref() call', async () => {
    const dir = tempDir('broken-ref-line');
    writeFiles(dir, { ...SMALL_PROJECT, 'models/report.sql': BROKEN_REF_SQL });
    const r = await lakeform(['compile'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^models\/report\.sql:3(:\d+)?: error E_REF_NOT_FOUND/m);
  });

  it('an undeclared source error points at file:line of the source() call', async () => {
    const dir = tempDir('broken-source-line');
    writeFiles(dir, { ...SMALL_PROJECT, 'models/report.sql': "-- report\n\nselect * from {{ source('raw', 'nope') }}\n" });
    const r = await lakeform(['compile'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^models\/report\.sql:3(:\d+)?: error E_SOURCE_NOT_FOUND/m);
  });

  it('--debug adds the stack trace', async () => {
    const dir = tempDir('broken-ref-debug');
    writeFiles(dir, { ...SMALL_PROJECT, 'models/report.sql': BROKEN_REF_SQL });
    const r = await lakeform(['compile', '--debug'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error E_REF_NOT_FOUND/);
    expect(r.stderr).toMatch(STACK_LINE);
  });

  it('a Jinja error reports file:line', async () => {
    const dir = tempDir('jinja-error');
    writeFiles(dir, { ...SMALL_PROJECT, 'models/report.sql': '-- report\n\nselect {{ no_such_macro() }} as x\n' });
    const r = await lakeform(['compile'], dir);
    expectCleanError(r, 'E_JINJA_UNDEFINED');
    expect(r.stderr).toMatch(/^models\/report\.sql:3(:\d+)?: error E_JINJA_UNDEFINED/m);
  });

  it('a failing compile/parse leaves an existing target/ untouched', async () => {
    const dir = tempDir('keep-target');
    writeFiles(dir, SMALL_PROJECT);
    const ok = await lakeform(['compile'], dir);
    expect(ok.code).toBe(0);
    const target = join(dir, 'target');
    const before = snapshotTree(target);
    expect(before.has('manifest.json')).toBe(true);
    await new Promise((r) => setTimeout(r, 20)); // so a rewrite would change mtimes
    const report = join(dir, 'models', 'report.sql');
    const breakages: [string, string, string[]][] = [
      // a ref that changed (full compile), a render error with unchanged refs (partial-parse path),
      // the selection path, and parse.
      ['E_REF_NOT_FOUND', BROKEN_REF_SQL, ['compile']],
      ['E_JINJA_UNDEFINED', "-- report\nselect {{ no_such_macro() }} from {{ ref('orders') }}\n", ['compile']],
      ['E_REF_NOT_FOUND', BROKEN_REF_SQL, ['compile', '-s', 'report']],
      ['E_REF_NOT_FOUND', BROKEN_REF_SQL, ['parse']],
    ];
    for (const [code, sql, args] of breakages) {
      writeFileSync(report, sql);
      const r = await lakeform(args, dir);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).toContain(code);
      expect(snapshotTree(target), `${args.join(' ')} (${code})`).toEqual(before);
    }
  });

  it('no dbt_project.yml exits 1 with E_NO_PROJECT and a hint', async () => {
    const dir = tempDir('no-project');
    const r = await lakeform(['compile'], dir);
    expectCleanError(r, 'E_NO_PROJECT');
    expect(r.stderr).toMatch(/hint: .*(--project-dir|lakeform init)/);
    const r2 = await lakeform(['ls', '--project-dir', 'nowhere'], dir);
    expectCleanError(r2, 'E_NO_PROJECT');
    expect(r2.stderr).toContain(join(dir, 'nowhere'));
    expect(readdirSync(dir)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// --vars
// ---------------------------------------------------------------------------------------------

describe.concurrent('--vars', () => {
  it("reaches var('x') in --inline SQL", async () => {
    const dir = tempDir('vars');
    writeFiles(dir, SMALL_PROJECT);
    const r = await lakeform(['compile', '-q', '--vars', '{x: 1, who: lake}', '--inline', "select {{ var('x') }} as v, '{{ var('who') }}' as w, '{{ var('missing', 'dflt') }}' as d"], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe("select 1 as v, 'lake' as w, 'dflt' as d");
  });

  it('invalid --vars YAML exits 1 with E_CLI_VARS', async () => {
    const dir = tempDir('vars-bad');
    writeFiles(dir, SMALL_PROJECT);
    const r = await lakeform(['compile', '--vars', '{x: 1', '--inline', "select {{ var('x') }}"], dir);
    expectCleanError(r, 'E_CLI_VARS');
    const r2 = await lakeform(['compile', '--vars', '[1, 2]', '--inline', 'select 1'], dir);
    expectCleanError(r2, 'E_CLI_VARS');
    expect(existsSync(join(dir, 'target', 'manifest.json'))).toBe(false);
  });

  it('a missing required var is a handled error', async () => {
    const dir = tempDir('vars-missing');
    writeFiles(dir, SMALL_PROJECT);
    const r = await lakeform(['compile', '--inline', "select {{ var('not_set') }}"], dir);
    expectCleanError(r, 'E_VAR_MISSING');
  });
});
