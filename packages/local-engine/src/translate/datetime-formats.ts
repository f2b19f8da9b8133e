/**
 * Trino has two date format languages: MySQL-style specifiers for date_format/date_parse and
 * Joda-Time patterns for format_datetime/parse_datetime. DuckDB's strftime/strptime use C-style
 * specifiers. Formats are converted at translation time, so only literal formats are supported.
 */

export type FormatConversion = { ok: true; format: string } | { ok: false; reason: string };

/** MySQL specifier → strftime, for printing (date_format). Values from Trino's date_format docs. */
const MYSQL_PRINT: Readonly<Record<string, string>> = {
  a: '%a', b: '%b', c: '%-m', d: '%d', e: '%-d', f: '%f', H: '%H', h: '%I', I: '%I', i: '%M', j: '%j',
  k: '%-H', l: '%-I', M: '%B', m: '%m', p: '%p', r: '%I:%M:%S %p', S: '%S', s: '%S', T: '%H:%M:%S',
  U: '%U', u: '%W', v: '%V', W: '%A', w: '%w', x: '%G', Y: '%Y', y: '%y', '%': '%%',
};

/** For parsing, DuckDB's strptime accepts unpadded numbers for the padded specifiers. */
const MYSQL_PARSE: Readonly<Record<string, string>> = {
  ...MYSQL_PRINT,
  c: '%m', e: '%d', k: '%H', l: '%I', r: '%I:%M:%S %p',
};

/** Specifiers Trino documents but DuckDB cannot reproduce. */
const MYSQL_UNSUPPORTED: Readonly<Record<string, string>> = {
  D: 'day of month with English suffix (%D)',
  X: 'year for the week where Sunday is the first day (%X)',
  V: 'week where Sunday is the first day, used with %X (%V)',
};

export function mysqlToStrftime(format: string, mode: 'print' | 'parse'): FormatConversion {
  const table = mode === 'print' ? MYSQL_PRINT : MYSQL_PARSE;
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i] as string;
    if (ch !== '%') {
      out += ch;
      continue;
    }
    const spec = format[i + 1];
    i++;
    if (spec === undefined) return { ok: false, reason: 'the format ends with a lone %' };
    const mapped = table[spec];
    if (mapped !== undefined) out += mapped;
    else if (MYSQL_UNSUPPORTED[spec]) return { ok: false, reason: `${MYSQL_UNSUPPORTED[spec]} has no DuckDB equivalent` };
    // MySQL (and Trino) print an unknown specifier's letter as is.
    else out += spec === '%' ? '%%' : spec;
  }
  return { ok: true, format: out };
}

/** Joda pattern letters by run length → strftime. Missing lengths are not supported. */
const JODA: Readonly<Record<string, Readonly<Record<number, string>>>> = {
  y: { 1: '%Y', 2: '%y', 3: '%Y', 4: '%Y' },
  Y: { 1: '%Y', 2: '%y', 3: '%Y', 4: '%Y' },
  x: { 1: '%G', 4: '%G' },
  w: { 1: '%-V', 2: '%V' },
  M: { 1: '%-m', 2: '%m', 3: '%b', 4: '%B' },
  d: { 1: '%-d', 2: '%d' },
  D: { 1: '%-j', 3: '%j' },
  e: { 1: '%u' },
  E: { 1: '%a', 2: '%a', 3: '%a', 4: '%A' },
  a: { 1: '%p' },
  H: { 1: '%-H', 2: '%H' },
  k: { 1: '%-H', 2: '%H' },
  h: { 1: '%-I', 2: '%I' },
  m: { 1: '%-M', 2: '%M' },
  s: { 1: '%-S', 2: '%S' },
  S: { 3: '%g', 6: '%f', 9: '%n' },
  Z: { 1: '%z' },
};

export function jodaToStrftime(pattern: string): FormatConversion {
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i] as string;
    if (ch === "'") {
      // Quoted literal text; '' is a literal quote.
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      if (end < 0) return { ok: false, reason: 'the pattern has an unterminated quote' };
      out += pattern.slice(i + 1, end).replaceAll('%', '%%');
      i = end + 1;
      continue;
    }
    if (/[A-Za-z]/.test(ch)) {
      let run = 1;
      while (pattern[i + run] === ch) run++;
      const mapped = JODA[ch]?.[run];
      if (mapped === undefined) return { ok: false, reason: `the Joda pattern letter run '${ch.repeat(run)}' has no DuckDB equivalent` };
      out += mapped;
      i += run;
      continue;
    }
    out += ch === '%' ? '%%' : ch;
    i++;
  }
  return { ok: true, format: out };
}
