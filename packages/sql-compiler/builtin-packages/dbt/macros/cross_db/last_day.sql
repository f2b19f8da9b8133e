{#- last_day(date, datepart): last date of the datepart (month, quarter, year, week) containing `date`, as a date. -#}
{% macro last_day(date, datepart) -%}
  {{- adapter.dispatch('last_day', 'dbt')(date, datepart) -}}
{%- endmacro %}

{% macro default__last_day(date, datepart) -%}
cast({{ dbt.dateadd('day', -1, dbt.dateadd(datepart, 1, dbt.date_trunc(datepart, date))) }} as date)
{%- endmacro %}
