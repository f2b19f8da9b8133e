{#- concat(fields): concatenate a list of SQL string expressions. Athena and DuckDB use `||` (null if any part is null). -#}
{% macro concat(fields) -%}
  {{- adapter.dispatch('concat', 'dbt')(fields) -}}
{%- endmacro %}

{% macro default__concat(fields) -%}
concat({{ fields | join(', ') }})
{%- endmacro %}

{% macro athena__concat(fields) -%}
{{ fields | join(' || ') }}
{%- endmacro %}

{% macro duckdb__concat(fields) -%}
{{ fields | join(' || ') }}
{%- endmacro %}
