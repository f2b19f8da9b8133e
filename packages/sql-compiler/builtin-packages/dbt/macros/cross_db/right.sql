{#- right(string_text, length_expression): the last N characters. -#}
{% macro right(string_text, length_expression) -%}
  {{- adapter.dispatch('right', 'dbt')(string_text, length_expression) -}}
{%- endmacro %}

{% macro default__right(string_text, length_expression) -%}
right({{ string_text }}, {{ length_expression }})
{%- endmacro %}

{#- Trino has no right(); substr with a negative start counts from the end (0 characters needs its own case). -#}
{% macro athena__right(string_text, length_expression) -%}
case when ({{ length_expression }}) = 0 then '' else substr({{ string_text }}, -1 * ({{ length_expression }})) end
{%- endmacro %}
