{#- expression_is_true(model, expression, column_name=None): rows where the expression (prefixed by column_name when given) is false. -#}
{% test expression_is_true(model, expression, column_name=None) -%}
  {{- adapter.dispatch('test_expression_is_true', 'dbt_utils')(model, expression, column_name) -}}
{%- endtest %}

{% macro default__test_expression_is_true(model, expression, column_name) -%}
select *
from {{ model }}
{%- if column_name is none %}
where not({{ expression }})
{%- else %}
where not({{ column_name }} {{ expression }})
{%- endif %}
{%- endmacro %}
