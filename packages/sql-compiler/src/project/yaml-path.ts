/** A path into a YAML document: mapping keys and sequence indexes, e.g. ['models', 3, 'columns']. */
export type YamlPath = readonly (string | number)[];

const PLAIN_KEY = /^[A-Za-z_+][\w+-]*$/;

/**
 * The path as a person reads it: `models[2].columns[0].tests`. Keys that would be ambiguous in
 * dotted form (dots, spaces) are quoted: `vars["my.var"]`.
 */
export function formatPath(path: YamlPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (PLAIN_KEY.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** The plain-JS value at `path`, or undefined when any step is missing. */
export function valueAt(root: unknown, path: YamlPath): unknown {
  let cur: unknown = root;
  for (const seg of path) {
    if (Array.isArray(cur) && typeof seg === 'number') cur = cur[seg];
    else if (isPlainMapping(cur)) cur = Object.prototype.hasOwnProperty.call(cur, seg) ? cur[String(seg)] : undefined;
    else return undefined;
  }
  return cur;
}

export function isPlainMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
