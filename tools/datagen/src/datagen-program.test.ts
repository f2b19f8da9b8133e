import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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
    // one line for the 129 day files of sales, not one per file
    expect(r.out).toMatch(/\n {2}sales\/dt=2018-01-01\.\.dt=2018-05-09\/sales\.csv\s+129 files\s+1,500 rows\n/);
    expect(r.out.match(/sales\/dt=/g)).toHaveLength(1);
    expect(r.out).toMatch(/customers\/customers\.csv\s+100 rows/);
    expect(r.out).toContain('SalesID 1..1500, 2018-01-01..2018-05-09');
    const days = readdirSync(join(out, 'sales'));
    expect(days).toHaveLength(129);
    const lines = days.map((d) => readFileSync(join(out, 'sales', d, 'sales.csv'), 'utf8').trimEnd().split('\n').length - 1);
    expect(lines.reduce((a, b) => a + b, 0)).toBe(1500);
  });

  it('appends a day with --append-day', async () => {
    const out = join(root, 'g');
    const r = await run('grocery', '--out', out, '--append-day', '2018-05-10', '--sales', '25');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/sales\/dt=2018-05-10\/sales\.csv\s+25 rows/);
    expect(r.out).toContain('SalesID 1501..1525, 2018-05-10');
    expect(readFileSync(join(out, 'sales', 'dt=2018-05-10', 'sales.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(26);
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
