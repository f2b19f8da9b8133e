import { isCollection, isScalar, visit, type Document, type LineCounter, type YAMLError } from 'yaml';
import { LakeformError, type SourceLocation } from '../errors.js';

/**
 * Turns the `yaml` library's parse errors into messages a dbt user can act on. The library's
 * wording is about its tokenizer ("Unexpected map-value-ind token"); ours is about the file.
 */
export function yamlSyntaxError(
  err: YAMLError,
  text: string,
  file: string,
  doc: Document,
  lineCounter: LineCounter,
): LakeformError {
  const offset = err.pos[0];
  const { line, col } = lineCounter.linePos(offset);
  const location: SourceLocation = { file, line, column: col };
  const lineText = lineAt(text, lineCounter, line);
  let message: string;
  let hint: string | undefined;
  switch (err.code) {
    case 'DUPLICATE_KEY': {
      const dup = describeDuplicate(doc, offset, lineCounter);
      message = dup
        ? `duplicate key '${dup.key}' (already defined at line ${dup.firstLine}); YAML keys must be unique in a mapping`
        : 'duplicate key; YAML keys must be unique in a mapping';
      hint = 'remove one of the two entries or merge them';
      break;
    }
    case 'TAB_AS_INDENT':
      message = 'tab character used for indentation; YAML only allows spaces';
      hint = 'replace the tabs at the start of this line with spaces';
      break;
    case 'BLOCK_AS_IMPLICIT_KEY':
      message =
        "a mapping cannot start here: either a value contains ': ' and needs quotes, or the next line is indented more than it should be";
      break;
    case 'MULTILINE_IMPLICIT_KEY':
      message = 'a key must fit on one line; check the indentation of this line and the next';
      break;
    case 'MISSING_CHAR':
      if (/quote/i.test(err.message)) {
        message = `${lowerFirst(err.message)} (a quoted string is not closed)`;
      } else if (/sequence item without - indicator/i.test(err.message)) {
        message = "a line inside a list is not an item ('- ...') and not part of the item above; check its indentation";
        hint = 'YAML is indentation-sensitive: compare this line with the lines above it';
      } else {
        message = lowerFirst(err.message);
      }
      break;
    case 'UNEXPECTED_TOKEN':
      message = `${lowerFirst(err.message.replace(/ in YAML stream/, '').replace(/at node end/, 'after the end of a value'))}; check the indentation of this line`;
      break;
    case 'MULTIPLE_DOCS':
      message = 'the file holds several YAML documents (separated by ---); dbt files must hold one';
      break;
    default:
      message = lowerFirst(err.message);
  }
  if (/\{\{|\{%/.test(lineText)) {
    hint = `values containing Jinja must be quoted, e.g. key: "{{ ... }}"`;
  } else if (hint === undefined && /INDENT|IMPLICIT_KEY|UNEXPECTED_TOKEN/.test(err.code)) {
    hint = 'YAML is indentation-sensitive: compare this line with the lines above it';
  }
  return new LakeformError({ code: 'E_YAML_SYNTAX', message: `invalid YAML: ${message}`, location, hint, cause: err });
}

/**
 * An unquoted `{{ ... }}` parses as a flow mapping whose key is itself a mapping — valid YAML, but
 * PyYAML rejects it ("unhashable key") and so must we, with a message that names the real cause.
 */
export function findUnquotedJinja(doc: Document, file: string, lineCounter: LineCounter): LakeformError | undefined {
  let found: LakeformError | undefined;
  visit(doc, {
    Pair(_key, pair, path) {
      if (!isCollection(pair.key)) return undefined;
      const parent = path[path.length - 1];
      const start = parent && 'range' in parent && parent.range ? parent.range[0] : (pair.key.range?.[0] ?? 0);
      const { line, col } = lineCounter.linePos(start);
      found = new LakeformError({
        code: 'E_YAML_SYNTAX',
        message: 'invalid YAML: a value starting with { is read as a mapping; unquoted Jinja ({{ ... }}) is not allowed here',
        location: { file, line, column: col },
        hint: `quote the value, e.g. key: "{{ ... }}"`,
      });
      return visit.BREAK;
    },
  });
  return found;
}

function describeDuplicate(
  doc: Document,
  offset: number,
  lineCounter: LineCounter,
): { key: string; firstLine: number } | undefined {
  let result: { key: string; firstLine: number } | undefined;
  visit(doc, {
    Map(_key, map) {
      const dupIndex = map.items.findIndex((p) => isScalar(p.key) && p.key.range?.[0] === offset);
      if (dupIndex < 0) return undefined;
      const dupKey = map.items[dupIndex]!.key;
      const name = isScalar(dupKey) ? String(dupKey.value) : '';
      const first = map.items.find((p, i) => i < dupIndex && isScalar(p.key) && String(p.key.value) === name);
      const firstOffset = first && isScalar(first.key) ? first.key.range?.[0] : undefined;
      result = { key: name, firstLine: firstOffset === undefined ? 0 : lineCounter.linePos(firstOffset).line };
      return visit.BREAK;
    },
  });
  return result;
}

function lineAt(text: string, lineCounter: LineCounter, line: number): string {
  const start = lineCounter.lineStarts[line - 1] ?? 0;
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? undefined : end);
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
