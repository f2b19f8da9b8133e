const NEEDS_QUOTES = /[",\r\n]/;

/** One field as RFC 4180 wants it: quoted only when it holds a comma, a quote or a line break. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One record, terminated by a line feed (Athena, DuckDB and Spark all split lines on LF). */
export function csvRow(fields: readonly string[]): string {
  let line = '';
  for (let i = 0; i < fields.length; i++) {
    if (i > 0) line += ',';
    line += csvField(fields[i]!);
  }
  return `${line}\n`;
}

/** Groups encoded rows into large chunks: one stream write per chunk, not per row. */
export function* csvChunks(rows: Iterable<readonly string[]>, rowsPerChunk = 4096): Generator<string> {
  let chunk = '';
  let inChunk = 0;
  for (const row of rows) {
    chunk += csvRow(row);
    if (++inChunk === rowsPerChunk) {
      yield chunk;
      chunk = '';
      inChunk = 0;
    }
  }
  if (inChunk > 0) yield chunk;
}
