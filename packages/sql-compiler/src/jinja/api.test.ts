import { describe, expect, it, vi } from 'vitest';
import {
  Environment,
  Kwargs,
  Macro,
  PyFloat,
  RAW_ARGS,
  UNDEFINED,
  Undefined,
  bindArguments,
  isFloat,
  isTuple,
  isUndefined,
  makeFloat,
  makeTuple,
  pyRepr,
  pyStr,
  returnFunction,
  truthy,
  unboxDeep,
} from './index.js';

const env = new Environment();
const render = (src: string, ctx: Record<string, unknown> = {}, resolve?: (n: string) => unknown): string =>
  env.parse(src, 'test.sql').render(ctx, resolve ? { resolve } : undefined);

describe('host function calling convention', () => {
  it('spreads positional arguments and appends Kwargs only when keywords were passed', () => {
    const fn = vi.fn((..._args: unknown[]) => 'ok');
    render("{{ f('a', 1) }}{{ f('b', v=2, w='x') }}{{ f(**{}) }}{{ f(*[1, 2]) }}", { f: fn });
    expect(fn.mock.calls[0]).toEqual(['a', 1]);
    expect(fn.mock.calls[1]).toEqual(['b', new Kwargs({ v: 2, w: 'x' })]);
    expect(fn.mock.calls[1]?.[1]).toBeInstanceOf(Kwargs);
    expect(fn.mock.calls[2]).toEqual([]);
    expect(fn.mock.calls[3]).toEqual([1, 2]);
  });

  it('unboxes floats at the boundary and treats undefined results as None', () => {
    const fn = vi.fn((..._args: unknown[]) => undefined);
    expect(render('{{ f(1.0, 2.5, 3, k=4.0) }}', { f: fn })).toBe('None');
    expect(fn.mock.calls[0]).toEqual([1, 2.5, 3, new Kwargs({ k: 4 })]);
  });

  it('passes undefined template values as Undefined instances', () => {
    let got: unknown;
    render('{{ f(missing) }}', { f: (v: unknown) => (got = v) });
    expect(isUndefined(got)).toBe(true);
    expect((got as Undefined).name).toBe('missing');
  });

  it('gives raw engine values to functions marked RAW_ARGS', () => {
    let got: unknown;
    const f = Object.assign((v: unknown) => (got = v), { [RAW_ARGS]: true });
    render('{{ f(1.0) }}', { f });
    expect(got).toBeInstanceOf(PyFloat);
  });

  it('calls methods of host objects with `this` bound, also when taken as attributes', () => {
    class Relation {
      constructor(readonly identifier: string) {}
      get quoted(): string {
        return `"${this.identifier}"`;
      }
      include(opts: Kwargs): string {
        return `${this.identifier}:${String(opts.values.schema)}`;
      }
      toString(): string {
        return `"db"."${this.identifier}"`;
      }
    }
    const rel = new Relation('orders');
    expect(render('{{ r }} {{ r.identifier }} {{ r.quoted }} {{ r.include(schema=false) }} {% set f = r.include %}{{ f(schema=1) }}', { r: rel })).toBe(
      '"db"."orders" orders "orders" orders:false orders:1',
    );
  });

  it('calls functions stored in plain objects (namespaces such as `adapter`)', () => {
    const adapter = {
      prefix: 'p_',
      quote(this: { prefix: string }, s: string) {
        return `${this.prefix}"${s}"`;
      },
    };
    expect(render("{{ adapter.quote('x') }}", { adapter })).toBe('p_"x"');
  });

  it('lets host functions return macros that the template then calls', () => {
    const lib = env.parse('{% macro greet(name, punct="!") %}hi {{ name }}{{ punct }}{% endmacro %}', 'macros/lib.sql');
    const greet = lib.macros[0]?.bind({});
    expect(render("{{ dispatch('greet')('bob', punct='?') }}", { dispatch: () => greet })).toBe('hi bob?');
  });
});

