{#-
  week_of_year(date=None, tz=None): week number of the Sunday-start week (0-53, as strftime %U:
  days before the year's first Sunday are week 0). For ISO weeks use iso_week_of_year.
-#}
{% macro week_of_year(date=None, tz=None) -%}
  {%- set dt = date if date else dbt_date.today(tz) -%}
  {{- adapter.dispatch('week_of_year', 'dbt_date')(dt) -}}
{%- endmacro %}

{#- (day of year - 1 + weekday of Jan 1 counted from Sunday = 0) / 7 -#}
{% macro default__week_of_year(date) -%}
cast(floor((extract(doy from {{ date }}) - 1 + extract(dow from {{ dbt.date_trunc('year', date) }})) / 7) as {{ dbt.type_int() }})
{%- endmacro %}

{% macro athena__week_of_year(date) -%}
cast((day_of_year({{ date }}) - 1 + day_of_week(date_trunc('year', {{ date }})) % 7) / 7 as integer)
{%- endmacro %}

{% macro duckdb__week_of_year(date) -%}
cast(strftime({{ date }}, '%U') as integer)
{%- endmacro %}
