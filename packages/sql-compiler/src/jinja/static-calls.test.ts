import { describe, expect, it } from 'vitest';
import { Environment } from './index.js';

const env = new Environment();
const calls = (src: string) => env.parse(src, 't.sql').staticCalls;

describe('static ref/source/config extraction', () => {
  it('reads literal calls through sets, loops and conditionals on locals', () => {
    const c = calls(
      "{{ config(materialized='table', tags=['a']) }}\n{% set cols = ['x', 'y'] %}\nselect {% for c in cols %}{{ c }}{{ ',' if not loop.last }}{% endfor %}\nfrom {{ ref('orders') }} join {{ ref('pkg', 'items', v=2) }} join {{ source('raw', 'events') }}",
    );
    expect(c).toEqual({
      configs: [{ args: [], kwargs: { materialized: 'table', tags: ['a'] } }],
      refs: [
        { args: ['orders'], kwargs: {} },
        { args: ['pkg', 'items'], kwargs: { v: 2 } },
      ],
      sources: [{ args: ['raw', 'events'], kwargs: {} }],
    });
  });
  it('gives up whenever rendering could differ', () => {
    expect(calls("select * from {{ ref(var('t')) }}")).toBeUndefined(); // non-literal argument
    expect(calls("{% if target.name == 'prod' %}{{ ref('a') }}{% endif %}")).toBeUndefined(); // free name
    expect(calls("{{ config.get('x') }}")).toBeUndefined(); // config used other than as a call
    expect(calls("{{ my_macro() }} {{ ref('a') }}")).toBeUndefined(); // a macro could call anything
    expect(calls("{% set ref = 1 %}{{ ref }}")).toBeUndefined(); // shadowed
    expect(calls("{% call statement('x') %}select 1{% endcall %}")).toBeUndefined();
  });
});
