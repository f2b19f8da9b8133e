import { readFileSync } from 'node:fs';
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
  type ScalarTag,
} from 'yaml';
import { LakeformError, type SourceLocation, type Warning } from '../errors.js';
import type { YamlPath } from './yaml-path.js';
import { findUnquotedJinja, yamlSyntaxError } from './yaml-syntax-error.js';

/**
 * A parsed YAML file: its plain-JS value plus a way back from any value path to the file position.
 * Positions are computed on demand, so a clean file costs no more than `parseDocument` + `toJS`.
 */
export interface YamlDocument {
  /** As given to the parser; used in every location (project-relative where possible). */
  readonly file: string;
  /** The file's content as plain JS. An empty (or comment-only) file is `{}`. */
  readonly value: unknown;
  /**
   * 1-based position of the value at `path` (or of its key, with part 'key'). When the path does
   * not exist in full — a missing required key, say — the deepest existing ancestor is used, which
   * is where the user has to add it.
   */
  locate(path: YamlPath, part?: 'value' | 'key'): SourceLocation;
}

export interface ParsedYaml {
  doc: YamlDocument;
  warnings: Warning[];
}

/**
 * dbt reads YAML with PyYAML (YAML 1.1), where yes/no/on/off are booleans: `quote: yes` must mean
 * true here too. The rest of YAML 1.1 (dates, sexagesimals, `y`/`n`) is deliberately left out:
 * dates stay strings, which is what unit-test fixtures and `deprecation_date` want.
 */
const yaml11Booleans: ScalarTag = {
  tag: 'tag:yaml.org,2002:bool',
  default: true,
  test: /^(?:[Yy]es|YES|[Nn]o|NO|[Oo]n|ON|[Oo]ff|OFF)$/,
  resolve: (s: string) => /^(?:[Yy]es|YES|[Oo]n|ON)$/.test(s),
};

/** Parses YAML text. Throws LakeformError 'E_YAML_SYNTAX' (located) on the first syntax error. */
export function parseYaml(text: string, file: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    merge: true,
    customTags: (tags) => [...tags, yaml11Booleans],
  });
  const first = doc.errors[0];
  if (first) throw yamlSyntaxError(first, text, file, doc, lineCounter);
  // Cheap text test first: the AST walk is only worth doing when Jinja could be present.
  if (text.includes('{{') || text.includes('{%')) {
    const jinja = findUnquotedJinja(doc, file, lineCounter);
    if (jinja) throw jinja;
  }
  const warnings: Warning[] = doc.warnings.map((w) => {
    const { line, col } = lineCounter.linePos(w.pos[0]);
    return { code: 'W_YAML', message: w.message, location: { file, line, column: col } };
  });
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 10_000 });
  } catch (e) {
    throw new LakeformError({
      code: 'E_YAML_SYNTAX',
      message: `invalid YAML: ${e instanceof Error ? e.message : String(e)}`,
      location: { file },
      cause: e,
    });
  }
  return { doc: new LocatableDocument(file, value ?? {}, doc, lineCounter), warnings };
}

/** Reads and parses a file; `relPath` is what locations show. */
export function readYamlFile(absPath: string, relPath: string): ParsedYaml {
  let text: string;
  try {
    text = readFileSync(absPath, 'utf8');
  } catch (e) {
    throw new LakeformError({
      code: 'E_FILE_READ',
      message: `cannot read ${relPath}: ${e instanceof Error ? e.message : String(e)}`,
      location: { file: relPath },
      cause: e,
    });
  }
  return parseYaml(text, relPath);
}

class LocatableDocument implements YamlDocument {
  constructor(
    readonly file: string,
    readonly value: unknown,
    private readonly doc: Document,
    private readonly lineCounter: LineCounter,
  ) {}

  locate(path: YamlPath, part: 'value' | 'key' = 'value'): SourceLocation {
    let node: unknown = this.doc.contents;
    let offset = rangeStart(node) ?? 0;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i]!;
      if (isAlias(node)) node = node.resolve(this.doc);
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        const keyOffset = rangeStart(pair.key);
        const last = i === path.length - 1;
        if (last && part === 'key' && keyOffset !== undefined) return this.at(keyOffset);
        node = pair.value;
        // An empty value (`name:`) has a zero-width range after the colon; the key is clearer.
        const valueOffset = isEmptyScalar(node) ? undefined : rangeStart(node);
        offset = valueOffset ?? keyOffset ?? offset;
      } else if (isSeq(node) && typeof seg === 'number') {
        node = node.items[seg];
        const start = rangeStart(node);
        if (start === undefined) break;
        offset = start;
      } else {
        break;
      }
    }
    return this.at(offset);
  }

  private at(offset: number): SourceLocation {
    const { line, col } = this.lineCounter.linePos(offset);
    return { file: this.file, line, column: col };
  }
}

function rangeStart(node: unknown): number | undefined {
  if (node && typeof node === 'object' && 'range' in node) {
    const range = (node as Node).range;
    return range ? range[0] : undefined;
  }
  return undefined;
}

function isEmptyScalar(node: unknown): boolean {
  return isScalar(node) && node.value === null && !!node.range && node.range[0] === node.range[1];
}
