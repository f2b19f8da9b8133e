{#- get_single_value(sql_statement, default=none): the one value a one-row, one-column query returns (default while parsing or for no rows). -#}
{% macro get_single_value(sql_statement, default=none) -%}
  {{- return(adapter.dispatch('get_single_value', 'dbt_utils')(sql_statement, default)) -}}
{%- endmacro %}

{% macro default__get_single_value(sql_statement, default=none) -%}
  {%- if not execute -%}
    {{- return(default) -}}
  {%- endif -%}
  {%- set result = run_query(sql_statement) -%}
  {%- if result is none or (result.rows | length) == 0 -%}
    {%- if default is not none -%}
      {{- return(default) -}}
    {%- endif -%}
    {{- exceptions.raise_compiler_error('dbt_utils.get_single_value: the query returned no rows and no default was given:\n' ~ sql_statement) -}}
  {%- endif -%}
  {%- if (result.rows | length) > 1 or (result.column_names | length) > 1 -%}
    {{- exceptions.raise_compiler_error('dbt_utils.get_single_value: the query must return exactly one row and one column, it returned ' ~ (result.rows | length) ~ ' rows and ' ~ (result.column_names | length) ~ ' columns:\n' ~ sql_statement) -}}
  {%- endif -%}
  {{- return(result.rows[0][0]) -}}
{%- endmacro %}