describe('name resolution', () => {
  it('looks names up in template scopes, then ctx, then resolve(), then globals', () => {
    const resolve = vi.fn((n: string) => (n === 'lazy' ? 'from-resolve' : n === 'range' ? 'shadowed' : undefined));
    const out = render('{{ a }} {{ lazy }} {% set a = "top" %}{{ a }} {{ range }} {{ dict(k=1) }} [{{ nothing }}]', { a: 'ctx' }, (n) => resolve(n));
    expect(out).toBe("ctx from-resolve top shadowed {'k': 1} []");
    expect(resolve).toHaveBeenCalledWith('lazy');
    expect(resolve).not.toHaveBeenCalledWith('a');
  });

  it('does not write top-level assignments into ctx', () => {
    const ctx = { x: 1 };
    expect(render('{% set x = 2 %}{% set y = 3 %}{{ x }}{{ y }}', ctx)).toBe('23');
    expect(ctx).toEqual({ x: 1 });
  });

  it('keeps renders of the same template independent', () => {
    const t = env.parse('{% set ns = namespace(n=0) %}{% for i in xs %}{% set ns.n = ns.n + i %}{% endfor %}{{ ns.n }}', 't');
    expect(t.render({ xs: [1, 2] })).toBe('3');
    expect(t.render({ xs: [5] })).toBe('5');
  });

  it('does not treat Object.prototype members as variables', () => {
    expect(render('[{{ constructor }}][{{ toString is defined }}][{{ hasOwnProperty }}]')).toBe('[][False][]');
    expect(render('{{ constructor }}', { constructor: 'own' })).toBe('own');
  });

  it('supports chainable undefined for parse-time rendering', () => {
    const chain = new Environment({ undefinedMode: 'chainable' });
    expect(chain.parse('[{{ a.b.c }}][{{ a["x"][0] }}][{{ a.b is defined }}][{{ a.b|default("d") }}]', 'c').render({})).toBe('[][][False][d]');
    expect(() => env.parse('{{ a.b.c }}', 'l').render({})).toThrow("'a' is undefined");
  });
});

describe('templates, macros and dbt blocks', () => {
  const lib = env.parse(
    [
      "{% set suffix = '_v' %}",
      '{% macro outer(x) -%}',
      '  {{ inner(x) }}{{ suffix }}',
      '{%- endmacro %}',
      '{% macro inner(y, z=2) %}<{{ y }}|{{ z }}|{{ who }}>{% endmacro %}',
      '{% test unique(model, column_name) %}select {{ column_name }} from {{ model }}{% endtest %}',
      "{% materialization table, adapter='athena' %}M{% endmaterialization %}",
      '{% materialization view, default %}V{% endmaterialization %}',
      '{% macro getter() %}{{ return({"n": 1.0, "l": [1, 2]}) }}{% endmacro %}',
    ].join('\n'),
    'macros/lib.sql',
  );

  it('lists top-level macros in source order with params, lines and source text', () => {
    expect(lib.macros.map((m) => [m.name, m.params, m.line])).toEqual([
      ['outer', ['x'], 2],
      ['inner', ['y', 'z'], 5],
      ['test_unique', ['model', 'column_name'], 6],
      ['materialization_table_athena', ['supported_languages'], 7],
      ['materialization_view_default', ['supported_languages'], 8],
      ['getter', [], 9],
    ]);
    expect(lib.macros[1]?.source).toBe('{% macro inner(y, z=2) %}<{{ y }}|{{ z }}|{{ who }}>{% endmacro %}');
    expect(lib.macros[0]?.source).toBe('{% macro outer(x) -%}\n  {{ inner(x) }}{{ suffix }}\n{%- endmacro %}');
  });

  it('binds macros to a context; they see sibling macros and top-level variables', () => {
    const outer = lib.macros[0]?.bind({ who: 'ctx' });
    expect(outer).toBeInstanceOf(Macro);
    expect(outer?.name).toBe('outer');
    expect(outer?.call(['a'])).toBe('<a|2|ctx>_v');
    expect(lib.macros[1]?.bind({}, { resolve: (n) => (n === 'who' ? 'resolved' : undefined) }).call(['b'], { z: 9 })).toBe('<b|9|resolved>');
    expect(lib.macros[2]?.bind({}).call(['"t"', 'id'])).toBe('select id from "t"');
  });

  it('returns values from macros to the host', () => {
    const v = lib.macros[5]?.bind({}).call([]) as Record<string, unknown>;
    expect(isFloat(v.n)).toBe(true);
    expect(unboxDeep(v)).toEqual({ n: 1, l: [1, 2] });
  });

  it('reports docs blocks raw and snapshot blocks as their own templates', () => {
    const t = env.parse(
      '{% docs orders %}\n# Orders {{ not_rendered }}\n{% enddocs %}\n{% snapshot snap %}\nselect {{ 1 + 1 }} from {{ src }}\n{% endsnapshot %}',
      'x.sql',
    );
    expect(t.docs).toEqual([{ name: 'orders', content: '\n# Orders {{ not_rendered }}\n', line: 1 }]);
    expect(t.snapshots.map((s) => [s.name, s.line])).toEqual([['snap', 4]]);
    expect(t.snapshots[0]?.body.render({ src: 'raw' })).toBe('\nselect 2 from raw\n');
    expect(t.snapshots[0]?.source).toBe('{% snapshot snap %}\nselect {{ 1 + 1 }} from {{ src }}\n{% endsnapshot %}');
    expect(t.render({})).toBe('\n');
  });

  it('provides dbt\'s return() by default and exports it for other placements', () => {
    expect(render('{% macro m() %}x{{ return(1) }}{% endmacro %}{{ m() + 1 }}')).toBe('2');
    const bare = new Environment({ globals: { return: 'shadowed' } });
    expect(bare.parse('{{ return }}', 't').render({ return: returnFunction })).toBe('<built-in function return>');
  });

  it('renders macros and repr of engine objects like Jinja2', () => {
    expect(render('{% macro m() %}{% endmacro %}{{ m }} {{ namespace(a=1) }}')).toBe("<Macro 'm'> <Namespace {'a': 1}>");
  });
});

