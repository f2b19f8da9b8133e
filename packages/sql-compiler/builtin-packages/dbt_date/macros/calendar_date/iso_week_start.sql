{#- iso_week_start(date=None, tz=None): the Monday starting the ISO week of `date` (default: today), as a date. -#}
{% macro iso_week_start(date=None, tz=None) -%}
  {%- set dt = date if date else dbt_date.today(tz) -%}
  {{- adapter.dispatch('iso_week_start', 'dbt_date')(dt) -}}
{%- endmacro %}

{% macro default__iso_week_start(date) -%}
cast({{ dbt.date_trunc('week', date) }} as date)
{%- endmacro %}
