{#- escape_single_quotes(expression): make text safe inside a '...' SQL literal (quotes doubled). -#}
{% macro escape_single_quotes(expression) -%}
  {{- adapter.dispatch('escape_single_quotes', 'dbt')(expression) -}}
{%- endmacro %}

{% macro default__escape_single_quotes(expression) -%}
{{ (expression | string) | replace("'", "''") }}
{%- endmacro %}
