import type { SourceLocation, Warning } from '../errors.js';
import { schemaFileSchema, type SchemaFile } from './schema-file-schema.js';
import { expectValid, validateDocument } from './validate.js';
import { parseYaml, readYamlFile, type ParsedYaml } from './yaml-document.js';
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
export function loadSchemaFile(absPath: string, relPath: string): LoadedSchemaFile {
  return fromParsed(readYamlFile(absPath, relPath));
}

/** As loadSchemaFile, for text already read (e.g. by a parallel file reader). */
export function parseSchemaFile(text: string, relPath: string): LoadedSchemaFile {
  return fromParsed(parseYaml(text, relPath));
}

function fromParsed({ doc, warnings }: ParsedYaml): LoadedSchemaFile {
  const validation = validateDocument(doc, schemaFileSchema);
  const file = expectValid(validation);
  return { file, warnings: [...warnings, ...validation.warnings], locate: (p, part) => doc.locate(p, part) };
}
