/**
 * CSV rows of a unit-test fixture (RFC 4180: quoted fields, doubled quotes, embedded newlines).
 * An empty unquoted field is NULL, as in dbt's csv fixtures; `""` is the empty string.
 */
export interface CsvTable {
  columns: string[];
  rows: (string | null)[][];
}

export class CsvFixtureError extends Error {}

export function parseCsvFixture(text: string): CsvTable {
  const records: (string | null)[][] = [];
  let record: (string | null)[] = [];
  let field = '';
  let quoted = false;
  let inQuotes = false;
  let i = 0;
  let line = 1;
  const endField = () => {
    record.push(!quoted && field.trim() === '' ? null : quoted ? field : field.trim());
    field = '';
    quoted = false;
  };
  const endRecord = () => {
    endField();
    if (!(record.length === 1 && record[0] === null)) records.push(record);
    record = [];
  };
  while (i < text.length) {
    const c = text[i]!;
    if (inQuotes) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') inQuotes = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
      i++;
      continue;
    }
    if (c === '"') {
      if (field.trim() !== '') throw new CsvFixtureError(`line ${line}: a quote in the middle of an unquoted field`);
      field = '';
      quoted = true;
      inQuotes = true;
    } else if (c === ',') endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
    } else if (quoted) {
      if (c.trim() !== '') throw new CsvFixtureError(`line ${line}: text after a closing quote`);
    } else field += c;
    i++;
  }
  if (inQuotes) throw new CsvFixtureError('a quoted field is never closed');
  if (field !== '' || quoted || record.length > 0) endRecord();
  const header = records.shift();
  if (!header) throw new CsvFixtureError('no header row');
  const columns = header.map((h, idx) => {
    if (h === null || h === '') throw new CsvFixtureError(`header column ${idx + 1} has no name`);
    return h;
  });
  records.forEach((r, idx) => {
    if (r.length !== columns.length) throw new CsvFixtureError(`row ${idx + 1} has ${r.length} fields, the header has ${columns.length}`);
  });
  return { columns, rows: records };
}
