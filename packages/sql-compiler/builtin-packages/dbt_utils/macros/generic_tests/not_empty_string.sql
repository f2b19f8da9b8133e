{#- not_empty_string(model, column_name, trim_whitespace=true): rows whose value is '' (after trimming, by default). -#}
{% test not_empty_string(model, column_name, trim_whitespace=true) -%}
  {{- adapter.dispatch('test_not_empty_string', 'dbt_utils')(model, column_name, trim_whitespace) -}}
{%- endtest %}

{% macro default__test_not_empty_string(model, column_name, trim_whitespace=true) -%}
with all_values as (
    select
        {% if trim_whitespace %}trim({{ column_name }}){% else %}{{ column_name }}{% endif %} as {{ column_name }}
    from {{ model }}
),
errors as (
    select *
    from all_values
    where {{ column_name }} = ''
)
select *
from errors
{%- endmacro %}
