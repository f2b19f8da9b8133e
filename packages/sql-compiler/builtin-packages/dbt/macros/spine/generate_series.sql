{#-
  generate_series(upper_bound): a query returning generated_number = 1..upper_bound, built from a
  cross join of two-row CTEs (one per bit), so it runs on any engine without table functions.
-#}
{% macro generate_series(upper_bound) -%}
  {{- adapter.dispatch('generate_series', 'dbt')(upper_bound) -}}
{%- endmacro %}

{% macro default__generate_series(upper_bound) -%}
{%- set n_bits = dbt.get_powers_of_two(upper_bound) -%}
with bit_values as (
    select 0 as bit_value
    union all
    select 1 as bit_value
),
numbered as (
    select
        {% for bit in range(n_bits) -%}
        b{{ bit }}.bit_value * {{ 2 ** bit }}{% if not loop.last %} + {% endif %}
        {%- endfor %} + 1 as generated_number
    from bit_values as b0
    {%- for bit in range(1, n_bits) %}
    cross join bit_values as b{{ bit }}
    {%- endfor %}
)
select generated_number
from numbered
where generated_number <= {{ upper_bound }}
order by generated_number
{%- endmacro %}
