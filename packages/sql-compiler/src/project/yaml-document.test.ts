import { describe, expect, it } from 'vitest';
import { LakeformError } from '../errors.js';
import { parseYaml } from './yaml-document.js';

function syntaxError(text: string): LakeformError {
  try {
    parseYaml(text, 'models/schema.yml');
  } catch (e) {
    if (e instanceof LakeformError) return e;
    throw e;
  }
  throw new Error('expected a syntax error');
}

describe('parseYaml', () => {
  it('maps value paths to 1-based line:column', () => {
    const text = ['version: 2', 'models:', '  - name: a', '    columns:', '      - name: id', '        tests:', '          - unique', ''].join('\n');
    const { doc } = parseYaml(text, 'm.yml');
    expect(doc.locate(['models', 0, 'columns', 0, 'tests'])).toEqual({ file: 'm.yml', line: 7, column: 11 });
    expect(doc.locate(['models', 0, 'columns', 0, 'tests', 0])).toEqual({ file: 'm.yml', line: 7, column: 13 });
    expect(doc.locate(['models', 0, 'columns'], 'key')).toEqual({ file: 'm.yml', line: 4, column: 5 });
    // A missing key points at the mapping that should hold it.
    expect(doc.locate(['models', 0, 'description'])).toEqual({ file: 'm.yml', line: 3, column: 5 });
  });

  it('treats an empty or comment-only file as an empty mapping', () => {
    expect(parseYaml('', 'a.yml').doc.value).toEqual({});
    expect(parseYaml('# nothing here\n', 'a.yml').doc.value).toEqual({});
  });

  it('reads yes/no/on/off as booleans like PyYAML, but keeps dates as text', () => {
    const { doc } = parseYaml('a: yes\nb: No\nc: off\nd: "yes"\ne: 2024-01-01\n', 'a.yml');
    expect(doc.value).toEqual({ a: true, b: false, c: false, d: 'yes', e: '2024-01-01' });
  });

  it('supports anchors and merge keys', () => {
    const { doc } = parseYaml('base: &b {materialized: view}\nother:\n  <<: *b\n  schema: x\n', 'a.yml');
    expect(doc.value).toEqual({ base: { materialized: 'view' }, other: { materialized: 'view', schema: 'x' } });
  });

  it('reports bad syntax at the right line and column', () => {
    const e = syntaxError('models:\n  - name: "unterminated\n');
    expect(e.code).toBe('E_YAML_SYNTAX');
    expect(e.location).toEqual({ file: 'models/schema.yml', line: 3, column: 1 });
    expect(e.message).toMatch(/quoted string is not closed/);
  });

  it('reports tab indentation', () => {
    const e = syntaxError('models:\n\t- name: a\n');
    expect(e.code).toBe('E_YAML_SYNTAX');
    expect(e.location).toEqual({ file: 'models/schema.yml', line: 2, column: 1 });
    expect(e.message).toContain('tab character used for indentation');
    expect(e.hint).toMatch(/spaces/);
  });

  it('reports a duplicate key where the second one is, naming the first', () => {
    const e = syntaxError('models:\n  - name: a\n    description: x\n    description: y\n');
    expect(e.code).toBe('E_YAML_SYNTAX');
    expect(e.location).toEqual({ file: 'models/schema.yml', line: 4, column: 5 });
    expect(e.message).toBe("invalid YAML: duplicate key 'description' (already defined at line 3); YAML keys must be unique in a mapping");
  });

  it('explains bad indentation', () => {
    const e = syntaxError('models:\n  - name: a\n   description: b\n');
    expect(e.code).toBe('E_YAML_SYNTAX');
    expect(e.location?.line).toBe(3);
    expect(e.hint).toMatch(/indentation/);
  });

  it('rejects unquoted Jinja with a hint to quote it', () => {
    const e = syntaxError('sources:\n  - name: raw\n    schema: {{ var("s") }}\n');
    expect(e.code).toBe('E_YAML_SYNTAX');
    expect(e.location).toEqual({ file: 'models/schema.yml', line: 3, column: 13 });
    expect(e.hint).toContain('"{{ ... }}"');
  });
});
