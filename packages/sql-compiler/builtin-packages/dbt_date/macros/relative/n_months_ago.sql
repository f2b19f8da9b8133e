{#- n_months_ago(n, tz=None): first day of the month n months before today. -#}
{% macro n_months_ago(n, tz=None) -%}
  {%- set n = n | int -%}
cast({{ dbt.date_trunc('month', dbt.dateadd('month', -1 * n, dbt_date.today(tz))) }} as date)
{%- endmacro %}
