import { describe, expect, it } from 'vitest';
import { Environment, JinjaRuntimeError, JinjaSyntaxError } from './index.js';

const env = new Environment();

function syntaxError(source: string): JinjaSyntaxError {
  try {
    env.parse(source, 'models/x.sql');
  } catch (e) {
    if (e instanceof JinjaSyntaxError) return e;
    throw e;
  }
  throw new Error(`expected a syntax error for ${JSON.stringify(source)}`);
}

function runtimeError(source: string, ctx: Record<string, unknown> = {}): JinjaRuntimeError {
  const t = env.parse(source, 'models/y.sql');
  try {
    t.render(ctx);
  } catch (e) {
    if (e instanceof JinjaRuntimeError) return e;
    throw e;
  }
  throw new Error(`expected a runtime error for ${JSON.stringify(source)}`);
}

// Messages and lines are Jinja2 3.1's (checked with python3-jinja2); columns are 1-based.
const SYNTAX_CASES: [source: string, message: string, line: number, column: number][] = [
  [
    '{% for i in [1] %}\n  {% endfo %}',
    "Encountered unknown tag 'endfo'. Jinja was looking for the following tags: 'endfor' or 'else'. The innermost block that needs to be closed is 'for'.",
    2,
    6,
  ],
  [
    '{% if x %}{% endfor %}',
    "Encountered unknown tag 'endfor'. Jinja was looking for the following tags: 'elif' or 'else' or 'endif'. The innermost block that needs to be closed is 'if'.",
    1,
    14,
  ],
  ['{% foo %}', "Encountered unknown tag 'foo'.", 1, 4],
  ['{% endif %}', "Encountered unknown tag 'endif'.", 1, 4],
  [
    '{% for i in x %}',
    "Unexpected end of template. Jinja was looking for the following tags: 'endfor' or 'else'. The innermost block that needs to be closed is 'for'.",
    1,
    17,
  ],
  [
    '{% macro m() %}{% for x in y %}{% endmacro %}',
    "Encountered unknown tag 'endmacro'. You probably made a nesting mistake. Jinja is expecting this tag, but currently looking for 'endfor' or 'else'. The innermost block that needs to be closed is 'for'.",
    1,
    35,
  ],
  [
    '{% set x %}abc',
    "Unexpected end of template. Jinja was looking for the following tags: 'endset'. The innermost block that needs to be closed is 'set'.",
    1,
    15,
  ],
  [
    '{% if x %}\n{% else %}\n{% elif y %}{% endif %}',
    "Encountered unknown tag 'elif'. Jinja was looking for the following tags: 'endif'. The innermost block that needs to be closed is 'if'.",
    3,
    4,
  ],
  ['line1\n{{ x }', "unexpected '}'", 2, 6],
  ['{{ x', "unexpected end of template, expected 'end of print statement'.", 1, 5],
  ['{{ x + }}', "unexpected 'end of print statement'", 1, 8],
  ['a\nb\n  {{ 1 +* 2 }}', "unexpected '*'", 3, 9],
  ['{% if %}{% endif %}', "Expected an expression, got 'end of statement block'", 1, 7],
  ['{% macro m(a=1, b) %}{% endmacro %}', 'non-default argument follows default argument', 1, 18],
  ['{% set 1 = 2 %}', "can't assign to 'const'", 1, 8],
  ['{% call foo %}{% endcall %}', 'expected call', 1, 4],
  ['{{ foo(a=1, 2) }}', 'invalid syntax for function call expression', 1, 7],
  ['{{ x is defined is defined }}', 'You cannot chain multiple tests with is', 1, 17],
  ["{{ 'abc }}", 'unexpected char "\'" at 3', 1, 4],
  ['{{ x $ y }}', "unexpected char '$' at 5", 1, 6],
  ['{# unclosed', 'Missing end of comment tag', 1, 1],
  ['{% raw %}abc', 'Missing end of raw directive', 1, 1],
  ['{% %}', 'tag name expected', 1, 4],
  ['{{ [1, 2 }}', "unexpected '}', expected ']'", 1, 10],
  ['{{ (1 ] }}', "unexpected ']', expected ')'", 1, 7],
  ['{{ x.  }}', 'expected name or number', 1, 8],
  ['{% with a %}{% endwith %}', "expected token '=', got 'end of statement block'", 1, 11],
  ['{{ x | }}', "expected token 'name', got 'end of print statement'", 1, 8],
  ['{% endfor x %}', "Encountered unknown tag 'endfor'.", 1, 4],
  ['{% for x in y %}{% endfor x %}', "expected token 'end of statement block', got 'x'", 1, 27],
  ['{% materialization m, foo=1 %}{% endmaterialization %}', "materialization 'm' received unknown argument 'foo'.", 1, 23],
  ['{% test t %}{% endtest %}', "expected token '(', got 'end of statement block'", 1, 11],
  ['{% if true %}\n  {% break %}\n{% endif %}', "'break' outside loop", 2, 6],
  ['{% for x in y %}{% macro m() %}{% continue %}{% endmacro %}{% endfor %}', "'continue' outside loop", 1, 35],
];

