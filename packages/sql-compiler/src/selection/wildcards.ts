/**
 * Glob matching as dbt does it: Python's `fnmatch` for names, tags and fqn tails, and pathlib-style
 * segment globs for `path:`. Patterns are compiled once and cached because one selection applies
 * the same pattern to tens of thousands of nodes.
 */

const WILDCARD_CHARS = /[*?[\]]/;

/** dbt treats a selector part as a pattern as soon as it holds any of `* ? [ ]`. */
export function hasWildcard(pattern: string): boolean {
  return WILDCARD_CHARS.test(pattern);
}

const REGEX_SPECIAL = /[\\^$.*+?()[\]{}|/-]/g;

function escapeRegex(text: string): string {
  return text.replace(REGEX_SPECIAL, '\\$&');
}

/**
 * fnmatch.translate semantics: `*` and `?` cross dots and slashes, `[seq]` / `[!seq]` are
 * character classes, and an unclosed `[` is a literal.
 */
function translate(pattern: string): string {
  let out = '';
  let i = 0;
  const n = pattern.length;
  while (i < n) {
    const c = pattern[i]!;
    i++;
    if (c === '*') {
      // Runs of stars mean the same as one; collapsing avoids needless backtracking.
      while (pattern[i] === '*') i++;
      out += '[\\s\\S]*';
    } else if (c === '?') {
      out += '[\\s\\S]';
    } else if (c === '[') {
      let j = i;
      if (pattern[j] === '!') j++;
      if (pattern[j] === ']') j++;
      while (j < n && pattern[j] !== ']') j++;
      if (j >= n) {
        out += '\\[';
        continue;
      }
      let body = pattern.slice(i, j);
      i = j + 1;
      let negate = false;
      if (body.startsWith('!')) {
        negate = true;
        body = body.slice(1);
      }
      // Inside a JS class only `\`, `]` and a leading `^` are special; `-` keeps its range meaning.
      let cls = '';
      for (let k = 0; k < body.length; k++) {
        const ch = body[k]!;
        if (ch === '\\' || ch === ']' || (ch === '^' && k === 0 && !negate)) cls += `\\${ch}`;
        else cls += ch;
      }
      out += `[${negate ? '^' : ''}${cls}]`;
    } else {
      out += escapeRegex(c);
    }
  }
  return out;
}

const fnmatchCache = new Map<string, RegExp>();
const CACHE_LIMIT = 2048;

export function compileFnmatch(pattern: string): RegExp {
  let re = fnmatchCache.get(pattern);
  if (re === undefined) {
    // The cache only serves repeated patterns within and across selections; bound it so a
    // long-lived process fed arbitrary patterns does not grow without limit.
    if (fnmatchCache.size >= CACHE_LIMIT) fnmatchCache.clear();
    try {
      re = new RegExp(`^${translate(pattern)}$`);
    } catch {
      // A class like `[z-a]` is invalid in JS as in Python's re; treat the pattern literally.
      re = new RegExp(`^${escapeRegex(pattern)}$`);
    }
    fnmatchCache.set(pattern, re);
  }
  return re;
}

export function fnmatch(name: string, pattern: string): boolean {
  if (!hasWildcard(pattern)) return name === pattern;
  return compileFnmatch(pattern).test(name);
}

/** A compiled matcher that tests many names against one pattern without re-checking the cache. */
export function fnmatcher(pattern: string): (name: string) => boolean {
  if (!hasWildcard(pattern)) return (name) => name === pattern;
  // `*` is the default selection's pattern; skip the regex for the commonest case.
  if (/^\*+$/.test(pattern)) return () => true;
  const re = compileFnmatch(pattern);
  return (name) => re.test(name);
}

/** Forward slashes, no `./` segments, no empty segments, no trailing slash. */
export function normalizePath(path: string): string[] {
  return path
    .replace(/\\/g, '/')
    .split('/')
    .filter((segment) => segment !== '' && segment !== '.');
}

type SegmentMatcher = { kind: 'any-depth' } | { kind: 'segment'; test: (segment: string) => boolean };

/**
 * Matches a project-relative file path against a `path:` selector the way dbt does with
 * `Path.glob` on the project root: the node is selected when the pattern names its file or any
 * directory above it. `*`, `?` and `[...]` stay within one segment; `**` spans any number of
 * directories (including none).
 */
export function compilePathMatcher(pattern: string): (filePath: string) => boolean {
  const segments: SegmentMatcher[] = normalizePath(pattern).map((segment) =>
    segment === '**' ? { kind: 'any-depth' } : { kind: 'segment', test: fnmatcher(segment) },
  );
  if (segments.length === 0) return () => false;

  return (filePath) => {
    const parts = normalizePath(filePath);
    // Reachable[j]: the pattern prefix processed so far can consume exactly parts[0..j).
    // Pattern and path are a handful of segments each, so this table is tiny.
    let reachable = new Array<boolean>(parts.length + 1).fill(false);
    reachable[0] = true;
    for (const seg of segments) {
      const next = new Array<boolean>(parts.length + 1).fill(false);
      let any = false;
      if (seg.kind === 'any-depth') {
        let on = false;
        for (let j = 0; j <= parts.length; j++) {
          on = on || reachable[j]!;
          next[j] = on;
          any = any || on;
        }
      } else {
        for (let j = 0; j < parts.length; j++) {
          if (reachable[j] && seg.test(parts[j]!)) {
            next[j + 1] = true;
            any = true;
          }
        }
      }
      if (!any) return false;
      reachable = next;
    }
    // Leftover path segments are fine: matching a directory selects everything below it. A
    // pattern that consumed nothing (only `**`) would otherwise select the whole project root.
    for (let j = 1; j <= parts.length; j++) if (reachable[j]) return true;
    return false;
  };
}
