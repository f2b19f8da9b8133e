import type * as z from 'zod';
import { formatPath, isPlainMapping, valueAt, type YamlPath } from './yaml-path.js';

type Issue = z.core.$ZodIssue;

/** One schema violation, phrased for a person, with the document path to point at. */
export interface Problem {
  /** Where to point: the offending value, or the mapping that lacks a required key. */
  path: YamlPath;
  message: string;
  hint?: string;
}

/**
 * Rephrases zod issues. `root` is the value that was validated and `basePath` where it sits in
 * the document (a profile target is validated on its own but located inside profiles.yml).
 */
export function describeIssues(issues: readonly Issue[], root: unknown, basePath: YamlPath = []): Problem[] {
  const out: Problem[] = [];
  for (const issue of issues) describeIssue(issue, [], root, basePath, out);
  return out;
}

function describeIssue(issue: Issue, prefix: YamlPath, root: unknown, basePath: YamlPath, out: Problem[]): void {
  const rel: YamlPath = [...prefix, ...issue.path.map(pathSegment)];
  const path: YamlPath = [...basePath, ...rel];
  const label = labelOf(path);
  const actual = valueAt(root, rel);
  const discriminator = issue.code === 'invalid_union' && 'note' in issue && issue.note === 'No matching discriminator';
  if (!discriminator && actual === undefined && isMissingKey(root, rel) && MISSING_CODES.has(issue.code)) {
    out.push(missingKey(basePath, rel));
    return;
  }
  switch (issue.code) {
    case 'invalid_type': {
      // A schema's own `error` text names what it expects ("a whole number"); else zod's type.
      const expected = isCustom(issue.message) ? issue.message : expectedNoun(issue.expected);
      out.push({ path, message: `${label} must be ${expected}, got ${describeValue(actual)}`, ...typeHint(issue.expected, actual) });
      return;
    }
    case 'invalid_union': {
      if (discriminator) {
        const options = ((issue as { options?: unknown[] }).options ?? []).map(quote).join(', ');
        if (actual === undefined) {
          out.push({ ...missingKey(basePath, rel), message: `${missingKey(basePath, rel).message} (one of ${options})` });
        } else {
          out.push({ path, message: `${label} must be one of ${options}; got ${describeValue(actual)}` });
        }
        return;
      }
      const branches = issue.errors as readonly (readonly Issue[])[];
      // A branch whose failures are all below the top (or custom checks) matched the value's
      // shape; its issues are the specific ones. Otherwise the value fits no branch at all.
      const matched = branches.filter((b) => b.length > 0 && !b.some(isShapeMismatch));
      if (matched.length > 0) {
        const best = matched.reduce((a, b) => (b.length < a.length ? b : a));
        for (const inner of best) describeIssue(inner, rel, root, basePath, out);
        return;
      }
      const custom = isCustom(issue.message) ? issue.message : undefined;
      const expected =
        custom ??
        unique(
          branches.flatMap((b) => b.filter((i) => i.code === 'invalid_type' && i.path.length === 0)).map((i) =>
            expectedNoun((i as { expected: string }).expected),
          ),
        ).join(' or ');
      out.push({ path, message: `${label} must be ${expected || 'something else'}, got ${describeValue(actual)}` });
      return;
    }
    case 'invalid_value': {
      const values = issue.values.map(quote);
      const want = values.length === 1 ? values[0] : `one of ${values.join(', ')}`;
      out.push({ path, message: `${label} must be ${want}; got ${describeValue(actual)}` });
      return;
    }
    case 'too_small':
    case 'too_big': {
      out.push({ path, message: `${label} ${sizeMessage(issue)}` });
      return;
    }
    case 'invalid_format':
      out.push({ path, message: `${label} ${customOr(issue.message, 'has an invalid format')}, got ${describeValue(actual)}` });
      return;
    case 'custom':
      out.push({ path, message: `${label} ${customOr(issue.message, 'is invalid')}` });
      return;
    default:
      out.push({ path, message: `${label}: ${issue.message}` });
  }
}

function pathSegment(seg: PropertyKey): string | number {
  return typeof seg === 'number' ? seg : String(seg);
}

function labelOf(path: YamlPath): string {
  return path.length === 0 ? 'the top level' : formatPath(path);
}

function isMissingKey(root: unknown, rel: YamlPath): boolean {
  if (rel.length === 0) return false;
  const parent = valueAt(root, rel.slice(0, -1));
  return isPlainMapping(parent) && !Object.prototype.hasOwnProperty.call(parent, String(rel[rel.length - 1]));
}

function missingKey(basePath: YamlPath, rel: YamlPath): Problem {
  const parentPath = [...basePath, ...rel.slice(0, -1)];
  const key = String(rel[rel.length - 1]);
  return { path: parentPath, message: `${labelOf(parentPath)} is missing the required key '${key}'` };
}

/** A failure that says "this branch is the wrong kind of thing", not "this branch, but wrong". */
function isShapeMismatch(issue: Issue): boolean {
  if (issue.path.length === 0) return issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union';
  // A missing key that a branch requires (e.g. `local:` for a local package) also rules it out.
  return issue.path.length === 1 && MISSING_CODES.has(issue.code) && issue.input === undefined;
}

/** Issue kinds zod raises for a required key that is absent (the value checked is undefined). */
const MISSING_CODES: ReadonlySet<string> = new Set(['invalid_type', 'invalid_union', 'invalid_value']);

function expectedNoun(expected: string): string {
  switch (expected) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'int':
      return 'a whole number';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list';
    case 'object':
    case 'record':
    case 'map':
      return 'a mapping';
    case 'null':
      return 'empty';
    default:
      return expected;
  }
}

/** How a value reads back to the user: "a mapping", "a string ('abc')", "an empty value". */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'an empty value';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `a string (${quote(v.length > 40 ? `${v.slice(0, 37)}...` : v)})`;
  if (typeof v === 'number') return `a number (${v})`;
  if (typeof v === 'boolean') return `a boolean (${v})`;
  return typeof v;
}

function typeHint(expected: string, actual: unknown): { hint?: string } {
  if (expected === 'string' && typeof actual === 'boolean') {
    return { hint: 'YAML reads unquoted true/false/yes/no/on/off as booleans; put the value in quotes' };
  }
  if (expected === 'string' && typeof actual === 'number') return { hint: 'put the value in quotes to keep it as text' };
  if (expected === 'array' && (typeof actual === 'string' || isPlainMapping(actual))) {
    return { hint: "write each item on its own line, starting with '- '" };
  }
  return {};
}

function sizeMessage(issue: Issue & { code: 'too_small' | 'too_big' }): string {
  const bound = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
  const origin = issue.origin;
  if (issue.code === 'too_small') {
    if (origin === 'string' && bound <= 1) return 'must not be empty';
    if (origin === 'array') return `must have at least ${bound} item${bound === 1 ? '' : 's'}`;
    return `must be at least ${bound}`;
  }
  if (origin === 'array') return `must have at most ${bound} item${bound === 1 ? '' : 's'}`;
  return `must be at most ${bound}`;
}

function isCustom(message: string | undefined): message is string {
  return !!message && !message.startsWith('Invalid');
}

function customOr(message: string, fallback: string): string {
  return isCustom(message) ? message : fallback;
}

function quote(v: unknown): string {
  return typeof v === 'string' ? `'${v}'` : String(v);
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