describe('environment extension points', () => {
  it('registers filters, tests and globals with the host calling convention', () => {
    const e = new Environment({
      filters: { wrap: (v: unknown, l: unknown, r?: unknown) => `${String(l)}${String(v)}${r instanceof Kwargs ? String(r.values.right) : ''}` },
      tests: { short: (v: unknown) => String(v).length < 3 },
      globals: { answer: 42 },
    });
    e.addGlobal('greeting', 'hi');
    expect(e.parse("{{ 'x'|wrap('[', right=']') }} {{ 'ab' is short }} {{ answer }} {{ greeting }}", 'f').render({})).toBe('[x] True 42 hi');
  });

  it('lets host filters override builtins', () => {
    const e = new Environment();
    e.addFilter('upper', (v: unknown) => `U(${String(v)})`);
    expect(e.parse("{{ 'a'|upper }}", 'f').render({})).toBe('U(a)');
  });
});

describe('bindArguments', () => {
  it('maps positional and keyword arguments onto parameter names', () => {
    expect(bindArguments(['a', new Kwargs({ version: 2 })], ['name', 'version'], { version: 1 })).toEqual({ name: 'a', version: 2 });
    expect(bindArguments(['a'], ['name', 'version'], { version: 1 })).toEqual({ name: 'a', version: 1 });
    expect(bindArguments([], ['name'])).toEqual({});
  });

  it('rejects unknown, duplicate and surplus arguments', () => {
    expect(() => bindArguments(['a', new Kwargs({ x: 1 })], ['name'], {}, 'ref')).toThrow("ref() got an unexpected keyword argument 'x'");
    expect(() => bindArguments(['a', new Kwargs({ name: 1 })], ['name'], {}, 'ref')).toThrow("ref() got multiple values for argument 'name'");
    expect(() => bindArguments(['a', 'b'], ['name'], {}, 'ref')).toThrow('ref() takes at most 1 argument(s) (2 given)');
  });
});

describe('value helpers', () => {
  it('renders Python values', () => {
    expect(pyStr(makeFloat(2))).toBe('2.0');
    expect(pyStr(0.5)).toBe('0.5');
    expect(pyStr(3)).toBe('3');
    expect(pyStr(null)).toBe('None');
    expect(pyStr(undefined)).toBe('None');
    expect(pyStr(UNDEFINED)).toBe('');
    expect(pyStr(makeTuple(['a']))).toBe("('a',)");
    expect(pyRepr("it's")).toBe('"it\'s"');
    expect(pyRepr({ a: [true, null, makeFloat(1e21)] })).toBe("{'a': [True, None, 1e+21]}");
    expect(pyStr(Infinity)).toBe('inf');
  });

  it('represents floats canonically', () => {
    expect(makeFloat(1.5)).toBe(1.5);
    expect(makeFloat(2)).toBeInstanceOf(PyFloat);
    expect(isFloat(2)).toBe(false);
    expect(isFloat(2.5)).toBe(true);
    expect(isTuple(makeTuple([1]))).toBe(true);
    expect(isTuple([1])).toBe(false);
  });

  it('implements Python truthiness', () => {
    expect([0, '', [], {}, null, undefined, UNDEFINED, makeFloat(0), false].map(truthy)).toEqual(Array(9).fill(false));
    expect([1, 'a', [0], { a: 1 }, makeFloat(1), NaN, true, new Date(0)].map(truthy)).toEqual(Array(8).fill(true));
  });
});
