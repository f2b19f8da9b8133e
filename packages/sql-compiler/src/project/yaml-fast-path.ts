import { load } from 'js-yaml';

/**
 * A quick parse for the common case. The located parser (yaml-document.ts) is an order of magnitude
 * slower, and a 10,000-model project has thousands of property files; so files are first read with
 * js-yaml, and only when something could differ — or is wrong — is the located parser used.
 *
 * Returns undefined whenever the two parsers might not agree: YAML 1.1 booleans (yes/no/on/off,
 * which dbt's PyYAML reads as booleans), merge keys, anchors, tags, unquoted Jinja, or any error
 * (including duplicate keys, which the located parser reports with their position).
 */
const NEEDS_LOCATED_PARSER = /:\s+(?:[Yy]es|YES|[Nn]o|NO|[Oo]n|ON|[Oo]ff|OFF)\s*(?:#.*)?$|^\s*-\s+(?:[Yy]es|YES|[Nn]o|NO|[Oo]n|ON|[Oo]ff|OFF)\s*$|<<\s*:|(?:^|[\s:,[-])[&*!][^\s]|(?:[:-]|^)\s*\{[{%]|\t/m;

export function fastParse(text: string): { value: unknown } | undefined {
  if (NEEDS_LOCATED_PARSER.test(text)) return undefined;
  try {
    const value = load(text);
    return { value: value ?? {} };
  } catch {
    return undefined;
  }
}
