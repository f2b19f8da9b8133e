{#- string_literal(value): value as a quoted SQL string literal. -#}
{% macro string_literal(value) -%}
  {{- adapter.dispatch('string_literal', 'dbt')(value) -}}
{%- endmacro %}

{% macro default__string_literal(value) -%}
'{{ value }}'
{%- endmacro %}
