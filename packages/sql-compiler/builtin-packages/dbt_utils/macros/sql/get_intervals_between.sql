{#- get_intervals_between(start_date, end_date, datepart): number of dateparts between two SQL expressions (runs a query; 1 while parsing). -#}
{% macro get_intervals_between(start_date, end_date, datepart) -%}
  {{- return(adapter.dispatch('get_intervals_between', 'dbt_utils')(start_date, end_date, datepart)) -}}
{%- endmacro %}

{% macro default__get_intervals_between(start_date, end_date, datepart) -%}
  {{- return(dbt.get_intervals_between(start_date, end_date, datepart)) -}}
{%- endmacro %}
