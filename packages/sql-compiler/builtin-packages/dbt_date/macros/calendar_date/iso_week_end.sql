{#- iso_week_end(date=None, tz=None): the Sunday ending the ISO week of `date` (default: today), as a date. -#}
{% macro iso_week_end(date=None, tz=None) -%}
  {%- set dt = date if date else dbt_date.today(tz) -%}
  {{- adapter.dispatch('iso_week_end', 'dbt_date')(dt) -}}
{%- endmacro %}

{% macro default__iso_week_end(date) -%}
cast({{ dbt.dateadd('day', 6, dbt_date.iso_week_start(date)) }} as date)
{%- endmacro %}
