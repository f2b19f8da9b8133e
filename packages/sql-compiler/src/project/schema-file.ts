import type { SourceLocation, Warning } from '../errors.js';
import { schemaFileSchema, type SchemaFile } from './schema-file-schema.js';
import { expectValid, validateDocument } from './validate.js';
import { parseYaml, readYamlFile, type ParsedYaml, type YamlDocument } from './yaml-document.js';
import { fastParse } from './yaml-fast-path.js';
import { findUnknownKeys } from './unknown-keys.js';
import { readFileSync } from 'node:fs';
import type { YamlPath } from './yaml-path.js';

export interface LoadedSchemaFile {
  file: SchemaFile;
  warnings: Warning[];
  /** Position of any entry, e.g. ['models', 0, 'columns', 2, 'data_tests', 1]. */
  locate(path: YamlPath, part?: 'value' | 'key'): SourceLocation;
}

/**
 * Reads and validates a properties YAML file. Values stay unrendered. Throws E_YAML_SYNTAX or
 * E_YAML_SCHEMA (a YamlSchemaError listing every problem in the file).
 */
export function loadSchemaFile(absPath: string, relPath: string, text?: string): LoadedSchemaFile {
  if (text === undefined) {
    try {
      text = readFileSync(absPath, 'utf8');
    } catch {
      return fromParsed(readYamlFile(absPath, relPath));
    }
  }
  return parseSchemaFile(text, relPath);
}

/**
 * As loadSchemaFile, for text already read. A clean file takes the fast path (no positions kept;
 * `locate` parses again, once, if anything later needs a position); a file with any problem or
 * unknown key goes through the located parser, so every error and warning has its line.
 */
export function parseSchemaFile(text: string, relPath: string): LoadedSchemaFile {
  const fast = fastParse(text);
  if (fast) {
    const r = schemaFileSchema.safeParse(fast.value);
    if (r.success && findUnknownKeys(schemaFileSchema, fast.value).length === 0) {
      let doc: YamlDocument | undefined;
      return { file: r.data, warnings: [], locate: (p, part) => (doc ??= parseYaml(text, relPath).doc).locate(p, part) };
    }
  }
  return fromParsed(parseYaml(text, relPath));
}

function fromParsed({ doc, warnings }: ParsedYaml): LoadedSchemaFile {
  const validation = validateDocument(doc, schemaFileSchema);
  const file = expectValid(validation);
  return { file, warnings: [...warnings, ...validation.warnings], locate: (p, part) => doc.locate(p, part) };
}
