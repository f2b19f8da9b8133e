{#-
  get_intervals_between(start_date, end_date, datepart): how many dateparts lie between the two
  SQL expressions, asked of the warehouse with run_query (1 during the parse pass).
-#}
{% macro get_intervals_between(start_date, end_date, datepart) -%}
  {{- return(adapter.dispatch('get_intervals_between', 'dbt')(start_date, end_date, datepart)) -}}
{%- endmacro %}

{% macro default__get_intervals_between(start_date, end_date, datepart) -%}
  {%- if not execute -%}
    {{- return(1) -}}
  {%- endif -%}
  {%- set result = run_query('select ' ~ dbt.datediff(start_date, end_date, datepart) ~ ' as days_diff') -%}
  {%- if result is none or (result.rows | length) == 0 -%}
    {{- exceptions.raise_compiler_error('get_intervals_between: the query returned no rows') -}}
  {%- endif -%}
  {%- set value = result.columns[0].values()[0] -%}
  {{- return(value | int if value is not none else 0) -}}
{%- endmacro %}
