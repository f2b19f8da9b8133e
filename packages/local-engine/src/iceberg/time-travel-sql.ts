import { icebergError, timestampToMicros } from '@lakeform/iceberg';

export type TimeTravelAt = { snapshotId: bigint } | { timestampMs: number };

export interface TimeTravelRef {
  /** Identifier now standing in the SQL where `<table> FOR ... AS OF ...` was. */
  placeholder: string;
  schema: string;
  table: string;
  at: TimeTravelAt;
}

export interface ExtractedTimeTravel {
  sql: string;
  refs: TimeTravelRef[];
}

/** Marks the characters inside string literals and comments, where keywords are not keywords. */
function quotedMask(sql: string): boolean[] {
  const mask = new Array<boolean>(sql.length).fill(false);
  let i = 0;
  while (i < sql.length) {
    const two = sql.slice(i, i + 2);
    let end = -1;
    if (sql[i] === "'") {
      end = i + 1;
      while (end < sql.length && !(sql[end] === "'" && sql[end + 1] !== "'")) end += sql[end] === "'" ? 2 : 1;
      end += 1;
    } else if (two === '--') {
      end = sql.indexOf('\n', i);
      if (end < 0) end = sql.length;
    } else if (two === '/*') {
      end = sql.indexOf('*/', i + 2);
      end = end < 0 ? sql.length : end + 2;
    }
    if (end > i) {
      for (let k = i; k < end && k < sql.length; k += 1) mask[k] = true;
      i = end;
    } else i += 1;
  }
  return mask;
}

/** Reads up to three dotted name parts that end right before `end`; returns them and where they start. */
function tableRefBefore(sql: string, end: number): { parts: string[]; start: number } | undefined {
  const parts: string[] = [];
  let pos = end;
  while (parts.length < 3) {
    while (pos > 0 && /\s/.test(sql[pos - 1] ?? '')) pos -= 1;
    if (sql[pos - 1] === '"') {
      const open = sql.lastIndexOf('"', pos - 2);
      if (open < 0) return undefined;
      parts.unshift(sql.slice(open + 1, pos - 1).replace(/""/g, '"'));
      pos = open;
    } else {
      const m = /[A-Za-z_][A-Za-z0-9_$]*$/.exec(sql.slice(0, pos));
      if (!m) return undefined;
      parts.unshift(m[0].toLowerCase());
      pos -= m[0].length;
    }
    let probe = pos;
    while (probe > 0 && /\s/.test(sql[probe - 1] ?? '')) probe -= 1;
    if (sql[probe - 1] !== '.') break;
    pos = probe - 1;
  }
  return parts.length ? { parts, start: pos } : undefined;
}

/**
 * Finds Trino's `<table> FOR VERSION AS OF <n>` and `<table> FOR TIMESTAMP AS OF TIMESTAMP '...'`
 * and replaces each with a placeholder identifier, so the rest of the SQL can be translated and
 * the placeholders then swapped for IcebergStore.scanSql(...). A one-part name takes `defaultSchema`.
 */
export function extractTimeTravel(sql: string, opts: { defaultSchema?: string } = {}): ExtractedTimeTravel {
  const mask = quotedMask(sql);
  const refs: TimeTravelRef[] = [];
  const pieces: string[] = [];
  let copied = 0;
  const clause = /\bFOR\s+(VERSION|TIMESTAMP|SYSTEM_TIME)\s+AS\s+OF\s+/gi;
  for (let m = clause.exec(sql); m; m = clause.exec(sql)) {
    if (mask[m.index]) continue;
    const ref = tableRefBefore(sql, m.index);
    const where = sql.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40).trim();
    if (!ref || ref.start < copied) {
      throw icebergError('E_ICEBERG_TIME_TRAVEL', `cannot find the table before '${m[0].trim()}' in: ${where}`, 'Write time travel as <schema>.<table> FOR VERSION AS OF <snapshot id>.');
    }
    const rest = sql.slice(m.index + m[0].length);
    let at: TimeTravelAt;
    let length: number;
    const version = /^(\d+)/.exec(rest);
    const ts = /^TIMESTAMP\s*'([^']*)'/i.exec(rest);
    if ((m[1] ?? '').toUpperCase() === 'VERSION' && version) {
      at = { snapshotId: BigInt(version[1] ?? '0') };
      length = version[0].length;
    } else if ((m[1] ?? '').toUpperCase() !== 'VERSION' && ts) {
      at = { timestampMs: Number(timestampToMicros(ts[1] ?? '') / 1000n) };
      length = ts[0].length;
    } else {
      throw icebergError(
        'E_ICEBERG_TIME_TRAVEL',
        `unsupported time travel expression in: ${where}`,
        "Use FOR VERSION AS OF <snapshot id> or FOR TIMESTAMP AS OF TIMESTAMP 'YYYY-MM-DD HH:MM:SS[ UTC]'.",
      );
    }
    const table = ref.parts[ref.parts.length - 1] ?? '';
    const schema = ref.parts.length >= 2 ? (ref.parts[ref.parts.length - 2] ?? '') : (opts.defaultSchema ?? 'main');
    const placeholder = `__lakeform_time_travel_${refs.length}`;
    refs.push({ placeholder, schema: schema.toLowerCase(), table: table.toLowerCase(), at });
    pieces.push(sql.slice(copied, ref.start), placeholder);
    copied = m.index + m[0].length + length;
    clause.lastIndex = copied;
  }
  pieces.push(sql.slice(copied));
  return { sql: pieces.join(''), refs };
}
