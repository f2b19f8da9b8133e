import type { RefCall } from '../compile/node-draft.js';

/** What a `given:` entry mocks: `ref('m')`, `source('s', 't')` or `this` (the model's own table). */
export type FixtureInput = { kind: 'ref'; call: RefCall } | { kind: 'source'; sourceName: string; tableName: string } | { kind: 'this' };

const STR = `\\s*(['"])(.*?)\\`;
const REF = new RegExp(`^ref\\(${STR}1\\s*(?:,${STR}3\\s*)?(?:,\\s*(?:v|version)\\s*=\\s*['"]?([^'")\\s]+)['"]?\\s*)?\\)$`);
const SOURCE = new RegExp(`^source\\(${STR}1\\s*,${STR}3\\s*\\)$`);

/** Reads the `input:` string, or undefined when it is none of the three forms. */
export function parseFixtureInput(text: string): FixtureInput | undefined {
  const s = text.trim();
  if (s === 'this') return { kind: 'this' };
  const r = REF.exec(s);
  if (r) {
    const version = r[5] ?? null;
    return r[4] !== undefined ? { kind: 'ref', call: { package: r[2]!, name: r[4], version } } : { kind: 'ref', call: { package: null, name: r[2]!, version } };
  }
  const src = SOURCE.exec(s);
  if (src) return { kind: 'source', sourceName: src[2]!, tableName: src[4]! };
  return undefined;
}
