import { bind } from './arguments.js';

/**
 * The part of Python's `datetime` module dbt projects reach through `modules.datetime`: now/utcnow,
 * construction, strftime/strptime, isoformat, date(), timedelta arithmetic (`__add__`/`__sub__`,
 * which the template engine calls for `+`/`-` on objects). Times are UTC: compiles must not depend
 * on the machine's timezone.
 */
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export class PyTimedelta {
  constructor(readonly ms: number) {}
  static create(...args: unknown[]): PyTimedelta {
    const v = bind('timedelta', args, ['days', 'seconds', 'microseconds', 'milliseconds', 'minutes', 'hours', 'weeks']).values;
    const n = (k: string) => Number(v[k] ?? 0);
    return new PyTimedelta(
      n('weeks') * 604800000 + n('days') * 86400000 + n('hours') * 3600000 + n('minutes') * 60000 + n('seconds') * 1000 + n('milliseconds') + n('microseconds') / 1000,
    );
  }
  get days(): number {
    return Math.floor(this.ms / 86400000);
  }
  get seconds(): number {
    return Math.floor((this.ms - this.days * 86400000) / 1000);
  }
  total_seconds(): number {
    return this.ms / 1000;
  }
  __add__(o: unknown): unknown {
    if (o instanceof PyTimedelta) return new PyTimedelta(this.ms + o.ms);
    if (o instanceof PyDatetime) return o.__add__(this);
    return undefined;
  }
  __sub__(o: unknown): unknown {
    return o instanceof PyTimedelta ? new PyTimedelta(this.ms - o.ms) : undefined;
  }
  toString(): string {
    const d = this.days;
    const rest = Math.round((this.ms - d * 86400000) / 1000);
    const t = `${Math.floor(rest / 3600)}:${pad(Math.floor((rest % 3600) / 60))}:${pad(rest % 60)}`;
    return d ? `${d} day${Math.abs(d) === 1 ? '' : 's'}, ${t}` : t;
  }
}

export class PyDatetime {
  constructor(
    /** Milliseconds since the epoch, UTC wall clock. */
    readonly ms: number,
    readonly dateOnly = false,
    readonly micros = 0,
  ) {}
  private get d(): Date {
    return new Date(this.ms);
  }
  get year(): number {
    return this.d.getUTCFullYear();
  }
  get month(): number {
    return this.d.getUTCMonth() + 1;
  }
  get day(): number {
    return this.d.getUTCDate();
  }
  get hour(): number {
    return this.d.getUTCHours();
  }
  get minute(): number {
    return this.d.getUTCMinutes();
  }
  get second(): number {
    return this.d.getUTCSeconds();
  }
  get microsecond(): number {
    return this.d.getUTCMilliseconds() * 1000 + this.micros;
  }
  weekday(): number {
    return (this.d.getUTCDay() + 6) % 7;
  }
  isoweekday(): number {
    return this.weekday() + 1;
  }
  date(): PyDatetime {
    return new PyDatetime(Date.UTC(this.year, this.month - 1, this.day), true);
  }
  timestamp(): number {
    return this.ms / 1000;
  }
  replace(...args: unknown[]): PyDatetime {
    const v = bind('replace', args, ['year', 'month', 'day', 'hour', 'minute', 'second', 'microsecond', 'tzinfo']).values;
    const g = (k: string, cur: number) => (v[k] === undefined ? cur : Number(v[k]));
    const us = g('microsecond', this.microsecond);
    return new PyDatetime(
      Date.UTC(g('year', this.year), g('month', this.month) - 1, g('day', this.day), g('hour', this.hour), g('minute', this.minute), g('second', this.second), Math.floor(us / 1000)),
      this.dateOnly,
      us % 1000,
    );
  }
  isoformat(sep = 'T'): string {
    const date = `${pad(this.year, 4)}-${pad(this.month)}-${pad(this.day)}`;
    if (this.dateOnly) return date;
    const us = this.microsecond;
    return `${date}${sep}${pad(this.hour)}:${pad(this.minute)}:${pad(this.second)}${us ? `.${pad(us, 6)}` : ''}`;
  }
  strftime(fmt: string): string {
    const us = this.microsecond;
    const map: Record<string, () => string> = {
      Y: () => pad(this.year, 4),
      y: () => pad(this.year % 100),
      m: () => pad(this.month),
      d: () => pad(this.day),
      H: () => pad(this.hour),
      I: () => pad(((this.hour + 11) % 12) + 1),
      p: () => (this.hour < 12 ? 'AM' : 'PM'),
      M: () => pad(this.minute),
      S: () => pad(this.second),
      f: () => pad(us, 6),
      j: () => pad(Math.floor((this.date().ms - Date.UTC(this.year, 0, 1)) / 86400000) + 1, 3),
      a: () => DAY_NAMES[this.weekday()]!.slice(0, 3),
      A: () => DAY_NAMES[this.weekday()]!,
      b: () => MONTH_NAMES[this.month - 1]!.slice(0, 3),
      B: () => MONTH_NAMES[this.month - 1]!,
      w: () => String((this.weekday() + 1) % 7),
      z: () => '',
      Z: () => '',
      '%': () => '%',
    };
    return fmt.replace(/%([a-zA-Z%])/g, (m, c: string) => (map[c] ? map[c]!() : m));
  }
  __add__(o: unknown): unknown {
    return o instanceof PyTimedelta ? new PyDatetime(this.ms + o.ms, this.dateOnly && o.ms % 86400000 === 0, this.micros) : undefined;
  }
  __sub__(o: unknown): unknown {
    if (o instanceof PyTimedelta) return new PyDatetime(this.ms - o.ms, this.dateOnly && o.ms % 86400000 === 0, this.micros);
    if (o instanceof PyDatetime) return new PyTimedelta(this.ms - o.ms);
    return undefined;
  }
  __eq__(o: unknown): boolean {
    return o instanceof PyDatetime && o.ms === this.ms && o.micros === this.micros;
  }
  __lt__(o: unknown): boolean {
    return o instanceof PyDatetime && this.ms < o.ms;
  }
  toString(): string {
    return this.isoformat(' ');
  }
}

