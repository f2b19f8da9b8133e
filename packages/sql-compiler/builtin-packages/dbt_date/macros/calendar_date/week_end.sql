{#- week_end(date=None, tz=None): the Saturday ending the (Sunday-start) week of `date` (default: today), as a date. -#}
{% macro week_end(date=None, tz=None) -%}
  {%- set dt = date if date else dbt_date.today(tz) -%}
  {{- adapter.dispatch('week_end', 'dbt_date')(dt) -}}
{%- endmacro %}

{% macro default__week_end(date) -%}
cast({{ dbt.dateadd('day', 6, dbt_date.week_start(date)) }} as date)
{%- endmacro %}