describe('syntax errors', () => {
  for (const [source, message, line, column] of SYNTAX_CASES) {
    it(message, () => {
      const e = syntaxError(source);
      expect(e).toBeInstanceOf(Error);
      expect(e.name).toBe('JinjaSyntaxError');
      expect({ message: e.message, line: e.line, column: e.column, templateName: e.templateName }).toEqual({
        message,
        line,
        column,
        templateName: 'models/x.sql',
      });
    });
  }

  it('reports unsupported tags clearly', () => {
    expect(syntaxError("{% include 'x.sql' %}").message).toBe("The 'include' tag is not supported (dbt projects do not use it).");
    expect(syntaxError("{% extends 'x.sql' %}").message).toContain("'extends' tag is not supported");
  });
});

describe('runtime errors', () => {
  it('carry the template name, the line and the Python exception type', () => {
    const e = runtimeError('select 1\nfrom t\nwhere {{ x.y }}');
    expect(e).toMatchObject({ templateName: 'models/y.sql', line: 3, pyType: 'UndefinedError', message: "'x' is undefined" });
  });

  it('report the line inside a macro, not the call site', () => {
    const e = runtimeError('{% macro m(a) %}\n  ok\n  {{ a.b.c }}\n{% endmacro %}\n\n{{ m({}) }}');
    expect(e).toMatchObject({ line: 3, message: "'dict object' has no attribute 'b'" });
  });

  it('report the line of the failing statement after a macro call returned', () => {
    const e = runtimeError('{% macro m() %}\nx\n{% endmacro %}\n{{ m() }}\n{{ 1 / 0 }}');
    expect(e).toMatchObject({ line: 5, pyType: 'ZeroDivisionError', message: 'division by zero' });
  });

  it('report the line of a multi-line loop body statement', () => {
    const e = runtimeError('{% for i in [1, 2] %}\n{{ i }}\n{{ i.upper() }}\n{% endfor %}');
    expect(e).toMatchObject({ line: 3, message: "'int object' has no attribute 'upper'" });
  });

  it('wrap errors thrown by host functions, keeping them as the cause', () => {
    const boom = new Error('no such model');
    const e = runtimeError('a\n\n{{ ref("x") }}', {
      ref: () => {
        throw boom;
      },
    });
    expect(e).toMatchObject({ line: 3, message: 'no such model', pyType: 'Error' });
    expect(e.cause).toBe(boom);
  });

  it('use Jinja2 messages for macro argument errors', () => {
    expect(runtimeError('{% macro foo(a, b) %}{% endmacro %}{{ foo(1, 2, 3) }}').message).toBe(
      "macro 'foo' takes not more than 2 argument(s)",
    );
    expect(runtimeError('{% macro foo(a) %}{% endmacro %}{{ foo(c=2) }}').message).toBe("macro 'foo' takes no keyword argument 'c'");
  });

  it('use Jinja2 messages for calling non-callables', () => {
    expect(runtimeError('{{ foo() }}').message).toBe("'foo' is undefined");
    expect(runtimeError("{{ 'x'() }}")).toMatchObject({ message: "'str' object is not callable", pyType: 'TypeError' });
    expect(runtimeError('{{ none() }}').message).toBe("'NoneType' object is not callable");
  });

  it('report unknown filters and tests when they run', () => {
    expect(runtimeError('{{ 1|nope }}').message).toBe("No filter named 'nope' found.");
    expect(runtimeError('{{ 1 is nope }}').message).toBe("No test named 'nope' found.");
    expect(env.parse('{% if false %}{{ 1|nope }}{% endif %}ok', 'z').render({})).toBe('ok');
  });

  it('reject return() outside of a macro', () => {
    expect(runtimeError('{{ return(1) }}').message).toBe('return() was called outside of a macro');
  });

  it('turn runaway recursion into a RecursionError', () => {
    const e = runtimeError('{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}');
    expect(e.pyType).toBe('RecursionError');
  });
});
