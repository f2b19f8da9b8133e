{#- any_value(expression): an arbitrary value from the group. -#}
{% macro any_value(expression) -%}
  {{- adapter.dispatch('any_value', 'dbt')(expression) -}}
{%- endmacro %}

{% macro default__any_value(expression) -%}
any_value({{ expression }})
{%- endmacro %}

{% macro athena__any_value(expression) -%}
arbitrary({{ expression }})
{%- endmacro %}
