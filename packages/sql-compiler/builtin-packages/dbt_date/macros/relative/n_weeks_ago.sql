{#- n_weeks_ago(n, tz=None): start (Monday, as date_trunc('week')) of the week n weeks before today. -#}
{% macro n_weeks_ago(n, tz=None) -%}
  {%- set n = n | int -%}
cast({{ dbt.date_trunc('week', dbt.dateadd('week', -1 * n, dbt_date.today(tz))) }} as date)
{%- endmacro %}
