{#- bool_or(expression): true when the expression is true for any row of the group. -#}
{% macro bool_or(expression) -%}
  {{- adapter.dispatch('bool_or', 'dbt')(expression) -}}
{%- endmacro %}

{% macro default__bool_or(expression) -%}
bool_or({{ expression }})
{%- endmacro %}
