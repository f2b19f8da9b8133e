{#- week_start(date=None, tz=None): the Sunday starting the week of `date` (default: today), as a date. -#}
{% macro week_start(date=None, tz=None) -%}
  {%- set dt = date if date else dbt_date.today(tz) -%}
  {{- adapter.dispatch('week_start', 'dbt_date')(dt) -}}
{%- endmacro %}

{#- Engines truncate weeks to Monday: shift by a day so Sunday starts the week. -#}
{% macro default__week_start(date) -%}
cast({{ dbt.dateadd('day', -1, dbt.date_trunc('week', dbt.dateadd('day', 1, date))) }} as date)
{%- endmacro %}
