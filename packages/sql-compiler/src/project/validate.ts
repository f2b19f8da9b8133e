import type * as z from 'zod';
import { LakeformError, type SourceLocation, type Warning } from '../errors.js';
import { closestName } from './closest-name.js';
import { describeIssues } from './issue-message.js';
import { findUnknownKeys, type KeyFinding } from './unknown-keys.js';
import type { YamlDocument } from './yaml-document.js';
import { formatPath, type YamlPath } from './yaml-path.js';

/**
 * Every schema problem of one file, as one error. Located at the first problem; the message
 * lists the others with their positions so a user can fix a file in one go. `problems` holds each
 * one as its own located LakeformError for tools that want them separately.
 */
export class YamlSchemaError extends LakeformError {
  readonly problems: readonly LakeformError[];

  constructor(problems: readonly LakeformError[]) {
    const [first, ...rest] = problems;
    if (!first) throw new Error('YamlSchemaError needs at least one problem');
    const more = rest.map((p) => `\n  also ${where(p.location)}: ${p.message}`).join('');
    super({ code: 'E_YAML_SCHEMA', message: first.message + more, location: first.location, hint: first.hint });
    this.name = 'YamlSchemaError';
    this.problems = problems;
  }
}

export interface ValidateOptions {
  /** The value to validate, when it is not the document's own (a rendered copy, or a part). */
  value?: unknown;
  /** Where `value` sits in the document, for locations. */
  basePath?: YamlPath;
}

export interface Validation<T> {
  /** The parsed value, or undefined when there are problems. */
  value: T | undefined;
  /** One located E_YAML_SCHEMA error per problem, in document order of zod's reporting. */
  problems: LakeformError[];
  /** Unknown keys (W_UNKNOWN_KEY) and deprecated keys (W_DEPRECATED_KEY); only when valid. */
  warnings: Warning[];
}

/**
 * Checks a document (or part of one) against a schema. Never throws for schema problems; use
 * `expectValid` to turn problems into a YamlSchemaError. Unknown keys are warnings, never errors:
 * dbt itself ignores many of them, and adapters add their own.
 */
export function validateDocument<S extends z.ZodType>(
  doc: YamlDocument,
  schema: S,
  options: ValidateOptions = {},
): Validation<z.output<S>> {
  const value = 'value' in options ? options.value : doc.value;
  const basePath = options.basePath ?? [];
  const parsed = schema.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    const problems = describeIssues(parsed.error.issues, value, basePath).map(
      (p) =>
        new LakeformError({
          code: 'E_YAML_SCHEMA',
          message: p.message,
          location: doc.locate(p.path),
          ...(p.hint === undefined ? {} : { hint: p.hint }),
        }),
    );
    return { value: undefined, problems, warnings: [] };
  }
  const warnings = findUnknownKeys(schema, value, basePath).map((f) => keyWarning(doc, f));
  return { value: parsed.data, problems: [], warnings };
}

/** The value of a successful validation; otherwise throws every problem as one YamlSchemaError. */
export function expectValid<T>(validation: Validation<T>): T {
  if (validation.problems.length > 0 || validation.value === undefined) {
    throw new YamlSchemaError(validation.problems);
  }
  return validation.value;
}

function keyWarning(doc: YamlDocument, f: KeyFinding): Warning {
  const location = doc.locate([...f.path, f.key], 'key');
  const place = f.path.length === 0 ? 'at the top level' : `in ${formatPath(f.path)}`;
  if (f.kind === 'deprecated') {
    return { code: 'W_DEPRECATED_KEY', message: `'${f.key}' ${place} is deprecated; ${f.advice ?? ''}`.trimEnd(), location };
  }
  const suggestion = closestName(f.key, f.known);
  return {
    code: 'W_UNKNOWN_KEY',
    message: `unknown key '${f.key}' ${place}${suggestion ? `; did you mean '${suggestion}'?` : ''}`,
    location,
    hint: 'unknown keys are ignored',
  };
}

function where(l: SourceLocation | undefined): string {
  if (!l) return '';
  return l.line === undefined ? l.file : `${l.file}:${l.line}:${l.column ?? 1}`;
}
