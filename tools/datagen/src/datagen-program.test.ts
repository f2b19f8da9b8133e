import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDatagen } from './datagen-program.js';

const root = mkdtempSync(join(tmpdir(), 'lakeform-datagen-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runDatagen(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('datagen grocery', () => {
  it('generates the data set and prints what it wrote', async () => {
    const out = join(root, 'g');
    const r = await run('grocery', '--out', out, '--sales', '1500', '--seed', '4');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/sales\/sales\.csv\s+1,500 rows/);
    expect(r.out).toMatch(/customers\/customers\.csv\s+100 rows/);
    expect(r.out).toContain('SalesID 1..1500, 2018-01-01..2018-05-09');
    expect(readFileSync(join(out, 'sales', 'sales.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(1501);
  });

  it('appends a day with --append-day', async () => {
    const out = join(root, 'g');
    const r = await run('grocery', '--out', out, '--append-day', '2018-05-10', '--sales', '25');
    expect(r.code).toBe(0);
    expect(r.out).toContain('SalesID 1501..1525, 2018-05-10');
    expect(existsSync(join(out, 'sales', 'sales_20180510.csv'))).toBe(true);
  });

  it('rejects a --sales that is not a whole number, without writing anything', async () => {
    const out = join(root, 'bad');
    for (const sales of ['abc', '1e3', '12x', '-5']) {
      const r = await run('grocery', '--out', out, '--sales', sales);
      expect(r.code).toBe(2);
      expect(r.err).toContain('E_DATAGEN_INVALID_OPTION');
      expect(r.err).toContain('hint:');
    }
    expect(existsSync(out)).toBe(false);
  });

  it('is a usage error without --out or with an unknown dataset', async () => {
    expect((await run('grocery', '--sales', '10')).code).toBe(2);
    const unknown = await run('groceries', '--out', join(root, 'x'));
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/unknown command/);
  });

  it('reports generation errors with their code and exit code 1', async () => {
    const r = await run('grocery', '--out', join(root, 'nothing'), '--append-day', '2018-05-10');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error E_DATAGEN_NO_DATASET: /);
  });
});