/** strptime for the directives projects use; throws like Python on a mismatch. */
function strptime(value: string, fmt: string): PyDatetime {
  const parts: Record<string, number> = { Y: 1900, m: 1, d: 1, H: 0, M: 0, S: 0, f: 0 };
  let re = '^';
  const order: string[] = [];
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i]!;
    if (c === '%' && i + 1 < fmt.length) {
      const d = fmt[++i]!;
      const widths: Record<string, string> = { Y: '(\\d{4})', y: '(\\d{2})', m: '(\\d{1,2})', d: '(\\d{1,2})', H: '(\\d{1,2})', M: '(\\d{1,2})', S: '(\\d{1,2})', f: '(\\d{1,6})', j: '(\\d{1,3})' };
      if (d === '%') re += '%';
      else if (widths[d]) {
        re += widths[d];
        order.push(d);
      } else throw new Error(`strptime directive '%${d}' is not supported`);
    } else re += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  const m = new RegExp(`${re}$`).exec(value);
  if (!m) throw new Error(`time data '${value}' does not match format '${fmt}'`);
  order.forEach((d, i) => {
    const raw = m[i + 1]!;
    parts[d === 'y' ? 'Y' : d] = d === 'y' ? 2000 + Number(raw) : d === 'f' ? Number(raw.padEnd(6, '0')) : Number(raw);
  });
  const us = parts['f']!;
  return new PyDatetime(Date.UTC(parts['Y']!, parts['m']! - 1, parts['d']!, parts['H']!, parts['M']!, parts['S']!, Math.floor(us / 1000)), false, us % 1000);
}

function construct(name: string, args: unknown[], dateOnly: boolean): PyDatetime {
  const v = bind(name, args, ['year', 'month', 'day', 'hour', 'minute', 'second', 'microsecond', 'tzinfo'], { required: 3 }).values;
  const n = (k: string) => Number(v[k] ?? 0);
  const us = n('microsecond');
  return new PyDatetime(Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'), Math.floor(us / 1000)), dateOnly, us % 1000);
}

/** `modules.datetime`, with `now` fixed by the caller so one compile sees one clock. */
export function datetimeModule(now: () => number): Record<string, unknown> {
  const datetimeClass = Object.assign((...args: unknown[]) => construct('datetime', args, false), {
    now: () => new PyDatetime(now()),
    utcnow: () => new PyDatetime(now()),
    today: () => new PyDatetime(now()),
    strptime: (v: string, f: string) => strptime(v, f),
    fromisoformat: (v: string) => strptime(v.replace('T', ' ').slice(0, 19).padEnd(10, ''), v.length > 10 ? '%Y-%m-%d %H:%M:%S' : '%Y-%m-%d'),
    fromtimestamp: (s: number) => new PyDatetime(s * 1000),
    utcfromtimestamp: (s: number) => new PyDatetime(s * 1000),
  });
  const dateClass = Object.assign((...args: unknown[]) => construct('date', args, true), {
    today: () => new PyDatetime(now()).date(),
    fromisoformat: (v: string) => strptime(v, '%Y-%m-%d').date(),
  });
  return {
    datetime: datetimeClass,
    date: dateClass,
    timedelta: (...args: unknown[]) => PyTimedelta.create(...args),
    timezone: { utc: null },
  };
}
