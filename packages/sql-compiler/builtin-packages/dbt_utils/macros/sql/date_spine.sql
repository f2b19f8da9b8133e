{#-
  date_spine(datepart, start_date, end_date): one row per datepart in column date_<datepart>, from
  start_date up to but excluding end_date. Arguments are SQL expressions, e.g.
  "cast('2020-01-01' as date)". Delegates to dbt.date_spine, whose Athena/DuckDB variants need no
  compile-time query.
-#}
{% macro date_spine(datepart, start_date, end_date) -%}
  {{- return(adapter.dispatch('date_spine', 'dbt_utils')(datepart, start_date, end_date)) -}}
{%- endmacro %}

{% macro default__date_spine(datepart, start_date, end_date) -%}
  {{- dbt.date_spine(datepart, start_date, end_date) -}}
{%- endmacro %}
