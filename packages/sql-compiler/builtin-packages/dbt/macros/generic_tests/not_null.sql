{#- Generic test `not_null`: fails for every row whose column is null. -#}
{% test not_null(model, column_name) -%}
  {{- adapter.dispatch('test_not_null', 'dbt')(model, column_name) -}}
{%- endtest %}

{% macro default__test_not_null(model, column_name) -%}
{%- set selected = '*' if config.get('store_failures') else column_name -%}
select {{ selected }}
from {{ model }}
where {{ column_name }} is null
{%- endmacro %}
