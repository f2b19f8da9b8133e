import type { SourceLocation } from '../errors.js';

/**
 * A location computed on first read. Positions in YAML files are only needed when something goes
 * wrong, and computing them means re-parsing the file with the located parser.
 */
export function lazyLocation(file: string, compute: () => SourceLocation): SourceLocation {
  let cached: SourceLocation | undefined;
  const get = () => (cached ??= safe(file, compute));
  return {
    file,
    get line() {
      return get().line;
    },
    get column() {
      return get().column;
    },
    toJSON() {
      return get();
    },
  } as SourceLocation;
}

function safe(file: string, compute: () => SourceLocation): SourceLocation {
  try {
    return compute();
  } catch {
    return { file };
  }
}
