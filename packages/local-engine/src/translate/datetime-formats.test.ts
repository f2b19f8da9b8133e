import { describe, expect, it } from 'vitest';
import { jodaToStrftime, mysqlToStrftime } from './datetime-formats.js';

describe('mysqlToStrftime', () => {
  it('maps the Trino date_format specifiers', () => {
    expect(mysqlToStrftime('%Y-%m-%d %H:%i:%s.%f', 'print')).toEqual({ ok: true, format: '%Y-%m-%d %H:%M:%S.%f' });
    expect(mysqlToStrftime('%W %M %e %c %k %l %p %%', 'print')).toEqual({ ok: true, format: '%A %B %-d %-m %-H %-I %p %%' });
    expect(mysqlToStrftime('%e/%c', 'parse')).toEqual({ ok: true, format: '%d/%m' });
  });

  it('refuses specifiers DuckDB cannot produce', () => {
    expect(mysqlToStrftime('%D', 'print')).toMatchObject({ ok: false });
    expect(mysqlToStrftime('100%', 'print')).toMatchObject({ ok: false });
  });
});

describe('jodaToStrftime', () => {
  it('maps pattern letter runs and quoted literals', () => {
    expect(jodaToStrftime("yyyy-MM-dd'T'HH:mm:ss.SSS")).toEqual({ ok: true, format: '%Y-%m-%dT%H:%M:%S.%g' });
    expect(jodaToStrftime("EEEE, MMMM d ''yy")).toEqual({ ok: true, format: "%A, %B %-d '%y" });
    expect(jodaToStrftime('100%')).toEqual({ ok: true, format: '100%%' });
  });

  it('refuses runs it cannot map', () => {
    expect(jodaToStrftime('GGGG')).toMatchObject({ ok: false });
    expect(jodaToStrftime("'open")).toMatchObject({ ok: false });
  });
});
